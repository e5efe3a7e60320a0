"""What the write path needs to know about each kind of object, registered by its own domain.

A domain declares once, beside its models, how its objects are named in events, which roundtable
each belongs to, how its read schema is built for an event's payload, and how it is indexed for
search. The write path (events.service) then does the audit entry, the index update and the event
for every change, so no domain writes any of them by hand.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

Payload = Callable[[AsyncSession, Any], Awaitable[dict[str, Any] | None]]
RoundtableOf = Callable[[AsyncSession, Any], Awaitable[uuid.UUID | None]]
Indexer = Callable[[AsyncSession, Any], Awaitable[None]]


@dataclass(frozen=True)
class Tracked:
    name: str  # the event's entity type and type prefix: "meeting" → meeting.created, meeting.updated…
    payload: Payload
    roundtable_id: RoundtableOf
    index: Indexer | None = None  # keeps the object's search entry in step (hidden ones included)
    unindex: Callable[[AsyncSession, Any], Awaitable[None]] | None = None
    audit_values: bool = True  # False for private text (process notes): the audit says who and when, not what


_TRACKED: dict[type, Tracked] = {}


def track(model: type, tracked: Tracked) -> None:
    _TRACKED[model] = tracked


def indexed() -> list[tuple[type, Tracked]]:
    """Every registered model with an index hook, for rebuilding the index (search.reindex)."""
    return [(model, spec) for model, spec in _TRACKED.items() if spec.index is not None]


def tracked(obj: object) -> Tracked:
    try:
        return _TRACKED[type(obj)]
    except KeyError:
        raise LookupError(f"{type(obj).__name__} is not registered with events.tracking.track") from None


def read_schema(schema: type[BaseModel]) -> Payload:
    """The usual payload: the object through its read schema, as JSON."""

    async def build(_session: AsyncSession, obj: Any) -> dict[str, Any]:
        return schema.model_validate(obj).model_dump(mode="json")

    return build


async def own_roundtable(_session: AsyncSession, obj: Any) -> uuid.UUID | None:
    """For objects that carry their roundtable_id."""
    roundtable_id: uuid.UUID | None = obj.roundtable_id
    return roundtable_id


async def platform_wide(_session: AsyncSession, _obj: Any) -> None:
    """For objects that belong to no roundtable (sectors, organisations, people, accounts)."""
    return


def through(parent: type[Any], parent_id: str) -> RoundtableOf:
    """For children: the roundtable of their parent (already in the session when a write loaded it)."""

    async def roundtable_of(session: AsyncSession, obj: Any) -> uuid.UUID | None:
        owner = await session.get(parent, getattr(obj, parent_id))
        if owner is None:
            return None
        roundtable_id: uuid.UUID | None = owner.roundtable_id
        return roundtable_id

    return roundtable_of
