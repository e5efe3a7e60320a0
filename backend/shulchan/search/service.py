"""Ranked full-text search over everything the caller may see, in Hebrew and English."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, column, func, literal_column, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Principal
from shulchan.access.visibility import visible_content_clause
from shulchan.core.errors import InvalidCursor, UnprocessableEntity
from shulchan.core.pagination import PageParams, decode_cursor, encode_cursor
from shulchan.roundtables.models import public_roundtable_ids
from shulchan.search.models import SearchEntry
from shulchan.search.schemas import SearchHit
from shulchan.search.text import highlight_stems, query_terms, snippet

SORT_NAME = "relevance"
# What a hit needs; never the search vector itself, which is the largest column by far.
HIT_COLUMNS = (
    SearchEntry.id,
    SearchEntry.entity_type,
    SearchEntry.entity_id,
    SearchEntry.roundtable_id,
    SearchEntry.title,
    SearchEntry.text,
    SearchEntry.kind,
    SearchEntry.language,
    SearchEntry.occurred_on,
)
# SQLite's FTS5 table (made by migration 0002); not a model, since SQLAlchemy cannot create it.
SEARCH_FTS = table("search_fts", column("rowid"), column("title"), column("body"))


def _pg_query(groups: list[list[str]]) -> str:
    # Terms are word characters only (see search.text.words), so they are safe inside to_tsquery.
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def _fts5_query(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{form}"' for form in group) + ")" for group in groups)


def _is_number(value: object, types: tuple[type, ...]) -> bool:
    return isinstance(value, types) and not isinstance(value, bool)


async def search(
    session: AsyncSession,
    principal: Principal,
    query: str,
    params: PageParams,
    *,
    roundtable_id: uuid.UUID | None,
    entity_type: str | None,
    kind: str | None,
    tag: str | None,
    language: str | None,
    occurred_from: date | None,
    occurred_to: date | None,
) -> tuple[list[SearchHit], str | None]:
    groups = query_terms(query)
    if not groups:
        raise UnprocessableEntity("The query has no words to search for.", code="empty_query")
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        tsquery = func.to_tsquery("english", _pg_query(groups))
        score: ColumnElement[Any] = func.ts_rank_cd(SearchEntry.document, tsquery, 1).cast(Float)
        stmt = select(*HIT_COLUMNS, score.label("score")).where(SearchEntry.document.op("@@")(tsquery))
    else:
        score = (-func.bm25(literal_column("search_fts"), 10.0, 1.0)).label("score")
        stmt = (
            select(*HIT_COLUMNS, score)
            .select_from(SearchEntry)
            .join(SEARCH_FTS, SEARCH_FTS.c.rowid == SearchEntry.id)
            .where(literal_column("search_fts").op("MATCH")(_fts5_query(groups)))
        )
    stmt = stmt.where(
        SearchEntry.hidden.is_(False),
        visible_content_clause(principal, SearchEntry.roundtable_id, SearchEntry.level, public_roundtable_ids()),
    )
    if roundtable_id:
        stmt = stmt.where(SearchEntry.roundtable_id == roundtable_id)
    if entity_type:
        stmt = stmt.where(SearchEntry.entity_type == entity_type)
    if kind:
        stmt = stmt.where(SearchEntry.kind == kind)
    if language:
        stmt = stmt.where(SearchEntry.language == language)
    if tag:
        stmt = stmt.where(SearchEntry.tags.contains(f"|{tag.strip().lower()}|", autoescape=True))
    if occurred_from:
        stmt = stmt.where(SearchEntry.occurred_on >= occurred_from)
    if occurred_to:
        stmt = stmt.where(SearchEntry.occurred_on <= occurred_to)
    score_expression = score if postgres else -func.bm25(literal_column("search_fts"), 10.0, 1.0)
    if params.cursor:
        last_score, last_id = decode_cursor(params.cursor, SORT_NAME, 2)
        if not (_is_number(last_score, (int, float)) and _is_number(last_id, (int,))):
            raise InvalidCursor("The cursor is not one this API issued.")
        stmt = stmt.where(
            or_(score_expression < last_score, and_(score_expression == last_score, SearchEntry.id > last_id))
        )
    stmt = stmt.order_by(score_expression.desc(), SearchEntry.id).limit(params.limit + 1)
    rows = (await session.execute(stmt)).all()
    stems = highlight_stems(groups)
    hits = []
    for entry in rows[: params.limit]:
        entry_score = entry.score
        text_snippet, marks = snippet(entry.title + " — " + entry.text, stems)
        hits.append(
            SearchHit(
                entity_type=entry.entity_type,
                entity_id=entry.entity_id,
                roundtable_id=entry.roundtable_id,
                title=entry.title,
                kind=entry.kind,
                language=entry.language,
                occurred_on=entry.occurred_on,
                score=float(entry_score),
                snippet=text_snippet,
                highlights=marks,
            )
        )
    next_cursor = None
    if len(rows) > params.limit:
        last = rows[params.limit - 1]
        next_cursor = encode_cursor(SORT_NAME, [float(last.score), last.id])
    return hits, next_cursor
