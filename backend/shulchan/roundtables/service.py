"""Roundtables, their goals and seats: the rules and permission checks; every change goes through the
write path (events.service), which keeps the audit trail and announces it."""

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from shulchan.access.permissions import (
    ANONYMOUS,
    Permission,
    PlatformPermission,
    Principal,
    require,
    require_platform,
)
from shulchan.access.visibility import get_child, get_visible, not_found
from shulchan.core.db import refused_as
from shulchan.core.errors import Conflict, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.lifecycle import Lifecycle
from shulchan.events.tracking import Tracked, own_roundtable, read_schema, track
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import (
    ONE_OPEN_SEAT,
    Goal,
    Role,
    Roundtable,
    RoundtableStatus,
    Seat,
    Visibility,
    visible_roundtables_clause,
)
from shulchan.roundtables.schemas import (
    Composition,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    RoundtableCreate,
    RoundtableRead,
    RoundtableUpdate,
    SeatCreate,
    SeatRead,
    SeatUpdate,
    SectorComposition,
)
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

ROUNDTABLE_LIFECYCLE = Lifecycle(
    "roundtable",
    {
        RoundtableStatus.forming: frozenset({RoundtableStatus.active, RoundtableStatus.concluded}),
        RoundtableStatus.active: frozenset({RoundtableStatus.paused, RoundtableStatus.concluded}),
        RoundtableStatus.paused: frozenset({RoundtableStatus.active, RoundtableStatus.concluded}),
        RoundtableStatus.concluded: frozenset(),
    },
)

ROUNDTABLE_SORTS = {"title": SortKey((Roundtable.title, Roundtable.id)), "created_at": SortKey((Roundtable.id,))}
GOAL_SORT = SortKey((Goal.id,))
SEAT_SORT = SortKey((Seat.id,))


# --- roundtables -----------------------------------------------------------------------------------


def _roundtable_select() -> Select[Roundtable, str, str | None]:
    return select(Roundtable, Organisation.name, Organisation.name_en).join(
        Organisation, Organisation.id == Roundtable.host_organisation_id
    )


def _roundtable_read(
    principal: Principal, roundtable: Roundtable, host_name: str, host_name_en: str | None
) -> RoundtableRead:
    return RoundtableRead(
        **{
            column.key: getattr(roundtable, column.key)
            for column in Roundtable.__mapper__.column_attrs
            if column.key != "host_organisation_id"
        },
        host_organisation_id=roundtable.host_organisation_id,
        host_organisation_name=host_name,
        host_organisation_name_en=host_name_en,
        my_roles=sorted(principal.roles_in(roundtable.id)),
        my_permissions=sorted(principal.permissions_in(roundtable.id)) if principal.is_authenticated else [],
    )


async def read_roundtable(session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID) -> RoundtableRead:
    roundtable = await get_visible(session, principal, Roundtable, roundtable_id)
    return await _reread(session, principal, roundtable)


async def _reread(session: AsyncSession, principal: Principal, roundtable: Roundtable) -> RoundtableRead:
    organisation = await session.get(Organisation, roundtable.host_organisation_id)
    assert organisation is not None
    return _roundtable_read(principal, roundtable, organisation.name, organisation.name_en)


async def list_roundtables(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    status: RoundtableStatus | None,
    visibility: Visibility | None,
    host_organisation_id: uuid.UUID | None,
    mine: bool,
    q: str | None,
) -> tuple[list[RoundtableRead], str | None]:
    key = ROUNDTABLE_SORTS[sort.lstrip("-")]
    stmt = _roundtable_select().where(visible_roundtables_clause(principal))
    if status:
        stmt = stmt.where(Roundtable.status == status)
    if visibility:
        stmt = stmt.where(Roundtable.visibility == visibility)
    if host_organisation_id:
        stmt = stmt.where(Roundtable.host_organisation_id == host_organisation_id)
    if mine:
        stmt = stmt.where(Roundtable.id.in_(list(principal.roles)))
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(func.lower(Roundtable.title).like(pattern), func.lower(Roundtable.title_en).like(pattern))
        )
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key.for_rows(), sort, params)
    return [_roundtable_read(principal, *row) for row in page], next_cursor


