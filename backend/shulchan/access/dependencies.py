"""What a route declares to learn who is calling: the session, the settings and the principal.

Routers declare these and never check roles. How a token becomes a principal is identity's
business (shulchan.identity.principals); the app installs that resolver at start, so this module,
and every domain that imports it, stays free of identity's models.
"""

from typing import Annotated, Protocol

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import ANONYMOUS, Principal
from shulchan.core.config import Settings
from shulchan.core.db import get_read_first_session, get_session
from shulchan.core.errors import Unauthorized

SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
# For writes that check a password first: see core.db.get_read_first_session.
ReadFirstSessionDep = Annotated[AsyncSession, Depends(get_read_first_session, scope="function")]
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
# The same header carries an API token; declared so the spec documents it as a second scheme.
api_token_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="ApiToken",
    bearerFormat="shl_pat_… or shl_sa_…",
    description="An API token: a person's (`shl_pat_…`) or a service account's (`shl_sa_…`), narrowed by its scopes.",
)


class PrincipalResolver(Protocol):
    async def __call__(self, session: AsyncSession, settings: Settings, token: str) -> Principal: ...


async def get_settings_from_app(request: Request) -> Settings:  # async: no threadpool hop
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings_from_app)]


async def get_principal(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
    _api_token: Annotated[HTTPAuthorizationCredentials | None, Depends(api_token_scheme)],
) -> Principal:
    """Anonymous without a token; otherwise whoever the token names (401 when it names no one)."""
    if token is None:
        return ANONYMOUS
    resolve: PrincipalResolver = request.app.state.resolve_principal
    return await resolve(session, settings, token)


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_authenticated_principal(principal: PrincipalDep) -> Principal:
    if not principal.is_authenticated:
        raise Unauthorized("Sign in to do this.")
    return principal


AuthenticatedDep = Annotated[Principal, Depends(get_authenticated_principal)]
