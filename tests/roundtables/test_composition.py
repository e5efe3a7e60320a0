"""Composition: a roundtable's current seats by sector — the sector balance, public for public tables."""

from collections import Counter
from datetime import date

from helpers import assert_problem

from shulchan.demo.content import demo_content

RTS = "/api/v1/roundtables"
ROLES = {"facilitator", "host", "member", "observer"}
TODAY = date.today()


async def composition(client, world, key: str, headers=None) -> dict:
    response = await client.get(f"{RTS}/{world.roundtables[key]}/composition", headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()


def expected_from_demo_data(key: str) -> Counter:
    """(sector, role) of every seat of the seeded roundtable that is held today, from the demo data itself."""
    content = demo_content()
    roundtable = content.roundtable(key)
    sector_of_org = {o.key: o.sector for o in content.organisations}
    org_of_person = {p.key: p.organisation for p in content.stakeholders}
    counts: Counter = Counter()
    for seat in content.seats[key]:
        started = seat.started_on or roundtable.started_on
        ended = seat.ended_on or roundtable.ended_on
        if started <= TODAY and (ended is None or ended >= TODAY):
            counts[(sector_of_org[org_of_person[seat.stakeholder]], seat.role.value)] += 1
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


async def test_every_sector_in_position_order(client, world):
    body = await composition(client, world, "pmo")
    sectors = (await client.get("/api/v1/sectors")).json()["items"]

    assert body["roundtable_id"] == str(world.roundtables["pmo"])
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


async def test_counts_per_sector_and_role_match_the_current_seats(client, world):
    body = await composition(client, world, "pmo")

    assert_consistent(body)
    counts = Counter(
        {(group["key"], role): n for group in body["sectors"] for role, n in group["by_role"].items() if n}
    )
    assert counts == expected_from_demo_data("pmo")
    assert body["total_seats"] == sum(expected_from_demo_data("pmo").values())


async def test_only_current_seats_are_counted(client, auth, world):
    body = await composition(client, world, "pmo")
    seats = (await client.get(f"{RTS}/{world.roundtables['pmo']}/seats", params={"limit": 200})).json()["items"]

    listed = {s["id"] for group in body["sectors"] for s in group["seats"]}
    assert listed == {s["id"] for s in seats if s["is_current"]}
    assert len(listed) < len(seats)  # Omri Katz and Yuval Berkovich left years ago
    names = {s["stakeholder_name_en"] for group in body["sectors"] for s in group["seats"]}
    assert "Omri Katz" not in names
    assert "Yuval Berkovich" not in names
    government = {g["key"]: g for g in body["sectors"]}["government"]
    assert government["by_role"]["host"] == 1  # Orit Sagi, who followed Omri Katz


async def test_a_concluded_roundtable_has_no_current_seats(client, world):
    body = await composition(client, world, "economy")

    assert body["total_seats"] == 0
    assert [group["seat_count"] for group in body["sectors"]] == [0, 0, 0]
    assert_consistent(body)


async def test_an_empty_sector_is_listed_in_its_place(client, auth, world):
    created = await client.post(
        "/api/v1/sectors",
        json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia", "colour": "#8e24aa", "position": 25},
        headers=await auth("admin"),
    )
    assert created.status_code == 201, created.text

    body = await composition(client, world, "pmo")

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


async def test_a_seat_in_a_new_sector_counts_there(client, auth, world):
    admin = await auth("admin")
    sector = (
        await client.post(
            "/api/v1/sectors",
            json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia", "position": 40},
            headers=admin,
        )
    ).json()
    before = await composition(client, world, "pmo")

    seated = await client.post(
        f"{RTS}/{world.roundtables['pmo']}/seats",
        json={"stakeholder_id": str(world.stakeholders["haim_abutbul"]), "role": "observer", "sector_id": sector["id"]},
        headers=await auth("facilitator"),
    )
    assert seated.status_code == 201, seated.text

    after = await composition(client, world, "pmo")
    academia = {g["key"]: g for g in after["sectors"]}["academia"]
    assert academia["by_role"]["observer"] == 1
    assert [s["stakeholder_name_en"] for s in academia["seats"]] == ["Haim Abutbul"]
    assert after["total_seats"] == before["total_seats"] + 1
    assert_consistent(after)


async def test_anonymous_sees_a_public_composition_but_not_an_internal_one(client, auth, world):
    assert (await composition(client, world, "holocaust"))["total_seats"] > 0

    for who in ("anonymous", "member", "outsider"):
        response = await client.get(f"{RTS}/{world.roundtables['education']}/composition", headers=await auth(who))
        assert_problem(response, 404, "not_found")


async def test_seated_people_see_an_internal_composition(client, auth, world):
    body = await composition(client, world, "education", await auth("facilitator2"))

    assert_consistent(body)
    counts = Counter(
        {(group["key"], role): n for group in body["sectors"] for role, n in group["by_role"].items() if n}
    )
    assert counts == expected_from_demo_data("education")


async def test_an_unknown_roundtable_is_404(client):
    response = await client.get(f"{RTS}/00000000-0000-7000-8000-000000000000/composition")

    assert_problem(response, 404, "not_found")
