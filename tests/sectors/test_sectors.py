"""Sectors: the public list in display order, and how admins add and change them."""

import pytest
from helpers import assert_problem, bearer, make_admin, make_sector, make_table

from shulchan.demo.content import demo_content

SECTORS = "/api/v1/sectors"


@pytest.fixture
async def admin(db, settings) -> dict[str, str]:
    """Headers of a platform admin of the test's own."""
    headers = await bearer(db, settings, await make_admin(db))
    await db.commit()
    return headers


async def all_sectors(client) -> list[dict]:
    return (await client.get(SECTORS, params={"limit": 200})).json()["items"]


def new_sector(**overrides) -> dict:
    return {
        "key": "academia",
        "name_he": "אקדמיה",
        "name_en": "Academia",
        "colour": "#8e24aa",
        "position": 40,
    } | overrides


# About the demo: its three sectors are what a fresh platform starts with.
async def test_the_three_seeded_sectors_are_public_and_in_position_order(client, world):
    response = await client.get(SECTORS)

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [s["key"] for s in items] == ["government", "business_philanthropy", "civil_society"]
    assert [s["position"] for s in items] == sorted(s["position"] for s in items)
    assert {s["key"]: s["id"] for s in items} == {key: str(sector_id) for key, sector_id in world.sectors.items()}
    seeded = {row.key: row for row in demo_content().sectors}
    for item in items:
        assert item["name_he"] == seeded[item["key"]].name_he
        assert item["name_en"] == seeded[item["key"]].name_en
        assert item["colour"] == seeded[item["key"]].colour
    assert response.json()["next_cursor"] is None


async def test_a_new_sector_takes_its_place_by_position(client, db, admin):
    before, after = await make_sector(db, "before_it"), await make_sector(db, "after_it")
    before.position, after.position = 1001, 1003
    await db.commit()
    created = await client.post(SECTORS, json=new_sector(key="local_government", position=1002), headers=admin)
    assert created.status_code == 201, created.text

    items = await all_sectors(client)
    assert [s["position"] for s in items] == sorted(s["position"] for s in items)
    keys = [s["key"] for s in items]
    assert [key for key in keys if key in {"before_it", "local_government", "after_it"}] == [
        "before_it",
        "local_government",
        "after_it",
    ]
    assert keys.index("local_government") == keys.index("before_it") + 1 == keys.index("after_it") - 1
    by_key = [s["key"] for s in (await client.get(SECTORS, params={"sort": "key"})).json()["items"]]
    assert by_key == sorted(by_key)


async def test_admin_adds_a_sector(client, admin):
    response = await client.post(SECTORS, json=new_sector(), headers=admin)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["key"] == "academia"
    assert body["name_he"] == "אקדמיה"
    assert body["colour"] == "#8e24aa"
    assert body["version"] == 1
    assert response.headers["location"] == f"/api/v1/sectors/{body['id']}"
    assert response.headers["etag"] == '"1"'

    fetched = await client.get(response.headers["location"])
    assert fetched.status_code == 200
    assert fetched.json() == body
    assert fetched.headers["etag"] == '"1"'


async def test_a_duplicate_key_is_a_conflict(client, db, admin):
    await make_sector(db, "taken_key")
    await db.commit()
    before = await all_sectors(client)

    response = await client.post(SECTORS, json=new_sector(key="taken_key"), headers=admin)

    body = assert_problem(response, 409, "sector_key_taken")
    assert "taken_key" in body["detail"]
    assert await all_sectors(client) == before


async def test_a_bad_colour_is_refused(client, admin):
    before = await all_sectors(client)
    for colour in ("red", "#12345", "#1234567", "#gggggg"):
        response = await client.post(SECTORS, json=new_sector(colour=colour), headers=admin)
        body = assert_problem(response, 422, "validation_error")
        assert ["body", "colour"] in [error["loc"] for error in body["errors"]]
    assert await all_sectors(client) == before


async def test_a_bad_key_is_refused(client, admin):
    response = await client.post(SECTORS, json=new_sector(key="Academia With Spaces"), headers=admin)

    body = assert_problem(response, 422, "validation_error")
    assert ["body", "key"] in [error["loc"] for error in body["errors"]]


async def test_only_admins_add_sectors(client, db, settings):
    facilitator = (await make_table(db, settings, members=0)).facilitator
    await db.commit()
    assert_problem(await client.post(SECTORS, json=new_sector(), headers=facilitator), 403, "forbidden")
    assert_problem(await client.post(SECTORS, json=new_sector()), 401, "not_authenticated")


async def test_patch_with_the_current_etag_changes_the_sector(client, db, admin):
    url = f"{SECTORS}/{(await make_sector(db)).id}"
    await db.commit()
    etag = (await client.get(url)).headers["etag"]

    response = await client.patch(
        url, json={"colour": "#00aa00", "name_en": "Civil society & NGOs"}, headers=admin | {"If-Match": etag}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["colour"] == "#00aa00"
    assert body["name_en"] == "Civil society & NGOs"
    assert body["version"] == 2
    assert response.headers["etag"] == '"2"'
    assert (await client.get(url)).json()["colour"] == "#00aa00"


async def test_patch_with_a_stale_etag_changes_nothing(client, db, admin):
    url = f"{SECTORS}/{(await make_sector(db)).id}"
    await db.commit()
    etag = (await client.get(url)).headers["etag"]
    first = await client.patch(url, json={"colour": "#000000"}, headers=admin | {"If-Match": etag})
    assert first.status_code == 200, first.text

    second = await client.patch(url, json={"colour": "#ffffff"}, headers=admin | {"If-Match": etag})

    body = assert_problem(second, 412, "stale_version")
    assert body["current_version"] == 2
    assert (await client.get(url)).json()["colour"] == "#000000"


async def test_patch_refuses_a_bad_colour_and_null_names(client, db, admin):
    url = f"{SECTORS}/{(await make_sector(db)).id}"
    await db.commit()

    assert_problem(await client.patch(url, json={"colour": "blue"}, headers=admin), 422, "validation_error")
    assert_problem(await client.patch(url, json={"name_he": None}, headers=admin), 422, "validation_error")
    assert_problem(await client.patch(url, json={"key": "gov"}, headers=admin), 422, "validation_error")
    assert (await client.get(url)).json()["version"] == 1


async def test_an_unknown_sector_is_404(client):
    response = await client.get(f"{SECTORS}/00000000-0000-7000-8000-000000000000")

    assert_problem(response, 404, "not_found")
