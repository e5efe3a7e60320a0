"""Declarative base, naming convention and the column types every domain shares."""

import os
import threading
import time
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def storable_text(text: str) -> bool:
    """Whether both databases can store `text`: PostgreSQL refuses NUL, and a lone UTF-16 surrogate
    (which JSON's \\ud800 escape can carry) is not UTF-8 at all."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_RANDOM_BITS = 74  # rand_a (12 bits) and rand_b (62 bits) of RFC 9562
_uuid7_lock = threading.Lock()
_uuid7_last = (0, 0)  # (milliseconds, random part) of the last id made in this process


def uuid7() -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 v7), so that ordering by id is ordering by creation.

    Within one millisecond (or if the clock steps back) the random part of the previous id is
    incremented (RFC 9562 §6.2, method 2), so ids made one after another in a process always sort
    in the order they were made: several rows added in one flush keep their order.
    """
    global _uuid7_last
    millis = time.time_ns() // 1_000_000
    # A fresh random part leaves its top bit clear, so increments have room before they carry.
    fresh = int.from_bytes(os.urandom(10), "big") >> (80 - _RANDOM_BITS + 1)
    with _uuid7_lock:
        last_millis, last_random = _uuid7_last
        if millis > last_millis:
            random_part = fresh
        else:
            millis, random_part = last_millis, last_random + 1
            if random_part >> _RANDOM_BITS:
                millis, random_part = millis + 1, fresh
        _uuid7_last = (millis, random_part)
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (random_part >> 62) << 64
    value |= 0b10 << 62
    value |= random_part & ((1 << 62) - 1)
    return uuid.UUID(int=value)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC; SQLite hands them back aware too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class VersionedMixin:
    """A version counter for optimistic concurrency: ETag on read, If-Match on write."""

    version: Mapped[int] = mapped_column(server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy bumps the counter and adds "WHERE version = :old" to every UPDATE, so two
        # writers racing past the If-Match check still cannot overwrite each other.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def str_enum(enum_class: type[StrEnum], name: str) -> Enum:
    """A string column holding an enum's values, with a named CHECK constraint on both databases."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class) + 10,
        values_callable=lambda members: [member.value for member in members],
    )


class Language(StrEnum):
    """The languages a person reads Shulchan in (and content is written in)."""

    he = "he"
    en = "en"
