import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.organisations import service
from shulchan.organisations.models import OrganisationKind
from shulchan.organisations.schemas import OrganisationCreate, OrganisationPage, OrganisationRead, OrganisationUpdate

router = APIRouter(prefix="/organisations", tags=["organisations"])


@router.get("", responses=problem_responses(400, 422))
async def list_organisations(
    session: SessionDep,
    page: PageDep,
    sort: Literal["name", "-name", "created_at", "-created_at"] = "name",
    sector_id: uuid.UUID | None = None,
    kind: OrganisationKind | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name (Hebrew or English).")] = None,
) -> OrganisationPage:
    items, next_cursor = await service.list_organisations(session, page, sort, sector_id=sector_id, kind=kind, q=q)
    return OrganisationPage(items=items, next_cursor=next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 422))
async def create_organisation(
    body: OrganisationCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> OrganisationRead:
    """Admins and facilitators add organisations."""
    organisation = await service.create_organisation(session, principal, body)
    set_etag(response, organisation.version)
    response.headers["Location"] = f"/api/v1/organisations/{organisation.id}"
    return organisation


@router.get("/{organisation_id}", responses=problem_responses(404, 422))
async def get_organisation(organisation_id: uuid.UUID, session: SessionDep, response: Response) -> OrganisationRead:
    organisation = await service.get_organisation(session, organisation_id)
    set_etag(response, organisation.version)
    return organisation


@router.patch("/{organisation_id}", responses=problem_responses(401, 403, 404, 412, 422))
async def update_organisation(
    organisation_id: uuid.UUID,
    body: OrganisationUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> OrganisationRead:
    organisation = await service.update_organisation(session, principal, organisation_id, body, if_match)
    set_etag(response, organisation.version)
    return organisation
