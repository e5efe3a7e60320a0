import uuid
from datetime import date, datetime

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.decisions.models import ActionItemStatus, DecisionKind, DecisionStatus, EndorsementPosition
from shulchan.meetings.models import AgendaItemStatus, MeetingStatus
from shulchan.roundtables.models import GoalStatus, Role

VERSION = Field(description="Send back as If-Match when changing this object.")


class DecisionEventRead(ReadModel):
    from_status: DecisionStatus | None
    to_status: DecisionStatus
    actor_user_id: uuid.UUID | None
    note: str | None
    created_at: datetime


class SectorEndorsement(ReadModel):
    sector_id: uuid.UUID
    seats: int = Field(description="Current host and member seats of this sector: those whose word counts.")
    supports: int
    reservations: int
    objects: int
    pending: int


class EndorsementRead(ReadModel):
    seat_id: uuid.UUID
    stakeholder_name: str
    sector_id: uuid.UUID
    role: Role
    position: EndorsementPosition
    comment: str | None
    updated_at: datetime


class DecisionRead(ReadModel):
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
    pass


class DecisionCreate(RequestBody):
    kind: DecisionKind
    title: str = Field(min_length=1, max_length=300)
    text: str = Field(default="", max_length=100_000)
    meeting_id: uuid.UUID | None = None
    goal_ids: list[uuid.UUID] = Field(default_factory=list, max_length=30)


class DecisionUpdate(PatchBody):
    kind: DecisionKind = Field(default=None)
    title: str = Field(default=None, min_length=1, max_length=300)
    text: str = Field(default=None, max_length=100_000)
    meeting_id: uuid.UUID | None = None
    goal_ids: list[uuid.UUID] = Field(default=None, max_length=30)


class DecisionTransition(RequestBody):
    status: DecisionStatus
    note: str | None = Field(default=None, max_length=1000)
    adoption_reference: str | None = Field(
        default=None, max_length=300, description="When adopting: the government's reference (resolution, letter)."
    )


class EndorsementRequest(RequestBody):
    position: EndorsementPosition
    comment: str | None = Field(default=None, max_length=2000)
    seat_id: uuid.UUID | None = Field(default=None, description="Which of your seats, if you hold several.")


class ActionItemRead(ReadModel):
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
    version: int = VERSION


class ActionItemPage(Page[ActionItemRead]):
    pass


class ActionItemCreate(RequestBody):
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    owner_stakeholder_id: uuid.UUID
    due_date: date | None = None
    decision_id: uuid.UUID | None = None
    meeting_id: uuid.UUID | None = None


class ActionItemUpdate(PatchBody):
    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    owner_stakeholder_id: uuid.UUID = Field(default=None)
    due_date: date | None = None
    status: ActionItemStatus = Field(default=None, description="The only field an owner who is a member may change.")


class GoalAgendaItem(ReadModel):
    agenda_item_id: uuid.UUID
    title: str
    status: AgendaItemStatus
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    meeting_status: MeetingStatus


class GoalDecision(ReadModel):
    decision_id: uuid.UUID
    title: str
    kind: DecisionKind
    status: DecisionStatus


class GoalProgress(ReadModel):
    goal_id: uuid.UUID
    title: str
    status: GoalStatus
    target_date: date | None
    agenda_items: list[GoalAgendaItem]
    decisions: list[GoalDecision]
    decisions_by_status: dict[str, int]
