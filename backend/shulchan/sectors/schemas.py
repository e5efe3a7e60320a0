import uuid

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody


class SectorRead(ReadModel):
    id: uuid.UUID
    key: str
    name_he: str
    name_en: str
    colour: str
    position: int
    version: int = Field(description="Send back as If-Match when changing this object.")


class SectorPage(Page[SectorRead]):
    pass


class SectorCreate(RequestBody):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{1,59}$", examples=["academia"])
    name_he: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    colour: str = Field(default="#607d8b", pattern=r"^#[0-9a-fA-F]{6}$")
    position: int = Field(default=100, ge=0, le=10_000)


class SectorUpdate(PatchBody):
    name_he: str = Field(default=None, min_length=1, max_length=120)
    name_en: str = Field(default=None, min_length=1, max_length=120)
    colour: str = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")
    position: int = Field(default=None, ge=0, le=10_000)
