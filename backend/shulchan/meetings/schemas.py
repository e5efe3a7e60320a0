import functools
import uuid
import zoneinfo
from datetime import UTC, datetime

from pydantic import AwareDatetime, Field, field_validator

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.meetings.models import (
    DEFAULT_TIMEZONE,
    AgendaItemStatus,
    AttendanceStatus,
    MeetingMode,
    MeetingStatus,
    RsvpResponse,
)
from shulchan.roundtables.models import Role

VERSION = Field(description="Send back as If-Match when changing this object.")
URL = Field(default=None, max_length=500, pattern=r"^https://", examples=["https://meet.example.org/abc"])


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_timezone(value: str) -> str:
    # available_timezones() leaves out the tz database's own files (localtime, posixrules, Factory),
    # which ZoneInfo() would accept.
    if value not in _known_zones():
        raise ValueError(f"'{value}' is not an IANA time zone (e.g. Asia/Jerusalem)")
    return value


def as_utc(value: datetime | None) -> datetime | None:
    """Stored and answered in UTC, whatever offset the caller wrote it with."""
    return value.astimezone(UTC) if value is not None else None


class MeetingRead(ReadModel):
    id: uuid.UUID
    roundtable_id: uuid.UUID
    title: str
    description: str
    starts_at: datetime = Field(description="UTC.")
    ends_at: datetime = Field(description="UTC.")
    timezone: str = Field(description="The IANA zone the meeting is held in; show times in it.")
    mode: MeetingMode
    venue_name: str | None
    venue_address: str | None
    online_url: str | None
    status: MeetingStatus
    cancellation_reason: str | None
    created_at: datetime
    updated_at: datetime
    version: int = VERSION


class MeetingSummary(ReadModel):
    """A meeting in a list: what a calendar needs."""

    id: uuid.UUID
    roundtable_id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    mode: MeetingMode
    venue_name: str | None
    online_url: str | None
    status: MeetingStatus
    version: int


class MeetingPage(Page[MeetingSummary]):
    pass


class MeetingCreate(RequestBody):
    title: str = Field(min_length=1, max_length=300, examples=["מפגש השולחן העגול - דצמבר"])
    description: str = Field(default="", max_length=20_000)
    starts_at: AwareDatetime = Field(examples=["2026-12-10T10:00:00+02:00"])
    ends_at: AwareDatetime = Field(examples=["2026-12-10T13:00:00+02:00"])
    timezone: str = Field(default=DEFAULT_TIMEZONE, max_length=64)
    mode: MeetingMode
    venue_name: str | None = Field(default=None, max_length=200)
    venue_address: str | None = Field(default=None, max_length=300)
    online_url: str | None = URL

    _tz = field_validator("timezone")(valid_timezone)
    _utc = field_validator("starts_at", "ends_at")(as_utc)


class MeetingUpdate(PatchBody):
    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    starts_at: AwareDatetime = Field(default=None)
    ends_at: AwareDatetime = Field(default=None)
    timezone: str = Field(default=None, max_length=64)
    mode: MeetingMode = Field(default=None)
    venue_name: str | None = Field(default=None, max_length=200)
    venue_address: str | None = Field(default=None, max_length=300)
    online_url: str | None = URL

    _tz = field_validator("timezone")(valid_timezone)
    _utc = field_validator("starts_at", "ends_at")(as_utc)


class MeetingTransition(RequestBody):
    status: MeetingStatus
    reason: str | None = Field(default=None, max_length=500, description="Why, when cancelling.")


class AgendaItemRead(ReadModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    title: str
    description: str
    presenter_stakeholder_id: uuid.UUID | None
    planned_minutes: int | None
    goal_id: uuid.UUID | None
    status: AgendaItemStatus
    proposed_by_user_id: uuid.UUID | None
    knowledge_item_ids: list[uuid.UUID] = Field(default_factory=list, description="The briefing pack.")
    version: int = VERSION


class Agenda(ReadModel):
    meeting_id: uuid.UUID
    items: list[AgendaItemRead] = Field(description="In order; proposed and declined items last.")
    planned_minutes: int = Field(description="Sum over accepted items.")
    meeting_minutes: int = Field(description="The meeting's length.")
    over_by_minutes: int = Field(description="How far the accepted items run past the meeting's end (0 if not).")


class AgendaItemCreate(RequestBody):
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    presenter_stakeholder_id: uuid.UUID | None = None
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    goal_id: uuid.UUID | None = None
    knowledge_item_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)


