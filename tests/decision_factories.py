"""Factories for the decisions and minutes tests: a cast of people seated by sector at a roundtable of the
test's own, and decisions / minutes brought to a given state through the API (so their history, audit and
domain events are the real ones). Built on tests.helpers; nothing here depends on the demo story.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from helpers import bearer, make_organisation, make_person, make_roundtable, make_sector, ok, seat, stakeholder_of
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.identity.models import User
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.roundtables.models import Goal, GoalStatus, Role, Roundtable, Seat, Visibility

API = "/api/v1"
SECTORS = ("government", "business", "civil_society")
# Who sits where at the cast's (public) roundtable: key -> (sector, role).
# Two host/member seats in each sector, so a sector can both support and object.
SEATED = {
    "facilitator": ("government", Role.facilitator),
    "host": ("government", Role.host),
    "government2": ("government", Role.member),
    "business": ("business", Role.member),
    "business2": ("business", Role.member),
    "member": ("civil_society", Role.member),
    "member2": ("civil_society", Role.member),
    "observer": ("civil_society", Role.observer),
}
GOALS = 4


async def _person(session: AsyncSession, key: str, organisation: Organisation | None, *, admin: bool = False) -> User:
    return await make_person(session, organisation, admin=admin, name=f"בדיקה {key}", name_en=f"Test {key}")


@dataclass
class Cast:
    """A public roundtable of the test's own, seated across three sectors of its own (SEATED), with a
    few goals, an `alternate` standing in for `member`'s seat and a `departed` member whose seat has
    ended; a second, internal roundtable run by `facilitator2`; an `outsider` seated nowhere and a
    platform `admin`. Ids by key, like the demo world's; `await cast.auth(key)` signs one of them in."""

    session: AsyncSession
    settings: Settings
    roundtable: Roundtable
    other: Roundtable
    users: dict[str, User] = field(default_factory=dict)
    stakeholders: dict[str, uuid.UUID] = field(default_factory=dict)
    sectors: dict[str, uuid.UUID] = field(default_factory=dict)
    organisations: dict[str, uuid.UUID] = field(default_factory=dict)
    seats: dict[str, Seat] = field(default_factory=dict)
    goal_ids: list[str] = field(default_factory=list)
    other_goal_ids: list[str] = field(default_factory=list)
    _headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def user_id(self, key: str) -> str:
        return str(self.users[key].id)

    async def auth(self, key: str) -> dict[str, str]:
        if key == "anonymous":
            return {}
        if key not in self._headers:
            self._headers[key] = await bearer(self.session, self.settings, self.users[key])
            await self.session.commit()
        return self._headers[key]


async def make_cast(session: AsyncSession, settings: Settings) -> Cast:
    sectors = {key: await make_sector(session) for key in SECTORS}
    kinds = {"government": OrganisationKind.ministry, "business": OrganisationKind.company}
    organisations = {
        key: await make_organisation(session, sector, kinds.get(key, OrganisationKind.ngo))
        for key, sector in sectors.items()
    }
    roundtable = await make_roundtable(session, organisations["government"])
    roundtable.visibility = Visibility.public
    other = await make_roundtable(session, organisations["government"])
    cast = Cast(
        session,
        settings,
        roundtable,
        other,
        sectors={key: s.id for key, s in sectors.items()},
        organisations={key: o.id for key, o in organisations.items()},
    )
    for key, (sector, role) in SEATED.items():
        cast.users[key] = await _person(session, key, organisations[sector])
        cast.seats[key] = await seat(session, roundtable, cast.users[key], role)
    cast.users["alternate"] = await _person(session, "alternate", organisations["civil_society"])
    cast.users["departed"] = await _person(session, "departed", organisations["civil_society"])
    cast.seats["departed"] = await seat(session, roundtable, cast.users["departed"], Role.member)
    cast.seats["departed"].ended_on = date.today() - timedelta(days=10)
    cast.users["facilitator2"] = await _person(session, "facilitator2", organisations["government"])
    cast.seats["facilitator2"] = await seat(session, other, cast.users["facilitator2"], Role.facilitator)
    cast.users["outsider"] = await _person(session, "outsider", None)
    cast.users["admin"] = await _person(session, "admin", None, admin=True)
    for key, user in cast.users.items():
        cast.stakeholders[key] = (await stakeholder_of(session, user)).id
    cast.seats["member"].alternate_stakeholder_id = cast.stakeholders["alternate"]
    for table, ids in ((roundtable, cast.goal_ids), (other, cast.other_goal_ids)):
        goals = [Goal(roundtable_id=table.id, title=f"מטרה {n}", status=GoalStatus.open) for n in range(GOALS)]
        session.add_all(goals)
        await session.flush()
        ids.extend(str(goal.id) for goal in goals)
    await session.commit()
    return cast


