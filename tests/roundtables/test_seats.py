"""Seats: who sits at a roundtable, in which role and sector, for which period, and with which alternate."""

import uuid
from datetime import date, timedelta

from helpers import assert_problem

from shulchan.core.security import create_access_token
from shulchan.identity.models import AuthSession, User

RTS = "/api/v1/roundtables"
SEATS = "/api/v1/seats"
TODAY = date.today()


def seats_url(world, key: str) -> str:
    return f"{RTS}/{world.roundtables[key]}/seats"


async def list_seats(client, world, key: str, headers=None, **params) -> list[dict]:
    response = await client.get(seats_url(world, key), params={"limit": 200} | params, headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def seat_of(client, world, key: str, stakeholder: str, headers=None) -> dict:
    matches = [
        s
        for s in await list_seats(client, world, key, headers)
        if s["stakeholder_id"] == str(world.stakeholders[stakeholder])
    ]
    assert len(matches) == 1, matches
    return matches[0]


async def add_seat(client, headers, world, key="pmo", stakeholder="hadas_levi", role="member", **extra):
    body = {"stakeholder_id": str(world.stakeholders[stakeholder]), "role": role} | extra
    return await client.post(seats_url(world, key), json=body, headers=headers)


async def signed_in_person(client, auth, sessionmaker, settings, world, stakeholder: str) -> dict[str, str]:
    """A new sign-in, linked by an admin to an existing stakeholder; returns its auth headers."""
    async with sessionmaker() as session, session.begin():
        user = User(email=f"{stakeholder}@people.example.org", full_name=stakeholder, password_hash=None)
        session.add(user)
        await session.flush()
        user_id = user.id
        auth_session = AuthSession(user_id=user_id)
        session.add(auth_session)
        await session.flush()
        token, _ = create_access_token(settings, user_id, auth_session.id)
    linked = await client.patch(
        f"/api/v1/stakeholders/{world.stakeholders[stakeholder]}",
        json={"user_id": str(user_id)},
        headers=await auth("admin"),
    )
    assert linked.status_code == 200, linked.text
    return {"Authorization": f"Bearer {token}"}


# --- making seats -----------------------------------------------------------------------------------


async def test_a_seat_takes_the_sector_of_the_persons_organisation(client, auth, world):
    response = await add_seat(client, await auth("facilitator"), world, note="מחליפה את נציגת שתיל")

    assert response.status_code == 201, response.text
    seat = response.json()
    assert seat["sector_id"] == str(world.sectors["civil_society"])  # Shitufim is a civil-society organisation
    assert seat["role"] == "member"
    assert seat["started_on"] == TODAY.isoformat()
    assert seat["ended_on"] is None
    assert seat["is_current"] is True
    assert seat["stakeholder_name_en"] == "Hadas Levi"
    assert seat["organisation_name"] == "שיתופים"
    assert seat["note"] == "מחליפה את נציגת שתיל"
    assert response.headers["location"] == f"{SEATS}/{seat['id']}"
    assert response.headers["etag"] == '"1"'
    assert (await client.get(response.headers["location"])).json() == seat


async def test_a_seat_may_name_its_sector(client, auth, world):
    response = await add_seat(client, await auth("host"), world, sector_id=str(world.sectors["business_philanthropy"]))

    assert response.status_code == 201, response.text
    assert response.json()["sector_id"] == str(world.sectors["business_philanthropy"])


async def test_a_seat_needs_known_people_and_sectors(client, auth, world):
    facilitator = await auth("facilitator")
    nobody = str(uuid.uuid4())

    unknown_person = await client.post(
        seats_url(world, "pmo"), json={"stakeholder_id": nobody, "role": "member"}, headers=facilitator
    )
    assert_problem(unknown_person, 422, "unknown_stakeholder")
    assert_problem(await add_seat(client, facilitator, world, sector_id=nobody), 422, "unknown_sector")
    assert_problem(
        await add_seat(client, facilitator, world, alternate_stakeholder_id=nobody), 422, "unknown_stakeholder"
    )
    assert_problem(await add_seat(client, facilitator, world, role="chair"), 422, "validation_error")
    assert_problem(
        await add_seat(client, facilitator, world, started_on="2020-02-01", ended_on="2020-01-31"),
        422,
        "validation_error",
    )
    assert str(world.stakeholders["hadas_levi"]) not in {
        s["stakeholder_id"] for s in await list_seats(client, world, "pmo")
    }


async def test_a_person_without_an_organisation_needs_a_sector(client, auth, world):
    facilitator = await auth("facilitator")
    person = await client.post("/api/v1/stakeholders", json={"full_name": "יועצת עצמאית"}, headers=facilitator)
    body = {"stakeholder_id": person.json()["id"], "role": "observer"}

    assert_problem(await client.post(seats_url(world, "pmo"), json=body, headers=facilitator), 422, "sector_required")
    with_sector = body | {"sector_id": str(world.sectors["civil_society"])}
    assert (await client.post(seats_url(world, "pmo"), json=with_sector, headers=facilitator)).status_code == 201


async def test_an_overlapping_seat_for_the_same_person_is_a_conflict(client, auth, world):
    facilitator = await auth("facilitator")
    before = await list_seats(client, world, "pmo")

    # Yoav Kramer has sat at the PMO table since 2009, with no end
    again = await add_seat(client, facilitator, world, stakeholder="yoav_kramer", role="observer")
    earlier = await add_seat(
        client, facilitator, world, stakeholder="yoav_kramer", started_on="2008-01-01", ended_on="2009-01-01"
    )

    assert_problem(again, 409, "seat_overlaps")
    assert_problem(earlier, 409, "seat_overlaps")
    assert len(await list_seats(client, world, "pmo")) == len(before)


async def test_a_seat_before_an_open_seat_does_not_overlap(client, auth, world):
    response = await add_seat(
        client,
        await auth("facilitator"),
        world,
        stakeholder="yoav_kramer",
        started_on="2005-01-01",
        ended_on="2008-12-31",
    )

    assert response.status_code == 201, response.text
    assert response.json()["is_current"] is False


async def test_after_ending_a_seat_the_person_may_be_seated_again(client, auth, world):
    facilitator = await auth("facilitator")
    first = (await add_seat(client, facilitator, world, started_on="2020-01-01")).json()
    assert_problem(await add_seat(client, facilitator, world, started_on="2024-01-01"), 409, "seat_overlaps")

    ended = await client.patch(
        f"{SEATS}/{first['id']}", json={"ended_on": "2022-12-31"}, headers=facilitator | {"If-Match": '"1"'}
    )
    assert ended.status_code == 200, ended.text
    assert (ended.json()["ended_on"], ended.json()["is_current"], ended.json()["version"]) == ("2022-12-31", False, 2)

    assert_problem(await add_seat(client, facilitator, world, started_on="2022-12-31"), 409, "seat_overlaps")
    again = await add_seat(client, facilitator, world, role="observer", started_on="2023-01-01")
    assert again.status_code == 201, again.text
    assert again.json()["is_current"] is True
    mine = [s for s in await list_seats(client, world, "pmo") if s["stakeholder_id"] == first["stakeholder_id"]]
    assert [(s["role"], s["started_on"], s["ended_on"]) for s in mine] == [
        ("member", "2020-01-01", "2022-12-31"),
        ("observer", "2023-01-01", None),
    ]


async def test_extending_a_seat_into_another_is_a_conflict(client, auth, world):
    facilitator = await auth("facilitator")
    first = (await add_seat(client, facilitator, world, started_on="2020-01-01", ended_on="2020-12-31")).json()
    assert (await add_seat(client, facilitator, world, started_on="2021-01-01")).status_code == 201

    response = await client.patch(f"{SEATS}/{first['id']}", json={"ended_on": None}, headers=facilitator)

    assert_problem(response, 409, "seat_overlaps")
    assert (await client.get(f"{SEATS}/{first['id']}")).json()["ended_on"] == "2020-12-31"


async def test_ending_before_the_start_is_refused(client, auth, world):
    seat = await seat_of(client, world, "pmo", "yoav_kramer")

    response = await client.patch(f"{SEATS}/{seat['id']}", json={"ended_on": "2008-12-31"}, headers=await auth("host"))

    assert_problem(response, 422, "dates_out_of_order")


async def test_the_alternate_must_be_someone_else(client, auth, world):
    facilitator = await auth("facilitator")
    hadas = str(world.stakeholders["hadas_levi"])

    created = await add_seat(client, facilitator, world, alternate_stakeholder_id=hadas)
    assert_problem(created, 422, "alternate_is_holder")

    seat = await seat_of(client, world, "pmo", "yoav_kramer")
    patched = await client.patch(
        f"{SEATS}/{seat['id']}", json={"alternate_stakeholder_id": seat["stakeholder_id"]}, headers=facilitator
    )
    assert_problem(patched, 422, "alternate_is_holder")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["alternate_stakeholder_id"] is None


async def test_a_seat_names_its_alternate(client, auth, world):
    response = await add_seat(
        client, await auth("facilitator"), world, alternate_stakeholder_id=str(world.stakeholders["facilitator2"])
    )

    assert response.json()["alternate_stakeholder_id"] == str(world.stakeholders["facilitator2"])
    assert response.json()["alternate_name"] == "איתי שמעוני"


# --- who may seat whom -----------------------------------------------------------------------------


async def test_a_host_seats_members_but_not_facilitators(client, auth, world):
    host = await auth("host")

    assert (await add_seat(client, host, world, stakeholder="sigal_mor")).status_code == 201
    refused = await add_seat(client, host, world, role="facilitator")
    assert_problem(refused, 403, "forbidden")
    assert str(world.stakeholders["hadas_levi"]) not in {
        s["stakeholder_id"] for s in await list_seats(client, world, "pmo")
    }


async def test_a_host_may_not_make_someone_a_facilitator(client, auth, world):
    host = await auth("host")
    seat = await seat_of(client, world, "pmo", "yoav_kramer")

    promote = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "facilitator"}, headers=host)

    assert_problem(promote, 403, "forbidden")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["role"] == "member"
    # but may move a member to observer
    demote = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "observer"}, headers=host)
    assert demote.status_code == 200, demote.text
    assert demote.json()["role"] == "observer"


