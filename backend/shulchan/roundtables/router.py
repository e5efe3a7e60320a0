import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.roundtables import service
from shulchan.roundtables.models import Role, RoundtableStatus, Visibility
from shulchan.roundtables.schemas import (
    Composition,
    GoalCreate,
    GoalPage,
    GoalRead,
    GoalUpdate,
    RoundtableCreate,
    RoundtablePage,
    RoundtableRead,
    RoundtableTransition,
    RoundtableUpdate,
    SeatCreate,
    SeatPage,
    SeatRead,
    SeatUpdate,
)

router = APIRouter(tags=["roundtables"])
goals_router = APIRouter(tags=["goals"])
seats_router = APIRouter(tags=["seats"])


@router.get("/roundtables", responses=problem_responses(400, 401, 422))
async def list_roundtables(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    sort: Literal["title", "-title", "created_at", "-created_at"] = "title",
    status: RoundtableStatus | None = None,
    visibility: Visibility | None = None,
    host_organisation_id: uuid.UUID | None = None,
    mine: Annotated[bool, Query(description="Only roundtables where you hold a seat.")] = False,
    q: Annotated[str | None, Query(max_length=200, description="Part of the title (Hebrew or English).")] = None,
) -> RoundtablePage:
    """Roundtables you may see: all public ones, and internal ones where you hold a seat."""
    items, next_cursor = await service.list_roundtables(
        session,
        principal,
        page,
        sort,
        status=status,
        visibility=visibility,
        host_organisation_id=host_organisation_id,
        mine=mine,
        q=q,
    )
    return RoundtablePage(items=items, next_cursor=next_cursor)


@router.post("/roundtables", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 422))
async def create_roundtable(
    body: RoundtableCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> RoundtableRead:
    """Facilitators and admins open a roundtable; it starts `forming`, and its creator facilitates it."""
    roundtable = await service.create_roundtable(session, principal, body)
    set_etag(response, roundtable.version)
    response.headers["Location"] = f"/api/v1/roundtables/{roundtable.id}"
    return roundtable


@router.get("/roundtables/{roundtable_id}", responses=problem_responses(401, 404, 422))
async def get_roundtable(
    roundtable_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> RoundtableRead:
    roundtable = await service.read_roundtable(session, principal, roundtable_id)
    set_etag(response, roundtable.version)
    return roundtable


@router.patch("/roundtables/{roundtable_id}", responses=problem_responses(401, 403, 404, 412, 422))
async def update_roundtable(
    roundtable_id: uuid.UUID,
    body: RoundtableUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> RoundtableRead:
    roundtable = await service.update_roundtable(session, principal, roundtable_id, body, if_match)
    set_etag(response, roundtable.version)
    return roundtable


@router.post("/roundtables/{roundtable_id}/transition", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def transition_roundtable(
    roundtable_id: uuid.UUID,
    body: RoundtableTransition,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> RoundtableRead:
    """Move through forming → active ⇄ paused → concluded. Anything else answers 409 with the allowed moves."""
    roundtable = await service.transition_roundtable(session, principal, roundtable_id, body.status, if_match)
    set_etag(response, roundtable.version)
    return roundtable


@router.get("/roundtables/{roundtable_id}/composition", responses=problem_responses(401, 404, 422))
async def get_composition(roundtable_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> Composition:
    """Current seats grouped by sector, with counts per role: the table's sector balance."""
    return await service.composition(session, principal, roundtable_id)


# --- goals -----------------------------------------------------------------------------------------


@goals_router.get("/roundtables/{roundtable_id}/goals", responses=problem_responses(400, 401, 404, 422))
async def list_goals(roundtable_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep) -> GoalPage:
    """In the order they were set."""
    items, next_cursor = await service.list_goals(session, principal, roundtable_id, page)
    return GoalPage(items=items, next_cursor=next_cursor)


@goals_router.post(
    "/roundtables/{roundtable_id}/goals",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_goal(
    roundtable_id: uuid.UUID, body: GoalCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> GoalRead:
    goal = await service.create_goal(session, principal, roundtable_id, body)
    set_etag(response, goal.version)
    response.headers["Location"] = f"/api/v1/goals/{goal.id}"
    return goal


@goals_router.get("/goals/{goal_id}", responses=problem_responses(401, 404, 422))
async def get_goal(goal_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response) -> GoalRead:
    goal = await service.get_goal(session, principal, goal_id)
    set_etag(response, goal.version)
    return goal


@goals_router.patch("/goals/{goal_id}", responses=problem_responses(401, 403, 404, 412, 422))
async def update_goal(
    goal_id: uuid.UUID,
    body: GoalUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> GoalRead:
    goal = await service.update_goal(session, principal, goal_id, body, if_match)
    set_etag(response, goal.version)
    return goal


@goals_router.delete(
    "/goals/{goal_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 403, 404, 412, 422)
)
async def delete_goal(
    goal_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, if_match: IfMatch = None
) -> None:
    await service.delete_goal(session, principal, goal_id, if_match)


# --- seats -----------------------------------------------------------------------------------------


@seats_router.get("/roundtables/{roundtable_id}/seats", responses=problem_responses(400, 401, 404, 422))
async def list_seats(
    roundtable_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    role: Role | None = None,
    sector_id: uuid.UUID | None = None,
    current: Annotated[bool | None, Query(description="true: seats held today; false: past or future.")] = None,
) -> SeatPage:
    """All seats, past and present, in the order they were made."""
    items, next_cursor = await service.list_seats(
        session, principal, roundtable_id, page, role=role, sector_id=sector_id, current=current
    )
    return SeatPage(items=items, next_cursor=next_cursor)


@seats_router.post(
    "/roundtables/{roundtable_id}/seats",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_seat(
    roundtable_id: uuid.UUID, body: SeatCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> SeatRead:
    """Seat a stakeholder. Only facilitators and admins may seat a facilitator."""
    seat = await service.create_seat(session, principal, roundtable_id, body)
    set_etag(response, seat.version)
    response.headers["Location"] = f"/api/v1/seats/{seat.id}"
    return seat


@seats_router.get("/seats/{seat_id}", responses=problem_responses(401, 404, 422))
async def get_seat(seat_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response) -> SeatRead:
    seat = await service.get_seat(session, principal, seat_id)
    set_etag(response, seat.version)
    return seat


@seats_router.patch("/seats/{seat_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_seat(
    seat_id: uuid.UUID,
    body: SeatUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> SeatRead:
    """Change a seat's role, sector, dates or alternate; set `ended_on` when someone leaves."""
    seat = await service.update_seat(session, principal, seat_id, body, if_match)
    set_etag(response, seat.version)
    return seat


@seats_router.delete(
    "/seats/{seat_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 403, 404, 412, 422)
)
async def delete_seat(
    seat_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, if_match: IfMatch = None
) -> None:
    """Remove a seat made by mistake. To record that someone left, set its `ended_on` instead."""
    await service.delete_seat(session, principal, seat_id, if_match)
