import uuid
from datetime import datetime
from typing import Any

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, ReadModel, examples, page_examples

_EVENT = {
    "id": ExampleId.audit_event,
    "created_at": "2026-10-13T09:55:00Z",
    "actor_user_id": ExampleId.user_facilitator,
    "action": "transition",
    "entity_type": "decisions",
    "entity_id": ExampleId.decision,
    "roundtable_id": ExampleId.roundtable,
    "changes": {"status": {"before": "in_discussion", "after": "agreed"}},
    "request_id": "5f0c2d9e8a7b4c61b3e2f1a0d9c8b7a6",
}


class AuditEventRead(ReadModel):
    model_config = examples(_EVENT)

    id: uuid.UUID
    created_at: datetime
    actor_user_id: uuid.UUID | None
    action: str = Field(examples=["create", "update", "delete", "transition"])
    entity_type: str = Field(examples=["roundtables", "seats"])
    entity_id: uuid.UUID
    roundtable_id: uuid.UUID | None
    changes: dict[str, Any] = Field(description='Changed fields, each {"before": …, "after": …}.')
    request_id: str | None


class AuditEventPage(Page[AuditEventRead]):
    model_config = page_examples(_EVENT)
