"""Composition: a roundtable's current seats by sector — the sector balance, public for public tables."""

import uuid
from collections import Counter
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
from sqlalchemy import select

from shulchan.access.permissions import Role
from shulchan.demo.content import demo_content
from shulchan.organisations.models import OrganisationKind
from shulchan.roundtables.models import RoundtableStatus, Visibility
from shulchan.sectors.models import Sector

RTS = "/api/v1/roundtables"
ROLES = {"facilitator", "host", "member", "observer"}
TODAY = date.today()
LONG_AGO, A_YEAR_AGO = TODAY - timedelta(days=3 * 365), TODAY - timedelta(days=365)

# roundtable → its seats: (person, sector key, role, ended a year ago)
ROSTERS = {
    "table": [  # public, active
        ("Facilitator", "civil_society", Role.facilitator, False),
        ("Host", "government", Role.host, False),
        ("Member", "civil_society", Role.member, False),
        ("Second Member", "civil_society", Role.member, False),
        ("Observer", "civil_society", Role.observer, False),
        ("Business One", "business_philanthropy", Role.member, False),
        ("Business Two", "business_philanthropy", Role.member, False),
        ("Former Host", "government", Role.host, True),
        ("Former Member", "civil_society", Role.member, True),
    ],
    "internal": [
        ("Facilitator Two", "government", Role.facilitator, False),
        ("Internal Member", "civil_society", Role.member, False),
        ("Internal Observer", "business_philanthropy", Role.observer, False),
    ],
    "concluded": [  # public, concluded a year ago: every seat ended with it
        ("Concluded Host", "government", Role.host, True),
        ("Concluded Member", "civil_society", Role.member, True),
    ],
}


@dataclass
class Cast:
    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    unseated: uuid.UUID | None = None  # a person with no seat, who works at a civil-society organisation


def expected(key: str) -> Counter:
    """(sector, role) of every seat of the roster that is held today."""
    return Counter((sector, role.value) for _, sector, role, ended in ROSTERS[key] if not ended)


async def sector_by_key(db, key: str) -> Sector:
    """The platform's sectors are reference data: the three the composition is laid out by."""
    return await db.scalar(select(Sector).where(Sector.key == key)) or await make_sector(db, key)


@pytest.fixture
async def cast(db, settings) -> Cast:
    sectors = {key: await sector_by_key(db, key) for key in ("government", "business_philanthropy", "civil_society")}
    organisations = {
        "government": await make_ministry(db, sectors["government"]),
        "business_philanthropy": await make_organisation(
            db, sectors["business_philanthropy"], OrganisationKind.company
        ),
        "civil_society": await make_organisation(db, sectors["civil_society"]),
    }
    built = Cast()
    for key, roster in ROSTERS.items():
        roundtable = await make_roundtable(
            db,
            organisations["government"],
            status=RoundtableStatus.concluded if key == "concluded" else RoundtableStatus.active,
            visibility=Visibility.internal if key == "internal" else Visibility.public,
        )
        built.roundtables[key] = roundtable.id
        for name_en, sector, role, ended in roster:
            person = await make_person(db, organisations[sector], name_en=name_en)
            await seat(
                db,
                roundtable,
                person,
                role,
                started_on=LONG_AGO if ended else None,
                ended_on=A_YEAR_AGO if ended else None,
            )
            built.headers.setdefault(f"{key}:{role.value}", await bearer(db, settings, person))
    unseated = await make_person(db, organisations["civil_society"], name_en="Unseated Person")
    built.unseated = (await stakeholder_of(db, unseated)).id
    built.headers["admin"] = await signed_in(db, settings, admin=True)
    built.headers["outsider"] = await signed_in(db, settings)
    await db.commit()
    return built


