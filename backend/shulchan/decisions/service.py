"""Decisions and their lifecycle, endorsements by seat and sector, action items, goal progress."""

import uuid
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import (
    Permission,
    Principal,
    require,
    require_authenticated,
    require_visible,
    seated_roundtables_clause,
)
from shulchan.access.visibility import get_visible
from shulchan.audit import service as audit
from shulchan.core.errors import Conflict, Forbidden, InvalidTransition, NotFound, UnprocessableEntity
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
from shulchan.meetings.models import AgendaItem, Meeting
from shulchan.meetings.service import get_meeting
from shulchan.roundtables.models import Goal, Role, Roundtable, Seat, Visibility
from shulchan.roundtables.service import get_goal
from shulchan.search import index
from shulchan.stakeholders.models import Stakeholder

S = DecisionStatus
TRANSITIONS: dict[DecisionStatus, frozenset[DecisionStatus]] = {
    S.proposed: frozenset({S.in_discussion, S.rejected, S.withdrawn}),
    S.in_discussion: frozenset({S.agreed, S.rejected, S.withdrawn}),
    S.agreed: frozenset({S.adopted, S.in_discussion, S.rejected}),
    S.adopted: frozenset({S.implemented}),
    S.implemented: frozenset(),
    S.rejected: frozenset(),
    S.withdrawn: frozenset(),
}
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
) -> tuple[list[DecisionSummary], str | None]:
    key = DECISION_SORTS[sort.lstrip("-")]
    stmt = select(*DECISION_COLUMNS).where(_decision_visibility(principal))
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
    decision = await session.scalar(select(Decision).where(Decision.id == decision_id, _decision_visibility(principal)))
    if decision is None:
        raise NotFound("No decision with this id is visible to you.")
    return decision


async def read_decision(session: AsyncSession, principal: Principal, decision_id: uuid.UUID) -> DecisionRead:
    return await _read(session, principal, await get_decision(session, principal, decision_id))


async def _read(session: AsyncSession, principal: Principal, decision: Decision) -> DecisionRead:
    goal_ids = list(
        (await session.scalars(select(DecisionGoal.goal_id).where(DecisionGoal.decision_id == decision.id))).all()
    )
    history = (
        await session.scalars(
            select(DecisionEvent).where(DecisionEvent.decision_id == decision.id).order_by(DecisionEvent.id)
        )
    ).all()
    endorsements, by_sector, consensus = await _endorsements(session, decision)
    events = [DecisionEventRead.model_validate(event) for event in history]
    if not principal.can(Permission.roundtable_view, decision.roundtable_id):
        # The public sees what was decided and how the sectors stood, not who said what inside the room.
        endorsements = []
        events = [event.model_copy(update={"actor_user_id": None, "note": None}) for event in events]
    return DecisionRead(
        **{
            name: getattr(decision, name)
            for name in (
                "id",
                "roundtable_id",
                "meeting_id",
                "kind",
                "title",
                "text",
                "status",
                "proposed_by_user_id",
                "adopted_at",
                "adoption_reference",
                "created_at",
                "updated_at",
                "version",
            )
        },
        goal_ids=goal_ids,
        consensus=consensus,
        by_sector=by_sector,
        endorsements=endorsements,
        history=events,
    )


async def _endorsements(
    session: AsyncSession, decision: Decision
) -> tuple[list[EndorsementRead], list[SectorEndorsement], bool]:
    today = date.today()
    seats = (
        await session.execute(
            select(Seat.id, Seat.sector_id).where(
                Seat.roundtable_id == decision.roundtable_id,
                Seat.role.in_(ENDORSING_ROLES),
                Seat.held_on(today),
            )
        )
    ).all()
    rows = (
        await session.execute(
            select(Endorsement, Stakeholder.full_name, Seat.sector_id, Seat.role)
            .join(Seat, Seat.id == Endorsement.seat_id)
            .join(Stakeholder, Stakeholder.id == Seat.stakeholder_id)
            .where(Endorsement.decision_id == decision.id)
            .order_by(Seat.sector_id, Stakeholder.full_name)
        )
    ).all()
    endorsements = [
        EndorsementRead(
            seat_id=e.seat_id,
            stakeholder_name=name,
            sector_id=sector_id,
            role=role,
            position=e.position,
            comment=e.comment,
            updated_at=e.updated_at,
        )
        for e, name, sector_id, role in rows
    ]
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
    return endorsements, by_sector, consensus


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


