from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from shulchan.auth import service
from shulchan.auth.dependencies import AuthenticatedDep, SessionDep, SettingsDep
from shulchan.auth.schemas import RefreshRequest, TokenPair
from shulchan.core.errors import problem_responses

router = APIRouter(prefix="/auth", tags=["auth"])


SIGN_IN_EXAMPLE = {"grant_type": "password", "username": "facilitator@demo.shulchan.org", "password": "shulchan-demo"}


@router.post(
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
    form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, session: SessionDep, settings: SettingsDep
) -> TokenPair:
    """OAuth2 password grant: email as `username`. Returns a short-lived access JWT and a refresh token.

    Repeated failures for one account or one address answer 429 with `Retry-After`.
    """
    address = request.client.host if request.client else "unknown"
    return await service.login(
        session, settings, form.username, form.password, address, request.headers.get("user-agent")
    )


@router.post("/refresh", responses=problem_responses(401, 422))
async def refresh_tokens(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> TokenPair:
    """Exchange a refresh token for a new pair. Each refresh token works once: presenting a used one
    ends the whole session (every token descended from the same sign-in)."""
    return await service.refresh(session, settings, body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
async def sign_out(principal: AuthenticatedDep, session: SessionDep) -> None:
    """End this sign-in: its refresh tokens and access tokens stop working at once."""
    assert principal.session_id is not None
    await service.logout(session, principal.session_id)