async def composition(client, roundtable_id, headers=None) -> dict:
    response = await client.get(f"{RTS}/{roundtable_id}/composition", headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()


def expected_from_demo_data(key: str) -> Counter:
    """(sector, role) of every seat of the seeded roundtable that is held today, from the demo data itself."""
    content = demo_content()
    roundtable = content.roundtable(key)
    sector_of_org = {o.key: o.sector for o in content.organisations}
    org_of_person = {p.key: p.organisation for p in content.stakeholders}
    counts: Counter = Counter()
    for demo_seat in content.seats[key]:
        started = demo_seat.started_on or roundtable.started_on
        ended = demo_seat.ended_on or roundtable.ended_on
        if started <= TODAY and (ended is None or ended >= TODAY):
            counts[(sector_of_org[org_of_person[demo_seat.stakeholder]], demo_seat.role.value)] += 1
    return counts


def assert_consistent(body: dict) -> None:
    """Counts agree with each other and with the seats listed."""
    assert body["total_seats"] == sum(group["seat_count"] for group in body["sectors"])
    for group in body["sectors"]:
        assert set(group["by_role"]) == ROLES
        assert sum(group["by_role"].values()) == group["seat_count"] == len(group["seats"])
        assert Counter(s["role"] for s in group["seats"]) == +Counter(group["by_role"])
        assert {s["sector_id"] for s in group["seats"]} <= {group["sector_id"]}
        assert all(s["is_current"] for s in group["seats"])


async def test_every_sector_in_position_order(client, cast):
    body = await composition(client, cast.roundtables["table"])
    sectors = (await client.get("/api/v1/sectors")).json()["items"]

    assert body["roundtable_id"] == str(cast.roundtables["table"])
    assert body["as_of"] == TODAY.isoformat()
    assert [group["key"] for group in body["sectors"]] == [s["key"] for s in sectors]
    assert [group["key"] for group in body["sectors"]] == ["government", "business_philanthropy", "civil_society"]
    for group, sector in zip(body["sectors"], sectors, strict=True):
        assert (group["sector_id"], group["name_he"], group["name_en"], group["colour"]) == (
            sector["id"],
            sector["name_he"],
            sector["name_en"],
            sector["colour"],
        )


def counts_of(body: dict) -> Counter:
    return Counter({(group["key"], role): n for group in body["sectors"] for role, n in group["by_role"].items() if n})


async def test_counts_per_sector_and_role_match_the_current_seats(client, cast):
    body = await composition(client, cast.roundtables["table"])

    assert_consistent(body)
    assert counts_of(body) == expected("table")
    assert body["total_seats"] == sum(expected("table").values()) == 7


async def test_only_current_seats_are_counted(client, cast):
    body = await composition(client, cast.roundtables["table"])
    url = f"{RTS}/{cast.roundtables['table']}/seats"
    seats = (await client.get(url, params={"limit": 200})).json()["items"]

    listed = {s["id"] for group in body["sectors"] for s in group["seats"]}
    assert listed == {s["id"] for s in seats if s["is_current"]}
    assert len(listed) < len(seats)  # the former host and the former member left a year ago
    names = {s["stakeholder_name_en"] for group in body["sectors"] for s in group["seats"]}
    assert "Former Host" not in names
    assert "Former Member" not in names
    government = {g["key"]: g for g in body["sectors"]}["government"]
    assert government["by_role"]["host"] == 1  # the host who followed the former one


async def test_a_concluded_roundtable_has_no_current_seats(client, cast):
    body = await composition(client, cast.roundtables["concluded"])

    assert body["total_seats"] == 0
    assert [group["seat_count"] for group in body["sectors"]] == [0, 0, 0]
    assert_consistent(body)


async def test_an_empty_sector_is_listed_in_its_place(client, cast):
    created = await client.post(
        "/api/v1/sectors",
        json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia", "colour": "#8e24aa", "position": 25},
        headers=cast.headers["admin"],
    )
    assert created.status_code == 201, created.text

    body = await composition(client, cast.roundtables["table"])

    assert [group["key"] for group in body["sectors"]] == [
        "government",
        "business_philanthropy",
        "academia",
        "civil_society",
    ]
    academia = body["sectors"][2]
    assert (academia["seat_count"], academia["seats"]) == (0, [])
    assert academia["by_role"] == dict.fromkeys(ROLES, 0)
    assert_consistent(body)


async def test_a_seat_in_a_new_sector_counts_there(client, cast):
    sector = (
        await client.post(
            "/api/v1/sectors",
            json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia", "position": 40},
            headers=cast.headers["admin"],
        )
    ).json()
    before = await composition(client, cast.roundtables["table"])

    seated = await client.post(
        f"{RTS}/{cast.roundtables['table']}/seats",
        json={"stakeholder_id": str(cast.unseated), "role": "observer", "sector_id": sector["id"]},
        headers=cast.headers["table:facilitator"],
    )
    assert seated.status_code == 201, seated.text

    after = await composition(client, cast.roundtables["table"])
    academia = {g["key"]: g for g in after["sectors"]}["academia"]
    assert academia["by_role"]["observer"] == 1
    assert [s["stakeholder_name_en"] for s in academia["seats"]] == ["Unseated Person"]
    assert after["total_seats"] == before["total_seats"] + 1
    assert_consistent(after)


async def test_anonymous_sees_a_public_composition_but_not_an_internal_one(client, cast):
    assert (await composition(client, cast.roundtables["table"]))["total_seats"] > 0

    # a member of another table, and someone who sits nowhere
    for headers in ({}, cast.headers["table:member"], cast.headers["outsider"]):
        response = await client.get(f"{RTS}/{cast.roundtables['internal']}/composition", headers=headers)
        assert_problem(response, 404, "not_found")


async def test_seated_people_see_an_internal_composition(client, cast):
    for role in ("facilitator", "member", "observer"):
        body = await composition(client, cast.roundtables["internal"], cast.headers[f"internal:{role}"])

        assert_consistent(body)
        assert counts_of(body) == expected("internal")


async def test_an_unknown_roundtable_is_404(client):
    response = await client.get(f"{RTS}/00000000-0000-7000-8000-000000000000/composition")

    assert_problem(response, 404, "not_found")


# --- the demo story ------------------------------------------------------------------------------
# About the demo itself: its seeded seats, dated over the years, agree with the content they come from
# (a public table read anonymously, an internal one by its facilitator).


async def test_the_demo_composition_matches_the_demo_content(client, world):
    body = await composition(client, world.roundtables["pmo"])

    assert_consistent(body)
    assert counts_of(body) == expected_from_demo_data("pmo")
    assert body["total_seats"] == sum(expected_from_demo_data("pmo").values())


async def test_the_demo_internal_composition_matches_the_demo_content(client, auth, world):
    body = await composition(client, world.roundtables["education"], await auth("facilitator2"))

    assert_consistent(body)
    assert counts_of(body) == expected_from_demo_data("education")
