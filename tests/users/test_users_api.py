"""/me (yourself, your seats and permissions) and the admin-only /users API, on a cast of the test's own."""

import pytest
from helpers import assert_problem
from knowledge_factories import Cast, give_password, make_cast
from sqlalchemy import func, select

from shulchan.identity.models import User

PASSWORD = "a-cast-members-passphrase"
ME = "/api/v1/me"
USERS = "/api/v1/users"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def attempt_login(client, email, password):
    return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


def new_user(**changes):
    body = {
        "email": "new.person@example.org",
        "full_name": "New Person",
        "preferred_language": "en",
        "password": "a-long-enough-password",
    }
    body.update(changes)
    return body


async def create_user(client, admin_headers, **changes):
    response = await client.post(USERS, json=new_user(**changes), headers=admin_headers)
    assert response.status_code == 201, response.text
    return response


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), not the demo story's."""
    return await make_cast(db, settings)


@pytest.fixture
async def with_passwords(db, cast) -> Cast:
    """The cast, its member and observer able to sign in with PASSWORD."""
    for who in ("member", "observer"):
        await give_password(db, cast.users[who], PASSWORD)
    await db.commit()
    return cast


def roundtable_entry(me, roundtable_id):
    entries = [rt for rt in me["roundtables"] if rt["roundtable_id"] == str(roundtable_id)]
    assert len(entries) == 1, me["roundtables"]
    return entries[0]


# --- GET /me -------------------------------------------------------------------------------------


async def test_me_describes_the_signed_in_user(client, cast):
    response = await client.get(ME, headers=await cast.auth("member"))
    assert response.status_code == 200, response.text
    me = response.json()
    assert me["id"] == str(cast.users["member"])
    assert me["email"] == cast.emails["member"]
    assert me["is_active"] is True
    assert me["is_platform_admin"] is False
    assert me["stakeholder_id"] == str(cast.stakeholders["member"])
    assert response.headers["etag"] == f'"{me["version"]}"'
    assert "password_hash" not in me


async def test_me_needs_a_signed_in_user(client):
    assert_problem(await client.get(ME), 401, "not_authenticated")


async def test_me_lists_per_roundtable_roles_and_permissions(client, cast):
    pmo = cast.roundtables["pmo"]
    member = roundtable_entry((await client.get(ME, headers=await cast.auth("member"))).json(), pmo)
    assert member["roles"] == ["member"]
    assert "decisions:endorse" in member["permissions"]
    assert "decisions:propose" in member["permissions"]
    assert "minutes:approve" not in member["permissions"]
    assert "decisions:adopt" not in member["permissions"]
    assert [seat["role"] for seat in member["seats"]] == ["member"]

    host = roundtable_entry((await client.get(ME, headers=await cast.auth("host"))).json(), pmo)
    assert host["roles"] == ["host"]
    assert {"decisions:adopt", "minutes:approve", "decisions:endorse"} <= set(host["permissions"])
    assert "process_notes:manage" not in host["permissions"]

    facilitator = roundtable_entry((await client.get(ME, headers=await cast.auth("facilitator"))).json(), pmo)
    assert facilitator["roles"] == ["facilitator"]
    assert "decisions:adopt" not in facilitator["permissions"]
    assert {"minutes:approve", "minutes:write", "process_notes:manage"} <= set(facilitator["permissions"])

    observer = roundtable_entry((await client.get(ME, headers=await cast.auth("observer"))).json(), pmo)
    assert set(observer["permissions"]) == {"roundtable:view", "rsvp:own"}


async def test_me_lists_only_roundtables_with_a_seat(client, cast):
    member = (await client.get(ME, headers=await cast.auth("member"))).json()
    seated = {rt["roundtable_id"] for rt in member["roundtables"]}
    assert str(cast.roundtables["pmo"]) in seated
    assert str(cast.roundtables["education"]) not in seated

    outsider = (await client.get(ME, headers=await cast.auth("outsider"))).json()
    assert outsider["roundtables"] == []
    assert outsider["platform_permissions"] == []


async def test_me_platform_permissions(client, cast):
    admin = (await client.get(ME, headers=await cast.auth("admin"))).json()
    assert admin["is_platform_admin"] is True
    assert "users:manage" in admin["platform_permissions"]
    member = (await client.get(ME, headers=await cast.auth("member"))).json()
    assert "users:manage" not in member["platform_permissions"]
    facilitator = (await client.get(ME, headers=await cast.auth("facilitator"))).json()
    assert "roundtables:create" in facilitator["platform_permissions"]
    assert "users:manage" not in facilitator["platform_permissions"]