async def test_a_host_may_not_touch_a_facilitators_seat(client, auth, world):
    host = await auth("host")
    seat = await seat_of(client, world, "pmo", "facilitator")

    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"role": "member"}, headers=host), 403, "forbidden")
    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"note": "x"}, headers=host), 403, "forbidden")
    assert_problem(await client.delete(f"{SEATS}/{seat['id']}", headers=host), 403, "forbidden")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["version"] == seat["version"]


async def test_a_facilitator_seats_and_promotes_facilitators(client, auth, world):
    facilitator = await auth("facilitator")

    seated = await add_seat(client, facilitator, world, role="facilitator")
    assert seated.status_code == 201, seated.text
    assert seated.json()["role"] == "facilitator"

    seat = await seat_of(client, world, "pmo", "yoav_kramer")
    promoted = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "facilitator"}, headers=facilitator)
    assert promoted.status_code == 200, promoted.text
    assert promoted.json()["role"] == "facilitator"


async def test_members_do_not_manage_seats(client, auth, world):
    member = await auth("member")
    seat = await seat_of(client, world, "pmo", "yoav_kramer")

    assert_problem(await add_seat(client, member, world), 403, "forbidden")
    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"note": "x"}, headers=member), 403, "forbidden")
    assert_problem(await client.delete(f"{SEATS}/{seat['id']}", headers=member), 403, "forbidden")


