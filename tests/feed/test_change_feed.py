"""The change feed (GET /api/v1/events): what a caller may see, oldest first, resumable; tombstones for
deletions and for objects that left the caller's sight. The property that matters: a client that
replays the feed from 0 ends with exactly the objects the lists show it."""

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from helpers import ANY_VERSION, api_token, assert_problem, make_table, ok

FEED = "/api/v1/events"


async def replay(client: httpx.AsyncClient, headers: dict[str, str], *, page: int = 7) -> dict[str, dict[str, Any]]:
    """A mirror built only from the feed: entity type → id → the object's latest data."""
    mirror: dict[str, dict[str, Any]] = {}
    after, seen = 0, set()
    while True:
        body = ok(await client.get(FEED, params={"after": after, "limit": page}, headers=headers))
        for event in body["items"]:
            assert event["position"] > after and event["id"] not in seen
            seen.add(event["id"])
            objects = mirror.setdefault(event["entity_type"], {})
            if event["tombstone"]:
                assert event["data"] is None
                objects.pop(event["entity_id"], None)
            else:
                objects[event["entity_id"]] = event["data"]
        assert body["next_after"] >= after
        after = body["next_after"]
        if not body["has_more"]:
            return mirror


async def listed(client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    """Every row of a paginated list, by id."""
    rows: dict[str, Any] = {}
    cursor = None
    while True:
        query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        body = ok(await client.get(url, params=query, headers=headers))
        rows.update({row["id"]: row for row in body["items"]})
        cursor = body["next_cursor"]
        if not cursor:
            return rows


def _versions(rows: dict[str, Any]) -> dict[str, int]:
    return {object_id: row["version"] for object_id, row in rows.items()}


async def busy_history(client: httpx.AsyncClient, table: Any, seed: int, steps: int = 60) -> None:
    """Many people doing many things to one roundtable, in a random (seeded, so repeatable) order."""
    rng = random.Random(seed)
    rt = f"/api/v1/roundtables/{table.roundtable.id}"
    staff = [table.facilitator, table.host]
    meetings: list[str] = []
    agenda: list[str] = []
    decisions: list[str] = []
    actions: list[str] = []
    knowledge: dict[str, dict[str, str]] = {}  # id → the headers of who may edit it
    goals: list[str] = []

    async def create_meeting() -> None:
        starts = datetime.now(UTC) + timedelta(days=rng.randint(1, 90))
        body = {
            "title": f"מפגש {rng.random():.6f}",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "mode": "online",
            "online_url": "https://meet.example.org/x",
        }
        meetings.append(ok(await client.post(f"{rt}/meetings", json=body, headers=rng.choice(staff)), 201)["id"])

    async def rename_meeting() -> None:
        meeting = rng.choice(meetings)
        response = await client.patch(
            f"/api/v1/meetings/{meeting}", json={"title": f"שונה {rng.random():.6f}"}, headers=table.facilitator
        )
        assert response.status_code in {200, 409}, response.text  # 409: it was cancelled

    async def add_agenda_item() -> None:
        response = await client.post(
            f"/api/v1/meetings/{rng.choice(meetings)}/agenda-items", json={"title": "נושא"}, headers=rng.choice(staff)
        )
        assert response.status_code in {201, 409}, response.text  # 409: the meeting was cancelled
        if response.status_code == 201:
            agenda.append(response.json()["id"])

    async def remove_agenda_item() -> None:
        item = agenda.pop(rng.randrange(len(agenda)))
        assert (await client.delete(f"/api/v1/agenda-items/{item}", headers=table.facilitator)).status_code in {
            204,
            409,
        }

    async def cancel_meeting() -> None:
        await client.post(
            f"/api/v1/meetings/{rng.choice(meetings)}/transition", json={"status": "cancelled"}, headers=table.host
        )

    async def propose_decision() -> None:
        body = {"kind": "recommendation", "title": f"החלטה {rng.random():.6f}", "text": "..."}
        decisions.append(
            ok(
                await client.post(
                    f"{rt}/decisions", json=body, headers=rng.choice([*table.members, table.facilitator])
                ),
                201,
            )["id"]
        )

    async def steer_decision() -> None:
        await client.post(
            f"/api/v1/decisions/{rng.choice(decisions)}/transition",
            json={"status": rng.choice(["in_discussion", "withdrawn"])},
            headers=table.facilitator,
        )

    async def add_action_item() -> None:
        owner = rng.choice(table.member_seats).stakeholder_id
        body = {"title": f"משימה {rng.random():.6f}", "owner_stakeholder_id": str(owner)}
        actions.append(ok(await client.post(f"{rt}/action-items", json=body, headers=rng.choice(staff)), 201)["id"])

    async def update_action_item() -> None:
        ok(
            await client.patch(
                f"/api/v1/action-items/{rng.choice(actions)}",
                json={"status": rng.choice(["in_progress", "done", "open"])},
                headers=table.host,
            )
        )

    async def add_knowledge() -> None:
        author = rng.choice([*table.members, table.facilitator])
        body = {
            "roundtable_id": str(table.roundtable.id),
            "kind": "position_paper",
            "title": f"נייר {rng.random():.6f}",
            "language": "he",
            "visibility": rng.choice(["roundtable", "facilitators"] if author is table.facilitator else ["roundtable"]),
        }
        knowledge[ok(await client.post("/api/v1/knowledge-items", json=body, headers=author), 201)["id"]] = author

    async def change_knowledge_visibility() -> None:
        item = rng.choice(list(knowledge))
        ok(
            await client.patch(
                f"/api/v1/knowledge-items/{item}",
                json={"visibility": rng.choice(["roundtable", "facilitators"])},
                headers=table.facilitator | ANY_VERSION,
            )
        )

    async def archive_knowledge() -> None:
        await client.post(f"/api/v1/knowledge-items/{rng.choice(list(knowledge))}/archive", headers=table.facilitator)

    async def add_goal() -> None:
        goals.append(
            ok(await client.post(f"{rt}/goals", json={"title": f"יעד {rng.random():.6f}"}, headers=table.host), 201)[
                "id"
            ]
        )

    async def remove_goal() -> None:
        goal = goals.pop(rng.randrange(len(goals)))
        assert (await client.delete(f"/api/v1/goals/{goal}", headers=table.host)).status_code == 204

    steps_by_need = [
        (create_meeting, lambda: True),
        (rename_meeting, lambda: meetings),
        (add_agenda_item, lambda: meetings),
        (add_agenda_item, lambda: meetings),  # twice: agendas grow faster than they shrink
        (remove_agenda_item, lambda: agenda),
        (cancel_meeting, lambda: len(meetings) > 2),
        (propose_decision, lambda: True),
        (steer_decision, lambda: decisions),
        (add_action_item, lambda: True),
        (update_action_item, lambda: actions),
        (add_knowledge, lambda: True),
        (change_knowledge_visibility, lambda: knowledge),
        (archive_knowledge, lambda: knowledge),
        (add_goal, lambda: True),
        (remove_goal, lambda: goals),
    ]
    for _ in range(steps):
        step = rng.choice([step for step, possible in steps_by_need if possible()])
        await step()


async def test_replaying_the_feed_gives_exactly_what_the_lists_show(client, db, settings) -> None:
    table = await make_table(db, settings, members=2)
    await db.commit()
    await busy_history(client, table, seed=9, steps=120)

    for caller in (table.members[0], table.host, table.facilitator):
        mirror = await replay(client, caller)
        rt_id = str(table.roundtable.id)
        meetings = await listed(client, f"/api/v1/roundtables/{rt_id}/meetings", caller)
        assert _versions(meetings) == _versions(mirror.get("meeting", {}))
        assert _versions(await listed(client, "/api/v1/decisions", caller, roundtable_id=rt_id)) == _versions(
            mirror.get("decision", {})
        )
        assert _versions(await listed(client, "/api/v1/action-items", caller, roundtable_id=rt_id)) == _versions(
            mirror.get("action_item", {})
        )
        knowledge = await listed(
            client, "/api/v1/knowledge-items", caller, roundtable_id=rt_id, include_archived="true"
        )
        assert _versions(knowledge) == _versions(mirror.get("knowledge_item", {}))
        assert _versions(await listed(client, f"/api/v1/roundtables/{rt_id}/goals", caller)) == _versions(
            mirror.get("goal", {})
        )
        agenda: dict[str, Any] = {}
        for meeting_id in meetings:
            agenda.update(
                {
                    row["id"]: row
                    for row in ok(await client.get(f"/api/v1/meetings/{meeting_id}/agenda", headers=caller))["items"]
                }
            )
        assert _versions(agenda) == _versions(mirror.get("agenda_item", {}))
    # The history was busy enough to test something: hidden knowledge, deletions, many of each.
    facilitators_only = [item for item in knowledge.values() if item["visibility"] == "facilitators"]
    assert facilitators_only and len(meetings) > 3 and len(agenda) >= 3 and len(knowledge) > 3


async def test_deletions_and_objects_that_left_sight_come_as_tombstones(client, db, settings) -> None:
    table = await make_table(db, settings, members=1)
    await db.commit()
    rt = f"/api/v1/roundtables/{table.roundtable.id}"
    goal = ok(await client.post(f"{rt}/goals", json={"title": "יעד"}, headers=table.host), 201)
    assert (await client.delete(f"/api/v1/goals/{goal['id']}", headers=table.host)).status_code == 204
    body = {"roundtable_id": str(table.roundtable.id), "kind": "position_paper", "title": "נייר", "language": "he"}
    item = ok(await client.post("/api/v1/knowledge-items", json=body, headers=table.facilitator), 201)
    ok(
        await client.patch(
            f"/api/v1/knowledge-items/{item['id']}",
            json={"visibility": "facilitators"},
            headers=table.facilitator | ANY_VERSION,
        )
    )

    member = ok(await client.get(FEED, headers=table.members[0]))["items"]
    about_goal = [(e["type"], e["tombstone"], e["data"] is None) for e in member if e["entity_id"] == goal["id"]]
    assert about_goal == [("goal.created", None, False), ("goal.deleted", "deleted", True)]
    about_item = [(e["type"], e["tombstone"]) for e in member if e["entity_id"] == item["id"]]
    assert about_item == [("knowledge_item.created", None), ("knowledge_item.updated", "hidden")]
    facilitator = ok(await client.get(FEED, headers=table.facilitator))["items"]
    seen = [e for e in facilitator if e["entity_id"] == item["id"]]
    assert [e["tombstone"] for e in seen] == [None, None] and seen[-1]["data"]["visibility"] == "facilitators"


async def test_the_feed_shows_only_the_callers_roundtables_and_what_their_role_and_scopes_may_see(
    client, db, settings
) -> None:
    mine = await make_table(db, settings, members=1)
    other = await make_table(db, settings, members=1)
    await db.commit()
    for table in (mine, other):
        meeting = ok(
            await client.post(
                f"/api/v1/roundtables/{table.roundtable.id}/meetings",
                json={
                    "title": "מפגש",
                    "starts_at": "2031-01-01T10:00:00Z",
                    "ends_at": "2031-01-01T12:00:00Z",
                    "mode": "online",
                    "online_url": "https://meet.example.org/x",
                },
                headers=table.facilitator,
            ),
            201,
        )
        ok(
            await client.post(
                f"/api/v1/meetings/{meeting['id']}/process-notes", json={"body": "פרטי"}, headers=table.facilitator
            ),
            201,
        )

    member_events = ok(await client.get(FEED, headers=mine.members[0]))["items"]
    assert {e["roundtable_id"] for e in member_events} == {str(mine.roundtable.id)}
    assert "process_note" not in {e["entity_type"] for e in member_events}
    assert "process_note" in {e["entity_type"] for e in ok(await client.get(FEED, headers=mine.facilitator))["items"]}

    only_decisions = await api_token(db, "events:read", "decisions:read", user=mine.facilitator_user)
    no_feed = await api_token(db, "meetings:read", user=mine.facilitator_user)
    await db.commit()
    assert ok(await client.get(FEED, headers=only_decisions))["items"] == []
    assert_problem(await client.get(FEED, headers=no_feed), 403, "insufficient_scope")
    assert_problem(await client.get(FEED), 401, "not_authenticated")


async def test_the_cursor_resumes_where_it_stopped(client, db, settings) -> None:
    table = await make_table(db, settings, members=1)
    await db.commit()
    for n in range(5):
        ok(
            await client.post(
                f"/api/v1/roundtables/{table.roundtable.id}/goals", json={"title": f"יעד {n}"}, headers=table.host
            ),
            201,
        )
    everything = ok(await client.get(FEED, headers=table.host))
    assert everything["has_more"] is False and len(everything["items"]) >= 5
    first = ok(await client.get(FEED, params={"limit": 2}, headers=table.host))
    rest = ok(await client.get(FEED, params={"after": first["next_after"]}, headers=table.host))
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in everything["items"]]
    last = ok(await client.get(FEED, params={"after": everything["next_after"]}, headers=table.host))
    assert last == {"items": [], "next_after": everything["next_after"], "has_more": False}
    assert uuid.UUID(everything["items"][0]["id"])