async def _set_goals(session: AsyncSession, decision_id: uuid.UUID, goal_ids: list[uuid.UUID]) -> None:
    await session.execute(delete(DecisionGoal).where(DecisionGoal.decision_id == decision_id))
    for goal_id in dict.fromkeys(goal_ids):
        session.add(DecisionGoal(decision_id=decision_id, goal_id=goal_id))


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


async def create_decision(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, body: DecisionCreate
) -> DecisionRead:
    await get_visible(session, principal, Roundtable, roundtable_id)
    require(principal, Permission.decisions_propose, roundtable_id)
    await _check_refs(session, roundtable_id, body.meeting_id, body.goal_ids)
    values = body.model_dump()
    goal_ids = values.pop("goal_ids")
    decision = Decision(roundtable_id=roundtable_id, proposed_by_user_id=principal.user_id, **values)
    session.add(decision)
    await session.flush()
    await _set_goals(session, decision.id, goal_ids)
    session.add(
        DecisionEvent(
            decision_id=decision.id, from_status=None, to_status=decision.status.value, actor_user_id=principal.user_id
        )
    )
    await session.flush()
    audit.record_created(session, principal, decision, roundtable_id=roundtable_id)
    await index_decision(session, decision)
    return await _read(session, principal, decision)


async def update_decision(
    session: AsyncSession, principal: Principal, decision_id: uuid.UUID, body: DecisionUpdate, if_match: str | None
) -> DecisionRead:
    """The text may change until the decision is agreed; then it is what was agreed."""
    decision = await get_decision(session, principal, decision_id)
    require_visible(principal, Permission.roundtable_view, decision.roundtable_id, "decision")
    own_proposal = decision.proposed_by_user_id == principal.user_id and decision.status == S.proposed
    if not (own_proposal and principal.can(Permission.decisions_propose, decision.roundtable_id)):
        require(principal, Permission.decisions_steer, decision.roundtable_id)
    check_if_match(if_match, decision.version)
    if decision.status not in (S.proposed, S.in_discussion):
        raise Conflict(f"A decision that is {decision.status.value} can no longer be edited.", code="decision_locked")
    changes = body.changes()
    await _check_refs(session, decision.roundtable_id, changes.get("meeting_id"), changes.get("goal_ids"))
    goal_ids = changes.pop("goal_ids", None)
    before = audit.snapshot(decision)
    apply_changes(decision, changes)
    if goal_ids is not None:
        await _set_goals(session, decision.id, goal_ids)
        decision.updated_at = utcnow()
    await session.flush()
    audit.record_updated(session, principal, decision, before, roundtable_id=decision.roundtable_id)
    await index_decision(session, decision)
    return await _read(session, principal, decision)


async def transition_decision(
    session: AsyncSession,
    principal: Principal,
    decision_id: uuid.UUID,
    target: DecisionStatus,
    note: str | None,
    adoption_reference: str | None,
    if_match: str | None,
) -> DecisionRead:
    decision = await get_decision(session, principal, decision_id)
    require_visible(principal, Permission.roundtable_view, decision.roundtable_id, "decision")
    allowed = TRANSITIONS[decision.status]
    if target not in allowed:
        raise InvalidTransition(
            f"A decision cannot go from '{decision.status.value}' to '{target.value}'.",
            extra={"from": decision.status.value, "allowed": sorted(s.value for s in allowed)},
        )
    own_withdrawal = target == S.withdrawn and decision.proposed_by_user_id == principal.user_id
    if not own_withdrawal and not any(principal.can(p, decision.roundtable_id) for p in TRANSITION_PERMISSION[target]):
        require_authenticated(principal)
        needed = " or ".join(sorted(p.value for p in TRANSITION_PERMISSION[target]))
        raise Forbidden(f"Moving a decision to '{target.value}' needs {needed} in this roundtable.")
    check_if_match(if_match, decision.version)
    before = audit.snapshot(decision)
    session.add(
        DecisionEvent(
            decision_id=decision.id,
            from_status=decision.status.value,
            to_status=target.value,
            actor_user_id=principal.user_id,
            note=note,
        )
    )
    decision.status = target
    if target == S.adopted:
        decision.adopted_at = utcnow()
        decision.adopted_by_user_id = principal.user_id
        decision.adoption_reference = adoption_reference
    await session.flush()
    audit.record_updated(
        session, principal, decision, before, roundtable_id=decision.roundtable_id, action="transition"
    )
    await index_decision(session, decision)
    return await _read(session, principal, decision)


