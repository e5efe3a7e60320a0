"""Meetings: scheduling, agenda, invitations and RSVP, attendance, speaking turns, process notes."""

import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access import visibility
from shulchan.access.permissions import (
    Permission,
    Principal,
    require,
    require_authenticated,
    require_visible,
    seated_roundtables_clause,
)
from shulchan.access.visibility import get_child, get_visible
from shulchan.audit import visibility as audit_visibility
from shulchan.core.db import HotRead
from shulchan.core.errors import Conflict, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.lifecycle import Lifecycle
from shulchan.events.tracking import Tracked, own_roundtable, read_schema, through, track
from shulchan.knowledge.models import AgendaItemKnowledge, KnowledgeItem
from shulchan.knowledge.service import visible_knowledge_clause, visible_knowledge_ids
from shulchan.meetings.models import (
    AgendaItem,
    AgendaItemStatus,
    Attendance,
    Invitation,
    Meeting,
    MeetingMode,
    MeetingStatus,
    ProcessNote,
    RsvpResponse,
    SpeakingTurn,
)
from shulchan.meetings.schemas import (
    Agenda,
    AgendaItemCreate,
    AgendaItemRead,
    AgendaItemUpdate,
    AttendanceRead,
    AttendanceRecord,
    AttendanceReport,
    InvitationList,
    InvitationRead,
    MeetingCreate,
    MeetingRead,
    MeetingUpdate,
    ProcessNoteCreate,
    ProcessNoteRead,
    ProcessNoteUpdate,
    RsvpRequest,
    SectorCount,
    SectorRate,
    SpeakingReport,
    SpeakingShare,
    SpeakingTurnCreate,
    SpeakingTurnRead,
)
from shulchan.roundtables.models import Goal, Roundtable, RoundtableStatus, Seat
from shulchan.search import index as search_index
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

MEETING_LIFECYCLE = Lifecycle(
    "meeting",
    {
        MeetingStatus.planned: frozenset({MeetingStatus.confirmed, MeetingStatus.held, MeetingStatus.cancelled}),
        MeetingStatus.confirmed: frozenset({MeetingStatus.held, MeetingStatus.cancelled}),
        MeetingStatus.held: frozenset(),
        MeetingStatus.cancelled: frozenset(),
    },
)

MEETING_SORTS = {"starts_at": SortKey((Meeting.starts_at, Meeting.id))}
SUMMARY_COLUMNS = (
    Meeting.id,
    Meeting.roundtable_id,
    Meeting.title,
    Meeting.starts_at,
    Meeting.ends_at,
    Meeting.timezone,
    Meeting.mode,
    Meeting.venue_name,
    Meeting.online_url,
    Meeting.status,
    Meeting.updated_at,
    Meeting.version,
)
SUMMARY_FIELDS = tuple(column.key for column in SUMMARY_COLUMNS)
READ_QUERY = HotRead(
    select(*(getattr(Meeting, name) for name in MeetingRead.model_fields)).where(Meeting.id == bindparam("meeting_id"))
)
NOTE_SORT = SortKey((ProcessNote.id,))
AGENDA_ITEM_LIFECYCLE = Lifecycle(
    "agenda item",
    {
        AgendaItemStatus.proposed: frozenset({AgendaItemStatus.accepted, AgendaItemStatus.declined}),
        AgendaItemStatus.accepted: frozenset(),
        AgendaItemStatus.declined: frozenset(),
    },
)


# --- how the write path sees these objects ---------------------------------------------------------


async def _agenda_item_payload(session: AsyncSession, item: AgendaItem) -> dict[str, Any]:
    pack = await session.scalars(
        select(AgendaItemKnowledge.knowledge_item_id)
        .where(AgendaItemKnowledge.agenda_item_id == item.id)
        .order_by(AgendaItemKnowledge.position)
    )
    return _item_read(item, list(pack)).model_dump(mode="json")


async def _invitation_payload(session: AsyncSession, invitation: Invitation) -> dict[str, Any]:
    (read,) = await _invitation_reads(session, Invitation.id == invitation.id)
    return read.model_dump(mode="json")


async def _attendance_payload(session: AsyncSession, attendance: Attendance) -> dict[str, Any]:
    (read,) = await _attendance_reads(session, Attendance.id == attendance.id)
    return {"meeting_id": str(attendance.meeting_id), **read.model_dump(mode="json")}


