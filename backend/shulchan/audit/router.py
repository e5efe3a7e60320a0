import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.audit import service
from shulchan.audit.schemas import AuditEventPage
from shulchan.core.errors import problem_responses
from shulchan.core.pagination import PageDep

router = APIRouter(tags=["audit"])
EntityType = Annotated[str | None, Query(max_length=60, description="e.g. roundtables, seats, goals")]
Action = Annotated[str | None, Query(max_length=40, description="create, update, delete, transition…")]


@router.get("/roundtables/{roundtable_id}/audit", responses=problem_responses(400, 401, 403, 404, 422))
async def list_roundtable_audit(
    roundtable_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    entity_type: EntityType = None,
    action: Action = None,
) -> AuditEventPage:
    """The roundtable's audit trail, newest first: facilitators, hosts and admins; entries about objects the
    caller may not see (facilitator-only knowledge, speaking turns, process notes) are left out."""
    items, next_cursor = await service.list_roundtable_events(
        session, principal, roundtable_id, page, entity_type=entity_type, action=action
    )
    return AuditEventPage(items=items, next_cursor=next_cursor)


@router.get("/audit", responses=problem_responses(400, 401, 403, 422))
async def list_audit(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    entity_type: EntityType = None,
    action: Action = None,
    roundtable_id: uuid.UUID | None = None,
    actor_user_id: uuid.UUID | None = None,
) -> AuditEventPage:
    """Every audit event, newest first: platform admins only."""
    items, next_cursor = await service.list_all_events(
        session,
        principal,
        page,
        entity_type=entity_type,
        action=action,
        roundtable_id=roundtable_id,
        actor_user_id=actor_user_id,
    )
    return AuditEventPage(items=items, next_cursor=next_cursor)
