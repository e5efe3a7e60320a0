"""Turning a bearer token into the principal: the user, their live sign-in and their seats."""

import uuid
from datetime import date

from sqlalchemy import Date, and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import CallerKind, CurrentUser, Principal, Role
from shulchan.core.config import Settings
from shulchan.core.db import HotRead
from shulchan.core.errors import Unauthorized
from shulchan.core.models import Language
from shulchan.core.security import InvalidToken, decode_access_token
from shulchan.identity.models import AuthSession, User
from shulchan.roundtables.models import Seat
from shulchan.stakeholders.models import Stakeholder

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
PRINCIPAL_QUERY = HotRead(
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


async def resolve_principal(session: AsyncSession, settings: Settings, token: str) -> Principal:
    """401 for a token that is bad, expired or of a revoked session."""
    try:
        claims = decode_access_token(settings, token)
    except InvalidToken as exc:
        raise Unauthorized("The access token is invalid or expired.", code="invalid_token") from exc
    rows = await PRINCIPAL_QUERY.all(session, user_id=claims.user_id, session_id=claims.session_id, today=date.today())
    if not rows:
        raise Unauthorized("This session has ended; sign in again.", code="session_revoked")
    roles: dict[uuid.UUID, set[Role]] = {}
    for row in rows:
        if row["roundtable_id"] is not None:
            roles.setdefault(row["roundtable_id"], set()).add(Role(row["role"]))
    first = rows[0]
    return Principal(
        kind=CallerKind.user,
        user=CurrentUser(
            id=first["user_id"],
            email=first["email"],
            full_name=first["full_name"],
            preferred_language=Language(first["preferred_language"]),
            is_active=first["is_active"],
            is_platform_admin=first["is_platform_admin"],
            created_at=first["created_at"],
            version=first["version"],
        ),
        session_id=claims.session_id,
        roles={roundtable_id: frozenset(held) for roundtable_id, held in roles.items()},
        stakeholder_ids=frozenset(row["id"] for row in rows if row["id"] is not None),
    )
