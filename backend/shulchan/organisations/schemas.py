import uuid

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.organisations.models import OrganisationKind


class OrganisationRead(ReadModel):
    id: uuid.UUID
    name: str
    name_en: str | None
    sector_id: uuid.UUID
    kind: OrganisationKind
    website: str | None
    version: int = Field(description="Send back as If-Match when changing this object.")


class OrganisationPage(Page[OrganisationRead]):
    pass


class OrganisationCreate(RequestBody):
    name: str = Field(min_length=1, max_length=200, examples=["משרד החינוך"])
    name_en: str | None = Field(default=None, max_length=200, examples=["Ministry of Education"])
    sector_id: uuid.UUID
    kind: OrganisationKind
    website: str | None = Field(default=None, max_length=300, pattern=r"^https?://")


class OrganisationUpdate(PatchBody):
    name: str = Field(default=None, min_length=1, max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    sector_id: uuid.UUID = Field(default=None)
    kind: OrganisationKind = Field(default=None)
    website: str | None = Field(default=None, max_length=300, pattern=r"^https?://")
