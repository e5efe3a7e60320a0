import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import PlatformPermission, Principal, permissions_for_roles, require_platform
from shulchan.access.visibility import load
from shulchan.core.config import Settings
from shulchan.core.db import begin_write
from shulchan.core.errors import Conflict, NotFound, Unauthorized
from shulchan.core.etag import check_if_match
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.core.security import hash_password_off_loop, verify_password_off_loop
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, platform_wide, read_schema, track
from shulchan.identity.models import User
from shulchan.identity.schemas import (
    Me,
    MeUpdate,
    MyRoundtable,
    MySeat,
    PasswordChange,
    UserCreate,
    UserRead,
    UserUpdate,
)
from shulchan.identity.service import count_attempt, end_sessions, forgive
from shulchan.roundtables.models import Roundtable, Seat

SORTS = {
    "email": SortKey((User.email, User.id)),
    "created_at": SortKey((User.id,)),
}

track(User, Tracked("user", read_schema(UserRead), platform_wide))


async def list_users(
    session: AsyncSession, principal: Principal, params: PageParams, sort: str, q: str | None, is_active: bool | None
) -> tuple[list[UserRead], str | None]:
    require_platform(principal, PlatformPermission.users_manage)
    key = SORTS[sort.lstrip("-")]
    stmt = select(User)
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(User.email).like(pattern), func.lower(User.full_name).like(pattern)))
    if is_active is not None:
        stmt = stmt.where(User.is_active.is_(is_active))
    rows = (await session.scalars(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [UserRead.model_validate(user) for user in page], next_cursor


async def _user(session: AsyncSession, principal: Principal, user_id: uuid.UUID, *, lock: bool = False) -> User:
    require_platform(principal, PlatformPermission.users_manage)
    user = await load(session, User, user_id, lock=lock)
    if user is None:
        raise NotFound("No user with this id.")
    return user


async def get_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> UserRead:
    return UserRead.model_validate(await _user(session, principal, user_id))


async def _ensure_email_free(session: AsyncSession, email: str) -> None:
    if await session.scalar(select(User.id).where(func.lower(User.email) == email.lower())):
        raise Conflict("A user with this email already exists.", code="email_taken")


async def create_user(session: AsyncSession, principal: Principal, body: UserCreate) -> UserRead:
    require_platform(principal, PlatformPermission.users_manage)
    await _ensure_email_free(session, body.email)
    user = User(
        email=body.email.lower(),
        full_name=body.full_name,
        preferred_language=body.preferred_language,
        password_hash=await hash_password_off_loop(body.password),
        is_platform_admin=body.is_platform_admin,
    )
    await changes.created(session, principal, user)
    return UserRead.model_validate(user)


async def update_user(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, body: UserUpdate, if_match: str | None
) -> UserRead:
    user = await _user(session, principal, user_id, lock=True)
    check_if_match(if_match, user.version)
    update: dict[str, Any] = body.changes()
    if user.id == principal.user_id and (update.get("is_active") is False or update.get("is_platform_admin") is False):
        raise Conflict("You cannot deactivate yourself or remove your own admin rights.", code="self_lockout")
    password_reset = "password" in update
    async with changes.changing(session, principal, user):
        if password_reset:
            user.password_hash = await hash_password_off_loop(update.pop("password"))
        apply_changes(user, update)
        if password_reset or update.get("is_active") is False:
            # A reset password or a deactivation ends every sign-in, so reactivating never revives one.
            await end_sessions(session, user.id, "password_reset" if password_reset else "deactivated")
    if password_reset:  # the hash stays out of the trail and the event, but the reset itself is recorded
        await changes.touched(session, principal, user, action="reset_password", event="user.password_reset", note={})
    return UserRead.model_validate(user)


async def update_me(session: AsyncSession, principal: Principal, body: MeUpdate, if_match: str | None) -> UserRead:
    user = await _me(session, principal, lock=True)
    check_if_match(if_match, user.version)
    async with changes.changing(session, principal, user):
        apply_changes(user, body.changes())
    return UserRead.model_validate(user)


async def change_password(
    session: AsyncSession, settings: Settings, principal: Principal, body: PasswordChange, address: str
) -> None:
    """Counted like a sign-in (the same allowance per account and address, in the same rows):
    a stolen access token must not become an unlimited way to guess the password."""
    current = await _me(session, principal)
    attempt = await count_attempt(session, settings, current.email, address)
    password_ok = await verify_password_off_loop(current.password_hash, body.current_password)
    new_hash = await hash_password_off_loop(body.new_password) if password_ok else None
    await begin_write(session)  # no write lock is held while the passwords are hashed
    user = await _me(session, principal, lock=True)
    if new_hash is None:
        await changes.noted(session, principal, user, action="change_password_failed", note={"address": address})
        await session.commit()  # the failure is recorded, though the request answers 401
        raise Unauthorized("The current password is not correct.", code="invalid_credentials")
    await forgive(session, attempt)
    user.password_hash = new_hash
    # Every other sign-in ends: whoever knew the old password is out; this one carries on.
    await end_sessions(session, user.id, "password_changed", keep=principal.session_id)
    await changes.touched(session, principal, user, action="change_password", event="user.password_changed", note={})


async def _me(session: AsyncSession, principal: Principal, *, lock: bool = False) -> User:
    """The caller's own row, to change; the principal only carries what was read for the request."""
    user = await load(session, User, principal.user_id, lock=lock) if principal.user_id else None
    if user is None:
        raise Unauthorized("Sign in to do this.")
    return user


async def describe_me(session: AsyncSession, principal: Principal) -> Me:
    user = principal.user
    if user is None:
        raise Unauthorized("Sign in to do this.")
    stakeholder_id = next(iter(principal.stakeholder_ids), None)
    seats_by_roundtable: dict[uuid.UUID, list[MySeat]] = {}
    titles: dict[uuid.UUID, tuple[str, str | None]] = {}
    if stakeholder_id is not None:
        today = date.today()
        rows = (
            await session.execute(
                select(Seat, Roundtable.title, Roundtable.title_en)
                .join(Roundtable, Roundtable.id == Seat.roundtable_id)
                .where(
                    or_(Seat.stakeholder_id == stakeholder_id, Seat.alternate_stakeholder_id == stakeholder_id),
                    Seat.held_on(today),
                )
                .order_by(Roundtable.title, Seat.id)
            )
        ).all()
        for seat, title, title_en in rows:
            titles[seat.roundtable_id] = (title, title_en)
            seats_by_roundtable.setdefault(seat.roundtable_id, []).append(
                MySeat(
                    seat_id=seat.id,
                    role=seat.role,
                    sector_id=seat.sector_id,
                    started_on=seat.started_on,
                    ended_on=seat.ended_on,
                    as_alternate=seat.stakeholder_id != stakeholder_id,
                )
            )
    roundtables = [
        MyRoundtable(
            roundtable_id=rt_id,
            title=titles[rt_id][0],
            title_en=titles[rt_id][1],
            roles=sorted(principal.roles_in(rt_id)),
            permissions=sorted(permissions_for_roles(principal.roles_in(rt_id))),
            seats=seats,
        )
        for rt_id, seats in seats_by_roundtable.items()
    ]
    return Me(
        **{
            name: getattr(user, name)
            for name in (
                "id",
                "email",
                "full_name",
                "preferred_language",
                "is_active",
                "is_platform_admin",
                "created_at",
                "version",
            )
        },
        stakeholder_id=stakeholder_id,
        platform_permissions=sorted(principal.platform_permissions),
        roundtables=roundtables,
    )
