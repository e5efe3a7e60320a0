"""Sign-in, refresh-token rotation with reuse detection, sign-out, and failed-login throttling."""

import dataclasses
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import ANONYMOUS, CallerKind, CurrentUser, Principal
from shulchan.core.config import Settings
from shulchan.core.db import begin_write
from shulchan.core.errors import TooManyRequests, Unauthorized
from shulchan.core.models import utcnow
from shulchan.core.security import (
    create_access_token,
    hash_password_off_loop,
    hash_token,
    new_opaque_token,
    password_needs_rehash,
    verify_password_off_loop,
)
from shulchan.events import service as changes
from shulchan.identity.models import AuthSession, LoginFailure, RefreshToken, User
from shulchan.identity.schemas import TokenPair

BAD_CREDENTIALS = "The email or password is not correct."


def _fitted(email: str, address: str) -> tuple[str, str]:
    """Keys that fit their columns: an over-long username is one more failure, not a database
    error (PostgreSQL refuses strings longer than the column)."""
    return email[: LoginFailure.email.type.length], address[: LoginFailure.address.type.length]


async def count_attempt(session: AsyncSession, settings: Settings, email: str, address: str) -> LoginFailure:
    """Count a password attempt *before* the password is checked: 429 when the account or the
    address has used up its allowance, else the attempt is recorded, as a failure until proven
    otherwise, and committed, so that every process counts it at once.

    Check and count are one step per account and per address: PostgreSQL takes an advisory lock on
    each key for it, SQLite's write lock serialises every writer anyway. So N simultaneous guesses
    against a limit of 5 get exactly 5 password checks, on any number of processes."""
    email, address = _fitted(email, address)
    await begin_write(session)
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted({f"sign-in email {email}", f"sign-in address {address}"}):
            await session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))
    window_start = utcnow() - timedelta(seconds=settings.login_failure_window_seconds)
    for column, value, limit in (
        (LoginFailure.email, email, settings.login_max_failures_per_account),
        (LoginFailure.address, address, settings.login_max_failures_per_address),
    ):
        count, oldest = (
            await session.execute(
                select(func.count(), func.min(LoginFailure.created_at)).where(
                    column == value, LoginFailure.created_at > window_start
                )
            )
        ).one()
        if count >= limit:
            retry_after = int((oldest - window_start).total_seconds()) + 1
            raise TooManyRequests(
                "Too many failed sign-in attempts; wait before trying again.", retry_after=retry_after
            )
    attempt = LoginFailure(email=email, address=address)
    session.add(attempt)
    await session.commit()
    return attempt


async def forgive(session: AsyncSession, attempt: LoginFailure) -> None:
    """The password was right: this attempt, and the account's earlier failures *from the same
    address* (the same person's typos), stop counting. Failures from other addresses stay: they may
    be someone else's guesses, and a success here must not hand that someone a fresh allowance."""
    await session.execute(
        delete(LoginFailure).where(LoginFailure.email == attempt.email, LoginFailure.address == attempt.address)
    )


def acting_as(user: User, session_id: uuid.UUID | None = None) -> Principal:
    """The principal for an account's own doings before it holds a token (signing in)."""
    values = {name.name: getattr(user, name.name) for name in dataclasses.fields(CurrentUser)}
    return Principal(kind=CallerKind.user, user=CurrentUser(**values), session_id=session_id)


