import uuid
from datetime import date, datetime

from pydantic import Field, model_validator

from shulchan.access.permissions import ROLE_PERMISSIONS, Permission
from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
from shulchan.roundtables.models import GoalStatus, Role, RoundtableStatus, Visibility

VERSION = Field(description="Send back as If-Match when changing this object.")

_PMO_TITLE = "השולחן העגול במשרד ראש הממשלה (השולחן הממשקי)"
_PMO_TITLE_EN = "The Prime Minister's Office Roundtable (the interface roundtable)"

_ROUNDTABLE = {
    "id": ExampleId.roundtable,
    "title": _PMO_TITLE,
    "title_en": _PMO_TITLE_EN,
    "description": "השולחן העגול הממשקי פועל במשרד ראש הממשלה מאז 2009 כפלטפורמה קבועה לשיח בין נציגי הממשלה, "
    "המגזר העסקי-פילנתרופי והחברה האזרחית.",
    "host_organisation_id": ExampleId.organisation_pmo,
    "host_organisation_name": "משרד ראש הממשלה",
    "host_organisation_name_en": "Prime Minister's Office",
    "status": "active",
    "visibility": "public",
    "policy_area": "יחסי ממשלה, חברה אזרחית ומגזר עסקי",
    "founding_reference": "החלטת ממשלה 3190 (2008)",
    "started_on": "2009-01-01",
    "ended_on": None,
    "created_at": "2026-01-05T09:00:00Z",
    "updated_at": "2026-09-15T07:00:00Z",
    "version": 4,
    "my_roles": ["member"],
    "my_permissions": sorted(permission.value for permission in ROLE_PERMISSIONS[Role.member]),
}

_GOAL = {
    "id": ExampleId.goal,
    "roundtable_id": ExampleId.roundtable,
    "title": "עקרונות שקופים לתמיכה ממשלתית בארגוני החברה האזרחית",
    "description": "גיבוש המלצות משותפות לכללים שוויוניים ושקופים בהקצאת תמיכות ובהתקשרויות של משרדי הממשלה עם עמותות.",
    "status": "in_progress",
    "target_date": "2027-06-30",
    "created_at": "2026-01-05T09:00:00Z",
    "version": 2,
}


def _seat(**fields: object) -> dict[str, object]:
    return {
        "roundtable_id": ExampleId.roundtable,
        "ended_on": None,
        "is_current": True,
        "alternate_stakeholder_id": None,
        "alternate_name": None,
        "note": None,
        "version": 1,
        **fields,
    }


_HOST_SEAT = _seat(
    id=ExampleId.seat_host,
    stakeholder_id=ExampleId.stakeholder_host,
    stakeholder_name="אורית שגיא",
    stakeholder_name_en="Orit Sagi",
    organisation_name="משרד ראש הממשלה",
    role="host",
    sector_id=ExampleId.sector_government,
    started_on="2015-09-01",
    alternate_stakeholder_id=ExampleId.stakeholder_host_alternate,
    alternate_name="שירה בן-דוד",
    note="מחליפה את עמרי כץ כנציגת המשרד המארח",
    version=2,
)
_BUSINESS_SEAT = _seat(
    id=ExampleId.seat_business,
    stakeholder_id=ExampleId.stakeholder_business,
    stakeholder_name="יואב קרמר",
    stakeholder_name_en="Yoav Kramer",
    organisation_name="יד הנדיב",
    role="member",
    sector_id=ExampleId.sector_business,
    started_on="2016-03-01",
)
_FACILITATOR_SEAT = _seat(
    id=ExampleId.seat_facilitator,
    stakeholder_id=ExampleId.stakeholder_facilitator,
    stakeholder_name="נועה ברק",
    stakeholder_name_en="Noa Barak",
    organisation_name="שיתופים",
    role="facilitator",
    sector_id=ExampleId.sector_civil_society,
    started_on="2009-01-01",
)
_MEMBER_SEAT = _seat(
    id=ExampleId.seat_member,
    stakeholder_id=ExampleId.stakeholder_member,
    stakeholder_name="תמר אלקיים",
    stakeholder_name_en="Tamar Elkayam",
    organisation_name="שתיל",
    role="member",
    sector_id=ExampleId.sector_civil_society,
    started_on="2018-02-01",
)


