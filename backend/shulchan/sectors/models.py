from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.core.models import Base, IdMixin, TimestampMixin, VersionedMixin


class Sector(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "sectors"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    name_he: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    colour: Mapped[str] = mapped_column(String(7), default="#607d8b")
    position: Mapped[int] = mapped_column(default=100)
