"""The two PostgreSQL roles: the owner, who runs the migrations and owns every table, and the app's
role, which serves requests and owns nothing.

Not owning the tables is what keeps the audit trail append-only against the app itself: only an
owner (or a superuser) may ALTER a table, disable or drop its trigger, or TRUNCATE it, and the app's
role is granted just SELECT and INSERT on `audit_events` (reads and writes as needed elsewhere, read
only on `alembic_version`). `shulchan create-app-role` makes the role and grants; `shulchan migrate`
grants again after every upgrade when SHULCHAN_APP_ROLE names it, so new tables are covered.
"""

import asyncio
import re

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shulchan.core.config import Settings

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
APPEND_ONLY_TABLES = ("audit_events",)
READ_ONLY_TABLES = ("alembic_version",)


def _identifier(name: str) -> str:
    if not _ROLE_NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a plain role name (lower-case letters, digits and _, at most 63)")
    return f'"{name}"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def grant_statements(role: str, database: str) -> list[str]:
    """What the app's role may do: everything it needs, on tables it does not own."""
    who = _identifier(role)
    statements = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {who}',
        f"GRANT USAGE ON SCHEMA public TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}",
    ]
    statements += [f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {who}" for table in APPEND_ONLY_TABLES]
    statements += [f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {table} FROM {who}" for table in READ_ONLY_TABLES]
    return statements


async def _apply(settings: Settings, role: str, password: str | None) -> None:
    from shulchan.core.db import create_engine

    engine = create_engine(settings, time_limits=False)
    try:
        async with engine.begin() as connection:
            await _ensure_role(connection, role, password)
            database = (await connection.execute(text("SELECT current_database()"))).scalar_one()
            for statement in grant_statements(role, database):
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _ensure_role(connection: AsyncConnection, role: str, password: str | None) -> None:
    who = _identifier(role)
    owner = (await connection.execute(text("SELECT current_user"))).scalar_one()
    if owner == role:
        raise ValueError("the app's role must be another role than the one that owns the tables")
    exists = await connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role})
    if exists is None:
        if password is None:
            raise ValueError(f"role {role} does not exist yet; create it with `shulchan create-app-role`")
        await connection.execute(text(f"CREATE ROLE {who} LOGIN PASSWORD {_literal(password)}"))
    elif password is not None:
        await connection.execute(text(f"ALTER ROLE {who} LOGIN PASSWORD {_literal(password)}"))


def create_app_role(settings: Settings, role: str, password: str) -> None:
    """As the owner: make (or update the password of) the app's login role, and grant it its rights."""
    asyncio.run(_apply(settings, role, password))


def grant_app_role(settings: Settings, role: str) -> None:
    """As the owner: grant an existing app role its rights on every table there is now."""
    asyncio.run(_apply(settings, role, None))
