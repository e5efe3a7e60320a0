"""Turning an API token into the principal, in one query, checked against the database on every
request: a revoked token, an expired one or an owner who lost access stops working at once on every
process (nothing about a token is cached).

Sessions' JWTs are identity's business (identity.principals); this resolver sends them there, so the
app installs only this one.
"""

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import Date, and_, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from shulchan.access.permissions import CallerKind, CurrentUser, Principal, Role
from shulchan.core.config import Settings
from shulchan.core.db import WRITE_LOCK
from shulchan.core.errors import Forbidden, Unauthorized
from shulchan.core.models import utcnow
from shulchan.core.security import hash_token
from shulchan.events import service as changes
from shulchan.identity import principals as sessions
from shulchan.identity.models import User
from shulchan.integrations.models import ApiToken, ApiTokenKind, ServiceAccount, ServiceAccountGrant
from shulchan.integrations.scopes import Scope, scoped_permissions
from shulchan.integrations.token_format import kind_of
from shulchan.roundtables.models import Seat
from shulchan.stakeholders.models import Stakeholder

TOKEN_COLUMNS = (
    ApiToken.id.label("token_id"),
    ApiToken.scopes,
    ApiToken.expires_at,
    ApiToken.revoked_at,
    ApiToken.last_used_at,
)
_BY_HASH = ApiToken.token_hash == bindparam("token_hash")

# A person's token: the token, its owner and the owner's current seats (as identity's sessions read them).
PERSONAL_TOKEN_QUERY = (
    select(*TOKEN_COLUMNS, *sessions.USER_COLUMNS, Stakeholder.id, Seat.roundtable_id, Seat.role)
    .join(User, User.id == ApiToken.user_id)
    .outerjoin(Stakeholder, Stakeholder.user_id == User.id)
    .outerjoin(
        Seat,
        and_(
            Seat.held_on(bindparam("today", type_=Date)),
            or_(Seat.stakeholder_id == Stakeholder.id, Seat.alternate_stakeholder_id == Stakeholder.id),
        ),
    )
    .where(_BY_HASH, ApiToken.kind == ApiTokenKind.personal)
)
# A service account's token: the token, the account and its grants.
SERVICE_TOKEN_QUERY = (
    select(
        *TOKEN_COLUMNS,
        ServiceAccount.is_active,
        ServiceAccountGrant.roundtable_id,
        ServiceAccountGrant.role,
    )
    .join(ServiceAccount, ServiceAccount.id == ApiToken.service_account_id)
    .outerjoin(ServiceAccountGrant, ServiceAccountGrant.service_account_id == ServiceAccount.id)
    .where(_BY_HASH, ApiToken.kind == ApiTokenKind.service)
)
# `last_used_at` is written at most this often per token: a busy sync must not turn every read into
# a write. Each write is also the audited "use" of the token.
LAST_USED_RESOLUTION = timedelta(minutes=5)


async def resolve_principal(session: AsyncSession, settings: Settings, token: str) -> Principal:
    """A session's JWT or an API token → who is calling. 401 for a token that names no one (unknown,
    expired, revoked); 403 access_revoked when its owner no longer may see anything at all."""
    kind = kind_of(token)
    if kind is None:
        if token.startswith("shl_"):
            raise Unauthorized("The API token is malformed.", code="invalid_token")
        return await sessions.resolve_principal(session, settings, token)
    query = PERSONAL_TOKEN_QUERY if kind == ApiTokenKind.personal else SERVICE_TOKEN_QUERY
    parameters = {"token_hash": hash_token(token), "today": date.today()}
    rows = (await (await session.connection()).execute(query, parameters)).all()
    if not rows:
        raise Unauthorized("The API token is invalid.", code="invalid_token")
    first = rows[0]
    now = utcnow()
    if first.revoked_at is not None:
        raise Unauthorized("This API token has been revoked.", code="token_revoked")
    if first.expires_at <= now:
        raise Unauthorized("This API token has expired.", code="token_expired")
    roles: dict[uuid.UUID, set[Role]] = {}
    for row in rows:
        if row.roundtable_id is not None:
            roles.setdefault(row.roundtable_id, set()).add(row.role)
    scopes = frozenset(Scope(scope) for scope in first.scopes if scope in Scope._value2member_map_)
    principal = Principal(
        kind=CallerKind.token,
        user=_owner(first) if kind == ApiTokenKind.personal else None,
        token_id=first.token_id,
        roles={roundtable_id: frozenset(held) for roundtable_id, held in roles.items()},
        stakeholder_ids=frozenset(row.id for row in rows if kind == ApiTokenKind.personal and row.id is not None),
        scopes=scoped_permissions(scopes),
        scopes_granted=frozenset(scope.value for scope in scopes),
    )
    owner_active = first.is_active
    if not owner_active or not (principal.roles or principal.is_admin):
        # A sync job must not read "no seats" as "everything was deleted": say what happened.
        raise Forbidden("The owner of this API token no longer has access to any roundtable.", code="access_revoked")
    if first.last_used_at is None or first.last_used_at <= now - LAST_USED_RESOLUTION:
        await _record_use(session, principal, first.token_id, now)
    return principal


def _owner(row: object) -> CurrentUser:
    return CurrentUser(
        id=row.user_id,  # type: ignore[attr-defined]
        email=row.email,  # type: ignore[attr-defined]
        full_name=row.full_name,  # type: ignore[attr-defined]
        preferred_language=row.preferred_language,  # type: ignore[attr-defined]
        is_active=row.is_active,  # type: ignore[attr-defined]
        is_platform_admin=row.is_platform_admin,  # type: ignore[attr-defined]
        created_at=row.created_at,  # type: ignore[attr-defined]
        version=row.version,  # type: ignore[attr-defined]
    )


async def _record_use(session: AsyncSession, principal: Principal, token_id: uuid.UUID, now: datetime) -> None:
    """Move `last_used_at` on and audit the use, at most once per LAST_USED_RESOLUTION per token.

    A read runs without a transaction (core.db), and the write path's events must be written inside
    one; so a read records the use in a short transaction of its own. A write records it in its own
    transaction. Of two requests racing here, the conditional UPDATE lets one win; the other records
    nothing.
    """
    options = (await session.connection()).sync_connection.get_execution_options()  # type: ignore[union-attr]
    if isinstance(session.bind, AsyncEngine) and options.get("isolation_level") == "AUTOCOMMIT":
        async with AsyncSession(session.bind, expire_on_commit=False) as own:
            await own.connection(execution_options={WRITE_LOCK: True})
            await _mark_used(own, principal, token_id, now)
            await own.commit()
        return
    await _mark_used(session, principal, token_id, now)


async def _mark_used(session: AsyncSession, principal: Principal, token_id: uuid.UUID, now: datetime) -> None:
    won = await session.execute(
        update(ApiToken)
        .where(
            ApiToken.id == token_id,
            or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at <= now - LAST_USED_RESOLUTION),
        )
        .values(last_used_at=now)
        .execution_options(synchronize_session=False)
    )
    if won.rowcount != 1:  # type: ignore[attr-defined]
        return
    token = await session.get(ApiToken, token_id)
    assert token is not None
    await changes.touched(
        session, principal, token, action="use", event="api_token.used", note={"used_at": now.isoformat()}
    )
