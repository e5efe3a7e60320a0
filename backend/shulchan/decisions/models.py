"""Decisions reached at a roundtable, each seat's endorsement of them, and the action items they produce."""

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.access import visibility
from shulchan.core.models import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, str_enum, utcnow


class DecisionKind(StrEnum):
    understanding = "understanding"
    agreement = "agreement"
    recommendation = "recommendation"
    policy_decision = "policy_decision"


class DecisionStatus(StrEnum):
    proposed = "proposed"
    in_discussion = "in_discussion"
    agreed = "agreed"
    adopted = "adopted"
    implemented = "implemented"
    rejected = "rejected"
    withdrawn = "withdrawn"


class EndorsementPosition(StrEnum):
    supports = "supports"
    reservations = "reservations"
    objects = "objects"


class ActionItemStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"


class Decision(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_roundtable_id_id", "roundtable_id", "id"),)

    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"))
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    kind: Mapped[DecisionKind] = mapped_column(str_enum(DecisionKind, "decision_kind"))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[DecisionStatus] = mapped_column(
        str_enum(DecisionStatus, "decision_status"), default=DecisionStatus.proposed
    )
    proposed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    adopted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    adopted_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    adoption_reference: Mapped[str | None] = mapped_column(String(300))


class DecisionGoal(Base):
    __tablename__ = "decision_goals"

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True)
    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True)


class DecisionEvent(IdMixin, Base):
    """The decision's own history: every status change, who made it and why."""

    __tablename__ = "decision_events"

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Endorsement(IdMixin, TimestampMixin, Base):
    __tablename__ = "endorsements"
    __table_args__ = (UniqueConstraint("decision_id", "seat_id"),)

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"))
    seat_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"), index=True)
    position: Mapped[EndorsementPosition] = mapped_column(str_enum(EndorsementPosition, "endorsement_position"))
    comment: Mapped[str | None] = mapped_column(String(2000))
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ActionItem(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "action_items"
    __table_args__ = (
        Index("ix_action_items_roundtable_id_status", "roundtable_id", "status"),
        Index("ix_action_items_owner_stakeholder_id_status", "owner_stakeholder_id", "status"),
    )

    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"))
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_stakeholder_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stakeholders.id", ondelete="RESTRICT"))
    due_date: Mapped[date | None]
    status: Mapped[ActionItemStatus] = mapped_column(
        str_enum(ActionItemStatus, "action_item_status"), default=ActionItemStatus.open
    )
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- who may see these (DESIGN.md §3), registered with shulchan.access.visibility ----------------
# The seated see every decision of their roundtables, and only they write to one. The public also
# reads adopted decisions of public roundtables: a read-path clause (decisions.service), since that
# rule needs the roundtable's visibility, which a decision row does not carry.
visibility.register(Decision, "decision", visibility.seated())
visibility.register(Endorsement, "endorsement")
visibility.register(ActionItem, "action item", visibility.seated())
