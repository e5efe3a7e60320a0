"""Decisions and their lifecycle, endorsements by seat and sector, action items, goal progress."""

import uuid
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, or_, select
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
from shulchan.access.visibility import get_visible
from shulchan.core.errors import Conflict, Forbidden, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.decisions.models import (
    ActionItem,
    ActionItemStatus,
    Decision,
    DecisionEvent,
    DecisionGoal,
    DecisionStatus,
    Endorsement,
)
from shulchan.decisions.schemas import (
    ActionItemCreate,
    ActionItemRead,
    ActionItemUpdate,
    DecisionCreate,
    DecisionEventRead,
    DecisionRead,
    DecisionSummary,
    DecisionUpdate,
    EndorsementRead,
    EndorsementRequest,
    GoalAgendaItem,
    GoalDecision,
    GoalProgress,
    SectorEndorsement,
)
from shulchan.events import service as changes
from shulchan.events.lifecycle import Lifecycle
from shulchan.events.tracking import Tracked, own_roundtable, through, track
from shulchan.meetings.models import AgendaItem, Meeting
from shulchan.meetings.service import get_meeting
from shulchan.roundtables.models import Goal, Role, Roundtable, Seat, Visibility
from shulchan.roundtables.service import get_goal
from shulchan.search import index
from shulchan.stakeholders.models import Stakeholder

S = DecisionStatus
DECISION_LIFECYCLE = Lifecycle(
    "decision",
    {
        S.proposed: frozenset({S.in_discussion, S.rejected, S.withdrawn}),
        S.in_discussion: frozenset({S.agreed, S.rejected, S.withdrawn}),
        S.agreed: frozenset({S.adopted, S.in_discussion, S.rejected}),
        S.adopted: frozenset({S.implemented}),
        S.implemented: frozenset(),
        S.rejected: frozenset(),
        S.withdrawn: frozenset(),
    },
)
# Who may move a decision into each status.
TRANSITION_PERMISSION: dict[DecisionStatus, frozenset[Permission]] = {
    S.in_discussion: frozenset({Permission.decisions_steer}),
    S.agreed: frozenset({Permission.decisions_steer}),
    S.rejected: frozenset({Permission.decisions_steer}),
    S.withdrawn: frozenset({Permission.decisions_steer}),
    S.adopted: frozenset({Permission.decisions_adopt}),
    S.implemented: frozenset({Permission.decisions_adopt, Permission.decisions_steer}),
}
PUBLIC_STATUSES = (S.adopted, S.implemented)
ENDORSABLE = (S.proposed, S.in_discussion, S.agreed)
EDITABLE = (S.proposed, S.in_discussion)
ENDORSING_ROLES = (Role.host, Role.member)
OPEN_ACTION = (ActionItemStatus.open, ActionItemStatus.in_progress)

DECISION_SORTS = {"created_at": SortKey((Decision.id,)), "updated_at": SortKey((Decision.updated_at, Decision.id))}
ACTION_SORTS = {"due_date": SortKey((ActionItem.due_date, ActionItem.id)), "created_at": SortKey((ActionItem.id,))}
DECISION_COLUMNS = (
    Decision.id,
    Decision.roundtable_id,
    Decision.meeting_id,
    Decision.kind,
    Decision.title,
    Decision.status,
    Decision.adopted_at,
    Decision.updated_at,
    Decision.version,
)


# --- how the write path sees these objects ---------------------------------------------------------


async def _decision_payload(session: AsyncSession, decision: Decision) -> dict[str, Any]:
    """The decision as its roundtable reads it (events are for the roundtable's subscribers)."""
    return (await _read(session, decision, seated=True)).model_dump(mode="json")


async def _endorsement_payload(session: AsyncSession, endorsement: Endorsement) -> dict[str, Any]:
    (read,) = await _endorsement_reads(session, Endorsement.id == endorsement.id)
    return {"decision_id": str(endorsement.decision_id), **read.model_dump(mode="json")}


