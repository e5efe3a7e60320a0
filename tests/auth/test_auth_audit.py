"""The trail tells who signed in, who failed to, which refresh token came back, who signed out and who
changed (or failed to change) their password: written by the one audit path, never a password in it."""

import pytest
from helpers import make_person
from sqlalchemy import select

from shulchan.audit.models import AuditEvent
from shulchan.core.security import hash_password
from shulchan.identity.models import LoginFailure, User

PASSWORD = "a pass phrase of the test's own"
PASSWORD_HASH = hash_password(PASSWORD)
NEW_PASSWORD = "another pass phrase entirely"


@pytest.fixture
async def member(db) -> User:
    user = await make_person(db)
    user.password_hash = PASSWORD_HASH
    await db.commit()
    return user


async def trail(db, **where) -> list[AuditEvent]:
    stmt = select(AuditEvent).filter_by(**where).order_by(AuditEvent.id)
    return list((await db.scalars(stmt)).all())


async def sign_in(client, email, password=PASSWORD):
    return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


def assert_no_secrets(events, *secrets):
    raw = repr([(event.action, event.changes) for event in events])
    for secret in secrets:
        assert secret not in raw


async def test_a_sign_in_and_a_sign_out_are_recorded(client, db, member):
    pair = (await sign_in(client, member.email)).json()
    await client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {pair['access_token']}"})

    events = await trail(db, entity_id=member.id)
    assert [e.action for e in events] == ["sign_in", "sign_out"]
    signed_in, signed_out = events
    assert signed_in.actor_user_id == signed_out.actor_user_id == member.id
    assert signed_in.entity_type == "users"
    assert signed_in.roundtable_id is None
    assert signed_in.changes["session_id"] == signed_out.changes["session_id"]
    assert signed_in.changes["address"] == "127.0.0.1"
    assert signed_in.request_id
    assert_no_secrets(events, PASSWORD, pair["access_token"], pair["refresh_token"])


async def test_failed_sign_ins_are_recorded_for_known_and_unknown_accounts(client, db, member):
    assert (await sign_in(client, member.email, "not the password")).status_code == 401
    assert (await sign_in(client, "nobody@example.org", "not the password")).status_code == 401

    (known,) = await trail(db, action="sign_in_failed", entity_id=member.id)
    assert known.actor_user_id is None  # whoever typed it, it was not shown to be the member
    assert known.changes == {"email": member.email, "address": "127.0.0.1"}
    unknown_attempt = await db.scalar(select(LoginFailure.id).where(LoginFailure.email == "nobody@example.org"))
    (unknown,) = await trail(db, action="sign_in_failed", entity_id=unknown_attempt)
    assert unknown.entity_type == "login_failures"
    assert unknown.changes["email"] == "nobody@example.org"
    assert_no_secrets([known, unknown], "not the password")


async def test_a_reused_refresh_token_is_recorded(client, db, member):
    first = (await sign_in(client, member.email)).json()
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    ).status_code == 200
    again = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert again.status_code == 401

    (reused,) = await trail(db, action="refresh_token_reused", entity_id=member.id)
    assert reused.actor_user_id is None
    (signed_in,) = await trail(db, action="sign_in", entity_id=member.id)
    assert reused.changes == {"session_id": signed_in.changes["session_id"]}
    assert_no_secrets([reused], first["refresh_token"])


async def test_password_changes_and_failed_ones_are_recorded(client, db, member):
    pair = (await sign_in(client, member.email)).json()
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    wrong = await client.post(
        "/api/v1/me/password",
        json={"current_password": "a wrong guess here", "new_password": NEW_PASSWORD},
        headers=headers,
    )
    assert wrong.status_code == 401
    right = await client.post(
        "/api/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}, headers=headers
    )
    assert right.status_code == 204, right.text

    events = await trail(db, entity_id=member.id)
    assert [e.action for e in events] == ["sign_in", "change_password_failed", "change_password"]
    assert all(e.actor_user_id == member.id for e in events[1:])
    assert_no_secrets(events, PASSWORD, NEW_PASSWORD, "a wrong guess here")


async def test_an_over_long_username_is_recorded_cut_to_size(client, db):
    long_username = "x" * 5000 + "@example.org"
    assert (await sign_in(client, long_username, "whatever it is")).status_code == 401
    (failed,) = await trail(db, action="sign_in_failed", entity_type="login_failures")
    assert failed.changes["email"] == long_username[:320]
