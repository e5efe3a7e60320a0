"""Throttling holds under concurrency: attempts are counted before the password is checked, in the
database, one at a time per account and per address, so N simultaneous wrong passwords against a
limit of 5 get exactly 5 password checks, however many processes serve them (on SQLite and on
PostgreSQL, requests really at once, each app on its own engine and pool as a process would be)."""

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from conftest import Live
from helpers import assert_problem, bearer, make_person

from shulchan.core import security
from shulchan.core.db import create_engine
from shulchan.identity import accounts, service
from shulchan.main import create_app

PASSWORD = "the right pass phrase"
LIMIT = 5
RACERS = 16
PROCESSES = 2


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password actually checked (sign-in and password change), in order."""
    seen: list[str] = []

    async def counting(password_hash: str | None, password: str) -> bool:
        seen.append(password)
        return await security.verify_password_off_loop(password_hash, password)

    monkeypatch.setattr(service, "verify_password_off_loop", counting)
    monkeypatch.setattr(accounts, "verify_password_off_loop", counting)
    return seen


@pytest.fixture
async def processes(live: Live) -> AsyncIterator[Callable[[int, str], httpx.AsyncClient]]:
    """`client(n, address)`: a client of app process n (of PROCESSES), calling from `address`."""
    settings = live.settings.model_copy(
        update={"login_max_failures_per_account": LIMIT, "login_max_failures_per_address": 1000}
    )
    engines = [create_engine(settings) for _ in range(PROCESSES)]
    apps = [create_app(settings, engine=engine) for engine in engines]
    clients: list[httpx.AsyncClient] = []

    def client(number: int, address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(
            app=apps[number % PROCESSES], raise_app_exceptions=False, client=(address, 5000)
        )
        clients.append(httpx.AsyncClient(transport=transport, base_url="http://testserver"))
        return clients[-1]

    yield client
    for http in clients:
        await http.aclose()
    for engine in engines:
        await engine.dispose()


async def _person(live: Live) -> tuple[str, dict[str, str]]:
    async with live.sessionmaker() as session, session.begin():
        user = await make_person(session)
        user.password_hash = security.hash_password(PASSWORD)
        return user.email, await bearer(session, live.settings, user)


async def test_simultaneous_wrong_passwords_get_exactly_the_allowance_of_checks(live: Live, processes, checked) -> None:
    email, _ = await _person(live)

    answers = await asyncio.gather(
        *(
            processes(n, f"10.9.0.{n}").post("/api/v1/auth/token", data={"username": email, "password": f"guess {n}"})
            for n in range(RACERS)
        )
    )

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [401] * LIMIT + [429] * (RACERS - LIMIT), [a.text for a in answers]
    assert len(checked) == LIMIT
    for refused in (a for a in answers if a.status_code == 429):
        assert_problem(refused, 429, "too_many_requests")
    # The allowance is spent: the right password is refused too, without being checked.
    late = await processes(0, "10.9.1.1").post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    assert_problem(late, 429, "too_many_requests")
    assert len(checked) == LIMIT


async def test_simultaneous_wrong_current_passwords_get_exactly_the_allowance_of_checks(
    live: Live, processes, checked
) -> None:
    email, headers = await _person(live)

    answers = await asyncio.gather(
        *(
            processes(n, "10.9.2.1").post(
                "/api/v1/me/password",
                json={"current_password": f"guess {n}", "new_password": "a brand new pass phrase"},
                headers=headers,
            )
            for n in range(RACERS)
        )
    )

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [401] * LIMIT + [429] * (RACERS - LIMIT), [a.text for a in answers]
    assert len(checked) == LIMIT
    # Password changes and sign-ins share one allowance per account.
    signing_in = await processes(1, "10.9.2.2").post(
        "/api/v1/auth/token", data={"username": email, "password": PASSWORD}
    )
    assert_problem(signing_in, 429, "too_many_requests")


async def test_a_success_elsewhere_leaves_the_guessers_count_standing(live: Live, processes, checked) -> None:
    """Guesses from one address race a successful sign-in from another: the success forgives only
    its own address's failures, so the guessers still get no more than the allowance in total."""
    email, _ = await _person(live)
    guesser, owner = processes(0, "10.9.3.1"), processes(1, "10.9.3.2")

    first = await asyncio.gather(
        *(guesser.post("/api/v1/auth/token", data={"username": email, "password": f"a {n}"}) for n in range(3)),
        owner.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD}),
    )
    assert sorted(a.status_code for a in first) == [200, 401, 401, 401], [a.text for a in first]
    second = await asyncio.gather(
        *(guesser.post("/api/v1/auth/token", data={"username": email, "password": f"b {n}"}) for n in range(RACERS))
    )

    assert sorted(a.status_code for a in second) == [401] * (LIMIT - 3) + [429] * (RACERS - LIMIT + 3)
    assert len([password for password in checked if password != PASSWORD]) == LIMIT
