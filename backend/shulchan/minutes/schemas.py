import uuid
from datetime import datetime

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
from shulchan.minutes.models import MinutesStatus

_OPENING = "המפגש החל בברכת המשרד המארח ובהצגת סדר היום. פרוטוקול המפגש הקודם אושר."
_POSITION_PAPER = (
    "נייר העמדה של ארגוני החברה האזרחית מציע מבחני תמיכה אחידים ופרסום מראש של לוחות הזמנים. "
    "הוחלט להעביר את ההערות לצוות הכתיבה"
)
_CLOSING = "סוכם להקים צוות כתיבה משותף לשלושת המגזרים."
_BODY_1 = f"{_OPENING}\n\n{_POSITION_PAPER}.\n\n{_CLOSING}"
_BODY_2 = f"{_OPENING}\n\n{_POSITION_PAPER} ולהציג נוסח מעודכן במפגש הבא.\n\n{_CLOSING}"
_DIFF = (
    "--- revision 1\n+++ revision 2\n@@ -1,5 +1,5 @@\n"
    f" {_OPENING}\n \n-{_POSITION_PAPER}.\n+{_POSITION_PAPER} ולהציג נוסח מעודכן במפגש הבא.\n \n {_CLOSING}"
)
_CORRECTION_REASON = "השלמת ההחלטה בסעיף עקרונות התמיכה, לבקשת נציגת שתיל"
_PUBLIC_SUMMARY = (
    "השולחן הממשקי התכנס ב-13 באוקטובר 2026 בהשתתפות נציגים משלושת המגזרים. על סדר היום: עקרונות לתמיכה "
    "שקופה בארגוני החברה האזרחית. סוכם להקים צוות כתיבה משותף לשלושת המגזרים שיגבש נוסח המלצה מוסכם."
)

_REVISION_1 = {
    "number": 1,
    "status": "approved",
    "reason": None,
    "created_by_user_id": ExampleId.user_facilitator,
    "created_at": "2026-10-15T12:00:00Z",
    "circulated_at": "2026-10-19T12:00:00Z",
    "approved_by_user_id": ExampleId.user_host,
    "approved_at": "2026-10-28T12:00:00Z",
}
_REVISION_2 = {
    "number": 2,
    "status": "circulated",
    "reason": _CORRECTION_REASON,
    "created_by_user_id": ExampleId.user_facilitator,
    "created_at": "2026-11-02T09:00:00Z",
    "circulated_at": "2026-11-02T09:30:00Z",
    "approved_by_user_id": None,
    "approved_at": None,
}
_COMMENT = {
    "id": ExampleId.minutes_comment,
    "minutes_id": ExampleId.minutes,
    "revision": 2,
    "paragraph": 1,
    "author_user_id": ExampleId.user_member,
    "body": "מבקשת להוסיף שהנוסח המעודכן יופץ לחברי השולחן שבועיים לפני המפגש.",
    "created_at": "2026-11-03T14:10:00Z",
}
_PUBLISHED_SUMMARY = {
    "minutes_id": ExampleId.minutes,
    "meeting_id": ExampleId.meeting,
    "meeting_title": "מפגש השולחן הממשקי – אוקטובר 2026",
    "meeting_starts_at": "2026-10-13T07:00:00Z",
    "public_summary": _PUBLIC_SUMMARY,
    "published_at": "2026-10-30T12:00:00Z",
}


class MinutesRevisionSummary(ReadModel):
    model_config = examples(_REVISION_1)

    number: int
    status: MinutesStatus
    reason: str | None
    created_by_user_id: uuid.UUID | None
    created_at: datetime
    circulated_at: datetime | None
    approved_by_user_id: uuid.UUID | None
    approved_at: datetime | None


class MinutesRevisionRead(MinutesRevisionSummary):
    model_config = examples({**_REVISION_1, "body": _BODY_1})

    body: str


class MinutesRead(ReadModel):
    model_config = examples(
        {
            "id": ExampleId.minutes,
            "meeting_id": ExampleId.meeting,
            "roundtable_id": ExampleId.roundtable,
            "status": "circulated",
            "revision": 2,
            "shown_revision": {**_REVISION_2, "body": _BODY_2},
            "revisions": [_REVISION_2, _REVISION_1],
            "public_summary": _PUBLIC_SUMMARY,
            "public_summary_published_at": "2026-10-30T12:00:00Z",
            "version": 6,
        }
    )

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
    model_config = examples({"body": _BODY_1})

    body: str = Field(default="", max_length=500_000, description="Markdown.")


class MinutesUpdate(PatchBody):
    model_config = examples({"body": _BODY_2})

    body: str = Field(default=None, max_length=500_000, description="The draft's new text.")


class MinutesTransition(RequestBody):
    model_config = examples({"status": "circulated"}, {"status": "approved"}, {"status": "locked"})

    status: MinutesStatus = Field(description="circulated, approved or locked.")


class MinutesCorrection(RequestBody):
    model_config = examples({"reason": _CORRECTION_REASON, "body": _BODY_2}, {"reason": _CORRECTION_REASON})

    reason: str = Field(min_length=1, max_length=500)
    body: str | None = Field(default=None, max_length=500_000, description="Defaults to the approved text.")


class MinutesDiff(ReadModel):
    model_config = examples({"from_number": 1, "to_number": 2, "diff": _DIFF})

    from_number: int
    to_number: int
    diff: str = Field(description="Unified diff, line by line.")


class MinutesCommentRead(ReadModel):
    model_config = examples(_COMMENT)

    id: uuid.UUID
    minutes_id: uuid.UUID
    revision: int
    paragraph: int | None
    author_user_id: uuid.UUID | None
    body: str
    created_at: datetime


class MinutesCommentPage(Page[MinutesCommentRead]):
    model_config = page_examples(_COMMENT)


class MinutesCommentCreate(RequestBody):
    model_config = examples({"body": _COMMENT["body"], "paragraph": 1}, {"body": "מאשרת את הנוסח."})

    body: str = Field(min_length=1, max_length=10_000)
    paragraph: int | None = Field(default=None, ge=0, description="0-based paragraph of the circulated text.")


class PublicSummaryUpdate(RequestBody):
    model_config = examples(
        {"public_summary": _PUBLIC_SUMMARY, "published": True}, {"public_summary": _PUBLIC_SUMMARY, "published": False}
    )

    public_summary: str = Field(max_length=50_000)
    published: bool = Field(description="true publishes it on the public view; false withdraws it.")


class PublicSummary(ReadModel):
    model_config = examples(_PUBLISHED_SUMMARY)

    minutes_id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_starts_at: datetime
    public_summary: str
    published_at: datetime


class PublicSummaryPage(Page[PublicSummary]):
    model_config = page_examples(_PUBLISHED_SUMMARY)
