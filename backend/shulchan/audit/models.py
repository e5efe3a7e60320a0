import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, UTCDateTime, utcnow


class AuditEvent(IdMixin, Base):
    """Append-only: on PostgreSQL a trigger refuses UPDATE and DELETE on this table.

    Entity and roundtable ids are plain values, not foreign keys, so the record outlives what it
    describes.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_roundtable_id_id", "roundtable_id", "id"),
        Index("ix_audit_events_entity_type_entity_id", "entity_type", "entity_id"),
    )

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[uuid.UUID]
    roundtable_id: Mapped[uuid.UUID | None]
    changes: Mapped[dict[str, Any]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"), default=dict)
    request_id: Mapped[str | None] = mapped_column(String(64))