async def _action_item_payload(session: AsyncSession, item: ActionItem) -> dict[str, Any]:
    return (await _action_item_read(session, item.id)).model_dump(mode="json")


async def index_decision(session: AsyncSession, decision: Decision) -> None:
    """Adopted decisions of a public roundtable are public; the rest are for the roundtable's seats."""
    visibility = await session.scalar(select(Roundtable.visibility).where(Roundtable.id == decision.roundtable_id))
    public = decision.status in PUBLIC_STATUSES and visibility == Visibility.public
    await index.upsert(
        session,
        entity_type="decision",
        entity_id=decision.id,
        roundtable_id=decision.roundtable_id,
        level="public" if public else "roundtable",
        kind=decision.kind.value,
        language=None,
        tags=[],
        title=decision.title,
        body=decision.text,
        occurred_on=decision.created_at.date(),
        hidden=False,
    )


async def index_action_item(session: AsyncSession, item: ActionItem) -> None:
    """Action items are found by whoever is seated at their roundtable, as they are seen."""
    await index.upsert(
        session,
        entity_type="action_item",
        entity_id=item.id,
        roundtable_id=item.roundtable_id,
        level="roundtable",
        kind=item.status.value,
        language=None,
        tags=[],
        title=item.title,
        body=item.description,
        occurred_on=item.due_date or item.created_at.date(),
        hidden=False,
    )


track(Decision, Tracked("decision", _decision_payload, own_roundtable, index=index_decision))
track(Endorsement, Tracked("endorsement", _endorsement_payload, through(Decision, "decision_id")))
track(ActionItem, Tracked("action_item", _action_item_payload, own_roundtable, index=index_action_item))


# --- decisions -------------------------------------------------------------------------------------


def _decision_visibility(principal: Principal) -> Any:
    """Seated: every decision of their roundtables. Everyone: adopted decisions of public roundtables."""
    public_roundtables = select(Roundtable.id).where(Roundtable.visibility == Visibility.public)
    return or_(
        seated_roundtables_clause(principal, Decision.roundtable_id, Permission.roundtable_view),
        and_(Decision.status.in_(PUBLIC_STATUSES), Decision.roundtable_id.in_(public_roundtables)),
    )


async def list_decisions(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    roundtable_id: uuid.UUID | None,
    status: list[DecisionStatus] | None,
    kind: str | None,
    updated_since: datetime | None = None,
) -> tuple[list[DecisionSummary], str | None]:
    key = DECISION_SORTS[sort.lstrip("-")]
    stmt = select(*DECISION_COLUMNS).where(_decision_visibility(principal))
    if updated_since:
        stmt = stmt.where(Decision.updated_at >= updated_since)
    if roundtable_id:
        await get_visible(session, principal, Roundtable, roundtable_id)
        stmt = stmt.where(Decision.roundtable_id == roundtable_id)
    if status:
        stmt = stmt.where(Decision.status.in_(status))
    if kind:
        stmt = stmt.where(Decision.kind == kind)
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [DecisionSummary.model_validate(row._mapping) for row in page], next_cursor


async def get_decision(session: AsyncSession, principal: Principal, decision_id: uuid.UUID) -> Decision:
    """For reading: the seated see their roundtables' decisions, everyone the public adopted ones."""
    decision = await session.scalar(select(Decision).where(Decision.id == decision_id, _decision_visibility(principal)))
    if decision is None:
        raise visibility.not_found(Decision)
    return decision


async def _locked_decision(session: AsyncSession, principal: Principal, decision_id: uuid.UUID) -> Decision:
    """For writing: the decision under its lock, re-read, so the state its rules check is the state
    they act on (an endorsement or an edit waits for an adoption in flight, then sees it)."""
    return await get_visible(session, principal, Decision, decision_id, lock=True)


