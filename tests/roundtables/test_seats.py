"""Seats: who sits at a roundtable, in which role and sector, for which period, and with which alternate."""

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from helpers import (
    assert_problem,
    bearer,
    make_ministry,
    make_organisation,
    make_person,
    make_roundtable,
    make_sector,
    seat,
    signed_in,
    stakeholder_of,
)

from shulchan.access.permissions import Role
from shulchan.core.security import create_access_token
from shulchan.identity.models import AuthSession, User
from shulchan.organisations.models import OrganisationKind
from shulchan.roundtables.models import Visibility

RTS = "/api/v1/roundtables"
SEATS = "/api/v1/seats"
TODAY = date.today()


@dataclass
class Cast:
    """Three roundtables of their own, by key: "table" (public), "internal" (where the table's facilitator
    also facilitates, and Eran is the host) and "other" (internal, facilitated by facilitator2 alone); the
    people, by key, with their stakeholder ids; sectors of their own; and headers of those who sign in."""

    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)
    stakeholders: dict[str, uuid.UUID] = field(default_factory=dict)
    sectors: dict[str, uuid.UUID] = field(default_factory=dict)
    sector_keys: dict[str, str] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    civil_organisation_name: str = ""


# person → (sector, name, English name)
PEOPLE = {
    "facilitator": ("government", "מנחה", "Facilitator"),
    "host": ("government", "מארחת", "Host"),
    "member": ("civil", "חברה", "Member"),
    "yoav": ("business", "יואב", "Yoav"),
    "ruth": ("business", "רות", "Ruth"),
    "omri": ("government", "עמרי", "Omri"),
    "yuval": ("civil", "יובל", "Yuval"),
    "hadas": ("civil", "הדס לוי", "Hadas Levi"),
    "sigal": ("civil", "סיגל", "Sigal"),
    "eran": ("government", "ערן", "Eran"),
    "facilitator2": ("government", "איתי שמעוני", "Itai Shimoni"),
}
# roundtable → (person, role, started_on, ended_on); a seat without dates started a month ago, open.
SEATS_HELD = {
    "table": [
        ("facilitator", Role.facilitator, None, None),
        ("host", Role.host, None, None),
        ("member", Role.member, None, None),
        ("yoav", Role.member, date(2009, 1, 1), None),
        ("ruth", Role.member, None, None),
        ("omri", Role.host, date(2010, 1, 1), date(2015, 12, 31)),
        ("yuval", Role.member, date(2012, 1, 1), date(2016, 6, 30)),
    ],
    "internal": [("facilitator", Role.facilitator, None, None), ("eran", Role.host, None, None)],
    "other": [("facilitator2", Role.facilitator, None, None)],
}
SIGNED_IN = ("facilitator", "host", "member", "facilitator2", "hadas")


@pytest.fixture
async def cast(db, settings) -> Cast:
    cast = Cast()
    sectors = {
        "government": await make_sector(db, name_en="Government"),
        "business": await make_sector(db, name_en="Business & philanthropy"),
        "civil": await make_sector(db, name_en="Civil society"),
    }
    ministry = await make_ministry(db, sectors["government"])
    organisations = {
        "government": ministry,
        "business": await make_organisation(db, sectors["business"], OrganisationKind.company),
        "civil": await make_organisation(db, sectors["civil"]),
    }
    cast.civil_organisation_name = organisations["civil"].name
    cast.sectors = {key: sector.id for key, sector in sectors.items()}
    cast.sector_keys = {key: sector.key for key, sector in sectors.items()}
    users = {}
    for key, (sector, name, name_en) in PEOPLE.items():
        users[key] = await make_person(db, organisations[sector], name=name, name_en=name_en)
        cast.stakeholders[key] = (await stakeholder_of(db, users[key])).id
    for key, held in SEATS_HELD.items():
        visibility = Visibility.public if key == "table" else Visibility.internal
        roundtable = await make_roundtable(db, ministry, visibility=visibility)
        cast.roundtables[key] = roundtable.id
        for person, role, started_on, ended_on in held:
            await seat(db, roundtable, users[person], role, started_on=started_on, ended_on=ended_on)
    cast.headers = {key: await bearer(db, settings, users[key]) for key in SIGNED_IN}
    cast.headers["admin"] = await signed_in(db, settings, admin=True)
    cast.headers["anonymous"] = {}
    await db.commit()
    return cast


def seats_url(cast, key: str) -> str:
    return f"{RTS}/{cast.roundtables[key]}/seats"


