"""Engine and sessions. One transaction per request: services flush, the request dependency commits."""

import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Index, Select, event, select, text
from sqlalchemy.engine import Dialect, Engine, ExceptionContext
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util import await_
from starlette.requests import Request

from shulchan.core.config import Settings

# Execution option marking a connection whose transaction will write (the request path sets it).
WRITE_LOCK = "shulchan_write_lock"
# The request's connection, kept in session.info: asking the session for it again costs a greenlet.
_REQUEST_CONNECTION = "shulchan_request_connection"
# Marks a session reading in autocommit (every statement committed as it ran) until begin_write.
_AUTOCOMMIT = "shulchan_autocommit"


def _sqlite_statement_limit(engine: Engine, seconds: float) -> None:
    """SQLite has no statement_timeout: a progress handler interrupts a statement that has run for
    longer (sqlite3 then raises "interrupted", an OperationalError: 503). Waiting for the write lock
    is bounded by busy_timeout instead."""

    @event.listens_for(engine, "connect")
    def install(dbapi_connection: Any, record: Any) -> None:
        clock: dict[str, float | None] = {"started": None}
        record.info["statement_clock"] = clock

        def too_long() -> int:
            started = clock["started"]
            return int(started is not None and time.monotonic() - started > seconds)

        await_(dbapi_connection.driver_connection.set_progress_handler(too_long, 10_000))

    @event.listens_for(engine, "before_cursor_execute")
    def start(connection: Any, *_args: Any) -> None:
        connection.connection.info["statement_clock"]["started"] = time.monotonic()

    @event.listens_for(engine, "after_cursor_execute")
    def stop(connection: Any, *_args: Any) -> None:
        connection.connection.info["statement_clock"]["started"] = None


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that
        # SAVEPOINTs (used by tests and nested work) behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":
            return  # a read: each statement sees committed data, and takes no lock
        # A write takes the database's write lock up front: two writers then queue (busy_timeout)
        # instead of both reading a parent's state and one failing on upgrade to write. This is how
        # SQLite holds the rules PostgreSQL holds with row locks (FOR UPDATE) on a write's parent.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE_LOCK) else "BEGIN")


# A statement's time limit is the server's (statement_timeout cancels it cleanly); the client waits this
# much longer before it takes the connection itself for dead (a database or a network that stopped
# answering, where no cancellation would ever arrive).
CLIENT_TIMEOUT_GRACE_SECONDS = 2.0


class DatabaseUnavailable(OperationalError):
    """The database did not answer in time, or could not be reached: rendered as 503 (core.errors)."""


QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled (statement_timeout)


def _driver_client_error(dialect: Dialect) -> type[Exception]:
    """asyncpg's InternalClientError as the dialect presents it: the protocol of a connection the
    server ended while it sat idle (see HotRead.all); on another driver, an error never raised."""
    found: type[Exception] = getattr(dialect.loaded_dbapi, "InternalClientError", _NeverRaised)
    return found


class _NeverRaised(Exception):
    pass


def _unavailable_as_operational_error(engine: Engine) -> None:
    """The driver reports a database it cannot reach, or one that stopped answering, with the
    builtin TimeoutError or OSError, and a statement the server cancelled for taking too long as a
    plain error: make those the OperationalError every other outage is."""

    @event.listens_for(engine, "do_connect")
    def connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        try:
            return dialect.connect(*cargs, **cparams)
        except (TimeoutError, OSError) as exc:
            raise DatabaseUnavailable(None, None, exc, connection_invalidated=True) from exc

    @event.listens_for(engine, "handle_error")
    def on_error(context: ExceptionContext) -> OperationalError | None:
        original = context.original_exception
        if getattr(original, "sqlstate", None) == QUERY_CANCELED:  # the connection itself is fine
            return DatabaseUnavailable(context.statement, context.parameters, original)
        if not isinstance(original, TimeoutError | OSError | _driver_client_error(context.dialect)):
            return None
        connection = context.connection
        if connection is not None and not connection.invalidated:
            # The driver gave up waiting on this connection, or lost it: whatever the server does with
            # the statement, the connection's state is unknown. Drop it at once (a polite close would
            # wait on a peer that does not answer); the pool opens a fresh one for the next request.
            context.is_disconnect = True
            context.invalidate_pool_on_disconnect = False
            terminate = getattr(connection.connection.driver_connection, "terminate", None)  # asyncpg's
            if terminate is not None:
                terminate()
        return DatabaseUnavailable(context.statement, context.parameters, original, connection_invalidated=True)


