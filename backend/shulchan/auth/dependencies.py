"""Resolving the caller: session, principal. Routers declare these; they never check roles."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Date, and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.auth.models import AuthSession
from shulchan.auth.permissions import ANONYMOUS, CurrentUser, Principal
from shulchan.core.config import Settings
from shulchan.core.db import get_session
from shulchan.core.errors import Unauthorized
from shulchan.core.security import InvalidToken, decode_access_token
from shulchan.roundtables.models import Role, Seat
from shulchan.stakeholders.models import Stakeholder
from shulchan.users.models import User

SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]

USER_COLUMNS = (
    User.id.label("user_id"),
    User.email,
    User.full_name,
    User.preferred_language,
    User.is_active,
    User.is_platform_admin,
    User.created_at,
    User.version,
)
# One round trip: the user, their live session, their stakeholder record and current seats (their
# own, or as an alternate). Every authenticated request runs it, so it is built once, not per request.
PRINCIPAL_QUERY = (
    select(*USER_COLUMNS, Stakeholder.id, Seat.roundtable_id, Seat.role)
    .join(AuthSession, AuthSession.user_id == User.id)
    .outerjoin(Stakeholder, Stakeholder.user_id == User.id)
    .outerjoin(
        Seat,
        and_(
            Seat.held_on(bindparam("today", type_=Date)),
            or_(Seat.stakeholder_id == Stakeholder.id, Seat.alternate_stakeholder_id == Stakeholder.id),
        ),
    )
    .where(
        User.id == bindparam("user_id"),
        User.is_active.is_(True),
        AuthSession.id == bindparam("session_id"),
        AuthSession.revoked_at.is_(None),
    )
)
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def get_settings_from_app(request: Request) -> Settings:  # async: no threadpool hop
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings_from_app)]


async def get_principal(
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    """Anonymous without a token; 401 for a token that is bad, expired or of a revoked session."""
    if token is None:
        return ANONYMOUS
    try:
        claims = decode_access_token(settings, token)
    except InvalidToken as exc:
        raise Unauthorized("The access token is invalid or expired.", code="invalid_token") from exc
    parameters = {"user_id": claims.user_id, "session_id": claims.session_id, "today": date.today()}
    rows = (await session.execute(PRINCIPAL_QUERY, parameters)).all()
    if not rows:
        raise Unauthorized("This session has ended; sign in again.", code="session_revoked")
    roles: dict[uuid.UUID, set[Role]] = {}
    for row in rows:
        if row.roundtable_id is not None:
            roles.setdefault(row.roundtable_id, set()).add(row.role)
    first = rows[0]
    return Principal(
        user=CurrentUser(
            id=first.user_id,
            email=first.email,
            full_name=first.full_name,
            preferred_language=first.preferred_language,
            is_active=first.is_active,
            is_platform_admin=first.is_platform_admin,
            created_at=first.created_at,
            version=first.version,
        ),
        session_id=claims.session_id,
        roles={roundtable_id: frozenset(held) for roundtable_id, held in roles.items()},
        stakeholder_ids=frozenset(row.id for row in rows if row.id is not None),
    )


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_authenticated_principal(principal: PrincipalDep) -> Principal:
    if not principal.is_authenticated:
        raise Unauthorized("Sign in to do this.")
    return principal


AuthenticatedDep = Annotated[Principal, Depends(get_authenticated_principal)]
