"""`updated_at` on list rows and `updated_since` on the lists a sync reads: meetings (both lists),
decisions, action items and knowledge items."""

import asyncio
from datetime import UTC, datetime

from helpers import ANY_VERSION, make_table, ok


async def test_updated_since_keeps_only_what_changed_at_or_after_the_instant(client, db, settings) -> None:
    table = await make_table(db, settings, members=1)
    await db.commit()
    rt_id = str(table.roundtable.id)
    rt = f"/api/v1/roundtables/{rt_id}"
    owner = str(table.member_seats[0].stakeholder_id)
    meeting = {
        "starts_at": "2031-01-01T10:00:00Z",
        "ends_at": "2031-01-01T12:00:00Z",
        "mode": "online",
        "online_url": "https://meet.example.org/x",
    }
    paper = {"roundtable_id": rt_id, "kind": "position_paper", "language": "he"}
    made = {
        "meeting": [
            ok(await client.post(f"{rt}/meetings", json={**meeting, "title": f"מפגש {n}"}, headers=table.host), 201)
            for n in range(2)
        ],
        "decision": [
            ok(
                await client.post(
                    f"{rt}/decisions",
                    json={"kind": "recommendation", "title": f"החלטה {n}", "text": "..."},
                    headers=table.facilitator,
                ),
                201,
            )
            for n in range(2)
        ],
        "action_item": [
            ok(
                await client.post(
                    f"{rt}/action-items",
                    json={"title": f"משימה {n}", "owner_stakeholder_id": owner},
                    headers=table.host,
                ),
                201,
            )
            for n in range(2)
        ],
        "knowledge_item": [
            ok(
                await client.post(
                    "/api/v1/knowledge-items", json={**paper, "title": f"נייר {n}"}, headers=table.facilitator
                ),
                201,
            )
            for n in range(2)
        ],
    }
    await asyncio.sleep(0.01)
    since = datetime.now(UTC)
    await asyncio.sleep(0.01)
    changed = {
        "meeting": ok(
            await client.patch(
                f"/api/v1/meetings/{made['meeting'][1]['id']}", json={"title": "שונה"}, headers=table.host
            )
        ),
        "decision": ok(
            await client.patch(
                f"/api/v1/decisions/{made['decision'][1]['id']}",
                json={"title": "שונה"},
                headers=table.facilitator | ANY_VERSION,
            )
        ),
        "action_item": ok(
            await client.patch(
                f"/api/v1/action-items/{made['action_item'][1]['id']}", json={"status": "done"}, headers=table.host
            )
        ),
        "knowledge_item": ok(
            await client.patch(
                f"/api/v1/knowledge-items/{made['knowledge_item'][1]['id']}",
                json={"title": "שונה"},
                headers=table.facilitator | ANY_VERSION,
            )
        ),
    }
    lists = {
        "meeting": [f"{rt}/meetings", "/api/v1/meetings"],
        "decision": ["/api/v1/decisions"],
        "action_item": ["/api/v1/action-items"],
        "knowledge_item": ["/api/v1/knowledge-items"],
    }
    for kind, urls in lists.items():
        for url in urls:
            params = {"roundtable_id": rt_id} if not url.startswith(rt) else {}
            everything = ok(await client.get(url, params=params, headers=table.host))["items"]
            assert {row["id"] for row in everything} == {row["id"] for row in made[kind]}, url
            assert all(
                datetime.fromisoformat(row["updated_at"]) < since
                for row in everything
                if row["id"] != changed[kind]["id"]
            )
            recent = ok(
                await client.get(url, params={**params, "updated_since": since.isoformat()}, headers=table.host)
            )["items"]
            assert [row["id"] for row in recent] == [changed[kind]["id"]], url
            assert datetime.fromisoformat(recent[0]["updated_at"]) >= since