async def list_seats(client, cast, key: str, headers=None, **params) -> list[dict]:
    response = await client.get(seats_url(cast, key), params={"limit": 200} | params, headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def seat_of(client, cast, key: str, stakeholder: str, headers=None) -> dict:
    matches = [
        s
        for s in await list_seats(client, cast, key, headers)
        if s["stakeholder_id"] == str(cast.stakeholders[stakeholder])
    ]
    assert len(matches) == 1, matches
    return matches[0]


async def add_seat(client, headers, cast, key="table", stakeholder="hadas", role="member", **extra):
    body = {"stakeholder_id": str(cast.stakeholders[stakeholder]), "role": role} | extra
    return await client.post(seats_url(cast, key), json=body, headers=headers)


# --- making seats -----------------------------------------------------------------------------------


async def test_a_seat_takes_the_sector_of_the_persons_organisation(client, cast):
    response = await add_seat(client, cast.headers["facilitator"], cast, note="מחליפה את נציגת שתיל")

    assert response.status_code == 201, response.text
    seat = response.json()
    assert seat["sector_id"] == str(cast.sectors["civil"])  # Hadas works at a civil-society organisation
    assert seat["role"] == "member"
    assert seat["started_on"] == TODAY.isoformat()
    assert seat["ended_on"] is None
    assert seat["is_current"] is True
    assert seat["stakeholder_name_en"] == "Hadas Levi"
    assert seat["organisation_name"] == cast.civil_organisation_name
    assert seat["note"] == "מחליפה את נציגת שתיל"
    assert response.headers["location"] == f"{SEATS}/{seat['id']}"
    assert response.headers["etag"] == '"1"'
    assert (await client.get(response.headers["location"])).json() == seat


async def test_a_seat_may_name_its_sector(client, cast):
    response = await add_seat(client, cast.headers["host"], cast, sector_id=str(cast.sectors["business"]))

    assert response.status_code == 201, response.text
    assert response.json()["sector_id"] == str(cast.sectors["business"])


async def test_a_seat_needs_known_people_and_sectors(client, cast):
    facilitator = cast.headers["facilitator"]
    nobody = str(uuid.uuid4())

    unknown_person = await client.post(
        seats_url(cast, "table"), json={"stakeholder_id": nobody, "role": "member"}, headers=facilitator
    )
    assert_problem(unknown_person, 422, "unknown_stakeholder")
    assert_problem(await add_seat(client, facilitator, cast, sector_id=nobody), 422, "unknown_sector")
    assert_problem(
        await add_seat(client, facilitator, cast, alternate_stakeholder_id=nobody), 422, "unknown_stakeholder"
    )
    assert_problem(await add_seat(client, facilitator, cast, role="chair"), 422, "validation_error")
    assert_problem(
        await add_seat(client, facilitator, cast, started_on="2020-02-01", ended_on="2020-01-31"),
        422,
        "validation_error",
    )
    assert str(cast.stakeholders["hadas"]) not in {s["stakeholder_id"] for s in await list_seats(client, cast, "table")}


async def test_a_person_without_an_organisation_needs_a_sector(client, cast):
    facilitator = cast.headers["facilitator"]
    person = await client.post("/api/v1/stakeholders", json={"full_name": "יועצת עצמאית"}, headers=facilitator)
    body = {"stakeholder_id": person.json()["id"], "role": "observer"}

    assert_problem(await client.post(seats_url(cast, "table"), json=body, headers=facilitator), 422, "sector_required")
    with_sector = body | {"sector_id": str(cast.sectors["civil"])}
    assert (await client.post(seats_url(cast, "table"), json=with_sector, headers=facilitator)).status_code == 201


async def test_an_overlapping_seat_for_the_same_person_is_a_conflict(client, cast):
    facilitator = cast.headers["facilitator"]
    before = await list_seats(client, cast, "table")

    # Yoav has sat at the table since 2009, with no end
    again = await add_seat(client, facilitator, cast, stakeholder="yoav", role="observer")
    earlier = await add_seat(
        client, facilitator, cast, stakeholder="yoav", started_on="2008-01-01", ended_on="2009-01-01"
    )

    assert_problem(again, 409, "seat_overlaps")
    assert_problem(earlier, 409, "seat_overlaps")
    assert len(await list_seats(client, cast, "table")) == len(before)


async def test_a_seat_before_an_open_seat_does_not_overlap(client, cast):
    response = await add_seat(
        client,
        cast.headers["facilitator"],
        cast,
        stakeholder="yoav",
        started_on="2005-01-01",
        ended_on="2008-12-31",
    )

    assert response.status_code == 201, response.text
    assert response.json()["is_current"] is False


async def test_after_ending_a_seat_the_person_may_be_seated_again(client, cast):
    facilitator = cast.headers["facilitator"]
    first = (await add_seat(client, facilitator, cast, started_on="2020-01-01")).json()
    assert_problem(await add_seat(client, facilitator, cast, started_on="2024-01-01"), 409, "seat_overlaps")

    ended = await client.patch(
        f"{SEATS}/{first['id']}", json={"ended_on": "2022-12-31"}, headers=facilitator | {"If-Match": '"1"'}
    )
    assert ended.status_code == 200, ended.text
    assert (ended.json()["ended_on"], ended.json()["is_current"], ended.json()["version"]) == ("2022-12-31", False, 2)

    assert_problem(await add_seat(client, facilitator, cast, started_on="2022-12-31"), 409, "seat_overlaps")
    again = await add_seat(client, facilitator, cast, role="observer", started_on="2023-01-01")
    assert again.status_code == 201, again.text
    assert again.json()["is_current"] is True
    mine = [s for s in await list_seats(client, cast, "table") if s["stakeholder_id"] == first["stakeholder_id"]]
    assert [(s["role"], s["started_on"], s["ended_on"]) for s in mine] == [
        ("member", "2020-01-01", "2022-12-31"),
        ("observer", "2023-01-01", None),
    ]


async def test_extending_a_seat_into_another_is_a_conflict(client, cast):
    facilitator = cast.headers["facilitator"]
    first = (await add_seat(client, facilitator, cast, started_on="2020-01-01", ended_on="2020-12-31")).json()
    assert (await add_seat(client, facilitator, cast, started_on="2021-01-01")).status_code == 201

    response = await client.patch(f"{SEATS}/{first['id']}", json={"ended_on": None}, headers=facilitator)

    assert_problem(response, 409, "seat_overlaps")
    assert (await client.get(f"{SEATS}/{first['id']}")).json()["ended_on"] == "2020-12-31"


async def test_ending_before_the_start_is_refused(client, cast):
    seat = await seat_of(client, cast, "table", "yoav")

    response = await client.patch(
        f"{SEATS}/{seat['id']}", json={"ended_on": "2008-12-31"}, headers=cast.headers["host"]
    )

    assert_problem(response, 422, "dates_out_of_order")


async def test_the_alternate_must_be_someone_else(client, cast):
    facilitator = cast.headers["facilitator"]
    hadas = str(cast.stakeholders["hadas"])

    created = await add_seat(client, facilitator, cast, alternate_stakeholder_id=hadas)
    assert_problem(created, 422, "alternate_is_holder")

    seat = await seat_of(client, cast, "table", "yoav")
    patched = await client.patch(
        f"{SEATS}/{seat['id']}", json={"alternate_stakeholder_id": seat["stakeholder_id"]}, headers=facilitator
    )
    assert_problem(patched, 422, "alternate_is_holder")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["alternate_stakeholder_id"] is None


async def test_a_seat_names_its_alternate(client, cast):
    response = await add_seat(
        client, cast.headers["facilitator"], cast, alternate_stakeholder_id=str(cast.stakeholders["facilitator2"])
    )

    assert response.json()["alternate_stakeholder_id"] == str(cast.stakeholders["facilitator2"])
    assert response.json()["alternate_name"] == "איתי שמעוני"


# --- who may seat whom -----------------------------------------------------------------------------


async def test_a_host_seats_members_but_not_facilitators(client, cast):
    host = cast.headers["host"]

    assert (await add_seat(client, host, cast, stakeholder="sigal")).status_code == 201
    refused = await add_seat(client, host, cast, role="facilitator")
    assert_problem(refused, 403, "forbidden")
    assert str(cast.stakeholders["hadas"]) not in {s["stakeholder_id"] for s in await list_seats(client, cast, "table")}


async def test_a_host_may_not_make_someone_a_facilitator(client, cast):
    host = cast.headers["host"]
    seat = await seat_of(client, cast, "table", "yoav")

    promote = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "facilitator"}, headers=host)

    assert_problem(promote, 403, "forbidden")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["role"] == "member"
    # but may move a member to observer
    demote = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "observer"}, headers=host)
    assert demote.status_code == 200, demote.text
    assert demote.json()["role"] == "observer"