# --- PATCH /me -----------------------------------------------------------------------------------


async def test_update_me_changes_name_and_language(client, cast):
    headers = await cast.auth("member")
    before = (await client.get(ME, headers=headers)).json()
    response = await client.patch(ME, json={"preferred_language": "en", "full_name": "Tamar E."}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["preferred_language"] == "en"
    assert body["full_name"] == "Tamar E."
    assert body["version"] == before["version"] + 1
    assert response.headers["etag"] == f'"{body["version"]}"'

    again = (await client.get(ME, headers=headers)).json()
    assert (again["preferred_language"], again["full_name"]) == ("en", "Tamar E.")
    assert again["email"] == before["email"]

    back = await client.patch(ME, json={"preferred_language": "he"}, headers=headers)
    assert back.status_code == 200, back.text
    assert back.json()["preferred_language"] == "he"
    assert back.json()["full_name"] == "Tamar E."  # fields not sent are left alone


@pytest.mark.parametrize(
    "body",
    [
        {"email": "me@elsewhere.org"},
        {"is_platform_admin": True},
        {"nickname": "x"},
        {"full_name": None},
        {"preferred_language": None},
        {"preferred_language": "fr"},
        {"full_name": ""},
        {"full_name": "x" * 201},
    ],
)
async def test_update_me_refuses_bad_fields(client, cast, db, body):
    headers = await cast.auth("member")
    before = (await client.get(ME, headers=headers)).json()
    assert_problem(await client.patch(ME, json=body, headers=headers), 422, "validation_error")
    after = (await client.get(ME, headers=headers)).json()
    assert after == before


async def test_update_me_with_a_stale_etag_is_refused(client, cast):
    headers = await cast.auth("member")
    etag = (await client.get(ME, headers=headers)).headers["etag"]
    first = await client.patch(ME, json={"full_name": "First"}, headers={**headers, "If-Match": etag})
    assert first.status_code == 200, first.text
    stale = await client.patch(ME, json={"full_name": "Second"}, headers={**headers, "If-Match": etag})
    assert_problem(stale, 412, "stale_version")
    assert (await client.get(ME, headers=headers)).json()["full_name"] == "First"


# --- POST /me/password ---------------------------------------------------------------------------


@pytest.mark.usefixtures("with_passwords")
async def test_change_password(client, cast, db):
    headers = await cast.auth("member")
    old_hash = await db.scalar(select(User.password_hash).where(User.id == cast.users["member"]))
    new_password = "a-brand-new-passphrase"

    wrong = await client.post(
        f"{ME}/password", json={"current_password": "not-it", "new_password": new_password}, headers=headers
    )
    assert_problem(wrong, 401, "invalid_credentials")
    short = await client.post(
        f"{ME}/password", json={"current_password": PASSWORD, "new_password": "short"}, headers=headers
    )
    body = assert_problem(short, 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "new_password"]
    # Neither refusal changed anything: the old password still signs in.
    assert (await attempt_login(client, cast.emails["member"], PASSWORD)).status_code == 200

    changed = await client.post(
        f"{ME}/password", json={"current_password": PASSWORD, "new_password": new_password}, headers=headers
    )
    assert changed.status_code == 204, changed.text

    assert (await attempt_login(client, cast.emails["member"], new_password)).status_code == 200
    old = await attempt_login(client, cast.emails["member"], PASSWORD)
    assert_problem(old, 401, "invalid_credentials")
    db.expire_all()
    new_hash = await db.scalar(select(User.password_hash).where(User.id == cast.users["member"]))
    assert new_hash.startswith("$argon2id$")
    assert new_hash != old_hash
    assert new_password not in new_hash


async def test_change_password_needs_a_signed_in_user(client):
    response = await client.post(
        f"{ME}/password", json={"current_password": PASSWORD, "new_password": "a-brand-new-passphrase"}
    )
    assert_problem(response, 401, "not_authenticated")


# --- GET /users ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [("anonymous", 401, "not_authenticated"), ("member", 403, "forbidden"), ("facilitator", 403, "forbidden")],
)
async def test_users_list_is_for_admins_only(client, cast, who, status, code):
    assert_problem(await client.get(USERS, headers=await cast.auth(who)), status, code)


SORT_ORDER = {
    "email": (User.email.asc(), User.id.asc()),
    "-email": (User.email.desc(), User.id.desc()),
    "created_at": (User.id.asc(),),
    "-created_at": (User.id.desc(),),
}


