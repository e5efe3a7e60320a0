"""Action items: made on a decision or a meeting of the same roundtable, owned by a stakeholder, due on a date;
overdue while open past their date; owners who are members move only the status of their own items; lists
filtered to the caller's tables with `mine`, `status`, `overdue` and keyset pages by due date; a meeting's
follow-up shows the table's open items, overdue first.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from decision_factories import Cast, make_cast
from helpers import assert_problem, ok
from sqlalchemy import select

from shulchan.decisions.models import ActionItem, ActionItemStatus

API = "/api/v1"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


TODAY = date.today()


def days(offset: int | None) -> str | None:
    return None if offset is None else (TODAY + timedelta(days=offset)).isoformat()


async def new_item(client, headers, cast, owner="member", due=None, other=False, status=None, **fields) -> dict:
    """An action item of the cast's roundtable (or its `other` one) owned by the cast's stakeholder `owner`,
    due `due` days from today (None: no date)."""
    body = {
        "title": fields.pop("title", "לנסח מסמך המשך"),
        "owner_stakeholder_id": str(cast.stakeholders[owner]),
        "due_date": days(due),
    } | fields
    item = ok(
        await client.post(
            f"{API}/roundtables/{(cast.other if other else cast.roundtable).id}/action-items",
            headers=headers,
            json=body,
        ),
        201,
    )
    if status is not None and status != "open":
        item = ok(await client.patch(f"{API}/action-items/{item['id']}", headers=headers, json={"status": status}))
    return item


async def new_meeting(client, headers, roundtable_id) -> dict:
    start = datetime.now(UTC) + timedelta(days=7)
    body = {
        "title": "מפגש מעקב",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/follow-up",
    }
    return ok(await client.post(f"{API}/roundtables/{roundtable_id}/meetings", headers=headers, json=body), 201)


async def new_decision(client, headers, roundtable_id) -> dict:
    body = {"kind": "agreement", "title": "תוכנית עבודה משותפת"}
    return ok(await client.post(f"{API}/roundtables/{roundtable_id}/decisions", headers=headers, json=body), 201)


async def listed(client, headers, **params) -> list[dict]:
    """Every item of the list, page after page."""
    items, cursor = [], None
    while True:
        page_params = params | {"limit": 200} | ({"cursor": cursor} if cursor else {})
        page = ok(await client.get(f"{API}/action-items", headers=headers, params=page_params))
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


async def listed_ids(client, headers, **params) -> list[str]:
    return [item["id"] for item in await listed(client, headers, **params)]


# --- creating -------------------------------------------------------------------------------------


async def test_an_action_item_is_made_on_a_decision(client, cast):
    facilitator = await cast.auth("facilitator")
    decision = await new_decision(client, facilitator, cast.roundtable.id)

    response = await client.post(
        f"{API}/roundtables/{cast.roundtable.id}/action-items",
        headers=facilitator,
        json={
            "title": "לנסח מסמך יישום",
            "description": "טיוטה ראשונה עד המפגש הבא",
            "owner_stakeholder_id": str(cast.stakeholders["member"]),
            "due_date": days(14),
            "decision_id": decision["id"],
        },
    )

    item = ok(response, 201)
    assert response.headers["Location"] == f"{API}/action-items/{item['id']}"
    assert response.headers["ETag"] == f'"{item["version"]}"'
    assert (item["decision_id"], item["meeting_id"], item["roundtable_id"]) == (
        decision["id"],
        None,
        str(cast.roundtable.id),
    )
    assert item["owner_stakeholder_id"] == str(cast.stakeholders["member"])
    assert item["owner_name"] and item["due_date"] == days(14)
    assert (item["status"], item["overdue"], item["completed_at"]) == ("open", False, None)
    assert ok(await client.get(f"{API}/action-items/{item['id']}", headers=await cast.auth("member"))) == item


@pytest.mark.parametrize("who", ["facilitator", "host"])
async def test_an_action_item_is_made_on_a_meeting(client, cast, who):
    headers = await cast.auth(who)
    meeting = await new_meeting(client, headers, cast.roundtable.id)

    item = await new_item(client, headers, cast, owner="host", meeting_id=meeting["id"])

    assert (item["meeting_id"], item["decision_id"], item["due_date"]) == (meeting["id"], None, None)


async def test_members_do_not_assign_action_items(client, cast):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtable.id}/action-items",
        headers=await cast.auth("member"),
        json={"title": "משימה", "owner_stakeholder_id": str(cast.stakeholders["member"])},
    )

    assert_problem(response, 403, "forbidden")


async def test_an_action_item_refers_to_its_own_roundtable_only(client, cast):
    facilitator2 = await cast.auth("facilitator2")
    education = cast.other.id
    foreign_decision = await new_decision(client, facilitator2, education)
    foreign_meeting = await new_meeting(client, facilitator2, education)
    facilitator = await cast.auth("facilitator")
    before = await listed_ids(client, facilitator)
    url = f"{API}/roundtables/{cast.roundtable.id}/action-items"
    base = {"title": "משימה", "owner_stakeholder_id": str(cast.stakeholders["member"])}

    on_decision = await client.post(url, headers=facilitator, json=base | {"decision_id": foreign_decision["id"]})
    on_meeting = await client.post(url, headers=facilitator, json=base | {"meeting_id": foreign_meeting["id"]})
    no_owner = await client.post(
        url, headers=facilitator, json=base | {"owner_stakeholder_id": str(foreign_meeting["id"])}
    )

    assert_problem(on_decision, 422, "unknown_decision")
    assert_problem(on_meeting, 422, "unknown_meeting")
    assert_problem(no_owner, 422, "unknown_stakeholder")
    assert await listed_ids(client, facilitator) == before  # nothing was made


# --- overdue and status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (-1, "open", True),
        (-30, "in_progress", True),
        (-1, "done", False),
        (-1, "dropped", False),
        (0, "open", False),
        (1, "in_progress", False),
        (None, "open", False),
    ],
)
async def test_an_item_is_overdue_while_open_past_its_date(client, cast, due, status, overdue):
    item = await new_item(client, await cast.auth("facilitator"), cast, due=due, status=status)

    assert (item["status"], item["overdue"]) == (status, overdue)
    again = ok(await client.get(f"{API}/action-items/{item['id']}", headers=await cast.auth("member")))
    assert again["overdue"] is overdue


async def test_the_owner_moves_the_status_and_done_records_when(client, cast):
    member = await cast.auth("member")
    item = await new_item(client, await cast.auth("facilitator"), cast, owner="member", due=-3)

    started = ok(await client.patch(f"{API}/action-items/{item['id']}", headers=member, json={"status": "in_progress"}))
    assert (started["status"], started["completed_at"], started["overdue"]) == ("in_progress", None, True)

    before = datetime.now(UTC)
    done = ok(
        await client.patch(
            f"{API}/action-items/{item['id']}",
            headers={**member, "If-Match": f'"{started["version"]}"'},
            json={"status": "done"},
        )
    )
    assert (done["status"], done["overdue"]) == ("done", False)
    assert before - timedelta(seconds=1) <= datetime.fromisoformat(done["completed_at"]) <= datetime.now(UTC)

    reopened = ok(await client.patch(f"{API}/action-items/{item['id']}", headers=member, json={"status": "open"}))
    assert (reopened["completed_at"], reopened["overdue"]) == (None, True)


@pytest.mark.parametrize(
    "change",
    [
        {"title": "כותרת אחרת"},
        {"due_date": days(30)},
        {"status": "done", "due_date": days(30)},
        {"owner_stakeholder_id": "host"},
    ],
)
async def test_an_owner_who_is_a_member_changes_the_status_only(client, cast, change):
    item = await new_item(client, await cast.auth("facilitator"), cast, owner="member", due=-3)
    if change.get("owner_stakeholder_id"):
        change = {"owner_stakeholder_id": str(cast.stakeholders[change["owner_stakeholder_id"]])}

    response = await client.patch(f"{API}/action-items/{item['id']}", headers=await cast.auth("member"), json=change)

    assert_problem(response, 403, "owner_status_only")
    assert ok(await client.get(f"{API}/action-items/{item['id']}", headers=await cast.auth("member"))) == item


async def test_a_member_does_not_touch_someone_elses_item(client, cast):
    item = await new_item(client, await cast.auth("facilitator"), cast, owner="host")

    response = await client.patch(
        f"{API}/action-items/{item['id']}", headers=await cast.auth("member"), json={"status": "done"}
    )

    assert_problem(response, 403, "forbidden")
    assert ok(await client.get(f"{API}/action-items/{item['id']}", headers=await cast.auth("host")))["status"] == "open"


async def test_an_observer_owner_does_not_update_either(client, cast):
    item = await new_item(client, await cast.auth("facilitator"), cast, owner="observer")

    response = await client.patch(
        f"{API}/action-items/{item['id']}", headers=await cast.auth("observer"), json={"status": "done"}
    )

    assert_problem(response, 403, "forbidden")


@pytest.mark.parametrize("who", ["facilitator", "host"])
async def test_managers_change_anything(client, cast, who):
    item = await new_item(client, await cast.auth("facilitator"), cast, owner="member", due=-3)

    changed = ok(
        await client.patch(
            f"{API}/action-items/{item['id']}",
            headers=await cast.auth(who),
            json={"title": "כותרת חדשה", "owner_stakeholder_id": str(cast.stakeholders["host"]), "due_date": days(5)},
        )
    )

    assert (changed["title"], changed["owner_stakeholder_id"], changed["due_date"]) == (
        "כותרת חדשה",
        str(cast.stakeholders["host"]),
        days(5),
    )
    assert changed["overdue"] is False and changed["version"] > item["version"]


async def test_a_stale_if_match_changes_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    item = await new_item(client, facilitator, cast)
    ok(await client.patch(f"{API}/action-items/{item['id']}", headers=facilitator, json={"title": "ראשון"}))

    response = await client.patch(
        f"{API}/action-items/{item['id']}",
        headers={**facilitator, "If-Match": f'"{item["version"]}"'},
        json={"title": "שני"},
    )

    assert_problem(response, 412, "stale_version")
    assert ok(await client.get(f"{API}/action-items/{item['id']}", headers=facilitator))["title"] == "ראשון"


# --- lists ----------------------------------------------------------------------------------------


MY_LISTS = {
    "to_do": {"mine": "true", "status": ["open", "in_progress"], "overdue": "true"},
    "open": {"mine": "true", "status": ["open", "in_progress"]},
    "done": {"mine": "true", "status": ["done"]},
    "not_overdue": {"mine": "true", "overdue": "false"},
    "everything": {},
}


def matches(item: dict, params: dict, owner: str) -> bool:
    """What a list with these filters must hold, judged item by item."""
    return (
        (not params.get("mine") or item["owner_stakeholder_id"] == owner)
        and item["status"] in params.get("status", [item["status"]])
        and ("overdue" not in params or item["overdue"] is (params["overdue"] == "true"))
    )


async def test_my_open_overdue_items(client, cast):
    facilitator, member, host = await cast.auth("facilitator"), await cast.auth("member"), await cast.auth("host")
    # Whatever the lists held before, the new items are the newest, so they come last.
    before = {name: await listed_ids(client, member, **params) for name, params in MY_LISTS.items()}
    hosts_before = await listed_ids(client, host, mine="true")
    late_open = await new_item(client, facilitator, cast, due=-2, title="א")
    late_started = await new_item(client, facilitator, cast, due=-1, status="in_progress", title="ב")
    late_done = await new_item(client, facilitator, cast, due=-5, status="done", title="ג")
    upcoming = await new_item(client, facilitator, cast, due=3, title="ד")
    undated = await new_item(client, facilitator, cast, due=None, title="ה")
    hosts = await new_item(client, facilitator, cast, owner="host", due=-2, title="ו")

    to_do = await listed_ids(client, member, **MY_LISTS["to_do"])
    assert to_do == before["to_do"] + [late_open["id"], late_started["id"]]
    assert await listed_ids(client, member, **MY_LISTS["open"]) == before["open"] + [
        late_open["id"],
        late_started["id"],
        upcoming["id"],
        undated["id"],
    ]
    assert await listed_ids(client, member, **MY_LISTS["done"]) == before["done"] + [late_done["id"]]
    # Not overdue: done late, due later, or with no date at all.
    assert await listed_ids(client, member, **MY_LISTS["not_overdue"]) == before["not_overdue"] + [
        late_done["id"],
        upcoming["id"],
        undated["id"],
    ]
    assert await listed_ids(client, host, mine="true") == [*hosts_before, hosts["id"]]
    # Without `mine`, everything of the caller's tables.
    everything = await listed(client, member)
    assert [item["id"] for item in everything] == before["everything"] + [
        item["id"] for item in (late_open, late_started, late_done, upcoming, undated, hosts)
    ]
    # Each filtered list holds exactly the items of that list that pass its filters, those made before included.
    owner = str(cast.stakeholders["member"])
    for name, params in MY_LISTS.items():
        expected = [item["id"] for item in everything if matches(item, params, owner)]
        assert await listed_ids(client, member, **params) == expected, name


async def test_lists_keep_to_the_callers_tables(client, cast):
    member, facilitator2, outsider = (
        await cast.auth("member"),
        await cast.auth("facilitator2"),
        await cast.auth("outsider"),
    )
    before = {
        who: await listed(client, headers) for who, headers in [("member", member), ("facilitator2", facilitator2)]
    }
    pmo_item = await new_item(client, await cast.auth("facilitator"), cast)
    education_item = await new_item(client, facilitator2, cast, owner="facilitator2", other=True)

    members_items = await listed(client, member)
    assert [item["id"] for item in members_items] == [item["id"] for item in before["member"]] + [pmo_item["id"]]
    assert {item["roundtable_id"] for item in members_items} == {str(cast.roundtable.id)}
    facilitator2s_items = await listed(client, facilitator2)
    assert [item["id"] for item in facilitator2s_items] == [item["id"] for item in before["facilitator2"]] + [
        education_item["id"]
    ]
    facilitator2s_tables = {str(cast.other.id)}
    assert {item["roundtable_id"] for item in facilitator2s_items} == facilitator2s_tables
    assert await listed_ids(client, outsider) == []
    assert_problem(await client.get(f"{API}/action-items"), 401, "not_authenticated")
    hidden = await client.get(f"{API}/action-items/{education_item['id']}", headers=member)
    assert_problem(hidden, 404, "not_found")


@pytest.mark.parametrize("sort", ["due_date", "-due_date"])
async def test_pages_by_due_date_with_a_cursor(client, cast, sort):
    facilitator = await cast.auth("facilitator")
    # The items hang on a new decision, so that the list of that decision holds them and nothing else.
    decision = await new_decision(client, facilitator, cast.roundtable.id)
    on_it = {"decision_id": decision["id"]}
    items = [await new_item(client, facilitator, cast, due=offset, **on_it) for offset in (5, -2, 5, 0, 9, -7, 5)]
    await new_item(client, facilitator, cast, due=None, title="ללא תאריך", **on_it)  # left out when sorting by date
    expected = sorted(items, key=lambda i: (i["due_date"], i["id"]), reverse=sort.startswith("-"))

    seen, cursor, cursors = [], None, []
    while True:
        params = {"sort": sort, "limit": 3, "decision_id": decision["id"]} | ({"cursor": cursor} if cursor else {})
        page = ok(await client.get(f"{API}/action-items", headers=facilitator, params=params))
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
        cursors.append(cursor)

    assert seen == [item["id"] for item in expected]
    assert len(cursors) == 2  # 7 dated items in pages of 3
    other_sort = await client.get(
        f"{API}/action-items", headers=facilitator, params={"sort": "created_at", "cursor": cursors[0]}
    )
    assert_problem(other_sort, 400, "invalid_cursor")


# --- follow-up ------------------------------------------------------------------------------------


async def test_the_follow_up_lists_the_tables_open_items_overdue_first(client, cast, db):
    facilitator = await cast.auth("facilitator")
    meeting = await new_meeting(client, facilitator, cast.roundtable.id)
    undated = await new_item(client, facilitator, cast, due=None, title="ללא תאריך")
    upcoming = await new_item(client, facilitator, cast, due=10, status="in_progress", title="בקרוב")
    very_late = await new_item(client, facilitator, cast, due=-20, title="באיחור רב")
    late = await new_item(client, facilitator, cast, owner="host", due=-1, title="באיחור")
    done = await new_item(client, facilitator, cast, due=-5, status="done", title="בוצע")
    dropped = await new_item(client, facilitator, cast, due=-5, status="dropped", title="בוטל")
    elsewhere = await new_item(client, await cast.auth("facilitator2"), cast, owner="facilitator2", due=-30, other=True)
    # Every open item of the table, dated ones by date and undated last.
    open_items = (
        await db.execute(
            select(ActionItem.id, ActionItem.due_date).where(
                ActionItem.roundtable_id == cast.roundtable.id,
                ActionItem.status.in_([ActionItemStatus.open, ActionItemStatus.in_progress]),
            )
        )
    ).all()
    in_order = sorted(open_items, key=lambda row: (row.due_date is None, row.due_date or TODAY, row.id))
    expected = [str(row.id) for row in in_order]
    ours = [very_late["id"], late["id"], upcoming["id"], undated["id"]]

    for who in ("host", "member", "observer"):
        follow_up = ok(await client.get(f"{API}/meetings/{meeting['id']}/follow-up", headers=await cast.auth(who)))
        ids = [i["id"] for i in follow_up]
        assert ids == expected, who
        assert [i for i in ids if i in ours] == ours, who
        assert not {done["id"], dropped["id"], elsewhere["id"]} & set(ids), who
        overdue = [i["overdue"] for i in follow_up]
        assert overdue == [row.due_date is not None and row.due_date < TODAY for row in in_order], who
        assert overdue == sorted(overdue, reverse=True) and overdue.count(True) >= 2, who  # overdue first

    outsider = await client.get(f"{API}/meetings/{meeting['id']}/follow-up", headers=await cast.auth("outsider"))
    assert_problem(outsider, 404, "not_found")