async def test_a_host_may_not_touch_a_facilitators_seat(client, cast):
    host = cast.headers["host"]
    seat = await seat_of(client, cast, "table", "facilitator")

    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"role": "member"}, headers=host), 403, "forbidden")
    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"note": "x"}, headers=host), 403, "forbidden")
    assert_problem(await client.delete(f"{SEATS}/{seat['id']}", headers=host), 403, "forbidden")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["version"] == seat["version"]


async def test_a_facilitator_seats_and_promotes_facilitators(client, cast):
    facilitator = cast.headers["facilitator"]

    seated = await add_seat(client, facilitator, cast, role="facilitator")
    assert seated.status_code == 201, seated.text
    assert seated.json()["role"] == "facilitator"

    seat = await seat_of(client, cast, "table", "yoav")
    promoted = await client.patch(f"{SEATS}/{seat['id']}", json={"role": "facilitator"}, headers=facilitator)
    assert promoted.status_code == 200, promoted.text
    assert promoted.json()["role"] == "facilitator"


async def test_members_do_not_manage_seats(client, cast):
    member = cast.headers["member"]
    seat = await seat_of(client, cast, "table", "yoav")

    assert_problem(await add_seat(client, member, cast), 403, "forbidden")
    assert_problem(await client.patch(f"{SEATS}/{seat['id']}", json={"note": "x"}, headers=member), 403, "forbidden")
    assert_problem(await client.delete(f"{SEATS}/{seat['id']}", headers=member), 403, "forbidden")


