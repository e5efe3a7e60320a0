import functools
import uuid
import zoneinfo
from datetime import UTC, datetime

from pydantic import AwareDatetime, Field, field_validator

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
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


_MEETING_TITLE = "מפגש השולחן הממשקי – אוקטובר 2026"
_MEETING = {
    "id": ExampleId.meeting,
    "roundtable_id": ExampleId.roundtable,
    "title": _MEETING_TITLE,
    "description": "על סדר היום: עקרונות לתמיכה שקופה בארגוני החברה האזרחית; נגישות ארגוני החברה הערבית "
    "למשאבים ולמידע.",
    "starts_at": "2026-10-13T07:00:00Z",
    "ends_at": "2026-10-13T10:00:00Z",
    "timezone": "Asia/Jerusalem",
    "mode": "hybrid",
    "venue_name": "משרד ראש הממשלה, ירושלים",
    "venue_address": "רחוב קפלן 3, ירושלים",
    "online_url": "https://meet.example.org/pmo-roundtable",
    "status": "held",
    "cancellation_reason": None,
    "created_at": "2026-09-15T07:00:00Z",
    "updated_at": "2026-10-13T11:00:00Z",
    "version": 3,
}
_MEETING_SUMMARY = {
    key: _MEETING[key]
    for key in (
        "id",
        "roundtable_id",
        "title",
        "starts_at",
        "ends_at",
        "timezone",
        "mode",
        "venue_name",
        "online_url",
        "status",
        "updated_at",
        "version",
    )
}

_OPENING_ITEM = {
    "id": "01a22672-de9d-70f9-9035-bfe107a86c7f",
    "meeting_id": ExampleId.meeting,
    "position": 1,
    "title": "פתיחה, עדכונים ואישור פרוטוקול המפגש הקודם",
    "description": "",
    "presenter_stakeholder_id": ExampleId.stakeholder_facilitator,
    "planned_minutes": 15,
    "goal_id": None,
    "status": "accepted",
    "proposed_by_user_id": ExampleId.user_facilitator,
    "knowledge_item_ids": [],
    "version": 1,
}
_AGENDA_ITEM = {
    "id": ExampleId.agenda_item,
    "meeting_id": ExampleId.meeting,
    "position": 2,
    "title": "עקרונות לתמיכה שקופה בארגוני החברה האזרחית",
    "description": "נייר העמדה של ארגוני החברה האזרחית מציע מבחני תמיכה אחידים, פרסום מראש של לוחות הזמנים "
    "והסבר מנומק לכל החלטת הקצאה.",
    "presenter_stakeholder_id": ExampleId.stakeholder_member,
    "planned_minutes": 35,
    "goal_id": ExampleId.goal,
    "status": "accepted",
    "proposed_by_user_id": ExampleId.user_member,
    "knowledge_item_ids": [ExampleId.knowledge_item],
    "version": 2,
}
_DECLINED_ITEM = {
    "id": ExampleId.agenda_item_next,
    "meeting_id": ExampleId.meeting,
    "position": 3,
    "title": "נגישות ארגוני החברה הערבית למשאבים ולמידע",
    "description": "חסמי שפה, מידע ונגישות דיגיטלית בהשתתפות ארגונים מהחברה הערבית בקולות קוראים ממשלתיים.",
    "presenter_stakeholder_id": None,
    "planned_minutes": 30,
    "goal_id": None,
    "status": "declined",
    "proposed_by_user_id": ExampleId.user_member,
    "knowledge_item_ids": [],
    "version": 1,
}

_INVITATIONS: list[dict[str, str | None]] = [
    {
        "id": ExampleId.invitation,
        "meeting_id": ExampleId.meeting,
        "seat_id": ExampleId.seat_host,
        "stakeholder_id": ExampleId.stakeholder_host,
        "stakeholder_name": "אורית שגיא",
        "role": "host",
        "sector_id": ExampleId.sector_government,
        "response": "yes",
        "note": None,
        "responded_at": "2026-10-01T07:00:00Z",
    },
    {
        "id": "01a22672-de9d-70f9-9035-bfe107a86c67",
        "meeting_id": ExampleId.meeting,
        "seat_id": ExampleId.seat_business,
        "stakeholder_id": ExampleId.stakeholder_business,
        "stakeholder_name": "יואב קרמר",
        "role": "member",
        "sector_id": ExampleId.sector_business,
        "response": "no",
        "note": "בחו״ל באותו שבוע",
        "responded_at": "2026-10-04T16:20:00Z",
    },
    {
        "id": "01a22672-de9d-70f9-9035-bfe107a86c71",
        "meeting_id": ExampleId.meeting,
        "seat_id": ExampleId.seat_member,
        "stakeholder_id": ExampleId.stakeholder_member,
        "stakeholder_name": "תמר אלקיים",
        "role": "member",
        "sector_id": ExampleId.sector_civil_society,
        "response": "maybe",
        "note": "אשתתף בזום אם לא אגיע",
        "responded_at": "2026-10-06T09:45:00Z",
    },
]


