"""Access tokens (JWT) and refresh tokens: what is accepted, what is refused, rotation, reuse and sign-out.

Every bad token answers 401 problem+json with a stable code: `invalid_token` when the token itself is
wrong (signature, algorithm, claims, type), `session_revoked` when it is well formed but its session or
user no longer counts.
"""

import base64
import json
import time
import uuid

import pytest
from helpers import assert_problem, make_admin, make_person
from jose import jwt
from sqlalchemy import select, update

from shulchan.core.security import hash_password
from shulchan.identity.models import AuthSession, RefreshToken, User

PASSWORD = "a pass phrase of the test's own"
PASSWORD_HASH = hash_password(PASSWORD)  # hashed once: argon2 is slow by design
ME = "/api/v1/me"


# --- helpers -------------------------------------------------------------------------------------


def assert_unauthorized(response, code):
    body = assert_problem(response, 401, code)
    assert response.headers["www-authenticate"] == "Bearer"
    return body


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def login(client, email, password=PASSWORD):
    response = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    pair = response.json()
    assert pair["token_type"] == "bearer"
    return pair


async def refresh(client, refresh_token):
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


async def new_session(db, user_id):
    auth_session = AuthSession(user_id=user_id)
    db.add(auth_session)
    await db.commit()
    return auth_session.id


def good_claims(settings, user_id, session_id, **changes):
    """Claims exactly like the app's own; `changes` overrides them, a value of None drops the claim."""
    now = int(time.time())
    claims = {
        "sub": str(user_id),
        "sid": str(session_id),
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "iat": now,
        "exp": now + 600,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
    }
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return claims


def sign(settings, claims, key=None, algorithm="HS256"):
    return jwt.encode(claims, key or settings.secret_key, algorithm=algorithm)


def b64url(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


@pytest.fixture
async def member(db) -> User:
    """A person of the test's own who signs in with PASSWORD."""
    user = await make_person(db)
    user.password_hash = PASSWORD_HASH
    await db.commit()
    return user


@pytest.fixture
async def admin(db) -> User:
    user = await make_admin(db)
    await db.commit()
    return user


@pytest.fixture
async def member_session(db, member):
    """A live session of the member, made directly (no password hashing)."""
    return member.id, await new_session(db, member.id)


# --- what the app accepts ------------------------------------------------------------------------


async def test_a_token_built_like_the_apps_own_is_accepted(client, settings, member_session):
    """The control for every refusal below: the same claims, unmodified, sign the member in."""
    user_id, session_id = member_session
    response = await client.get(ME, headers=bearer(sign(settings, good_claims(settings, user_id, session_id))))
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(user_id)


async def test_no_token_on_a_signed_in_endpoint_is_401(client):
    assert_unauthorized(await client.get(ME), "not_authenticated")


# --- bad access tokens ---------------------------------------------------------------------------


async def test_forged_signature_is_refused(client, settings, member_session):
    claims = good_claims(settings, *member_session)
    forged = sign(settings, claims, key="someone-elses-secret-" + "y" * 40)
    assert_unauthorized(await client.get(ME, headers=bearer(forged)), "invalid_token")


async def test_tampered_payload_with_the_original_signature_is_refused(client, settings, member_session, admin):
    header, _payload, signature = sign(settings, good_claims(settings, *member_session)).split(".")
    admin_claims = good_claims(settings, admin.id, member_session[1])
    tampered = f"{header}.{b64url(admin_claims)}.{signature}"
    assert_unauthorized(await client.get(ME, headers=bearer(tampered)), "invalid_token")


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
@pytest.mark.parametrize("signature", ["", "c2lnbmF0dXJl"])
async def test_alg_none_is_refused(client, settings, member_session, alg, signature):
    header = b64url({"alg": alg, "typ": "JWT"})
    unsigned = f"{header}.{b64url(good_claims(settings, *member_session))}.{signature}"
    assert_unauthorized(await client.get(ME, headers=bearer(unsigned)), "invalid_token")


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
async def test_other_algorithm_with_the_right_key_is_refused(client, settings, member_session, algorithm):
    token = sign(settings, good_claims(settings, *member_session), algorithm=algorithm)
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


async def test_expired_token_is_refused(client, settings, member_session):
    now = int(time.time())
    expired = sign(settings, good_claims(settings, *member_session, iat=now - 3600, exp=now - 60))
    assert_unauthorized(await client.get(ME, headers=bearer(expired)), "invalid_token")


async def test_wrong_audience_is_refused(client, settings, member_session):
    token = sign(settings, good_claims(settings, *member_session, aud="some-other-api"))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


async def test_wrong_issuer_is_refused(client, settings, member_session):
    token = sign(settings, good_claims(settings, *member_session, iss="https://evil.example"))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


@pytest.mark.parametrize("claim", ["exp", "iat", "aud", "iss", "sub", "jti", "sid", "typ"])
async def test_missing_required_claim_is_refused(client, settings, member_session, claim):
    token = sign(settings, good_claims(settings, *member_session, **{claim: None}))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


@pytest.mark.parametrize(("claim", "value"), [("sub", "not-a-uuid"), ("sid", "not-a-uuid"), ("sub", 12345)])
async def test_malformed_claim_is_refused(client, settings, member_session, claim, value):
    token = sign(settings, good_claims(settings, *member_session, **{claim: value}))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


@pytest.mark.parametrize("typ", ["refresh", "id", "ACCESS"])
async def test_token_whose_type_is_not_access_is_refused(client, settings, member_session, typ):
    token = sign(settings, good_claims(settings, *member_session, typ=typ))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "invalid_token")


