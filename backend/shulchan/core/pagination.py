"""Keyset pagination: opaque cursors over a documented sort, so a page costs the same at any depth."""

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import BigInteger, ColumnElement, Select, SmallInteger, TypeDecorator, literal, tuple_
from sqlalchemy.orm import InstrumentedAttribute

from shulchan.core.errors import InvalidCursor
from shulchan.core.models import storable_text

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50

ItemT = TypeVar("ItemT")
SelectT = TypeVar("SelectT", bound=Select)


class Page(BaseModel, Generic[ItemT]):
    items: list[ItemT]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")


UpdatedSince = Annotated[
    datetime | None,
    Query(
        description="Only objects whose `updated_at` is at or after this instant. For a sync that must miss "
        "nothing (deletions included) read the change feed, `GET /api/v1/events`: `updated_at` is the "
        "writer's clock, not the order in which changes were committed."
    ),
]


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None


async def page_params(  # async: a plain def would cost a threadpool hop per request
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size, at most 200.")] = DEFAULT_PAGE_SIZE,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.", max_length=1024)] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


@dataclass(frozen=True)
class SortKey:
    """One documented sort: the columns ordered on, the last being unique (the id) as tie-breaker."""

    columns: Sequence[InstrumentedAttribute[Any] | ColumnElement[Any]]
    # True when the query selects (entity, extra columns…): the values are read off the entity.
    entity_first: bool = False

    def values_of(self, row: Any) -> list[Any]:
        source = row[0] if self.entity_first else row
        return [getattr(source, _name(column)) for column in self.columns]

    def for_rows(self) -> "SortKey":
        return SortKey(self.columns, entity_first=True)


def _name(column: Any) -> str:
    return str(column.key)


def _encode_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        if tag == "u":
            return uuid.UUID(raw)
        if tag == "t":
            return datetime.fromisoformat(raw)
        if tag == "d":
            return date.fromisoformat(raw)
    if isinstance(value, dict | list):
        raise ValueError("unexpected value in cursor")
    return value


def encode_cursor(sort: str, values: Sequence[Any]) -> str:
    raw = json.dumps([sort, [_encode_value(value) for value in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, width: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, values = json.loads(raw)
        decoded = [_decode_value(value) for value in values]
    except (binascii.Error, ValueError, TypeError, AttributeError, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidCursor("The cursor is not one this API issued.") from exc
    if cursor_sort != sort or len(decoded) != width:
        raise InvalidCursor("The cursor belongs to another sort order; start again without a cursor.")
    return decoded


def _after(columns: Sequence[Any], values: Sequence[Any], descending: bool) -> ColumnElement[bool]:
    """Rows past the cursor, as one row-value comparison: (a, id) > (:a, :id).

    Unlike the equivalent OR of ANDs, a row value is an index range to both databases, so a deep
    page starts where the index says instead of scanning every row before it.
    """
    if len(columns) == 1:
        return columns[0] < values[0] if descending else columns[0] > values[0]
    left = tuple_(*columns)
    right = tuple_(*(literal(value, type_=column.type) for column, value in zip(columns, values, strict=True)))
    return left < right if descending else left > right


def _check_types(columns: Sequence[Any], values: Sequence[Any]) -> None:
    """A cursor's values must fit its columns, or the database (not the caller) would be blamed with a 500."""
    for column, value in zip(columns, values, strict=True):
        column_type = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
        try:
            expected = column_type.python_type
        except NotImplementedError:
            continue
        # Exactly the type: a datetime is a date and a bool an int, but neither fits the other's column.
        if value is not None and (type(value) is not expected or not _storable(column_type, value)):
            raise InvalidCursor("The cursor is not one this API issued.")


def _storable(column_type: Any, value: Any) -> bool:
    """Values the databases refuse outright: NUL inside text, integers wider than the column,
    naive times or times that leave the calendar when moved to UTC."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, int):
        bits = 64 if isinstance(column_type, BigInteger) else 16 if isinstance(column_type, SmallInteger) else 32
        return -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)
    if isinstance(value, datetime):
        try:
            return value.tzinfo is not None and value.astimezone(UTC) is not None
        except OverflowError:
            return False
    return True


def apply_keyset(stmt: SelectT, key: SortKey, sort: str, params: PageParams) -> SelectT:
    """Order `stmt` by the sort key, start after the cursor, fetch one row more than the page."""
    descending = sort.startswith("-")
    if params.cursor:
        values = decode_cursor(params.cursor, sort, len(key.columns))
        _check_types(key.columns, values)
        stmt = stmt.where(_after(key.columns, values, descending))
    order = [column.desc() if descending else column.asc() for column in key.columns]
    return stmt.order_by(*order).limit(params.limit + 1)


def split_page(rows: Sequence[ItemT], key: SortKey, sort: str, params: PageParams) -> tuple[list[ItemT], str | None]:
    """The page's rows and the cursor for the next page (None when this was the last)."""
    items = list(rows[: params.limit])
    if len(rows) <= params.limit:
        return items, None
    return items, encode_cursor(sort, key.values_of(items[-1]))


PageDep = Annotated[PageParams, Depends(page_params)]
