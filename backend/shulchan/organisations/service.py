import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import PlatformPermission, Principal, require_platform
from shulchan.access.visibility import load
from shulchan.core.errors import NotFound, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, platform_wide, read_schema, track
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.organisations.schemas import OrganisationCreate, OrganisationRead, OrganisationUpdate
from shulchan.sectors.models import Sector

SORTS = {"name": SortKey((Organisation.name, Organisation.id)), "created_at": SortKey((Organisation.id,))}

track(Organisation, Tracked("organisation", read_schema(OrganisationRead), platform_wide))


async def list_organisations(
    session: AsyncSession,
    params: PageParams,
    sort: str,
    *,
    sector_id: uuid.UUID | None,
    kind: OrganisationKind | None,
    q: str | None,
) -> tuple[list[OrganisationRead], str | None]:
    """Organisations are public institutions: anyone may list them."""
    key = SORTS[sort.lstrip("-")]
    stmt = select(Organisation)
    if sector_id:
        stmt = stmt.where(Organisation.sector_id == sector_id)
    if kind:
        stmt = stmt.where(Organisation.kind == kind)
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(func.lower(Organisation.name).like(pattern), func.lower(Organisation.name_en).like(pattern))
        )
    rows = (await session.scalars(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [OrganisationRead.model_validate(organisation) for organisation in page], next_cursor


async def _organisation(session: AsyncSession, organisation_id: uuid.UUID, *, lock: bool = False) -> Organisation:
    organisation = await load(session, Organisation, organisation_id, lock=lock)
    if organisation is None:
        raise NotFound("No organisation with this id.")
    return organisation


async def get_organisation(session: AsyncSession, organisation_id: uuid.UUID) -> OrganisationRead:
    return OrganisationRead.model_validate(await _organisation(session, organisation_id))


async def _ensure_sector(session: AsyncSession, sector_id: uuid.UUID) -> None:
    if await session.get(Sector, sector_id) is None:
        raise UnprocessableEntity("No sector with this id.", code="unknown_sector")


async def create_organisation(
    session: AsyncSession, principal: Principal, body: OrganisationCreate
) -> OrganisationRead:
    require_platform(principal, PlatformPermission.organisations_manage)
    await _ensure_sector(session, body.sector_id)
    organisation = Organisation(**body.model_dump())
    await changes.created(session, principal, organisation)
    return OrganisationRead.model_validate(organisation)


async def update_organisation(
    session: AsyncSession,
    principal: Principal,
    organisation_id: uuid.UUID,
    body: OrganisationUpdate,
    if_match: str | None,
) -> OrganisationRead:
    require_platform(principal, PlatformPermission.organisations_manage)
    organisation = await _organisation(session, organisation_id, lock=True)
    check_if_match(if_match, organisation.version)
    update = body.changes()
    if "sector_id" in update:
        await _ensure_sector(session, update["sector_id"])
    async with changes.changing(session, principal, organisation):
        apply_changes(organisation, update)
    return OrganisationRead.model_validate(organisation)
