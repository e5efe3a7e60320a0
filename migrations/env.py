"""Alembic environment: runs on the app's async engine, for SQLite and PostgreSQL alike."""

import asyncio
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from shulchan.core.config import Settings, get_settings
from shulchan.core.db import create_engine
from shulchan.core.models import UTCDateTime
from shulchan.models import metadata

config = context.config
settings: Settings = config.attributes.get("settings") or get_settings()


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Migrations spell our column types in plain SQLAlchemy, so they never import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """SQLite's FTS5 table and its shadow tables are made by hand in a migration, not from models."""
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
        render_item=_render_item,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_engine(settings, time_limits=False)  # a migration may take its time
    async with engine.connect() as connection:
        await connection.run_sync(_configure)
        await connection.commit()
    await engine.dispose()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed a live connection (tests comparing models with migrations)
        _configure(connection)
        return
    asyncio.run(_run_online())


if context.is_offline_mode():
    context.configure(url=settings.database_url, target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
