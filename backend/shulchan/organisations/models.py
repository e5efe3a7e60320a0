import uuid
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, TimestampMixin, VersionedMixin, str_enum


class OrganisationKind(StrEnum):
    ministry = "ministry"
    company = "company"
    foundation = "foundation"
    ngo = "ngo"
    university = "university"
    municipality = "municipality"
    other = "other"


class Organisation(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(200), index=True)
    name_en: Mapped[str | None] = mapped_column(String(200))
    sector_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sectors.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind, "organisation_kind"))
    website: Mapped[str | None] = mapped_column(String(300))
