"""The test harness: a real database (SQLite file or PostgreSQL), migrated once, seeded once with the
demo world; every test runs inside a transaction that is rolled back, so tests never see each other.

SHULCHAN_TEST_DATABASE=sqlite|postgresql picks the database (`make test` runs both).
SHULCHAN_TEST_POSTGRES_URL points at the PostgreSQL server (default: postgres@127.0.0.1:5432).
"""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest
from decision_factories import Cast, make_cast
from sqlalchemy import delete, event, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from shulchan.core import migrations
from shulchan.core.config import Environment, Settings
from shulchan.core.db import create_engine
from shulchan.core.security import create_access_token, hash_password
from shulchan.demo.seed import build_demo_world
from shulchan.identity.models import AuthSession, User
from shulchan.main import create_app
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import Goal, Roundtable, Seat
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

TEST_SECRET = "test-secret-" + "x" * 40
DATABASE_KIND = os.environ.get("SHULCHAN_TEST_DATABASE", "sqlite")
if DATABASE_KIND not in {"sqlite", "postgresql"}:  # a typo must not quietly test SQLite twice
    raise pytest.UsageError(f"SHULCHAN_TEST_DATABASE must be sqlite or postgresql, not {DATABASE_KIND!r}")
POSTGRES_SERVER = os.environ.get("SHULCHAN_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432")


def pytest_report_header() -> str:
    return f"shulchan test database: {DATABASE_KIND}"


def make_settings(database_url: str, **overrides: object) -> Settings:
    return Settings(
        environment=Environment.test,
        database_url=database_url,
        secret_key=TEST_SECRET,
        frontend_dist=Path("/nonexistent"),
        **overrides,
    )  # type: ignore[arg-type]


def _asyncpg_dsn(database: str) -> str:
    return POSTGRES_SERVER.replace("postgresql+asyncpg://", "postgresql://") + f"/{database}"


async def _admin_sql(sql: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn("postgres"))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


