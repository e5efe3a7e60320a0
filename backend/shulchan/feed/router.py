from typing import Annotated

from fastapi import APIRouter, Query

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.pagination import MAX_PAGE_SIZE
from shulchan.feed import service
from shulchan.feed.schemas import ChangeFeedPage

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", responses=problem_responses(401, 422))
async def list_events(
    principal: PrincipalDep,
    session: SessionDep,
    after: Annotated[
        int, Query(ge=0, description="The last `position` you applied; 0 to start from the beginning.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="At most this many events are looked at.")] = 100,
) -> ChangeFeedPage:
    """What changed since `after`, oldest first: the changes to the roundtables you sit at (and their
    meetings, decisions, action items, knowledge…), each with the object's new state, and tombstones
    for deletions and for objects you may no longer see. Replaying from 0 and applying every event
    gives exactly what the lists show you. Resume with `next_after`; a page may hold fewer than
    `limit` events (the rest were not yours to see) and still have more after it."""
    return await service.list_changes(session, principal, after, limit)
