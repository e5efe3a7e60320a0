"""Personal access tokens and service accounts over HTTP. Both are managed by a signed-in person only:
an API token may not manage tokens (403 token_not_allowed)."""

import uuid

from fastapi import APIRouter, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.integrations import service
from shulchan.integrations.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenPage,
    ServiceAccountCreate,
    ServiceAccountPage,
    ServiceAccountRead,
    ServiceAccountUpdate,
)

tokens_router = APIRouter(prefix="/me/api-tokens", tags=["api-tokens"])


@tokens_router.get("", responses=problem_responses(401, 403, 422))
async def list_my_api_tokens(principal: PrincipalDep, session: SessionDep, page: PageDep) -> ApiTokenPage:
    """Your personal access tokens, newest first, revoked ones included (never the tokens themselves)."""
    items, next_cursor = await service.list_my_tokens(session, principal, page)
    return ApiTokenPage(items=items, next_cursor=next_cursor)


@tokens_router.post("", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 422))
async def create_my_api_token(body: ApiTokenCreate, principal: PrincipalDep, session: SessionDep) -> ApiTokenCreated:
    """A token for your own scripts: it acts as you, narrowed to its scopes, until it expires or you
    revoke it. The token is in this response only; keep it in a secret store."""
    return await service.create_my_token(session, principal, body)


@tokens_router.delete(
    "/{token_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 403, 404, 422)
)
async def revoke_my_api_token(token_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> None:
    """Stops the token at once, on every server. Revoking a revoked token changes nothing."""
    await service.revoke_my_token(session, principal, token_id)


service_accounts_router = APIRouter(prefix="/service-accounts", tags=["service-accounts"])


@service_accounts_router.get("", responses=problem_responses(401, 403, 422))
async def list_service_accounts(principal: PrincipalDep, session: SessionDep, page: PageDep) -> ServiceAccountPage:
    """Platform admins only. By name."""
    items, next_cursor = await service.list_service_accounts(session, principal, page)
    return ServiceAccountPage(items=items, next_cursor=next_cursor)


@service_accounts_router.post("", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 409, 422))
async def create_service_account(
    body: ServiceAccountCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> ServiceAccountRead:
    """A machine caller (a ministry system) bound to named roundtables, each with a role: it sees what
    that role sees there. It may then be given tokens."""
    account = await service.create_service_account(session, principal, body)
    set_etag(response, account.version)
    response.headers["Location"] = f"/api/v1/service-accounts/{account.id}"
    return account


@service_accounts_router.get("/{service_account_id}", responses=problem_responses(401, 403, 404, 422))
async def get_service_account(
    service_account_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> ServiceAccountRead:
    account = await service.get_service_account(session, principal, service_account_id)
    set_etag(response, account.version)
    return account


@service_accounts_router.patch("/{service_account_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_service_account(
    service_account_id: uuid.UUID,
    body: ServiceAccountUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ServiceAccountRead:
    """Rename, describe, deactivate (every token stops at once) or replace the grants."""
    account = await service.update_service_account(session, principal, service_account_id, body, if_match)
    set_etag(response, account.version)
    return account


@service_accounts_router.get("/{service_account_id}/tokens", responses=problem_responses(401, 403, 404, 422))
async def list_service_account_tokens(
    service_account_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> ApiTokenPage:
    items, next_cursor = await service.list_service_account_tokens(session, principal, service_account_id, page)
    return ApiTokenPage(items=items, next_cursor=next_cursor)


@service_accounts_router.post(
    "/{service_account_id}/tokens",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_service_account_token(
    service_account_id: uuid.UUID, body: ApiTokenCreate, principal: PrincipalDep, session: SessionDep
) -> ApiTokenCreated:
    """A token for the account (read scopes and `webhooks:manage` only). Shown in this response only."""
    return await service.create_service_account_token(session, principal, service_account_id, body)


@service_accounts_router.delete(
    "/{service_account_id}/tokens/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def revoke_service_account_token(
    service_account_id: uuid.UUID, token_id: uuid.UUID, principal: PrincipalDep, session: SessionDep
) -> None:
    await service.revoke_service_account_token(session, principal, service_account_id, token_id)
