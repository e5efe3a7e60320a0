"""Minutes of a meeting: revisions through draft → circulated → approved (→ locked), and comments."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, str_enum, utcnow


class MinutesStatus(StrEnum):
    draft = "draft"
    circulated = "circulated"
    approved = "approved"
    locked = "locked"


class Minutes(IdMixin, TimestampMixin, VersionedMixin, Base):
    """The document of one meeting; `revision` and `status` describe its newest revision."""

    __tablename__ = "minutes"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), unique=True)
    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"), index=True)
    status: Mapped[MinutesStatus] = mapped_column(
        str_enum(MinutesStatus, "minutes_status"), default=MinutesStatus.draft
    )
    revision: Mapped[int] = mapped_column(default=1)
    public_summary: Mapped[str | None] = mapped_column(Text)
    public_summary_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MinutesRevision(IdMixin, Base):
    __tablename__ = "minutes_revisions"
    __table_args__ = (UniqueConstraint("minutes_id", "number"),)

    minutes_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    number: Mapped[int]
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[MinutesStatus] = mapped_column(str_enum(MinutesStatus, "minutes_revision_status"))
    reason: Mapped[str | None] = mapped_column(String(500), doc="why a correction was opened")
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    circulated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MinutesComment(IdMixin, Base):
    __tablename__ = "minutes_comments"

    minutes_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int]
    paragraph: Mapped[int | None] = mapped_column(doc="0-based paragraph of that revision's body, if any")
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
