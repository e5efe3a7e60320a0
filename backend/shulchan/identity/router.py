"""Sign-in and user accounts over HTTP: the auth endpoints and the users (and /me) endpoints."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from shulchan.access.dependencies import (
    AuthenticatedDep,
    PrincipalDep,
    ReadFirstSessionDep,
    SessionDep,
    SettingsDep,
)
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.identity import accounts, service
from shulchan.identity.schemas import (
    Me,
    MeUpdate,
    PasswordChange,
    RefreshRequest,
    TokenPair,
    UserCreate,
    UserPage,
    UserRead,
    UserUpdate,
)

auth_router = APIRouter(prefix="/auth", tags=["auth"])


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


SIGN_IN_EXAMPLE = {"grant_type": "password", "username": "facilitator@demo.shulchan.org", "password": "shulchan-demo"}


@auth_router.post(
    "/token",
    responses=problem_responses(401, 422, 429),
    # The form's fields come from OAuth2PasswordRequestForm; the example (a demo sign-in) goes on the media type.
    openapi_extra={
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "examples": {"demo": {"summary": "A demo sign-in", "value": SIGN_IN_EXAMPLE}}
                }
            }
        }
    },
)
async def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    request: Request,
    session: ReadFirstSessionDep,
    settings: SettingsDep,
) -> TokenPair:
    """OAuth2 password grant: email as `username`. Returns a short-lived access JWT and a refresh token.

    Repeated failures for one account or one address answer 429 with `Retry-After`.
    """
    return await service.login(
        session, settings, form.username, form.password, _address(request), request.headers.get("user-agent")
    )


@auth_router.post("/refresh", responses=problem_responses(401, 422))
async def refresh_tokens(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> TokenPair:
    """Exchange a refresh token for a new pair. Each refresh token works once: presenting a used one
    ends the whole session (every token descended from the same sign-in)."""
    return await service.refresh(session, settings, body.refresh_token)


@auth_router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
async def sign_out(principal: AuthenticatedDep, session: SessionDep) -> None:
    """End this sign-in: its refresh tokens and access tokens stop working at once."""
    await service.logout(session, principal)


users_router = APIRouter(tags=["users"])


@users_router.get("/me", responses=problem_responses(401))
async def get_me(principal: AuthenticatedDep, session: SessionDep, response: Response) -> Me:
    """The signed-in user, their seats and their effective permissions in each roundtable."""
    me = await accounts.describe_me(session, principal)
    assert principal.user is not None
    set_etag(response, principal.user.version)
    return me


@users_router.patch("/me", responses=problem_responses(401, 412, 422))
async def update_me(
    body: MeUpdate, principal: AuthenticatedDep, session: SessionDep, response: Response, if_match: IfMatch = None
) -> UserRead:
    """Change your own name or preferred language."""
    user = await accounts.update_me(session, principal, body, if_match)
    set_etag(response, user.version)
    return user


@users_router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 422, 429))
async def change_my_password(
    body: PasswordChange, principal: AuthenticatedDep, session: SessionDep, settings: SettingsDep, request: Request
) -> None:
    """Other sign-ins end; this one carries on. Wrong current passwords count against the same
    allowance as failed sign-ins (429 with `Retry-After` once it is used up)."""
    await accounts.change_password(session, settings, principal, body, _address(request))


@users_router.get("/users", responses=problem_responses(401, 403, 422))
async def list_users(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    sort: Literal["email", "-email", "created_at", "-created_at"] = "email",
    q: Annotated[str | None, Query(max_length=200, description="Part of the email or name.")] = None,
    is_active: bool | None = None,
) -> UserPage:
    """Platform admins only."""
    items, next_cursor = await accounts.list_users(session, principal, page, sort, q, is_active)
    return UserPage(items=items, next_cursor=next_cursor)


@users_router.post("/users", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 409, 422))
async def create_user(body: UserCreate, principal: PrincipalDep, session: SessionDep, response: Response) -> UserRead:
    user = await accounts.create_user(session, principal, body)
    set_etag(response, user.version)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return user


@users_router.get("/users/{user_id}", responses=problem_responses(401, 403, 404))
async def get_user(user_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response) -> UserRead:
    user = await accounts.get_user(session, principal, user_id)
    set_etag(response, user.version)
    return user


@users_router.patch("/users/{user_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_user(
    user_id: uuid.UUID,
    body: UserUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> UserRead:
    user = await accounts.update_user(session, principal, user_id, body, if_match)
    set_etag(response, user.version)
    return user
