"""Machine identities: service accounts (bound by an admin to named roundtables with a role) and the
API tokens that act for them or for a person (personal access tokens).

A token is stored only as its SHA-256 (it is 190 random bits, so a fast hash is enough; argon2 would
cost every request tens of milliseconds for nothing). Revoking keeps the row, so the audit trail and
`last_used_at` still say what the token did.
"""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shulchan.access.permissions import Role
from shulchan.core.models import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, str_enum, utcnow


class ServiceAccount(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A ministry system or other machine caller; it sees what its grants' roles see, never more."""

    __tablename__ = "service_accounts"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(String(1000), default="")
    is_active: Mapped[bool] = mapped_column(default=True)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ServiceAccountGrant(IdMixin, Base):
    """One roundtable a service account may read, and as which role (its seat, for a machine)."""

    __tablename__ = "service_account_grants"
    __table_args__ = (UniqueConstraint("service_account_id", "roundtable_id"),)

    service_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("service_accounts.id", ondelete="CASCADE"), index=True
    )
    roundtable_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roundtables.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "service_account_role"))


class ApiTokenKind(StrEnum):
    personal = "personal"  # a person's own, for their scripts: acts as them, narrowed by its scopes
    service = "service"  # a service account's


class ApiToken(IdMixin, Base):
    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'personal' AND user_id IS NOT NULL AND service_account_id IS NULL)"
            " OR (kind = 'service' AND service_account_id IS NOT NULL AND user_id IS NULL)",
            name="one_owner",
        ),
    )

    kind: Mapped[ApiTokenKind] = mapped_column(str_enum(ApiTokenKind, "api_token_kind"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    service_account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The token's first characters (prefix and a few random ones): enough to recognise it in a list or
    # a secret scanner's report, far too few to use.
    hint: Mapped[str] = mapped_column(String(24))
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