# --- decisions, through the API -------------------------------------------------------------------

STEER_PATH = ["in_discussion", "agreed"]
DECISION_PATH = {
    "proposed": [],
    "in_discussion": ["in_discussion"],
    "agreed": STEER_PATH,
    "adopted": [*STEER_PATH, "adopted"],
    "implemented": [*STEER_PATH, "adopted", "implemented"],
    "rejected": ["rejected"],
    "withdrawn": ["withdrawn"],
}


async def propose(client: httpx.AsyncClient, headers: dict[str, str], roundtable_id: Any, **fields: Any) -> dict:
    body = {"kind": "agreement", "title": "הסכמה על עקרונות שקיפות", "text": "השולחן מסכים כי..."} | fields
    return ok(await client.post(f"{API}/roundtables/{roundtable_id}/decisions", headers=headers, json=body), 201)


async def make_decision(
    client: httpx.AsyncClient,
    cast: Cast,
    status: str,
    *,
    roundtable_id: Any = None,
    steer: str = "facilitator",
    adopt: str = "host",
    **fields: Any,
) -> dict:
    """A decision of the cast's roundtable (or `roundtable_id`) brought to `status` along the usual path,
    proposed and steered by `steer`, adopted by `adopt`; returns it as read."""
    steerer = await cast.auth(steer)
    decision = await propose(client, steerer, roundtable_id or cast.roundtable.id, **fields)
    for target in DECISION_PATH[status]:
        headers = await cast.auth(adopt) if target == "adopted" else steerer
        decision = ok(
            await client.post(f"{API}/decisions/{decision['id']}/transition", headers=headers, json={"status": target})
        )
    return decision


# --- meetings and minutes, through the API --------------------------------------------------------


async def make_api_meeting(
    client: httpx.AsyncClient, headers: dict[str, str], roundtable_id: Any, *, days: float = -1, **fields: Any
) -> dict:
    """A meeting `days` from now (by default yesterday, so it can have minutes), online."""
    start = datetime.now(UTC) + timedelta(days=days)
    body = {
        "title": "מפגש בדיקה",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/test",
    } | fields
    return ok(await client.post(f"{API}/roundtables/{roundtable_id}/meetings", headers=headers, json=body), 201)


MINUTES_PATH = {
    "draft": [],
    "circulated": ["circulated"],
    "approved": ["circulated", "approved"],
    "locked": ["circulated", "approved", "locked"],
}


async def make_minutes(
    client: httpx.AsyncClient,
    cast: Cast,
    status: str = "draft",
    *,
    body: str = "פתיחה.\n\nסיכום.",
    meeting_id: str | None = None,
    approve: str = "host",
) -> dict:
    """Minutes of `meeting_id` (by default a new, past meeting of the cast's roundtable), written by the
    facilitator and brought to `status` (approved by `approve`, every other move by the facilitator);
    returns them as read."""
    facilitator = await cast.auth("facilitator")
    if meeting_id is None:
        meeting_id = (await make_api_meeting(client, facilitator, cast.roundtable.id))["id"]
    minutes = ok(
        await client.post(f"{API}/meetings/{meeting_id}/minutes", headers=facilitator, json={"body": body}), 201
    )
    for target in MINUTES_PATH[status]:
        headers = await cast.auth(approve) if target == "approved" else facilitator
        minutes = ok(
            await client.post(f"{API}/minutes/{minutes['id']}/transition", headers=headers, json={"status": target})
        )
    return minutes
