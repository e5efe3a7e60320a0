import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, UTCDateTime, utcnow, uuid7


class DomainEvent(Base):
    """One change, recorded once, in the change's own transaction: the outbox that webhooks, the change
    feed, notifications and reports read from. Append-only.

    `position` orders events as their transactions committed (see events.service), so a reader that
    remembers the last position it saw never misses one. Entity and roundtable ids are plain values, not
    foreign keys: an event outlives what it describes (deletions leave a tombstone).
    """

    __tablename__ = "domain_events"
    __table_args__ = (
        Index("ix_domain_events_roundtable_id_position", "roundtable_id", "position"),
        Index("ix_domain_events_entity_type_entity_id", "entity_type", "entity_id"),
    )

    position: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[uuid.UUID] = mapped_column(default=uuid7, unique=True)
    type: Mapped[str] = mapped_column(String(60), index=True)  # e.g. meeting.updated, decision.adopted
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID]
    roundtable_id: Mapped[uuid.UUID | None]
    actor_user_id: Mapped[uuid.UUID | None]
    actor_token_id: Mapped[uuid.UUID | None]
    version: Mapped[int | None]  # the object's version after the change; None for unversioned objects
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON().with_variant(JSONB(), "postgresql"))
    tombstone: Mapped[bool] = mapped_column(default=False)  # the object was deleted; payload is its last state
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    request_id: Mapped[str | None] = mapped_column(String(64))
