import uuid
from datetime import datetime

from pydantic import Field

from shulchan.core.models import Language
from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, ShownName, examples, page_examples
from shulchan.knowledge.models import KnowledgeKind, KnowledgeVisibility

VERSION = Field(description="Send back as If-Match when changing this object.")
TAGS = Field(default_factory=list, max_length=30, description="Free tags, e.g. employment, periphery.")

_TITLE = "נייר עמדה: עקרונות לתמיכה שקופה בארגוני החברה האזרחית"
_DRAFT_TITLE = f"{_TITLE} – טיוטה"
_BACKGROUND = "## רקע\n\nמבחני התמיכה משתנים ממשרד למשרד.\n\n## המלצות\n\n"
_RECOMMENDATION = "מבחני תמיכה אחידים, פרסום מראש של לוחות הזמנים והסבר מנומק לכל החלטת הקצאה."
_DRAFT_BODY = _BACKGROUND + "מבחני תמיכה אחידים."
_BODY = _BACKGROUND + _RECOMMENDATION
_SUMMARY = "הצעת ארגוני החברה האזרחית לכללים אחידים ושקופים בהקצאת תמיכות."
_LINK_ID = "01a22672-de6c-76af-9f7d-d65dc3890f56"
_LINK = {"target_type": "agenda_item", "target_id": ExampleId.agenda_item}
_ATTACHMENT = {
    "id": ExampleId.attachment,
    "knowledge_item_id": ExampleId.knowledge_item,
    "filename": "נייר-עמדה-תמיכות.pdf",
    "content_type": "application/pdf",
    "size_bytes": 284_611,
    "sha256": "9f2c4a1e0b7d83c5e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7",
    "created_at": "2026-10-02T08:14:00Z",
    "download_url": f"/api/v1/attachments/{ExampleId.attachment}/download",
}
_ITEM = {
    "id": ExampleId.knowledge_item,
    "roundtable_id": ExampleId.roundtable,
    "kind": "position_paper",
    "title": _TITLE,
    "body": _BODY,
    "summary": _SUMMARY,
    "tags": ["תמיכות", "שקיפות"],
    "language": "he",
    "authors": ["תמר אלקיים", "שתיל"],
    "url": None,
    "visibility": "roundtable",
    "created_by_user_id": ExampleId.user_member,
    "revision": 2,
    "archived_at": None,
    "created_at": "2026-09-20T10:00:00Z",
    "updated_at": "2026-10-02T08:10:00Z",
    "version": 3,
    "links": [_LINK],
    "attachments": [_ATTACHMENT],
}
_ITEM_SUMMARY = {
    key: _ITEM[key]
    for key in (
        "id",
        "roundtable_id",
        "kind",
        "title",
        "summary",
        "tags",
        "language",
        "visibility",
        "revision",
        "archived_at",
        "updated_at",
        "version",
    )
}
_REVISION_SUMMARY = {
    "number": 2,
    "title": _TITLE,
    "created_by_user_id": ExampleId.user_member,
    "created_at": "2026-10-02T08:10:00Z",
}


class KnowledgeLinkRef(ReadModel):
    model_config = examples(_LINK)

    target_type: str = Field(pattern=r"^(meeting|agenda_item|decision)$")
    target_id: uuid.UUID


class KnowledgeLinkRead(ReadModel):
    """One link as its own object: the payload of knowledge_link.created / knowledge_link.deleted events."""

    model_config = examples({"id": _LINK_ID, "knowledge_item_id": ExampleId.knowledge_item, **_LINK})

    id: uuid.UUID
    knowledge_item_id: uuid.UUID
    target_type: str
    target_id: uuid.UUID


class AttachmentRead(ReadModel):
    model_config = examples(_ATTACHMENT)

    id: uuid.UUID
    knowledge_item_id: uuid.UUID
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    created_at: datetime
    download_url: str


class KnowledgeItemRead(ReadModel):
    model_config = examples(_ITEM)

    id: uuid.UUID
    roundtable_id: uuid.UUID | None = Field(description="None: the shared library.")
    kind: KnowledgeKind
    title: str
    body: str = Field(description="Markdown.")
    summary: str
    tags: list[str]
    language: Language
    authors: list[str]
    url: str | None
    visibility: KnowledgeVisibility
    created_by_user_id: uuid.UUID | None
    revision: int
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int = VERSION
    links: list[KnowledgeLinkRef] = Field(default_factory=list)
    attachments: list[AttachmentRead] = Field(default_factory=list)


class KnowledgeItemSummary(ReadModel):
    model_config = examples(_ITEM_SUMMARY)

    id: uuid.UUID
    roundtable_id: uuid.UUID | None
    kind: KnowledgeKind
    title: str
    summary: str
    tags: list[str]
    language: Language
    visibility: KnowledgeVisibility
    revision: int
    archived_at: datetime | None
    updated_at: datetime
    version: int