async def read_decision(session: AsyncSession, principal: Principal, decision_id: uuid.UUID) -> DecisionRead:
    decision = await get_decision(session, principal, decision_id)
    return await _read(session, decision, seated=principal.can(Permission.roundtable_view, decision.roundtable_id))


async def _read(session: AsyncSession, decision: Decision, *, seated: bool) -> DecisionRead:
    goal_ids = list(
        (await session.scalars(select(DecisionGoal.goal_id).where(DecisionGoal.decision_id == decision.id))).all()
    )
    history = (
        await session.scalars(
            select(DecisionEvent).where(DecisionEvent.decision_id == decision.id).order_by(DecisionEvent.id)
        )
    ).all()
    endorsements = await _endorsement_reads(session, Endorsement.decision_id == decision.id)
    seats = (
        await session.execute(
            select(Seat.id, Seat.sector_id).where(
                Seat.roundtable_id == decision.roundtable_id,
                Seat.role.in_(ENDORSING_ROLES),
                Seat.held_on(date.today()),
            )
        )
    ).all()
    counted_seats = [(seat_id, sector_id) for seat_id, sector_id in seats]
    return _decision_read(decision, goal_ids, list(history), endorsements, counted_seats, seated)


def _decision_read(
    decision: Decision,
    goal_ids: list[uuid.UUID],
    history: list[DecisionEvent],
    endorsements: list[EndorsementRead],
    counted_seats: list[tuple[uuid.UUID, uuid.UUID]],
    seated: bool,
) -> DecisionRead:
    """The one mapping of a decision to what is read of it; `counted_seats` are (seat, sector) pairs
    of the current host and member seats, whose word makes the per-sector summary and `consensus`."""
    by_sector, consensus = _sector_summary(endorsements, counted_seats)
    events = [DecisionEventRead.model_validate(event) for event in history]
    if not seated:
        # The public sees what was decided and how the sectors stood, not who said what inside the room.
        endorsements = []
        events = [event.model_copy(update={"actor_user_id": None, "note": None}) for event in events]
    return DecisionRead(
        id=decision.id,
        roundtable_id=decision.roundtable_id,
        meeting_id=decision.meeting_id,
        kind=decision.kind,
        title=decision.title,
        text=decision.text,
        status=decision.status,
        proposed_by_user_id=decision.proposed_by_user_id,
        adopted_at=decision.adopted_at,
        adoption_reference=decision.adoption_reference,
        created_at=decision.created_at,
        updated_at=decision.updated_at,
        version=decision.version,
        goal_ids=goal_ids,
        consensus=consensus,
        by_sector=by_sector,
        endorsements=endorsements,
        history=events,
    )


