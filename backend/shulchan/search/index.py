"""The search index's write side: one entry per searchable object, kept in step in the change's own
transaction. Generic on purpose: each domain builds its own entry (knowledge through its items'
`index` hook, see events.tracking), so search imports none of the domains it indexes."""

import uuid
from datetime import date

from sqlalchemy import delete, func, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.search.models import SearchEntry
from shulchan.search.text import expand_for_index

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
    indexed_title, indexed_body = expand_for_index(title), expand_for_index(body)
    if session.get_bind().dialect.name == "postgresql":
        entry.document = func.setweight(func.to_tsvector("english", indexed_title), literal_column("'A'")).op("||")(
            func.setweight(func.to_tsvector("english", indexed_body), literal_column("'B'"))
        )
        await session.flush()
        return
    await session.flush()
    await session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), {"id": entry.id})
    await session.execute(
        text("INSERT INTO search_fts (rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": entry.id, "title": indexed_title, "body": indexed_body},
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
