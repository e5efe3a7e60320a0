"""Creating, listing and revoking API tokens and service accounts, through the one write path (so each
creation, use and revocation is audited and announced like any other change)."""

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import (
    CallerKind,
    PlatformPermission,
    Principal,
    require_authenticated,
    require_platform,
)
from shulchan.access.visibility import load
from shulchan.core.db import referenced_row_exists
from shulchan.core.errors import Conflict, Forbidden, NotFound, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.core.security import hash_token
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, platform_wide, track
from shulchan.integrations.models import ApiToken, ApiTokenKind, ServiceAccount, ServiceAccountGrant
from shulchan.integrations.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenRead,
    RoundtableGrant,
    ServiceAccountCreate,
    ServiceAccountRead,
    ServiceAccountUpdate,
)
from shulchan.integrations.scopes import SERVICE_ACCOUNT_SCOPES
from shulchan.integrations.token_format import hint_of, new_token

TOKEN_SORT = SortKey((ApiToken.id,))
TOKEN_SORT_NAME = "-created_at"
ACCOUNT_SORT = SortKey((ServiceAccount.name, ServiceAccount.id))


async def _token_payload(_session: AsyncSession, token: ApiToken) -> dict[str, Any]:
    return ApiTokenRead.model_validate(token).model_dump(mode="json")


async def _grants(session: AsyncSession, account_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[RoundtableGrant]]:
    rows = (
        await session.scalars(
            select(ServiceAccountGrant)
            .where(ServiceAccountGrant.service_account_id.in_(account_ids))
            .order_by(ServiceAccountGrant.roundtable_id)
        )
    ).all()
    found: dict[uuid.UUID, list[RoundtableGrant]] = {account_id: [] for account_id in account_ids}
    for grant in rows:
        found[grant.service_account_id].append(RoundtableGrant.model_validate(grant))
    return found


def _account_read(account: ServiceAccount, grants: list[RoundtableGrant]) -> ServiceAccountRead:
    return ServiceAccountRead.model_validate(
        {
            "id": account.id,
            "name": account.name,
            "description": account.description,
            "is_active": account.is_active,
            "grants": grants,
            "created_at": account.created_at,
            "updated_at": account.updated_at,
            "version": account.version,
        }
    )


async def _account_payload(session: AsyncSession, account: ServiceAccount) -> dict[str, Any]:
    grants = (await _grants(session, [account.id]))[account.id]
    return _account_read(account, grants).model_dump(mode="json")


track(ApiToken, Tracked("api_token", _token_payload, platform_wide))
track(ServiceAccount, Tracked("service_account", _account_payload, platform_wide))


def _refuse_tokens(principal: Principal) -> None:
    """Tokens are made and revoked by a signed-in person: a leaked token must not mint another."""
    require_authenticated(principal)
    if principal.kind == CallerKind.token:
        raise Forbidden("API tokens may not manage API tokens; sign in as a person.", code="token_not_allowed")


async def _page_of_tokens(
    session: AsyncSession, stmt: Select[Any], params: PageParams
) -> tuple[list[ApiTokenRead], str | None]:
    rows = (await session.scalars(apply_keyset(stmt, TOKEN_SORT, TOKEN_SORT_NAME, params))).all()
    page, next_cursor = split_page(rows, TOKEN_SORT, TOKEN_SORT_NAME, params)
    return [ApiTokenRead.model_validate(token) for token in page], next_cursor


async def _issue(session: AsyncSession, principal: Principal, body: ApiTokenCreate, **owner: Any) -> ApiTokenCreated:
    kind = ApiTokenKind.service if owner.get("service_account_id") else ApiTokenKind.personal
    secret = new_token(kind)
    token = ApiToken(
        kind=kind,
        name=body.name,
        token_hash=hash_token(secret),
        hint=hint_of(secret),
        scopes=[scope.value for scope in body.scopes],
        created_by_user_id=principal.user_id,
        expires_at=utcnow() + timedelta(days=body.expires_in_days),
        **owner,
    )
    await changes.created(session, principal, token)
    return ApiTokenCreated.model_validate({**ApiTokenRead.model_validate(token).model_dump(), "token": secret})


async def _revoke(session: AsyncSession, principal: Principal, token: ApiToken) -> None:
    if token.revoked_at is not None:
        return  # revoking twice is not an error: the token is revoked, as asked
    async with changes.changing(session, principal, token, action="revoke", event="api_token.revoked"):
        token.revoked_at = utcnow()


# --- personal access tokens ----------------------------------------------------------------------------


async def list_my_tokens(
    session: AsyncSession, principal: Principal, params: PageParams
) -> tuple[list[ApiTokenRead], str | None]:
    _refuse_tokens(principal)
    return await _page_of_tokens(session, select(ApiToken).where(ApiToken.user_id == principal.user_id), params)


async def create_my_token(session: AsyncSession, principal: Principal, body: ApiTokenCreate) -> ApiTokenCreated:
    _refuse_tokens(principal)
    return await _issue(session, principal, body, user_id=principal.user_id)