def _rsvp_counts(sector_id: str) -> dict[str, object]:
    responses = [item["response"] for item in _INVITATIONS if item["sector_id"] == sector_id]
    return {"sector_id": sector_id, "counts": {r.value: responses.count(r.value) for r in RsvpResponse}}


_RSVP_BY_SECTOR = [
    _rsvp_counts(sector)
    for sector in (ExampleId.sector_government, ExampleId.sector_business, ExampleId.sector_civil_society)
]

_ATTENDANCE = [
    {
        "id": ExampleId.attendance,
        "seat_id": ExampleId.seat_host,
        "stakeholder_name": "אורית שגיא",
        "sector_id": ExampleId.sector_government,
        "guest_name": None,
        "guest_organisation": None,
        "status": "present",
    },
    {
        "id": "01a22672-de9d-70f9-9035-bfe107a86c68",
        "seat_id": ExampleId.seat_business,
        "stakeholder_name": "יואב קרמר",
        "sector_id": ExampleId.sector_business,
        "guest_name": None,
        "guest_organisation": None,
        "status": "excused",
    },
    {
        "id": "01a22672-de9d-70f9-9035-bfe107a86c72",
        "seat_id": ExampleId.seat_member,
        "stakeholder_name": "תמר אלקיים",
        "sector_id": ExampleId.sector_civil_society,
        "guest_name": None,
        "guest_organisation": None,
        "status": "present",
    },
    {
        "id": "01a22672-de9d-70f9-9035-bfe107a86c79",
        "seat_id": None,
        "stakeholder_name": None,
        "sector_id": None,
        "guest_name": "ד״ר יעל כהן",
        "guest_organisation": "המכון הישראלי לדמוקרטיה",
        "status": "present",
    },
]
_SECTOR_RATES = [
    {"sector_id": ExampleId.sector_government, "present": 1, "absent": 0, "excused": 0, "rate": 1.0},
    {"sector_id": ExampleId.sector_business, "present": 0, "absent": 0, "excused": 1, "rate": 0.0},
    {"sector_id": ExampleId.sector_civil_society, "present": 1, "absent": 0, "excused": 0, "rate": 1.0},
]

_SPEAKERS = [
    {"key_id": ExampleId.seat_member, "name": "תמר אלקיים", "seconds": 420, "turns": 2, "share": 0.5},
    {"key_id": ExampleId.seat_host, "name": "אורית שגיא", "seconds": 300, "turns": 1, "share": 0.3571},
    {"key_id": ExampleId.seat_facilitator, "name": "נועה ברק", "seconds": 120, "turns": 2, "share": 0.1429},
]
_SPEAKING_REPORT = {
    "meeting_id": ExampleId.meeting,
    "total_seconds": 840,
    "by_sector": [
        {
            "key_id": ExampleId.sector_civil_society,
            "name": "Civil society",
            "seconds": 540,
            "turns": 4,
            "share": 0.6429,
        },
        {"key_id": ExampleId.sector_government, "name": "Government", "seconds": 300, "turns": 1, "share": 0.3571},
    ],
    "by_person": _SPEAKERS,
}

_PROCESS_NOTE = {
    "id": ExampleId.process_note,
    "meeting_id": ExampleId.meeting,
    "author_user_id": ExampleId.user_facilitator,
    "body": "נציגי המגזר העסקי השתתפו פחות בדיון על מבחני התמיכה; לפנות אליהם לפני המפגש הבא ולשאול מה יסייע "
    "להם להשתתף.",
    "created_at": "2026-10-13T10:40:00Z",
    "updated_at": "2026-10-13T11:05:00Z",
    "version": 2,
}


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
    model_config = examples(_MEETING)

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

    model_config = examples(_MEETING_SUMMARY)

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
    updated_at: datetime
    version: int


class MeetingPage(Page[MeetingSummary]):
    model_config = page_examples(_MEETING_SUMMARY)


