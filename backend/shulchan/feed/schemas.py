import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from shulchan.core.schemas import ExampleId, ReadModel, examples

_EVENT = {
    "position": 4182,
    "id": "01a22672-e201-7000-8000-00000000b001",
    "type": "meeting.updated",
    "entity_type": "meeting",
    "entity_id": "01a22672-e201-7000-8000-00000000b002",
    "roundtable_id": ExampleId.roundtable,
    "version": 3,
    "occurred_at": "2026-03-02T10:15:00Z",
    "tombstone": None,
    "data": {"id": "01a22672-e201-7000-8000-00000000b002", "title": "Quarterly review", "version": 3},
}


class TombstoneReason(StrEnum):
    deleted = "deleted"  # the object no longer exists
    hidden = "hidden"  # it exists, but you may no longer see it (e.g. a knowledge item made facilitators-only)


class ChangeEvent(ReadModel):
    """One change, as the caller may see it. Apply `data` (the object's read representation after the
    change) by `entity_type` and `entity_id`; a `tombstone` means: remove the object from your copy."""

    model_config = examples(_EVENT)

    position: int = Field(description="Commit order. Pass the last one you applied as `after`.")
    id: uuid.UUID = Field(description="Stable across retries and replays: use it to drop duplicates.")
    type: str
    entity_type: str
    entity_id: uuid.UUID
    roundtable_id: uuid.UUID
    version: int | None
    occurred_at: datetime
    tombstone: TombstoneReason | None
    data: dict[str, Any] | None = Field(description="Absent for tombstones.")


class ChangeFeedPage(BaseModel):
    model_config = examples({"items": [_EVENT], "next_after": 4182, "has_more": False})

    items: list[ChangeEvent]
    next_after: int = Field(description="Pass as `after` to continue; also when `items` is empty.")
    has_more: bool = Field(description="True when asking again at once would return more.")