def _sector_composition(
    sector_id: str, key: str, name_he: str, name_en: str, colour: str, seats: list[dict[str, object]]
) -> dict[str, object]:
    return {
        "sector_id": sector_id,
        "key": key,
        "name_he": name_he,
        "name_en": name_en,
        "colour": colour,
        "seat_count": len(seats),
        "by_role": {role.value: sum(1 for seat in seats if seat["role"] == role.value) for role in Role},
        "seats": seats,
    }


_SECTOR_COMPOSITIONS = [
    _sector_composition(ExampleId.sector_government, "government", "ממשלה", "Government", "#1e88e5", [_HOST_SEAT]),
    _sector_composition(
        ExampleId.sector_business,
        "business_philanthropy",
        "המגזר העסקי-פילנתרופי",
        "Business & philanthropy",
        "#f4511e",
        [_BUSINESS_SEAT],
    ),
    _sector_composition(
        ExampleId.sector_civil_society,
        "civil_society",
        "החברה האזרחית",
        "Civil society",
        "#43a047",
        [_FACILITATOR_SEAT, _MEMBER_SEAT],
    ),
]


class RoundtableRead(ReadModel):
    model_config = examples(_ROUNDTABLE)

    id: uuid.UUID
    title: str
    title_en: str | None
    description: str
    host_organisation_id: uuid.UUID
    host_organisation_name: str
    host_organisation_name_en: str | None
    status: RoundtableStatus
    visibility: Visibility
    policy_area: str | None
    founding_reference: str | None
    started_on: date | None
    ended_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int = VERSION
    my_roles: list[Role] = Field(description="Your roles in this roundtable (empty if you hold no seat).")
    my_permissions: list[Permission] = Field(description="What you may do here; the UI offers only these.")


class RoundtablePage(Page[RoundtableRead]):
    model_config = page_examples(_ROUNDTABLE)


def _dates_ordered(started_on: date | None, ended_on: date | None) -> None:
    if started_on and ended_on and ended_on < started_on:
        raise ValueError("ended_on must not be before started_on")


class RoundtableCreate(RequestBody):
    model_config = examples(
        {
            "title": "השולחן העגול במשרד החינוך",
            "title_en": "The Ministry of Education Roundtable",
            "description": "שולחן עגול בין-מגזרי לצמצום פערים בחינוך בפריפריה החברתית והגאוגרפית.",
            "host_organisation_id": ExampleId.organisation_education,
            "visibility": "internal",
            "policy_area": "חינוך וצמצום פערים",
            "founding_reference": "החלטת ממשלה 3190",
            "started_on": "2027-01-01",
            "ended_on": "2029-12-31",
        }
    )

    title: str = Field(min_length=1, max_length=300, examples=["השולחן העגול במשרד החינוך"])
    title_en: str | None = Field(default=None, max_length=300, examples=["The Ministry of Education Roundtable"])
    description: str = Field(default="", max_length=20_000)
    host_organisation_id: uuid.UUID = Field(description="A government-sector organisation (the host ministry).")
    visibility: Visibility = Visibility.internal
    policy_area: str | None = Field(default=None, max_length=200)
    founding_reference: str | None = Field(default=None, max_length=300, examples=["החלטת ממשלה 3190"])
    started_on: date | None = None
    ended_on: date | None = None

    @model_validator(mode="after")
    def check_dates(self) -> "RoundtableCreate":
        _dates_ordered(self.started_on, self.ended_on)
        return self


