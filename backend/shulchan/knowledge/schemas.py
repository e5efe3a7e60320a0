import uuid
from datetime import datetime

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.knowledge.models import KnowledgeKind, KnowledgeVisibility
from shulchan.users.models import Language

VERSION = Field(description="Send back as If-Match when changing this object.")
TAGS = Field(default_factory=list, max_length=30, description="Free tags, e.g. employment, periphery.")


class KnowledgeLinkRef(ReadModel):
    target_type: str = Field(pattern=r"^(meeting|agenda_item|decision)$")
    target_id: uuid.UUID


class AttachmentRead(ReadModel):
    id: uuid.UUID
    knowledge_item_id: uuid.UUID
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    created_at: datetime
    download_url: str


class KnowledgeItemRead(ReadModel):
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
    pass


class KnowledgeItemCreate(RequestBody):
    roundtable_id: uuid.UUID | None = Field(default=None, description="Omit for the shared library.")
    kind: KnowledgeKind
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(default="", max_length=500_000)
    summary: str = Field(default="", max_length=5_000)
    tags: list[str] = TAGS
    language: Language
    authors: list[str] = Field(default_factory=list, max_length=30)
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")
    visibility: KnowledgeVisibility = KnowledgeVisibility.roundtable
    links: list[KnowledgeLinkRef] = Field(default_factory=list, max_length=50)


class KnowledgeItemUpdate(PatchBody):
    kind: KnowledgeKind = Field(default=None)
    title: str = Field(default=None, min_length=1, max_length=300)
    body: str = Field(default=None, max_length=500_000)
    summary: str = Field(default=None, max_length=5_000)
    tags: list[str] = Field(default=None, max_length=30)
    language: Language = Field(default=None)
    authors: list[str] = Field(default=None, max_length=30)
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")
    visibility: KnowledgeVisibility = Field(default=None)
    links: list[KnowledgeLinkRef] = Field(default=None, max_length=50)


class KnowledgeRevisionRead(ReadModel):
    id: uuid.UUID
    knowledge_item_id: uuid.UUID
    number: int
    title: str
    body: str
    summary: str
    created_by_user_id: uuid.UUID | None
    created_at: datetime


class KnowledgeRevisionSummary(ReadModel):
    number: int
    title: str
    created_by_user_id: uuid.UUID | None
    created_at: datetime


class KnowledgeRevisionPage(Page[KnowledgeRevisionSummary]):
    pass


class RevisionDiff(ReadModel):
    from_number: int
    to_number: int
    title: str = Field(description="Unified diff of the title.")
    body: str = Field(description="Unified diff of the body, line by line.")
    summary: str = Field(description="Unified diff of the summary.")
