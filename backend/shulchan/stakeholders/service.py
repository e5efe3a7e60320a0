import uuid
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import (
    ANONYMOUS,
    PlatformPermission,
    Principal,
    require_authenticated,
    require_platform,
)
from shulchan.core.db import referenced_row_exists
from shulchan.core.errors import Conflict, NotFound, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, platform_wide, track
from shulchan.organisations.models import Organisation
from shulchan.stakeholders.models import Stakeholder
from shulchan.stakeholders.schemas import StakeholderCreate, StakeholderRead, StakeholderUpdate

SORTS = {"full_name": SortKey((Stakeholder.full_name, Stakeholder.id)), "created_at": SortKey((Stakeholder.id,))}


def _select() -> Select[Stakeholder, str | None, uuid.UUID | None]:
    return select(Stakeholder, Organisation.name, Organisation.sector_id).outerjoin(
        Organisation, Organisation.id == Stakeholder.organisation_id
    )


def to_read(
    principal: Principal, stakeholder: Stakeholder, organisation_name: str | None, sector_id: uuid.UUID | None
) -> StakeholderRead:
    is_self = stakeholder.id in principal.stakeholder_ids
    contact = is_self or principal.can_platform(PlatformPermission.stakeholders_contact_view)
    link = is_self or principal.can_platform(PlatformPermission.users_manage)
    return StakeholderRead(
        id=stakeholder.id,
        full_name=stakeholder.full_name,
        full_name_en=stakeholder.full_name_en,
        organisation_id=stakeholder.organisation_id,
        organisation_name=organisation_name,
        sector_id=sector_id,
        title=stakeholder.title,
        email=stakeholder.email if contact else None,
        phone=stakeholder.phone if contact else None,
        user_id=stakeholder.user_id if link else None,
        version=stakeholder.version,
    )


async def list_stakeholders(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    sector_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    q: str | None,
) -> tuple[list[StakeholderRead], str | None]:
    """The directory of people: any signed-in user may browse it; contact details are restricted."""
    require_authenticated(principal)
    key = SORTS[sort.lstrip("-")]
    stmt = _select()
    if sector_id:
        stmt = stmt.where(Organisation.sector_id == sector_id)
    if organisation_id:
        stmt = stmt.where(Stakeholder.organisation_id == organisation_id)
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(func.lower(Stakeholder.full_name).like(pattern), func.lower(Stakeholder.full_name_en).like(pattern))
        )
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key.for_rows(), sort, params)
    return [to_read(principal, *row) for row in page], next_cursor


async def _load(
    session: AsyncSession, stakeholder_id: uuid.UUID, *, lock: bool = False
) -> tuple[Stakeholder, str | None, uuid.UUID | None]:
    stmt = _select().where(Stakeholder.id == stakeholder_id)
    if lock:
        stmt = stmt.execution_options(populate_existing=True)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=Stakeholder)
    row = (await session.execute(stmt)).one_or_none()
    if row is None:
        raise NotFound("No stakeholder with this id.")
    return row[0], row[1], row[2]


async def get_stakeholder(session: AsyncSession, principal: Principal, stakeholder_id: uuid.UUID) -> StakeholderRead:
    require_authenticated(principal)
    return to_read(principal, *await _load(session, stakeholder_id))


async def _check_references(
    session: AsyncSession, principal: Principal, values: dict[str, Any], stakeholder_id: uuid.UUID | None = None
) -> None:
    if values.get("organisation_id") and await session.get(Organisation, values["organisation_id"]) is None:
        raise UnprocessableEntity("No organisation with this id.", code="unknown_organisation")
    if values.get("user_id") is not None or ("user_id" in values and stakeholder_id):
        # Linking a person to a sign-in hands that sign-in the person's seats: admins only.
        require_platform(principal, PlatformPermission.users_manage)
    if values.get("user_id"):
        if not await referenced_row_exists(session, Stakeholder.user_id, values["user_id"]):
            raise UnprocessableEntity("No user with this id.", code="unknown_user")
        taken = await session.scalar(select(Stakeholder.id).where(Stakeholder.user_id == values["user_id"]))
        if taken and taken != stakeholder_id:
            raise Conflict("This user is already linked to another stakeholder.", code="user_already_linked")


async def create_stakeholder(session: AsyncSession, principal: Principal, body: StakeholderCreate) -> StakeholderRead:
    require_platform(principal, PlatformPermission.stakeholders_manage)
    values = body.model_dump()
    await _check_references(session, principal, values)
    stakeholder = Stakeholder(**values)
    await changes.created(session, principal, stakeholder)
    return to_read(principal, *await _load(session, stakeholder.id))


async def update_stakeholder(
    session: AsyncSession,
    principal: Principal,
    stakeholder_id: uuid.UUID,
    body: StakeholderUpdate,
    if_match: str | None,
) -> StakeholderRead:
    require_platform(principal, PlatformPermission.stakeholders_manage)
    stakeholder, _, _ = await _load(session, stakeholder_id, lock=True)
    check_if_match(if_match, stakeholder.version)
    update = body.changes()
    await _check_references(session, principal, update, stakeholder_id)
    async with changes.changing(session, principal, stakeholder):
        apply_changes(stakeholder, update)
    return to_read(principal, *await _load(session, stakeholder.id))


async def _payload(session: AsyncSession, stakeholder: Stakeholder) -> dict[str, Any]:
    """The person as any reader sees them: contact details and sign-in link left out."""
    return to_read(ANONYMOUS, *await _load(session, stakeholder.id)).model_dump(mode="json")


track(Stakeholder, Tracked("stakeholder", _payload, platform_wide))
