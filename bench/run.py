"""Serves the app as in production (several uvicorn workers on PostgreSQL) and measures it with wrk.

Prints, in one run: the floor (a bare endpoint), the permission-scoped meeting list, one meeting,
a two-word Hebrew and an English search, and the meeting list at its first, middle and last page.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import asyncpg
import httpx

from bench.generate import BENCH_EMAIL, BENCH_PASSWORD, SEATED_ROUNDTABLES, _dsn
from shulchan.core.pagination import encode_cursor

HERE = Path(__file__).resolve().parent
PAGE = 50


def _wrk(url: str, token: str | None, seconds: int, connections: int) -> dict[str, float]:
    """requests/s and latency percentiles of one URL under `connections` concurrent clients."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", str(HERE / "stats.lua")]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


async def _page_cursors(database_url: str) -> dict[str, str | None]:
    """Cursors that open the bench user's meeting list at its middle and last page."""
    connection = await asyncpg.connect(_dsn(database_url))
    try:
        rows = await connection.fetch(
            "SELECT m.starts_at, m.id FROM meetings m JOIN seats s ON s.roundtable_id = m.roundtable_id "
            "JOIN stakeholders k ON k.id = s.stakeholder_id JOIN users u ON u.id = k.user_id "
            "WHERE u.email = $1 ORDER BY m.starts_at, m.id",
            BENCH_EMAIL,
        )
        meeting_id = rows[len(rows) // 2]["id"]
    finally:
        await connection.close()
    total = len(rows)
    middle = rows[(total // PAGE // 2) * PAGE - 1]
    last = rows[((total - 1) // PAGE) * PAGE - 1]
    return {
        "total": str(total),
        "meeting_id": str(meeting_id),
        "middle": encode_cursor("starts_at", [middle["starts_at"], middle["id"]]),
        "last": encode_cursor("starts_at", [last["starts_at"], last["id"]]),
    }


def _serve(database_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SHULCHAN_DATABASE_URL": database_url,
        "SHULCHAN_ENVIRONMENT": "production",
        "SHULCHAN_SECRET_KEY": "bench-secret-" + "y" * 40,
        "SHULCHAN_DEMO_MODE": "false",
        "SHULCHAN_LOGIN_MAX_FAILURES_PER_ADDRESS": "1000",
    }
    shulchan = shutil.which("shulchan") or str(Path(sys.executable).parent / "shulchan")
    return subprocess.Popen(
        [
            shulchan,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


def _wait_ready(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready in 60 s")


class Server:
    """`shulchan serve` with several workers, as in production; stopped with its whole process group."""

    def __init__(self, database_url: str, port: int, workers: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.process = _serve(database_url, port, workers)

    def __enter__(self) -> "Server":
        _wait_ready(self.base)
        return self

    def __exit__(self, *_: object) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def token(self) -> str:
        login = httpx.post(self.base + "/api/v1/auth/token", data={"username": BENCH_EMAIL, "password": BENCH_PASSWORD})
        login.raise_for_status()
        return str(login.json()["access_token"])


def _measure(server: Server, scenarios: list[tuple[str, str, str | None, int]], seconds: int) -> dict[str, dict]:
    for _, path, token, _ in scenarios:  # every scenario must answer 200 before it is timed
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = httpx.get(server.base + path, headers=headers)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:300])
    results = {}
    for name, path, token, connections in scenarios:
        result = _wrk(server.base + path, token, seconds, connections)
        results[name] = result
        print(
            f"{name:<44} {connections:>5} {result['rps']:>9.0f} {result['p50_ms']:>8.2f} {result['p95_ms']:>8.2f} "
            f"{result['p99_ms']:>8.2f} {result['non_2xx']:>8}",
            flush=True,
        )
    return results


HEADER = f"{'scenario':<44} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8}"
HEBREW_QUERY, ENGLISH_QUERY = quote("חינוך ותעסוקה"), quote("education policies")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="the PostgreSQL bench world")
    parser.add_argument("--sqlite-url", help="the SQLite bench world, for its search figures")
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16, help="concurrent clients for throughput")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is needed: apt-get install -y wrk", file=sys.stderr)
        return 2
    cursors = asyncio.run(_page_cursors(args.database_url))
    busy, calm = args.connections, args.workers  # throughput under load; latency with one client per worker
    print(
        f"\nShulchan bench: {args.workers} uvicorn workers, wrk -t2 for {args.seconds} s per scenario; "
        f"the bench user sees {SEATED_ROUNDTABLES} roundtables and {cursors['total']} of their meetings."
    )
    print("Throughput is measured with many clients; search latency with one client per worker.\n")
    print("PostgreSQL")
    print(HEADER)
    with Server(args.database_url, args.port, args.workers) as server:
        token = server.token()
        list_path = f"/api/v1/meetings?limit={PAGE}"
        scenarios = [
            ("floor: GET /healthz", "/healthz", None, busy),
            ("GET /api/v1/meetings?limit=50", list_path, token, busy),
            ("GET /api/v1/meetings/{id}", f"/api/v1/meetings/{cursors['meeting_id']}", token, busy),
            ("search, Hebrew: חינוך ותעסוקה", f"/api/v1/search?q={HEBREW_QUERY}&limit=20", token, calm),
            ("search, English: education policies", f"/api/v1/search?q={ENGLISH_QUERY}&limit=20", token, calm),
            ("meetings, first page", list_path, token, calm),
            ("meetings, middle page", f"{list_path}&cursor={cursors['middle']}", token, calm),
            ("meetings, last page", f"{list_path}&cursor={cursors['last']}", token, calm),
        ]
        results = _measure(server, scenarios, args.seconds)
    names = [s[0] for s in scenarios]
    if args.sqlite_url:
        print("\nSQLite")
        print(HEADER)
        with Server(args.sqlite_url, args.port, args.workers) as server:
            token = server.token()
            sqlite_results = _measure(
                server,
                [
                    ("search, Hebrew: חינוך ותעסוקה", f"/api/v1/search?q={HEBREW_QUERY}&limit=20", token, calm),
                    ("search, English: education policies", f"/api/v1/search?q={ENGLISH_QUERY}&limit=20", token, calm),
                ],
                args.seconds,
            )
    floor = results[names[0]]["rps"]
    print("\nSummary")
    print(f"  meeting list / floor  {results[names[1]]['rps'] / floor:.3f}   (target >= 0.10)")
    print(f"  one meeting / floor   {results[names[2]]['rps'] / floor:.3f}   (target >= 0.25)")
    print(
        f"  search p95, PostgreSQL: Hebrew {results[names[3]]['p95_ms']:.1f} ms, "
        f"English {results[names[4]]['p95_ms']:.1f} ms   (target < 30 ms)"
    )
    if args.sqlite_url:
        he, en = (sqlite_results[n]["p95_ms"] for n in names[3:5])
        print(f"  search p95, SQLite:     Hebrew {he:.1f} ms, English {en:.1f} ms   (target < 30 ms)")
    pages = [results[name]["p50_ms"] for name in names[5:]]
    print(f"  page depth p50: first {pages[0]:.2f} ms, middle {pages[1]:.2f} ms, last {pages[2]:.2f} ms (flat)")
    failed = sum(r["non_2xx"] + r["socket_errors"] for r in results.values())
    if failed:
        print(f"\n{failed} requests failed during the runs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
