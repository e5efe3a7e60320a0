"""Roundtables: creating them, the status lifecycle, optimistic concurrency, and what each caller lists."""

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
from shulchan.organisations.models import OrganisationKind
from shulchan.roundtables.models import RoundtableStatus, Visibility

RTS = "/api/v1/roundtables"


@dataclass
class Cast:
    """Roundtables of their own, by key, named after the kinds of table they stand for: "pmo" (public,
    active: facilitator, host, member, observer), "education" (internal, facilitator2's, hosted by another
    ministry), "civil_service" (internal, paused, the facilitator's), "economy" (public, concluded: the
    facilitator's seat ended with it) and "holocaust" (public, facilitator2's); the organisations and
    people they need; and headers of who signs in (with a platform admin and an outsider)."""

    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)
    organisations: dict[str, uuid.UUID] = field(default_factory=dict)
    stakeholders: dict[str, uuid.UUID] = field(default_factory=dict)
    sectors: dict[str, uuid.UUID] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def ids(self, *keys: str) -> set[str]:
        return {str(self.roundtables[key]) for key in keys or self.roundtables}

    def ours(self, listed: list[str]) -> list[str]:
        """Of a listing, the roundtables built here (the database holds others too), in the listed order."""
        return [rt for rt in listed if rt in self.ids()]


# roundtable → (host, visibility, status, title, English title); who sits where is in SEATED
TABLES = {
    "pmo": ("pmo", Visibility.public, RoundtableStatus.active, "שולחן משרד ראש הממשלה", "Prime Minister's Table"),
    "education": ("education", Visibility.internal, RoundtableStatus.active, "שולחן משרד החינוך", "Education"),
    "civil_service": ("pmo", Visibility.internal, RoundtableStatus.paused, "שולחן נציבות השירות", "Civil service"),
    "economy": ("pmo", Visibility.public, RoundtableStatus.concluded, "שולחן הכלכלה", "Economy"),
    "holocaust": ("pmo", Visibility.public, RoundtableStatus.active, "שולחן ניצולי השואה", "Survivors"),
}
SEATED = {
    "pmo": [
        ("facilitator", Role.facilitator),
        ("host", Role.host),
        ("member", Role.member),
        ("observer", Role.observer),
    ],
    "education": [("facilitator2", Role.facilitator)],
    "civil_service": [("facilitator", Role.facilitator)],
    "economy": [("facilitator", Role.facilitator)],
    "holocaust": [("facilitator2", Role.facilitator)],
}


@pytest.fixture
async def cast(db, settings) -> Cast:
    built = Cast()
    civil = await make_sector(db, name_en="Civil society")
    welfare = await make_ministry(db)
    welfare.name, welfare.name_en = "משרד הרווחה והביטחון החברתי", "Ministry of Welfare and Social Security"
    government = welfare.sector_id
    municipality = await make_organisation(db, civil, OrganisationKind.municipality)
    municipality.sector_id, municipality.name_en = government, "Be'er Sheva Municipality"
    orgs = {
        "welfare": welfare,
        "pmo": await make_ministry(db),
        "education": await make_ministry(db),
        "municipality": municipality,
        "ngo": await make_organisation(db, civil),
        "foundation": await make_organisation(db, civil, OrganisationKind.foundation),
        "university": await make_organisation(db, civil, OrganisationKind.university),
    }
    await db.flush()
    built.organisations = {key: org.id for key, org in orgs.items()}
    built.sectors = {"government": government, "civil": civil.id}
    people = {
        key: await make_person(db, orgs[org])
        for key, org in [
            ("facilitator", "ngo"),
            ("host", "pmo"),
            ("member", "ngo"),
            ("observer", "ngo"),
            ("facilitator2", "education"),
        ]
    }
    built.stakeholders = {key: (await stakeholder_of(db, user)).id for key, user in people.items()}
    concluded_on = date.today() - timedelta(days=365)
    for key, (host, visibility, status, title, title_en) in TABLES.items():
        roundtable = await make_roundtable(db, orgs[host], status=status, visibility=visibility, title=title)
        roundtable.title_en, roundtable.started_on = title_en, date(2015, 1, 1)
        roundtable.ended_on = concluded_on if status == RoundtableStatus.concluded else None
        built.roundtables[key] = roundtable.id
        for person, role in SEATED[key]:
            ended_on = roundtable.ended_on
            await seat(db, roundtable, people[person], role, started_on=date(2015, 1, 1), ended_on=ended_on)
    await db.flush()
    built.headers = {key: await bearer(db, settings, user) for key, user in people.items()}
    built.headers |= {
        "admin": await signed_in(db, settings, admin=True),
        "outsider": await signed_in(db, settings),
        "anonymous": {},
    }
    await db.commit()
    return built


