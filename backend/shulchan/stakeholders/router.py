import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.stakeholders import service
from shulchan.stakeholders.schemas import StakeholderCreate, StakeholderPage, StakeholderRead, StakeholderUpdate

router = APIRouter(prefix="/stakeholders", tags=["stakeholders"])


@router.get("", responses=problem_responses(400, 401, 422))
async def list_stakeholders(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    sort: Literal["full_name", "-full_name", "created_at", "-created_at"] = "full_name",
    sector_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name (Hebrew or English).")] = None,
) -> StakeholderPage:
    """The people who take part. Signed-in users only; contact details only where permitted."""
    items, next_cursor = await service.list_stakeholders(
        session, principal, page, sort, sector_id=sector_id, organisation_id=organisation_id, q=q
    )
    return StakeholderPage(items=items, next_cursor=next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 409, 422))
async def create_stakeholder(
    body: StakeholderCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> StakeholderRead:
    """Admins, facilitators and hosts add people."""
    stakeholder = await service.create_stakeholder(session, principal, body)
    set_etag(response, stakeholder.version)
    response.headers["Location"] = f"/api/v1/stakeholders/{stakeholder.id}"
    return stakeholder


@router.get("/{stakeholder_id}", responses=problem_responses(401, 404, 422))
async def get_stakeholder(
    stakeholder_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> StakeholderRead:
    stakeholder = await service.get_stakeholder(session, principal, stakeholder_id)
    set_etag(response, stakeholder.version)
    return stakeholder


@router.patch("/{stakeholder_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_stakeholder(
    stakeholder_id: uuid.UUID,
    body: StakeholderUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> StakeholderRead:
    stakeholder = await service.update_stakeholder(session, principal, stakeholder_id, body, if_match)
    set_etag(response, stakeholder.version)
    return stakeholder