async def _ensure_government_host(session: AsyncSession, organisation_id: uuid.UUID) -> None:
    sector_key = await session.scalar(
        select(Sector.key)
        .join(Organisation, Organisation.sector_id == Sector.id)
        .where(Organisation.id == organisation_id)
    )
    if sector_key is None:
        raise UnprocessableEntity("No organisation with this id.", code="unknown_organisation")
    if sector_key != "government":
        raise UnprocessableEntity(
            "A roundtable is hosted by a government-sector organisation (a ministry).", code="host_not_government"
        )


async def create_roundtable(session: AsyncSession, principal: Principal, body: RoundtableCreate) -> RoundtableRead:
    require_platform(principal, PlatformPermission.roundtables_create)
    await _ensure_government_host(session, body.host_organisation_id)
    roundtable = Roundtable(**body.model_dump(), status=RoundtableStatus.forming)
    await changes.created(session, principal, roundtable)
    creator_stakeholder = next(iter(principal.stakeholder_ids), None)
    if creator_stakeholder is not None:
        # Whoever sets a roundtable up facilitates it, and so can see it even while it is internal:
        # from today at the latest, so a roundtable planned to start later is theirs to prepare now.
        seat = await _new_seat(
            session,
            roundtable.id,
            creator_stakeholder,
            Role.facilitator,
            None,
            min(body.started_on or date.today(), date.today()),
            None,
            None,
            None,
        )
        await changes.created(session, principal, seat)
        # The answer describes the creator as they now are: facilitating the new table.
        principal = replace(principal, roles={**principal.roles, roundtable.id: frozenset({Role.facilitator})})
    return await _reread(session, principal, roundtable)


async def update_roundtable(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: RoundtableUpdate, if_match: str | None
) -> RoundtableRead:
    roundtable = await get_visible(session, principal, Roundtable, roundtable_id, lock=True)
    require(principal, Permission.roundtable_edit, roundtable.id)
    check_if_match(if_match, roundtable.version)
    update = body.changes()
    if update.get("host_organisation_id"):
        await _ensure_government_host(session, update["host_organisation_id"])
    started_on = update.get("started_on", roundtable.started_on)
    ended_on = update.get("ended_on", roundtable.ended_on)
    if started_on and ended_on and ended_on < started_on:
        raise UnprocessableEntity("ended_on must not be before started_on.", code="dates_out_of_order")
    async with changes.changing(session, principal, roundtable):
        apply_changes(roundtable, update)
    return await _reread(session, principal, roundtable)


async def transition_roundtable(
    session: AsyncSession,
    principal: Principal,
    roundtable_id: uuid.UUID,
    target: RoundtableStatus,
    if_match: str | None,
) -> RoundtableRead:
    roundtable = await get_visible(session, principal, Roundtable, roundtable_id, lock=True)
    require(principal, Permission.roundtable_edit, roundtable.id)
    check_if_match(if_match, roundtable.version)
    also = {}
    if target == RoundtableStatus.concluded and roundtable.ended_on is None:
        # A table concluded before its planned start ends on that start, keeping its dates in order.
        also["ended_on"] = max(date.today(), roundtable.started_on or date.today())
    await ROUNDTABLE_LIFECYCLE.move(session, principal, roundtable, target, also=also)
    return await _reread(session, principal, roundtable)


# --- goals -----------------------------------------------------------------------------------------


async def list_goals(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, params: PageParams
) -> tuple[list[GoalRead], str | None]:
    await get_visible(session, principal, Roundtable, roundtable_id)
    stmt = select(Goal).where(Goal.roundtable_id == roundtable_id)
    rows = (await session.scalars(apply_keyset(stmt, GOAL_SORT, "created_at", params))).all()
    page, next_cursor = split_page(rows, GOAL_SORT, "created_at", params)
    return [GoalRead.model_validate(goal) for goal in page], next_cursor


async def _goal(session: AsyncSession, principal: Principal, goal_id: uuid.UUID, *, lock: bool = False) -> Goal:
    goal, _ = await get_child(session, principal, Goal, goal_id, (Roundtable, _roundtable_id), lock=lock)
    return goal


def _roundtable_id(child: Goal | Seat) -> uuid.UUID:
    return child.roundtable_id


