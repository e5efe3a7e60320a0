import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BindParameter,
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    Select,
    String,
    Text,
    and_,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.access import visibility
from shulchan.access.permissions import Principal, Role
from shulchan.core.models import Base, IdMixin, TimestampMixin, VersionedMixin, str_enum


class RoundtableStatus(StrEnum):
    forming = "forming"
    active = "active"
    paused = "paused"
    concluded = "concluded"


class Visibility(StrEnum):
    public = "public"
    internal = "internal"


class GoalStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    achieved = "achieved"
    dropped = "dropped"


class Roundtable(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "roundtables"
    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on", name="dates_ordered"),
    )

    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    host_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[RoundtableStatus] = mapped_column(
        str_enum(RoundtableStatus, "roundtable_status"),
        default=RoundtableStatus.forming,
    )
    visibility: Mapped[Visibility] = mapped_column(str_enum(Visibility, "visibility"), default=Visibility.internal)
    policy_area: Mapped[str | None] = mapped_column(String(200))
    founding_reference: Mapped[str | None] = mapped_column(String(300))
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]


class Goal(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "goals"

    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[GoalStatus] = mapped_column(str_enum(GoalStatus, "goal_status"), default=GoalStatus.open)
    target_date: Mapped[date | None]


# A person holds at most one open-ended seat at a roundtable, whoever races to make a second: the
# database refuses it (409 seat_overlaps), not only the overlap check in the service.
ONE_OPEN_SEAT = Index(
    "ix_seats_roundtable_id_stakeholder_id_open",
    "roundtable_id",
    "stakeholder_id",
    unique=True,
    sqlite_where=text("ended_on IS NULL"),
    postgresql_where=text("ended_on IS NULL"),
)


class Seat(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A stakeholder's place at a roundtable, in one role and one sector, for a period."""

    __tablename__ = "seats"
    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="dates_ordered"),
        CheckConstraint(
            "alternate_stakeholder_id IS NULL OR alternate_stakeholder_id <> stakeholder_id", name="alternate_differs"
        ),
        Index("ix_seats_roundtable_id_role", "roundtable_id", "role"),
        ONE_OPEN_SEAT,
    )

    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"))
    stakeholder_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stakeholders.id", ondelete="RESTRICT"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "seat_role"))
    sector_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sectors.id", ondelete="RESTRICT"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    alternate_stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(String(500))

    @classmethod
    def held_on(cls, day: date | BindParameter[date]) -> ColumnElement[bool]:
        """Seats held on that day: started by then and not ended before it."""
        return and_(cls.started_on <= day, or_(cls.ended_on.is_(None), cls.ended_on >= day))


# --- who may see these (DESIGN.md §3), registered with shulchan.access.visibility ----------------


def can_see_roundtable(principal: Principal, roundtable: Roundtable) -> bool:
    return roundtable.visibility == Visibility.public or principal.is_admin or roundtable.id in principal.roles


def visible_roundtables_clause(principal: Principal) -> ColumnElement[bool]:
    """A WHERE clause on `Roundtable` keeping what the principal may see: the list form of the rule."""
    if principal.is_admin:
        return true()
    return or_(Roundtable.visibility == Visibility.public, Roundtable.id.in_(list(principal.roles)))


def public_roundtable_ids() -> Select[Any]:
    return select(Roundtable.id).where(Roundtable.visibility == Visibility.public)


visibility.register(Roundtable, "roundtable", can_see_roundtable)
visibility.register(Goal, "goal")
visibility.register(Seat, "seat")
