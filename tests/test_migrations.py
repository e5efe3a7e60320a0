"""The Alembic migrations against a real, empty database of the kind under test.

Plain `def` tests: the migrations run Alembic, which drives its async engine with asyncio.run, and
that cannot happen inside the test session's running event loop.
"""

import asyncio
import shutil
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import DATABASE_KIND, FreshDatabase, make_settings
from sqlalchemy import Connection, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from shulchan.core import migrations
from shulchan.core.config import REPO_ROOT, Settings
from shulchan.core.db import create_engine
from shulchan.core.models import utcnow
from shulchan.models import AuditEvent, metadata

T = TypeVar("T")

PREFIXES = {"primary key": "pk", "foreign key": "fk", "unique": "uq", "index": "ix", "check": "ck"}
MODEL_TABLES = set(metadata.tables)


def is_hand_made(table: str) -> bool:
    """Tables a migration makes by hand rather than from the models: SQLite's FTS5 search index and
    the shadow tables SQLite makes for it. migrations/env.py leaves them out of `alembic check` too."""
    return table.startswith("search_fts")


def leave_out_hand_made(_obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    return not (type_ == "table" and name is not None and is_hand_made(name))


def run_sync_on(settings: Settings, work: Callable[[Connection], T]) -> T:
    """Runs `work` on a sync connection to the database (through the app's own async engine)."""

    async def go() -> T:
        engine = create_engine(settings)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(work)
        finally:
            await engine.dispose()

    return asyncio.run(go())


def current_revision(settings: Settings) -> str | None:
    async def go() -> str | None:
        engine = create_engine(settings)
        try:
            return await migrations.current_revision(engine)
        finally:
            await engine.dispose()

    return asyncio.run(go())


def head_revision(settings: Settings) -> str:
    return str(ScriptDirectory.from_config(migrations.alembic_config(settings)).get_current_head())


def model_differences(connection: Connection) -> list[Any]:
    """What `alembic check` would complain about: the models against the migrated schema."""
    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": leave_out_hand_made})
    return list(compare_metadata(context, metadata))


def table_names(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def model_and_version_tables(connection: Connection) -> set[str]:
    return {name for name in table_names(connection) if not is_hand_made(name)}


def schema_names(connection: Connection) -> list[tuple[str, str, str | None]]:
    """(kind, table, name) for every constraint and index outside alembic_version."""
    inspector = inspect(connection)
    found: list[tuple[str, str, str | None]] = []
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version" or is_hand_made(table):
            continue
        found.append(("primary key", table, inspector.get_pk_constraint(table).get("name")))
        found += [("foreign key", table, fk.get("name")) for fk in inspector.get_foreign_keys(table)]
        found += [("unique", table, uq.get("name")) for uq in inspector.get_unique_constraints(table)]
        found += [("check", table, ck.get("name")) for ck in inspector.get_check_constraints(table)]
        # PostgreSQL also reports each unique constraint as an index; it is checked above as a constraint.
        found += [
            ("index", table, ix.get("name"))
            for ix in inspector.get_indexes(table)
            if not ix.get("duplicates_constraint")
        ]
    return found


def public_functions(connection: Connection) -> list[str]:
    """PostgreSQL: the functions (trigger functions included) in the public schema."""
    query = "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
    return sorted(connection.scalars(text(query)))


@pytest.fixture(scope="module")
def migrated(fresh_database: FreshDatabase) -> Settings:
    """A new, empty database brought to head by the migrations."""
    settings = make_settings(fresh_database.new_url())
    assert run_sync_on(settings, table_names) == set()
    migrations.upgrade(settings)
    return settings


def test_upgrade_from_empty_reaches_head(migrated: Settings) -> None:
    assert current_revision(migrated) == head_revision(migrated)
    assert run_sync_on(migrated, model_and_version_tables) == MODEL_TABLES | {"alembic_version"}


def test_models_match_migrations(migrated: Settings) -> None:
    assert run_sync_on(migrated, model_differences) == []


def test_every_constraint_and_index_is_named_by_convention(migrated: Settings) -> None:
    found = run_sync_on(migrated, schema_names)
    assert {kind for kind, _, _ in found} == set(PREFIXES), "expected every kind of constraint in the schema"
    misnamed = []
    for kind, table, name in found:
        prefix = PREFIXES[kind]
        expected = f"pk_{table}" if kind == "primary key" else f"{prefix}_{table}_"
        if name is None or not (name == expected if kind == "primary key" else name.startswith(expected)):
            misnamed.append((kind, table, name))
    assert misnamed == [], "constraints and indexes not named by the convention"


def test_downgrade_to_base_and_upgrade_again(fresh_database: FreshDatabase) -> None:
    settings = make_settings(fresh_database.new_url())
    migrations.upgrade(settings)
    if DATABASE_KIND == "postgresql":
        assert "audit_events_append_only" in run_sync_on(settings, public_functions)

    migrations.downgrade(settings, "base")
    assert run_sync_on(settings, table_names) == {"alembic_version"}
    assert current_revision(settings) is None
    if DATABASE_KIND == "postgresql":
        assert run_sync_on(settings, public_functions) == [], "trigger functions outlived the downgrade"

    migrations.upgrade(settings)
    assert run_sync_on(settings, model_and_version_tables) == MODEL_TABLES | {"alembic_version"}
    assert current_revision(settings) == head_revision(settings)
    assert run_sync_on(settings, model_differences) == []


@pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="the append-only trigger exists on PostgreSQL only")
def test_audit_events_are_append_only(migrated: Settings) -> None:
    event_id = uuid.uuid4()

    def insert_event(connection: Connection) -> None:
        connection.execute(
            insert(AuditEvent.__table__).values(
                id=event_id,
                created_at=utcnow(),
                action="created",
                entity_type="roundtable",
                entity_id=uuid.uuid4(),
                changes={},
            )
        )
        connection.commit()

    run_sync_on(migrated, insert_event)

    for statement in (
        text("UPDATE audit_events SET action = 'forged' WHERE id = :id").bindparams(id=event_id),
        text("DELETE FROM audit_events WHERE id = :id").bindparams(id=event_id),
        text("TRUNCATE audit_events"),
    ):

        def attempt(connection: Connection, statement: Any = statement) -> str:
            with pytest.raises(DBAPIError) as refused:
                connection.execute(statement)
            connection.rollback()
            return str(refused.value)

        assert "append-only" in run_sync_on(migrated, attempt), statement

    def read_back(connection: Connection) -> list[str]:
        audit_events = AuditEvent.__table__
        return list(connection.scalars(select(audit_events.c.action).where(audit_events.c.id == event_id)))

    assert run_sync_on(migrated, read_back) == ["created"]


def test_new_migration_is_numbered_dated_and_empty_when_models_match(tmp_path: Path) -> None:
    """`make migration` on a copy of the migrations: the next number, today's date, and (since the
    models match the migrations) nothing to do."""
    copy = tmp_path / "migrations"
    shutil.copytree(REPO_ROOT / "migrations", copy, ignore=shutil.ignore_patterns("__pycache__"))
    settings = make_settings("sqlite+aiosqlite:///" + str(tmp_path / "unused.db"), migrations_dir=copy)
    head = int(migrations.head_revision(str(copy)) or 0)

    path = migrations.new_revision(settings, "nothing new")

    assert path.parent == copy / "versions"
    assert path.name == f"{date.today():%Y_%m_%d}_{head + 1:04d}_nothing_new.py"
    source = path.read_text(encoding="utf-8")
    assert f"down_revision: str | None = '{head:04d}'" in source
    upgrade_body = source.split("def upgrade() -> None:")[1].split("def downgrade")[0]
    assert [line.strip() for line in upgrade_body.strip().splitlines() if not line.strip().startswith("#")] == ["pass"]
    assert not (tmp_path / "unused.db").exists(), "the configured database is never touched"
