"""Stakeholders: the directory of people, who sees contact details, and linking people to sign-ins."""

import uuid

import pytest
from helpers import assert_problem

from shulchan.core.security import create_access_token
from shulchan.demo.content import demo_content
from shulchan.identity.models import AuthSession, User

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


CONTENT = demo_content()
SEEDED_ORGS = {row.key: row for row in CONTENT.organisations}


def seeded_people(predicate) -> set[str]:
    return {row.full_name for row in CONTENT.stakeholders if predicate(row)}


# --- the directory ----------------------------------------------------------------------------------


async def test_the_directory_needs_sign_in(client):
    assert_problem(await client.get(PEOPLE), 401, "not_authenticated")


async def test_a_single_person_needs_sign_in(client, world):
    assert_problem(await client.get(f"{PEOPLE}/{world.stakeholders['host']}"), 401, "not_authenticated")


async def test_any_signed_in_user_browses_the_directory(client, auth, world):
    items = await list_all(client, await auth("outsider"))

    names = {item["full_name"] for item in items}
    assert seeded_people(lambda row: True) <= names
    assert {item["id"] for item in items} >= {str(i) for i in world.stakeholders.values()}
    assert [item["full_name"] for item in items] == sorted(item["full_name"] for item in items)


async def test_filter_by_sector_goes_through_the_organisation(client, auth, world):
    items = await list_all(client, await auth("member"), sector_id=str(world.sectors["business_philanthropy"]))

    assert {item["sector_id"] for item in items} == {str(world.sectors["business_philanthropy"])}
    assert {item["full_name"] for item in items} == seeded_people(
        lambda row: SEEDED_ORGS[row.organisation].sector == "business_philanthropy"
    )


async def test_filter_by_organisation(client, auth, world):
    items = await list_all(client, await auth("member"), organisation_id=str(world.organisations["shitufim"]))

    assert {item["organisation_id"] for item in items} == {str(world.organisations["shitufim"])}
    assert {item["organisation_name"] for item in items} == {"שיתופים"}
    assert {item["full_name_en"] for item in items} == {"Noa Barak", "Itai Shimoni", "Hadas Levi"}


async def test_q_matches_hebrew_and_english_names(client, auth, world):
    member = await auth("member")

    hebrew = await list_all(client, member, q="אלקיים")
    english = await list_all(client, member, q="ELKAYAM")
    partial = await list_all(client, member, q="ben-")

    assert [item["id"] for item in hebrew] == [str(world.stakeholders["member"])]
    assert [item["id"] for item in english] == [str(world.stakeholders["member"])]
    assert {item["full_name_en"] for item in partial} == {
        row.full_name_en for row in CONTENT.stakeholders if "ben-" in row.full_name_en.lower()
    }


async def test_filters_combine(client, auth, world):
    items = await list_all(client, await auth("member"), sector_id=str(world.sectors["government"]), q="Ben-")

    assert {item["full_name"] for item in items} == seeded_people(
        lambda row: SEEDED_ORGS[row.organisation].sector == "government" and "Ben-" in row.full_name_en
    )
    assert {"Shira Ben-David", "Limor Ben-Shoshan"} <= {item["full_name_en"] for item in items}
    assert "Oz Ben-Haim" not in {item["full_name_en"] for item in items}  # civil society


async def test_sort_by_name_descending_and_in_pages(client, auth):
    member = await auth("member")
    whole = await list_all(client, member, sort="-full_name")
    paged = await list_all(client, member, sort="-full_name", limit=9)

    names = [item["full_name"] for item in whole]
    assert names == sorted(names, reverse=True)
    assert [item["id"] for item in paged] == [item["id"] for item in whole]


# --- contact details and the sign-in link ----------------------------------------------------------


@pytest.mark.parametrize("viewer", ["admin", "facilitator", "host", "facilitator2"])
async def test_staff_see_contact_details(client, auth, world, viewer):
    response = await client.get(f"{PEOPLE}/{world.stakeholders['yoav_kramer']}", headers=await auth(viewer))

    assert response.status_code == 200, response.text
    assert response.json()["email"] == "yoav.kramer@example.org"
    assert response.json()["phone"] == "+972-54-555-0201"


@pytest.mark.parametrize("viewer", ["member", "observer", "outsider"])
async def test_others_do_not_see_contact_details(client, auth, world, viewer):
    headers = await auth(viewer)
    response = await client.get(f"{PEOPLE}/{world.stakeholders['yoav_kramer']}", headers=headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["full_name_en"] == "Yoav Kramer"
    assert body["title"] == "מנהל תוכניות, תחום חברה וקהילה"
    assert body["email"] is None
    assert body["phone"] is None
    listed = await list_all(client, headers, q="Kramer")
    assert [(item["email"], item["phone"]) for item in listed] == [(None, None)]


@pytest.mark.parametrize("person", ["member", "observer"])
async def test_people_see_their_own_contact_details_and_link(client, auth, world, person):
    response = await client.get(f"{PEOPLE}/{world.stakeholders[person]}", headers=await auth(person))

    body = response.json()
    assert body["email"] == f"{person}@demo.shulchan.org"
    assert body["phone"] is not None
    assert body["user_id"] == str(world.users[person])


async def test_the_sign_in_link_is_shown_only_to_admins_and_self(client, auth, world):
    url = f"{PEOPLE}/{world.stakeholders['member']}"

    assert (await client.get(url, headers=await auth("admin"))).json()["user_id"] == str(world.users["member"])
    for viewer in ("facilitator", "host", "observer", "outsider"):
        body = (await client.get(url, headers=await auth(viewer))).json()
        assert body["user_id"] is None, viewer
    # the facilitator sees the contact details, just not the link
    assert (await client.get(url, headers=await auth("facilitator"))).json()["email"] == "member@demo.shulchan.org"


async def test_the_directory_hides_the_sign_in_link_from_staff(client, auth, world):
    listed = await list_all(client, await auth("facilitator"), organisation_id=str(world.organisations["shitufim"]))

    assert {item["full_name_en"]: item["user_id"] for item in listed} == {
        "Noa Barak": str(world.users["facilitator"]),  # themselves
        "Itai Shimoni": None,
        "Hadas Levi": None,
    }


# --- creating, changing and linking ------------------------------------------------------------------


async def test_a_host_adds_a_person(client, auth, world):
    body = {
        "full_name": "דנה לוי",
        "full_name_en": "Dana Levi",
        "organisation_id": str(world.organisations["pmo"]),
        "title": "רכזת",
        "email": "dana.levi@example.org",
        "phone": "+972-50-123-4567",
    }

    response = await client.post(PEOPLE, json=body, headers=await auth("host"))

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in body} == body
    assert created["sector_id"] == str(world.sectors["government"])
    assert created["organisation_name"] == "משרד ראש הממשלה"
    assert response.headers["location"] == f"{PEOPLE}/{created['id']}"
    # a member finds the new person, without their contact details
    found = await list_all(client, await auth("member"), q="dana levi")
    assert [(item["id"], item["email"]) for item in found] == [(created["id"], None)]


