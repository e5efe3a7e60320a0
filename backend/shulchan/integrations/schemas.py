import uuid
from datetime import datetime

from pydantic import ConfigDict, Field, field_validator

from shulchan.access.permissions import Role
from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples
from shulchan.integrations.models import ApiTokenKind
from shulchan.integrations.scopes import Scope

_TOKEN_ID = "01a22672-e101-7000-8000-00000000a001"
_SERVICE_ACCOUNT_ID = "01a22672-e101-7000-8000-00000000a002"
_PERSONAL_TOKEN = {
    "id": _TOKEN_ID,
    "kind": "personal",
    "name": "Nightly decisions sync",
    "hint": "shl_pat_7Hq2",
    "scopes": ["meetings:read", "decisions:read"],
    "user_id": "01a22672-ddf7-71c5-9200-59c79d09cd70",
    "service_account_id": None,
    "created_at": "2026-03-01T09:00:00Z",
    "expires_at": "2026-05-30T09:00:00Z",
    "last_used_at": "2026-03-02T02:00:04Z",
    "revoked_at": None,
}
_SERVICE_TOKEN = {
    **_PERSONAL_TOKEN,
    "kind": "service",
    "name": "Warehouse sync",
    "hint": "shl_sa_Qw8r",
    "user_id": None,
    "service_account_id": _SERVICE_ACCOUNT_ID,
}
_SERVICE_ACCOUNT = {
    "id": _SERVICE_ACCOUNT_ID,
    "name": "PMO data warehouse",
    "description": "Mirrors the PMO roundtable into the ministry's warehouse every night.",
    "is_active": True,
    "grants": [{"roundtable_id": ExampleId.roundtable, "role": "observer"}],
    "created_at": "2026-03-01T08:55:00Z",
    "updated_at": "2026-03-01T08:55:00Z",
    "version": 1,
}
MAX_TOKEN_DAYS = 366


class ApiTokenRead(ReadModel):
    """An API token as listed: never the token itself, which is shown once, when it is created."""

    model_config = examples(_PERSONAL_TOKEN)

    id: uuid.UUID
    kind: ApiTokenKind
    name: str
    hint: str = Field(description="The token's first characters, to recognise it (e.g. in a secret scanner's report).")
    scopes: list[str]
    user_id: uuid.UUID | None = Field(description="The person a personal token acts for.")
    service_account_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None = Field(description="Updated at most every five minutes.")
    revoked_at: datetime | None


class ApiTokenPage(Page[ApiTokenRead]):
    model_config = page_examples(_PERSONAL_TOKEN, {**_PERSONAL_TOKEN, "revoked_at": "2026-03-03T10:00:00Z"})


class ApiTokenCreated(ApiTokenRead):
    model_config = examples({**_SERVICE_TOKEN, "token": "shl_sa_Qw8rT1b9kLm2Zx4Vc7Np0Hs5Jd3Fg6Ya8Ue2Ri1"})

    token: str = Field(description="Shown this once; only its hash is kept. Send as `Authorization: Bearer …`.")


class ApiTokenCreate(RequestBody):
    model_config = examples(
        {"name": "Nightly decisions sync", "scopes": ["meetings:read", "decisions:read"], "expires_in_days": 90}
    )

    name: str = Field(min_length=1, max_length=120)
    scopes: list[Scope] = Field(min_length=1, description="Only narrow what the owner may do; never widen it.")
    expires_in_days: int = Field(default=90, ge=1, le=MAX_TOKEN_DAYS)

    @field_validator("scopes")
    @classmethod
    def distinct(cls, scopes: list[Scope]) -> list[Scope]:
        return sorted(set(scopes))


class RoundtableGrant(RequestBody):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={"examples": [{"roundtable_id": ExampleId.roundtable, "role": "observer"}]},
    )

    roundtable_id: uuid.UUID
    role: Role = Field(description="observer, member or host: a machine never facilitates (nor reads process notes).")


class ServiceAccountRead(ReadModel):
    model_config = examples(_SERVICE_ACCOUNT)

    id: uuid.UUID
    name: str
    description: str
    is_active: bool
    grants: list[RoundtableGrant]
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="Send back as If-Match when changing this object.")


class ServiceAccountPage(Page[ServiceAccountRead]):
    model_config = page_examples(_SERVICE_ACCOUNT)


def _checked_grants(grants: list[RoundtableGrant]) -> list[RoundtableGrant]:
    if any(grant.role == Role.facilitator for grant in grants):
        raise ValueError("a service account may be observer, member or host, not facilitator")
    if len({grant.roundtable_id for grant in grants}) != len(grants):
        raise ValueError("one grant per roundtable")
    return grants


class ServiceAccountCreate(RequestBody):
    model_config = examples(
        {
            "name": "PMO data warehouse",
            "description": "Mirrors the PMO roundtable into the ministry's warehouse every night.",
            "grants": [{"roundtable_id": ExampleId.roundtable, "role": "observer"}],
        }
    )

    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=1000)
    grants: list[RoundtableGrant] = Field(default_factory=list, max_length=200)

    _grants = field_validator("grants")(_checked_grants)


class ServiceAccountUpdate(PatchBody):
    model_config = examples(
        {
            "name": "PMO data warehouse",
            "description": "Mirrors the PMO roundtable, with drafts and attendance, every night.",
            "is_active": True,
            "grants": [{"roundtable_id": ExampleId.roundtable, "role": "host"}],
        },
        {"is_active": False},
    )

    name: str = Field(default=None, min_length=1, max_length=120)
    description: str = Field(default=None, max_length=1000)
    is_active: bool = Field(default=None, description="False stops every token of the account at once.")
    grants: list[RoundtableGrant] = Field(default=None, max_length=200, description="Replaces the grants.")

    _grants = field_validator("grants")(_checked_grants)
