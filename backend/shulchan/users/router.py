import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from shulchan.auth.dependencies import AuthenticatedDep, PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.users import service
from shulchan.users.schemas import Me, MeUpdate, PasswordChange, UserCreate, UserPage, UserRead, UserUpdate

router = APIRouter(tags=["users"])


@router.get("/me", responses=problem_responses(401))
async def get_me(principal: AuthenticatedDep, session: SessionDep, response: Response) -> Me:
    """The signed-in user, their seats and their effective permissions in each roundtable."""
    me = await service.describe_me(session, principal)
    assert principal.user is not None
    set_etag(response, principal.user.version)
    return me


@router.patch("/me", responses=problem_responses(401, 412, 422))
async def update_me(
    body: MeUpdate, principal: AuthenticatedDep, session: SessionDep, response: Response, if_match: IfMatch = None
) -> UserRead:
    """Change your own name or preferred language."""
    user = await service.update_me(session, principal, body, if_match)
    set_etag(response, user.version)
    return UserRead.model_validate(user)


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 422))
async def change_my_password(body: PasswordChange, principal: AuthenticatedDep, session: SessionDep) -> None:
    await service.change_password(session, principal, body)


@router.get("/users", responses=problem_responses(401, 403, 422))
async def list_users(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    sort: Literal["email", "-email", "created_at", "-created_at"] = "email",
    q: Annotated[str | None, Query(max_length=200, description="Part of the email or name.")] = None,
    is_active: bool | None = None,
) -> UserPage:
    """Platform admins only."""
    items, next_cursor = await service.list_users(session, principal, page, sort, q, is_active)
    return UserPage(items=[UserRead.model_validate(u) for u in items], next_cursor=next_cursor)


@router.post("/users", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 409, 422))
async def create_user(body: UserCreate, principal: PrincipalDep, session: SessionDep, response: Response) -> UserRead:
    user = await service.create_user(session, principal, body)
    set_etag(response, user.version)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return UserRead.model_validate(user)


@router.get("/users/{user_id}", responses=problem_responses(401, 403, 404))
async def get_user(user_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response) -> UserRead:
    user = await service.get_user(session, principal, user_id)
    set_etag(response, user.version)
    return UserRead.model_validate(user)


@router.patch("/users/{user_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_user(
    user_id: uuid.UUID,
    body: UserUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> UserRead:
    user = await service.update_user(session, principal, user_id, body, if_match)
    set_etag(response, user.version)
    return UserRead.model_validate(user)
