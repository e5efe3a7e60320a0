"""The installed `shulchan` command, run as a subprocess the way an operator runs it.

Plain `def` tests: they start processes and use asyncio.run to look into the database afterwards.
"""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest
from conftest import DATABASE_KIND, TEST_SECRET, FreshDatabase, make_settings
from sqlalchemy import func, select

from shulchan.core.config import REPO_ROOT, Settings
from shulchan.core.db import connection_budget, create_engine, create_sessionmaker
from shulchan.identity.models import User
from shulchan.search.models import SearchEntry

SUBCOMMANDS = [
    "serve",
    "migrate",
    "create-app-role",
    "seed-demo",
    "create-admin",
    "search",
    "export-openapi",
    "attachments",
    "backup",
    "restore",
]
UNREACHABLE_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:1/x"


def shulchan_executable() -> str:
    beside_python = Path(sys.executable).parent / "shulchan"
    found = str(beside_python) if beside_python.is_file() else shutil.which("shulchan")
    assert found, "the shulchan command is not installed (pip install -e backend)"
    return found


def run_shulchan(
    *args: str, cwd: Path, database_url: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Runs the command with a test configuration only: no SHULCHAN_* from the caller, no .env file."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SHULCHAN_")}
    environment |= {
        "SHULCHAN_ENVIRONMENT": "test",
        "SHULCHAN_SECRET_KEY": TEST_SECRET,
        "SHULCHAN_DATABASE_URL": database_url or f"sqlite+aiosqlite:///{cwd / 'unused.db'}",
    }
    environment |= env
    return subprocess.run(
        [shulchan_executable(), *args],
        cwd=cwd,  # an empty folder, so no stray .env is read
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def users_in(database_url: str) -> list[tuple[str, bool]]:
    async def query() -> list[tuple[str, bool]]:
        engine = create_engine(make_settings(database_url))
        try:
            async with create_sessionmaker(engine)() as session:
                rows = await session.execute(select(User.email, User.is_platform_admin).order_by(User.email))
                return [(email, is_admin) for email, is_admin in rows]
        finally:
            await engine.dispose()

    return asyncio.run(query())


def count_rows(database_url: str, model: type) -> int:
    async def query() -> int:
        engine = create_engine(make_settings(database_url))
        try:
            async with create_sessionmaker(engine)() as session:
                return int(await session.scalar(select(func.count()).select_from(model)) or 0)
        finally:
            await engine.dispose()

    return asyncio.run(query())


def count_users(database_url: str) -> int:
    return count_rows(database_url, User)


def count_search_entries(database_url: str) -> int:
    return count_rows(database_url, SearchEntry)


def test_help_lists_every_subcommand(tmp_path: Path) -> None:
    result = run_shulchan("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for name in SUBCOMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
def test_subcommand_help(tmp_path: Path, subcommand: str) -> None:
    result = run_shulchan(subcommand, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"shulchan {subcommand}" in result.stdout


def test_unknown_subcommand_fails(tmp_path: Path) -> None:
    result = run_shulchan("frobnicate", cwd=tmp_path)
    assert result.returncode != 0
    assert "invalid choice" in result.stderr


def test_no_subcommand_fails(tmp_path: Path) -> None:
    result = run_shulchan(cwd=tmp_path)
    assert result.returncode != 0
    assert "required" in result.stderr


def test_bad_argument_fails(tmp_path: Path) -> None:
    result = run_shulchan("serve", "--port", "notanumber", cwd=tmp_path)
    assert result.returncode != 0
    assert "notanumber" in result.stderr
    assert "Traceback" not in result.stderr


def test_migrate_against_an_unreachable_database(tmp_path: Path) -> None:
    result = run_shulchan("migrate", cwd=tmp_path, database_url=UNREACHABLE_DATABASE)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("shulchan: error: cannot use the database at 127.0.0.1:1/x")
    assert "postgres@" not in lines[0]  # the user part of the URL is not echoed


@pytest.mark.parametrize("subcommand", ["migrate", "serve"])
@pytest.mark.parametrize("declared", [{"SHULCHAN_ENVIRONMENT": "production"}, {}], ids=["production", "unset"])
def test_production_refuses_the_default_secret(tmp_path: Path, subcommand: str, declared: dict[str, str]) -> None:
    """Production is also what a bare start gets: no SHULCHAN_ENVIRONMENT is no development."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SHULCHAN_")}
    environment |= declared | {"SHULCHAN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/p.db"}
    result = subprocess.run(
        [shulchan_executable(), subcommand],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "SHULCHAN_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "p.db").exists(), "nothing should have touched the database"


@pytest.mark.slow
def test_migrate_seed_and_create_admin_on_a_fresh_database(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()

    migrated = run_shulchan("migrate", cwd=tmp_path, database_url=url)
    assert migrated.returncode == 0, migrated.stderr
    assert "database migrated (head)" in migrated.stdout
    assert count_users(url) == 0

    seeded = run_shulchan("seed-demo", "--if-empty", cwd=tmp_path, database_url=url)
    assert seeded.returncode == 0, seeded.stderr
    assert "demo world created" in seeded.stdout
    users_after_seed = count_users(url)
    assert users_after_seed > 0

    again = run_shulchan("seed-demo", "--if-empty", cwd=tmp_path, database_url=url)
    assert again.returncode == 0, again.stderr
    assert "not added" in again.stdout
    assert count_users(url) == users_after_seed

    too_short = run_shulchan(
        "create-admin",
        "--email",
        "ops@example.org",
        "--full-name",
        "Ops",
        cwd=tmp_path,
        database_url=url,
        SHULCHAN_ADMIN_PASSWORD="short",
    )
    assert too_short.returncode != 0
    assert "12 characters" in too_short.stderr
    assert "Traceback" not in too_short.stderr
    assert count_users(url) == users_after_seed

    created = run_shulchan(
        "create-admin",
        "--email",
        "Ops@Example.org",
        "--full-name",
        "Ops",
        cwd=tmp_path,
        database_url=url,
        SHULCHAN_ADMIN_PASSWORD="a-long-enough-password",
    )
    assert created.returncode == 0, created.stderr
    assert "created" in created.stdout
    assert ("ops@example.org", True) in users_in(url)
    assert count_users(url) == users_after_seed + 1


@pytest.mark.slow
def test_search_reindex_rebuilds_every_entry_of_the_demo_world(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()
    assert run_shulchan("migrate", cwd=tmp_path, database_url=url).returncode == 0
    assert run_shulchan("seed-demo", cwd=tmp_path, database_url=url).returncode == 0
    entries_after_seed = count_search_entries(url)

    rebuilt = run_shulchan("search", "reindex", cwd=tmp_path, database_url=url)

    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "search index rebuilt:" in rebuilt.stdout and " knowledge_item" in rebuilt.stdout
    counted = sum(int(part.split()[0]) for part in rebuilt.stdout.split(":", 1)[1].split(","))
    assert counted >= entries_after_seed > 0  # every object through its hook (minutes without approval add none)
    assert count_search_entries(url) == entries_after_seed


@pytest.mark.slow
def test_create_admin_promotes_an_existing_user(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()
    assert run_shulchan("migrate", cwd=tmp_path, database_url=url).returncode == 0
    assert run_shulchan("seed-demo", cwd=tmp_path, database_url=url).returncode == 0
    assert ("member@demo.shulchan.org", False) in users_in(url)

    result = run_shulchan(
        "create-admin",
        "--email",
        "member@demo.shulchan.org",
        "--full-name",
        "Member",
        cwd=tmp_path,
        database_url=url,
        SHULCHAN_ADMIN_PASSWORD="a-long-enough-password",
    )
    assert result.returncode == 0, result.stderr
    assert "already existed" in result.stdout
    assert ("member@demo.shulchan.org", True) in users_in(url)


def test_downgrade_refuses_a_database_with_data_unless_told(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()
    assert run_shulchan("migrate", cwd=tmp_path, database_url=url).returncode == 0
    created = run_shulchan(
        "create-admin", "--email", "keep@example.org", "--full-name", "Keep", cwd=tmp_path, database_url=url,
        SHULCHAN_ADMIN_PASSWORD="a-long-enough-password",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr

    for target in ("base", "-1"):
        refused = run_shulchan("migrate", "--downgrade", target, cwd=tmp_path, database_url=url)
        assert refused.returncode == 2, refused.stdout
        assert "--yes-destroy-data" in refused.stderr
        assert "users" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert count_users(url) == 1  # nothing was dropped

    forced = run_shulchan("migrate", "--downgrade", "base", "--yes-destroy-data", cwd=tmp_path, database_url=url)
    assert forced.returncode == 0, forced.stderr
    assert "database migrated (base)" in forced.stdout


def test_downgrade_of_an_empty_database_needs_no_confirmation(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()
    assert run_shulchan("migrate", cwd=tmp_path, database_url=url).returncode == 0
    result = run_shulchan("migrate", "--downgrade", "base", cwd=tmp_path, database_url=url)
    assert result.returncode == 0, result.stderr


def test_create_admin_refuses_a_bad_email(tmp_path: Path) -> None:
    result = run_shulchan(
        "create-admin",
        "--email",
        "not-an-email",
        "--full-name",
        "Ops",
        cwd=tmp_path,
        SHULCHAN_ADMIN_PASSWORD="a-long-enough-password",
    )
    assert result.returncode != 0
    assert "not a valid email address" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_openapi_matches_the_committed_spec(tmp_path: Path) -> None:
    output = tmp_path / "spec" / "openapi.json"
    result = run_shulchan("export-openapi", "--output", str(output), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    committed = json.loads((REPO_ROOT / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    assert json.loads(output.read_text(encoding="utf-8")) == committed, "run `make openapi` and commit the spec"


@pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="the budget is PostgreSQL's max_connections")
def test_serve_refuses_pools_that_do_not_fit_the_database(tmp_path: Path, settings: Settings) -> None:
    result = run_shulchan("serve", "--workers", "50", cwd=tmp_path, database_url=settings.database_url)
    assert result.returncode == 2, result.stdout
    assert "do not fit" in result.stderr
    assert "50 worker(s) × 20 connections" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="the budget is PostgreSQL's max_connections")
async def test_the_budget_is_the_servers_limit_less_both_reserves(settings: Settings) -> None:
    budget = await connection_budget(settings, workers=2)
    assert budget.needed == 2 * (settings.database_pool_size + settings.database_max_overflow)
    assert budget.available == budget.max_connections - budget.server_reserved - settings.database_connection_reserve
    assert budget.server_reserved >= 0
    assert budget.fits  # two workers with the defaults fit a default server (100 connections)


@pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="roles are PostgreSQL's")
def test_create_app_role_then_migrate_grants_it_the_new_tables(tmp_path: Path, fresh_database: FreshDatabase) -> None:
    url = fresh_database.new_url()
    role = f"shulchan_app_{uuid.uuid4().hex[:8]}"
    assert run_shulchan("migrate", "--revision", "0003", cwd=tmp_path, database_url=url).returncode == 0
    try:
        created = run_shulchan(
            "create-app-role", "--role", role, cwd=tmp_path, database_url=url,
            SHULCHAN_APP_ROLE_PASSWORD="the app role's password",
        )  # fmt: skip
        assert created.returncode == 0, created.stderr
        assert "SELECT and INSERT only on the audit trail" in created.stdout
        migrated = run_shulchan("migrate", cwd=tmp_path, database_url=url, SHULCHAN_APP_ROLE=role)
        assert migrated.returncode == 0, migrated.stderr
        assert f"rights granted to the app's role {role}" in migrated.stdout
        assert _table_rights(url, role, "audit_events") == {"SELECT", "INSERT"}
        assert _table_rights(url, role, "seats") == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    finally:
        asyncio.run(_drop_role(url, role))


def _table_rights(url: str, role: str, table: str) -> set[str]:
    async def query() -> set[str]:
        connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            rows = await connection.fetch(
                "SELECT privilege_type FROM information_schema.role_table_grants"
                " WHERE grantee = $1 AND table_name = $2",
                role,
                table,
            )
            return {row["privilege_type"] for row in rows}
        finally:
            await connection.close()

    return asyncio.run(query())


async def _drop_role(url: str, role: str) -> None:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await connection.execute(f"DROP OWNED BY {role}")
        await connection.execute(f'REVOKE ALL ON DATABASE "{url.rsplit("/", 1)[1]}" FROM {role}')
        await connection.execute(f"DROP ROLE {role}")
    finally:
        await connection.close()


def test_create_app_role_is_for_postgresql(tmp_path: Path) -> None:
    result = run_shulchan("create-app-role", cwd=tmp_path, SHULCHAN_APP_ROLE_PASSWORD="long enough password")
    assert result.returncode == 2
    assert "PostgreSQL" in result.stderr
