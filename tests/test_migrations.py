"""The Alembic migrations against a real, empty database of the kind under test.

Plain `def` tests: the migrations run Alembic, which drives its async engine with asyncio.run, and
that cannot happen inside the test session's running event loop.
"""

import asyncio
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import DATABASE_KIND, FreshDatabase, make_settings
from sqlalchemy import Connection, func, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from shulchan.core import migrations
from shulchan.core.config import Settings
from shulchan.core.db import create_engine
from shulchan.core.models import utcnow
from shulchan.models import AuditEvent, metadata

T = TypeVar("T")

PREFIXES = {"primary key": "pk", "foreign key": "fk", "unique": "uq", "index": "ix", "check": "ck"}


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
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def table_names(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def schema_names(connection: Connection) -> list[tuple[str, str, str | None]]:
    """(kind, table, name) for every constraint and index outside alembic_version."""
    inspector = inspect(connection)
    found: list[tuple[str, str, str | None]] = []
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
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


@pytest.fixture(scope="module")
def migrated(fresh_database: FreshDatabase) -> Settings:
    """A new, empty database brought to head by the migrations."""
    settings = make_settings(fresh_database.new_url())
    assert run_sync_on(settings, table_names) == set()
    migrations.upgrade(settings)
    return settings


def test_upgrade_from_empty_reaches_head(migrated: Settings) -> None:
    assert current_revision(migrated) == head_revision(migrated)
    assert run_sync_on(migrated, table_names) == set(metadata.tables) | {"alembic_version"}


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

    migrations.downgrade(settings, "base")
    assert run_sync_on(settings, table_names) == {"alembic_version"}
    assert current_revision(settings) is None
    if DATABASE_KIND == "postgresql":
        leftover = run_sync_on(
            settings,
            lambda c: c.scalar(select(func.count()).select_from(text("pg_proc")).where(text("proname LIKE 'audit%'"))),
        )
        assert leftover == 0, "the append-only trigger function outlived the downgrade"

    migrations.upgrade(settings)
    assert run_sync_on(settings, table_names) == set(metadata.tables) | {"alembic_version"}
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
