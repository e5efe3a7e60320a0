from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, TimestampMixin, VersionedMixin, str_enum


class Language(StrEnum):
    he = "he"
    en = "en"


class User(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    preferred_language: Mapped[Language] = mapped_column(str_enum(Language, "language"), default=Language.he)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    is_platform_admin: Mapped[bool] = mapped_column(default=False)