async def _private(_session: AsyncSession, _note: ProcessNote) -> None:
    """Process notes are the facilitator's own: events say one changed, never what it says."""
    return


async def index_meeting(session: AsyncSession, meeting: Meeting, *, leaving_out: uuid.UUID | None = None) -> None:
    """A meeting is found by its title, description and agenda (titles and descriptions of its items),
    by whoever is seated at its roundtable, as the meeting itself is seen."""
    items = await session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id, AgendaItem.id != leaving_out)
        .order_by(AgendaItem.position)
    )
    agenda = "\n\n".join(part for item in items for part in (item.title, item.description) if part)
    await search_index.upsert(
        session,
        entity_type="meeting",
        entity_id=meeting.id,
        roundtable_id=meeting.roundtable_id,
        level="roundtable",
        kind=meeting.status.value,
        language=None,
        tags=[],
        title=meeting.title,
        body="\n\n".join(part for part in (meeting.description, agenda) if part),
        occurred_on=meeting.starts_at.date(),
        hidden=False,
    )


async def _index_agenda_item(session: AsyncSession, item: AgendaItem) -> None:
    """An agenda item is searched as part of its meeting's entry."""
    meeting = await session.get(Meeting, item.meeting_id)
    if meeting is not None:
        await index_meeting(session, meeting)


async def _unindex_agenda_item(session: AsyncSession, item: AgendaItem) -> None:
    meeting = await session.get(Meeting, item.meeting_id)
    if meeting is not None:
        await index_meeting(session, meeting, leaving_out=item.id)


_in_meeting = through(Meeting, "meeting_id")
track(Meeting, Tracked("meeting", read_schema(MeetingRead), own_roundtable, index=index_meeting))
track(
    AgendaItem,
    Tracked("agenda_item", _agenda_item_payload, _in_meeting, index=_index_agenda_item, unindex=_unindex_agenda_item),
)
track(Invitation, Tracked("invitation", _invitation_payload, _in_meeting))
track(Attendance, Tracked("attendance", _attendance_payload, _in_meeting))
track(SpeakingTurn, Tracked("speaking_turn", read_schema(SpeakingTurnRead), _in_meeting))
track(ProcessNote, Tracked("process_note", _private, _in_meeting, audit_values=False))
# Their audit entries are read by whoever reads the objects themselves.
audit_visibility.register(Attendance.__tablename__, audit_visibility.seen_with(Permission.attendance_view))
audit_visibility.register(SpeakingTurn.__tablename__, audit_visibility.seen_with(Permission.speaking_turns_record))
audit_visibility.register(ProcessNote.__tablename__, audit_visibility.seen_with(Permission.process_notes_manage))


# --- meetings --------------------------------------------------------------------------------------