class AgendaItemUpdate(PatchBody):
    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    presenter_stakeholder_id: uuid.UUID | None = None
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    goal_id: uuid.UUID | None = None
    knowledge_item_ids: list[uuid.UUID] = Field(default=None, max_length=50)


class AgendaOrder(RequestBody):
    item_ids: list[uuid.UUID] = Field(description="Every accepted item of the meeting, in the new order.")


class AgendaItemReview(RequestBody):
    status: AgendaItemStatus = Field(description="accepted or declined.")


class InvitationRead(ReadModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    seat_id: uuid.UUID
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    role: Role
    sector_id: uuid.UUID
    response: RsvpResponse
    note: str | None
    responded_at: datetime | None


class SectorCount(ReadModel):
    sector_id: uuid.UUID
    counts: dict[str, int]


class InvitationList(ReadModel):
    meeting_id: uuid.UUID
    items: list[InvitationRead]
    by_sector: list[SectorCount] = Field(description="Responses counted per sector.")


class InviteRequest(RequestBody):
    seat_ids: list[uuid.UUID] | None = Field(
        default=None, description="Seats to invite; omit to invite every current seat of the roundtable."
    )


class RsvpRequest(RequestBody):
    response: RsvpResponse = Field(description="yes, no or maybe.")
    note: str | None = Field(default=None, max_length=500)
    seat_id: uuid.UUID | None = Field(default=None, description="Which of your seats, if you hold several.")


class AttendanceEntry(RequestBody):
    seat_id: uuid.UUID | None = None
    guest_name: str | None = Field(default=None, max_length=200)
    guest_organisation: str | None = Field(default=None, max_length=200)
    status: AttendanceStatus


class AttendanceRecord(RequestBody):
    entries: list[AttendanceEntry] = Field(max_length=500)


class AttendanceRead(ReadModel):
    id: uuid.UUID
    seat_id: uuid.UUID | None
    stakeholder_name: str | None
    sector_id: uuid.UUID | None
    guest_name: str | None
    guest_organisation: str | None
    status: AttendanceStatus


class SectorRate(ReadModel):
    sector_id: uuid.UUID
    present: int
    absent: int
    excused: int
    rate: float = Field(description="present / (present + absent + excused), 0 when nobody was recorded.")


class AttendanceReport(ReadModel):
    meeting_id: uuid.UUID
    items: list[AttendanceRead]
    by_sector: list[SectorRate]
    guests: int


class SpeakingTurnCreate(RequestBody):
    seat_id: uuid.UUID
    agenda_item_id: uuid.UUID | None = None
    seconds: int = Field(gt=0, le=4 * 3600)
    started_at: AwareDatetime | None = None


class SpeakingTurnRead(ReadModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    seat_id: uuid.UUID
    agenda_item_id: uuid.UUID | None
    seconds: int
    started_at: datetime | None


class SpeakingShare(ReadModel):
    key_id: uuid.UUID = Field(description="Sector id or seat id.")
    name: str
    seconds: int
    turns: int
    share: float = Field(description="Fraction of all speaking time.")


class SpeakingReport(ReadModel):
    meeting_id: uuid.UUID
    total_seconds: int
    by_sector: list[SpeakingShare]
    by_person: list[SpeakingShare]


class ProcessNoteCreate(RequestBody):
    body: str = Field(min_length=1, max_length=50_000)


class ProcessNoteUpdate(PatchBody):
    body: str = Field(default=None, min_length=1, max_length=50_000)


class ProcessNoteRead(ReadModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    author_user_id: uuid.UUID | None
    body: str
    created_at: datetime
    updated_at: datetime
    version: int = VERSION


class ProcessNotePage(Page[ProcessNoteRead]):
    pass