async def test_unknown_organisation_and_bad_contact_are_refused(client, auth):
    facilitator = await auth("facilitator")
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


async def test_members_do_not_add_people(client, auth):
    assert_problem(await client.post(PEOPLE, json={"full_name": "x"}, headers=await auth("member")), 403, "forbidden")


async def test_admin_links_a_person_to_a_sign_in(client, auth, world, sessionmaker, settings):
    user_id = await new_user(sessionmaker, "hadas.levi@example.org")
    url = f"{PEOPLE}/{world.stakeholders['hadas_levi']}"

    response = await client.patch(url, json={"user_id": str(user_id)}, headers=await auth("admin"))

    assert response.status_code == 200, response.text
    assert response.json()["user_id"] == str(user_id)
    # the linked user now is that person: their own contact details and link
    me = await headers_for(sessionmaker, settings, user_id)
    own = (await client.get(url, headers=me)).json()
    assert own["user_id"] == str(user_id)
    assert own["email"] == "hadas.levi@example.org"
    assert (await client.get("/api/v1/me", headers=me)).json()["stakeholder_id"] == str(
        world.stakeholders["hadas_levi"]
    )


async def test_linking_needs_an_admin(client, auth, world, sessionmaker):
    user_id = await new_user(sessionmaker, "hadas.levi@example.org")
    url = f"{PEOPLE}/{world.stakeholders['hadas_levi']}"

    response = await client.patch(url, json={"user_id": str(user_id)}, headers=await auth("facilitator"))

    assert_problem(response, 403, "forbidden")
    assert (await client.get(url, headers=await auth("admin"))).json()["user_id"] is None


async def test_staff_may_not_unlink_or_create_linked_people(client, auth, world, sessionmaker):
    facilitator = await auth("facilitator")
    user_id = await new_user(sessionmaker, "someone@example.org")

    unlink = await client.patch(f"{PEOPLE}/{world.stakeholders['member']}", json={"user_id": None}, headers=facilitator)
    assert_problem(unlink, 403, "forbidden")
    create = await client.post(PEOPLE, json={"full_name": "x", "user_id": str(user_id)}, headers=facilitator)
    assert_problem(create, 403, "forbidden")
    member = await client.get(f"{PEOPLE}/{world.stakeholders['member']}", headers=await auth("admin"))
    assert member.json()["user_id"] == str(world.users["member"])


async def test_a_user_already_linked_elsewhere_is_a_conflict(client, auth, world):
    admin = await auth("admin")
    url = f"{PEOPLE}/{world.stakeholders['hadas_levi']}"

    response = await client.patch(url, json={"user_id": str(world.users["member"])}, headers=admin)

    assert_problem(response, 409, "user_already_linked")
    assert (await client.get(url, headers=admin)).json()["user_id"] is None
    created = await client.post(PEOPLE, json={"full_name": "x", "user_id": str(world.users["host"])}, headers=admin)
    assert_problem(created, 409, "user_already_linked")


async def test_relinking_the_same_user_is_not_a_conflict(client, auth, world):
    url = f"{PEOPLE}/{world.stakeholders['member']}"

    response = await client.patch(url, json={"user_id": str(world.users["member"])}, headers=await auth("admin"))

    assert response.status_code == 200, response.text


async def test_linking_an_unknown_user_is_refused(client, auth, world):
    url = f"{PEOPLE}/{world.stakeholders['hadas_levi']}"

    response = await client.patch(url, json={"user_id": str(uuid.uuid4())}, headers=await auth("admin"))

    assert_problem(response, 422, "unknown_user")


async def test_patch_uses_if_match(client, auth, world):
    facilitator = await auth("facilitator")
    url = f"{PEOPLE}/{world.stakeholders['hadas_levi']}"
    etag = (await client.get(url, headers=facilitator)).headers["etag"]

    first = await client.patch(url, json={"title": "רכזת ידע"}, headers=facilitator | {"If-Match": etag})
    second = await client.patch(url, json={"title": "מנהלת ידע"}, headers=facilitator | {"If-Match": etag})

    assert first.status_code == 200, first.text
    assert first.json()["title"] == "רכזת ידע"
    assert_problem(second, 412, "stale_version")
    assert (await client.get(url, headers=facilitator)).json()["title"] == "רכזת ידע"
