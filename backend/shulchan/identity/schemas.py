import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from shulchan.access.permissions import ROLE_PERMISSIONS, Permission, PlatformPermission, Role
from shulchan.core.models import Language
from shulchan.core.pagination import Page
from shulchan.core.schemas import ExampleId, PatchBody, ReadModel, RequestBody, examples, page_examples

PASSWORD = Field(min_length=12, max_length=200, description="At least 12 characters.")

_USER = {
    "id": ExampleId.user_member,
    "email": "member@demo.shulchan.org",
    "full_name": "תמר אלקיים",
    "preferred_language": "he",
    "is_active": True,
    "is_platform_admin": False,
    "created_at": "2026-01-05T09:12:44Z",
    "version": 2,
}
_MEMBER_PERMISSIONS = sorted(permission.value for permission in ROLE_PERMISSIONS[Role.member])
_MY_SEAT = {
    "seat_id": ExampleId.seat_member,
    "role": "member",
    "sector_id": ExampleId.sector_civil_society,
    "started_on": "2018-02-01",
    "ended_on": None,
    "as_alternate": False,
}
_MY_ROUNDTABLE = {
    "roundtable_id": ExampleId.roundtable,
    "title": "השולחן העגול במשרד ראש הממשלה (השולחן הממשקי)",
    "title_en": "The Prime Minister's Office Roundtable (the interface roundtable)",
    "roles": ["member"],
    "permissions": _MEMBER_PERMISSIONS,
    "seats": [_MY_SEAT],
}


class UserRead(ReadModel):
    model_config = examples(_USER)

    id: uuid.UUID
    email: str
    full_name: str
    preferred_language: Language
    is_active: bool
    is_platform_admin: bool
    created_at: datetime
    version: int = Field(description="Send back as If-Match when changing this object.")


class UserPage(Page[UserRead]):
    model_config = page_examples(_USER)


class UserCreate(RequestBody):
    model_config = examples(
        {
            "email": "dana.levi@example.org",
            "full_name": "דנה לוי",
            "preferred_language": "he",
            "password": "Shulchan-Agol-2026!",
            "is_platform_admin": False,
        }
    )

    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    preferred_language: Language = Language.he
    password: str = PASSWORD
    is_platform_admin: bool = False


class UserUpdate(PatchBody):
    model_config = examples(
        {
            "full_name": "דנה לוי-כהן",
            "preferred_language": "en",
            "is_active": True,
            "is_platform_admin": False,
            "password": "New-Shulchan-Passphrase-2026",
        },
        {"is_active": False},
    )

    full_name: str = Field(default=None, min_length=1, max_length=200)
    preferred_language: Language = Field(default=None)
    is_active: bool = Field(default=None)
    is_platform_admin: bool = Field(default=None)
    password: str = Field(default=None, min_length=12, max_length=200)


class MeUpdate(PatchBody):
    model_config = examples({"full_name": "תמר אלקיים", "preferred_language": "en"}, {"preferred_language": "he"})

    full_name: str = Field(default=None, min_length=1, max_length=200)
    preferred_language: Language = Field(default=None)


class PasswordChange(RequestBody):
    model_config = examples({"current_password": "shulchan-demo", "new_password": "Tamar-Shulchan-Passphrase-2026"})

    current_password: str = Field(max_length=200)
    new_password: str = PASSWORD


class MySeat(ReadModel):
    model_config = examples(_MY_SEAT)

    seat_id: uuid.UUID
    role: Role
    sector_id: uuid.UUID
    started_on: date
    ended_on: date | None
    as_alternate: bool = Field(description="True when you hold this seat as the alternate.")


class MyRoundtable(ReadModel):
    model_config = examples(_MY_ROUNDTABLE)

    roundtable_id: uuid.UUID
    title: str
    title_en: str | None
    roles: list[Role]
    permissions: list[Permission]
    seats: list[MySeat]


class Me(UserRead):
    model_config = examples(
        {
            **_USER,
            "stakeholder_id": ExampleId.stakeholder_member,
            "platform_permissions": [],
            "roundtables": [_MY_ROUNDTABLE],
        }
    )

    stakeholder_id: uuid.UUID | None
    platform_permissions: list[PlatformPermission]
    roundtables: list[MyRoundtable]


_REFRESH_TOKEN = "EMNzWRnnDeAdWmBl-q-DI98YP-O8GOS5R03HrCLybYc"


class TokenPair(BaseModel):
    model_config = examples(
        {
            "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMWEyMjY3Mi1kZTU2LTc2NTEtOGRlYS1hZWMyM2V"
            "mMmUxMmIiLCJzaWQiOiIwMWEyMjY3My0xOWIyLTcwYjYtYmQ0OS1iMDMwMmZkNjI0MmIiLCJ0eXAiOiJhY2Nlc3MiLCJpYXQiOjE3OTE3"
            "OTU2MDAsImV4cCI6MTc5MTc5NjUwMH0.Q3b1p0bHy6JvX1m9sCq2k8RZx4dW7uTnE5aGfKoL0iM",
            "token_type": "bearer",
            "expires_in": 900,
            "refresh_token": _REFRESH_TOKEN,
        }
    )

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.", examples=[900])
    refresh_token: str = Field(description="Opaque; single use. Exchange it at /auth/refresh for a new pair.")


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"refresh_token": _REFRESH_TOKEN}]})

    refresh_token: str = Field(min_length=10, max_length=200)
