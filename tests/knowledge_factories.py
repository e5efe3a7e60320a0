"""Factories for tests that need a small cast of their own rather than the demo story: a public and an
internal roundtable with every role seated, a platform admin and an outsider, all signed in.

Built with tests.helpers factories; kept apart from that file so it can grow without colliding with it."""

import uuid
from dataclasses import dataclass, field

from helpers import bearer, make_ministry, make_person, make_roundtable, seat, stakeholder_of
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.core.security import hash_password
from shulchan.identity.models import User
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import Role, Visibility
from shulchan.stakeholders.models import Stakeholder

# Who sits where in a Cast: (roundtable key, role); None for no seat anywhere.
SEATS: dict[str, tuple[str, Role] | None] = {
    "facilitator": ("pmo", Role.facilitator),
    "host": ("pmo", Role.host),
    "member": ("pmo", Role.member),
    "observer": ("pmo", Role.observer),
    "facilitator2": ("education", Role.facilitator),
    "admin": None,  # a platform admin, seated nowhere
    "outsider": None,  # signed in, seated nowhere
}


@dataclass
class Cast:
    """Ids and sign-ins of a small world of the test's own.

    roundtables: "pmo" (public) and "education" (internal), both active.
    users: facilitator, host, member and observer at pmo; facilitator2 at education; admin (a platform
    admin); outsider; stakeholders: theirs, by the same names.
    `await cast.auth(who)` gives the headers ("anonymous": none)."""

    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)
    users: dict[str, uuid.UUID] = field(default_factory=dict)
    stakeholders: dict[str, uuid.UUID] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)  # "<tag>-<who>@example.org"
    tag: str = ""  # this cast's own, so that a search for "<tag>-facilitator" finds only its facilitators
    ministry: uuid.UUID | None = None  # hosts both roundtables; everyone but the admin works there
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    async def auth(self, who: str) -> dict[str, str]:
        return {} if who == "anonymous" else dict(self.headers[who])


async def make_cast(session: AsyncSession, settings: Settings) -> Cast:
    """Builds a Cast and commits it (a savepoint inside the test's transaction), so the app sees it."""
    ministry = await make_ministry(session)
    roundtables = {
        "pmo": await make_roundtable(session, ministry, visibility=Visibility.public),
        "education": await make_roundtable(session, ministry, visibility=Visibility.internal),
    }
    cast = Cast(
        roundtables={key: table.id for key, table in roundtables.items()},
        ministry=ministry.id,
        tag=uuid.uuid4().hex[:8],
    )
    for who, place in SEATS.items():
        user = await make_person(session, None if who == "admin" else ministry, admin=who == "admin")
        user.email = f"{cast.tag}-{who}@example.org"
        await session.flush()
        cast.emails[who] = user.email
        if place is not None:
            key, role = place
            await seat(session, roundtables[key], user, role)
        cast.users[who] = user.id
        cast.stakeholders[who] = (await stakeholder_of(session, user)).id
        cast.headers[who] = await bearer(session, settings, user)
    await session.commit()
    return cast


async def make_stakeholder(
    session: AsyncSession, organisation: Organisation | None, full_name: str, full_name_en: str, **fields: str
) -> Stakeholder:
    """A person in the directory with no sign-in (title, email, phone as given)."""
    stakeholder = Stakeholder(
        full_name=full_name,
        full_name_en=full_name_en,
        organisation_id=organisation.id if organisation else None,
        **fields,
    )
    session.add(stakeholder)
    await session.flush()
    return stakeholder


async def give_password(session: AsyncSession, user_id: uuid.UUID, password: str) -> None:
    """Lets a user sign in with a password (hashed for real, so only where a test signs in by one)."""
    user = await session.get(User, user_id)
    assert user is not None
    user.password_hash = hash_password(password)
    await session.flush()
