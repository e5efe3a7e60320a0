import uuid
from datetime import date, datetime

from pydantic import Field, model_validator

from shulchan.auth.permissions import Permission
from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.roundtables.models import GoalStatus, Role, RoundtableStatus, Visibility

VERSION = Field(description="Send back as If-Match when changing this object.")


class RoundtableRead(ReadModel):
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
    pass


def _dates_ordered(started_on: date | None, ended_on: date | None) -> None:
    if started_on and ended_on and ended_on < started_on:
        raise ValueError("ended_on must not be before started_on")


class RoundtableCreate(RequestBody):
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
    status: RoundtableStatus = Field(description="The status to move to.")


class GoalRead(ReadModel):
    id: uuid.UUID
    roundtable_id: uuid.UUID
    title: str
    description: str
    status: GoalStatus
    target_date: date | None
    created_at: datetime
    version: int = VERSION


class GoalPage(Page[GoalRead]):
    pass


class GoalCreate(RequestBody):
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    status: GoalStatus = GoalStatus.open
    target_date: date | None = None


class GoalUpdate(PatchBody):
    title: str = Field(default=None, min_length=1, max_length=300)
    description: str = Field(default=None, max_length=20_000)
    status: GoalStatus = Field(default=None)
    target_date: date | None = None


class SeatRead(ReadModel):
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
    pass


class SeatCreate(RequestBody):
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
    role: Role = Field(default=None)
    sector_id: uuid.UUID = Field(default=None)
    started_on: date = Field(default=None)
    ended_on: date | None = None
    alternate_stakeholder_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=500)


class SectorComposition(ReadModel):
    sector_id: uuid.UUID
    key: str
    name_he: str
    name_en: str
    colour: str
    seat_count: int
    by_role: dict[Role, int]
    seats: list[SeatRead]


class Composition(ReadModel):
    roundtable_id: uuid.UUID
    as_of: date
    total_seats: int
    sectors: list[SectorComposition] = Field(description="Every sector, in display order, even when empty.")
