"""A statement that runs past SHULCHAN_DATABASE_STATEMENT_TIMEOUT_SECONDS is stopped by the database
(PostgreSQL's statement_timeout; on SQLite a progress handler interrupts it) and its request answers
503 problem+json, on SQLite and PostgreSQL; the connection serves the next request as usual."""

import time

import httpx
from conftest import DATABASE_KIND
from helpers import assert_problem
from sqlalchemy import text

from shulchan.access.dependencies import SessionDep
from shulchan.core.config import Settings
from shulchan.core.db import create_engine
from shulchan.main import create_app

LIMIT = 0.5
# Seconds of work on either database, if nothing stopped it.
SLOW = (
    "SELECT pg_sleep(5)"
    if DATABASE_KIND == "postgresql"
    else "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000000) SELECT count(*) FROM n"
)


async def test_a_statement_past_its_limit_answers_503_and_the_next_request_works(live_settings: Settings) -> None:
    limits = {"database_statement_timeout_seconds": LIMIT, "readiness_timeout_seconds": 10, "database_pool_size": 1}
    settings = live_settings.model_copy(update=limits)
    engine = create_engine(settings)
    app = create_app(settings, engine=engine)

    async def slow(session: SessionDep) -> dict[str, str]:
        await session.execute(text(SLOW))
        return {}

    app.add_api_route("/slow", slow)
    app.router.routes.insert(0, app.router.routes.pop())  # ahead of the web app's catch-all

    try:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            started = time.monotonic()
            response = await http.get("/slow")
            elapsed = time.monotonic() - started
            assert_problem(response, 503, "database_unavailable")
            assert response.headers["Retry-After"] == "1"
            assert elapsed < LIMIT + 3.5, f"answered after {elapsed:.1f} s"  # unstopped, it runs far longer
            assert (await http.get("/readyz")).status_code == 200
    finally:
        await engine.dispose()