class MeetingCreate(RequestBody):
    model_config = examples(
        {
            "title": "מפגש השולחן הממשקי – דצמבר 2026",
            "description": "על סדר היום: סיכום שנת העבודה ותכנון הנושאים לשנה הבאה.",
            "starts_at": "2026-12-10T10:00:00+02:00",
            "ends_at": "2026-12-10T13:00:00+02:00",
            "timezone": "Asia/Jerusalem",
            "mode": "hybrid",
            "venue_name": "משרד ראש הממשלה, ירושלים",
            "venue_address": "רחוב קפלן 3, ירושלים",
            "online_url": "https://meet.example.org/pmo-roundtable",
        }
    )

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
    model_config = examples(
        {
            "title": "מפגש השולחן הממשקי – דצמבר 2026 (מקוון)",
            "description": "המפגש יתקיים באופן מקוון בלבד.",
            "starts_at": "2026-12-10T09:30:00+02:00",
            "ends_at": "2026-12-10T12:00:00+02:00",
            "timezone": "Asia/Jerusalem",
            "mode": "online",
            "venue_name": None,
            "venue_address": None,
            "online_url": "https://meet.example.org/pmo-roundtable",
        },
        {"starts_at": "2026-12-10T09:30:00+02:00", "ends_at": "2026-12-10T12:00:00+02:00"},
    )

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
    model_config = examples(
        {"status": "cancelled", "reason": "המפגש נדחה בשל מצב החירום; מועד חדש יפורסם בהקדם."},
        {"status": "confirmed"},
    )

    status: MeetingStatus
    reason: str | None = Field(default=None, max_length=500, description="Why, when cancelling.")


class AgendaItemRead(ReadModel):
    model_config = examples(_AGENDA_ITEM)

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
    model_config = examples(
        {
            "meeting_id": ExampleId.meeting,
            "items": [_OPENING_ITEM, _AGENDA_ITEM, _DECLINED_ITEM],
            "planned_minutes": 50,
            "meeting_minutes": 180,
            "over_by_minutes": 0,
        }
    )

    meeting_id: uuid.UUID
    items: list[AgendaItemRead] = Field(description="In order; proposed and declined items last.")
    planned_minutes: int = Field(description="Sum over accepted items.")
    meeting_minutes: int = Field(description="The meeting's length.")
    over_by_minutes: int = Field(description="How far the accepted items run past the meeting's end (0 if not).")


class AgendaItemCreate(RequestBody):
    model_config = examples(
        {
            "title": "נגישות ארגוני החברה הערבית למשאבים ולמידע",
            "description": "חסמי שפה, מידע ונגישות דיגיטלית בהשתתפות ארגונים מהחברה הערבית בקולות קוראים ממשלתיים.",
            "presenter_stakeholder_id": ExampleId.stakeholder_member,
            "planned_minutes": 30,
            "goal_id": ExampleId.goal,
            "knowledge_item_ids": [ExampleId.knowledge_item],
        }
    )

    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    presenter_stakeholder_id: uuid.UUID | None = None
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    goal_id: uuid.UUID | None = None
    knowledge_item_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)


class AgendaItemUpdate(PatchBody):
    model_config = examples(
        {
            "title": "עקרונות לתמיכה שקופה בארגוני החברה האזרחית – נוסח מעודכן",
            "description": "הצגת הנוסח המעודכן לאחר הערות חברי השולחן.",
            "presenter_stakeholder_id": ExampleId.stakeholder_member,
            "planned_minutes": 40,
            "goal_id": ExampleId.goal,
            "knowledge_item_ids": [ExampleId.knowledge_item],
        },
        {"planned_minutes": 40},
    )

    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    presenter_stakeholder_id: uuid.UUID | None = None
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    goal_id: uuid.UUID | None = None
    knowledge_item_ids: list[uuid.UUID] = Field(default=None, max_length=50)


class AgendaOrder(RequestBody):
    model_config = examples({"item_ids": [_AGENDA_ITEM["id"], _OPENING_ITEM["id"]]})

    item_ids: list[uuid.UUID] = Field(description="Every accepted item of the meeting, in the new order.")


class AgendaItemReview(RequestBody):
    model_config = examples({"status": "accepted"}, {"status": "declined"})

    status: AgendaItemStatus = Field(description="accepted or declined.")


class InvitationRead(ReadModel):
    model_config = examples(_INVITATIONS[2])

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
    model_config = examples(_RSVP_BY_SECTOR[2])

    sector_id: uuid.UUID
    counts: dict[str, int]


class InvitationList(ReadModel):
    model_config = examples({"meeting_id": ExampleId.meeting, "items": _INVITATIONS, "by_sector": _RSVP_BY_SECTOR})

    meeting_id: uuid.UUID
    items: list[InvitationRead]
    by_sector: list[SectorCount] = Field(description="Responses counted per sector.")


class InviteRequest(RequestBody):
    model_config = examples({"seat_ids": [ExampleId.seat_host, ExampleId.seat_business, ExampleId.seat_member]}, {})

    seat_ids: list[uuid.UUID] | None = Field(
        default=None, description="Seats to invite; omit to invite every current seat of the roundtable."
    )