async def list_meetings(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    roundtable_id: uuid.UUID | None,
    starts_from: datetime | None,
    starts_before: datetime | None,
    status: MeetingStatus | None,
    updated_since: datetime | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Every meeting the caller may see, across roundtables, as MeetingSummary-shaped dicts.

    The hot read path of API clients: columns, not ORM objects, and no model per row (building
    50 models a page cost more than the query).
    """
    require_authenticated(principal)
    key = MEETING_SORTS[sort.lstrip("-")]
    stmt = select(*SUMMARY_COLUMNS).where(
        seated_roundtables_clause(principal, Meeting.roundtable_id, Permission.roundtable_view)
    )
    if roundtable_id:
        require_visible(principal, Permission.roundtable_view, roundtable_id, "roundtable")
        stmt = stmt.where(Meeting.roundtable_id == roundtable_id)
    if starts_from:
        stmt = stmt.where(Meeting.starts_at >= starts_from)
    if starts_before:
        stmt = stmt.where(Meeting.starts_at < starts_before)
    if status:
        stmt = stmt.where(Meeting.status == status)
    if updated_since:
        stmt = stmt.where(Meeting.updated_at >= updated_since)
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [dict(zip(SUMMARY_FIELDS, row, strict=True)) for row in page], next_cursor


async def read_meeting(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> MeetingRead:
    """One meeting for reading: its columns straight into the response model, no ORM object."""
    row = await READ_QUERY.one_or_none(session, meeting_id=meeting_id)
    if row is None:
        raise visibility.not_found(Meeting)
    require_visible(principal, Permission.roundtable_view, row["roundtable_id"], "meeting")
    return MeetingRead.model_validate(dict(row))


async def get_meeting(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, *, lock: bool = False
) -> Meeting:
    return await get_visible(session, principal, Meeting, meeting_id, lock=lock)


def _check_shape(
    starts_at: datetime, ends_at: datetime, mode: MeetingMode, venue_name: str | None, online_url: str | None
) -> None:
    if ends_at <= starts_at:
        raise UnprocessableEntity("A meeting must end after it starts.", code="ends_before_start")
    if mode in (MeetingMode.in_person, MeetingMode.hybrid) and not venue_name:
        raise UnprocessableEntity(f"A {mode.value} meeting needs a venue_name.", code="venue_required")
    if mode in (MeetingMode.online, MeetingMode.hybrid) and not online_url:
        raise UnprocessableEntity(f"An {mode.value} meeting needs an online_url.", code="online_url_required")


async def create_meeting(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: MeetingCreate
) -> MeetingRead:
    roundtable = await get_visible(session, principal, Roundtable, roundtable_id, lock=True)
    require(principal, Permission.meetings_manage, roundtable_id)
    if roundtable.status == RoundtableStatus.concluded:
        raise Conflict("This roundtable has concluded; it holds no more meetings.", code="roundtable_concluded")
    _check_shape(body.starts_at, body.ends_at, body.mode, body.venue_name, body.online_url)
    meeting = Meeting(roundtable_id=roundtable_id, **body.model_dump())
    await changes.created(session, principal, meeting)
    return MeetingRead.model_validate(meeting)


async def _managed_meeting(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> Meeting:
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    require(principal, Permission.meetings_manage, meeting.roundtable_id)
    return meeting


async def update_meeting(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: MeetingUpdate, if_match: str | None
) -> MeetingRead:
    meeting = await _managed_meeting(session, principal, meeting_id)
    check_if_match(if_match, meeting.version)
    if meeting.status == MeetingStatus.cancelled:
        raise Conflict("A cancelled meeting cannot be edited.", code="meeting_cancelled")
    patch = body.changes()
    merged = {
        name: patch.get(name, getattr(meeting, name))
        for name in ("starts_at", "ends_at", "mode", "venue_name", "online_url")
    }
    _check_shape(**merged)
    async with changes.changing(session, principal, meeting):
        apply_changes(meeting, patch)
    return MeetingRead.model_validate(meeting)


async def transition_meeting(
    session: AsyncSession,
    principal: Principal,
    meeting_id: uuid.UUID,
    target: MeetingStatus,
    reason: str | None,
    if_match: str | None,
) -> MeetingRead:
    meeting = await _managed_meeting(session, principal, meeting_id)
    check_if_match(if_match, meeting.version)
    cancelling = target == MeetingStatus.cancelled
    await MEETING_LIFECYCLE.move(
        session, principal, meeting, target, reason=reason, also={"cancellation_reason": reason} if cancelling else None
    )
    return MeetingRead.model_validate(meeting)


# --- agenda ----------------------------------------------------------------------------------------


async def _briefing_packs(
    session: AsyncSession, principal: Principal, item_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Each agenda item's briefing pack, as far as the caller may see it (no ids of hidden items)."""
    packs: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if item_ids:
        rows = await session.execute(
            select(AgendaItemKnowledge.agenda_item_id, AgendaItemKnowledge.knowledge_item_id)
            .join(KnowledgeItem, KnowledgeItem.id == AgendaItemKnowledge.knowledge_item_id)
            .where(AgendaItemKnowledge.agenda_item_id.in_(item_ids), visible_knowledge_clause(principal))
            .order_by(AgendaItemKnowledge.position)
        )
        for agenda_item_id, knowledge_item_id in rows:
            packs[agenda_item_id].append(knowledge_item_id)
    return packs


def _item_read(item: AgendaItem, pack: list[uuid.UUID]) -> AgendaItemRead:
    return AgendaItemRead.model_validate(item).model_copy(update={"knowledge_item_ids": pack})


async def get_agenda(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> Agenda:
    meeting = await get_meeting(session, principal, meeting_id)
    return await _agenda(session, principal, meeting)


_STATUS_ORDER = {AgendaItemStatus.accepted: 0, AgendaItemStatus.proposed: 1, AgendaItemStatus.declined: 2}


async def _agenda(session: AsyncSession, principal: Principal, meeting: Meeting) -> Agenda:
    items = list(
        (
            await session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting.id)
                .order_by(AgendaItem.position, AgendaItem.id)
            )
        ).all()
    )
    items.sort(key=lambda item: (_STATUS_ORDER[item.status], item.position))
    packs = await _briefing_packs(session, principal, [item.id for item in items])
    planned = sum(item.planned_minutes or 0 for item in items if item.status == AgendaItemStatus.accepted)
    length = int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
    return Agenda(
        meeting_id=meeting.id,
        items=[_item_read(item, packs.get(item.id, [])) for item in items],
        planned_minutes=planned,
        meeting_minutes=length,
        over_by_minutes=max(0, planned - length),
    )


