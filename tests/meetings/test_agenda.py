"""The agenda: ordered items against the meeting's length, members' proposals, one-call reordering,
briefing packs of knowledge items, goals of the roundtable, and an agenda that closes with the meeting."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from helpers import Table, assert_problem, make_goal, make_table, signed_in, stakeholder_of

from shulchan.access.permissions import Role

API = "/api/v1"
START = datetime(2031, 5, 4, 9, 0, tzinfo=UTC)


async def create_meeting(client, headers, roundtable_id, *, start=START, minutes=120) -> dict:
    response = await client.post(
        f"{API}/roundtables/{roundtable_id}/meetings",
        headers=headers,
        json={
            "title": "מפגש",
            "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(minutes=minutes)).isoformat(),
            "mode": "online",
            "online_url": "https://meet.example.org/agenda",
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


async def add_item(client, headers, meeting_id, title="נושא", status=201, **fields):
    response = await client.post(
        f"{API}/meetings/{meeting_id}/agenda-items", headers=headers, json={"title": title, **fields}
    )
    if status == 201:
        assert response.status_code == 201, response.text
        return response.json()
    return response


async def agenda(client, headers, meeting_id) -> dict:
    response = await client.get(f"{API}/meetings/{meeting_id}/agenda", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def review(client, headers, item_id, status):
    return await client.post(f"{API}/agenda-items/{item_id}/review", headers=headers, json={"status": status})


async def reorder(client, headers, meeting_id, item_ids):
    return await client.put(
        f"{API}/meetings/{meeting_id}/agenda/order", headers=headers, json={"item_ids": [str(i) for i in item_ids]}
    )


async def knowledge_item(client, headers, roundtable_id, visibility="roundtable", title="מסמך רקע") -> str:
    response = await client.post(
        f"{API}/knowledge-items",
        headers=headers,
        json={
            "roundtable_id": str(roundtable_id) if roundtable_id else None,
            "kind": "background_paper",
            "title": title,
            "body": "רקע לדיון.",
            "language": "he",
            "visibility": visibility,
        },
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


@pytest.fixture
async def table(db, settings) -> Table:
    table = await make_table(db, settings, members=1)
    await db.commit()
    return table


@pytest.fixture
async def other(db, settings) -> Table:
    """Another roundtable, whose facilitator has no seat at `table`."""
    other = await make_table(db, settings, members=0)
    await db.commit()
    return other


@pytest.fixture
async def people(db, settings, table, other) -> dict[str, dict[str, str]]:
    headers = {
        "facilitator": table.facilitator,
        "host": table.host,
        "member": table.members[0],
        "observer": await signed_in(db, settings, table.roundtable, Role.observer),
        "facilitator2": other.facilitator,
        "outsider": await signed_in(db, settings),
    }
    await db.commit()
    return headers


@pytest.fixture
def facilitator(table):
    return table.facilitator


@pytest.fixture
async def meeting(client, facilitator, table) -> dict:
    return await create_meeting(client, facilitator, table.roundtable.id)


# --- items in order, against the clock -------------------------------------------------------------


async def test_items_are_listed_in_the_order_they_were_added_with_their_minutes_summed(client, facilitator, meeting):
    mid = meeting["id"]
    added = [
        await add_item(client, facilitator, mid, "פתיחה", planned_minutes=10),
        await add_item(client, facilitator, mid, "תעסוקה בפריפריה", planned_minutes=60, description="הצגת נתונים"),
        await add_item(client, facilitator, mid, "שונות"),  # no planned minutes: counts as none
    ]

    result = await agenda(client, facilitator, mid)

    assert [item["id"] for item in result["items"]] == [item["id"] for item in added]
    assert [item["position"] for item in result["items"]] == [1, 2, 3]
    assert {item["status"] for item in result["items"]} == {"accepted"}
    assert result["planned_minutes"] == 70
    assert result["meeting_minutes"] == 120
    assert result["over_by_minutes"] == 0
    assert result["items"][2]["planned_minutes"] is None


async def test_an_agenda_longer_than_the_meeting_says_by_how_much(client, facilitator, table):
    meeting = await create_meeting(client, facilitator, table.roundtable.id, minutes=90)
    await add_item(client, facilitator, meeting["id"], "א", planned_minutes=60)
    await add_item(client, facilitator, meeting["id"], "ב", planned_minutes=45)

    result = await agenda(client, facilitator, meeting["id"])

    assert (result["planned_minutes"], result["meeting_minutes"], result["over_by_minutes"]) == (105, 90, 15)


async def test_a_longer_meeting_absorbs_the_overrun(client, facilitator, meeting):
    await add_item(client, facilitator, meeting["id"], "א", planned_minutes=150)
    assert (await agenda(client, facilitator, meeting["id"]))["over_by_minutes"] == 30

    longer = (START + timedelta(hours=3)).isoformat()
    edited = await client.patch(f"{API}/meetings/{meeting['id']}", headers=facilitator, json={"ends_at": longer})
    assert edited.status_code == 200, edited.text

    result = await agenda(client, facilitator, meeting["id"])
    assert (result["planned_minutes"], result["meeting_minutes"], result["over_by_minutes"]) == (150, 180, 0)


async def test_every_seated_role_reads_the_agenda(client, people, facilitator, meeting):
    item = await add_item(client, facilitator, meeting["id"], "פתיחה", planned_minutes=5)

    for who in ("host", "member", "observer"):
        result = await agenda(client, people[who], meeting["id"])
        assert [i["id"] for i in result["items"]] == [item["id"]]
    assert_problem(
        await client.get(f"{API}/agenda-items/{item['id']}", headers=people["facilitator2"]), 404, "not_found"
    )
    assert_problem(
        await client.get(f"{API}/meetings/{meeting['id']}/agenda", headers=people["outsider"]), 404, "not_found"
    )


async def test_negative_or_absurd_minutes_are_refused(client, facilitator, meeting):
    for minutes in (-5, 24 * 60 + 1):
        response = await add_item(client, facilitator, meeting["id"], status=422, planned_minutes=minutes)
        body = assert_problem(response, 422, "validation_error")
        assert ["body", "planned_minutes"] in [error["loc"] for error in body["errors"]]


# --- proposals -----------------------------------------------------------------------------------


async def test_a_members_item_is_proposed_and_waits_after_the_accepted_ones(
    client, people, table, facilitator, meeting
):
    member = people["member"]
    accepted = await add_item(client, facilitator, meeting["id"], "פתיחה", planned_minutes=15)
    proposed = await add_item(client, member, meeting["id"], "הצעת החברה האזרחית", planned_minutes=30)
    hosted = await add_item(client, people["host"], meeting["id"], "עדכון הלשכה", planned_minutes=10)

    assert proposed["status"] == "proposed"
    assert proposed["proposed_by_user_id"] == str(table.member_users[0].id)
    assert hosted["status"] == "accepted"
    result = await agenda(client, member, meeting["id"])
    assert [item["id"] for item in result["items"]] == [accepted["id"], hosted["id"], proposed["id"]]
    assert result["planned_minutes"] == 25  # the proposal is not on the clock yet


@pytest.mark.parametrize("reviewer", ["facilitator", "host"])
async def test_facilitators_and_hosts_accept_a_proposal_onto_the_clock(client, people, facilitator, meeting, reviewer):
    proposed = await add_item(client, people["member"], meeting["id"], "הצעה", planned_minutes=30)

    response = await review(client, people[reviewer], proposed["id"], "accepted")

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "accepted" and response.json()["version"] == 2
    assert response.headers["etag"] == '"2"'
    result = await agenda(client, facilitator, meeting["id"])
    assert result["planned_minutes"] == 30
    assert [item["status"] for item in result["items"]] == ["accepted"]


async def test_a_declined_proposal_stays_listed_last_and_off_the_clock(client, people, facilitator, meeting):
    member = people["member"]
    declined = await add_item(client, member, meeting["id"], "הצעה שנדחתה", planned_minutes=40)
    waiting = await add_item(client, member, meeting["id"], "הצעה ממתינה", planned_minutes=20)
    accepted = await add_item(client, facilitator, meeting["id"], "פתיחה", planned_minutes=10)

    response = await review(client, people["host"], declined["id"], "declined")

    assert response.status_code == 200 and response.json()["status"] == "declined"
    result = await agenda(client, facilitator, meeting["id"])
    assert [item["id"] for item in result["items"]] == [accepted["id"], waiting["id"], declined["id"]]
    assert result["planned_minutes"] == 10


@pytest.mark.parametrize(("first", "second"), [("accepted", "declined"), ("declined", "accepted"), (None, "accepted")])
async def test_only_a_proposed_item_can_be_reviewed(client, people, facilitator, meeting, first, second):
    if first is None:  # the facilitator's own item is accepted from the start
        item = await add_item(client, facilitator, meeting["id"], "פתיחה")
    else:
        item = await add_item(client, people["member"], meeting["id"], "הצעה")
        assert (await review(client, facilitator, item["id"], first)).status_code == 200

    response = await review(client, facilitator, item["id"], second)

    body = assert_problem(response, 409, "invalid_transition")
    assert body["allowed"] == []
    assert body["from"] == (first or "accepted")


async def test_reviewing_back_to_proposed_is_not_a_review(client, people, facilitator, meeting):
    item = await add_item(client, people["member"], meeting["id"], "הצעה")

    body = assert_problem(await review(client, facilitator, item["id"], "proposed"), 409, "invalid_transition")

    assert body["allowed"] == ["accepted", "declined"]
    fetched = await client.get(f"{API}/agenda-items/{item['id']}", headers=facilitator)
    assert fetched.json()["status"] == "proposed" and fetched.json()["version"] == 1


# --- reordering ----------------------------------------------------------------------------------


async def test_the_agenda_is_reordered_in_one_call(client, people, facilitator, meeting):
    a, b, c = [await add_item(client, facilitator, meeting["id"], t, planned_minutes=10) for t in "אבג"]
    proposal = await add_item(client, people["member"], meeting["id"], "הצעה")

    response = await reorder(client, people["host"], meeting["id"], [c["id"], a["id"], b["id"]])

    assert response.status_code == 200, response.text
    expected = [c["id"], a["id"], b["id"], proposal["id"]]
    assert [item["id"] for item in response.json()["items"]] == expected
    assert [item["position"] for item in response.json()["items"]][:3] == [1, 2, 3]
    assert [item["id"] for item in (await agenda(client, facilitator, meeting["id"]))["items"]] == expected


async def test_an_accepted_proposal_must_be_part_of_the_next_order(client, people, facilitator, meeting):
    a = await add_item(client, facilitator, meeting["id"], "א")
    proposal = await add_item(client, people["member"], meeting["id"], "הצעה")
    assert_problem(
        await reorder(client, facilitator, meeting["id"], [a["id"], proposal["id"]]), 422, "agenda_order_mismatch"
    )

    await review(client, facilitator, proposal["id"], "accepted")
    assert_problem(await reorder(client, facilitator, meeting["id"], [a["id"]]), 422, "agenda_order_mismatch")
    response = await reorder(client, facilitator, meeting["id"], [proposal["id"], a["id"]])

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [proposal["id"], a["id"]]


@pytest.mark.parametrize("case", ["missing", "duplicate", "unknown", "declined", "empty", "other_meeting"])
async def test_an_order_that_is_not_exactly_the_accepted_items_is_refused(
    client, people, facilitator, table, meeting, case
):
    a, b = [await add_item(client, facilitator, meeting["id"], t) for t in "אב"]
    declined = await add_item(client, people["member"], meeting["id"], "נדחה")
    await review(client, facilitator, declined["id"], "declined")
    other = await create_meeting(client, facilitator, table.roundtable.id, start=START + timedelta(days=7))
    foreign = await add_item(client, facilitator, other["id"], "במפגש אחר")
    orders = {
        "missing": [b["id"]],
        "duplicate": [b["id"], a["id"], b["id"]],
        "unknown": [b["id"], a["id"], str(uuid.uuid4())],
        "declined": [b["id"], a["id"], declined["id"]],
        "empty": [],
        "other_meeting": [b["id"], a["id"], foreign["id"]],
    }

    response = await reorder(client, facilitator, meeting["id"], orders[case])

    assert_problem(response, 422, "agenda_order_mismatch")
    assert [item["id"] for item in (await agenda(client, facilitator, meeting["id"]))["items"]][:2] == [
        a["id"],
        b["id"],
    ]


# --- briefing packs ------------------------------------------------------------------------------


async def test_an_item_carries_a_briefing_pack_of_visible_knowledge(client, people, table, facilitator, meeting):
    pmo = table.roundtable.id
    first = await knowledge_item(client, facilitator, pmo, title="נייר רקע")
    second = await knowledge_item(client, facilitator, None, visibility="public", title="מאגר משותף")

    item = await add_item(client, facilitator, meeting["id"], "דיון", knowledge_item_ids=[second, first, second])

    assert item["knowledge_item_ids"] == [second, first]  # in the order given, once each
    fetched = await client.get(f"{API}/agenda-items/{item['id']}", headers=people["member"])
    assert fetched.json()["knowledge_item_ids"] == [second, first]

    edited = await client.patch(
        f"{API}/agenda-items/{item['id']}",
        headers={**facilitator, "If-Match": fetched.headers["etag"]},
        json={"knowledge_item_ids": [first]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["knowledge_item_ids"] == [first]
    assert edited.json()["version"] == 2  # a new pack is a new version of the item
    listed = await agenda(client, facilitator, meeting["id"])
    assert listed["items"][0]["knowledge_item_ids"] == [first]

    stale = await client.patch(
        f"{API}/agenda-items/{item['id']}",
        headers={**facilitator, "If-Match": '"1"'},
        json={"knowledge_item_ids": []},
    )
    assert_problem(stale, 412, "stale_version")


async def test_an_unknown_knowledge_item_is_refused(client, facilitator, meeting):
    missing = str(uuid.uuid4())

    response = await add_item(client, facilitator, meeting["id"], status=422, knowledge_item_ids=[missing])

    body = assert_problem(response, 422, "unknown_knowledge_item")
    assert body["knowledge_item_ids"] == [missing]
    assert (await agenda(client, facilitator, meeting["id"]))["items"] == []


async def test_knowledge_the_caller_cannot_see_cannot_brief_the_table(
    client, people, table, other, facilitator, meeting
):
    facilitators_only = await knowledge_item(client, facilitator, table.roundtable.id, visibility="facilitators")
    education_only = await knowledge_item(client, people["facilitator2"], other.roundtable.id)
    host = people["host"]

    hidden_from_host = await add_item(client, host, meeting["id"], status=422, knowledge_item_ids=[facilitators_only])
    assert assert_problem(hidden_from_host, 422, "unknown_knowledge_item")["knowledge_item_ids"] == [facilitators_only]
    other_table = await add_item(client, facilitator, meeting["id"], status=422, knowledge_item_ids=[education_only])
    assert assert_problem(other_table, 422, "unknown_knowledge_item")["knowledge_item_ids"] == [education_only]

    item = await add_item(client, facilitator, meeting["id"], "דיון")
    patched = await client.patch(
        f"{API}/agenda-items/{item['id']}", headers=facilitator, json={"knowledge_item_ids": [education_only]}
    )
    assert_problem(patched, 422, "unknown_knowledge_item")
    assert (await client.get(f"{API}/agenda-items/{item['id']}", headers=facilitator)).json()[
        "knowledge_item_ids"
    ] == []


# --- goals and presenters ------------------------------------------------------------------------


async def test_an_item_may_serve_a_goal_of_its_own_roundtable(client, db, table, facilitator, meeting):
    goal = str((await make_goal(db, table.roundtable)).id)
    await db.commit()

    item = await add_item(client, facilitator, meeting["id"], "מעקב יישום", goal_id=goal)

    assert item["goal_id"] == goal


@pytest.mark.parametrize("whose", ["other_table", "nobody"])
async def test_a_goal_of_another_roundtable_is_refused(client, db, other, facilitator, meeting, whose):
    goal = str((await make_goal(db, other.roundtable)).id) if whose == "other_table" else str(uuid.uuid4())
    await db.commit()

    created = await add_item(client, facilitator, meeting["id"], status=422, goal_id=goal)
    assert_problem(created, 422, "unknown_goal")

    item = await add_item(client, facilitator, meeting["id"], "מעקב")
    patched = await client.patch(f"{API}/agenda-items/{item['id']}", headers=facilitator, json={"goal_id": goal})
    assert_problem(patched, 422, "unknown_goal")
    assert (await client.get(f"{API}/agenda-items/{item['id']}", headers=facilitator)).json()["goal_id"] is None


async def test_a_presenter_must_exist(client, db, table, facilitator, meeting):
    presenter = str((await stakeholder_of(db, table.host_user)).id)
    item = await add_item(client, facilitator, meeting["id"], "הצגה", presenter_stakeholder_id=presenter)
    assert item["presenter_stakeholder_id"] == presenter

    response = await add_item(
        client, facilitator, meeting["id"], status=422, presenter_stakeholder_id=str(uuid.uuid4())
    )
    assert_problem(response, 422, "unknown_stakeholder")


# --- a closed agenda -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["held", "cancelled"])
async def test_the_agenda_closes_with_the_meeting(client, people, facilitator, meeting, status):
    mid = meeting["id"]
    a, b = [await add_item(client, facilitator, mid, t, planned_minutes=10) for t in "אב"]
    proposal = await add_item(client, people["member"], mid, "הצעה")
    moved = await client.post(f"{API}/meetings/{mid}/transition", headers=facilitator, json={"status": status})
    assert moved.status_code == 200, moved.text
    before = await agenda(client, facilitator, mid)

    assert_problem(await add_item(client, facilitator, mid, status=409), 409, "agenda_closed")
    assert_problem(await add_item(client, people["member"], mid, status=409), 409, "agenda_closed")
    assert_problem(await reorder(client, facilitator, mid, [b["id"], a["id"]]), 409, "agenda_closed")
    assert_problem(await review(client, facilitator, proposal["id"], "accepted"), 409, "agenda_closed")
    patched = await client.patch(f"{API}/agenda-items/{a['id']}", headers=facilitator, json={"planned_minutes": 90})
    assert_problem(patched, 409, "agenda_closed")
    assert_problem(await client.delete(f"{API}/agenda-items/{a['id']}", headers=facilitator), 409, "agenda_closed")

    assert await agenda(client, facilitator, mid) == before


async def test_an_item_is_edited_and_removed_while_the_agenda_is_open(client, facilitator, meeting):
    a, b = [await add_item(client, facilitator, meeting["id"], t, planned_minutes=10) for t in "אב"]

    edited = await client.patch(
        f"{API}/agenda-items/{a['id']}", headers={**facilitator, "If-Match": '"1"'}, json={"planned_minutes": 25}
    )
    assert edited.status_code == 200 and edited.json()["planned_minutes"] == 25
    stale = await client.delete(f"{API}/agenda-items/{a['id']}", headers={**facilitator, "If-Match": '"1"'})
    assert_problem(stale, 412, "stale_version")
    removed = await client.delete(f"{API}/agenda-items/{a['id']}", headers={**facilitator, "If-Match": '"2"'})
    assert removed.status_code == 204

    result = await agenda(client, facilitator, meeting["id"])
    assert [item["id"] for item in result["items"]] == [b["id"]] and result["planned_minutes"] == 10
    assert_problem(await client.get(f"{API}/agenda-items/{a['id']}", headers=facilitator), 404, "not_found")
