"""Organisations: public lists with filters and sorts; facilitation staff and admins add them."""

from dataclasses import dataclass

import pytest
from helpers import Table, assert_problem, make_organisation, make_sector, make_table

from shulchan.demo.content import demo_content
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.sectors.models import Sector

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


@dataclass
class Zebras:
    """Organisations of the test's own, all with "zebra" in their names, in two sectors of their own."""

    sector: Sector
    other: Sector
    by_key: dict[str, Organisation]

    def names(self, *keys: str) -> set[str]:
        return {self.by_key[key].name for key in keys}


@pytest.fixture
async def zebras(db) -> Zebras:
    sector, other = await make_sector(db), await make_sector(db)
    rows = {
        "trust": (sector, "עמותת הזברה", "Zebra Trust", OrganisationKind.ngo),
        "university": (sector, "אוניברסיטת הזברה", "Zebra University", OrganisationKind.university),
        "north": (sector, "עיריית הזברה הצפונית", "North Zebra Municipality", OrganisationKind.municipality),
        "city": (other, "עיריית זברה", "Zebra Municipality", OrganisationKind.municipality),
        "foundation": (other, "קרן זברה", "ZEBRA Foundation", OrganisationKind.foundation),
    }
    by_key = {
        key: await make_organisation(db, in_sector, kind, name=name, name_en=name_en)
        for key, (in_sector, name, name_en, kind) in rows.items()
    }
    await db.commit()
    return Zebras(sector, other, by_key)


@pytest.fixture
async def signed_in(db, settings) -> Table:
    """A roundtable of the test's own: its facilitator is facilitation staff, its member is not."""
    table = await make_table(db, settings, members=1)
    await db.commit()
    return table


# About the demo: a fresh platform lists exactly the seeded organisations.
async def test_anyone_lists_organisations(client, world):
    items = await list_all(client)

    assert {item["name"] for item in items} == seeded_names(lambda row: True)
    assert {item["id"] for item in items} == {str(org_id) for org_id in world.organisations.values()}


async def test_filter_by_sector(client, zebras):
    items = await list_all(client, sector_id=str(zebras.sector.id))

    assert items
    assert {item["sector_id"] for item in items} == {str(zebras.sector.id)}
    assert {item["name"] for item in items} == zebras.names("trust", "university", "north")


async def test_filter_by_kind(client, zebras):
    everything = await list_all(client)
    items = await list_all(client, kind="university")

    assert {item["kind"] for item in items} == {"university"}
    assert {item["name"] for item in items} == {item["name"] for item in everything if item["kind"] == "university"}
    assert zebras.names("university") <= {item["name"] for item in items}


async def test_filters_combine(client, zebras):
    items = await list_all(client, kind="municipality", sector_id=str(zebras.sector.id))

    assert {item["name_en"] for item in items} == {"North Zebra Municipality"}
    assert {
        item["name_en"] for item in await list_all(client, kind="municipality", sector_id=str(zebras.other.id))
    } == {"Zebra Municipality"}
    assert await list_all(client, kind="university", sector_id=str(zebras.other.id)) == []


async def test_q_matches_part_of_the_hebrew_name(client, zebras):
    everything = await list_all(client)
    items = await list_all(client, q="הזבר")

    assert {item["name"] for item in items} == {item["name"] for item in everything if "הזבר" in item["name"]}
    assert zebras.names("trust", "university", "north") <= {item["name"] for item in items}
    assert not zebras.names("city", "foundation") & {item["name"] for item in items}


async def test_q_matches_part_of_the_english_name_ignoring_case(client, zebras):
    everything = await list_all(client)
    upper = await list_all(client, q="ZEBR")
    lower = await list_all(client, q="zebr")

    expected = {item["name"] for item in everything if "zebr" in (item["name_en"] or "").lower()}
    assert expected == zebras.names("trust", "university", "city", "north", "foundation")
    assert {item["name"] for item in upper} == expected
    assert [item["id"] for item in lower] == [item["id"] for item in upper]
    assert await list_all(client, q="no such organisation anywhere") == []


