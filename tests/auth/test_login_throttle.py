"""Failed sign-ins: the same answer for every kind of failure, throttling per account and per address,
counted in the database so that several app processes share one allowance, and no timing oracle."""

import statistics
import time
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from helpers import assert_problem, make_person
from sqlalchemy import func, select, update

from shulchan.core.security import hash_password
from shulchan.identity.models import LoginFailure, User

PASSWORD = "a pass phrase of the test's own"
PASSWORD_HASH = hash_password(PASSWORD)  # hashed once: argon2 is slow by design
# People of the test's own (made for each test, rolled back after it), who sign in with PASSWORD.
MEMBER, HOST, OBSERVER = "throttle-member@example.org", "throttle-host@example.org", "throttle-observer@example.org"
ACCOUNT_LIMIT = 3
ADDRESS_LIMIT = 6


def assert_throttled(response, settings):
    assert_problem(response, 429, "too_many_requests")
    retry_after = response.headers["retry-after"]
    assert retry_after.isdigit(), retry_after
    assert 0 < int(retry_after) <= settings.login_failure_window_seconds + 1


async def attempt(client, email, password):
    return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


async def assert_bad_credentials(client, email, password):
    response = await attempt(client, email, password)
    return assert_problem(response, 401, "invalid_credentials")


@pytest.fixture(autouse=True)
async def people(db) -> dict[str, User]:
    made = {}
    for email in (MEMBER, HOST, OBSERVER):
        user = await make_person(db)
        user.email, user.password_hash = email, PASSWORD_HASH
        made[email] = user
    await db.commit()
    return made


@pytest.fixture
def throttled_app(app_factory, sessionmaker):
    """Builds app instances with small limits, each standing for one process on the shared database."""

    def build(**overrides):
        limits = {
            "login_max_failures_per_account": ACCOUNT_LIMIT,
            "login_max_failures_per_address": ADDRESS_LIMIT,
            **overrides,
        }
        app = app_factory(**limits)
        app.state.sessionmaker = sessionmaker  # run inside the test's transaction
        return app

    return build


@asynccontextmanager
async def client_for(app, address="10.0.0.1"):
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 51000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


# --- one answer for every failure ----------------------------------------------------------------


async def test_unknown_or_deactivated_user_gets_the_same_answer_as_a_wrong_password(client, db, people):
    wrong_password = await assert_bad_credentials(client, MEMBER, "not-the-password")
    unknown_email = await assert_bad_credentials(client, "nobody@example.org", PASSWORD)
    await db.execute(update(User).where(User.id == people[OBSERVER].id).values(is_active=False))
    await db.commit()
    deactivated = await assert_bad_credentials(client, OBSERVER, PASSWORD)
    no_password = await assert_bad_credentials(client, "outsider@example.org", "anything")

    assert wrong_password["detail"] == unknown_email["detail"] == deactivated["detail"] == no_password["detail"]
    assert wrong_password["title"] == unknown_email["title"] == deactivated["title"]


async def test_user_without_a_password_cannot_sign_in(client):
    """The outsider has no password hash at all: no password, however guessed, gets in."""
    for password in ("None", "null", "$argon2id$", PASSWORD):
        await assert_bad_credentials(client, "outsider@example.org", password)


async def test_each_failure_is_recorded(client, db):
    for _ in range(2):
        await assert_bad_credentials(client, MEMBER, "wrong")
    count = await db.scalar(select(func.count()).select_from(LoginFailure).where(LoginFailure.email == MEMBER))
    assert count == 2


async def test_unknown_email_costs_as_much_time_as_a_wrong_password(throttled_app):
    """Unknown emails run the same argon2 work: otherwise the answer time tells which emails exist."""
    app = throttled_app(login_max_failures_per_account=1000, login_max_failures_per_address=1000)

    async def timed(http, email):
        started = time.perf_counter()
        response = await attempt(http, email, "definitely-wrong")
        elapsed = time.perf_counter() - started
        assert_problem(response, 401, "invalid_credentials")
        return elapsed

    async with client_for(app) as http:
        await timed(http, MEMBER)  # warm up both paths
        await timed(http, "warm-up@example.org")
        known, unknown = [], []
        for attempt_number in range(5):
            known.append(await timed(http, MEMBER))
            unknown.append(await timed(http, f"nobody-{attempt_number}@example.org"))
    known_time, unknown_time = statistics.median(known), statistics.median(unknown)
    assert unknown_time >= 0.4 * known_time, (known, unknown)
    assert known_time >= 0.4 * unknown_time, (known, unknown)


# --- throttling per account ----------------------------------------------------------------------


async def test_repeated_failures_for_one_account_are_throttled(throttled_app, settings):
    async with client_for(throttled_app()) as http:
        for _ in range(ACCOUNT_LIMIT):
            await assert_bad_credentials(http, MEMBER, "wrong")
        assert_throttled(await attempt(http, MEMBER, "wrong"), settings)
        # The right password is refused as well while throttled, and the email's case changes nothing.
        assert_throttled(await attempt(http, MEMBER, PASSWORD), settings)
        assert_throttled(await attempt(http, MEMBER.upper(), PASSWORD), settings)
        # Another account from the same address is not affected (the address limit is higher).
        response = await attempt(http, HOST, PASSWORD)
        assert response.status_code == 200, response.text