async def test_seats_of_an_internal_roundtable_do_not_exist_for_outsiders(client, auth, world):
    seat = (await list_seats(client, world, "education", await auth("facilitator2")))[0]

    for who in ("member", "facilitator", "anonymous"):
        headers = await auth(who)
        assert_problem(await client.get(seats_url(world, "education"), headers=headers), 404, "not_found")
        assert_problem(await client.get(f"{SEATS}/{seat['id']}", headers=headers), 404, "not_found")
    assert_problem(await add_seat(client, await auth("facilitator"), world, key="education"), 404, "not_found")


async def test_delete_a_seat_made_by_mistake(client, auth, world):
    facilitator = await auth("facilitator")
    seat = (await add_seat(client, facilitator, world)).json()

    assert_problem(
        await client.delete(f"{SEATS}/{seat['id']}", headers=facilitator | {"If-Match": '"2"'}), 412, "stale_version"
    )
    deleted = await client.delete(f"{SEATS}/{seat['id']}", headers=facilitator | {"If-Match": '"1"'})

    assert deleted.status_code == 204
    assert_problem(await client.get(f"{SEATS}/{seat['id']}"), 404, "not_found")


async def test_a_stale_seat_edit_changes_nothing(client, auth, world):
    facilitator, host = await auth("facilitator"), await auth("host")
    seat = await seat_of(client, world, "pmo", "ruth_gabay")
    etag = f'"{seat["version"]}"'

    first = await client.patch(
        f"{SEATS}/{seat['id']}", json={"note": 'יו"ר ועדה'}, headers=facilitator | {"If-Match": etag}
    )
    second = await client.patch(f"{SEATS}/{seat['id']}", json={"note": "אחר"}, headers=host | {"If-Match": etag})

    assert first.status_code == 200, first.text
    assert_problem(second, 412, "stale_version")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["note"] == 'יו"ר ועדה'