@pytest.mark.parametrize("sort", list(SORT_ORDER))
async def test_users_list_walks_every_page_without_gaps_or_repeats(client, cast, db, sort):
    headers = await cast.auth("admin")
    await create_user(client, headers, email="extra.one@example.org")
    await create_user(client, headers, email="extra.two@example.org")
    expected = [str(user_id) for user_id in (await db.scalars(select(User.id).order_by(*SORT_ORDER[sort]))).all()]
    total = await db.scalar(select(func.count()).select_from(User))
    assert total == len(expected) >= 5

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, "sort": sort, **({"cursor": cursor} if cursor else {})}
        response = await client.get(USERS, params=params, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert 1 <= len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert pages <= total, "pagination does not end"
    assert len(seen) == len(set(seen)) == total
    assert seen == expected
    assert pages == -(-total // 2)


async def test_users_list_filters(client, cast):
    headers = await cast.auth("admin")
    response = await client.get(USERS, params={"q": f"{cast.tag}-FACILITATOR"}, headers=headers)
    assert response.status_code == 200, response.text
    emails = {item["email"] for item in response.json()["items"]}
    assert emails == {cast.emails["facilitator"], cast.emails["facilitator2"]}

    deactivate = await client.patch(f"{USERS}/{cast.users['observer']}", json={"is_active": False}, headers=headers)
    assert deactivate.status_code == 200, deactivate.text
    inactive = (await client.get(USERS, params={"is_active": "false"}, headers=headers)).json()["items"]
    assert [item["id"] for item in inactive] == [str(cast.users["observer"])]
    active = (await client.get(USERS, params={"is_active": "true", "limit": 200}, headers=headers)).json()["items"]
    assert str(cast.users["observer"]) not in {item["id"] for item in active}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"sort": "password_hash"}, {"sort": "full_name"}])
async def test_users_list_refuses_bad_parameters(client, cast, params):
    response = await client.get(USERS, params=params, headers=await cast.auth("admin"))
    assert_problem(response, 422, "validation_error")


async def test_users_list_refuses_a_forged_cursor(client, cast):
    response = await client.get(USERS, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=await cast.auth("admin"))
    assert_problem(response, 400, "invalid_cursor")


async def test_users_list_refuses_a_cursor_of_another_sort(client, cast):
    headers = await cast.auth("admin")
    cursor = (await client.get(USERS, params={"limit": 2, "sort": "email"}, headers=headers)).json()["next_cursor"]
    assert cursor
    response = await client.get(USERS, params={"limit": 2, "sort": "-email", "cursor": cursor}, headers=headers)
    assert_problem(response, 400, "invalid_cursor")


# --- POST /users, GET /users/{id} ----------------------------------------------------------------


async def test_admin_creates_a_user(client, cast, db):
    headers = await cast.auth("admin")
    response = await create_user(client, headers, email="New.Person@Example.org")
    body = response.json()
    assert body["email"] == "new.person@example.org"
    assert (body["full_name"], body["preferred_language"]) == ("New Person", "en")
    assert body["is_active"] is True
    assert body["is_platform_admin"] is False
    assert "password" not in body
    assert "password_hash" not in body
    assert response.headers["location"] == f"/api/v1/users/{body['id']}"
    assert response.headers["etag"] == f'"{body["version"]}"'

    fetched = await client.get(response.headers["location"], headers=headers)
    assert fetched.status_code == 200, fetched.text
    assert fetched.json() == body
    assert fetched.headers["etag"] == response.headers["etag"]

    stored = await db.scalar(select(User.password_hash).where(User.email == "new.person@example.org"))
    assert stored.startswith("$argon2id$")
    signed_in = await attempt_login(client, "new.person@example.org", "a-long-enough-password")
    assert signed_in.status_code == 200, signed_in.text


@pytest.mark.parametrize("shout", [False, True])
async def test_create_user_with_a_taken_email_is_a_conflict(client, cast, db, shout):
    local, domain = cast.emails["member"].split("@")
    email = f"{local.upper() if shout else local}@{domain}"
    before = await db.scalar(select(func.count()).select_from(User))
    response = await client.post(USERS, json=new_user(email=email), headers=await cast.auth("admin"))
    assert_problem(response, 409, "email_taken")
    assert await db.scalar(select(func.count()).select_from(User)) == before


@pytest.mark.parametrize(
    "changes",
    [
        {"password": "short"},
        {"email": "not-an-email"},
        {"full_name": ""},
        {"preferred_language": "fr"},
        {"is_superuser": True},
    ],
)
async def test_create_user_refuses_bad_bodies(client, cast, changes):
    response = await client.post(USERS, json=new_user(**changes), headers=await cast.auth("admin"))
    assert_problem(response, 422, "validation_error")


