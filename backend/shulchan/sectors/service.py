import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import PlatformPermission, Principal, require_platform
from shulchan.access.visibility import load
from shulchan.core.errors import Conflict, NotFound
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, platform_wide, read_schema, track
from shulchan.sectors.models import Sector
from shulchan.sectors.schemas import SectorCreate, SectorRead, SectorUpdate

SORTS = {"position": SortKey((Sector.position, Sector.id)), "key": SortKey((Sector.key, Sector.id))}

track(Sector, Tracked("sector", read_schema(SectorRead), platform_wide))


async def list_sectors(session: AsyncSession, params: PageParams, sort: str) -> tuple[list[SectorRead], str | None]:
    """Sectors are public: the transparency view colours composition by them."""
    key = SORTS[sort.lstrip("-")]
    rows = (await session.scalars(apply_keyset(select(Sector), key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [SectorRead.model_validate(sector) for sector in page], next_cursor


async def _sector(session: AsyncSession, sector_id: uuid.UUID, *, lock: bool = False) -> Sector:
    sector = await load(session, Sector, sector_id, lock=lock)
    if sector is None:
        raise NotFound("No sector with this id.")
    return sector


async def get_sector(session: AsyncSession, sector_id: uuid.UUID) -> SectorRead:
    return SectorRead.model_validate(await _sector(session, sector_id))


async def create_sector(session: AsyncSession, principal: Principal, body: SectorCreate) -> SectorRead:
    require_platform(principal, PlatformPermission.sectors_manage)
    if await session.scalar(select(Sector.id).where(Sector.key == body.key)):
        raise Conflict(f"A sector with key '{body.key}' already exists.", code="sector_key_taken")
    sector = Sector(**body.model_dump())
    await changes.created(session, principal, sector)
    return SectorRead.model_validate(sector)


async def update_sector(
    session: AsyncSession, principal: Principal, sector_id: uuid.UUID, body: SectorUpdate, if_match: str | None
) -> SectorRead:
    require_platform(principal, PlatformPermission.sectors_manage)
    sector = await _sector(session, sector_id, lock=True)
    check_if_match(if_match, sector.version)
    async with changes.changing(session, principal, sector):
        apply_changes(sector, body.changes())
    return SectorRead.model_validate(sector)