async def login(
    session: AsyncSession, settings: Settings, email: str, password: str, address: str, user_agent: str | None
) -> TokenPair:
    email = email.strip().lower()
    attempt = await count_attempt(session, settings, email, address)
    user = await session.scalar(select(User).where(func.lower(User.email) == email))
    # verify_password runs the same argon2 work when the user is unknown, so timing tells nothing.
    password_ok = await verify_password_off_loop(user.password_hash if user else None, password)
    await begin_write(session)  # only now: no write lock is held while the password is checked
    if user is None or not password_ok or not user.is_active:
        # The attempt already stands as a failure; the trail says whose account was tried, from where.
        note = {"email": attempt.email, "address": attempt.address}  # cut to their columns' lengths
        await changes.noted(session, ANONYMOUS, user or attempt, action="sign_in_failed", note=note)
        await session.commit()  # outlives this request's rollback
        raise Unauthorized(BAD_CREDENTIALS, code="invalid_credentials")
    await forgive(session, attempt)
    if user.password_hash and password_needs_rehash(user.password_hash):
        user.password_hash = await hash_password_off_loop(password)
    auth_session = AuthSession(user_id=user.id, user_agent=(user_agent or "")[:300] or None)
    session.add(auth_session)
    await session.flush()
    await changes.noted(
        session,
        acting_as(user, auth_session.id),
        user,
        action="sign_in",
        note={"address": attempt.address, "session_id": str(auth_session.id)},
    )
    return await _issue_pair(session, settings, user.id, auth_session.id)


async def _issue_pair(
    session: AsyncSession, settings: Settings, user_id: uuid.UUID, session_id: uuid.UUID
) -> TokenPair:
    refresh_token = new_opaque_token()
    session.add(
        RefreshToken(
            session_id=session_id,
            token_hash=hash_token(refresh_token),
            expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        )
    )
    access_token, expires_at = create_access_token(settings, user_id, session_id)
    await session.flush()
    return TokenPair(
        access_token=access_token,
        expires_in=int((expires_at - utcnow()).total_seconds()),
        refresh_token=refresh_token,
    )


async def refresh(session: AsyncSession, settings: Settings, refresh_token: str) -> TokenPair:
    now = utcnow()
    row = (
        await session.execute(
            select(RefreshToken, AuthSession, User)
            .join(AuthSession, AuthSession.id == RefreshToken.session_id)
            .join(User, User.id == AuthSession.user_id)
            .where(RefreshToken.token_hash == hash_token(refresh_token))
        )
    ).one_or_none()
    if row is None:
        raise Unauthorized("The refresh token is not valid.", code="invalid_refresh_token")
    token, auth_session, user = row
    if token.used_at is not None:
        # A rotated token came back: someone holds a copy. End the whole family, theirs and ours.
        await _reused(session, user, auth_session.id, now)
        raise Unauthorized(
            "This refresh token was already used; the session has been ended for safety.",
            code="refresh_token_reused",
        )
    if auth_session.revoked_at is not None or token.expires_at <= now or not user.is_active:
        raise Unauthorized("This session has ended; sign in again.", code="session_revoked")
    used = await session.execute(
        update(RefreshToken).where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None)).values(used_at=now)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        # Lost a race with a concurrent refresh of the same token: that is reuse as well.
        await _reused(session, user, auth_session.id, now)
        raise Unauthorized("This refresh token was already used.", code="refresh_token_reused")
    return await _issue_pair(session, settings, user.id, auth_session.id)


async def _reused(session: AsyncSession, user: User, session_id: uuid.UUID, now: datetime) -> None:
    """End the sign-in whose refresh token came back, and say so in the trail; committed at once,
    since the request itself answers 401 and rolls back."""
    await _revoke(session, session_id, "refresh_token_reused", now)
    await changes.noted(session, ANONYMOUS, user, action="refresh_token_reused", note={"session_id": str(session_id)})
    await session.commit()


async def _revoke(session: AsyncSession, session_id: uuid.UUID, reason: str, now: datetime) -> None:
    await session.execute(
        update(AuthSession)
        .where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )


async def logout(session: AsyncSession, principal: Principal) -> None:
    assert principal.session_id is not None and principal.user_id is not None
    await _revoke(session, principal.session_id, "logout", utcnow())
    user = await session.get(User, principal.user_id)
    await changes.noted(session, principal, user, action="sign_out", note={"session_id": str(principal.session_id)})


async def end_sessions(session: AsyncSession, user_id: uuid.UUID, reason: str, keep: uuid.UUID | None = None) -> None:
    """Revoke every live sign-in of a user (but `keep`): their access and refresh tokens stop working."""
    stmt = update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
    if keep is not None:
        stmt = stmt.where(AuthSession.id != keep)
    await session.execute(stmt.values(revoked_at=utcnow(), revoked_reason=reason))