async def get_goal(session: AsyncSession, principal: Principal, goal_id: uuid.UUID) -> GoalRead:
    return GoalRead.model_validate(await _goal(session, principal, goal_id))


async def create_goal(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: GoalCreate
) -> GoalRead:
    await get_visible(session, principal, Roundtable, roundtable_id, lock=True)
    require(principal, Permission.roundtable_edit, roundtable_id)
    goal = Goal(roundtable_id=roundtable_id, **body.model_dump())
    await changes.created(session, principal, goal)
    return GoalRead.model_validate(goal)


async def update_goal(
    session: AsyncSession, principal: Principal, goal_id: uuid.UUID, body: GoalUpdate, if_match: str | None
) -> GoalRead:
    goal = await _goal(session, principal, goal_id, lock=True)
    require(principal, Permission.roundtable_edit, goal.roundtable_id)
    check_if_match(if_match, goal.version)
    async with changes.changing(session, principal, goal):
        apply_changes(goal, body.changes())
    return GoalRead.model_validate(goal)


async def delete_goal(session: AsyncSession, principal: Principal, goal_id: uuid.UUID, if_match: str | None) -> None:
    goal = await _goal(session, principal, goal_id, lock=True)
    require(principal, Permission.roundtable_edit, goal.roundtable_id)
    check_if_match(if_match, goal.version)
    await changes.deleted(session, principal, goal)


# --- seats -----------------------------------------------------------------------------------------

_Alternate = aliased(Stakeholder)


