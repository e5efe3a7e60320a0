"""The demo world: the real roundtables of the source document, their people and seats.

The builder only: who and what comes from `content/*.yaml` (see content/README.md); this turns those
records into rows, then hands over to history.py for the roundtables' past.
"""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.core.models import Language
from shulchan.core.security import hash_password
from shulchan.demo.content import Content, demo_content
from shulchan.demo.history import build_history
from shulchan.identity.models import User
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.roundtables.models import Goal, GoalStatus, Role, Roundtable, RoundtableStatus, Seat, Visibility
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

DEMO_PASSWORD = "shulchan-demo"


def demo_users() -> list[tuple[str, str]]:
    """(email, what the sign-in is for) of every demo account, as `shulchan serve` lists them."""
    return [(sign_in.email, sign_in.role) for sign_in in demo_content().users.sign_ins]


async def seed_demo(settings: Settings, *, only_if_empty: bool) -> bool:
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            if only_if_empty and await session.scalar(select(func.count()).select_from(User)):
                return False
            await build_demo_world(session)
            return True
    finally:
        await engine.dispose()


async def build_demo_world(session: AsyncSession, content: Content | None = None) -> dict[str, dict[str, Any]]:
    """Adds the whole world to the session; returns the objects by kind and key (tests use them)."""
    content = content or demo_content()
    sectors = {
        row.key: Sector(key=row.key, name_he=row.name_he, name_en=row.name_en, colour=row.colour, position=row.position)
        for row in content.sectors
    }
    session.add_all(sectors.values())
    await session.flush()
    organisations = {
        row.key: Organisation(
            name=row.name,
            name_en=row.name_en,
            sector_id=sectors[row.sector].id,
            kind=OrganisationKind(row.kind),
            website=row.website,
        )
        for row in content.organisations
    }
    session.add_all(organisations.values())
    await session.flush()

    password_hash = hash_password(DEMO_PASSWORD)
    demo_emails = {sign_in.email for sign_in in content.users.sign_ins}
    users: dict[str, User] = {}
    admin = User(
        email=content.users.admin.email,
        full_name=content.users.admin.full_name,
        preferred_language=Language.he,
        password_hash=password_hash,
        is_platform_admin=True,
    )
    users["admin"] = admin
    session.add(admin)
    stakeholders: dict[str, Stakeholder] = {}
    for person in content.stakeholders:
        stakeholder = Stakeholder(
            full_name=person.full_name,
            full_name_en=person.full_name_en,
            organisation_id=organisations[person.organisation].id,
            title=person.title,
            email=person.email,
            phone=person.phone,
        )
        if person.email is not None and person.email in demo_emails:
            user = User(
                email=person.email,
                full_name=person.full_name,
                password_hash=password_hash,
                preferred_language=Language.he,
            )
            session.add(user)
            await session.flush()
            stakeholder.user_id = user.id
            users[person.key] = user
        stakeholders[person.key] = stakeholder
    session.add_all(stakeholders.values())
    await session.flush()

    organisation_sector = {p.key: organisations[p.organisation].sector_id for p in content.stakeholders}
    roundtables: dict[str, Roundtable] = {}
    for table in content.roundtables:
        roundtable = Roundtable(
            title=table.title,
            title_en=table.title_en,
            description=table.description,
            host_organisation_id=organisations[table.host].id,
            status=RoundtableStatus(table.status),
            visibility=Visibility(table.visibility),
            policy_area=table.policy_area,
            founding_reference=table.founding_reference,
            started_on=table.started_on,
            ended_on=table.ended_on,
        )
        session.add(roundtable)
        await session.flush()
        roundtables[table.key] = roundtable
        for goal in content.goals[table.key]:
            session.add(
                Goal(
                    roundtable_id=roundtable.id,
                    title=goal.title,
                    description=goal.description,
                    status=GoalStatus(goal.status),
                    target_date=goal.target_date,
                )
            )
        for seat in content.seats[table.key]:
            session.add(
                Seat(
                    roundtable_id=roundtable.id,
                    stakeholder_id=stakeholders[seat.stakeholder].id,
                    role=Role(seat.role),
                    sector_id=organisation_sector[seat.stakeholder],
                    started_on=seat.started_on or table.started_on or date.today(),
                    ended_on=seat.ended_on or table.ended_on,
                    alternate_stakeholder_id=stakeholders[seat.alternate].id if seat.alternate else None,
                )
            )
    await session.flush()
    world: dict[str, dict[str, Any]] = {
        "sectors": sectors,
        "organisations": organisations,
        "stakeholders": stakeholders,
        "users": users,
        "roundtables": roundtables,
    }
    await build_history(session, world, date.today(), content)
    return world
