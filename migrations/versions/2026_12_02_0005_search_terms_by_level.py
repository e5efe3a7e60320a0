"""SQLite's full-text index keeps surface forms, lemmas and prefix splits in columns of their own.

Ranking weighs an exact word above its lemma above a word behind prefix letters (shulchan.search.analysis);
FTS5 weighs by column, so each field has three. PostgreSQL keeps one tsvector (the levels are told apart
by their terms' marks) and needs no change here. Existing entries keep their text as surface terms
until `shulchan search reindex` adds the lemmas.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_fts RENAME TO search_fts_before_levels")
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        f"title, body, title_lemmas, body_lemmas, title_splits, body_splits, {TOKENIZER})"
    )
    op.execute(
        "INSERT INTO search_fts (rowid, title, body, title_lemmas, body_lemmas, title_splits, body_splits) "
        "SELECT rowid, title, body, '', '', '', '' FROM search_fts_before_levels"
    )
    op.execute("DROP TABLE search_fts_before_levels")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_fts RENAME TO search_fts_by_levels")
    op.execute(f"CREATE VIRTUAL TABLE search_fts USING fts5(title, body, {TOKENIZER})")
    op.execute("INSERT INTO search_fts (rowid, title, body) SELECT rowid, title, body FROM search_fts_by_levels")
    op.execute("DROP TABLE search_fts_by_levels")