async def _endorsement_reads(session: AsyncSession, *where: ColumnElement[bool]) -> list[EndorsementRead]:
    rows = (
        await session.execute(
            select(Endorsement, Stakeholder.full_name, Seat.sector_id, Seat.role)
            .join(Seat, Seat.id == Endorsement.seat_id)
            .join(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
            .where(*where)
            .order_by(Seat.sector_id, Stakeholder.full_name)
        )
    ).all()
    return [_endorsement_read(e, name, sector_id, role) for e, name, sector_id, role in rows]


def _endorsement_read(endorsement: Endorsement, name: str, sector_id: uuid.UUID, role: Role) -> EndorsementRead:
    return EndorsementRead(
        seat_id=endorsement.seat_id,
        stakeholder_name=name,
        sector_id=sector_id,
        role=role,
        position=endorsement.position,
        comment=endorsement.comment,
        updated_at=endorsement.updated_at,
    )


def _sector_summary(
    endorsements: list[EndorsementRead], seats: list[tuple[uuid.UUID, uuid.UUID]]
) -> tuple[list[SectorEndorsement], bool]:
    seat_count = Counter(sector_id for _, sector_id in seats)
    positions: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    counted_seats = {seat_id for seat_id, _ in seats}
    for endorsement in endorsements:
        if endorsement.seat_id in counted_seats:
            positions[endorsement.sector_id][endorsement.position.value] += 1
    by_sector = [
        SectorEndorsement(
            sector_id=sector_id,
            seats=count,
            supports=positions[sector_id]["supports"],
            reservations=positions[sector_id]["reservations"],
            objects=positions[sector_id]["objects"],
            pending=count - sum(positions[sector_id].values()),
        )
        for sector_id, count in seat_count.items()
    ]
    # Counted over the same seats as `by_sector` (current host and member seats): an objection left by
    # someone who has since left the table, or by a facilitator, is shown but is not the table's word.
    consensus = bool(by_sector) and all(s.supports > 0 and s.objects == 0 for s in by_sector)
    return by_sector, consensus


async def _check_refs(
    session: AsyncSession, roundtable_id: uuid.UUID, meeting_id: uuid.UUID | None, goal_ids: list[uuid.UUID] | None
) -> None:
    if meeting_id is not None:
        owner = await session.scalar(select(Meeting.roundtable_id).where(Meeting.id == meeting_id))
        if owner != roundtable_id:
            raise UnprocessableEntity("The meeting must belong to this roundtable.", code="unknown_meeting")
    if goal_ids:
        found = set(
            (
                await session.scalars(select(Goal.id).where(Goal.id.in_(goal_ids), Goal.roundtable_id == roundtable_id))
            ).all()
        )
        if found != set(goal_ids):
            raise UnprocessableEntity("Every goal must belong to this roundtable.", code="unknown_goal")


async def _goal_ids(session: AsyncSession, decision_id: uuid.UUID) -> list[uuid.UUID]:
    stmt = select(DecisionGoal.goal_id).where(DecisionGoal.decision_id == decision_id).order_by(DecisionGoal.goal_id)
    return list((await session.scalars(stmt)).all())


async def _set_goals(session: AsyncSession, decision_id: uuid.UUID, goal_ids: list[uuid.UUID]) -> None:
    await session.execute(delete(DecisionGoal).where(DecisionGoal.decision_id == decision_id))
    for goal_id in dict.fromkeys(goal_ids):
        session.add(DecisionGoal(decision_id=decision_id, goal_id=goal_id))


async def create_decision(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: DecisionCreate
) -> DecisionRead:
    await get_visible(session, principal, Roundtable, roundtable_id)
    require(principal, Permission.decisions_propose, roundtable_id)
    await _check_refs(session, roundtable_id, body.meeting_id, body.goal_ids)
    values = body.model_dump()
    goal_ids = values.pop("goal_ids")
    decision = Decision(roundtable_id=roundtable_id, proposed_by_user_id=principal.user_id, status=S.proposed, **values)
    session.add(decision)
    await session.flush()
    await _set_goals(session, decision.id, goal_ids)
    session.add(
        DecisionEvent(
            decision_id=decision.id, from_status=None, to_status=S.proposed.value, actor_user_id=principal.user_id
        )
    )
    await changes.created(session, principal, decision)
    return await _read(session, decision, seated=True)


async def update_decision(
    session: AsyncSession, principal: Principal, decision_id: uuid.UUID, body: DecisionUpdate, if_match: str | None
) -> DecisionRead:
    """The text may change until the decision is agreed; then it is what was agreed."""
    decision = await _locked_decision(session, principal, decision_id)
    own_proposal = decision.proposed_by_user_id == principal.user_id and decision.status == S.proposed
    if not (own_proposal and principal.can(Permission.decisions_propose, decision.roundtable_id)):
        require(principal, Permission.decisions_steer, decision.roundtable_id)
    check_if_match(if_match, decision.version, required=True)
    if decision.status not in EDITABLE:
        raise Conflict(f"A decision that is {decision.status.value} can no longer be edited.", code="decision_locked")
    patch = body.changes()
    await _check_refs(session, decision.roundtable_id, patch.get("meeting_id"), patch.get("goal_ids"))
    goal_ids = patch.pop("goal_ids", None)
    note = None
    if goal_ids is not None:
        before, after = await _goal_ids(session, decision.id), sorted(dict.fromkeys(goal_ids))
        if before != after:
            note = {"goal_ids": {"before": [str(g) for g in before], "after": [str(g) for g in after]}}
    async with changes.changing(session, principal, decision, note=note):
        apply_changes(decision, patch)
        if note is not None:
            await _set_goals(session, decision.id, goal_ids or [])
            decision.updated_at = utcnow()  # a change of goals is a change of the decision: bump its version
    return await _read(session, decision, seated=True)


async def transition_decision(
    session: AsyncSession,
    principal: Principal,
    decision_id: uuid.UUID,
    target: DecisionStatus,
    note: str | None,
    adoption_reference: str | None,
    if_match: str | None,
) -> DecisionRead:
    decision = await _locked_decision(session, principal, decision_id)
    DECISION_LIFECYCLE.check(decision.status, target)
    own_withdrawal = target == S.withdrawn and decision.proposed_by_user_id == principal.user_id
    if not own_withdrawal and not any(principal.can(p, decision.roundtable_id) for p in TRANSITION_PERMISSION[target]):
        require_authenticated(principal)
        needed = " or ".join(sorted(p.value for p in TRANSITION_PERMISSION[target]))
        raise Forbidden(f"Moving a decision to '{target.value}' needs {needed} in this roundtable.")
    check_if_match(if_match, decision.version)
    session.add(
        DecisionEvent(
            decision_id=decision.id,
            from_status=decision.status.value,
            to_status=target.value,
            actor_user_id=principal.user_id,
            note=note,
        )
    )
    adoption = (
        {"adopted_at": utcnow(), "adopted_by_user_id": principal.user_id, "adoption_reference": adoption_reference}
        if target == S.adopted
        else None
    )
    await DECISION_LIFECYCLE.move(session, principal, decision, target, reason=note, also=adoption)
    return await _read(session, decision, seated=True)


async def endorse(
    session: AsyncSession, principal: Principal, decision_id: uuid.UUID, body: EndorsementRequest
) -> DecisionRead:
    """A seat's word on a decision, given by the person holding (or standing in for) that seat.

    The decision is locked before its state is checked: an endorsement racing an adoption either
    lands before it (and is then part of what was adopted) or waits, sees `adopted`, and is refused.
    """
    decision = await _locked_decision(session, principal, decision_id)
    require(principal, Permission.decisions_endorse, decision.roundtable_id)
    if decision.status not in ENDORSABLE:
        raise Conflict(
            f"A decision that is {decision.status.value} no longer takes endorsements.", code="endorsement_closed"
        )
    stmt = select(Seat.id).where(
        Seat.roundtable_id == decision.roundtable_id,
        Seat.role != Role.observer,
        Seat.held_on(date.today()),
        or_(
            Seat.stakeholder_id.in_(principal.stakeholder_ids),
            Seat.alternate_stakeholder_id.in_(principal.stakeholder_ids),
        ),
    )
    if body.seat_id:
        stmt = stmt.where(Seat.id == body.seat_id)
    seat_ids = list((await session.scalars(stmt)).all())
    if not seat_ids:
        raise Forbidden("You hold no seat at this roundtable to endorse for.", code="no_own_seat")
    if len(seat_ids) > 1:
        raise UnprocessableEntity("You hold several seats here; say which with seat_id.", code="seat_required")
    endorsement = await session.scalar(
        select(Endorsement).where(Endorsement.decision_id == decision.id, Endorsement.seat_id == seat_ids[0])
    )
    word = {"position": body.position, "comment": body.comment, "recorded_by_user_id": principal.user_id}
    if endorsement is None:
        endorsement = Endorsement(decision_id=decision.id, seat_id=seat_ids[0], **word)
        await changes.created(session, principal, endorsement, event="endorsement.recorded")
    else:
        async with changes.changing(session, principal, endorsement, event="endorsement.recorded"):
            apply_changes(endorsement, word)
    return await _read(session, decision, seated=True)


# --- action items ----------------------------------------------------------------------------------


def _action_select() -> Any:
    return select(ActionItem, Stakeholder.full_name).join(
        Stakeholder, Stakeholder.id == ActionItem.owner_stakeholder_id
    )


def _action_read(item: ActionItem, owner_name: str, today: date) -> ActionItemRead:
    return ActionItemRead(
        **{
            name: getattr(item, name)
            for name in (
                "id",
                "roundtable_id",
                "decision_id",
                "meeting_id",
                "title",
                "description",
                "owner_stakeholder_id",
                "due_date",
                "status",
                "completed_at",
                "created_at",
                "updated_at",
                "version",
            )
        },
        owner_name=owner_name,
        overdue=item.due_date is not None and item.due_date < today and item.status in OPEN_ACTION,
    )


async def list_action_items(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    roundtable_id: uuid.UUID | None,
    decision_id: uuid.UUID | None,
    status: list[ActionItemStatus] | None,
    mine: bool,
    overdue: bool | None,
    updated_since: datetime | None = None,
) -> tuple[list[ActionItemRead], str | None]:
    require_authenticated(principal)
    key = ACTION_SORTS[sort.lstrip("-")].for_rows()
    stmt = _action_select().where(
        seated_roundtables_clause(principal, ActionItem.roundtable_id, Permission.roundtable_view)
    )
    if updated_since:
        stmt = stmt.where(ActionItem.updated_at >= updated_since)
    if roundtable_id:
        require_visible(principal, Permission.roundtable_view, roundtable_id, "roundtable")
        stmt = stmt.where(ActionItem.roundtable_id == roundtable_id)
    if decision_id:
        stmt = stmt.where(ActionItem.decision_id == decision_id)
    if status:
        stmt = stmt.where(ActionItem.status.in_(status))
    if mine:
        stmt = stmt.where(ActionItem.owner_stakeholder_id.in_(principal.stakeholder_ids))
    today = date.today()
    if overdue is not None:
        # `due_date IS NOT NULL` keeps undated items out of NULL logic, so `overdue=false` lists them.
        late = and_(ActionItem.due_date.is_not(None), ActionItem.due_date < today, ActionItem.status.in_(OPEN_ACTION))
        stmt = stmt.where(late if overdue else ~late)
    if sort.lstrip("-") == "due_date":
        stmt = stmt.where(ActionItem.due_date.is_not(None))
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [_action_read(item, name, today) for item, name in page], next_cursor


async def _action_item_read(session: AsyncSession, item_id: uuid.UUID) -> ActionItemRead:
    item, owner_name = (await session.execute(_action_select().where(ActionItem.id == item_id))).one()
    return _action_read(item, owner_name, date.today())


async def get_action_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> ActionItemRead:
    row = (await session.execute(_action_select().where(ActionItem.id == item_id))).one_or_none()
    if row is None or not visibility.can_see(principal, row[0]):
        raise visibility.not_found(ActionItem)
    return _action_read(row[0], row[1], date.today())


async def _check_action_refs(session: AsyncSession, roundtable_id: uuid.UUID, values: dict[str, Any]) -> None:
    owner = values.get("owner_stakeholder_id")
    if owner is not None and await session.get(Stakeholder, owner) is None:
        raise UnprocessableEntity("No stakeholder with this id.", code="unknown_stakeholder")
    if values.get("decision_id") is not None:
        rt = await session.scalar(select(Decision.roundtable_id).where(Decision.id == values["decision_id"]))
        if rt != roundtable_id:
            raise UnprocessableEntity("The decision must belong to this roundtable.", code="unknown_decision")
    if values.get("meeting_id") is not None:
        rt = await session.scalar(select(Meeting.roundtable_id).where(Meeting.id == values["meeting_id"]))
        if rt != roundtable_id:
            raise UnprocessableEntity("The meeting must belong to this roundtable.", code="unknown_meeting")


async def create_action_item(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: ActionItemCreate
) -> ActionItemRead:
    await get_visible(session, principal, Roundtable, roundtable_id)
    require(principal, Permission.action_items_manage, roundtable_id)
    values = body.model_dump()
    await _check_action_refs(session, roundtable_id, values)
    item = ActionItem(roundtable_id=roundtable_id, **values)
    await changes.created(session, principal, item)
    return await _action_item_read(session, item.id)


async def update_action_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, body: ActionItemUpdate, if_match: str | None
) -> ActionItemRead:
    """Managers change anything; an owner changes the status of their own item."""
    item = await get_visible(session, principal, ActionItem, item_id, lock=True)
    patch = body.changes()
    if not principal.can(Permission.action_items_manage, item.roundtable_id):
        require(principal, Permission.action_items_update_own, item.roundtable_id)
        if item.owner_stakeholder_id not in principal.stakeholder_ids:
            raise Forbidden("You may update only the action items you own.")
        if set(patch) - {"status"}:
            raise Forbidden("As the owner you may change the status only.", code="owner_status_only")
    check_if_match(if_match, item.version)
    await _check_action_refs(session, item.roundtable_id, patch)
    async with changes.changing(session, principal, item):
        apply_changes(item, patch)
        if "status" in patch:
            item.completed_at = utcnow() if patch["status"] == ActionItemStatus.done else None
    return await _action_item_read(session, item.id)


