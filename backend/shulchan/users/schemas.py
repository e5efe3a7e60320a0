import uuid
from datetime import date, datetime

from pydantic import EmailStr, Field

from shulchan.auth.permissions import Permission, PlatformPermission
from shulchan.core.pagination import Page
from shulchan.core.schemas import PatchBody, ReadModel, RequestBody
from shulchan.roundtables.models import Role
from shulchan.users.models import Language

PASSWORD = Field(min_length=12, max_length=200, description="At least 12 characters.")


class UserRead(ReadModel):
    id: uuid.UUID
    email: str
    full_name: str
    preferred_language: Language
    is_active: bool
    is_platform_admin: bool
    created_at: datetime
    version: int = Field(description="Send back as If-Match when changing this object.")


class UserPage(Page[UserRead]):
    pass


class UserCreate(RequestBody):
    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    preferred_language: Language = Language.he
    password: str = PASSWORD
    is_platform_admin: bool = False


class UserUpdate(PatchBody):
    full_name: str = Field(default=None, min_length=1, max_length=200)
    preferred_language: Language = Field(default=None)
    is_active: bool = Field(default=None)
    is_platform_admin: bool = Field(default=None)
    password: str = Field(default=None, min_length=12, max_length=200)


class MeUpdate(PatchBody):
    full_name: str = Field(default=None, min_length=1, max_length=200)
    preferred_language: Language = Field(default=None)


class PasswordChange(RequestBody):
    current_password: str = Field(max_length=200)
    new_password: str = PASSWORD


class MySeat(ReadModel):
    seat_id: uuid.UUID
    role: Role
    sector_id: uuid.UUID
    started_on: date
    ended_on: date | None
    as_alternate: bool = Field(description="True when you hold this seat as the alternate.")


class MyRoundtable(ReadModel):
    roundtable_id: uuid.UUID
    title: str
    title_en: str | None
    roles: list[Role]
    permissions: list[Permission]
    seats: list[MySeat]


class Me(UserRead):
    stakeholder_id: uuid.UUID | None
    platform_permissions: list[PlatformPermission]
    roundtables: list[MyRoundtable]
