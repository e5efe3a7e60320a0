"""Who may see what: each domain registers the rule for its objects here, and every fetch asks here.

A rule answers "may this principal see this object?". Objects a caller may not see do not exist for
them: `get_visible` answers 404 for both the missing and the hidden, so no response leaks existence.
`get_child` does the same for an object seen through its parent (an agenda item through its meeting).
Writes pass `lock=True` to load the row under a lock (FOR UPDATE on PostgreSQL; on SQLite the write
transaction already holds the database's write lock, see core.db).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, or_, true
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Permission, Principal, SQLColumn
from shulchan.core.errors import NotFound

T = TypeVar("T")
P = TypeVar("P")


@dataclass(frozen=True)
class VisibilityRule:
    what: str  # how the object is named in a 404: "No meeting with this id is visible to you."
    can_see: Callable[[Principal, Any], bool] | None  # None: seen only through its parent (get_child)


_RULES: dict[type, VisibilityRule] = {}


def register(model: type, what: str, can_see: Callable[[Principal, Any], bool] | None = None) -> None:
    _RULES[model] = VisibilityRule(what, can_see)


def model_named(what: str) -> type:
    """The model registered as `what`: how a package checks another's objects (the roundtable an audit
    trail belongs to) without importing that package, which would make an import cycle."""
    for model, rule in _RULES.items():
        if rule.what == what:
            return model
    raise LookupError(f"nothing is registered with access.visibility as {what!r}")


def seated(permission: Permission = Permission.roundtable_view) -> Callable[[Principal, Any], bool]:
    """The common rule: visible to whoever holds `permission` in the object's roundtable."""
    return lambda principal, obj: principal.can(permission, obj.roundtable_id)


def not_found(model: type) -> NotFound:
    return NotFound(f"No {_RULES[model].what} with this id is visible to you.")


def can_see(principal: Principal, obj: object) -> bool:
    rule = _RULES[type(obj)].can_see
    assert rule is not None, f"{type(obj).__name__} is seen through its parent"
    return rule(principal, obj)


async def get_visible(
    session: AsyncSession, principal: Principal, model: type[T], object_id: uuid.UUID, *, lock: bool = False
) -> T:
    """The scoped fetch: the object, or 404 when it does not exist or the caller may not see it."""
    obj = await load(session, model, object_id, lock=lock)
    if obj is None or not can_see(principal, obj):
        raise not_found(model)
    return obj


async def get_child(
    session: AsyncSession,
    principal: Principal,
    model: type[T],
    object_id: uuid.UUID,
    parent: tuple[type[P], Callable[[T], uuid.UUID]],
    *,
    lock: bool = False,
) -> tuple[T, P]:
    """A child of a visible parent, and that parent; 404 (naming the child) when either is hidden.

    With `lock`, the parent is locked first, then the child: every write that touches a child takes
    its parent's lock, so rules that depend on the parent's state (a cancelled meeting takes no agenda
    items) hold when two people act at once.
    """
    parent_model, parent_id_of = parent
    child = await load(session, model, object_id)
    if child is None:
        raise not_found(model)
    try:
        owner = await get_visible(session, principal, parent_model, parent_id_of(child), lock=lock)
    except NotFound as exc:
        raise not_found(model) from exc
    if lock:
        locked = await load(session, model, object_id, lock=True)
        if locked is None:  # deleted while this request waited for the parent's lock
            raise not_found(model)
        child = locked
    return child, owner


async def load(session: AsyncSession, model: type[T], object_id: uuid.UUID, *, lock: bool = False) -> T | None:
    """One row by id; with `lock`, under a row lock and re-read from the database (not the identity map)."""
    if not lock:
        return await session.get(model, object_id)
    if session.get_bind().dialect.name == "postgresql":
        return await session.get(model, object_id, with_for_update=True, populate_existing=True)
    return await session.get(model, object_id, populate_existing=True)


def visible_content_clause(
    principal: Principal,
    roundtable_column: SQLColumn,
    level_column: SQLColumn,
    public_roundtables: Select[Any],
) -> ColumnElement[bool]:
    """Which rows of content (knowledge, search entries) the principal may see, by their level:

    public: everyone, where the roundtable is public (or seated in an internal one, or the shared library);
    roundtable: those seated at its roundtable, and every signed-in user for the shared library;
    facilitators: facilitators of its roundtable, and any facilitator for the shared library.
    """
    if principal.is_admin:
        return true()
    seated = list(principal.roles)
    facilitating = [rt for rt in principal.roles if principal.can(Permission.knowledge_facilitators, rt)]
    in_library = roundtable_column.is_(None)
    clauses = [
        and_(
            level_column == "public",
            or_(in_library, roundtable_column.in_(public_roundtables), roundtable_column.in_(seated)),
        )
    ]
    if principal.is_authenticated:
        clauses.append(and_(level_column == "roundtable", or_(in_library, roundtable_column.in_(seated))))
    if facilitating:
        clauses.append(and_(level_column == "facilitators", or_(in_library, roundtable_column.in_(facilitating))))
    return or_(*clauses)
