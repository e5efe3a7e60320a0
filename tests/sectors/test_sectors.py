"""Sectors: the public list in display order, and how admins add and change them."""

from helpers import assert_problem

from shulchan.demo.content import demo_content

SECTORS = "/api/v1/sectors"


def new_sector(**overrides) -> dict:
    return {
        "key": "academia",
        "name_he": "אקדמיה",
        "name_en": "Academia",
        "colour": "#8e24aa",
        "position": 40,
    } | overrides


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


async def test_a_new_sector_takes_its_place_by_position(client, auth):
    admin = await auth("admin")
    created = await client.post(SECTORS, json=new_sector(key="local_government", position=15), headers=admin)
    assert created.status_code == 201, created.text

    keys = [s["key"] for s in (await client.get(SECTORS)).json()["items"]]
    assert keys == ["government", "local_government", "business_philanthropy", "civil_society"]
    by_key = [s["key"] for s in (await client.get(SECTORS, params={"sort": "key"})).json()["items"]]
    assert by_key == sorted(by_key)


async def test_admin_adds_a_sector(client, auth):
    response = await client.post(SECTORS, json=new_sector(), headers=await auth("admin"))

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


async def test_a_duplicate_key_is_a_conflict(client, auth):
    admin = await auth("admin")

    response = await client.post(SECTORS, json=new_sector(key="government"), headers=admin)

    body = assert_problem(response, 409, "sector_key_taken")
    assert "government" in body["detail"]
    assert len((await client.get(SECTORS)).json()["items"]) == 3


async def test_a_bad_colour_is_refused(client, auth):
    admin = await auth("admin")

    for colour in ("red", "#12345", "#1234567", "#gggggg"):
        response = await client.post(SECTORS, json=new_sector(colour=colour), headers=admin)
        body = assert_problem(response, 422, "validation_error")
        assert ["body", "colour"] in [error["loc"] for error in body["errors"]]
    assert len((await client.get(SECTORS)).json()["items"]) == 3


async def test_a_bad_key_is_refused(client, auth):
    response = await client.post(SECTORS, json=new_sector(key="Academia With Spaces"), headers=await auth("admin"))

    body = assert_problem(response, 422, "validation_error")
    assert ["body", "key"] in [error["loc"] for error in body["errors"]]


async def test_only_admins_add_sectors(client, auth):
    assert_problem(await client.post(SECTORS, json=new_sector(), headers=await auth("facilitator")), 403, "forbidden")
    assert_problem(await client.post(SECTORS, json=new_sector()), 401, "not_authenticated")


async def test_patch_with_the_current_etag_changes_the_sector(client, auth, world):
    admin = await auth("admin")
    url = f"{SECTORS}/{world.sectors['civil_society']}"
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


async def test_patch_with_a_stale_etag_changes_nothing(client, auth, world):
    admin = await auth("admin")
    url = f"{SECTORS}/{world.sectors['government']}"
    etag = (await client.get(url)).headers["etag"]
    first = await client.patch(url, json={"colour": "#000000"}, headers=admin | {"If-Match": etag})
    assert first.status_code == 200, first.text

    second = await client.patch(url, json={"colour": "#ffffff"}, headers=admin | {"If-Match": etag})

    body = assert_problem(second, 412, "stale_version")
    assert body["current_version"] == 2
    assert (await client.get(url)).json()["colour"] == "#000000"


async def test_patch_refuses_a_bad_colour_and_null_names(client, auth, world):
    admin = await auth("admin")
    url = f"{SECTORS}/{world.sectors['government']}"

    assert_problem(await client.patch(url, json={"colour": "blue"}, headers=admin), 422, "validation_error")
    assert_problem(await client.patch(url, json={"name_he": None}, headers=admin), 422, "validation_error")
    assert_problem(await client.patch(url, json={"key": "gov"}, headers=admin), 422, "validation_error")
    assert (await client.get(url)).json()["version"] == 1


async def test_an_unknown_sector_is_404(client):
    response = await client.get(f"{SECTORS}/00000000-0000-7000-8000-000000000000")

    assert_problem(response, 404, "not_found")
