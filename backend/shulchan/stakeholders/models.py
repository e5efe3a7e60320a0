import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, TimestampMixin, VersionedMixin


class Stakeholder(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A person who takes part, whether or not they ever sign in."""

    __tablename__ = "stakeholders"

    full_name: Mapped[str] = mapped_column(String(200), index=True)
    full_name_en: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), unique=True)