async def test_refresh_token_sent_as_bearer_is_refused(client, member):
    pair = await login(client, member.email)
    assert_unauthorized(await client.get(ME, headers=bearer(pair["refresh_token"])), "invalid_token")
    # The pair itself is fine: its access token works.
    assert (await client.get(ME, headers=bearer(pair["access_token"]))).status_code == 200


async def test_access_token_sent_as_refresh_token_is_refused(client, member):
    pair = await login(client, member.email)
    assert len(pair["access_token"]) > 200  # longer than any refresh token: refused before any lookup
    body = assert_problem(await refresh(client, pair["access_token"]), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "refresh_token"]


@pytest.mark.parametrize(
    "garbage",
    ["garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.", "....", "Bearer", "x" * 2000, "ünïcödé.token.here"],
)
async def test_garbage_token_is_refused(client, garbage):
    response = await client.get(ME, headers={"Authorization": f"Bearer {garbage}".encode()})
    assert_unauthorized(response, "invalid_token")


async def test_token_of_unknown_user_or_session_is_refused(client, settings, member_session):
    user_id, session_id = member_session
    unknown_session = sign(settings, good_claims(settings, user_id, uuid.uuid4()))
    assert_unauthorized(await client.get(ME, headers=bearer(unknown_session)), "session_revoked")
    unknown_user = sign(settings, good_claims(settings, uuid.uuid4(), session_id))
    assert_unauthorized(await client.get(ME, headers=bearer(unknown_user)), "session_revoked")


async def test_session_of_another_user_cannot_be_borrowed(client, settings, member_session, admin):
    """sub = admin with the member's session id: the session does not belong to that user."""
    _member, member_session_id = member_session
    token = sign(settings, good_claims(settings, admin.id, member_session_id))
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "session_revoked")


async def test_token_of_a_deactivated_user_is_refused(client, settings, db, member_session):
    user_id, session_id = member_session
    token = sign(settings, good_claims(settings, user_id, session_id))
    assert (await client.get(ME, headers=bearer(token))).status_code == 200
    await db.execute(update(User).where(User.id == user_id).values(is_active=False))
    await db.commit()
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "session_revoked")


async def test_token_of_a_revoked_session_is_refused(client, settings, db, member_session):
    user_id, session_id = member_session
    token = sign(settings, good_claims(settings, user_id, session_id))
    await db.execute(update(AuthSession).where(AuthSession.id == session_id).values(revoked_at=AuthSession.created_at))
    await db.commit()
    assert_unauthorized(await client.get(ME, headers=bearer(token)), "session_revoked")


# --- sign-in, rotation, reuse, sign-out ----------------------------------------------------------


async def test_login_returns_a_working_pair(client, settings, member):
    pair = await login(client, member.email.upper())  # emails are case-insensitive
    assert 0 < pair["expires_in"] <= settings.access_token_minutes * 60
    claims = jwt.decode(pair["access_token"], settings.secret_key, algorithms=["HS256"], audience=settings.jwt_audience)
    assert claims["typ"] == "access"
    assert claims["iss"] == settings.jwt_issuer
    assert pair["refresh_token"].count(".") == 0  # opaque, not a JWT
    me = await client.get(ME, headers=bearer(pair["access_token"]))
    assert me.status_code == 200, me.text
    assert me.json()["email"] == member.email