class KnowledgeItemPage(Page[KnowledgeItemSummary]):
    model_config = page_examples(_ITEM_SUMMARY)


class KnowledgeItemCreate(RequestBody):
    model_config = examples(
        {
            "roundtable_id": ExampleId.roundtable,
            "kind": "position_paper",
            "title": _DRAFT_TITLE,
            "body": _DRAFT_BODY,
            "summary": _SUMMARY,
            "tags": ["תמיכות", "שקיפות"],
            "language": "he",
            "authors": ["תמר אלקיים", "שתיל"],
            "url": None,
            "visibility": "roundtable",
            "links": [_LINK],
        },
        {
            "roundtable_id": None,
            "kind": "link",
            "title": "Co-designing public services with civil society: a practical guide",
            "body": "",
            "summary": "A practical guide to involving civil society organisations in designing public services.",
            "tags": ["co-design", "public-services"],
            "language": "en",
            "authors": ["Shitufim facilitation team"],
            "url": "https://oecd-opsi.org",
            "visibility": "public",
            "links": [],
        },
    )

    roundtable_id: uuid.UUID | None = Field(default=None, description="Omit for the shared library.")
    kind: KnowledgeKind
    title: ShownName = Field(min_length=1, max_length=300)
    body: str = Field(default="", max_length=500_000)
    summary: str = Field(default="", max_length=5_000)
    tags: list[str] = TAGS
    language: Language
    authors: list[str] = Field(default_factory=list, max_length=30)
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")
    visibility: KnowledgeVisibility = KnowledgeVisibility.roundtable
    links: list[KnowledgeLinkRef] = Field(default_factory=list, max_length=50)


class KnowledgeItemUpdate(PatchBody):
    model_config = examples(
        {
            "kind": "position_paper",
            "title": _TITLE,
            "body": _BODY,
            "summary": _SUMMARY,
            "tags": ["תמיכות", "שקיפות"],
            "language": "he",
            "authors": ["תמר אלקיים", "שתיל"],
            "url": None,
            "visibility": "roundtable",
            "links": [_LINK],
        },
        {"title": _TITLE, "body": _BODY},
    )

    kind: KnowledgeKind = Field(default=None)
    title: ShownName = Field(default=None, min_length=1, max_length=300)
    body: str = Field(default=None, max_length=500_000)
    summary: str = Field(default=None, max_length=5_000)
    tags: list[str] = Field(default=None, max_length=30)
    language: Language = Field(default=None)
    authors: list[str] = Field(default=None, max_length=30)
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")
    visibility: KnowledgeVisibility = Field(default=None)
    links: list[KnowledgeLinkRef] = Field(default=None, max_length=50)


class KnowledgeRevisionRead(ReadModel):
    model_config = examples(
        {
            "id": ExampleId.knowledge_revision,
            "knowledge_item_id": ExampleId.knowledge_item,
            "number": 2,
            "title": _TITLE,
            "body": _BODY,
            "summary": _SUMMARY,
            "created_by_user_id": ExampleId.user_member,
            "created_at": "2026-10-02T08:10:00Z",
        }
    )

    id: uuid.UUID
    knowledge_item_id: uuid.UUID
    number: int
    title: str
    body: str
    summary: str
    created_by_user_id: uuid.UUID | None
    created_at: datetime


class KnowledgeRevisionSummary(ReadModel):
    model_config = examples(_REVISION_SUMMARY)

    number: int
    title: str
    created_by_user_id: uuid.UUID | None
    created_at: datetime


class KnowledgeRevisionPage(Page[KnowledgeRevisionSummary]):
    model_config = examples(
        {
            "items": [
                _REVISION_SUMMARY,
                {
                    "number": 1,
                    "title": _DRAFT_TITLE,
                    "created_by_user_id": ExampleId.user_member,
                    "created_at": "2026-09-20T10:00:00Z",
                },
            ],
            "next_cursor": None,
        }
    )


class RevisionDiff(ReadModel):
    model_config = examples(
        {
            "from_number": 1,
            "to_number": 2,
            "title": f"--- title@1\n+++ title@2\n@@ -1 +1 @@\n-{_DRAFT_TITLE}\n+{_TITLE}\n",
            "body": "--- body@1\n+++ body@2\n@@ -4,4 +4,4 @@\n \n ## המלצות\n \n"
            f"-מבחני תמיכה אחידים.\n+{_RECOMMENDATION}\n",
            "summary": "",
        }
    )

    from_number: int
    to_number: int
    title: str = Field(description="Unified diff of the title.")
    body: str = Field(description="Unified diff of the body, line by line.")
    summary: str = Field(description="Unified diff of the summary.")
