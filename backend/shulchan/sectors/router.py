import uuid
from typing import Literal

from fastapi import APIRouter, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.sectors import service
from shulchan.sectors.schemas import SectorCreate, SectorPage, SectorRead, SectorUpdate

router = APIRouter(prefix="/sectors", tags=["sectors"])


@router.get("", responses=problem_responses(422))
async def list_sectors(
    session: SessionDep, page: PageDep, sort: Literal["position", "-position", "key", "-key"] = "position"
) -> SectorPage:
    """All sectors, public. Default order: `position`, as sectors are shown in composition charts."""
    items, next_cursor = await service.list_sectors(session, page, sort)
    return SectorPage(items=items, next_cursor=next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 409, 422))
async def create_sector(
    body: SectorCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> SectorRead:
    """Platform admins add sectors beyond the three built in (e.g. academia, local government)."""
    sector = await service.create_sector(session, principal, body)
    set_etag(response, sector.version)
    response.headers["Location"] = f"/api/v1/sectors/{sector.id}"
    return sector


@router.get("/{sector_id}", responses=problem_responses(404, 422))
async def get_sector(sector_id: uuid.UUID, session: SessionDep, response: Response) -> SectorRead:
    sector = await service.get_sector(session, sector_id)
    set_etag(response, sector.version)
    return sector


@router.patch("/{sector_id}", responses=problem_responses(401, 403, 404, 412, 422))
async def update_sector(
    sector_id: uuid.UUID,
    body: SectorUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> SectorRead:
    sector = await service.update_sector(session, principal, sector_id, body, if_match)
    set_etag(response, sector.version)
    return sector
