"""The search index's write side: one entry per searchable object, kept in step in the change's own
transaction. Generic on purpose: each domain builds its own entry (knowledge through its items'
`index` hook, see events.tracking), so search imports none of the domains it indexes."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, delete, func, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.search import analysis
from shulchan.search.analysis import IndexedText
from shulchan.search.models import SearchEntry

TEXT_LIMIT = 100_000  # characters of body indexed per entry; enough for any paper's substance


async def upsert(
    session: AsyncSession,
    *,
    entity_type: str,
    entity_id: uuid.UUID,
    roundtable_id: uuid.UUID | None,
    level: str,
    kind: str,
    language: str | None,
    tags: list[str],
    title: str,
    body: str,
    occurred_on: date | None,
    hidden: bool,
) -> None:
    body = body[:TEXT_LIMIT]
    entry = await session.scalar(
        select(SearchEntry).where(SearchEntry.entity_type == entity_type, SearchEntry.entity_id == entity_id)
    )
    if entry is None:
        entry = SearchEntry(entity_type=entity_type, entity_id=entity_id)
        session.add(entry)
    entry.roundtable_id = roundtable_id
    entry.level = level
    entry.kind = kind
    entry.language = language
    entry.tags = " ".join(f"|{tag}|" for tag in tags)
    entry.title = title
    entry.text = body
    entry.occurred_on = occurred_on
    entry.hidden = hidden
    indexed_title, indexed_body = await analysis.current().index_texts(title, body)
    if session.get_bind().dialect.name == "postgresql":
        entry.document = postgres_document(indexed_title, indexed_body)
        await session.flush()
        return
    await session.flush()
    await session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), {"id": entry.id})
    await session.execute(text(FTS_INSERT), fts_row(entry.id, indexed_title, indexed_body))


FTS_INSERT = (
    "INSERT INTO search_fts (rowid, title, body, title_lemmas, body_lemmas, title_splits, body_splits) "
    "VALUES (:id, :title, :body, :title_lemmas, :body_lemmas, :title_splits, :body_splits)"
)


def fts_row(entry_id: int, title: IndexedText, body: IndexedText) -> dict[str, object]:
    """SQLite: each level in columns of its own, so that bm25 weighs them (search.service)."""
    return {
        "id": entry_id,
        "title": title.surface,
        "body": body.surface,
        "title_lemmas": title.lemmas,
        "body_lemmas": body.lemmas,
        "title_splits": title.splits,
        "body_splits": body.splits,
    }


def postgres_document(title: IndexedText, body: IndexedText) -> ColumnElement[Any]:
    """PostgreSQL: one tsvector, the title weighted A and the body B; levels are told apart by the marks."""
    return func.setweight(func.to_tsvector("english", title.joined()), literal_column("'A'")).op("||")(
        func.setweight(func.to_tsvector("english", body.joined()), literal_column("'B'"))
    )


async def remove(session: AsyncSession, entity_type: str, entity_id: uuid.UUID) -> None:
    entry_id = await session.scalar(
        select(SearchEntry.id).where(SearchEntry.entity_type == entity_type, SearchEntry.entity_id == entity_id)
    )
    if entry_id is None:
        return
    if session.get_bind().dialect.name != "postgresql":
        await session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), {"id": entry_id})
    await session.execute(delete(SearchEntry).where(SearchEntry.id == entry_id))
