"""Recording and reading the audit trail."""

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from shulchan.access.permissions import (
    Permission,
    PlatformPermission,
    Principal,
    require,
    require_platform,
)
from shulchan.access.visibility import get_visible, model_named
from shulchan.audit import visibility
from shulchan.audit.models import AuditEvent
from shulchan.audit.schemas import AuditEventRead
from shulchan.core.context import request_id_var
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page

SORT_KEY = SortKey((AuditEvent.id,))
SORT_NAME = "-created_at"


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def snapshot(obj: DeclarativeBase, fields: list[str] | None = None) -> dict[str, Any]:
    """The audited state of an object: its column values, JSON-ready."""
    names = fields or [column.key for column in obj.__mapper__.column_attrs]
    return {name: _plain(getattr(obj, name)) for name in names if name not in {"password_hash", "token_hash"}}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Changed fields only, each as {"before": …, "after": …}."""
    ignored = {"updated_at", "version"}
    return {
        key: {"before": before.get(key), "after": value}
        for key, value in after.items()
        if key not in ignored and before.get(key) != value
    }


def record(
    session: AsyncSession,
    principal: Principal,
    action: str,
    entity: DeclarativeBase,
    *,
    roundtable_id: uuid.UUID | None,
    changes: dict[str, Any],
) -> AuditEvent:
    event = AuditEvent(
        actor_user_id=principal.user_id,
        action=action,
        entity_type=entity.__tablename__,
        entity_id=entity.id,  # type: ignore[attr-defined]
        roundtable_id=roundtable_id,
        changes=changes,
        request_id=request_id_var.get(),
    )
    session.add(event)
    return event


async def _page(
    session: AsyncSession, stmt: Select[Any], params: PageParams
) -> tuple[list[AuditEventRead], str | None]:
    rows = (await session.scalars(apply_keyset(stmt, SORT_KEY, SORT_NAME, params))).all()
    page, next_cursor = split_page(rows, SORT_KEY, SORT_NAME, params)
    return [AuditEventRead.model_validate(event) for event in page], next_cursor


async def list_roundtable_events(
    session: AsyncSession,
    principal: Principal,
    roundtable_id: uuid.UUID,
    params: PageParams,
    *,
    entity_type: str | None = None,
    action: str | None = None,
) -> tuple[list[AuditEventRead], str | None]:
    await get_visible(session, principal, model_named("roundtable"), roundtable_id)
    require(principal, Permission.audit_view, roundtable_id)
    stmt = select(AuditEvent).where(
        AuditEvent.roundtable_id == roundtable_id,
        await visibility.visible_entries_clause(session, principal, roundtable_id),
    )
    return await _page(session, _filtered(stmt, entity_type, action), params)


async def list_all_events(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    *,
    entity_type: str | None = None,
    action: str | None = None,
    roundtable_id: uuid.UUID | None = None,
    actor_user_id: uuid.UUID | None = None,
) -> tuple[list[AuditEventRead], str | None]:
    require_platform(principal, PlatformPermission.audit_view_all)
    stmt = _filtered(select(AuditEvent), entity_type, action)
    if roundtable_id:
        stmt = stmt.where(AuditEvent.roundtable_id == roundtable_id)
    if actor_user_id:
        stmt = stmt.where(AuditEvent.actor_user_id == actor_user_id)
    return await _page(session, stmt, params)


def _filtered(stmt: Select[Any], entity_type: str | None, action: str | None) -> Select[Any]:
    if entity_type:
        stmt = stmt.where(AuditEvent.entity_type == entity_type)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return stmt
