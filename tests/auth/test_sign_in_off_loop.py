"""Password hashing never stalls the process: while several people sign in at once, the event loop
keeps turning (argon2 runs in a bounded pool of threads, core.security)."""

import asyncio
import time
from collections.abc import Callable

from conftest import Live
from helpers import make_person

from shulchan.core.security import hash_password, verify_password

PASSWORD = "a long enough pass phrase"
SIGN_INS = 6


async def _longest_stall(stop: asyncio.Event) -> float:
    """The longest time the loop went without running this task, while it asked to run every 2 ms."""
    loop = asyncio.get_running_loop()
    longest, last = 0.0, loop.time()
    while not stop.is_set():
        await asyncio.sleep(0.002)
        now = loop.time()
        longest, last = max(longest, now - last), now
    return longest


async def test_concurrent_sign_ins_leave_the_loop_free(live: Live) -> None:
    password_hash = hash_password(PASSWORD)
    async with live.sessionmaker() as session, session.begin():
        user = await make_person(session)
        user.password_hash = password_hash
        email = user.email
    one_hash = min(_timed(lambda: verify_password(password_hash, PASSWORD)) for _ in range(3))

    stop = asyncio.Event()
    watcher = asyncio.create_task(_longest_stall(stop))
    await asyncio.sleep(0.01)
    answers = await asyncio.gather(
        *(
            live.client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
            for _ in range(SIGN_INS)
        )
    )
    stop.set()
    stall = await watcher

    assert [a.status_code for a in answers] == [200] * SIGN_INS, [a.text for a in answers]
    # Hashing on the loop would stall it for at least one whole hash each time.
    assert stall < 0.75 * one_hash, f"the loop stalled {stall * 1000:.0f} ms; one hash takes {one_hash * 1000:.0f} ms"


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
