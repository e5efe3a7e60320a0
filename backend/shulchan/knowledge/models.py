"""The knowledge library: items with revisions, attachments, links, and the briefing packs of agendas."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, Language, TimestampMixin, UTCDateTime, VersionedMixin, str_enum, utcnow


class KnowledgeKind(StrEnum):
    background_paper = "background_paper"
    research = "research"
    position_paper = "position_paper"
    presentation = "presentation"
    data = "data"
    protocol = "protocol"
    summary = "summary"
    link = "link"


class KnowledgeVisibility(StrEnum):
    public = "public"
    roundtable = "roundtable"
    facilitators = "facilitators"


class KnowledgeItem(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "knowledge_items"
    __table_args__ = (Index("ix_knowledge_items_roundtable_id_id", "roundtable_id", "id"),)

    roundtable_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"))
    kind: Mapped[KnowledgeKind] = mapped_column(str_enum(KnowledgeKind, "knowledge_kind"))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"), default=list)
    language: Mapped[Language] = mapped_column(str_enum(Language, "knowledge_language"))
    authors: Mapped[list[str]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"), default=list)
    url: Mapped[str | None] = mapped_column(String(1000))
    visibility: Mapped[KnowledgeVisibility] = mapped_column(
        str_enum(KnowledgeVisibility, "knowledge_visibility"), default=KnowledgeVisibility.roundtable
    )
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    revision: Mapped[int] = mapped_column(default=1)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class KnowledgeRevision(IdMixin, Base):
    """Every saved state of an item's title, body and summary."""

    __tablename__ = "knowledge_revisions"
    __table_args__ = (UniqueConstraint("knowledge_item_id", "number"),)

    knowledge_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("knowledge_items.id", ondelete="CASCADE"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KnowledgeLink(IdMixin, Base):
    """A knowledge item tied to a meeting, agenda item or decision."""

    __tablename__ = "knowledge_links"
    __table_args__ = (
        UniqueConstraint("knowledge_item_id", "target_type", "target_id"),
        Index("ix_knowledge_links_target_type_target_id", "target_type", "target_id"),
    )

    knowledge_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("knowledge_items.id", ondelete="CASCADE"))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[uuid.UUID]


class Attachment(IdMixin, Base):
    __tablename__ = "attachments"

    knowledge_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_name: Mapped[str] = mapped_column(String(80), unique=True)
    uploaded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AgendaItemKnowledge(Base):
    """The briefing pack: knowledge items attached to an agenda item, in order."""

    __tablename__ = "agenda_item_knowledge"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    knowledge_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)