@pytest.mark.parametrize(
    ("who", "status", "code"), [("anonymous", 401, "not_authenticated"), ("host", 403, "forbidden")]
)
async def test_only_admins_create_users(client, cast, db, who, status, code):
    response = await client.post(USERS, json=new_user(), headers=await cast.auth(who))
    assert_problem(response, status, code)
    assert await db.scalar(select(User.id).where(User.email == "new.person@example.org")) is None


async def test_get_unknown_user_is_404(client, cast):
    response = await client.get(f"{USERS}/00000000-0000-7000-8000-000000000000", headers=await cast.auth("admin"))
    assert_problem(response, 404, "not_found")


async def test_non_admin_cannot_read_a_user(client, cast):
    response = await client.get(f"{USERS}/{cast.users['member']}", headers=await cast.auth("member"))
    assert_problem(response, 403, "forbidden")


# --- PATCH /users/{id} ---------------------------------------------------------------------------


async def test_update_user_with_if_match(client, cast):
    headers = await cast.auth("admin")
    created = await create_user(client, headers)
    location, etag = created.headers["location"], created.headers["etag"]

    updated = await client.patch(location, json={"full_name": "Renamed"}, headers={**headers, "If-Match": etag})
    assert updated.status_code == 200, updated.text
    assert updated.json()["full_name"] == "Renamed"
    new_etag = updated.headers["etag"]
    assert new_etag != etag
    assert new_etag == f'"{updated.json()["version"]}"'

    stale = await client.patch(location, json={"full_name": "Lost update"}, headers={**headers, "If-Match": etag})
    body = assert_problem(stale, 412, "stale_version")
    assert body["current_version"] == updated.json()["version"]
    current = await client.get(location, headers=headers)
    assert current.json()["full_name"] == "Renamed"
    assert current.headers["etag"] == new_etag


async def test_admin_cannot_lock_themselves_out(client, cast):
    headers = await cast.auth("admin")
    me = f"{USERS}/{cast.users['admin']}"
    for change in ({"is_active": False}, {"is_platform_admin": False}):
        assert_problem(await client.patch(me, json=change, headers=headers), 409, "self_lockout")
    still = (await client.get(ME, headers=headers)).json()
    assert still["is_active"] is True
    assert still["is_platform_admin"] is True


@pytest.mark.usefixtures("with_passwords")
async def test_deactivated_users_token_stops_working(client, cast):
    admin, member = await cast.auth("admin"), await cast.auth("member")
    assert (await client.get(ME, headers=member)).status_code == 200
    response = await client.patch(f"{USERS}/{cast.users['member']}", json={"is_active": False}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False

    assert_problem(await client.get(ME, headers=member), 401, "session_revoked")
    assert_problem(await attempt_login(client, cast.emails["member"], PASSWORD), 401, "invalid_credentials")

    # Reactivated, they sign in again.
    again = await client.patch(f"{USERS}/{cast.users['member']}", json={"is_active": True}, headers=admin)
    assert again.status_code == 200, again.text
    assert (await attempt_login(client, cast.emails["member"], PASSWORD)).status_code == 200


@pytest.mark.usefixtures("with_passwords")
async def test_admin_sets_a_users_password(client, cast):
    response = await client.patch(
        f"{USERS}/{cast.users['observer']}", json={"password": "set-by-the-admin-1"}, headers=await cast.auth("admin")
    )
    assert response.status_code == 200, response.text
    assert (await attempt_login(client, cast.emails["observer"], "set-by-the-admin-1")).status_code == 200
    assert_problem(await attempt_login(client, cast.emails["observer"], PASSWORD), 401, "invalid_credentials")


@pytest.mark.parametrize(
    "body", [{"email": "x@example.org"}, {"full_name": None}, {"is_active": None}, {"password": "short"}]
)
async def test_update_user_refuses_bad_fields(client, cast, body):
    response = await client.patch(f"{USERS}/{cast.users['observer']}", json=body, headers=await cast.auth("admin"))
    assert_problem(response, 422, "validation_error")


async def test_non_admin_cannot_update_users(client, cast):
    response = await client.patch(
        f"{USERS}/{cast.users['member']}", json={"is_platform_admin": True}, headers=await cast.auth("member")
    )
    assert_problem(response, 403, "forbidden")
    me = (await client.get(ME, headers=await cast.auth("member"))).json()
    assert me["is_platform_admin"] is False