async def _check_item_refs(
    session: AsyncSession, principal: Principal, meeting: Meeting, values: dict[str, Any]
) -> None:
    goal_id = values.get("goal_id")
    if goal_id is not None:
        goal_roundtable = await session.scalar(select(Goal.roundtable_id).where(Goal.id == goal_id))
        if goal_roundtable != meeting.roundtable_id:
            raise UnprocessableEntity("The goal must belong to this meeting's roundtable.", code="unknown_goal")
    presenter = values.get("presenter_stakeholder_id")
    if presenter is not None and await session.get(Stakeholder, presenter) is None:
        raise UnprocessableEntity("No stakeholder with this id.", code="unknown_stakeholder")
    knowledge_ids = values.get("knowledge_item_ids") or []
    if knowledge_ids:
        visible = await visible_knowledge_ids(session, principal, knowledge_ids)
        missing = [str(k) for k in knowledge_ids if k not in visible]
        if missing:
            raise UnprocessableEntity(
                "Some knowledge items do not exist or are not visible to you.",
                code="unknown_knowledge_item",
                extra={"knowledge_item_ids": missing},
            )


async def _set_pack(session: AsyncSession, item_id: uuid.UUID, knowledge_ids: list[uuid.UUID]) -> None:
    await session.execute(delete(AgendaItemKnowledge).where(AgendaItemKnowledge.agenda_item_id == item_id))
    for position, knowledge_id in enumerate(dict.fromkeys(knowledge_ids)):
        session.add(AgendaItemKnowledge(agenda_item_id=item_id, knowledge_item_id=knowledge_id, position=position))


def _check_agenda_open(meeting: Meeting) -> None:
    """A held or cancelled meeting's agenda is a record: no item is added, edited, reviewed, moved or removed."""
    if meeting.status in (MeetingStatus.held, MeetingStatus.cancelled):
        raise Conflict(f"The meeting is {meeting.status.value}; its agenda is closed.", code="agenda_closed")


async def create_agenda_item(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: AgendaItemCreate
) -> AgendaItemRead:
    """Facilitators and hosts add items; members propose them, for the facilitator or host to accept."""
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    manages = principal.can(Permission.meetings_manage, meeting.roundtable_id)
    if not manages:
        require(principal, Permission.agenda_propose, meeting.roundtable_id)
    _check_agenda_open(meeting)
    values = body.model_dump()
    await _check_item_refs(session, principal, meeting, values)
    knowledge_ids = values.pop("knowledge_item_ids")
    last = await session.scalar(select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id))
    item = AgendaItem(
        meeting_id=meeting.id,
        position=(last or 0) + 1,
        proposed_by_user_id=principal.user_id,
        status=AgendaItemStatus.accepted if manages else AgendaItemStatus.proposed,
        **values,
    )
    session.add(item)
    await session.flush()
    await _set_pack(session, item.id, knowledge_ids)
    await changes.created(session, principal, item)
    return _item_read(item, list(dict.fromkeys(knowledge_ids)))


async def _agenda_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, *, lock: bool = False
) -> tuple[AgendaItem, Meeting]:
    return await get_child(session, principal, AgendaItem, item_id, (Meeting, _meeting_id), lock=lock)


def _meeting_id(child: Any) -> uuid.UUID:
    meeting_id: uuid.UUID = child.meeting_id
    return meeting_id


async def get_agenda_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> AgendaItemRead:
    item, _ = await _agenda_item(session, principal, item_id)
    return _item_read(item, (await _briefing_packs(session, principal, [item.id])).get(item.id, []))