async def test_seats_of_an_internal_roundtable_do_not_exist_for_outsiders(client, cast):
    seat = (await list_seats(client, cast, "other", cast.headers["facilitator2"]))[0]

    for who in ("member", "facilitator", "anonymous"):
        headers = cast.headers[who]
        assert_problem(await client.get(seats_url(cast, "other"), headers=headers), 404, "not_found")
        assert_problem(await client.get(f"{SEATS}/{seat['id']}", headers=headers), 404, "not_found")
    assert_problem(await add_seat(client, cast.headers["facilitator"], cast, key="other"), 404, "not_found")


async def test_delete_a_seat_made_by_mistake(client, cast):
    facilitator = cast.headers["facilitator"]
    seat = (await add_seat(client, facilitator, cast)).json()

    assert_problem(
        await client.delete(f"{SEATS}/{seat['id']}", headers=facilitator | {"If-Match": '"2"'}), 412, "stale_version"
    )
    deleted = await client.delete(f"{SEATS}/{seat['id']}", headers=facilitator | {"If-Match": '"1"'})

    assert deleted.status_code == 204
    assert_problem(await client.get(f"{SEATS}/{seat['id']}"), 404, "not_found")


async def test_a_stale_seat_edit_changes_nothing(client, cast):
    facilitator, host = cast.headers["facilitator"], cast.headers["host"]
    seat = await seat_of(client, cast, "table", "ruth")
    etag = f'"{seat["version"]}"'

    first = await client.patch(
        f"{SEATS}/{seat['id']}", json={"note": 'יו"ר ועדה'}, headers=facilitator | {"If-Match": etag}
    )
    second = await client.patch(f"{SEATS}/{seat['id']}", json={"note": "אחר"}, headers=host | {"If-Match": etag})

    assert first.status_code == 200, first.text
    assert_problem(second, 412, "stale_version")
    assert (await client.get(f"{SEATS}/{seat['id']}")).json()["note"] == 'יו"ר ועדה'


# --- alternates hold the seat's role ---------------------------------------------------------------


