"""The one write path. Every change to data goes through here, so that from one place, after the
domain has applied its change and flushed, come: the audit entry, the search-index update, and a
domain event in the outbox (`domain_events`), all in the change's own transaction.

A domain's mutation reads as:  load under lock (access.visibility) → require (access.permissions) →
`check_if_match` → apply inside `changing(...)` (or `created` / `deleted`) → return the read schema.
Lifecycles move through `events.lifecycle.Lifecycle.move`, which comes here too.

Event positions follow commit order. Events wait in the session until it commits; then, on
PostgreSQL, a transaction-level advisory lock is taken before they are inserted and held to the
commit, so a transaction that got a lower position has always committed before one with a higher
position becomes visible: a reader that remembers the last position it saw never skips one. On SQLite
every write transaction already holds the database's write lock (core.db).
"""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from shulchan.access.permissions import Principal
from shulchan.audit import service as audit
from shulchan.core.context import request_id_var
from shulchan.events.models import DomainEvent
from shulchan.events.tracking import tracked

_PENDING = "shulchan_pending_events"
# Any constant: one lock that orders every transaction's events (pg_advisory_xact_lock takes a bigint).
EVENT_ORDER_LOCK = 0x5348554C  # "SHUL"

PAST = {"create": "created", "update": "updated", "delete": "deleted"}


async def created(session: AsyncSession, principal: Principal, obj: Any, *, event: str | None = None) -> None:
    """A new object: flushed, audited with all its values, indexed, and announced."""
    session.add(obj)
    await session.flush()
    spec = tracked(obj)
    after = audit.snapshot(obj) if spec.audit_values else {}
    audit.record(
        session,
        principal,
        "create",
        obj,
        roundtable_id=await spec.roundtable_id(session, obj),
        changes={key: {"before": None, "after": value} for key, value in after.items()},
    )
    await _index(session, obj)
    await _announce(session, principal, obj, event or f"{spec.name}.created")


@asynccontextmanager
async def changing(
    session: AsyncSession,
    principal: Principal,
    obj: Any,
    *,
    action: str = "update",
    event: str | None = None,
    note: dict[str, Any] | None = None,
) -> AsyncIterator[None]:
    """Apply a change inside the block; on leaving it, the change is flushed, audited (the fields that
    changed, plus `note`), indexed and announced. A block that changes nothing records nothing."""
    spec = tracked(obj)
    before = audit.snapshot(obj)
    yield
    await session.flush()
    changes = audit.diff(before, audit.snapshot(obj))
    if not changes and not note:
        return
    if not spec.audit_values:
        changes = {}
    audit.record(
        session,
        principal,
        action,
        obj,
        roundtable_id=await spec.roundtable_id(session, obj),
        changes={**changes, **(note or {})},
    )
    await _index(session, obj)
    await _announce(session, principal, obj, event or f"{spec.name}.{PAST.get(action, action)}")


async def deleted(session: AsyncSession, principal: Principal, obj: Any, *, event: str | None = None) -> None:
    """A deletion: audited with the last values, removed from the index, announced with a tombstone."""
    spec = tracked(obj)
    last = audit.snapshot(obj) if spec.audit_values else {}
    payload = await spec.payload(session, obj)
    audit.record(
        session,
        principal,
        "delete",
        obj,
        roundtable_id=await spec.roundtable_id(session, obj),
        changes={key: {"before": value, "after": None} for key, value in last.items()},
    )
    if spec.unindex is not None:
        await spec.unindex(session, obj)
    await _queue(session, principal, obj, event or f"{spec.name}.deleted", payload, tombstone=True)
    await session.delete(obj)
    await session.flush()


async def touched(
    session: AsyncSession, principal: Principal, obj: Any, *, action: str, event: str, note: dict[str, Any]
) -> None:
    """A change to what hangs off an object rather than to its own columns (an agenda reordered, a
    batch of invitations sent): audited with `note`, announced with the object's payload."""
    spec = tracked(obj)
    await session.flush()
    audit.record(session, principal, action, obj, roundtable_id=await spec.roundtable_id(session, obj), changes=note)
    await _announce(session, principal, obj, event)


async def noted(session: AsyncSession, principal: Principal, obj: Any, *, action: str, note: dict[str, Any]) -> None:
    """Something that befell an account without changing a domain object, that the trail must still
    show (a sign-in, a refused password, a reused refresh token, a sign-out): audited with `note`,
    platform-wide, and neither indexed nor announced (it is nothing a subscriber reacts to)."""
    await session.flush()
    audit.record(session, principal, action, obj, roundtable_id=None, changes=note)


async def _index(session: AsyncSession, obj: Any) -> None:
    index = tracked(obj).index
    if index is not None:
        await index(session, obj)


async def _announce(session: AsyncSession, principal: Principal, obj: Any, event_type: str) -> None:
    payload = await tracked(obj).payload(session, obj)
    await _queue(session, principal, obj, event_type, payload, tombstone=False)


async def _queue(
    session: AsyncSession,
    principal: Principal,
    obj: Any,
    event_type: str,
    payload: dict[str, Any] | None,
    *,
    tombstone: bool,
) -> None:
    spec = tracked(obj)
    entity_id: uuid.UUID = obj.id
    pending: list[DomainEvent] = session.info.setdefault(_PENDING, [])
    pending.append(
        DomainEvent(
            type=event_type,
            entity_type=spec.name,
            entity_id=entity_id,
            roundtable_id=await spec.roundtable_id(session, obj),
            actor_user_id=principal.user_id,
            actor_token_id=principal.token_id,
            version=getattr(obj, "version", None),
            payload=payload,
            tombstone=tombstone,
            request_id=request_id_var.get(),
        )
    )


@sa_event.listens_for(Session, "before_commit")
def _write_pending_events(session: Session) -> None:
    pending: list[DomainEvent] = session.info.pop(_PENDING, [])
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_ORDER_LOCK})
    session.add_all(pending)
    session.flush()


@sa_event.listens_for(Session, "after_rollback")
def _drop_pending_events(session: Session) -> None:
    session.info.pop(_PENDING, None)
