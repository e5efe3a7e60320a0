"""Organisations: public lists with filters and sorts; facilitation staff and admins add them."""

from helpers import assert_problem

from shulchan.demo.content import demo_content

ORGS = "/api/v1/organisations"


async def list_all(client, headers=None, **params) -> list[dict]:
    """Every page of the list, following the cursors."""
    items: list[dict] = []
    params = {"limit": 200} | params
    while True:
        response = await client.get(ORGS, params=params, headers=headers or {})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        if body["next_cursor"] is None:
            return items
        params["cursor"] = body["next_cursor"]


def seeded_names(predicate) -> set[str]:
    return {row.name for row in demo_content().organisations if predicate(row)}


async def test_anyone_lists_organisations(client, world):
    items = await list_all(client)

    assert {item["name"] for item in items} == seeded_names(lambda row: True)
    assert {item["id"] for item in items} == {str(org_id) for org_id in world.organisations.values()}


async def test_filter_by_sector(client, world):
    items = await list_all(client, sector_id=str(world.sectors["business_philanthropy"]))

    assert items
    assert {item["sector_id"] for item in items} == {str(world.sectors["business_philanthropy"])}
    assert {item["name"] for item in items} == seeded_names(lambda row: row.sector == "business_philanthropy")


async def test_filter_by_kind(client):
    items = await list_all(client, kind="university")

    assert {item["kind"] for item in items} == {"university"}
    assert {item["name"] for item in items} == seeded_names(lambda row: row.kind == "university")


async def test_filters_combine(client, world):
    items = await list_all(client, kind="municipality", sector_id=str(world.sectors["government"]))

    assert {item["name_en"] for item in items} == {"Tel Aviv-Yafo Municipality", "Be'er Sheva Municipality"}
    assert await list_all(client, kind="municipality", sector_id=str(world.sectors["civil_society"])) == []


async def test_q_matches_part_of_the_hebrew_name(client):
    items = await list_all(client, q="משרד")

    assert {item["name"] for item in items} == seeded_names(lambda row: "משרד" in row.name)
    assert "משרד החינוך" in {item["name"] for item in items}
    assert "עיריית באר שבע" not in {item["name"] for item in items}


async def test_q_matches_part_of_the_english_name_ignoring_case(client):
    upper = await list_all(client, q="FOUNDATION")
    lower = await list_all(client, q="foundation")

    expected = seeded_names(lambda row: "foundation" in (row.name_en or "").lower())
    assert expected  # the Rashi Foundation, the Almog Family Foundation
    assert {item["name"] for item in upper} == expected
    assert [item["id"] for item in lower] == [item["id"] for item in upper]
    assert await list_all(client, q="no such organisation anywhere") == []


async def test_sort_by_name_both_ways(client):
    ascending = [item["name"] for item in await list_all(client, sort="name")]
    descending = [item["name"] for item in await list_all(client, sort="-name")]

    assert len(ascending) == len(demo_content().organisations)
    assert ascending == sorted(ascending)
    assert descending == list(reversed(ascending))


async def test_small_pages_follow_the_same_order(client):
    whole = [item["id"] for item in await list_all(client, sort="-name")]
    paged = [item["id"] for item in await list_all(client, sort="-name", limit=7)]

    assert paged == whole


async def test_a_cursor_from_another_sort_is_refused(client):
    first = (await client.get(ORGS, params={"sort": "name", "limit": 3})).json()

    response = await client.get(ORGS, params={"sort": "-name", "limit": 3, "cursor": first["next_cursor"]})

    assert_problem(response, 400, "invalid_cursor")


async def test_facilitator_adds_an_organisation(client, auth, world):
    body = {
        "name": "קרן הדוגמה",
        "name_en": "Example Foundation",
        "sector_id": str(world.sectors["business_philanthropy"]),
        "kind": "foundation",
        "website": "https://example.org",
    }

    response = await client.post(ORGS, json=body, headers=await auth("facilitator"))

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in body} == body
    assert created["version"] == 1
    assert response.headers["location"] == f"{ORGS}/{created['id']}"
    assert response.headers["etag"] == '"1"'
    assert created["id"] in {item["id"] for item in await list_all(client, q="example")}


async def test_an_unknown_sector_is_refused(client, auth):
    body = {"name": "ארגון", "sector_id": "00000000-0000-7000-8000-000000000000", "kind": "ngo"}

    response = await client.post(ORGS, json=body, headers=await auth("facilitator"))

    assert_problem(response, 422, "unknown_sector")
    assert await list_all(client, q="ארגון") == []


async def test_an_unknown_kind_and_a_bad_website_are_refused(client, auth, world):
    facilitator = await auth("facilitator")
    base = {"name": "ארגון", "sector_id": str(world.sectors["civil_society"]), "kind": "ngo"}

    assert_problem(await client.post(ORGS, json=base | {"kind": "club"}, headers=facilitator), 422, "validation_error")
    assert_problem(
        await client.post(ORGS, json=base | {"website": "ftp://x"}, headers=facilitator), 422, "validation_error"
    )


async def test_members_and_the_public_do_not_add_organisations(client, auth, world):
    body = {"name": "ארגון", "sector_id": str(world.sectors["civil_society"]), "kind": "ngo"}

    assert_problem(await client.post(ORGS, json=body, headers=await auth("member")), 403, "forbidden")
    assert_problem(await client.post(ORGS, json=body), 401, "not_authenticated")


async def test_patch_moves_an_organisation_to_another_sector(client, auth, world):
    facilitator = await auth("facilitator")
    url = f"{ORGS}/{world.organisations['huji']}"
    etag = (await client.get(url)).headers["etag"]

    moved = await client.patch(
        url, json={"sector_id": str(world.sectors["government"])}, headers=facilitator | {"If-Match": etag}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["sector_id"] == str(world.sectors["government"])
    assert moved.headers["etag"] == '"2"'

    stale = await client.patch(url, json={"name_en": "HUJI"}, headers=facilitator | {"If-Match": etag})
    assert_problem(stale, 412, "stale_version")
    unknown = await client.patch(url, json={"sector_id": "00000000-0000-7000-8000-000000000000"}, headers=facilitator)
    assert_problem(unknown, 422, "unknown_sector")
    assert (await client.get(url)).json()["name_en"] == "The Hebrew University of Jerusalem"