async def endorse(
    session: AsyncSession, principal: Principal, decision_id: uuid.UUID, body: EndorsementRequest
) -> DecisionRead:
    """A seat's word on a decision, given by the person holding (or standing in for) that seat."""
    decision = await get_decision(session, principal, decision_id)
    require_visible(principal, Permission.roundtable_view, decision.roundtable_id, "decision")
    require(principal, Permission.decisions_endorse, decision.roundtable_id)
    if decision.status not in ENDORSABLE:
        raise Conflict(
            f"A decision that is {decision.status.value} no longer takes endorsements.", code="endorsement_closed"
        )
    today = date.today()
    stmt = select(Seat.id).where(
        Seat.roundtable_id == decision.roundtable_id,
        Seat.role != Role.observer,
        Seat.held_on(today),
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
    before = audit.snapshot(endorsement) if endorsement else None
    if endorsement is None:
        endorsement = Endorsement(
            decision_id=decision.id,
            seat_id=seat_ids[0],
            position=body.position,
            comment=body.comment,
            recorded_by_user_id=principal.user_id,
        )
        session.add(endorsement)
    else:
        endorsement.position = body.position
        endorsement.comment = body.comment
        endorsement.recorded_by_user_id = principal.user_id
    await session.flush()
    if before is None:
        audit.record_created(session, principal, endorsement, roundtable_id=decision.roundtable_id)
    else:
        audit.record_updated(session, principal, endorsement, before, roundtable_id=decision.roundtable_id)
    return await _read(session, principal, decision)


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
) -> tuple[list[ActionItemRead], str | None]:
    require_authenticated(principal)
    key = ACTION_SORTS[sort.lstrip("-")].for_rows()
    stmt = _action_select().where(
        seated_roundtables_clause(principal, ActionItem.roundtable_id, Permission.roundtable_view)
    )
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


async def _action_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> tuple[ActionItem, str]:
    row = (await session.execute(_action_select().where(ActionItem.id == item_id))).one_or_none()
    if row is None:
        raise NotFound("No action item with this id is visible to you.")
    require_visible(principal, Permission.roundtable_view, row[0].roundtable_id, "action item")
    return row[0], row[1]


async def get_action_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> ActionItemRead:
    return _action_read(*await _action_item(session, principal, item_id), date.today())


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
    session.add(item)
    await session.flush()
    audit.record_created(session, principal, item, roundtable_id=roundtable_id)
    return await get_action_item(session, principal, item.id)


async def update_action_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, body: ActionItemUpdate, if_match: str | None
) -> ActionItemRead:
    """Managers change anything; an owner changes the status of their own item."""
    item, _ = await _action_item(session, principal, item_id)
    changes = body.changes()
    if not principal.can(Permission.action_items_manage, item.roundtable_id):
        require(principal, Permission.action_items_update_own, item.roundtable_id)
        if item.owner_stakeholder_id not in principal.stakeholder_ids:
            raise Forbidden("You may update only the action items you own.")
        if set(changes) - {"status"}:
            raise Forbidden("As the owner you may change the status only.", code="owner_status_only")
    check_if_match(if_match, item.version)
    await _check_action_refs(session, item.roundtable_id, changes)
    before = audit.snapshot(item)
    apply_changes(item, changes)
    if "status" in changes:
        item.completed_at = utcnow() if changes["status"] == ActionItemStatus.done else None
    await session.flush()
    audit.record_updated(session, principal, item, before, roundtable_id=item.roundtable_id)
    return await get_action_item(session, principal, item.id)


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
