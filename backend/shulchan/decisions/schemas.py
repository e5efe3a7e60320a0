import uuid
from datetime import date, datetime

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
from shulchan.decisions.models import ActionItemStatus, DecisionKind, DecisionStatus, EndorsementPosition
from shulchan.meetings.models import AgendaItemStatus, MeetingStatus
from shulchan.roundtables.models import GoalStatus, Role

VERSION = Field(description="Send back as If-Match when changing this object.")

_DECISION_TITLE = "עקרונות לתמיכה שקופה בארגוני החברה האזרחית"
_DECISION_TEXT = (
    "השולחן ממליץ למשרדי הממשלה:\n\n"
    "1. לפרסם מבחני תמיכה אחידים ולוחות זמנים להגשה לפחות 60 יום מראש.\n"
    "2. לנמק בכתב כל החלטת הקצאה ולפרסם את תוצאותיה."
)
_HISTORY = [
    {
        "from_status": None,
        "to_status": "proposed",
        "actor_user_id": ExampleId.user_member,
        "note": None,
        "created_at": "2026-06-09T09:20:00Z",
    },
    {
        "from_status": "proposed",
        "to_status": "in_discussion",
        "actor_user_id": ExampleId.user_facilitator,
        "note": "יידון במפגש אוקטובר",
        "created_at": "2026-09-15T07:10:00Z",
    },
    {
        "from_status": "in_discussion",
        "to_status": "agreed",
        "actor_user_id": ExampleId.user_facilitator,
        "note": "הוסכם במפגש 13 באוקטובר 2026",
        "created_at": "2026-10-13T09:55:00Z",
    },
]
_ENDORSEMENTS = [
    {
        "seat_id": ExampleId.seat_host,
        "stakeholder_name": "אורית שגיא",
        "sector_id": ExampleId.sector_government,
        "role": "host",
        "position": "supports",
        "comment": None,
        "updated_at": "2026-10-13T09:40:00Z",
    },
    {
        "seat_id": ExampleId.seat_business,
        "stakeholder_name": "יואב קרמר",
        "sector_id": ExampleId.sector_business,
        "role": "member",
        "position": "supports",
        "comment": "הקרנות מוכנות לאמץ את אותם עקרונות בקולות הקוראים שלהן.",
        "updated_at": "2026-10-14T08:05:00Z",
    },
    {
        "seat_id": ExampleId.seat_member,
        "stakeholder_name": "תמר אלקיים",
        "sector_id": ExampleId.sector_civil_society,
        "role": "member",
        "position": "supports",
        "comment": None,
        "updated_at": "2026-10-13T09:42:00Z",
    },
]
_BY_SECTOR = [
    {"sector_id": sector, "seats": 1, "supports": 1, "reservations": 0, "objects": 0, "pending": 0}
    for sector in (ExampleId.sector_government, ExampleId.sector_business, ExampleId.sector_civil_society)
]
_DECISION = {
    "id": ExampleId.decision,
    "roundtable_id": ExampleId.roundtable,
    "meeting_id": ExampleId.meeting,
    "kind": "recommendation",
    "title": _DECISION_TITLE,
    "text": _DECISION_TEXT,
    "status": "agreed",
    "goal_ids": [ExampleId.goal],
    "proposed_by_user_id": ExampleId.user_member,
    "adopted_at": None,
    "adoption_reference": None,
    "created_at": "2026-06-09T09:20:00Z",
    "updated_at": "2026-10-13T09:55:00Z",
    "version": 5,
    "consensus": True,
    "by_sector": _BY_SECTOR,
    "endorsements": _ENDORSEMENTS,
    "history": _HISTORY,
}
_DECISION_SUMMARY = {
    key: _DECISION[key]
    for key in ("id", "roundtable_id", "meeting_id", "kind", "title", "status", "adopted_at", "updated_at", "version")
}
_ACTION_ITEM = {
    "id": ExampleId.action_item,
    "roundtable_id": ExampleId.roundtable,
    "decision_id": ExampleId.decision,
    "meeting_id": ExampleId.meeting,
    "title": "איסוף התייחסויות הארגונים ליישום מבחני התמיכה",
    "description": "ריכוז התייחסויות של ארגוני החברה האזרחית ליישום ההמלצה במשרדים, לקראת דיון מעקב בשולחן.",
    "owner_stakeholder_id": ExampleId.stakeholder_member,
    "owner_name": "תמר אלקיים",
    "due_date": "2026-11-30",
    "status": "in_progress",
    "overdue": False,
    "completed_at": None,
    "created_at": "2026-10-13T10:10:00Z",
    "updated_at": "2026-10-20T08:30:00Z",
    "version": 2,
}
_GOAL_AGENDA_ITEM = {
    "agenda_item_id": ExampleId.agenda_item,
    "title": "עקרונות לתמיכה שקופה בארגוני החברה האזרחית",
    "status": "accepted",
    "meeting_id": ExampleId.meeting,
    "meeting_title": "מפגש השולחן הממשקי – אוקטובר 2026",
    "meeting_starts_at": "2026-10-13T07:00:00Z",
    "meeting_status": "held",
}
_GOAL_DECISION = {
    "decision_id": ExampleId.decision,
    "title": _DECISION_TITLE,
    "kind": "recommendation",
    "status": "agreed",
}


