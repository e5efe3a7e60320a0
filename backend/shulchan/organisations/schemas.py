import uuid

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
from shulchan.organisations.models import OrganisationKind

_ORGANISATION = {
    "id": ExampleId.organisation_shatil,
    "name": "שתיל",
    "name_en": "Shatil",
    "sector_id": ExampleId.sector_civil_society,
    "kind": "ngo",
    "website": "https://www.shatil.org.il",
    "version": 3,
}


class OrganisationRead(ReadModel):
    model_config = examples(_ORGANISATION)

    id: uuid.UUID
    name: str
    name_en: str | None
    sector_id: uuid.UUID
    kind: OrganisationKind
    website: str | None
    version: int = Field(description="Send back as If-Match when changing this object.")


class OrganisationPage(Page[OrganisationRead]):
    model_config = page_examples(_ORGANISATION)


class OrganisationCreate(RequestBody):
    model_config = examples(
        {
            "name": "משרד החינוך",
            "name_en": "Ministry of Education",
            "sector_id": ExampleId.sector_government,
            "kind": "ministry",
            "website": "https://www.gov.il/he/departments/ministry_of_education",
        }
    )

    name: str = Field(min_length=1, max_length=200, examples=["משרד החינוך"])
    name_en: str | None = Field(default=None, max_length=200, examples=["Ministry of Education"])
    sector_id: uuid.UUID
    kind: OrganisationKind
    website: str | None = Field(default=None, max_length=300, pattern=r"^https?://")


class OrganisationUpdate(PatchBody):
    model_config = examples(
        {
            "name": "שתיל – ארגון תמיכה לחברה האזרחית",
            "name_en": "Shatil – Civil Society Support Organisation",
            "sector_id": ExampleId.sector_civil_society,
            "kind": "ngo",
            "website": "https://www.shatil.org.il",
        },
        {"website": None},
    )

    name: str = Field(default=None, min_length=1, max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    sector_id: uuid.UUID = Field(default=None)
    kind: OrganisationKind = Field(default=None)
    website: str | None = Field(default=None, max_length=300, pattern=r"^https?://")
