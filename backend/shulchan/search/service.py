"""Ranked full-text search over everything the caller may see, in Hebrew and English."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, column, func, literal_column, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Principal
from shulchan.access.visibility import visible_content_clause
from shulchan.core.errors import InvalidCursor, UnprocessableEntity
from shulchan.core.pagination import PageParams, decode_cursor, encode_cursor
from shulchan.roundtables.models import public_roundtable_ids
from shulchan.search import analysis
from shulchan.search.analysis import MAX_QUERY_WORDS, Level, QueryWord, candidate_pattern
from shulchan.search.models import SearchEntry
from shulchan.search.schemas import SearchHit
from shulchan.search.text import highlight_stems, is_hebrew, normalised, snippet, words

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


# How much a match counts by the level it was found at: the word as typed, its lemma, behind prefixes.
LEVEL_WEIGHTS = {Level.surface: 1.0, Level.lemma: 0.5, Level.split: 0.25}
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0  # SQLite's bm25 per field; PostgreSQL weighs A (title) over B


def _pg_query(groups: list[list[str]]) -> str:
    # Terms are word characters only (see search.text.words), so they are safe inside to_tsquery.
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def _fts5_query(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{form}"' for form in group) + ")" for group in groups)


def _terms_at(query: list[QueryWord], level: Level) -> list[str]:
    return sorted({term for word in query for term, at in word.terms.items() if at == level})


def _pg_score(query: list[QueryWord]) -> ColumnElement[Any]:
    """The sum, over levels, of the document's rank for the query's terms at that level, weighted."""
    parts = [
        func.ts_rank(SearchEntry.document, func.to_tsquery("english", " | ".join(terms)), 1) * weight
        for level, weight in LEVEL_WEIGHTS.items()
        if (terms := _terms_at(query, level))
    ]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total.cast(Float)


def _fts5_weights() -> list[float]:
    # Column order of search_fts: title, body, title_lemmas, body_lemmas, title_splits, body_splits.
    return [field * LEVEL_WEIGHTS[level] for level in Level for field in (TITLE_WEIGHT, BODY_WEIGHT)]


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
) -> tuple[list[SearchHit], str | None, str | None]:
    """One page of hits, the next page's cursor, and for a query that found nothing, a corrected one."""
    filters = Filters(roundtable_id, entity_type, kind, tag, language, occurred_from, occurred_to)
    hits, next_cursor = await _search(session, principal, query, params, filters)
    did_you_mean = None
    if not hits and params.cursor is None:
        did_you_mean = await _correction(session, principal, query, filters)
    return hits, next_cursor, did_you_mean


@dataclass(frozen=True)
class Filters:
    roundtable_id: uuid.UUID | None
    entity_type: str | None
    kind: str | None
    tag: str | None
    language: str | None
    occurred_from: date | None
    occurred_to: date | None


async def _correction(session: AsyncSession, principal: Principal, query: str, filters: Filters) -> str | None:
    """The query with each Hebrew word hspell does not know replaced by its first suggestion that makes
    the query find something (the caller's filters and visibility apply)."""
    if analysis.current().legacy:
        return None  # the analyser before hspell offered none (the quality benchmark's "before")
    original = words(query)[:MAX_QUERY_WORDS]
    analyses = await analysis.current().analyse(original)
    misspelled = [word for word in original if is_hebrew(word) and not analyses[word].known]
    if not misspelled:
        return None
    morphology = analysis.current().morphology
    options = {word: await morphology.suggestions(word, limit=3) for word in misspelled}
    for attempt in range(3):
        corrected = [
            options[word][min(attempt, len(options[word]) - 1)] if options.get(word) else word for word in original
        ]
        if corrected == original:
            return None
        candidate = " ".join(corrected)
        hits, _ = await _search(session, principal, candidate, PageParams(limit=1, cursor=None), filters)
        if hits:
            return candidate
    return None


async def _search(
    session: AsyncSession, principal: Principal, query: str, params: PageParams, filters: Filters
) -> tuple[list[SearchHit], str | None]:
    roundtable_id, entity_type, kind, tag = filters.roundtable_id, filters.entity_type, filters.kind, filters.tag
    language, occurred_from, occurred_to = filters.language, filters.occurred_from, filters.occurred_to
    analysed = await analysis.current().query(query)
    groups = [list(word.terms) for word in analysed]
    if not groups:
        raise UnprocessableEntity("The query has no words to search for.", code="empty_query")
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        tsquery = func.to_tsquery("english", _pg_query(groups))
        score: ColumnElement[Any] = _pg_score(analysed)
        stmt = select(*HIT_COLUMNS, score.label("score")).where(SearchEntry.document.op("@@")(tsquery))
    else:
        score = (-func.bm25(literal_column("search_fts"), *_fts5_weights())).label("score")
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
    score_expression = score if postgres else -func.bm25(literal_column("search_fts"), *_fts5_weights())
    if params.cursor:
        last_score, last_id = decode_cursor(params.cursor, SORT_NAME, 2)
        if not (_is_number(last_score, (int, float)) and _is_number(last_id, (int,))):
            raise InvalidCursor("The cursor is not one this API issued.")
        stmt = stmt.where(
            or_(score_expression < last_score, and_(score_expression == last_score, SearchEntry.id > last_id))
        )
    stmt = stmt.order_by(score_expression.desc(), SearchEntry.id).limit(params.limit + 1)
    rows = (await session.execute(stmt)).all()
    page_rows = rows[: params.limit]
    marked = await _matched_words(analysed, [row.title + " — " + row.text for row in page_rows])
    stems = highlight_stems([list(word.terms) for word in analysed if not is_hebrew(word.word)])
    hits = []
    for entry in page_rows:
        text_snippet, marks = snippet(entry.title + " — " + entry.text, stems, marked)
        hits.append(
            SearchHit(
                entity_type=entry.entity_type,
                entity_id=entry.entity_id,
                roundtable_id=entry.roundtable_id,
                title=entry.title,
                kind=entry.kind,
                language=entry.language,
                occurred_on=entry.occurred_on,
                score=float(entry.score),
                snippet=text_snippet,
                highlights=marks,
            )
        )
    next_cursor = None
    if len(rows) > params.limit:
        last = rows[params.limit - 1]
        next_cursor = encode_cursor(SORT_NAME, [float(last.score), last.id])
    return hits, next_cursor


async def _matched_words(query: list[QueryWord], texts: list[str]) -> set[str]:
    """The Hebrew words of the hits' texts that the query matched (to mark them), analysed at once."""
    pattern = candidate_pattern(query)
    if pattern is None:
        return set()
    candidates = {match.group() for text in texts for match in pattern.finditer(normalised(text))}
    return await analysis.current().matching_words(candidates, query)