def create_engine(settings: Settings, *, time_limits: bool = True, **kwargs: Any) -> AsyncEngine:
    """The app's engine. `time_limits=False` (migrations) lifts the per-statement limit, which a
    large table's migration may need; connecting and pool waits stay bounded."""
    kwargs.setdefault("pool_timeout", settings.database_pool_timeout_seconds)
    if settings.is_sqlite:
        path = settings.database_url.split("///", 1)[-1]
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(settings.database_url, **kwargs)
        _sqlite_pragmas(engine.sync_engine)
        if time_limits:
            _sqlite_statement_limit(engine.sync_engine, settings.database_statement_timeout_seconds)
        _unavailable_as_operational_error(engine.sync_engine)
        return engine
    kwargs.setdefault("pool_size", settings.database_pool_size)
    kwargs.setdefault("max_overflow", settings.database_max_overflow)
    # No ping before each checkout: on asyncpg it costs two round trips (BEGIN, ROLLBACK), half of a
    # small GET's. A connection found dead is thrown away by the pool and its request answers 503
    # database_unavailable (core.errors), which clients retry; recycling bounds a connection's age.
    kwargs.setdefault("pool_recycle", settings.database_pool_recycle_seconds)
    connect_args: dict[str, Any] = {"timeout": settings.database_connect_timeout_seconds}
    if time_limits:
        statement_ms = int(settings.database_statement_timeout_seconds * 1000)
        connect_args["server_settings"] = {"statement_timeout": str(statement_ms)}
        connect_args["command_timeout"] = settings.database_statement_timeout_seconds + CLIENT_TIMEOUT_GRACE_SECONDS
    kwargs["connect_args"] = {**connect_args, **kwargs.get("connect_args", {})}
    engine = create_async_engine(settings.database_url, **kwargs)
    _unavailable_as_operational_error(engine.sync_engine)
    return engine


@dataclass(frozen=True)
class ConnectionBudget:
    """PostgreSQL serves at most `max_connections`, less those kept for superusers; Shulchan keeps a
    reserve of its own below that (migrations, `psql`, backups, monitoring). Each worker process
    may open up to pool_size + max_overflow connections."""

    workers: int
    per_worker: int
    max_connections: int
    server_reserved: int
    reserve: int

    @property
    def needed(self) -> int:
        return self.workers * self.per_worker

    @property
    def available(self) -> int:
        return self.max_connections - self.server_reserved - self.reserve

    @property
    def fits(self) -> bool:
        return self.needed <= self.available

    def explain(self) -> str:
        return (
            f"{self.workers} worker(s) × {self.per_worker} connections (pool size + max overflow) = {self.needed}; "
            f"the server allows {self.max_connections} − {self.server_reserved} reserved for superusers − "
            f"{self.reserve} kept in reserve (SHULCHAN_DATABASE_CONNECTION_RESERVE) = {self.available}"
        )