class DecisionEventRead(ReadModel):
    model_config = examples(_HISTORY[2])

    from_status: DecisionStatus | None
    to_status: DecisionStatus
    actor_user_id: uuid.UUID | None
    note: str | None
    created_at: datetime


class SectorEndorsement(ReadModel):
    model_config = examples(
        {
            "sector_id": ExampleId.sector_business,
            "seats": 5,
            "supports": 3,
            "reservations": 1,
            "objects": 0,
            "pending": 1,
        }
    )

    sector_id: uuid.UUID
    seats: int = Field(description="Current host and member seats of this sector: those whose word counts.")
    supports: int
    reservations: int
    objects: int
    pending: int


class EndorsementRead(ReadModel):
    model_config = examples(_ENDORSEMENTS[1])

    seat_id: uuid.UUID
    stakeholder_name: str
    sector_id: uuid.UUID
    role: Role
    position: EndorsementPosition
    comment: str | None
    updated_at: datetime


class DecisionRead(ReadModel):
    model_config = examples(_DECISION)

    id: uuid.UUID
    roundtable_id: uuid.UUID
    meeting_id: uuid.UUID | None
    kind: DecisionKind
    title: str
    text: str = Field(description="Markdown.")
    status: DecisionStatus
    goal_ids: list[uuid.UUID]
    proposed_by_user_id: uuid.UUID | None
    adopted_at: datetime | None
    adoption_reference: str | None
    created_at: datetime
    updated_at: datetime
    version: int = VERSION
    consensus: bool = Field(
        description="Every sector holding current host or member seats has a supporter among them, "
        "and none of those seats objects."
    )
    by_sector: list[SectorEndorsement]
    endorsements: list[EndorsementRead] = Field(
        description="Each seat's position; empty for readers who hold no seat at the roundtable."
    )
    history: list[DecisionEventRead] = Field(description="Actors and notes are shown to the roundtable only.")


class DecisionSummary(ReadModel):
    model_config = examples(_DECISION_SUMMARY)

    id: uuid.UUID
    roundtable_id: uuid.UUID
    meeting_id: uuid.UUID | None
    kind: DecisionKind
    title: str
    status: DecisionStatus
    adopted_at: datetime | None
    updated_at: datetime
    version: int


class DecisionPage(Page[DecisionSummary]):
    model_config = page_examples(_DECISION_SUMMARY)


class DecisionCreate(RequestBody):
    model_config = examples(
        {
            "kind": "recommendation",
            "title": _DECISION_TITLE,
            "text": _DECISION_TEXT,
            "meeting_id": ExampleId.meeting,
            "goal_ids": [ExampleId.goal],
        }
    )

    kind: DecisionKind
    title: str = Field(min_length=1, max_length=300)
    text: str = Field(default="", max_length=100_000)
    meeting_id: uuid.UUID | None = None
    goal_ids: list[uuid.UUID] = Field(default_factory=list, max_length=30)