async def test_an_alternate_holds_the_seats_role(client, cast):
    facilitator = cast.headers["facilitator"]
    hadas = cast.headers["hadas"]
    internal = cast.roundtables["internal"]
    assert_problem(await client.get(f"{RTS}/{internal}", headers=hadas), 404, "not_found")
    assert (await client.get("/api/v1/me", headers=hadas)).json()["roundtables"] == []

    seat = await seat_of(client, cast, "internal", "eran", facilitator)
    assert seat["role"] == "host"
    patched = await client.patch(
        f"{SEATS}/{seat['id']}",
        json={"alternate_stakeholder_id": str(cast.stakeholders["hadas"])},
        headers=facilitator,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["alternate_name"] == "הדס לוי"

    me = (await client.get("/api/v1/me", headers=hadas)).json()
    assert me["stakeholder_id"] == str(cast.stakeholders["hadas"])
    [table] = me["roundtables"]
    assert table["roundtable_id"] == str(internal)
    assert table["roles"] == ["host"]
    assert "seats:manage" in table["permissions"]
    assert [(s["seat_id"], s["role"], s["as_alternate"]) for s in table["seats"]] == [(seat["id"], "host", True)]
    # and so the alternate sees the internal roundtable, and acts there as a host
    shown = await client.get(f"{RTS}/{internal}", headers=hadas)
    assert shown.status_code == 200, shown.text
    assert shown.json()["my_roles"] == ["host"]
    goal = await client.post(f"{RTS}/{internal}/goals", json={"title": "מטרה"}, headers=hadas)
    assert goal.status_code == 201, goal.text


async def test_an_alternate_of_an_ended_seat_holds_nothing(client, cast):
    facilitator = cast.headers["facilitator"]
    hadas = cast.headers["hadas"]
    seat = (
        await add_seat(
            client,
            facilitator,
            cast,
            key="internal",
            stakeholder="sigal",
            started_on="2015-01-01",
            ended_on="2019-12-31",
            alternate_stakeholder_id=str(cast.stakeholders["hadas"]),
        )
    ).json()
    assert seat["is_current"] is False

    assert (await client.get("/api/v1/me", headers=hadas)).json()["roundtables"] == []
    assert_problem(await client.get(f"{RTS}/{cast.roundtables['internal']}", headers=hadas), 404, "not_found")


# --- the current filter ----------------------------------------------------------------------------


async def test_current_filter(client, cast):
    everyone = await list_seats(client, cast, "table")
    current = await list_seats(client, cast, "table", current="true")
    past = await list_seats(client, cast, "table", current="false")

    assert {s["id"] for s in current} | {s["id"] for s in past} == {s["id"] for s in everyone}
    assert not {s["id"] for s in current} & {s["id"] for s in past}
    assert all(s["is_current"] for s in current)
    assert not any(s["is_current"] for s in past)
    past_people = {s["stakeholder_id"] for s in past}
    assert past_people == {str(cast.stakeholders["omri"]), str(cast.stakeholders["yuval"])}


async def test_a_future_seat_is_not_current_yet(client, cast):
    starts = (TODAY + timedelta(days=30)).isoformat()
    seat = (await add_seat(client, cast.headers["facilitator"], cast, started_on=starts)).json()

    assert seat["is_current"] is False
    assert seat["id"] in {s["id"] for s in await list_seats(client, cast, "table", current="false")}
    assert seat["id"] not in {s["id"] for s in await list_seats(client, cast, "table", current="true")}


async def test_a_seat_ending_today_is_still_current(client, cast):
    facilitator = cast.headers["facilitator"]
    seat = await seat_of(client, cast, "table", "ruth")

    response = await client.patch(f"{SEATS}/{seat['id']}", json={"ended_on": TODAY.isoformat()}, headers=facilitator)

    assert response.json()["is_current"] is True
    assert seat["id"] in {s["id"] for s in await list_seats(client, cast, "table", current="true")}


async def test_role_and_sector_filters(client, cast):
    hosts = await list_seats(client, cast, "table", role="host")
    business = await list_seats(client, cast, "table", sector_id=str(cast.sectors["business"]))

    assert {s["stakeholder_id"] for s in hosts} == {str(cast.stakeholders[k]) for k in ("host", "omri")}
    assert {s["sector_id"] for s in business} == {str(cast.sectors["business"])}
    assert {s["stakeholder_name_en"] for s in business} == {"Yoav", "Ruth"}


async def test_ending_a_seat_takes_it_out_of_the_composition(client, cast):
    facilitator = cast.headers["facilitator"]
    composition_url = f"{RTS}/{cast.roundtables['table']}/composition"
    before = (await client.get(composition_url)).json()
    seat = await seat_of(client, cast, "table", "yoav")

    yesterday = (TODAY - timedelta(days=1)).isoformat()
    ended = await client.patch(f"{SEATS}/{seat['id']}", json={"ended_on": yesterday}, headers=facilitator)
    assert ended.status_code == 200, ended.text

    after = (await client.get(composition_url)).json()
    assert after["total_seats"] == before["total_seats"] - 1
    seat_ids = {s["id"] for group in after["sectors"] for s in group["seats"]}
    assert seat["id"] not in seat_ids
    business = {g["key"]: g for g in after["sectors"]}[cast.sector_keys["business"]]
    before_business = {g["key"]: g for g in before["sectors"]}[cast.sector_keys["business"]]
    assert business["seat_count"] == before_business["seat_count"] - 1
    assert business["by_role"]["member"] == before_business["by_role"]["member"] - 1
    assert seat["id"] in {s["id"] for s in await list_seats(client, cast, "table", current="false")}


# --- the demo story ------------------------------------------------------------------------------
# This one is about the demo itself: its alternate, who sits at one demo table and stands in at another.


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