class RsvpRequest(RequestBody):
    model_config = examples(
        {"response": "maybe", "note": "אשתתף בזום אם לא אגיע", "seat_id": ExampleId.seat_member}, {"response": "yes"}
    )

    response: RsvpResponse = Field(description="yes, no or maybe.")
    note: str | None = Field(default=None, max_length=500)
    seat_id: uuid.UUID | None = Field(default=None, description="Which of your seats, if you hold several.")


class AttendanceEntry(RequestBody):
    model_config = examples(
        {"seat_id": ExampleId.seat_member, "guest_name": None, "guest_organisation": None, "status": "present"},
        {
            "seat_id": None,
            "guest_name": "ד״ר יעל כהן",
            "guest_organisation": "המכון הישראלי לדמוקרטיה",
            "status": "present",
        },
    )

    seat_id: uuid.UUID | None = None
    guest_name: str | None = Field(default=None, max_length=200)
    guest_organisation: str | None = Field(default=None, max_length=200)
    status: AttendanceStatus


class AttendanceRecord(RequestBody):
    model_config = examples(
        {
            "entries": [
                {"seat_id": ExampleId.seat_host, "status": "present"},
                {"seat_id": ExampleId.seat_business, "status": "excused"},
                {"seat_id": ExampleId.seat_member, "status": "present"},
                {"guest_name": "ד״ר יעל כהן", "guest_organisation": "המכון הישראלי לדמוקרטיה", "status": "present"},
            ]
        }
    )

    entries: list[AttendanceEntry] = Field(max_length=500)


class AttendanceRead(ReadModel):
    model_config = examples(_ATTENDANCE[0])

    id: uuid.UUID
    seat_id: uuid.UUID | None
    stakeholder_name: str | None
    sector_id: uuid.UUID | None
    guest_name: str | None
    guest_organisation: str | None
    status: AttendanceStatus


class SectorRate(ReadModel):
    model_config = examples(_SECTOR_RATES[0])

    sector_id: uuid.UUID
    present: int
    absent: int
    excused: int
    rate: float = Field(description="present / (present + absent + excused), 0 when nobody was recorded.")


class AttendanceReport(ReadModel):
    model_config = examples(
        {"meeting_id": ExampleId.meeting, "items": _ATTENDANCE, "by_sector": _SECTOR_RATES, "guests": 1}
    )

    meeting_id: uuid.UUID
    items: list[AttendanceRead]
    by_sector: list[SectorRate]
    guests: int


class SpeakingTurnCreate(RequestBody):
    model_config = examples(
        {
            "seat_id": ExampleId.seat_member,
            "agenda_item_id": ExampleId.agenda_item,
            "seconds": 240,
            "started_at": "2026-10-13T10:25:00+03:00",
        },
        {"seat_id": ExampleId.seat_host, "seconds": 90},
    )

    seat_id: uuid.UUID
    agenda_item_id: uuid.UUID | None = None
    seconds: int = Field(gt=0, le=4 * 3600)
    started_at: AwareDatetime | None = None


class SpeakingTurnRead(ReadModel):
    model_config = examples(
        {
            "id": ExampleId.speaking_turn,
            "meeting_id": ExampleId.meeting,
            "seat_id": ExampleId.seat_member,
            "agenda_item_id": ExampleId.agenda_item,
            "seconds": 240,
            "started_at": "2026-10-13T07:25:00Z",
        }
    )

    id: uuid.UUID
    meeting_id: uuid.UUID
    seat_id: uuid.UUID
    agenda_item_id: uuid.UUID | None
    seconds: int
    started_at: datetime | None


class SpeakingShare(ReadModel):
    model_config = examples(_SPEAKERS[0])

    key_id: uuid.UUID = Field(description="Sector id or seat id.")
    name: str
    seconds: int
    turns: int
    share: float = Field(description="Fraction of all speaking time.")


class SpeakingReport(ReadModel):
    model_config = examples(_SPEAKING_REPORT)

    meeting_id: uuid.UUID
    total_seconds: int
    by_sector: list[SpeakingShare]
    by_person: list[SpeakingShare]


class ProcessNoteCreate(RequestBody):
    model_config = examples({"body": _PROCESS_NOTE["body"]})

    body: str = Field(min_length=1, max_length=50_000)


class ProcessNoteUpdate(PatchBody):
    model_config = examples(
        {"body": "נציגי המגזר העסקי השתתפו פחות בדיון; יואב קרמר יתבקש להציג את עמדת הקרנות במפגש הבא."}
    )

    body: str = Field(default=None, min_length=1, max_length=50_000)


class ProcessNoteRead(ReadModel):
    model_config = examples(_PROCESS_NOTE)

    id: uuid.UUID
    meeting_id: uuid.UUID
    author_user_id: uuid.UUID | None
    body: str
    created_at: datetime
    updated_at: datetime
    version: int = VERSION


class ProcessNotePage(Page[ProcessNoteRead]):
    model_config = page_examples(_PROCESS_NOTE)