def new_roundtable(cast, **overrides) -> dict:
    return {
        "title": "השולחן העגול במשרד הרווחה",
        "title_en": "The Ministry of Welfare Roundtable",
        "description": "שולחן חדש",
        "host_organisation_id": str(cast.organisations["welfare"]),
        "visibility": "internal",
        "policy_area": "רווחה",
        "founding_reference": "החלטת ממשלה 1234",
        "started_on": "2026-01-01",
    } | overrides


async def create(client, cast, who="facilitator", **overrides) -> dict:
    response = await client.post(RTS, json=new_roundtable(cast, **overrides), headers=cast.headers[who])
    assert response.status_code == 201, response.text
    return response.json()


async def list_ids(client, headers, **params) -> list[str]:
    response = await client.get(RTS, params={"limit": 200} | params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return [item["id"] for item in response.json()["items"]]


async def transition(client, headers, roundtable_id, status, **extra_headers):
    return await client.post(
        f"{RTS}/{roundtable_id}/transition", json={"status": status}, headers=headers | extra_headers
    )


# --- creating ---------------------------------------------------------------------------------------


async def test_facilitator_creates_a_forming_roundtable_and_facilitates_it(client, cast):
    facilitator = cast.headers["facilitator"]

    response = await client.post(RTS, json=new_roundtable(cast), headers=facilitator)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "forming"
    assert body["visibility"] == "internal"
    assert body["host_organisation_name"] == "משרד הרווחה והביטחון החברתי"
    assert body["host_organisation_name_en"] == "Ministry of Welfare and Social Security"
    assert body["version"] == 1
    assert body["my_roles"] == ["facilitator"]
    assert {"roundtable:edit", "seats:manage", "seats:assign_facilitator", "audit:view"} <= set(body["my_permissions"])
    assert "decisions:adopt" not in body["my_permissions"]  # the host ministry adopts, not the facilitator
    assert response.headers["location"] == f"{RTS}/{body['id']}"
    assert response.headers["etag"] == '"1"'

    # on a fresh request the creator still sees the internal roundtable, through their new seat
    fetched = await client.get(f"{RTS}/{body['id']}", headers=facilitator)
    assert fetched.status_code == 200, fetched.text
    assert fetched.json()["my_roles"] == ["facilitator"]
    seats = (await client.get(f"{RTS}/{body['id']}/seats", headers=facilitator)).json()["items"]
    assert [(s["stakeholder_id"], s["role"], s["is_current"]) for s in seats] == [
        (str(cast.stakeholders["facilitator"]), "facilitator", True)
    ]
    assert seats[0]["sector_id"] == str(cast.sectors["civil"])
    assert seats[0]["started_on"] == "2026-01-01"
    assert body["id"] in await list_ids(client, facilitator, mine="true")


async def test_others_do_not_see_a_new_internal_roundtable(client, cast):
    created = await create(client, cast)

    for who in ("member", "facilitator2", "outsider", "anonymous"):
        assert_problem(await client.get(f"{RTS}/{created['id']}", headers=cast.headers[who]), 404, "not_found")
        assert created["id"] not in await list_ids(client, cast.headers[who])
    assert (await client.get(f"{RTS}/{created['id']}", headers=cast.headers["admin"])).json()["my_roles"] == []


async def test_the_creator_sees_a_roundtable_that_starts_in_the_future(client, cast):
    facilitator = cast.headers["facilitator"]
    starts = (date.today() + timedelta(days=60)).isoformat()
    created = await create(client, cast, started_on=starts)

    response = await client.get(f"{RTS}/{created['id']}", headers=facilitator)

    assert response.status_code == 200, response.text
    assert response.json()["my_roles"] == ["facilitator"]


async def test_an_admin_creates_without_a_seat(client, cast):
    created = await create(client, cast, who="admin", visibility="public")

    assert created["my_roles"] == []
    assert "roundtable:edit" in created["my_permissions"]
    seats = (await client.get(f"{RTS}/{created['id']}/seats")).json()["items"]
    assert seats == []


async def test_the_host_must_be_a_government_organisation(client, cast):
    facilitator = cast.headers["facilitator"]
    before = await list_ids(client, facilitator)

    for org in ("ngo", "foundation", "university"):
        body = new_roundtable(cast, host_organisation_id=str(cast.organisations[org]))
        assert_problem(await client.post(RTS, json=body, headers=facilitator), 422, "host_not_government")
    body = new_roundtable(cast, host_organisation_id="00000000-0000-7000-8000-000000000000")
    assert_problem(await client.post(RTS, json=body, headers=facilitator), 422, "unknown_organisation")
    assert await list_ids(client, facilitator) == before


async def test_a_municipality_may_host(client, cast):
    created = await create(client, cast, host_organisation_id=str(cast.organisations["municipality"]))

    assert created["host_organisation_name_en"] == "Be'er Sheva Municipality"


async def test_ended_on_before_started_on_is_refused(client, cast):
    body = new_roundtable(cast, started_on="2026-05-01", ended_on="2026-04-30")

    problem = assert_problem(
        await client.post(RTS, json=body, headers=cast.headers["facilitator"]), 422, "validation_error"
    )
    assert problem["errors"]


async def test_patch_refuses_dates_out_of_order(client, cast):
    facilitator = cast.headers["facilitator"]
    url = f"{RTS}/{cast.roundtables['pmo']}"

    response = await client.patch(url, json={"ended_on": "2008-12-31"}, headers=facilitator)

    assert_problem(response, 422, "dates_out_of_order")
    assert (await client.get(url)).json()["ended_on"] is None


async def test_patch_refuses_a_non_government_host(client, cast):
    url = f"{RTS}/{cast.roundtables['pmo']}"
    body = {"host_organisation_id": str(cast.organisations["ngo"])}

    assert_problem(await client.patch(url, json=body, headers=cast.headers["host"]), 422, "host_not_government")
    assert (await client.get(url)).json()["host_organisation_id"] == str(cast.organisations["pmo"])


async def test_members_and_outsiders_do_not_create(client, cast):
    for who in ("member", "observer", "outsider"):
        assert_problem(await client.post(RTS, json=new_roundtable(cast), headers=cast.headers[who]), 403, "forbidden")
    assert_problem(await client.post(RTS, json=new_roundtable(cast)), 401, "not_authenticated")


async def test_my_roles_and_permissions_follow_the_caller(client, cast):
    url = f"{RTS}/{cast.roundtables['pmo']}"

    host = (await client.get(url, headers=cast.headers["host"])).json()
    member = (await client.get(url, headers=cast.headers["member"])).json()
    observer = (await client.get(url, headers=cast.headers["observer"])).json()
    outsider = (await client.get(url, headers=cast.headers["outsider"])).json()
    public = (await client.get(url)).json()

    assert host["my_roles"] == ["host"]
    assert "decisions:adopt" in host["my_permissions"]
    assert member["my_roles"] == ["member"]
    assert "roundtable:edit" not in member["my_permissions"]
    assert "decisions:propose" in member["my_permissions"]
    assert observer["my_roles"] == ["observer"]
    assert set(observer["my_permissions"]) == {"roundtable:view", "rsvp:own"}
    assert (outsider["my_roles"], outsider["my_permissions"]) == ([], [])
    assert (public["my_roles"], public["my_permissions"]) == ([], [])


# --- the status lifecycle ---------------------------------------------------------------------------


async def test_forming_active_paused_active_concluded(client, cast):
    facilitator = cast.headers["facilitator"]
    created = await create(client, cast)
    assert created["ended_on"] is None

    statuses = []
    for status in ("active", "paused", "active", "concluded"):
        response = await transition(client, facilitator, created["id"], status)
        assert response.status_code == 200, response.text
        statuses.append(response.json()["status"])

    assert statuses == ["active", "paused", "active", "concluded"]
    final = (await client.get(f"{RTS}/{created['id']}", headers=facilitator)).json()
    assert final["status"] == "concluded"
    assert final["ended_on"] == date.today().isoformat()
    assert final["version"] == 5


async def test_concluding_keeps_a_given_end_date(client, cast):
    facilitator = cast.headers["facilitator"]
    created = await create(client, cast, started_on="2020-01-01", ended_on="2024-06-30")

    response = await transition(client, facilitator, created["id"], "concluded")

    assert response.status_code == 200, response.text
    assert response.json()["ended_on"] == "2024-06-30"


@pytest.mark.parametrize(
    ("path", "target", "allowed"),
    [
        (["active", "concluded"], "active", []),
        ([], "paused", ["active", "concluded"]),
        (["active"], "forming", ["concluded", "paused"]),
        (["active"], "active", ["concluded", "paused"]),
        (["active", "paused"], "forming", ["active", "concluded"]),
        (["active", "concluded"], "forming", []),
    ],
)
async def test_illegal_transitions_are_conflicts(client, cast, path, target, allowed):
    facilitator = cast.headers["facilitator"]
    created = await create(client, cast)
    for status in path:
        assert (await transition(client, facilitator, created["id"], status)).status_code == 200
    current = path[-1] if path else "forming"
    before = (await client.get(f"{RTS}/{created['id']}", headers=facilitator)).json()

    response = await transition(client, facilitator, created["id"], target)

    body = assert_problem(response, 409, "invalid_transition")
    assert body["allowed"] == allowed
    assert body["from"] == current
    after = (await client.get(f"{RTS}/{created['id']}", headers=facilitator)).json()
    assert (after["status"], after["version"]) == (before["status"], before["version"])


async def test_an_unknown_status_is_a_validation_error(client, cast):
    response = await transition(client, cast.headers["facilitator"], cast.roundtables["pmo"], "archived")

    assert_problem(response, 422, "validation_error")


async def test_a_transition_with_a_stale_etag_changes_nothing(client, cast):
    facilitator = cast.headers["facilitator"]
    created = await create(client, cast)
    assert (await transition(client, facilitator, created["id"], "active")).status_code == 200

    response = await transition(client, facilitator, created["id"], "concluded", **{"If-Match": '"1"'})

    assert_problem(response, 412, "stale_version")
    assert (await client.get(f"{RTS}/{created['id']}", headers=facilitator)).json()["status"] == "active"


async def test_members_may_not_move_the_status(client, cast):
    response = await transition(client, cast.headers["member"], cast.roundtables["pmo"], "paused")

    assert_problem(response, 403, "forbidden")
    assert (await client.get(f"{RTS}/{cast.roundtables['pmo']}")).json()["status"] == "active"


# --- optimistic concurrency ------------------------------------------------------------------------


async def test_patch_with_the_current_etag(client, cast):
    host = cast.headers["host"]
    url = f"{RTS}/{cast.roundtables['pmo']}"
    etag = (await client.get(url, headers=host)).headers["etag"]

    response = await client.patch(url, json={"policy_area": "שיתוף ציבור"}, headers=host | {"If-Match": etag})

    assert response.status_code == 200, response.text
    assert response.json()["policy_area"] == "שיתוף ציבור"
    assert response.headers["etag"] == f'"{int(etag.strip(chr(34))) + 1}"'
    assert response.json()["my_roles"] == ["host"]


async def test_a_stale_if_match_is_412_and_changes_nothing(client, cast):
    facilitator = cast.headers["facilitator"]
    url = f"{RTS}/{cast.roundtables['pmo']}"
    before = (await client.get(url, headers=facilitator)).json()

    response = await client.patch(
        url, json={"title": "כותרת חדשה", "description": "תיאור חדש"}, headers=facilitator | {"If-Match": '"999"'}
    )

    problem = assert_problem(response, 412, "stale_version")
    assert problem["current_version"] == before["version"]
    after = (await client.get(url, headers=facilitator)).json()
    assert after == before


async def test_two_edits_from_the_same_etag_never_silently_overwrite(client, cast):
    facilitator, host = cast.headers["facilitator"], cast.headers["host"]
    url = f"{RTS}/{cast.roundtables['pmo']}"
    etag = (await client.get(url, headers=facilitator)).headers["etag"]

    first = await client.patch(url, json={"title": "עריכה של המנחה"}, headers=facilitator | {"If-Match": etag})
    second = await client.patch(url, json={"title": "עריכה של המארחת"}, headers=host | {"If-Match": etag})

    assert first.status_code == 200, first.text
    assert_problem(second, 412, "stale_version")
    assert (await client.get(url)).json()["title"] == "עריכה של המנחה"
    # the second editor re-reads, and may then apply their change knowingly
    fresh = (await client.get(url, headers=host)).headers["etag"]
    third = await client.patch(url, json={"title": "עריכה של המארחת"}, headers=host | {"If-Match": fresh})
    assert third.status_code == 200, third.text
    assert third.json()["title"] == "עריכה של המארחת"


async def test_a_weak_or_listed_etag_matches(client, cast):
    facilitator = cast.headers["facilitator"]
    url = f"{RTS}/{cast.roundtables['pmo']}"
    etag = (await client.get(url, headers=facilitator)).headers["etag"]

    response = await client.patch(url, json={"policy_area": "x"}, headers=facilitator | {"If-Match": f'"0", W/{etag}'})

    assert response.status_code == 200, response.text


async def test_unknown_and_null_fields_are_refused(client, cast):
    facilitator = cast.headers["facilitator"]
    url = f"{RTS}/{cast.roundtables['pmo']}"

    assert_problem(await client.patch(url, json={"status": "paused"}, headers=facilitator), 422, "validation_error")
    assert_problem(await client.patch(url, json={"title": None}, headers=facilitator), 422, "validation_error")
    assert_problem(await client.patch(url, json={"title": ""}, headers=facilitator), 422, "validation_error")
    assert (await client.get(url)).json()["status"] == "active"


async def test_members_may_not_edit(client, cast):
    url = f"{RTS}/{cast.roundtables['pmo']}"

    assert_problem(await client.patch(url, json={"title": "x"}, headers=cast.headers["member"]), 403, "forbidden")
    url = f"{RTS}/{cast.roundtables['education']}"
    assert_problem(await client.patch(url, json={"title": "x"}, headers=cast.headers["member"]), 404, "not_found")


# --- lists and filters ------------------------------------------------------------------------------


async def test_member_sees_pmo_but_not_education(client, cast):
    member = cast.headers["member"]

    ids = await list_ids(client, member)

    assert str(cast.roundtables["pmo"]) in ids
    assert str(cast.roundtables["education"]) not in ids
    assert str(cast.roundtables["civil_service"]) not in ids
    assert_problem(await client.get(f"{RTS}/{cast.roundtables['education']}", headers=member), 404, "not_found")


async def test_facilitator2_sees_education(client, cast):
    facilitator2 = cast.headers["facilitator2"]

    ids = await list_ids(client, facilitator2)

    assert str(cast.roundtables["education"]) in ids
    assert str(cast.roundtables["pmo"]) in ids  # public
    assert str(cast.roundtables["civil_service"]) not in ids  # internal, facilitator's
    education = (await client.get(f"{RTS}/{cast.roundtables['education']}", headers=facilitator2)).json()
    assert education["my_roles"] == ["facilitator"]


async def test_the_public_sees_public_roundtables_only(client, cast):
    ids = cast.ours(await list_ids(client, {}))

    assert set(ids) == cast.ids("pmo", "economy", "holocaust")


async def test_admin_sees_everything(client, cast):
    ids = await list_ids(client, cast.headers["admin"])

    assert cast.ids() <= set(ids)


async def test_filter_by_status(client, cast):
    facilitator = cast.headers["facilitator"]

    active = cast.ours(await list_ids(client, facilitator, status="active"))
    paused = cast.ours(await list_ids(client, facilitator, status="paused"))
    concluded = cast.ours(await list_ids(client, facilitator, status="concluded"))

    assert set(active) == cast.ids("pmo", "holocaust")
    assert paused == [str(cast.roundtables["civil_service"])]
    assert concluded == [str(cast.roundtables["economy"])]


async def test_filter_by_visibility(client, cast):
    internal = await list_ids(client, cast.headers["facilitator"], visibility="internal")
    assert cast.ours(internal) == [str(cast.roundtables["civil_service"])]
    assert cast.ours(await list_ids(client, cast.headers["member"], visibility="internal")) == []
    public = cast.ours(await list_ids(client, cast.headers["member"], visibility="public"))
    assert set(public) == cast.ids("pmo", "economy", "holocaust")


async def test_mine_lists_only_current_seats(client, cast):
    assert await list_ids(client, cast.headers["member"], mine="true") == [str(cast.roundtables["pmo"])]
    assert await list_ids(client, cast.headers["outsider"], mine="true") == []
    # the facilitator's seat at the concluded "economy" roundtable ended with it
    facilitator = set(await list_ids(client, cast.headers["facilitator"], mine="true"))
    assert facilitator == {str(cast.roundtables["pmo"]), str(cast.roundtables["civil_service"])}
    facilitator2 = set(await list_ids(client, cast.headers["facilitator2"], mine="true"))
    assert facilitator2 == cast.ids("education", "holocaust")


async def test_filter_by_q_in_hebrew_and_english(client, cast):
    facilitator2, member = cast.headers["facilitator2"], cast.headers["member"]

    assert cast.ours(await list_ids(client, facilitator2, q="החינוך")) == [str(cast.roundtables["education"])]
    assert cast.ours(await list_ids(client, member, q="החינוך")) == []  # internal: not even a hint
    assert cast.ours(await list_ids(client, member, q="PRIME MINISTER")) == [str(cast.roundtables["pmo"])]
    assert cast.ours(await list_ids(client, member, q="prime minister", status="paused")) == []


async def test_filter_by_host_organisation(client, cast):
    ids = await list_ids(
        client, cast.headers["facilitator2"], host_organisation_id=str(cast.organisations["education"])
    )

    assert ids == [str(cast.roundtables["education"])]


async def test_sort_by_title_and_pages(client, cast):
    admin = cast.headers["admin"]
    response = await client.get(RTS, params={"sort": "-title", "limit": 2}, headers=admin)
    first = response.json()
    second = (
        await client.get(RTS, params={"sort": "-title", "limit": 2, "cursor": first["next_cursor"]}, headers=admin)
    ).json()
    whole = (await client.get(RTS, params={"sort": "-title"}, headers=admin)).json()["items"]

    titles = [item["title"] for item in whole]
    assert titles == sorted(titles, reverse=True)
    assert [item["id"] for item in first["items"] + second["items"]] == [item["id"] for item in whole[:4]]
