"""On PostgreSQL the app serves as a role that owns nothing: it reads and writes what it needs, may only
add to the audit trail (SELECT and INSERT), and cannot switch off the trigger that keeps the trail
append-only. The owner runs the migrations and `shulchan create-app-role` (core.app_role)."""

import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
from conftest import DATABASE_KIND, POSTGRES_SERVER, FreshDatabase, _admin_sql, make_settings
from sqlalchemy.engine import make_url

from shulchan.core import migrations
from shulchan.core.app_role import create_app_role, grant_app_role
from shulchan.core.config import Settings
from shulchan.core.db import create_engine
from shulchan.core.security import hash_password
from shulchan.main import create_app

pytestmark = pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="roles are PostgreSQL's")

PASSWORD = "the app role's own password"


@pytest.fixture(scope="module")
def owner(fresh_database: FreshDatabase) -> Settings:
    settings = make_settings(fresh_database.new_url())
    migrations.upgrade(settings)
    return settings


@pytest.fixture(scope="module")
def app_role(owner: Settings) -> Iterator[str]:
    import asyncio

    role = f"shulchan_app_{uuid.uuid4().hex[:8]}"
    create_app_role(owner, role, PASSWORD)
    yield role
    database = make_url(owner.database_url).database
    # Roles are the server's, not the database's: take this one away again.
    asyncio.run(_admin_sql(f'REVOKE ALL ON DATABASE "{database}" FROM {role}'))
    asyncio.run(_as_owner(owner, f"DROP OWNED BY {role}"))
    asyncio.run(_admin_sql(f"DROP ROLE {role}"))


async def _as_owner(owner: Settings, sql: str) -> None:
    connection = await asyncpg.connect(owner.database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def _url_as(owner: Settings, role: str) -> str:
    return make_url(owner.database_url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


@pytest.fixture
async def as_app(owner: Settings, app_role: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(_url_as(owner, app_role).replace("postgresql+asyncpg://", "postgresql://"))
    try:
        yield connection
    finally:
        await connection.close()


async def _an_audit_event(connection: asyncpg.Connection) -> uuid.UUID:
    event_id = uuid.uuid4()
    await connection.execute(
        "INSERT INTO audit_events (id, created_at, action, entity_type, entity_id, changes) "
        "VALUES ($1, now(), 'create', 'test', $1, '{}')",
        event_id,
    )
    return event_id


async def test_the_app_role_adds_to_and_reads_the_trail(as_app: asyncpg.Connection) -> None:
    event_id = await _an_audit_event(as_app)
    assert await as_app.fetchval("SELECT action FROM audit_events WHERE id = $1", event_id) == "create"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'forged'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_append_only",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "DROP TRIGGER trg_audit_events_append_only ON audit_events",
        "DROP FUNCTION audit_events_append_only() CASCADE",
        "DROP TABLE audit_events",
        "ALTER TABLE audit_events OWNER TO CURRENT_USER",
        "DELETE FROM alembic_version",
    ],
)
async def test_the_app_role_cannot_rewrite_the_trail_or_switch_its_guard_off(
    as_app: asyncpg.Connection, statement: str
) -> None:
    await _an_audit_event(as_app)
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await as_app.execute(statement)
    trigger_enabled = await as_app.fetchval(
        "SELECT tgenabled FROM pg_trigger WHERE tgname = 'trg_audit_events_append_only'"
    )
    assert trigger_enabled == b"O"  # still there, still firing ("O": enabled)


async def test_the_app_serves_as_its_role(owner: Settings, app_role: str) -> None:
    """Reads, writes (a sign-in writes a session, a token and the audit entry) and readiness work."""
    settings = make_settings(_url_as(owner, app_role))
    email = f"app-role-{uuid.uuid4().hex[:6]}@example.org"
    await _as_owner(
        owner,
        "INSERT INTO users (id, email, full_name, preferred_language, password_hash, is_active, is_platform_admin,"
        " created_at, updated_at, version) VALUES"
        f" ('{uuid.uuid4()}', '{email}', 'App Role', 'he', '{hash_password(PASSWORD)}', true, false, now(), now(), 1)",
    )
    engine = create_engine(settings)
    try:
        transport = httpx.ASGITransport(app=create_app(settings, engine=engine))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            assert (await http.get("/readyz")).status_code == 200
            signed_in = await http.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
            assert signed_in.status_code == 200, signed_in.text
            failed = await http.post("/api/v1/auth/token", data={"username": email, "password": "not it at all"})
            assert failed.status_code == 401
            headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
            assert (await http.get("/api/v1/me", headers=headers)).status_code == 200
    finally:
        await engine.dispose()


def test_granting_again_after_a_migration_is_idempotent(owner: Settings, app_role: str) -> None:
    grant_app_role(owner, app_role)
    grant_app_role(owner, app_role)


def test_the_owner_cannot_be_its_own_app_role(owner: Settings) -> None:
    with pytest.raises(ValueError, match="another role"):
        grant_app_role(owner, make_url(POSTGRES_SERVER).username or "postgres")


def test_role_names_are_plain_identifiers(owner: Settings) -> None:
    with pytest.raises(ValueError, match="plain role name"):
        create_app_role(owner, 'x"; DROP TABLE users; --', PASSWORD)
