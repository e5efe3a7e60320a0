import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, RequiredIfMatch, set_etag
from shulchan.core.pagination import PageDep, UpdatedSince
from shulchan.decisions import service
from shulchan.decisions.models import ActionItemStatus, DecisionKind, DecisionStatus
from shulchan.decisions.schemas import (
    ActionItemCreate,
    ActionItemPage,
    ActionItemRead,
    ActionItemUpdate,
    DecisionCreate,
    DecisionPage,
    DecisionRead,
    DecisionTransition,
    DecisionUpdate,
    EndorsementRequest,
    GoalProgress,
)

router = APIRouter(tags=["decisions"])
actions_router = APIRouter(tags=["action-items"])
StatusFilter = Annotated[list[DecisionStatus] | None, Query(description="Repeat to ask for several.")]


@router.get("/decisions", responses=problem_responses(400, 404, 422))
async def list_decisions(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    roundtable_id: uuid.UUID | None = None,
    status: StatusFilter = None,
    kind: DecisionKind | None = None,
    sort: Literal["created_at", "-created_at", "updated_at", "-updated_at"] = "-created_at",
    updated_since: UpdatedSince = None,
) -> DecisionPage:
    """Decisions you may see: all of your roundtables', and adopted ones of public roundtables (no sign-in)."""
    items, next_cursor = await service.list_decisions(
        session,
        principal,
        page,
        sort,
        roundtable_id=roundtable_id,
        status=status,
        kind=kind,
        updated_since=updated_since,
    )
    return DecisionPage(items=items, next_cursor=next_cursor)


@router.post(
    "/roundtables/{roundtable_id}/decisions",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_decision(
    roundtable_id: uuid.UUID, body: DecisionCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> DecisionRead:
    """Propose a decision (facilitators, hosts and members)."""
    decision = await service.create_decision(session, principal, roundtable_id, body)
    set_etag(response, decision.version)
    response.headers["Location"] = f"/api/v1/decisions/{decision.id}"
    return decision


@router.get("/decisions/{decision_id}", responses=problem_responses(404, 422))
async def get_decision(
    decision_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> DecisionRead:
    """The decision with its history, every seat's endorsement, the per-sector summary and `consensus`."""
    decision = await service.read_decision(session, principal, decision_id)
    set_etag(response, decision.version)
    return decision


@router.patch("/decisions/{decision_id}", responses=problem_responses(401, 403, 404, 409, 412, 422, 428))
async def update_decision(
    decision_id: uuid.UUID,
    body: DecisionUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: RequiredIfMatch = None,
) -> DecisionRead:
    """Edit while proposed or in discussion: the facilitator, or the proposer while still proposed."""
    decision = await service.update_decision(session, principal, decision_id, body, if_match)
    set_etag(response, decision.version)
    return decision


@router.post("/decisions/{decision_id}/transition", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def transition_decision(
    decision_id: uuid.UUID,
    body: DecisionTransition,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> DecisionRead:
    """proposed → in_discussion → agreed (facilitator) → adopted (government host only) → implemented;
    or rejected / withdrawn. Each move is kept in the decision's history."""
    decision = await service.transition_decision(
        session, principal, decision_id, body.status, body.note, body.adoption_reference, if_match
    )
    set_etag(response, decision.version)
    return decision


@router.put("/decisions/{decision_id}/endorsement", responses=problem_responses(401, 403, 404, 409, 422))
async def endorse_decision(
    decision_id: uuid.UUID, body: EndorsementRequest, principal: PrincipalDep, session: SessionDep, response: Response
) -> DecisionRead:
    """Record your seat's position: supports, reservations or objects, with a comment."""
    decision = await service.endorse(session, principal, decision_id, body)
    set_etag(response, decision.version)
    return decision


@router.get("/goals/{goal_id}/progress", responses=problem_responses(401, 404, 422))
async def get_goal_progress(goal_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> GoalProgress:
    """A goal's linked agenda items and decisions, with the decisions' states."""
    return await service.goal_progress(session, principal, goal_id)


# --- action items ----------------------------------------------------------------------------------


@actions_router.get("/action-items", responses=problem_responses(400, 401, 422))
async def list_action_items(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    roundtable_id: uuid.UUID | None = None,
    decision_id: uuid.UUID | None = None,
    status: Annotated[list[ActionItemStatus] | None, Query(description="Repeat to ask for several.")] = None,
    mine: Annotated[bool, Query(description="Only items you own.")] = False,
    overdue: bool | None = None,
    sort: Literal["created_at", "-created_at", "due_date", "-due_date"] = "created_at",
    updated_since: UpdatedSince = None,
) -> ActionItemPage:
    """Action items of your roundtables; `mine=true&status=open&status=in_progress` is your to-do list.
    Sorting by due date leaves out items without one."""
    items, next_cursor = await service.list_action_items(
        session,
        principal,
        page,
        sort,
        roundtable_id=roundtable_id,
        decision_id=decision_id,
        status=status,
        mine=mine,
        overdue=overdue,
        updated_since=updated_since,
    )
    return ActionItemPage(items=items, next_cursor=next_cursor)


@actions_router.post(
    "/roundtables/{roundtable_id}/action-items",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_action_item(
    roundtable_id: uuid.UUID, body: ActionItemCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> ActionItemRead:
    item = await service.create_action_item(session, principal, roundtable_id, body)
    set_etag(response, item.version)
    response.headers["Location"] = f"/api/v1/action-items/{item.id}"
    return item


@actions_router.get("/action-items/{item_id}", responses=problem_responses(401, 404, 422))
async def get_action_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> ActionItemRead:
    item = await service.get_action_item(session, principal, item_id)
    set_etag(response, item.version)
    return item


@actions_router.patch("/action-items/{item_id}", responses=problem_responses(401, 403, 404, 412, 422))
async def update_action_item(
    item_id: uuid.UUID,
    body: ActionItemUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ActionItemRead:
    """Facilitators and hosts edit anything; an owner updates the status of their own item."""
    item = await service.update_action_item(session, principal, item_id, body, if_match)
    set_etag(response, item.version)
    return item


@actions_router.get("/meetings/{meeting_id}/follow-up", responses=problem_responses(401, 404, 422))
async def get_follow_up(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> list[ActionItemRead]:
    """The roundtable's open action items to review at this meeting, overdue first."""
    return await service.follow_up(session, principal, meeting_id)
