"""Meetings and what happens around them: agenda, invitations, attendance, speaking turns, process notes."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.access import visibility
from shulchan.core.models import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, str_enum

DEFAULT_TIMEZONE = "Asia/Jerusalem"


class MeetingMode(StrEnum):
    in_person = "in_person"
    online = "online"
    hybrid = "hybrid"


class MeetingStatus(StrEnum):
    planned = "planned"
    confirmed = "confirmed"
    held = "held"
    cancelled = "cancelled"


class AgendaItemStatus(StrEnum):
    proposed = "proposed"
    accepted = "accepted"
    declined = "declined"


class RsvpResponse(StrEnum):
    pending = "pending"
    yes = "yes"
    no = "no"
    maybe = "maybe"


class AttendanceStatus(StrEnum):
    present = "present"
    absent = "absent"
    excused = "excused"


class Meeting(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_meetings_roundtable_id_starts_at", "roundtable_id", "starts_at"),
        Index("ix_meetings_starts_at_id", "starts_at", "id"),
    )

    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIMEZONE)
    mode: Mapped[MeetingMode] = mapped_column(str_enum(MeetingMode, "meeting_mode"))
    venue_name: Mapped[str | None] = mapped_column(String(200))
    venue_address: Mapped[str | None] = mapped_column(String(300))
    online_url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.planned
    )
    cancellation_reason: Mapped[str | None] = mapped_column(String(500))


class AgendaItem(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "agenda_items"
    __table_args__ = (
        CheckConstraint("planned_minutes IS NULL OR planned_minutes >= 0", name="minutes_not_negative"),
        Index("ix_agenda_items_meeting_id_position", "meeting_id", "position"),
    )

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    presenter_stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL"), index=True
    )
    planned_minutes: Mapped[int | None]
    goal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), index=True)
    status: Mapped[AgendaItemStatus] = mapped_column(
        str_enum(AgendaItemStatus, "agenda_item_status"), default=AgendaItemStatus.accepted
    )
    proposed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Invitation(IdMixin, TimestampMixin, Base):
    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("meeting_id", "seat_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    seat_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"), index=True)
    response: Mapped[RsvpResponse] = mapped_column(
        str_enum(RsvpResponse, "rsvp_response"), default=RsvpResponse.pending
    )
    note: Mapped[str | None] = mapped_column(String(500))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Attendance(IdMixin, TimestampMixin, Base):
    """One seat's (or one named guest's) presence at a held meeting."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "seat_id"),
        CheckConstraint("(seat_id IS NULL) <> (guest_name IS NULL)", name="seat_or_guest"),
    )

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    seat_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"), index=True)
    guest_name: Mapped[str | None] = mapped_column(String(200))
    guest_organisation: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus, "attendance_status"))


class SpeakingTurn(IdMixin, Base):
    __tablename__ = "speaking_turns"
    __table_args__ = (CheckConstraint("seconds > 0", name="seconds_positive"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    seat_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    seconds: Mapped[int]
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ProcessNote(IdMixin, TimestampMixin, VersionedMixin, Base):
    """The facilitator's private journal: dynamics seen, interventions, follow-ups."""

    __tablename__ = "process_notes"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)


# --- who may see these (DESIGN.md §3), registered with shulchan.access.visibility ----------------
visibility.register(Meeting, "meeting", visibility.seated())
visibility.register(AgendaItem, "agenda item")
visibility.register(Invitation, "invitation")
visibility.register(Attendance, "attendance entry")
visibility.register(SpeakingTurn, "speaking turn")
visibility.register(ProcessNote, "process note")