async def connection_budget(settings: Settings, workers: int) -> ConnectionBudget:
    """Ask the server for its limits (PostgreSQL only)."""
    engine = create_engine(settings, pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as connection:
            row = (
                await connection.execute(
                    text(
                        "SELECT current_setting('max_connections')::int, "
                        "current_setting('superuser_reserved_connections')::int "
                        "+ coalesce(current_setting('reserved_connections', true), '0')::int"
                    )
                )
            ).one()
    finally:
        await engine.dispose()
    return ConnectionBudget(
        workers=workers,
        per_worker=settings.database_pool_size + settings.database_max_overflow,
        max_connections=row[0],
        server_reserved=row[1],
        reserve=settings.database_connection_reserve,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


_READ_METHODS = frozenset({"GET", "HEAD"})


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: committed when the handler returns, rolled back on any error.

    Declared with scope="function" at the use site so the commit happens before the response is
    sent; a failing commit then becomes an error response instead of a silent 200.
    """
    async with _request_session(request, reading=request.method in _READ_METHODS) as session:
        yield session


async def get_read_first_session(request: Request) -> AsyncIterator[AsyncSession]:
    """For a write that does slow work before it writes (checking a password): the request reads
    with no transaction and no lock, and takes its write transaction with `begin_write` once the slow
    part is done, so SQLite's write lock is never held across it."""
    async with _request_session(request, reading=True) as session:
        yield session


async def begin_write(session: AsyncSession) -> None:
    """End the reading part of a read-first request and begin its write transaction."""
    if isinstance(session.bind, AsyncEngine):
        await session.commit()
        session.info.pop(_AUTOCOMMIT, None)
        session.info[_REQUEST_CONNECTION] = await session.connection(execution_options={WRITE_LOCK: True})


@asynccontextmanager
async def _request_session(request: Request, *, reading: bool) -> AsyncIterator[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        if isinstance(session.bind, AsyncEngine):
            session.info[_AUTOCOMMIT] = reading
            # Reads need no transaction of their own: each statement sees committed data, and the
            # BEGIN and COMMIT round trips (a good share of a small GET's cost) are saved. Writes
            # say so before they begin (see WRITE_LOCK). A session bound to a connection, as in
            # tests, keeps that connection's transaction.
            session.info[_REQUEST_CONNECTION] = await session.connection(
                execution_options={"isolation_level": "AUTOCOMMIT"} if reading else {WRITE_LOCK: True}
            )
        try:
            yield session
            # In autocommit every statement has committed already; only pending ORM objects would
            # still need the flush that commit does.
            if not session.info.get(_AUTOCOMMIT) or session.new or session.dirty or session.deleted:
                await session.commit()
        except BaseException:
            await session.rollback()
            raise


async def referenced_row_exists(session: AsyncSession, foreign_key: Any, value: Any) -> bool:
    """Whether the row a foreign-key column would point at exists, found through the key itself,
    so a domain can check a reference into another without importing that domain's models."""
    (key,) = foreign_key.foreign_keys
    target = key.column
    return await session.scalar(select(target).where(target == value)) is not None


def _violates(exc: IntegrityError, index: Index) -> bool:
    """Whether `exc` is the violation of this unique index: PostgreSQL names the index, SQLite the
    columns it covers."""
    name = getattr(exc.orig.__cause__, "constraint_name", None) if exc.orig is not None else None
    if name is not None:
        return bool(name == index.name)
    columns = ", ".join(f"{column.table.name}.{column.name}" for column in index.columns)
    return f"UNIQUE constraint failed: {columns}" in str(exc.orig)


@contextmanager
def refused_as(index: Index, problem: Exception) -> Iterator[None]:
    """A rule the database holds with a unique index, whoever races: its violation inside the block
    (at a flush) becomes `problem`, the same answer the service's own check gives when not racing."""
    try:
        yield
    except IntegrityError as exc:
        if _violates(exc, index):
            raise problem from exc
        raise


def _live_request_connection(session: AsyncSession) -> AsyncConnection | None:
    """The connection the request began with, while the session still holds it open and valid (a
    commit in the middle of a request, as sign-in makes, hands it back to the pool)."""
    connection: AsyncConnection | None = session.info.get(_REQUEST_CONNECTION)
    if connection is None or connection.sync_connection is None:
        return None
    if connection.sync_connection.closed or connection.sync_connection.invalidated:
        return None
    return connection


class HotRead:
    """A constant SELECT that (nearly) every request runs: who the caller is, a meeting by id.

    On PostgreSQL it goes straight to asyncpg, compiled once: for a one-row lookup, Core's execution
    and result machinery costs more CPU than the query itself (about 150 µs against 60 µs a statement
    on the bench machine), which the single-object GETs feel most. Rows carry the driver's own values
    (an enum column is its string), so callers validate them into their types rather than trust them.
    Elsewhere (SQLite) the statement runs through Core as usual. Failures end as Core's would: a dead
    or silent connection is invalidated and surfaces as DatabaseUnavailable (503 database_unavailable)."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: dict[Dialect, tuple[str, tuple[str, ...]]] = {}

    def _compile(self, dialect: Dialect) -> tuple[str, tuple[str, ...]]:
        if dialect not in self._compiled:
            compiled = self.statement.compile(dialect=dialect)
            self._compiled[dialect] = (compiled.string, tuple(compiled.positiontup or ()))
        return self._compiled[dialect]

    async def all(self, session: AsyncSession, **parameters: Any) -> Sequence[Mapping[Any, Any]]:
        checked_out = _live_request_connection(session)
        connection = checked_out or await session.connection()
        if connection.dialect.driver != "asyncpg":
            return (await connection.execute(self.statement, parameters)).mappings().all()
        import asyncpg  # type: ignore[import-untyped]  # only on PostgreSQL deployments

        sql, names = self._compile(connection.dialect)
        if checked_out is not None and checked_out.sync_connection is not None:
            driver = checked_out.sync_connection.connection.driver_connection  # live: no greenlet needed
        else:
            driver = (await connection.get_raw_connection()).driver_connection
        assert driver is not None
        try:
            rows: Sequence[Mapping[Any, Any]] = await driver.fetch(sql, *(parameters[name] for name in names))
        except TimeoutError as exc:
            # As in the engine's own handler (_unavailable_as_operational_error): the connection's
            # state is unknown, so it is dropped at once rather than closed politely.
            driver.terminate()
            await connection.invalidate(exc)
            raise DatabaseUnavailable(sql, parameters, exc, connection_invalidated=True) from exc
        except (asyncpg.PostgresConnectionError, asyncpg.InterfaceError, asyncpg.InternalClientError, OSError) as exc:
            # InternalClientError: the server ended the connection while it sat idle in the pool (its
            # last words, a FATAL error, left the protocol waiting for a ReadyForQuery that never comes).
            await connection.invalidate(exc)
            raise DatabaseUnavailable(sql, parameters, exc, connection_invalidated=True) from exc
        except asyncpg.QueryCanceledError as exc:  # the server's statement_timeout
            raise DatabaseUnavailable(sql, parameters, exc) from exc
        except asyncpg.PostgresError as exc:
            raise DBAPIError(sql, parameters, exc) from exc
        return rows

    async def one_or_none(self, session: AsyncSession, **parameters: Any) -> Mapping[Any, Any] | None:
        rows = await self.all(session, **parameters)
        return rows[0] if rows else None