# --- alternates hold the seat's role ---------------------------------------------------------------


async def test_an_alternate_holds_the_seats_role(client, auth, world, sessionmaker, settings):
    facilitator = await auth("facilitator")
    hadas = await signed_in_person(client, auth, sessionmaker, settings, world, "hadas_levi")
    civil_service = world.roundtables["civil_service"]
    assert_problem(await client.get(f"{RTS}/{civil_service}", headers=hadas), 404, "not_found")
    assert (await client.get("/api/v1/me", headers=hadas)).json()["roundtables"] == []

    seat = await seat_of(client, world, "civil_service", "eran_halevi", facilitator)
    assert seat["role"] == "host"
    patched = await client.patch(
        f"{SEATS}/{seat['id']}",
        json={"alternate_stakeholder_id": str(world.stakeholders["hadas_levi"])},
        headers=facilitator,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["alternate_name"] == "הדס לוי"

    me = (await client.get("/api/v1/me", headers=hadas)).json()
    assert me["stakeholder_id"] == str(world.stakeholders["hadas_levi"])
    [table] = me["roundtables"]
    assert table["roundtable_id"] == str(civil_service)
    assert table["roles"] == ["host"]
    assert "seats:manage" in table["permissions"]
    assert [(s["seat_id"], s["role"], s["as_alternate"]) for s in table["seats"]] == [(seat["id"], "host", True)]
    # and so the alternate sees the internal roundtable, and acts there as a host
    shown = await client.get(f"{RTS}/{civil_service}", headers=hadas)
    assert shown.status_code == 200, shown.text
    assert shown.json()["my_roles"] == ["host"]
    goal = await client.post(f"{RTS}/{civil_service}/goals", json={"title": "מטרה"}, headers=hadas)
    assert goal.status_code == 201, goal.text


async def test_an_alternate_of_an_ended_seat_holds_nothing(client, auth, world, sessionmaker, settings):
    facilitator = await auth("facilitator")
    hadas = await signed_in_person(client, auth, sessionmaker, settings, world, "hadas_levi")
    seat = (
        await add_seat(
            client,
            facilitator,
            world,
            key="civil_service",
            stakeholder="sigal_mor",
            started_on="2015-01-01",
            ended_on="2019-12-31",
            alternate_stakeholder_id=str(world.stakeholders["hadas_levi"]),
        )
    ).json()
    assert seat["is_current"] is False

    assert (await client.get("/api/v1/me", headers=hadas)).json()["roundtables"] == []
    assert_problem(await client.get(f"{RTS}/{world.roundtables['civil_service']}", headers=hadas), 404, "not_found")


async def test_the_demo_alternate_is_a_member_by_alternation(client, auth, world, sessionmaker, settings):
    # Oz Ben-Haim sits at Education in his own right and is the member's alternate at the PMO table
    oz = await signed_in_person(client, auth, sessionmaker, settings, world, "oz_ben_haim")

    me = (await client.get("/api/v1/me", headers=oz)).json()

    by_table = {rt["roundtable_id"]: rt for rt in me["roundtables"]}
    pmo = by_table[str(world.roundtables["pmo"])]
    assert pmo["roles"] == ["member"]
    assert [s["as_alternate"] for s in pmo["seats"]] == [True]
    education = by_table[str(world.roundtables["education"])]
    assert [s["as_alternate"] for s in education["seats"]] == [False]


# --- the current filter ----------------------------------------------------------------------------


async def test_current_filter(client, auth, world):
    everyone = await list_seats(client, world, "pmo")
    current = await list_seats(client, world, "pmo", current="true")
    past = await list_seats(client, world, "pmo", current="false")

    assert {s["id"] for s in current} | {s["id"] for s in past} == {s["id"] for s in everyone}
    assert not {s["id"] for s in current} & {s["id"] for s in past}
    assert all(s["is_current"] for s in current)
    assert not any(s["is_current"] for s in past)
    past_people = {s["stakeholder_id"] for s in past}
    assert past_people == {str(world.stakeholders["omri_katz"]), str(world.stakeholders["yuval_berkovich"])}


async def test_a_future_seat_is_not_current_yet(client, auth, world):
    starts = (TODAY + timedelta(days=30)).isoformat()
    seat = (await add_seat(client, await auth("facilitator"), world, started_on=starts)).json()

    assert seat["is_current"] is False
    assert seat["id"] in {s["id"] for s in await list_seats(client, world, "pmo", current="false")}
    assert seat["id"] not in {s["id"] for s in await list_seats(client, world, "pmo", current="true")}


async def test_a_seat_ending_today_is_still_current(client, auth, world):
    facilitator = await auth("facilitator")
    seat = await seat_of(client, world, "pmo", "ruth_gabay")

    response = await client.patch(f"{SEATS}/{seat['id']}", json={"ended_on": TODAY.isoformat()}, headers=facilitator)

    assert response.json()["is_current"] is True
    assert seat["id"] in {s["id"] for s in await list_seats(client, world, "pmo", current="true")}


async def test_role_and_sector_filters(client, auth, world):
    hosts = await list_seats(client, world, "pmo", role="host")
    business = await list_seats(client, world, "pmo", sector_id=str(world.sectors["business_philanthropy"]))

    assert {s["stakeholder_id"] for s in hosts} == {str(world.stakeholders[k]) for k in ("host", "omri_katz")}
    assert {s["sector_id"] for s in business} == {str(world.sectors["business_philanthropy"])}
    assert {s["stakeholder_name_en"] for s in business} == {
        "Yoav Kramer",
        "Ruth Gabay",
        "Roni Livne",
        "Liat Sasson",
        "Ella Almog",
    }


async def test_ending_a_seat_takes_it_out_of_the_composition(client, auth, world):
    facilitator = await auth("facilitator")
    composition_url = f"{RTS}/{world.roundtables['pmo']}/composition"
    before = (await client.get(composition_url)).json()
    seat = await seat_of(client, world, "pmo", "yoav_kramer")

    yesterday = (TODAY - timedelta(days=1)).isoformat()
    ended = await client.patch(f"{SEATS}/{seat['id']}", json={"ended_on": yesterday}, headers=facilitator)
    assert ended.status_code == 200, ended.text

    after = (await client.get(composition_url)).json()
    assert after["total_seats"] == before["total_seats"] - 1
    seat_ids = {s["id"] for group in after["sectors"] for s in group["seats"]}
    assert seat["id"] not in seat_ids
    business = {g["key"]: g for g in after["sectors"]}["business_philanthropy"]
    before_business = {g["key"]: g for g in before["sectors"]}["business_philanthropy"]
    assert business["seat_count"] == before_business["seat_count"] - 1
    assert business["by_role"]["member"] == before_business["by_role"]["member"] - 1
    assert seat["id"] in {s["id"] for s in await list_seats(client, world, "pmo", current="false")}
