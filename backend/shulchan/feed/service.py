"""The change feed: the domain events (events.models.DomainEvent) a caller may see, oldest first.

Positions follow commit order (events.service), so a reader that remembers the last position it
applied and asks for what comes after never misses a change. What each kind of event needs to be
seen is stated once, in FEED: the permission in the event's roundtable, the scope a token needs
for it, and, for objects whose visibility depends on their state, the permission that state
requires. An event about an object the caller may see in general but not in its new state comes as
a tombstone (`hidden`), so a mirror removes what it may no longer show; a deletion comes as a
tombstone (`deleted`). A tombstone never carries the object's data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import CallerKind, Permission, Principal, require_authenticated
from shulchan.events.models import DomainEvent
from shulchan.feed.schemas import ChangeEvent, ChangeFeedPage, TombstoneReason

_P = Permission
StateRule = Callable[[dict[str, Any]], Permission | None]


@dataclass(frozen=True)
class FeedRule:
    scope: str  # the token scope that reads this kind of object through the API
    permission: Permission = _P.roundtable_view
    state: StateRule | None = None  # a further permission the object's current state needs


def _knowledge_state(data: dict[str, Any]) -> Permission | None:
    return _P.knowledge_facilitators if data.get("visibility") == "facilitators" else None


FEED: dict[str, FeedRule] = {
    "roundtable": FeedRule("roundtables:read"),
    "goal": FeedRule("roundtables:read"),
    "seat": FeedRule("roundtables:read"),
    "meeting": FeedRule("meetings:read"),
    "agenda_item": FeedRule("meetings:read"),
    "invitation": FeedRule("meetings:read"),
    "attendance": FeedRule("meetings:read", _P.attendance_view),
    "process_note": FeedRule("meetings:read", _P.process_notes_manage),
    # Minutes events carry every revision, drafts included: for those who may read drafts only.
    "minutes": FeedRule("minutes:read", _P.minutes_read_draft),
    "decision": FeedRule("decisions:read"),
    "endorsement": FeedRule("decisions:read"),
    "action_item": FeedRule("decisions:read"),
    "knowledge_item": FeedRule("knowledge:read", state=_knowledge_state),
}


def _seen_as(principal: Principal, event: DomainEvent) -> ChangeEvent | None:
    """The event as this caller sees it, or None when it is not theirs to see at all."""
    rule = FEED[event.entity_type]
    assert event.roundtable_id is not None
    if principal.kind == CallerKind.token and rule.scope not in principal.scopes_granted:
        return None
    if not principal.can(rule.permission, event.roundtable_id):
        return None
    tombstone = TombstoneReason.deleted if event.tombstone else None
    if tombstone is None and rule.state is not None and event.payload is not None:
        needed = rule.state(event.payload)
        if needed is not None and not principal.can(needed, event.roundtable_id):
            tombstone = TombstoneReason.hidden
    return ChangeEvent(
        position=event.position,
        id=event.id,
        type=event.type,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        roundtable_id=event.roundtable_id,
        version=event.version,
        occurred_at=event.occurred_at,
        tombstone=tombstone,
        data=None if tombstone else event.payload,
    )


async def list_changes(session: AsyncSession, principal: Principal, after: int, limit: int) -> ChangeFeedPage:
    require_authenticated(principal)
    stmt = (
        select(DomainEvent)
        .where(DomainEvent.position > after, DomainEvent.entity_type.in_(list(FEED)))
        .order_by(DomainEvent.position)
        .limit(limit)
    )
    if principal.is_admin:
        stmt = stmt.where(DomainEvent.roundtable_id.is_not(None))
    else:
        stmt = stmt.where(DomainEvent.roundtable_id.in_(list(principal.roles)))
    scanned = (await session.scalars(stmt)).all()
    items = [seen for event in scanned if (seen := _seen_as(principal, event)) is not None]
    # The cursor moves past every event looked at, shown or not, so a page of events the caller may
    # not see is never read twice.
    return ChangeFeedPage(
        items=items, next_after=scanned[-1].position if scanned else after, has_more=len(scanned) == limit
    )
