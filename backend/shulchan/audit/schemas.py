import uuid
from datetime import datetime
from typing import Any

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ReadModel


class AuditEventRead(ReadModel):
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
    pass
