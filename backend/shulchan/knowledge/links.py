"""What a knowledge item may be linked to, without importing the domains it links to.

A link names its target by type ("meeting", "agenda_item", "decision": the same names the targets
carry in domain events) and id. Checking a link needs only one fact about the target: the roundtable
it belongs to. Each target type says here how to read that fact from the target's table, through
lightweight table clauses rather than the other domains' models, so that meetings and decisions may
use knowledge (briefing packs) without a cycle back.
"""

import uuid

from sqlalchemy import Select, Uuid, bindparam, column, select, table
from sqlalchemy.ext.asyncio import AsyncSession

_meetings = table("meetings", column("id", Uuid()), column("roundtable_id", Uuid()))
_agenda_items = table("agenda_items", column("id", Uuid()), column("meeting_id", Uuid()))
_decisions = table("decisions", column("id", Uuid()), column("roundtable_id", Uuid()))
_TARGET = bindparam("target_id", type_=Uuid())

# target type → the query for the roundtable that target belongs to (no row: no such target)
LINK_TARGETS: dict[str, Select[tuple[uuid.UUID]]] = {
    "meeting": select(_meetings.c.roundtable_id).where(_meetings.c.id == _TARGET),
    "agenda_item": select(_meetings.c.roundtable_id)
    .join(_agenda_items, _agenda_items.c.meeting_id == _meetings.c.id)
    .where(_agenda_items.c.id == _TARGET),
    "decision": select(_decisions.c.roundtable_id).where(_decisions.c.id == _TARGET),
}


async def target_roundtable(session: AsyncSession, target_type: str, target_id: uuid.UUID) -> uuid.UUID | None:
    """The roundtable of a link's target, or None when the type is unknown or no such target exists."""
    query = LINK_TARGETS.get(target_type)
    if query is None:
        return None
    roundtable_id: uuid.UUID | None = await session.scalar(query, {"target_id": target_id})
    return roundtable_id