async def update_agenda_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, body: AgendaItemUpdate, if_match: str | None
) -> AgendaItemRead:
    item, meeting = await _agenda_item(session, principal, item_id, lock=True)
    require(principal, Permission.meetings_manage, meeting.roundtable_id)
    check_if_match(if_match, item.version)
    _check_agenda_open(meeting)
    patch = body.changes()
    await _check_item_refs(session, principal, meeting, patch)
    knowledge_ids = patch.pop("knowledge_item_ids", None)
    note = None if knowledge_ids is None else {"knowledge_item_ids": {"after": [str(k) for k in knowledge_ids]}}
    async with changes.changing(session, principal, item, note=note):
        apply_changes(item, patch)
        if knowledge_ids is not None:
            await _set_pack(session, item.id, knowledge_ids)
            item.updated_at = utcnow()  # a pack change is a change of the item: bump its version
    return await get_agenda_item(session, principal, item.id)


async def review_agenda_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, status: AgendaItemStatus, if_match: str | None
) -> AgendaItemRead:
    item, meeting = await _agenda_item(session, principal, item_id, lock=True)
    require(principal, Permission.meetings_manage, meeting.roundtable_id)
    check_if_match(if_match, item.version)
    _check_agenda_open(meeting)
    await AGENDA_ITEM_LIFECYCLE.move(session, principal, item, status)
    return await get_agenda_item(session, principal, item.id)


async def delete_agenda_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, if_match: str | None
) -> None:
    item, meeting = await _agenda_item(session, principal, item_id, lock=True)
    require(principal, Permission.meetings_manage, meeting.roundtable_id)
    check_if_match(if_match, item.version)
    _check_agenda_open(meeting)
    await changes.deleted(session, principal, item)


async def reorder_agenda(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, item_ids: list[uuid.UUID]
) -> Agenda:
    meeting = await _managed_meeting(session, principal, meeting_id)
    _check_agenda_open(meeting)
    items = {
        item.id: item
        for item in (
            await session.scalars(
                select(AgendaItem).where(
                    AgendaItem.meeting_id == meeting.id, AgendaItem.status == AgendaItemStatus.accepted
                )
            )
        ).all()
    }
    if len(item_ids) != len(set(item_ids)) or set(item_ids) != set(items):
        raise UnprocessableEntity(
            "item_ids must list every accepted agenda item of this meeting exactly once.", code="agenda_order_mismatch"
        )
    before = {str(item.id): item.position for item in items.values()}
    for position, item_id in enumerate(item_ids, start=1):
        items[item_id].position = position
    order = {"before": sorted(before, key=before.__getitem__), "after": [str(i) for i in item_ids]}
    await changes.touched(
        session, principal, meeting, action="reorder", event="meeting.agenda_reordered", note={"agenda_order": order}
    )
    return await _agenda(session, principal, meeting)


# --- invitations and RSVP --------------------------------------------------------------------------


def _current_seats(roundtable_id: uuid.UUID, today: date) -> Any:
    return and_(
        Seat.roundtable_id == roundtable_id,
        Seat.held_on(today),
    )


async def invite(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, seat_ids: list[uuid.UUID] | None
) -> InvitationList:
    meeting = await _managed_meeting(session, principal, meeting_id)
    if meeting.status in (MeetingStatus.held, MeetingStatus.cancelled):
        raise Conflict(f"The meeting is {meeting.status.value}; nobody can be invited.", code="meeting_closed")
    stmt = select(Seat.id).where(_current_seats(meeting.roundtable_id, date.today()))
    available = set((await session.scalars(stmt)).all())
    wanted = set(seat_ids) if seat_ids is not None else available
    unknown = wanted - available
    if unknown:
        raise UnprocessableEntity(
            "Some seats are not current seats of this roundtable.",
            code="unknown_seat",
            extra={"seat_ids": sorted(str(s) for s in unknown)},
        )
    already = set((await session.scalars(select(Invitation.seat_id).where(Invitation.meeting_id == meeting.id))).all())
    for seat_id in sorted(wanted - already):
        await changes.created(session, principal, Invitation(meeting_id=meeting.id, seat_id=seat_id))
    return await _invitations(session, meeting)


