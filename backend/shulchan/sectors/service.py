import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import PlatformPermission, Principal, require_platform
from shulchan.audit import service as audit
from shulchan.core.errors import Conflict, NotFound
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.sectors.models import Sector
from shulchan.sectors.schemas import SectorCreate, SectorUpdate

SORTS = {"position": SortKey((Sector.position, Sector.id)), "key": SortKey((Sector.key, Sector.id))}


async def list_sectors(session: AsyncSession, params: PageParams, sort: str) -> tuple[list[Sector], str | None]:
    """Sectors are public: the transparency view colours composition by them."""
    key = SORTS[sort.lstrip("-")]
    rows = (await session.scalars(apply_keyset(select(Sector), key, sort, params))).all()
    return split_page(rows, key, sort, params)


async def get_sector(session: AsyncSession, sector_id: uuid.UUID) -> Sector:
    sector = await session.get(Sector, sector_id)
    if sector is None:
        raise NotFound("No sector with this id.")
    return sector


async def create_sector(session: AsyncSession, principal: Principal, body: SectorCreate) -> Sector:
    require_platform(principal, PlatformPermission.sectors_manage)
    if await session.scalar(select(Sector.id).where(Sector.key == body.key)):
        raise Conflict(f"A sector with key '{body.key}' already exists.", code="sector_key_taken")
    sector = Sector(**body.model_dump())
    session.add(sector)
    await session.flush()
    audit.record_created(session, principal, sector, roundtable_id=None)
    return sector


async def update_sector(
    session: AsyncSession, principal: Principal, sector_id: uuid.UUID, body: SectorUpdate, if_match: str | None
) -> Sector:
    require_platform(principal, PlatformPermission.sectors_manage)
    sector = await get_sector(session, sector_id)
    check_if_match(if_match, sector.version)
    before = audit.snapshot(sector)
    apply_changes(sector, body.changes())
    await session.flush()
    audit.record_updated(session, principal, sector, before, roundtable_id=None)
    return sector