async def test_account_throttle_holds_across_addresses(throttled_app, settings):
    app = throttled_app()
    for number in range(ACCOUNT_LIMIT):
        async with client_for(app, address=f"10.0.1.{number}") as http:
            await assert_bad_credentials(http, MEMBER, "wrong")
    async with client_for(app, address="10.0.1.200") as http:
        assert_throttled(await attempt(http, MEMBER, PASSWORD), settings)


async def test_successful_login_clears_the_account_failures(throttled_app, settings):
    """From the same address: the earlier failures were the same person's typos."""
    async with client_for(throttled_app()) as http:
        for _ in range(2):
            for _ in range(ACCOUNT_LIMIT - 1):
                await assert_bad_credentials(http, MEMBER, "wrong")
            # Without the reset, the second round would reach the limit and this would be a 429.
            response = await attempt(http, MEMBER, PASSWORD)
            assert response.status_code == 200, response.text
        # Counting starts again from zero: the full allowance, then throttled.
        for _ in range(ACCOUNT_LIMIT):
            await assert_bad_credentials(http, MEMBER, "wrong")
        assert_throttled(await attempt(http, MEMBER, PASSWORD), settings)


async def test_a_success_from_another_address_does_not_erase_the_failures(throttled_app, settings):
    """A guesser at 10.0.6.1 must not get a fresh allowance each time the owner signs in elsewhere."""
    app = throttled_app()
    async with client_for(app, address="10.0.6.1") as guesser, client_for(app, address="10.0.6.2") as owner:
        for _ in range(ACCOUNT_LIMIT - 1):
            await assert_bad_credentials(guesser, MEMBER, "wrong")
        response = await attempt(owner, MEMBER, PASSWORD)
        assert response.status_code == 200, response.text
        await assert_bad_credentials(guesser, MEMBER, "wrong")
        assert_throttled(await attempt(guesser, MEMBER, "wrong"), settings)


async def test_failures_outside_the_window_do_not_count(throttled_app, db, settings):
    async with client_for(throttled_app()) as http:
        for _ in range(ACCOUNT_LIMIT):
            await assert_bad_credentials(http, MEMBER, "wrong")
        # Move the failures to just before the window: they no longer count.
        long_ago = datetime.now(UTC) - timedelta(seconds=settings.login_failure_window_seconds + 60)
        await db.execute(update(LoginFailure).values(created_at=long_ago))
        await db.commit()
        response = await attempt(http, MEMBER, PASSWORD)
        assert response.status_code == 200, response.text


# --- throttling per address ----------------------------------------------------------------------


async def test_failures_from_one_address_are_throttled_across_emails(throttled_app, settings):
    app = throttled_app()
    async with client_for(app, address="10.0.2.1") as http:
        for number in range(ADDRESS_LIMIT):
            await assert_bad_credentials(http, f"guess-{number}@example.org", "wrong")
        # A fresh email, even a real account with its right password, is refused from this address.
        assert_throttled(await attempt(http, "guess-new@example.org", "wrong"), settings)
        assert_throttled(await attempt(http, MEMBER, PASSWORD), settings)
    # The same account from another address signs in: the limit was the address's, not the account's.
    async with client_for(app, address="10.0.2.2") as http:
        response = await attempt(http, MEMBER, PASSWORD)
        assert response.status_code == 200, response.text


# --- several processes share one allowance -------------------------------------------------------


async def test_two_processes_do_not_double_the_account_allowance(throttled_app, settings):
    process_a, process_b = throttled_app(), throttled_app()
    assert process_a is not process_b
    async with client_for(process_a, "10.0.3.1") as http_a, client_for(process_b, "10.0.3.2") as http_b:
        await assert_bad_credentials(http_a, MEMBER, "wrong")
        await assert_bad_credentials(http_a, MEMBER, "wrong")
        await assert_bad_credentials(http_b, MEMBER, "wrong")
        # Each process alone saw fewer failures than the limit; together they reached it.
        assert_throttled(await attempt(http_b, MEMBER, PASSWORD), settings)
        assert_throttled(await attempt(http_a, MEMBER, PASSWORD), settings)


async def test_two_processes_do_not_double_the_address_allowance(throttled_app, settings):
    process_a, process_b = throttled_app(), throttled_app()
    async with client_for(process_a, "10.0.4.1") as http_a, client_for(process_b, "10.0.4.1") as http_b:
        for number in range(ADDRESS_LIMIT // 2):
            await assert_bad_credentials(http_a, f"a-{number}@example.org", "wrong")
            await assert_bad_credentials(http_b, f"b-{number}@example.org", "wrong")
        assert_throttled(await attempt(http_a, MEMBER, PASSWORD), settings)
        assert_throttled(await attempt(http_b, MEMBER, PASSWORD), settings)


# --- odd input -----------------------------------------------------------------------------------


async def test_an_over_long_username_is_an_ordinary_failure(throttled_app, settings):
    """Longer than any stored email (320): refused like any other failure and counted, never a 500."""
    long_username = "x" * 400 + "@example.org"
    async with client_for(throttled_app(), address="10.0.5.1") as http:
        for _ in range(ACCOUNT_LIMIT):
            await assert_bad_credentials(http, long_username, "wrong")
        assert_throttled(await attempt(http, long_username, "wrong"), settings)