async def list_invitations(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> InvitationList:
    meeting = await get_meeting(session, principal, meeting_id)
    return await _invitations(session, meeting)


async def _invitations(session: AsyncSession, meeting: Meeting) -> InvitationList:
    items = await _invitation_reads(session, Invitation.meeting_id == meeting.id)
    counts: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for item in items:
        counts[item.sector_id][item.response.value] += 1
    by_sector = [
        SectorCount(sector_id=sector_id, counts={r.value: c[r.value] for r in RsvpResponse})
        for sector_id, c in counts.items()
    ]
    return InvitationList(meeting_id=meeting.id, items=items, by_sector=by_sector)


async def _invitation_reads(session: AsyncSession, *where: ColumnElement[bool]) -> list[InvitationRead]:
    rows = (
        await session.execute(
            select(Invitation, Seat.stakeholder_id, Stakeholder.full_name, Seat.role, Seat.sector_id)
            .join(Seat, Seat.id == Invitation.seat_id)
            .join(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
            .where(*where)
            .order_by(Stakeholder.full_name, Invitation.id)
        )
    ).all()
    return [
        InvitationRead(
            id=inv.id,
            meeting_id=inv.meeting_id,
            seat_id=inv.seat_id,
            stakeholder_id=stakeholder_id,
            stakeholder_name=name,
            role=role,
            sector_id=sector_id,
            response=inv.response,
            note=inv.note,
            responded_at=inv.responded_at,
        )
        for inv, stakeholder_id, name, role, sector_id in rows
    ]


async def rsvp(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: RsvpRequest) -> InvitationList:
    """Each person answers for their own seat only."""
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    require(principal, Permission.rsvp_own, meeting.roundtable_id)
    if body.response == RsvpResponse.pending:
        raise UnprocessableEntity("Answer yes, no or maybe.", code="invalid_response")
    if meeting.status in (MeetingStatus.held, MeetingStatus.cancelled):
        raise Conflict(f"The meeting is {meeting.status.value}; answers are closed.", code="meeting_closed")
    stmt = (
        select(Invitation)
        .join(Seat, Seat.id == Invitation.seat_id)
        .where(
            Invitation.meeting_id == meeting.id,
            or_(
                Seat.stakeholder_id.in_(principal.stakeholder_ids),
                Seat.alternate_stakeholder_id.in_(principal.stakeholder_ids),
            ),
        )
    )
    if body.seat_id:
        stmt = stmt.where(Invitation.seat_id == body.seat_id)
    invitations = (await session.scalars(stmt)).all()
    if not invitations:
        raise Conflict("You have no invitation to this meeting for that seat.", code="not_invited")
    if len(invitations) > 1:
        raise UnprocessableEntity("You hold several invited seats; say which with seat_id.", code="seat_required")
    invitation = invitations[0]
    async with changes.changing(session, principal, invitation, action="rsvp", event="invitation.responded"):
        invitation.response = body.response
        invitation.note = body.note
        invitation.responded_at = utcnow()
    return await _invitations(session, meeting)


# --- attendance ------------------------------------------------------------------------------------


async def record_attendance(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: AttendanceRecord
) -> AttendanceReport:
    """Upserts one entry per seat; guests are added by name."""
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    require(principal, Permission.attendance_record, meeting.roundtable_id)
    if meeting.status == MeetingStatus.cancelled:
        raise Conflict("A cancelled meeting has no attendance.", code="meeting_cancelled")
    if meeting.starts_at > utcnow() + timedelta(hours=12):
        raise Conflict("Attendance is taken at or after the meeting, not before.", code="meeting_not_started")
    seat_ids = {entry.seat_id for entry in body.entries if entry.seat_id}
    valid = set(
        (
            await session.scalars(
                select(Seat.id).where(Seat.roundtable_id == meeting.roundtable_id, Seat.id.in_(seat_ids))
            )
        ).all()
    )
    if seat_ids - valid:
        raise UnprocessableEntity(
            "Some seats are not seats of this roundtable.",
            code="unknown_seat",
            extra={"seat_ids": sorted(str(s) for s in seat_ids - valid)},
        )
    existing = {
        row.seat_id: row
        for row in (
            await session.scalars(
                select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.seat_id.is_not(None))
            )
        ).all()
    }
    if any((entry.seat_id is None) == (entry.guest_name is None) for entry in body.entries):
        raise UnprocessableEntity("Each entry names either a seat_id or a guest_name.", code="seat_or_guest")
    for entry in body.entries:
        if entry.seat_id and entry.seat_id in existing:
            async with changes.changing(session, principal, existing[entry.seat_id]):
                existing[entry.seat_id].status = entry.status
        else:
            row = Attendance(meeting_id=meeting.id, **entry.model_dump())
            await changes.created(session, principal, row)
            if entry.seat_id:
                existing[entry.seat_id] = row
    return await _attendance(session, meeting)


async def attendance_report(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> AttendanceReport:
    meeting = await get_meeting(session, principal, meeting_id)
    require(principal, Permission.attendance_view, meeting.roundtable_id)
    return await _attendance(session, meeting)


def _rates(rows: list[tuple[uuid.UUID, str]]) -> list[SectorRate]:
    counts: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for sector_id, status in rows:
        counts[sector_id][status] += 1
    return [
        SectorRate(
            sector_id=sector_id,
            present=c["present"],
            absent=c["absent"],
            excused=c["excused"],
            rate=round(c["present"] / total, 4) if (total := sum(c.values())) else 0.0,
        )
        for sector_id, c in counts.items()
    ]


async def _attendance(session: AsyncSession, meeting: Meeting) -> AttendanceReport:
    items = await _attendance_reads(session, Attendance.meeting_id == meeting.id)
    by_sector = _rates([(i.sector_id, i.status.value) for i in items if i.sector_id])
    return AttendanceReport(
        meeting_id=meeting.id, items=items, by_sector=by_sector, guests=sum(1 for i in items if i.guest_name)
    )


async def _attendance_reads(session: AsyncSession, *where: ColumnElement[bool]) -> list[AttendanceRead]:
    rows = (
        await session.execute(
            select(Attendance, Stakeholder.full_name, Seat.sector_id)
            .outerjoin(Seat, Seat.id == Attendance.seat_id)
            .outerjoin(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
            .where(*where)
            .order_by(Attendance.guest_name.is_not(None), Stakeholder.full_name, Attendance.guest_name, Attendance.id)
        )
    ).all()
    return [
        AttendanceRead(
            id=a.id,
            seat_id=a.seat_id,
            stakeholder_name=name,
            sector_id=sector_id,
            guest_name=a.guest_name,
            guest_organisation=a.guest_organisation,
            status=a.status,
        )
        for a, name, sector_id in rows
    ]


async def roundtable_attendance(
    session: AsyncSession,
    principal: Principal,
    roundtable_id: uuid.UUID,
    starts_from: datetime | None,
    starts_before: datetime | None,
) -> list[SectorRate]:
    """Attendance rate per sector over the held meetings of a period."""
    await get_visible(session, principal, Roundtable, roundtable_id)
    require_visible(principal, Permission.roundtable_view, roundtable_id, "roundtable")
    require(principal, Permission.attendance_view, roundtable_id)
    stmt = (
        select(Seat.sector_id, Attendance.status)
        .join(Seat, Seat.id == Attendance.seat_id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.roundtable_id == roundtable_id, Meeting.status == MeetingStatus.held)
    )
    if starts_from:
        stmt = stmt.where(Meeting.starts_at >= starts_from)
    if starts_before:
        stmt = stmt.where(Meeting.starts_at < starts_before)
    return _rates([(sector_id, status.value) for sector_id, status in (await session.execute(stmt)).all()])


# --- speaking turns --------------------------------------------------------------------------------


async def add_speaking_turn(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: SpeakingTurnCreate
) -> SpeakingReport:
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    require(principal, Permission.speaking_turns_record, meeting.roundtable_id)
    seat_roundtable = await session.scalar(select(Seat.roundtable_id).where(Seat.id == body.seat_id))
    if seat_roundtable != meeting.roundtable_id:
        raise UnprocessableEntity("The seat must belong to this meeting's roundtable.", code="unknown_seat")
    if body.agenda_item_id is not None:
        item_meeting = await session.scalar(select(AgendaItem.meeting_id).where(AgendaItem.id == body.agenda_item_id))
        if item_meeting != meeting.id:
            raise UnprocessableEntity("The agenda item must belong to this meeting.", code="unknown_agenda_item")
    turn = SpeakingTurn(meeting_id=meeting.id, recorded_by_user_id=principal.user_id, **body.model_dump())
    await changes.created(session, principal, turn)
    return await _speaking(session, meeting)


async def speaking_report(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> SpeakingReport:
    meeting = await get_meeting(session, principal, meeting_id)
    require(principal, Permission.speaking_turns_record, meeting.roundtable_id)
    return await _speaking(session, meeting)


async def _speaking(session: AsyncSession, meeting: Meeting) -> SpeakingReport:
    rows = (
        await session.execute(
            select(
                Seat.id,
                Stakeholder.full_name,
                Sector.id,
                Sector.name_en,
                func.sum(SpeakingTurn.seconds),
                func.count(SpeakingTurn.id),
            )
            .join(Seat, Seat.id == SpeakingTurn.seat_id)
            .join(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
            .join(Sector, Sector.id == Seat.sector_id)
            .where(SpeakingTurn.meeting_id == meeting.id)
            .group_by(Seat.id, Stakeholder.full_name, Sector.id, Sector.name_en)
        )
    ).all()
    total = sum(int(row[4]) for row in rows)

    def share(seconds: int) -> float:
        return round(seconds / total, 4) if total else 0.0

    sectors: dict[uuid.UUID, list[Any]] = {}
    for _seat, _name, sector_id, sector_name, seconds, turns in rows:
        entry = sectors.setdefault(sector_id, [sector_name, 0, 0])
        entry[1] += int(seconds)
        entry[2] += int(turns)
    by_person = sorted(
        (
            SpeakingShare(key_id=seat, name=name, seconds=int(seconds), turns=int(turns), share=share(int(seconds)))
            for seat, name, _sid, _sn, seconds, turns in rows
        ),
        key=lambda s: -s.seconds,
    )
    by_sector = sorted(
        (
            SpeakingShare(key_id=sid, name=v[0], seconds=v[1], turns=v[2], share=share(v[1]))
            for sid, v in sectors.items()
        ),
        key=lambda s: -s.seconds,
    )
    return SpeakingReport(meeting_id=meeting.id, total_seconds=total, by_sector=by_sector, by_person=by_person)


# --- process notes ---------------------------------------------------------------------------------


async def _notes_meeting(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, *, lock: bool = False
) -> Meeting:
    meeting = await get_meeting(session, principal, meeting_id, lock=lock)
    # Process notes do not exist for anyone but facilitators: 404, not 403, for the rest.
    require_visible(principal, Permission.process_notes_manage, meeting.roundtable_id, "process note")
    return meeting


async def list_process_notes(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, params: PageParams
) -> tuple[list[ProcessNoteRead], str | None]:
    meeting = await _notes_meeting(session, principal, meeting_id)
    stmt = select(ProcessNote).where(ProcessNote.meeting_id == meeting.id)
    rows = (await session.scalars(apply_keyset(stmt, NOTE_SORT, "created_at", params))).all()
    page, next_cursor = split_page(rows, NOTE_SORT, "created_at", params)
    return [ProcessNoteRead.model_validate(note) for note in page], next_cursor


async def create_process_note(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: ProcessNoteCreate
) -> ProcessNoteRead:
    meeting = await _notes_meeting(session, principal, meeting_id, lock=True)
    note = ProcessNote(meeting_id=meeting.id, author_user_id=principal.user_id, body=body.body)
    await changes.created(session, principal, note)
    return ProcessNoteRead.model_validate(note)


async def _note(
    session: AsyncSession, principal: Principal, note_id: uuid.UUID, *, lock: bool = False
) -> tuple[ProcessNote, Meeting]:
    note, meeting = await get_child(session, principal, ProcessNote, note_id, (Meeting, _meeting_id), lock=lock)
    # Process notes do not exist for anyone but facilitators: 404, not 403, for the rest.
    require_visible(principal, Permission.process_notes_manage, meeting.roundtable_id, "process note")
    return note, meeting


async def get_process_note(session: AsyncSession, principal: Principal, note_id: uuid.UUID) -> ProcessNoteRead:
    return ProcessNoteRead.model_validate((await _note(session, principal, note_id))[0])


async def update_process_note(
    session: AsyncSession, principal: Principal, note_id: uuid.UUID, body: ProcessNoteUpdate, if_match: str | None
) -> ProcessNoteRead:
    note, _meeting = await _note(session, principal, note_id, lock=True)
    check_if_match(if_match, note.version)
    async with changes.changing(session, principal, note):
        apply_changes(note, body.changes())
    return ProcessNoteRead.model_validate(note)


async def delete_process_note(
    session: AsyncSession, principal: Principal, note_id: uuid.UUID, if_match: str | None
) -> None:
    note, _meeting = await _note(session, principal, note_id, lock=True)
    check_if_match(if_match, note.version)
    await changes.deleted(session, principal, note)