async def test_refresh_tokens_are_stored_only_as_hashes(client, db, member):
    pair = await login(client, member.email)
    stored = (await db.scalars(select(RefreshToken.token_hash))).all()
    assert stored
    assert pair["refresh_token"] not in stored
    assert all(len(value) == 64 for value in stored)


async def test_stored_password_hashes_are_argon2id(client, db, member):
    await login(client, member.email)
    password_hash = await db.scalar(select(User.password_hash).where(User.id == member.id))
    assert password_hash.startswith("$argon2id$")
    assert PASSWORD not in password_hash


async def test_refresh_rotates_the_pair(client, member):
    first = await login(client, member.email)
    response = await refresh(client, first["refresh_token"])
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert (await client.get(ME, headers=bearer(second["access_token"]))).status_code == 200
    # The next link of the chain works too.
    third = await refresh(client, second["refresh_token"])
    assert third.status_code == 200, third.text
    assert (await client.get(ME, headers=bearer(third.json()["access_token"]))).status_code == 200


async def test_reused_refresh_token_revokes_the_whole_family(client, db, member):
    first = await login(client, member.email)
    second = (await refresh(client, first["refresh_token"])).json()
    third = (await refresh(client, second["refresh_token"])).json()
    other_sign_in = await login(client, member.email)
    for pair in (first, second, third, other_sign_in):
        assert (await client.get(ME, headers=bearer(pair["access_token"]))).status_code == 200

    assert_unauthorized(await refresh(client, first["refresh_token"]), "refresh_token_reused")

    # Every access token of that sign-in now fails, and so does its newest (never used) refresh token.
    for pair in (first, second, third):
        assert_unauthorized(await client.get(ME, headers=bearer(pair["access_token"])), "session_revoked")
    assert_unauthorized(await refresh(client, third["refresh_token"]), "session_revoked")
    assert_unauthorized(await refresh(client, second["refresh_token"]), "refresh_token_reused")
    # Another sign-in of the same user is a different family and keeps working.
    assert (await client.get(ME, headers=bearer(other_sign_in["access_token"]))).status_code == 200
    assert (await refresh(client, other_sign_in["refresh_token"])).status_code == 200

    reasons = (await db.scalars(select(AuthSession.revoked_reason).where(AuthSession.revoked_at.is_not(None)))).all()
    assert reasons == ["refresh_token_reused"]


async def test_unknown_refresh_token_is_refused(client):
    assert_unauthorized(await refresh(client, "x" * 43), "invalid_refresh_token")


async def test_expired_refresh_token_is_refused(client, db, member):
    pair = await login(client, member.email)
    await db.execute(update(RefreshToken).values(expires_at=RefreshToken.created_at))
    await db.commit()
    assert_unauthorized(await refresh(client, pair["refresh_token"]), "session_revoked")


async def test_refresh_of_a_deactivated_user_is_refused(client, db, member):
    pair = await login(client, member.email)
    await db.execute(update(User).where(User.id == member.id).values(is_active=False))
    await db.commit()
    assert_unauthorized(await refresh(client, pair["refresh_token"]), "session_revoked")


async def test_logout_revokes_access_and_refresh_tokens(client, db, member):
    pair = await login(client, member.email)
    other = await login(client, member.email)
    response = await client.post("/api/v1/auth/logout", headers=bearer(pair["access_token"]))
    assert response.status_code == 204, response.text

    assert_unauthorized(await client.get(ME, headers=bearer(pair["access_token"])), "session_revoked")
    assert_unauthorized(await refresh(client, pair["refresh_token"]), "session_revoked")
    assert_unauthorized(
        await client.post("/api/v1/auth/logout", headers=bearer(pair["access_token"])), "session_revoked"
    )
    # Only that sign-in ended.
    assert (await client.get(ME, headers=bearer(other["access_token"]))).status_code == 200
    reasons = (await db.scalars(select(AuthSession.revoked_reason).where(AuthSession.revoked_at.is_not(None)))).all()
    assert reasons == ["logout"]


async def test_logout_needs_a_token(client):
    assert_unauthorized(await client.post("/api/v1/auth/logout"), "not_authenticated")