async def follow_up(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> list[ActionItemRead]:
    """The roundtable's open action items, to review at this meeting: overdue first, then by due date."""
    meeting = await get_meeting(session, principal, meeting_id)
    rows = (
        await session.execute(
            _action_select()
            .where(ActionItem.roundtable_id == meeting.roundtable_id, ActionItem.status.in_(OPEN_ACTION))
            .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
        )
    ).all()
    today = date.today()
    return [_action_read(item, name, today) for item, name in rows]


async def goal_progress(session: AsyncSession, principal: Principal, goal_id: uuid.UUID) -> GoalProgress:
    goal = await get_goal(session, principal, goal_id)
    seated = principal.can(Permission.roundtable_view, goal.roundtable_id)
    agenda: list[GoalAgendaItem] = []
    if seated:
        rows = (
            await session.execute(
                select(
                    AgendaItem.id,
                    AgendaItem.title,
                    AgendaItem.status,
                    Meeting.id,
                    Meeting.title,
                    Meeting.starts_at,
                    Meeting.status,
                )
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(AgendaItem.goal_id == goal.id)
                .order_by(Meeting.starts_at, AgendaItem.position)
            )
        ).all()
        agenda = [
            GoalAgendaItem(
                agenda_item_id=r[0],
                title=r[1],
                status=r[2],
                meeting_id=r[3],
                meeting_title=r[4],
                meeting_starts_at=r[5],
                meeting_status=r[6],
            )
            for r in rows
        ]
    decision_rows = (
        await session.execute(
            select(Decision.id, Decision.title, Decision.kind, Decision.status)
            .join(DecisionGoal, DecisionGoal.decision_id == Decision.id)
            .where(DecisionGoal.goal_id == goal.id, _decision_visibility(principal))
            .order_by(Decision.id)
        )
    ).all()
    decisions = [GoalDecision(decision_id=r[0], title=r[1], kind=r[2], status=r[3]) for r in decision_rows]
    return GoalProgress(
        goal_id=goal.id,
        title=goal.title,
        status=goal.status,
        target_date=goal.target_date,
        agenda_items=agenda,
        decisions=decisions,
        decisions_by_status=dict(Counter(d.status.value for d in decisions)),
    )