class FreshDatabase:
    """Creates (and later drops) an empty database of the kind under test."""

    def __init__(self, tmp_dir: Path) -> None:
        self.tmp_dir = tmp_dir
        self.created: list[str] = []

    def new_url(self) -> str:
        name = f"shulchan_test_{uuid.uuid4().hex[:12]}"
        if DATABASE_KIND == "sqlite":
            return f"sqlite+aiosqlite:///{self.tmp_dir / (name + '.db')}"
        asyncio.run(_admin_sql(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return f"{POSTGRES_SERVER}/{name}"

    def drop_all(self) -> None:
        for name in self.created:
            asyncio.run(_admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshDatabase]:
    databases = FreshDatabase(tmp_path_factory.mktemp("db"))
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def settings(fresh_database: FreshDatabase) -> Settings:
    """The session's database, migrated to head by Alembic (never create_all)."""
    test_settings = make_settings(fresh_database.new_url())
    migrations.upgrade(test_settings)
    return test_settings


@dataclass
class World:
    """Ids of the demo world, plus an outsider: a signed-in user with no seat anywhere."""

    sectors: dict[str, uuid.UUID] = field(default_factory=dict)
    organisations: dict[str, uuid.UUID] = field(default_factory=dict)
    stakeholders: dict[str, uuid.UUID] = field(default_factory=dict)
    users: dict[str, uuid.UUID] = field(default_factory=dict)
    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    test_engine = create_engine(settings)
    yield test_engine
    await test_engine.dispose()


@pytest.fixture(scope="session")
async def world(engine: AsyncEngine) -> World:
    async with async_sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
        built = await build_demo_world(session)
        outsider = User(email="outsider@example.org", full_name="Outsider", password_hash=None)
        session.add(outsider)
        await session.flush()
        session.add(Stakeholder(full_name="אאוטסיידר", full_name_en="Outsider", user_id=outsider.id))
        built["users"]["outsider"] = outsider
    return World(**{kind: {key: obj.id for key, obj in objects.items()} for kind, objects in built.items()})


@pytest.fixture
async def connection(engine: AsyncEngine, world: World) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        transaction = await conn.begin()
        try:
            yield conn
        finally:
            await transaction.rollback()


@pytest.fixture
def sessionmaker(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions inside the test's transaction: their commits become savepoints, rolled back at the end."""
    return async_sessionmaker(
        bind=connection, expire_on_commit=False, autoflush=False, join_transaction_mode="create_savepoint"
    )


@pytest.fixture(scope="session")
def app_factory(settings: Settings, engine: AsyncEngine) -> Callable[..., object]:
    def build(**overrides: object) -> object:
        return create_app(settings.model_copy(update=overrides) if overrides else settings, engine=engine)

    return build


@pytest.fixture(scope="session")
def shared_app(app_factory: Callable[..., object]) -> object:
    return app_factory()


@pytest.fixture
async def client(
    shared_app: object, sessionmaker: async_sessionmaker[AsyncSession]
) -> AsyncIterator[httpx.AsyncClient]:
    shared_app.state.sessionmaker = sessionmaker  # type: ignore[attr-defined]
    transport = httpx.ASGITransport(app=shared_app, raise_app_exceptions=False)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


AuthHeaders = Callable[[str], Awaitable[dict[str, str]]]


@pytest.fixture
def auth(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, world: World) -> AuthHeaders:
    """`await auth("member")` → headers signed in as that demo user (no password hashing, so it is quick)."""

    async def headers_for(user_key: str) -> dict[str, str]:
        if user_key == "anonymous":
            return {}
        user_id = world.users[user_key]
        async with sessionmaker() as session, session.begin():
            auth_session = AuthSession(user_id=user_id)
            session.add(auth_session)
            await session.flush()
            token, _ = create_access_token(settings, user_id, auth_session.id)
        return {"Authorization": f"Bearer {token}"}

    return headers_for


@pytest.fixture
async def db(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for arranging and checking data directly, inside the test's transaction."""
    async with sessionmaker() as session:
        yield session


@pytest.fixture(scope="module")
def live_settings(fresh_database: FreshDatabase) -> Settings:
    """A database of the module's own, migrated, with nothing in it: for tests that need requests to
    run at the same time on a real connection pool (the shared `client` serialises everything on one
    connection, inside one transaction)."""
    module_settings = make_settings(fresh_database.new_url())
    migrations.upgrade(module_settings)
    return module_settings


@dataclass
class Live:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    client: httpx.AsyncClient


@pytest.fixture
async def live(live_settings: Settings) -> AsyncIterator[Live]:
    """The app on its own engine and pool, as in production: each request its own connection and
    transaction, committed for real. Tests build what they need with tests.helpers factories."""
    live_engine = create_engine(live_settings)
    app = create_app(live_settings, engine=live_engine)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield Live(live_settings, async_sessionmaker(live_engine, expire_on_commit=False), http)
    finally:
        await live_engine.dispose()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(engine: AsyncEngine) -> Iterator[Callable[[], QueryCounter]]:
    counters: list[QueryCounter] = []

    def on_execute(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        for counter in counters:
            if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO", "BEGIN")):
                counter.statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", on_execute)

    def start() -> QueryCounter:
        counter = QueryCounter()
        counters.append(counter)
        return counter

    yield start
    event.remove(engine.sync_engine, "before_cursor_execute", on_execute)


async def user_id_by_email(session: AsyncSession, email: str) -> uuid.UUID | None:
    return await session.scalar(select(User.id).where(User.email == email))


MATRIX_PASSWORD = "matrix-password-1"


@pytest.fixture(scope="module")
async def matrix_cast(engine: AsyncEngine, settings: Settings) -> AsyncIterator[Cast]:
    """The permission matrix's callers and their two roundtables (decision_factories.make_cast), built
    once per module and committed (each test's own changes are rolled back); everyone signs in with
    MATRIX_PASSWORD. Used by tests/test_permission_matrix.py and the token scope matrix. Removed after
    the module, so the tests that count what the database holds (sectors, organisations) still can."""
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        built = await make_cast(session, settings)
        password_hash = hash_password(MATRIX_PASSWORD)
        for user in built.users.values():
            user.password_hash = password_hash
        # An admin who opens a roundtable takes its facilitator seat, in their organisation's sector.
        admin = await session.get(Stakeholder, built.stakeholders["admin"])
        assert admin is not None
        admin.organisation_id = built.organisations["civil_society"]
        await session.commit()
    yield built
    tables = [built.roundtable.id, built.other.id]
    users = [user.id for user in built.users.values()]
    async with engine.begin() as connection:
        await connection.execute(delete(Goal).where(Goal.roundtable_id.in_(tables)))
        await connection.execute(delete(Seat).where(Seat.roundtable_id.in_(tables)))
        await connection.execute(delete(Roundtable).where(Roundtable.id.in_(tables)))
        await connection.execute(delete(Stakeholder).where(Stakeholder.user_id.in_(users)))
        await connection.execute(delete(User).where(User.id.in_(users)))
        await connection.execute(delete(Organisation).where(Organisation.id.in_(built.organisations.values())))
        await connection.execute(delete(Sector).where(Sector.id.in_(built.sectors.values())))
