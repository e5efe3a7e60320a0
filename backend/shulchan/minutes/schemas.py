import uuid
from datetime import datetime

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.minutes.models import MinutesStatus


class MinutesRevisionSummary(ReadModel):
    number: int
    status: MinutesStatus
    reason: str | None
    created_by_user_id: uuid.UUID | None
    created_at: datetime
    circulated_at: datetime | None
    approved_by_user_id: uuid.UUID | None
    approved_at: datetime | None


class MinutesRevisionRead(MinutesRevisionSummary):
    body: str


class MinutesRead(ReadModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    roundtable_id: uuid.UUID
    status: MinutesStatus = Field(description="Status of the newest revision.")
    revision: int = Field(description="Number of the newest revision.")
    shown_revision: MinutesRevisionRead = Field(
        description="The newest revision you may read: drafts only for facilitators and hosts."
    )
    revisions: list[MinutesRevisionSummary] = Field(description="Every revision you may read, newest first.")
    public_summary: str | None
    public_summary_published_at: datetime | None
    version: int = Field(description="Send back as If-Match when changing this object.")


class MinutesCreate(RequestBody):
    body: str = Field(default="", max_length=500_000, description="Markdown.")


class MinutesUpdate(PatchBody):
    body: str = Field(default=None, max_length=500_000, description="The draft's new text.")


class MinutesTransition(RequestBody):
    status: MinutesStatus = Field(description="circulated, approved or locked.")


class MinutesCorrection(RequestBody):
    reason: str = Field(min_length=1, max_length=500)
    body: str | None = Field(default=None, max_length=500_000, description="Defaults to the approved text.")


class MinutesDiff(ReadModel):
    from_number: int
    to_number: int
    diff: str = Field(description="Unified diff, line by line.")


class MinutesCommentRead(ReadModel):
    id: uuid.UUID
    minutes_id: uuid.UUID
    revision: int
    paragraph: int | None
    author_user_id: uuid.UUID | None
    body: str
    created_at: datetime


class MinutesCommentPage(Page[MinutesCommentRead]):
    pass


class MinutesCommentCreate(RequestBody):
    body: str = Field(min_length=1, max_length=10_000)
    paragraph: int | None = Field(default=None, ge=0, description="0-based paragraph of the circulated text.")


class PublicSummaryUpdate(RequestBody):
    public_summary: str = Field(max_length=50_000)
    published: bool = Field(description="true publishes it on the public view; false withdraws it.")


class PublicSummary(ReadModel):
    minutes_id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    public_summary: str
    published_at: datetime


class PublicSummaryPage(Page[PublicSummary]):
    pass
