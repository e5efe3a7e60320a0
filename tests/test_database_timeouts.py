"""A hung database hangs nothing: with a TCP proxy between the app and PostgreSQL black-holing the
traffic, requests answer 503 problem+json within the time limits (connect, statement, pool checkout),
/readyz answers within its own limit, SIGTERM ends the server in bounded time, and once the traffic
flows again everything works without a restart."""

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from conftest import DATABASE_KIND, POSTGRES_SERVER, TEST_SECRET, Live
from helpers import Table, assert_problem, make_table
from sqlalchemy.engine import make_url
from tcp_proxy import TcpProxy

from shulchan.core.config import Settings
from shulchan.core.db import CLIENT_TIMEOUT_GRACE_SECONDS, create_engine
from shulchan.main import create_app

pytestmark = pytest.mark.skipif(DATABASE_KIND != "postgresql", reason="the proxy stands in front of PostgreSQL")

LIMITS = {
    "database_connect_timeout_seconds": 1.0,
    "database_statement_timeout_seconds": 1.0,
    "database_pool_timeout_seconds": 1.0,
    "database_pool_size": 2,
    "database_max_overflow": 0,
    "readiness_timeout_seconds": 1.0,
}
# The longest a request may take with the database black-holed: the statement's limit, the client's
# grace beyond it, and a second for everything else.
REQUEST_BOUND = LIMITS["database_statement_timeout_seconds"] + CLIENT_TIMEOUT_GRACE_SECONDS + 1.0


@dataclass
class Proxied:
    proxy: TcpProxy
    settings: Settings
    client: httpx.AsyncClient
    table: Table

    def url(self) -> str:
        return f"/api/v1/roundtables/{self.table.roundtable.id}"

    async def timed(self, method: str, url: str, **kwargs: object) -> tuple[httpx.Response, float]:
        started = time.monotonic()
        response = await self.client.request(method, url, **kwargs)  # type: ignore[arg-type]
        return response, time.monotonic() - started