def _seat_select() -> Select[Seat, str, str | None, str | None, str | None]:
    return (
        select(Seat, Stakeholder.full_name, Stakeholder.full_name_en, Organisation.name, _Alternate.full_name)
        .join(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
        .outerjoin(Organisation, Organisation.id == Stakeholder.organisation_id)
        .outerjoin(_Alternate, _Alternate.id == Seat.alternate_stakeholder_id)
    )


def _is_current(seat: Seat, today: date) -> bool:
    return seat.started_on <= today and (seat.ended_on is None or seat.ended_on >= today)


def _seat_read(seat: Seat, name: str, name_en: str | None, organisation: str | None, alternate: str | None) -> SeatRead:
    return SeatRead(
        id=seat.id,
        roundtable_id=seat.roundtable_id,
        stakeholder_id=seat.stakeholder_id,
        stakeholder_name=name,
        stakeholder_name_en=name_en,
        organisation_name=organisation,
        role=seat.role,
        sector_id=seat.sector_id,
        started_on=seat.started_on,
        ended_on=seat.ended_on,
        is_current=_is_current(seat, date.today()),
        alternate_stakeholder_id=seat.alternate_stakeholder_id,
        alternate_name=alternate,
        note=seat.note,
        version=seat.version,
    )


async def list_seats(
    session: AsyncSession,
    principal: Principal,
    roundtable_id: uuid.UUID,
    params: PageParams,
    *,
    role: Role | None,
    sector_id: uuid.UUID | None,
    current: bool | None,
) -> tuple[list[SeatRead], str | None]:
    await get_visible(session, principal, Roundtable, roundtable_id)
    stmt = _seat_select().where(Seat.roundtable_id == roundtable_id)
    if role:
        stmt = stmt.where(Seat.role == role)
    if sector_id:
        stmt = stmt.where(Seat.sector_id == sector_id)
    if current is not None:
        clause = Seat.held_on(date.today())
        stmt = stmt.where(clause if current else ~clause)
    rows = (await session.execute(apply_keyset(stmt, SEAT_SORT, "created_at", params))).all()
    page, next_cursor = split_page(rows, SEAT_SORT.for_rows(), "created_at", params)
    return [_seat_read(*row) for row in page], next_cursor


async def _seat_read_of(session: AsyncSession, seat: Seat) -> SeatRead:
    row = (await session.execute(_seat_select().where(Seat.id == seat.id))).one()
    return _seat_read(*row)


async def get_seat(session: AsyncSession, principal: Principal, seat_id: uuid.UUID) -> SeatRead:
    row = (await session.execute(_seat_select().where(Seat.id == seat_id))).one_or_none()
    if row is None:
        raise not_found(Seat)
    await get_visible(session, principal, Roundtable, row[0].roundtable_id)
    return _seat_read(*row)


async def _seat(session: AsyncSession, principal: Principal, seat_id: uuid.UUID) -> Seat:
    """A seat to change, with its roundtable locked: seats of one table change one at a time, so two
    overlapping seats for one person cannot both pass the overlap check."""
    seat, _ = await get_child(session, principal, Seat, seat_id, (Roundtable, _roundtable_id), lock=True)
    return seat


def _require_role_assignment(principal: Principal, roundtable_id: uuid.UUID, *roles: Role | None) -> None:
    require(principal, Permission.seats_manage, roundtable_id)
    if Role.facilitator in roles:
        require(principal, Permission.seats_assign_facilitator, roundtable_id)


async def _stakeholder_sector(session: AsyncSession, stakeholder_id: uuid.UUID) -> tuple[bool, uuid.UUID | None]:
    row = (
        await session.execute(
            select(Stakeholder.id, Organisation.sector_id)
            .outerjoin(Organisation, Organisation.id == Stakeholder.organisation_id)
            .where(Stakeholder.id == stakeholder_id)
        )
    ).one_or_none()
    return (row is not None, row[1] if row else None)


async def _check_overlap(
    session: AsyncSession,
    roundtable_id: uuid.UUID,
    stakeholder_id: uuid.UUID,
    started_on: date,
    ended_on: date | None,
    exclude: uuid.UUID | None,
) -> None:
    stmt = select(Seat.id).where(
        Seat.roundtable_id == roundtable_id,
        Seat.stakeholder_id == stakeholder_id,
        or_(Seat.ended_on.is_(None), Seat.ended_on >= started_on),
    )
    if ended_on is not None:
        stmt = stmt.where(Seat.started_on <= ended_on)
    if exclude is not None:
        stmt = stmt.where(Seat.id != exclude)
    if await session.scalar(stmt.limit(1)):
        raise _overlapping()


def _overlapping() -> Conflict:
    """The overlap check runs under the roundtable's lock; the database holds the core of the rule
    (one open seat per person, models.ONE_OPEN_SEAT) on its own, and answers the same."""
    return Conflict("This person already holds a seat at this roundtable for these dates.", code="seat_overlaps")


async def _new_seat(
    session: AsyncSession,
    roundtable_id: uuid.UUID,
    stakeholder_id: uuid.UUID,
    role: Role,
    sector_id: uuid.UUID | None,
    started_on: date,
    ended_on: date | None,
    alternate_id: uuid.UUID | None,
    note: str | None,
) -> Seat:
    exists, organisation_sector = await _stakeholder_sector(session, stakeholder_id)
    if not exists:
        raise UnprocessableEntity("No stakeholder with this id.", code="unknown_stakeholder")
    sector_id = sector_id or organisation_sector
    if sector_id is None:
        raise UnprocessableEntity(
            "The stakeholder has no organisation; give the seat's sector_id.", code="sector_required"
        )
    await _check_seat_refs(session, sector_id, stakeholder_id, alternate_id)
    await _check_overlap(session, roundtable_id, stakeholder_id, started_on, ended_on, None)
    seat = Seat(
        roundtable_id=roundtable_id,
        stakeholder_id=stakeholder_id,
        role=role,
        sector_id=sector_id,
        started_on=started_on,
        ended_on=ended_on,
        alternate_stakeholder_id=alternate_id,
        note=note,
    )
    session.add(seat)
    with refused_as(ONE_OPEN_SEAT, _overlapping()):
        await session.flush()
    return seat


async def _check_seat_refs(
    session: AsyncSession, sector_id: uuid.UUID | None, stakeholder_id: uuid.UUID, alternate_id: uuid.UUID | None
) -> None:
    if sector_id is not None and await session.get(Sector, sector_id) is None:
        raise UnprocessableEntity("No sector with this id.", code="unknown_sector")
    if alternate_id is not None:
        if alternate_id == stakeholder_id:
            raise UnprocessableEntity("A seat's alternate must be someone else.", code="alternate_is_holder")
        if await session.get(Stakeholder, alternate_id) is None:
            raise UnprocessableEntity("No stakeholder with this id for the alternate.", code="unknown_stakeholder")


async def create_seat(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: SeatCreate
) -> SeatRead:
    await get_visible(session, principal, Roundtable, roundtable_id, lock=True)
    _require_role_assignment(principal, roundtable_id, body.role)
    seat = await _new_seat(
        session,
        roundtable_id,
        body.stakeholder_id,
        body.role,
        body.sector_id,
        body.started_on or date.today(),
        body.ended_on,
        body.alternate_stakeholder_id,
        body.note,
    )
    await changes.created(session, principal, seat)
    return await _seat_read_of(session, seat)


async def update_seat(
    session: AsyncSession, principal: Principal, seat_id: uuid.UUID, body: SeatUpdate, if_match: str | None
) -> SeatRead:
    seat = await _seat(session, principal, seat_id)
    update = body.changes()
    _require_role_assignment(principal, seat.roundtable_id, seat.role, update.get("role"))
    check_if_match(if_match, seat.version)
    started_on = update.get("started_on", seat.started_on)
    ended_on = update.get("ended_on", seat.ended_on)
    if ended_on is not None and ended_on < started_on:
        raise UnprocessableEntity("ended_on must not be before started_on.", code="dates_out_of_order")
    await _check_seat_refs(
        session, update.get("sector_id"), seat.stakeholder_id, update.get("alternate_stakeholder_id")
    )
    await _check_overlap(session, seat.roundtable_id, seat.stakeholder_id, started_on, ended_on, seat.id)
    with refused_as(ONE_OPEN_SEAT, _overlapping()):
        async with changes.changing(session, principal, seat):
            apply_changes(seat, update)
    return await _seat_read_of(session, seat)


async def delete_seat(session: AsyncSession, principal: Principal, seat_id: uuid.UUID, if_match: str | None) -> None:
    """For seats made by mistake; a person who leaves gets an `ended_on`, which keeps the history."""
    seat = await _seat(session, principal, seat_id)
    _require_role_assignment(principal, seat.roundtable_id, seat.role)
    check_if_match(if_match, seat.version)
    await changes.deleted(session, principal, seat)


async def composition(session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID) -> Composition:
    """Current seats grouped by sector, every sector listed, in display order: sector balance in one call."""
    await get_visible(session, principal, Roundtable, roundtable_id)
    today = date.today()
    sectors = (await session.scalars(select(Sector).order_by(Sector.position, Sector.id))).all()
    rows = (
        await session.execute(
            _seat_select()
            .where(Seat.roundtable_id == roundtable_id, Seat.held_on(today))
            .order_by(Seat.role, Stakeholder.full_name, Seat.id)
        )
    ).all()
    seats_by_sector: dict[uuid.UUID, list[SeatRead]] = {}
    for row in rows:
        seat = _seat_read(*row)
        seats_by_sector.setdefault(seat.sector_id, []).append(seat)
    groups = []
    for sector in sectors:
        seats = seats_by_sector.get(sector.id, [])
        by_role = {role: sum(1 for s in seats if s.role == role) for role in Role}
        groups.append(
            SectorComposition(
                sector_id=sector.id,
                key=sector.key,
                name_he=sector.name_he,
                name_en=sector.name_en,
                colour=sector.colour,
                seat_count=len(seats),
                by_role=by_role,
                seats=seats,
            )
        )
    return Composition(roundtable_id=roundtable_id, as_of=today, total_seats=len(rows), sectors=groups)


# --- how the write path sees these objects ---------------------------------------------------------


async def _roundtable_payload(session: AsyncSession, roundtable: Roundtable) -> dict[str, Any]:
    """The roundtable as anyone reads it: without the caller-specific my_roles and my_permissions."""
    return (await _reread(session, ANONYMOUS, roundtable)).model_dump(
        mode="json", exclude={"my_roles", "my_permissions"}
    )


async def _seat_payload(session: AsyncSession, seat: Seat) -> dict[str, Any]:
    return (await _seat_read_of(session, seat)).model_dump(mode="json")


async def _itself(_session: AsyncSession, roundtable: Roundtable) -> uuid.UUID:
    return roundtable.id


track(Roundtable, Tracked("roundtable", _roundtable_payload, _itself))
track(Goal, Tracked("goal", read_schema(GoalRead), own_roundtable))
track(Seat, Tracked("seat", _seat_payload, own_roundtable))
