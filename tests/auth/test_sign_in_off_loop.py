"""Password hashing never runs on the event loop: while several people sign in at once, each argon2
verification runs in a worker thread, at most two at a time per process (core.security), so other
requests keep being served. The real hasher does the work; it is only watched."""

import asyncio
import threading

import pytest
from argon2 import PasswordHasher
from conftest import Live
from helpers import make_person

from shulchan.core import security

PASSWORD = "a long enough pass phrase"
SIGN_INS = 6


class WatchedHasher(PasswordHasher):
    """argon2id as in production, noting which thread verifies and how many verify at once."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[int] = []
        self.running = self.most_at_once = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.threads.append(threading.get_ident())
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.running -= 1


async def test_concurrent_sign_ins_hash_off_the_loop_two_at_a_time(live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = WatchedHasher()
    monkeypatch.setattr(security, "_password_hasher", hasher)
    # People of their own: an account's attempts in flight count against its allowance (5) until
    # they succeed, so six at once for one account would be one too many (test_login_race.py).
    emails = []
    async with live.sessionmaker() as session, session.begin():
        for _ in range(SIGN_INS):
            user = await make_person(session)
            user.password_hash = hasher.hash(PASSWORD)
            emails.append(user.email)

    answers = await asyncio.gather(
        *(live.client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD}) for email in emails)
    )

    assert [a.status_code for a in answers] == [200] * SIGN_INS, [a.text for a in answers]
    assert len(hasher.threads) == SIGN_INS
    assert threading.get_ident() not in hasher.threads, "a password was verified on the event loop"
    assert hasher.most_at_once == 2
