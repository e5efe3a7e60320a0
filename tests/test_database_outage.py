"""A connection the database dropped (a restart, a failover, a proxy's idle timeout) costs one request
a 503 the client can retry, never a 500; the pool throws the dead connection away and the next
request works. The pool does not ping before each checkout (core.db), so this is the path taken."""

import asyncpg
import pytest
from conftest import DATABASE_KIND, POSTGRES_SERVER, Live
from helpers import assert_problem, make_table

pytestmark = pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="terminating connections needs a server")


async def _terminate_connections_to(database: str) -> int:
    admin = await asyncpg.connect(POSTGRES_SERVER.replace("postgresql+asyncpg://", "postgresql://") + "/postgres")
    try:
        return len(
            await admin.fetch(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                database,
            )
        )
    finally:
        await admin.close()


async def test_a_dropped_connection_answers_503_then_recovers(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
    url = f"/api/v1/roundtables/{table.roundtable.id}"
    assert (await live.client.get(url, headers=table.facilitator)).status_code == 200

    assert await _terminate_connections_to(live.settings.database_url.rsplit("/", 1)[1]) >= 1

    dropped = await live.client.get(url, headers=table.facilitator)
    body = assert_problem(dropped, 503, "database_unavailable")
    assert dropped.headers["Retry-After"] == "1"
    assert "Traceback" not in body["detail"]
    recovered = await live.client.get(url, headers=table.facilitator)
    assert recovered.status_code == 200, recovered.text