class RoundtableUpdate(PatchBody):
    model_config = examples(
        {
            "title": _PMO_TITLE,
            "title_en": _PMO_TITLE_EN,
            "description": "השולחן העגול הממשקי פועל במשרד ראש הממשלה מאז 2009 כפלטפורמה קבועה לשיח בין "
            "המגזרים, ומשמש מודל לשולחנות עגולים במשרדי ממשלה נוספים.",
            "host_organisation_id": ExampleId.organisation_pmo,
            "visibility": "public",
            "policy_area": "יחסי ממשלה, חברה אזרחית ומגזר עסקי",
            "founding_reference": "החלטת ממשלה 3190 (2008)",
            "started_on": "2009-01-01",
            "ended_on": None,
        },
        {"visibility": "public"},
    )

    title: str = Field(default=None, min_length=1, max_length=300)
    title_en: str | None = Field(default=None, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    host_organisation_id: uuid.UUID = Field(default=None)
    visibility: Visibility = Field(default=None)
    policy_area: str | None = Field(default=None, max_length=200)
    founding_reference: str | None = Field(default=None, max_length=300)
    started_on: date | None = None
    ended_on: date | None = None


class RoundtableTransition(RequestBody):
    model_config = examples({"status": "paused"})

    status: RoundtableStatus = Field(description="The status to move to.")


class GoalRead(ReadModel):
    model_config = examples(_GOAL)

    id: uuid.UUID
    roundtable_id: uuid.UUID
    title: str
    description: str
    status: GoalStatus
    target_date: date | None
    created_at: datetime
    version: int = VERSION


class GoalPage(Page[GoalRead]):
    model_config = page_examples(_GOAL)


class GoalCreate(RequestBody):
    model_config = examples(
        {
            "title": "פרסום שוטף של תוצרי השולחן לציבור",
            "description": "הנגשת סיכומי דיון, הסכמות ותוצרי ידע של השולחן לציבור הרחב באופן קבוע ומסודר.",
            "status": "open",
            "target_date": "2027-06-30",
        }
    )

    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    status: GoalStatus = GoalStatus.open
    target_date: date | None = None


class GoalUpdate(PatchBody):
    model_config = examples(
        {
            "title": "עקרונות שקופים לתמיכה ממשלתית בארגוני החברה האזרחית",
            "description": "ההמלצות גובשו והוגשו להנהלת משרד ראש הממשלה.",
            "status": "achieved",
            "target_date": "2026-12-31",
        },
        {"status": "achieved"},
    )

    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    status: GoalStatus = Field(default=None)
    target_date: date | None = None


class SeatRead(ReadModel):
    model_config = examples(_HOST_SEAT)

    id: uuid.UUID
    roundtable_id: uuid.UUID
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    stakeholder_name_en: str | None
    organisation_name: str | None
    role: Role
    sector_id: uuid.UUID
    started_on: date
    ended_on: date | None
    is_current: bool
    alternate_stakeholder_id: uuid.UUID | None
    alternate_name: str | None
    note: str | None
    version: int = VERSION


class SeatPage(Page[SeatRead]):
    model_config = page_examples(_FACILITATOR_SEAT, _HOST_SEAT)


class SeatCreate(RequestBody):
    model_config = examples(
        {
            "stakeholder_id": ExampleId.stakeholder_host,
            "role": "host",
            "sector_id": ExampleId.sector_government,
            "started_on": "2015-09-01",
            "ended_on": None,
            "alternate_stakeholder_id": ExampleId.stakeholder_host_alternate,
            "note": "מחליפה את עמרי כץ כנציגת המשרד המארח",
        }
    )

    stakeholder_id: uuid.UUID
    role: Role
    sector_id: uuid.UUID | None = Field(
        default=None, description="Defaults to the sector of the stakeholder's organisation."
    )
    started_on: date | None = Field(default=None, description="Defaults to today.")
    ended_on: date | None = None
    alternate_stakeholder_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def check_dates(self) -> "SeatCreate":
        _dates_ordered(self.started_on, self.ended_on)
        return self


class SeatUpdate(PatchBody):
    model_config = examples(
        {
            "role": "member",
            "sector_id": ExampleId.sector_civil_society,
            "started_on": "2018-02-01",
            "ended_on": "2026-12-31",
            "alternate_stakeholder_id": None,
            "note": "מסיימת את כהונתה בשולחן בסוף השנה",
        },
        {"ended_on": "2026-12-31"},
    )

    role: Role = Field(default=None)
    sector_id: uuid.UUID = Field(default=None)
    started_on: date = Field(default=None)
    ended_on: date | None = None
    alternate_stakeholder_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=500)


class SectorComposition(ReadModel):
    model_config = examples(_SECTOR_COMPOSITIONS[2])

    sector_id: uuid.UUID
    key: str
    name_he: str
    name_en: str
    colour: str
    seat_count: int
    by_role: dict[Role, int]
    seats: list[SeatRead]


class Composition(ReadModel):
    model_config = examples(
        {
            "roundtable_id": ExampleId.roundtable,
            "as_of": "2026-10-13",
            "total_seats": 4,
            "sectors": _SECTOR_COMPOSITIONS,
        }
    )

    roundtable_id: uuid.UUID
    as_of: date
    total_seats: int
    sectors: list[SectorComposition] = Field(description="Every sector, in display order, even when empty.")
