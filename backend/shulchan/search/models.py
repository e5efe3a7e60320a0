import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, UTCDateTime, utcnow


class SearchEntry(Base):
    """One searchable thing (a knowledge item, a decision, approved minutes) with what filters need.

    PostgreSQL keeps the prepared text in `document` (a GIN-indexed tsvector); SQLite keeps it in the
    FTS5 table `search_fts`, whose rowid is this entry's id.
    """

    __tablename__ = "search_entries"
    __table_args__ = (
        UniqueConstraint("entity_type", "entity_id"),
        Index("ix_search_entries_document", "document", postgresql_using="gin"),
        Index("ix_search_entries_roundtable_id", "roundtable_id"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[uuid.UUID]
    roundtable_id: Mapped[uuid.UUID | None]
    level: Mapped[str] = mapped_column(String(20), doc="public | roundtable | facilitators")
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(8))
    tags: Mapped[str] = mapped_column(Text, default="", doc="space-separated, lower case, each wrapped in |")
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, doc="the original text, for snippets")
    occurred_on: Mapped[date | None] = mapped_column(Date)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, doc="archived: out of search")
    document: Mapped[str | None] = mapped_column(TSVECTOR().with_variant(Text(), "sqlite"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
