"""Stakeholders: the directory of people, who sees contact details, and linking people to sign-ins.

The tests build their own people (a Cast, and a few directory entries with contact details), not the
demo story's."""

import uuid
from dataclasses import dataclass

import pytest
from helpers import assert_problem, make_organisation, make_sector
from knowledge_factories import Cast, make_cast, make_stakeholder
from sqlalchemy import update

from shulchan.core.security import create_access_token
from shulchan.identity.models import AuthSession, User
from shulchan.organisations.models import Organisation
from shulchan.stakeholders.models import Stakeholder

PEOPLE = "/api/v1/stakeholders"


async def list_all(client, headers, **params) -> list[dict]:
    items: list[dict] = []
    params = {"limit": 200} | params
    while True:
        response = await client.get(PEOPLE, params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        if body["next_cursor"] is None:
            return items
        params["cursor"] = body["next_cursor"]


async def new_user(sessionmaker, email: str) -> uuid.UUID:
    """A sign-in with no stakeholder record yet, arranged directly in the test's transaction."""
    async with sessionmaker() as session, session.begin():
        user = User(email=email, full_name=email.split("@")[0], password_hash=None)
        session.add(user)
        await session.flush()
        return user.id


async def headers_for(sessionmaker, settings, user_id: uuid.UUID) -> dict[str, str]:
    async with sessionmaker() as session, session.begin():
        auth_session = AuthSession(user_id=user_id)
        session.add(auth_session)
        await session.flush()
        token, _ = create_access_token(settings, user_id, auth_session.id)
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Directory:
    """People of the test's own with no sign-in, in two organisations of two sectors of their own:
    rotem and maya at `north` (sector `north_sector`), gil and adi at `south`. Rotem has every contact
    detail; gil has an email, the one a sign-in linked to him will share."""

    north: Organisation
    south: Organisation
    people: dict[str, Stakeholder]

    def id(self, key: str) -> str:
        return str(self.people[key].id)


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and signed-in people (see knowledge_factories.Cast)."""
    built = await make_cast(db, settings)
    for who in ("member", "observer"):  # people with contact details of their own
        await db.execute(
            update(Stakeholder)
            .where(Stakeholder.id == built.stakeholders[who])
            .values(email=f"{who}@example.org", phone="+972-50-000-0000")
        )
    await db.commit()
    return built


@pytest.fixture
async def directory(db) -> Directory:
    north = await make_organisation(db, await make_sector(db), name="עמותת הצפון לבדיקה", name_en="North Test Trust")
    south = await make_organisation(db, await make_sector(db), name="עמותת הדרום לבדיקה", name_en="South Test Trust")
    rows = {
        "rotem": (north, "רותם זלצמן-גרוס", "Rotem Zaltzman-Gross"),
        "maya": (north, "מאיה זלצמן-רון", "Maya Zaltzman-Ron"),
        "gil": (south, "גיל זלצמן-טל", "Gil Zaltzman-Tal"),
        "adi": (south, "עדי קוורצבלום", "Adi Kwartzblum"),
    }
    contact = {
        "rotem": {"title": "מנהלת תוכניות", "email": "rotem.zg@example.org", "phone": "+972-54-555-0201"},
        "gil": {"email": "gil.zt@example.org"},
    }
    people = {
        key: await make_stakeholder(db, organisation, name, name_en, **contact.get(key, {}))
        for key, (organisation, name, name_en) in rows.items()
    }
    await db.commit()
    return Directory(north, south, people)


# --- the directory ----------------------------------------------------------------------------------


async def test_the_directory_needs_sign_in(client):
    assert_problem(await client.get(PEOPLE), 401, "not_authenticated")


async def test_a_single_person_needs_sign_in(client, cast):
    assert_problem(await client.get(f"{PEOPLE}/{cast.stakeholders['host']}"), 401, "not_authenticated")


async def test_any_signed_in_user_browses_the_directory(client, cast, directory):
    items = await list_all(client, await cast.auth("outsider"))

    names = {item["full_name"] for item in items}
    assert {person.full_name for person in directory.people.values()} <= names
    assert {item["id"] for item in items} >= {str(i) for i in cast.stakeholders.values()}
    assert [item["full_name"] for item in items] == sorted(item["full_name"] for item in items)


async def test_filter_by_sector_goes_through_the_organisation(client, cast, directory):
    sector_id = str(directory.north.sector_id)
    items = await list_all(client, await cast.auth("member"), sector_id=sector_id)

    assert {item["sector_id"] for item in items} == {sector_id}
    assert {item["id"] for item in items} == {directory.id("rotem"), directory.id("maya")}


async def test_filter_by_organisation(client, cast, directory):
    items = await list_all(client, await cast.auth("member"), organisation_id=str(directory.south.id))

    assert {item["organisation_id"] for item in items} == {str(directory.south.id)}
    assert {item["organisation_name"] for item in items} == {"עמותת הדרום לבדיקה"}
    assert {item["full_name_en"] for item in items} == {"Gil Zaltzman-Tal", "Adi Kwartzblum"}


async def test_q_matches_hebrew_and_english_names(client, cast, directory):
    member = await cast.auth("member")

    hebrew = await list_all(client, member, q="קוורצבלום")
    english = await list_all(client, member, q="KWARTZBLUM")
    partial = await list_all(client, member, q="zaltzman-")
    everyone = await list_all(client, member)

    assert [item["id"] for item in hebrew] == [directory.id("adi")]
    assert [item["id"] for item in english] == [directory.id("adi")]
    assert {item["id"] for item in partial} == {
        item["id"] for item in everyone if "zaltzman-" in (item["full_name_en"] or "").lower()
    }
    assert {item["id"] for item in partial} == {directory.id(key) for key in ("rotem", "maya", "gil")}


async def test_filters_combine(client, cast, directory):
    items = await list_all(client, await cast.auth("member"), sector_id=str(directory.north.sector_id), q="Zaltzman-")

    assert {item["full_name_en"] for item in items} == {"Rotem Zaltzman-Gross", "Maya Zaltzman-Ron"}
    assert "Gil Zaltzman-Tal" not in {item["full_name_en"] for item in items}  # the other sector


async def test_sort_by_name_descending_and_in_pages(client, cast, directory):
    member = await cast.auth("member")
    whole = await list_all(client, member, sort="-full_name")
    paged = await list_all(client, member, sort="-full_name", limit=9)

    names = [item["full_name"] for item in whole]
    assert names == sorted(names, reverse=True)
    assert [item["id"] for item in paged] == [item["id"] for item in whole]
    ours = await list_all(client, member, sort="-full_name", q="zaltzman-")
    assert [item["id"] for item in await list_all(client, member, sort="-full_name", q="zaltzman-", limit=1)] == [
        item["id"] for item in ours
    ]
    assert len(ours) == 3


# --- contact details and the sign-in link ----------------------------------------------------------


@pytest.mark.parametrize("viewer", ["admin", "facilitator", "host", "facilitator2"])
async def test_staff_see_contact_details(client, cast, directory, viewer):
    response = await client.get(f"{PEOPLE}/{directory.id('rotem')}", headers=await cast.auth(viewer))

    assert response.status_code == 200, response.text
    assert response.json()["email"] == "rotem.zg@example.org"
    assert response.json()["phone"] == "+972-54-555-0201"


@pytest.mark.parametrize("viewer", ["member", "observer", "outsider"])
async def test_others_do_not_see_contact_details(client, cast, directory, viewer):
    headers = await cast.auth(viewer)
    response = await client.get(f"{PEOPLE}/{directory.id('rotem')}", headers=headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["full_name_en"] == "Rotem Zaltzman-Gross"
    assert body["title"] == "מנהלת תוכניות"
    assert body["email"] is None
    assert body["phone"] is None
    listed = await list_all(client, headers, q="Zaltzman-Gross")
    assert [(item["email"], item["phone"]) for item in listed] == [(None, None)]


@pytest.mark.parametrize("person", ["member", "observer"])
async def test_people_see_their_own_contact_details_and_link(client, cast, person):
    response = await client.get(f"{PEOPLE}/{cast.stakeholders[person]}", headers=await cast.auth(person))

    body = response.json()
    assert body["email"] == f"{person}@example.org"
    assert body["phone"] is not None
    assert body["user_id"] == str(cast.users[person])


async def test_the_sign_in_link_is_shown_only_to_admins_and_self(client, cast):
    url = f"{PEOPLE}/{cast.stakeholders['member']}"

    assert (await client.get(url, headers=await cast.auth("admin"))).json()["user_id"] == str(cast.users["member"])
    for viewer in ("facilitator", "host", "observer", "outsider"):
        body = (await client.get(url, headers=await cast.auth(viewer))).json()
        assert body["user_id"] is None, viewer
    # the facilitator sees the contact details, just not the link
    assert (await client.get(url, headers=await cast.auth("facilitator"))).json()["email"] == "member@example.org"


async def test_the_directory_hides_the_sign_in_link_from_staff(client, cast):
    listed = await list_all(client, await cast.auth("facilitator"), organisation_id=str(cast.ministry))

    everyone_but_the_admin = {key: str(sid) for key, sid in cast.stakeholders.items() if key != "admin"}
    assert {item["id"]: item["user_id"] for item in listed} == {
        sid: (str(cast.users["facilitator"]) if key == "facilitator" else None)  # themselves
        for key, sid in everyone_but_the_admin.items()
    }


# --- creating, changing and linking ------------------------------------------------------------------


async def test_a_host_adds_a_person(client, cast, db):
    ministry = await db.get(Organisation, cast.ministry)
    body = {
        "full_name": "דנה זברוביץ",
        "full_name_en": "Dana Zebrovitch",
        "organisation_id": str(cast.ministry),
        "title": "רכזת",
        "email": "dana.zebrovitch@example.org",
        "phone": "+972-50-123-4567",
    }

    response = await client.post(PEOPLE, json=body, headers=await cast.auth("host"))

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in body} == body
    assert created["sector_id"] == str(ministry.sector_id)
    assert created["organisation_name"] == ministry.name
    assert response.headers["location"] == f"{PEOPLE}/{created['id']}"
    # a member finds the new person, without their contact details
    found = await list_all(client, await cast.auth("member"), q="dana zebrovitch")
    assert [(item["id"], item["email"]) for item in found] == [(created["id"], None)]


async def test_unknown_organisation_and_bad_contact_are_refused(client, cast):
    facilitator = await cast.auth("facilitator")
    unknown = {"full_name": "x", "organisation_id": "00000000-0000-7000-8000-000000000000"}

    assert_problem(await client.post(PEOPLE, json=unknown, headers=facilitator), 422, "unknown_organisation")
    assert_problem(
        await client.post(PEOPLE, json={"full_name": "x", "email": "not-an-email"}, headers=facilitator),
        422,
        "validation_error",
    )
    assert_problem(
        await client.post(PEOPLE, json={"full_name": "x", "phone": "call me"}, headers=facilitator),
        422,
        "validation_error",
    )


async def test_members_do_not_add_people(client, cast):
    assert_problem(
        await client.post(PEOPLE, json={"full_name": "x"}, headers=await cast.auth("member")), 403, "forbidden"
    )


async def test_admin_links_a_person_to_a_sign_in(client, cast, directory, sessionmaker, settings):
    user_id = await new_user(sessionmaker, "gil.zt@example.org")
    url = f"{PEOPLE}/{directory.id('gil')}"

    response = await client.patch(url, json={"user_id": str(user_id)}, headers=await cast.auth("admin"))

    assert response.status_code == 200, response.text
    assert response.json()["user_id"] == str(user_id)
    # the linked user now is that person: their own contact details and link
    me = await headers_for(sessionmaker, settings, user_id)
    own = (await client.get(url, headers=me)).json()
    assert own["user_id"] == str(user_id)
    assert own["email"] == "gil.zt@example.org"
    assert (await client.get("/api/v1/me", headers=me)).json()["stakeholder_id"] == directory.id("gil")


async def test_linking_needs_an_admin(client, cast, directory, sessionmaker):
    user_id = await new_user(sessionmaker, "gil.zt@example.org")
    url = f"{PEOPLE}/{directory.id('gil')}"

    response = await client.patch(url, json={"user_id": str(user_id)}, headers=await cast.auth("facilitator"))

    assert_problem(response, 403, "forbidden")
    assert (await client.get(url, headers=await cast.auth("admin"))).json()["user_id"] is None


async def test_staff_may_not_unlink_or_create_linked_people(client, cast, sessionmaker):
    facilitator = await cast.auth("facilitator")
    user_id = await new_user(sessionmaker, "someone@example.org")

    unlink = await client.patch(f"{PEOPLE}/{cast.stakeholders['member']}", json={"user_id": None}, headers=facilitator)
    assert_problem(unlink, 403, "forbidden")
    create = await client.post(PEOPLE, json={"full_name": "x", "user_id": str(user_id)}, headers=facilitator)
    assert_problem(create, 403, "forbidden")
    member = await client.get(f"{PEOPLE}/{cast.stakeholders['member']}", headers=await cast.auth("admin"))
    assert member.json()["user_id"] == str(cast.users["member"])


async def test_a_user_already_linked_elsewhere_is_a_conflict(client, cast, directory):
    admin = await cast.auth("admin")
    url = f"{PEOPLE}/{directory.id('gil')}"

    response = await client.patch(url, json={"user_id": str(cast.users["member"])}, headers=admin)

    assert_problem(response, 409, "user_already_linked")
    assert (await client.get(url, headers=admin)).json()["user_id"] is None
    created = await client.post(PEOPLE, json={"full_name": "x", "user_id": str(cast.users["host"])}, headers=admin)
    assert_problem(created, 409, "user_already_linked")


async def test_relinking_the_same_user_is_not_a_conflict(client, cast):
    url = f"{PEOPLE}/{cast.stakeholders['member']}"

    response = await client.patch(url, json={"user_id": str(cast.users["member"])}, headers=await cast.auth("admin"))

    assert response.status_code == 200, response.text


async def test_linking_an_unknown_user_is_refused(client, cast, directory):
    url = f"{PEOPLE}/{directory.id('gil')}"

    response = await client.patch(url, json={"user_id": str(uuid.uuid4())}, headers=await cast.auth("admin"))

    assert_problem(response, 422, "unknown_user")


async def test_patch_uses_if_match(client, cast, directory):
    facilitator = await cast.auth("facilitator")
    url = f"{PEOPLE}/{directory.id('gil')}"
    etag = (await client.get(url, headers=facilitator)).headers["etag"]

    first = await client.patch(url, json={"title": "רכזת ידע"}, headers=facilitator | {"If-Match": etag})
    second = await client.patch(url, json={"title": "מנהלת ידע"}, headers=facilitator | {"If-Match": etag})

    assert first.status_code == 200, first.text
    assert first.json()["title"] == "רכזת ידע"
    assert_problem(second, 412, "stale_version")
    assert (await client.get(url, headers=facilitator)).json()["title"] == "רכזת ידע"
