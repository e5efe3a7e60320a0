"""What many tests share: the problem+json check, and factories that build a small world of their own
(a test that is not about the demo story should not depend on it)."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.core.security import create_access_token
from shulchan.events.models import DomainEvent
from shulchan.identity.models import AuthSession, User
from shulchan.meetings.models import AgendaItem, AgendaItemStatus, Invitation, Meeting, MeetingMode, MeetingStatus
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.roundtables.models import Goal, GoalStatus, Role, Roundtable, RoundtableStatus, Seat, Visibility
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

PROBLEM = "application/problem+json"


# If-Match for a test that changes a co-edited text (428 without If-Match) and is not about versions.
ANY_VERSION = {"If-Match": "*"}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """An RFC 9457 problem with this status and stable code, pointing at the request; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers["content-type"]
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code, body
    assert body["type"].endswith("/" + code)
    assert body["title"]
    assert body["instance"] == response.request.url.path
    assert body["request_id"] == response.headers["x-request-id"]
    return body


async def edit(
    client: httpx.AsyncClient, url: str, *, json: Any = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    """PATCH a text people edit together the way a person does: read it, then change the version read
    (If-Match is required there; 428 without it). A caller who may not read it sends no If-Match,
    and gets the 404 or 403 that comes before the 428."""
    current = await client.get(url, headers=headers)
    if_match = {"If-Match": current.headers["ETag"]} if current.status_code == 200 else {}
    return await client.patch(url, json=json, headers={**(headers or {}), **if_match})


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The response has this status (the body is shown when not); returns its JSON."""
    assert response.status_code == status, response.text
    return response.json()


async def events_of(session: AsyncSession, entity_id: uuid.UUID | str) -> list[DomainEvent]:
    """The domain events about one object, in the order they were committed."""
    stmt = select(DomainEvent).where(DomainEvent.entity_id == uuid.UUID(str(entity_id)))
    return list(await session.scalars(stmt.order_by(DomainEvent.position)))


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def make_sector(
    session: AsyncSession, key: str | None = None, *, name_en: str = "Sector", name_he: str = "מגזר"
) -> Sector:
    sector = Sector(key=key or _unique("sector"), name_he=name_he, name_en=name_en)
    session.add(sector)
    await session.flush()
    return sector


async def make_ministry(session: AsyncSession, sector: Sector | None = None) -> Organisation:
    """A government organisation, able to host roundtables (in a 'government' sector, made if missing)."""
    if sector is None:
        sector = await session.scalar(select(Sector).where(Sector.key == "government"))
        sector = sector or await make_sector(session, "government")
    organisation = Organisation(name=_unique("משרד"), sector_id=sector.id, kind=OrganisationKind.ministry)
    session.add(organisation)
    await session.flush()
    return organisation


async def make_organisation(
    session: AsyncSession,
    sector: Sector,
    kind: OrganisationKind = OrganisationKind.ngo,
    *,
    name: str | None = None,
    name_en: str | None = None,
) -> Organisation:
    """An organisation of any kind in `sector` (use make_ministry for one that may host roundtables)."""
    organisation = Organisation(name=name or _unique("ארגון"), name_en=name_en, sector_id=sector.id, kind=kind)
    session.add(organisation)
    await session.flush()
    return organisation


async def make_person(
    session: AsyncSession,
    organisation: Organisation | None = None,
    *,
    admin: bool = False,
    name: str = "אדם לבדיקה",
    name_en: str = "Test Person",
) -> User:
    """A user who signs in, and the stakeholder (person) linked to them."""
    user = User(email=f"{_unique('person')}@example.org", full_name=name_en, is_platform_admin=admin)
    session.add(user)
    await session.flush()
    session.add(
        Stakeholder(
            full_name=name,
            full_name_en=name_en,
            user_id=user.id,
            organisation_id=organisation.id if organisation else None,
        )
    )
    await session.flush()
    return user


async def make_admin(session: AsyncSession) -> User:
    """A platform admin: a user who signs in, with no stakeholder (so no seat anywhere)."""
    user = User(email=f"{_unique('admin')}@example.org", full_name="Test Admin", is_platform_admin=True)
    session.add(user)
    await session.flush()
    return user


async def stakeholder_of(session: AsyncSession, user: User) -> Stakeholder:
    stakeholder = await session.scalar(select(Stakeholder).where(Stakeholder.user_id == user.id))
    assert stakeholder is not None
    return stakeholder


async def make_roundtable(
    session: AsyncSession,
    host: Organisation,
    *,
    status: RoundtableStatus = RoundtableStatus.active,
    visibility: Visibility = Visibility.internal,
    title: str | None = None,
) -> Roundtable:
    roundtable = Roundtable(
        title=title or _unique("שולחן"), host_organisation_id=host.id, status=status, visibility=visibility
    )
    session.add(roundtable)
    await session.flush()
    return roundtable


async def seat(
    session: AsyncSession,
    roundtable: Roundtable,
    user: User,
    role: Role,
    *,
    started_on: date | None = None,
    ended_on: date | None = None,
) -> Seat:
    """`user` seated in `role`, in their organisation's sector; held since a month ago unless told."""
    stakeholder = await stakeholder_of(session, user)
    organisation = await session.get(Organisation, stakeholder.organisation_id) if stakeholder.organisation_id else None
    sector_id = organisation.sector_id if organisation else (await make_sector(session)).id
    row = Seat(
        roundtable_id=roundtable.id,
        stakeholder_id=stakeholder.id,
        role=role,
        sector_id=sector_id,
        started_on=started_on or date.today() - timedelta(days=30),
        ended_on=ended_on,
    )
    session.add(row)
    await session.flush()
    return row


async def make_meeting(
    session: AsyncSession,
    roundtable: Roundtable,
    *,
    status: MeetingStatus = MeetingStatus.planned,
    starts_at: datetime | None = None,
) -> Meeting:
    """A two-hour online meeting, a fortnight from now unless it starts at `starts_at`."""
    starts_at = starts_at or datetime.now(UTC).replace(microsecond=0) + timedelta(days=14)
    meeting = Meeting(
        roundtable_id=roundtable.id,
        title=_unique("מפגש"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        mode=MeetingMode.online,
        online_url="https://meet.example.org/shulchan",
        status=status,
    )
    session.add(meeting)
    await session.flush()
    return meeting


async def invite(session: AsyncSession, meeting: Meeting, *seats: Seat) -> None:
    session.add_all(Invitation(meeting_id=meeting.id, seat_id=row.id) for row in seats)
    await session.flush()


async def bearer(session: AsyncSession, settings: Settings, user: User) -> dict[str, str]:
    """Headers signed in as `user` (a real session row and token, no password hashing)."""
    auth_session = AuthSession(user_id=user.id)
    session.add(auth_session)
    await session.flush()
    token, _ = create_access_token(settings, user.id, auth_session.id)
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Table:
    """A roundtable of its own: a facilitator, a government host and `members` members, all signed in."""

    roundtable: Roundtable
    facilitator: dict[str, str]
    host: dict[str, str]
    members: list[dict[str, str]] = field(default_factory=list)
    member_seats: list[Seat] = field(default_factory=list)
    facilitator_user: User | None = None
    host_user: User | None = None
    member_users: list[User] = field(default_factory=list)
    ministry: Organisation | None = None


async def make_table(
    session: AsyncSession,
    settings: Settings,
    *,
    members: int = 2,
    visibility: Visibility = Visibility.internal,
    status: RoundtableStatus = RoundtableStatus.active,
) -> Table:
    ministry = await make_ministry(session)
    roundtable = await make_roundtable(session, ministry, status=status, visibility=visibility)
    facilitator = await make_person(session, ministry)
    host = await make_person(session, ministry)
    await seat(session, roundtable, facilitator, Role.facilitator)
    await seat(session, roundtable, host, Role.host)
    table = Table(
        roundtable,
        await bearer(session, settings, facilitator),
        await bearer(session, settings, host),
        facilitator_user=facilitator,
        host_user=host,
        ministry=ministry,
    )
    for _ in range(members):
        member = await make_person(session, ministry)
        table.member_seats.append(await seat(session, roundtable, member, Role.member))
        table.members.append(await bearer(session, settings, member))
        table.member_users.append(member)
    return table


async def signed_in(
    session: AsyncSession,
    settings: Settings,
    roundtable: Roundtable | None = None,
    role: Role | None = None,
    *,
    organisation: Organisation | None = None,
    admin: bool = False,
) -> dict[str, str]:
    """Headers of a new person: seated at `roundtable` in `role` when given, else an outsider with no
    seat anywhere; with admin=True, of a platform admin (make_admin: no stakeholder, no seat)."""
    if admin:
        return await bearer(session, settings, await make_admin(session))
    person = await make_person(session, organisation)
    if roundtable is not None:
        await seat(session, roundtable, person, role or Role.member)
    return await bearer(session, settings, person)


async def make_goal(
    session: AsyncSession,
    roundtable: Roundtable,
    title: str | None = None,
    *,
    status: GoalStatus = GoalStatus.open,
    target_date: date | None = None,
) -> Goal:
    goal = Goal(roundtable_id=roundtable.id, title=title or _unique("מטרה"), status=status, target_date=target_date)
    session.add(goal)
    await session.flush()
    return goal


async def make_agenda_item(
    session: AsyncSession,
    meeting: Meeting,
    title: str | None = None,
    *,
    position: int | None = None,
    status: AgendaItemStatus = AgendaItemStatus.accepted,
    planned_minutes: int | None = None,
) -> AgendaItem:
    """An agenda item, last on the meeting's agenda unless a position is given."""
    if position is None:
        last = await session.scalar(
            select(AgendaItem.position).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position.desc())
        )
        position = (last or 0) + 1
    item = AgendaItem(
        meeting_id=meeting.id,
        position=position,
        title=title or _unique("נושא"),
        status=status,
        planned_minutes=planned_minutes,
    )
    session.add(item)
    await session.flush()
    return item


async def api_token(
    session: AsyncSession,
    *scopes: str,
    user: User | None = None,
    service_account_id: uuid.UUID | None = None,
    expires_in: timedelta = timedelta(days=30),
) -> dict[str, str]:
    """Headers presenting a new API token (a person's, or a service account's) with these scopes,
    stored as the API stores it."""
    from shulchan.core.security import hash_token
    from shulchan.integrations.models import ApiToken, ApiTokenKind
    from shulchan.integrations.token_format import hint_of, new_token

    kind = ApiTokenKind.service if service_account_id else ApiTokenKind.personal
    secret = new_token(kind)
    session.add(
        ApiToken(
            kind=kind,
            user_id=user.id if user else None,
            service_account_id=service_account_id,
            name=_unique("token"),
            token_hash=hash_token(secret),
            hint=hint_of(secret),
            scopes=list(scopes),
            expires_at=datetime.now(UTC) + expires_in,
        )
    )
    await session.flush()
    return {"Authorization": f"Bearer {secret}"}