async def test_sort_by_name_both_ways(client, zebras):
    ascending = [item["name"] for item in await list_all(client, sort="name")]
    descending = [item["name"] for item in await list_all(client, sort="-name")]

    assert len(ascending) == len(await list_all(client))
    assert zebras.names("trust", "university", "city", "north", "foundation") <= set(ascending)
    assert ascending == sorted(ascending)
    assert descending == list(reversed(ascending))


async def test_small_pages_follow_the_same_order(client, zebras):
    whole = [item["id"] for item in await list_all(client, sort="-name")]
    paged = [item["id"] for item in await list_all(client, sort="-name", limit=7)]
    assert paged == whole

    ours = [item["id"] for item in await list_all(client, sort="-name", q="zebr")]
    assert len(ours) == 5
    assert [item["id"] for item in await list_all(client, sort="-name", q="zebr", limit=2)] == ours


async def test_a_cursor_from_another_sort_is_refused(client, zebras):
    first = (await client.get(ORGS, params={"sort": "name", "limit": 3})).json()

    response = await client.get(ORGS, params={"sort": "-name", "limit": 3, "cursor": first["next_cursor"]})

    assert_problem(response, 400, "invalid_cursor")


async def test_facilitator_adds_an_organisation(client, signed_in, zebras):
    body = {
        "name": "קרן הדוגמה",
        "name_en": "Example Foundation",
        "sector_id": str(zebras.other.id),
        "kind": "foundation",
        "website": "https://example.org",
    }

    response = await client.post(ORGS, json=body, headers=signed_in.facilitator)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in body} == body
    assert created["version"] == 1
    assert response.headers["location"] == f"{ORGS}/{created['id']}"
    assert response.headers["etag"] == '"1"'
    assert created["id"] in {item["id"] for item in await list_all(client, q="example")}


async def test_an_unknown_sector_is_refused(client, signed_in):
    body = {"name": "ארגון", "sector_id": "00000000-0000-7000-8000-000000000000", "kind": "ngo"}

    response = await client.post(ORGS, json=body, headers=signed_in.facilitator)

    assert_problem(response, 422, "unknown_sector")
    assert await list_all(client, q="ארגון") == []


async def test_an_unknown_kind_and_a_bad_website_are_refused(client, signed_in, zebras):
    facilitator = signed_in.facilitator
    base = {"name": "ארגון", "sector_id": str(zebras.sector.id), "kind": "ngo"}

    assert_problem(await client.post(ORGS, json=base | {"kind": "club"}, headers=facilitator), 422, "validation_error")
    assert_problem(
        await client.post(ORGS, json=base | {"website": "ftp://x"}, headers=facilitator), 422, "validation_error"
    )


async def test_members_and_the_public_do_not_add_organisations(client, signed_in, zebras):
    body = {"name": "ארגון", "sector_id": str(zebras.sector.id), "kind": "ngo"}

    assert_problem(await client.post(ORGS, json=body, headers=signed_in.members[0]), 403, "forbidden")
    assert_problem(await client.post(ORGS, json=body), 401, "not_authenticated")


async def test_patch_moves_an_organisation_to_another_sector(client, signed_in, zebras):
    facilitator = signed_in.facilitator
    url = f"{ORGS}/{zebras.by_key['university'].id}"
    etag = (await client.get(url)).headers["etag"]

    moved = await client.patch(url, json={"sector_id": str(zebras.other.id)}, headers=facilitator | {"If-Match": etag})
    assert moved.status_code == 200, moved.text
    assert moved.json()["sector_id"] == str(zebras.other.id)
    assert moved.headers["etag"] == '"2"'

    stale = await client.patch(url, json={"name_en": "ZU"}, headers=facilitator | {"If-Match": etag})
    assert_problem(stale, 412, "stale_version")
    unknown = await client.patch(url, json={"sector_id": "00000000-0000-7000-8000-000000000000"}, headers=facilitator)
    assert_problem(unknown, 422, "unknown_sector")
    assert (await client.get(url)).json()["name_en"] == "Zebra University"
