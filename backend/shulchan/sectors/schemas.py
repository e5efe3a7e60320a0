import uuid

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples

_SECTOR = {
    "id": ExampleId.sector_civil_society,
    "key": "civil_society",
    "name_he": "החברה האזרחית",
    "name_en": "Civil society",
    "colour": "#43a047",
    "position": 30,
    "version": 1,
}


class SectorRead(ReadModel):
    model_config = examples(_SECTOR)

    id: uuid.UUID
    key: str
    name_he: str
    name_en: str
    colour: str
    position: int
    version: int = Field(description="Send back as If-Match when changing this object.")


class SectorPage(Page[SectorRead]):
    model_config = page_examples(_SECTOR)


class SectorCreate(RequestBody):
    model_config = examples(
        {"key": "academia", "name_he": "האקדמיה", "name_en": "Academia", "colour": "#8e24aa", "position": 40}
    )

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{1,59}$", examples=["academia"])
    name_he: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    colour: str = Field(default="#607d8b", pattern=r"^#[0-9a-fA-F]{6}$")
    position: int = Field(default=100, ge=0, le=10_000)


class SectorUpdate(PatchBody):
    model_config = examples(
        {
            "name_he": "ארגוני החברה האזרחית",
            "name_en": "Civil society organisations",
            "colour": "#2e7d32",
            "position": 30,
        },
        {"colour": "#2e7d32"},
    )

    name_he: str = Field(default=None, min_length=1, max_length=120)
    name_en: str = Field(default=None, min_length=1, max_length=120)
    colour: str = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")
    position: int = Field(default=None, ge=0, le=10_000)