def _through(proxy: TcpProxy, database_url: str) -> str:
    return make_url(database_url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


@pytest.fixture
async def proxy() -> AsyncIterator[TcpProxy]:
    server = make_url(POSTGRES_SERVER)
    running = await TcpProxy(server.host or "127.0.0.1", server.port or 5432).start()
    yield running
    await running.close()


@pytest.fixture
async def proxied(live: Live, proxy: TcpProxy) -> AsyncIterator[Proxied]:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
    settings = live.settings.model_copy(update={"database_url": _through(proxy, live.settings.database_url), **LIMITS})
    engine = create_engine(settings)
    transport = httpx.ASGITransport(app=create_app(settings, engine=engine), raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield Proxied(proxy, settings, http, table)
    finally:
        proxy.resume()
        await engine.dispose()


def assert_unavailable(response: httpx.Response, elapsed: float, bound: float = REQUEST_BOUND) -> None:
    assert_problem(response, 503, "database_unavailable")
    assert response.headers["Retry-After"] == "1"
    assert elapsed < bound, f"answered after {elapsed:.1f} s"


async def test_requests_on_a_hung_database_answer_503_within_the_time_limits(proxied: Proxied) -> None:
    warm, _ = await proxied.timed("GET", proxied.url(), headers=proxied.table.facilitator)
    assert warm.status_code == 200, warm.text  # a pooled connection now exists, and will hang

    proxied.proxy.pause()
    # A read on the pooled connection: the statement's limit.
    read, elapsed = await proxied.timed("GET", proxied.url(), headers=proxied.table.facilitator)
    assert_unavailable(read, elapsed)
    # A write: the same.
    write, elapsed = await proxied.timed(
        "PATCH", proxied.url(), json={"policy_area": "timeouts"}, headers=proxied.table.facilitator
    )
    assert_unavailable(write, elapsed)
    # A fresh connection cannot be opened: the connect limit.
    fresh, elapsed = await proxied.timed("GET", proxied.url(), headers=proxied.table.facilitator)
    assert_unavailable(fresh, elapsed)


async def test_more_requests_than_connections_all_answer_503_in_bounded_time(proxied: Proxied) -> None:
    """Two connections, eight requests: six wait for a connection and give up at the pool's limit."""
    assert (await proxied.client.get(proxied.url(), headers=proxied.table.facilitator)).status_code == 200
    proxied.proxy.pause()
    started = time.monotonic()
    answers = await asyncio.gather(
        *(proxied.timed("GET", proxied.url(), headers=proxied.table.facilitator) for _ in range(8))
    )
    for response, elapsed in answers:
        assert_unavailable(response, elapsed)
    assert time.monotonic() - started < REQUEST_BOUND


async def test_readyz_answers_within_its_limit_on_a_hung_database(proxied: Proxied) -> None:
    assert (await proxied.client.get("/readyz")).status_code == 200
    proxied.proxy.pause()
    for _ in range(2):  # on the pooled connection, then on a connection that cannot be opened
        response, elapsed = await proxied.timed("GET", "/readyz")
        assert_problem(response, 503, "database_unreachable")
        assert elapsed < 2.0, f"/readyz answered after {elapsed:.1f} s"


async def test_everything_recovers_when_the_database_answers_again(proxied: Proxied) -> None:
    assert (await proxied.client.get(proxied.url(), headers=proxied.table.facilitator)).status_code == 200
    proxied.proxy.pause()
    await asyncio.gather(
        *(proxied.client.get(proxied.url(), headers=proxied.table.facilitator) for _ in range(4)),
        proxied.client.get("/readyz"),
    )
    proxied.proxy.resume()

    assert (await proxied.client.get("/readyz")).status_code == 200
    for _ in range(3):  # more requests than pooled connections: none of the dead ones is handed out
        response = await proxied.client.get(proxied.url(), headers=proxied.table.facilitator)
        assert response.status_code == 200, response.text
    changed = await proxied.client.patch(
        proxied.url(), json={"policy_area": "recovered"}, headers=proxied.table.facilitator
    )
    assert changed.status_code == 200, changed.text


async def test_dropped_connections_answer_503_then_recover(proxied: Proxied) -> None:
    assert (await proxied.client.get(proxied.url(), headers=proxied.table.facilitator)).status_code == 200
    proxied.proxy.drop()
    dropped, elapsed = await proxied.timed("GET", proxied.url(), headers=proxied.table.facilitator)
    assert_unavailable(dropped, elapsed, bound=1.0)
    recovered = await proxied.client.get(proxied.url(), headers=proxied.table.facilitator)
    assert recovered.status_code == 200, recovered.text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
async def test_sigterm_ends_the_server_in_bounded_time_while_a_request_hangs(live: Live, proxy: TcpProxy) -> None:
    port = _free_port()
    shutdown = 2.0
    env = {
        **os.environ,
        "SHULCHAN_ENVIRONMENT": "test",
        "SHULCHAN_SECRET_KEY": TEST_SECRET,
        "SHULCHAN_DATABASE_URL": _through(proxy, live.settings.database_url),
        "SHULCHAN_DATABASE_STATEMENT_TIMEOUT_SECONDS": "60",  # the request would hang far longer
        "SHULCHAN_SHUTDOWN_TIMEOUT_SECONDS": str(shutdown),
    }
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "shulchan.cli", "serve", "--port", str(port), "--log-level", "warning",
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            ready_by = time.monotonic() + 60  # starting a process is slow on a busy machine
            while time.monotonic() < ready_by and server.returncode is None:
                try:
                    if (await http.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
            else:
                output = await server.stderr.read() if server.returncode is not None else b""  # type: ignore[union-attr]
                pytest.fail(f"the server did not become ready: {output.decode(errors='replace')[-2000:]}")
            proxy.pause()
            sign_in = {"username": "nobody@example.org", "password": "x"}
            hanging = asyncio.ensure_future(http.post("/api/v1/auth/token", data=sign_in))
            await asyncio.sleep(0.5)
            assert not hanging.done()

            started = time.monotonic()
            server.send_signal(signal.SIGTERM)
            await asyncio.wait_for(server.wait(), timeout=3 * shutdown + 5)
            took = time.monotonic() - started
            hanging.cancel()
        assert took < 2 * shutdown + 2, f"the server took {took:.1f} s to stop"
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