class DecisionUpdate(PatchBody):
    model_config = examples(
        {
            "kind": "policy_decision",
            "title": _DECISION_TITLE,
            "text": _DECISION_TEXT + "\n3. לדווח לשולחן אחת לשנה על יישום העקרונות.",
            "meeting_id": ExampleId.meeting,
            "goal_ids": [ExampleId.goal],
        },
        {"title": "עקרונות לתמיכה שקופה ושוויונית בארגוני החברה האזרחית"},
    )

    kind: DecisionKind = Field(default=None)
    title: str = Field(default=None, min_length=1, max_length=300)
    text: str = Field(default=None, max_length=100_000)
    meeting_id: uuid.UUID | None = None
    goal_ids: list[uuid.UUID] = Field(default=None, max_length=30)


class DecisionTransition(RequestBody):
    model_config = examples(
        {
            "status": "adopted",
            "note": "אומץ בהחלטת הנהלת משרד ראש הממשלה",
            "adoption_reference": "מכתב מנכ״ל משרד ראש הממשלה 2026-114",
        },
        {"status": "in_discussion", "note": "יידון במפגש אוקטובר"},
    )

    status: DecisionStatus
    note: str | None = Field(default=None, max_length=1000)
    adoption_reference: str | None = Field(
        default=None, max_length=300, description="When adopting: the government's reference (resolution, letter)."
    )


class EndorsementRequest(RequestBody):
    model_config = examples(
        {
            "position": "reservations",
            "comment": "תומכים בעיקרון, אך לוח זמנים של 60 יום אינו ישים לקולות קוראים דחופים.",
            "seat_id": ExampleId.seat_business,
        },
        {"position": "supports"},
    )

    position: EndorsementPosition
    comment: str | None = Field(default=None, max_length=2000)
    seat_id: uuid.UUID | None = Field(default=None, description="Which of your seats, if you hold several.")


class ActionItemRead(ReadModel):
    model_config = examples(_ACTION_ITEM)

    id: uuid.UUID
    roundtable_id: uuid.UUID
    decision_id: uuid.UUID | None
    meeting_id: uuid.UUID | None
    title: str
    description: str
    owner_stakeholder_id: uuid.UUID
    owner_name: str
    due_date: date | None
    status: ActionItemStatus
    overdue: bool
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int = VERSION


class ActionItemPage(Page[ActionItemRead]):
    model_config = page_examples(_ACTION_ITEM)


class ActionItemCreate(RequestBody):
    model_config = examples(
        {
            "title": _ACTION_ITEM["title"],
            "description": _ACTION_ITEM["description"],
            "owner_stakeholder_id": ExampleId.stakeholder_member,
            "due_date": "2026-11-30",
            "decision_id": ExampleId.decision,
            "meeting_id": ExampleId.meeting,
        }
    )

    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    owner_stakeholder_id: uuid.UUID
    due_date: date | None = None
    decision_id: uuid.UUID | None = None
    meeting_id: uuid.UUID | None = None


class ActionItemUpdate(PatchBody):
    model_config = examples(
        {
            "title": _ACTION_ITEM["title"],
            "description": "ההתייחסויות רוכזו והועברו לצוות הכתיבה.",
            "owner_stakeholder_id": ExampleId.stakeholder_member,
            "due_date": "2026-12-15",
            "status": "done",
        },
        {"status": "in_progress"},
    )

    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    owner_stakeholder_id: uuid.UUID = Field(default=None)
    due_date: date | None = None
    status: ActionItemStatus = Field(default=None, description="The only field an owner who is a member may change.")


class GoalAgendaItem(ReadModel):
    model_config = examples(_GOAL_AGENDA_ITEM)

    agenda_item_id: uuid.UUID
    title: str
    status: AgendaItemStatus
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    meeting_status: MeetingStatus


class GoalDecision(ReadModel):
    model_config = examples(_GOAL_DECISION)

    decision_id: uuid.UUID
    title: str
    kind: DecisionKind
    status: DecisionStatus


class GoalProgress(ReadModel):
    model_config = examples(
        {
            "goal_id": ExampleId.goal,
            "title": "עקרונות שקופים לתמיכה ממשלתית בארגוני החברה האזרחית",
            "status": "in_progress",
            "target_date": "2027-06-30",
            "agenda_items": [_GOAL_AGENDA_ITEM],
            "decisions": [_GOAL_DECISION],
            "decisions_by_status": {"agreed": 1},
        }
    )

    goal_id: uuid.UUID
    title: str
    status: GoalStatus
    target_date: date | None
    agenda_items: list[GoalAgendaItem]
    decisions: list[GoalDecision]
    decisions_by_status: dict[str, int]
