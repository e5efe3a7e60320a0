"""Which entries of a roundtable's audit trail a reader may see: the same as the objects they describe.

An entry repeats what its object held (a knowledge item's title and body, an attachment's file name),
so a reader who gets 404 for an object must not read it through the trail. Each domain whose objects
are hidden from some of the roundtable's audit readers registers a rule here, by the audited table
name; entries about other kinds of object are visible to whoever may read the trail at all.
"""

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy import ColumnElement, and_, false, func, or_, true
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Permission, Principal
from shulchan.audit.models import AuditEvent

# (session, reader, roundtable) → the condition an entry about this kind of object must meet.
AuditRule = Callable[[AsyncSession, Principal, uuid.UUID], Awaitable[ColumnElement[bool]]]

_RULES: dict[str, AuditRule] = {}


def register(entity_type: str, rule: AuditRule) -> None:
    _RULES[entity_type] = rule


def seen_with(permission: Permission) -> AuditRule:
    """Objects only the holders of `permission` see (speaking turns, process notes): all or nothing."""

    async def rule(_session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID) -> ColumnElement[bool]:
        return true() if principal.can(permission, roundtable_id) else false()

    return rule


def snapshot_value(field: str) -> ColumnElement[str]:
    """A column value an entry recorded, as text: "after" for a creation or change, "before" for a deletion."""
    changes = AuditEvent.changes
    return func.coalesce(changes[(field, "after")].as_string(), changes[(field, "before")].as_string())


async def visible_entries_clause(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID
) -> ColumnElement[bool]:
    """The condition on a roundtable's audit entries for what `principal` may read."""
    if principal.is_admin or not _RULES:
        return true()
    ruled = [
        and_(AuditEvent.entity_type == entity_type, await rule(session, principal, roundtable_id))
        for entity_type, rule in _RULES.items()
    ]
    return or_(AuditEvent.entity_type.not_in(list(_RULES)), *ruled)
