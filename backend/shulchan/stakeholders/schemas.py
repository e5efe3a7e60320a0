import uuid

from pydantic import EmailStr, Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples

_STAKEHOLDER = {
    "id": ExampleId.stakeholder_member,
    "full_name": "תמר אלקיים",
    "full_name_en": "Tamar Elkayam",
    "organisation_id": ExampleId.organisation_shatil,
    "organisation_name": "שתיל",
    "sector_id": ExampleId.sector_civil_society,
    "title": "מנהלת תחום מדיניות ושינוי חברתי",
    "email": "member@demo.shulchan.org",
    "phone": "+972-50-000-0003",
    "user_id": ExampleId.user_member,
    "version": 2,
}


class StakeholderRead(ReadModel):
    model_config = examples(_STAKEHOLDER)

    id: uuid.UUID
    full_name: str
    full_name_en: str | None
    organisation_id: uuid.UUID | None
    organisation_name: str | None
    sector_id: uuid.UUID | None = Field(description="The sector of the stakeholder's organisation.")
    title: str | None
    email: str | None = Field(description="Shown to admins, facilitators, hosts and the person themselves.")
    phone: str | None = Field(description="Shown to admins, facilitators, hosts and the person themselves.")
    user_id: uuid.UUID | None = Field(description="The linked sign-in, shown to admins and the person themselves.")
    version: int = Field(description="Send back as If-Match when changing this object.")


class StakeholderPage(Page[StakeholderRead]):
    model_config = page_examples(_STAKEHOLDER)


class StakeholderCreate(RequestBody):
    model_config = examples(
        {
            "full_name": "דנה לוי",
            "full_name_en": "Dana Levi",
            "organisation_id": ExampleId.organisation_shatil,
            "title": "רכזת שותפויות בין-מגזריות",
            "email": "dana.levi@example.org",
            "phone": "+972-52-555-0199",
            "user_id": None,
        }
    )

    full_name: str = Field(min_length=1, max_length=200, examples=["דנה לוי"])
    full_name_en: str | None = Field(default=None, max_length=200, examples=["Dana Levi"])
    organisation_id: uuid.UUID | None = None
    title: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9+\-() ]{3,40}$")
    user_id: uuid.UUID | None = Field(default=None, description="Link to a sign-in; platform admins only.")


class StakeholderUpdate(PatchBody):
    model_config = examples(
        {
            "full_name": "תמר אלקיים",
            "full_name_en": "Tamar Elkayam",
            "organisation_id": ExampleId.organisation_shatil,
            "title": "סמנכ״לית מדיניות",
            "email": "member@demo.shulchan.org",
            "phone": "+972-50-000-0003",
            "user_id": ExampleId.user_member,
        },
        {"title": "סמנכ״לית מדיניות"},
    )

    full_name: str = Field(default=None, min_length=1, max_length=200)
    full_name_en: str | None = Field(default=None, max_length=200)
    organisation_id: uuid.UUID | None = None
    title: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9+\-() ]{3,40}$")
    user_id: uuid.UUID | None = Field(default=None, description="Link to a sign-in; platform admins only.")