async def revoke_my_token(session: AsyncSession, principal: Principal, token_id: uuid.UUID) -> None:
    _refuse_tokens(principal)
    token = await load(session, ApiToken, token_id, lock=True)
    if token is None or token.user_id != principal.user_id:
        raise NotFound("No API token of yours with this id.")
    await _revoke(session, principal, token)


# --- service accounts (platform admins) -----------------------------------------------------------------


def _require_admin(principal: Principal) -> None:
    _refuse_tokens(principal)
    require_platform(principal, PlatformPermission.users_manage)


async def _account(session: AsyncSession, account_id: uuid.UUID, *, lock: bool = False) -> ServiceAccount:
    account = await load(session, ServiceAccount, account_id, lock=lock)
    if account is None:
        raise NotFound("No service account with this id.")
    return account


async def _set_grants(session: AsyncSession, account: ServiceAccount, grants: list[RoundtableGrant]) -> None:
    for grant in grants:
        if not await referenced_row_exists(session, ServiceAccountGrant.roundtable_id, grant.roundtable_id):
            raise UnprocessableEntity(f"No roundtable {grant.roundtable_id}.", code="unknown_roundtable")
    await session.execute(delete(ServiceAccountGrant).where(ServiceAccountGrant.service_account_id == account.id))
    session.add_all(
        ServiceAccountGrant(service_account_id=account.id, roundtable_id=grant.roundtable_id, role=grant.role)
        for grant in grants
    )


async def _ensure_name_free(session: AsyncSession, name: str, account_id: uuid.UUID | None = None) -> None:
    taken = await session.scalar(
        select(ServiceAccount.id).where(
            func.lower(ServiceAccount.name) == name.lower(), ServiceAccount.id != account_id
        )
    )
    if taken:
        raise Conflict("A service account with this name already exists.", code="service_account_name_taken")


async def list_service_accounts(
    session: AsyncSession, principal: Principal, params: PageParams
) -> tuple[list[ServiceAccountRead], str | None]:
    _require_admin(principal)
    rows = (await session.scalars(apply_keyset(select(ServiceAccount), ACCOUNT_SORT, "name", params))).all()
    page, next_cursor = split_page(rows, ACCOUNT_SORT, "name", params)
    grants = await _grants(session, [account.id for account in page])
    return [_account_read(account, grants[account.id]) for account in page], next_cursor


async def get_service_account(session: AsyncSession, principal: Principal, account_id: uuid.UUID) -> ServiceAccountRead:
    _require_admin(principal)
    account = await _account(session, account_id)
    return _account_read(account, (await _grants(session, [account.id]))[account.id])


async def create_service_account(
    session: AsyncSession, principal: Principal, body: ServiceAccountCreate
) -> ServiceAccountRead:
    _require_admin(principal)
    await _ensure_name_free(session, body.name)
    account = ServiceAccount(name=body.name, description=body.description, created_by_user_id=principal.user_id)
    session.add(account)
    await session.flush()
    await _set_grants(session, account, body.grants)
    await changes.created(session, principal, account)
    return _account_read(account, (await _grants(session, [account.id]))[account.id])


async def update_service_account(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, body: ServiceAccountUpdate, if_match: str | None
) -> ServiceAccountRead:
    _require_admin(principal)
    account = await _account(session, account_id, lock=True)
    check_if_match(if_match, account.version)
    update = body.changes()
    if "name" in update:
        await _ensure_name_free(session, update["name"], account.id)
    grants = update.pop("grants", None)
    before = (await _grants(session, [account.id]))[account.id]
    note = None
    if grants is not None:
        after = [RoundtableGrant.model_validate(grant) for grant in grants]
        note = {
            "grants": {
                "before": [g.model_dump(mode="json") for g in before],
                "after": [g.model_dump(mode="json") for g in after],
            }
        }
    async with changes.changing(session, principal, account, note=note):
        apply_changes(account, update)
        if grants is not None:
            await _set_grants(session, account, after)
            account.updated_at = utcnow()  # the grants are part of the account: its version moves with them
    return _account_read(account, (await _grants(session, [account.id]))[account.id])


async def list_service_account_tokens(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, params: PageParams
) -> tuple[list[ApiTokenRead], str | None]:
    _require_admin(principal)
    await _account(session, account_id)
    return await _page_of_tokens(session, select(ApiToken).where(ApiToken.service_account_id == account_id), params)


async def create_service_account_token(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, body: ApiTokenCreate
) -> ApiTokenCreated:
    _require_admin(principal)
    account = await _account(session, account_id, lock=True)
    refused = sorted(scope.value for scope in body.scopes if scope not in SERVICE_ACCOUNT_SCOPES)
    if refused:
        raise UnprocessableEntity(
            f"A service account reads and is told; it may not hold {', '.join(refused)}.",
            code="scope_not_allowed",
        )
    return await _issue(session, principal, body, service_account_id=account.id)


async def revoke_service_account_token(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, token_id: uuid.UUID
) -> None:
    _require_admin(principal)
    token = await load(session, ApiToken, token_id, lock=True)
    if token is None or token.service_account_id != account_id:
        raise NotFound("No token of this service account with this id.")
    await _revoke(session, principal, token)
