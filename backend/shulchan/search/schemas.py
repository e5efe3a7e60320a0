import uuid
from datetime import date

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ReadModel


class SearchHit(ReadModel):
    entity_type: str = Field(examples=["knowledge_item", "decision", "minutes"])
    entity_id: uuid.UUID
    roundtable_id: uuid.UUID | None
    title: str
    kind: str
    language: str | None
    occurred_on: date | None
    score: float = Field(description="Higher is more relevant; comparable within one result list only.")
    snippet: str = Field(description="Plain text around the first match.")
    highlights: list[tuple[int, int]] = Field(description="[start, end) character offsets of matches in snippet.")


class SearchPage(Page[SearchHit]):
    pass
