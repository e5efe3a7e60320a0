import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import PlatformPermission, Principal, require_platform
from shulchan.audit import service as audit
from shulchan.core.errors import NotFound, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.organisations.schemas import OrganisationCreate, OrganisationUpdate
from shulchan.sectors.models import Sector

SORTS = {"name": SortKey((Organisation.name, Organisation.id)), "created_at": SortKey((Organisation.id,))}


async def list_organisations(
    session: AsyncSession,
    params: PageParams,
    sort: str,
    *,
    sector_id: uuid.UUID | None,
    kind: OrganisationKind | None,
    q: str | None,
) -> tuple[list[Organisation], str | None]:
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
    return split_page(rows, key, sort, params)


async def get_organisation(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation:
    organisation = await session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound("No organisation with this id.")
    return organisation


async def _ensure_sector(session: AsyncSession, sector_id: uuid.UUID) -> None:
    if await session.get(Sector, sector_id) is None:
        raise UnprocessableEntity("No sector with this id.", code="unknown_sector")


async def create_organisation(session: AsyncSession, principal: Principal, body: OrganisationCreate) -> Organisation:
    require_platform(principal, PlatformPermission.organisations_manage)
    await _ensure_sector(session, body.sector_id)
    organisation = Organisation(**body.model_dump())
    session.add(organisation)
    await session.flush()
    audit.record_created(session, principal, organisation, roundtable_id=None)
    return organisation


async def update_organisation(
    session: AsyncSession,
    principal: Principal,
    organisation_id: uuid.UUID,
    body: OrganisationUpdate,
    if_match: str | None,
) -> Organisation:
    require_platform(principal, PlatformPermission.organisations_manage)
    organisation = await get_organisation(session, organisation_id)
    check_if_match(if_match, organisation.version)
    changes = body.changes()
    if "sector_id" in changes:
        await _ensure_sector(session, changes["sector_id"])
    before = audit.snapshot(organisation)
    apply_changes(organisation, changes)
    await session.flush()
    audit.record_updated(session, principal, organisation, before, roundtable_id=None)
    return organisation
