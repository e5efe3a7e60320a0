"""Every change to minutes and every comment on them is announced once, from the write path: minutes.created,
minutes.updated, minutes.<state> (circulated, approved, locked, back to draft), minutes.correction_opened,
minutes.summary_published / summary_withdrawn, minutes_comment.created; each names the minutes, their
roundtable, the actor and the version reached, and carries the minutes as read. A refused change announces
nothing.
"""

from datetime import UTC, datetime, timedelta

import pytest
from decision_factories import Cast, make_cast
from helpers import edit, events_of, ok

API = "/api/v1"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


TEXT = "פתיחה.\n\nהוחלט לקדם תוכנית תעסוקה.\n\nסיכום."


async def new_minutes(client, headers, cast) -> dict:
    start = datetime.now(UTC) + timedelta(days=3)
    meeting = ok(
        await client.post(
            f"{API}/roundtables/{cast.roundtable.id}/meetings",
            headers=headers,
            json={
                "title": "מפגש השולחן",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/table",
            },
        ),
        201,
    )
    return ok(await client.post(f"{API}/meetings/{meeting['id']}/minutes", headers=headers, json={"body": TEXT}), 201)


async def move(client, headers, minutes_id, status: str):
    return await client.post(f"{API}/minutes/{minutes_id}/transition", headers=headers, json={"status": status})


async def test_minutes_are_announced_through_their_whole_life(client, cast, db):
    facilitator, host = await cast.auth("facilitator"), await cast.auth("host")
    minutes = await new_minutes(client, facilitator, cast)
    url = f"{API}/minutes/{minutes['id']}"
    ok(await edit(client, url, headers=facilitator, json={"body": TEXT + "\n\nתוספת."}))
    ok(await move(client, facilitator, minutes["id"], "circulated"))
    ok(await move(client, facilitator, minutes["id"], "draft"))
    ok(await move(client, facilitator, minutes["id"], "circulated"))
    ok(await move(client, host, minutes["id"], "approved"))
    ok(await client.post(f"{url}/corrections", headers=facilitator, json={"reason": "תיקון שם"}), 201)
    ok(await move(client, facilitator, minutes["id"], "circulated"))
    ok(await move(client, host, minutes["id"], "approved"))
    ok(
        await client.put(
            f"{url}/public-summary", headers=host, json={"public_summary": "סיכום לציבור", "published": True}
        )
    )
    ok(await client.put(f"{url}/public-summary", headers=host, json={"public_summary": "", "published": False}))
    ok(await move(client, host, minutes["id"], "locked"))

    events = await events_of(db, minutes["id"])

    assert [e.type for e in events] == [
        "minutes.created",
        "minutes.updated",
        "minutes.circulated",
        "minutes.draft",
        "minutes.circulated",
        "minutes.approved",
        "minutes.correction_opened",
        "minutes.circulated",
        "minutes.approved",
        "minutes.summary_published",
        "minutes.summary_withdrawn",
        "minutes.locked",
    ]
    assert [e.version for e in events] == list(range(1, 13))
    assert {(e.entity_type, e.roundtable_id) for e in events} == {("minutes", cast.roundtable.id)}
    facilitator_id, host_id = cast.users["facilitator"].id, cast.users["host"].id
    assert [e.actor_user_id for e in events] == [facilitator_id] * 5 + [host_id] + [facilitator_id] * 2 + [host_id] * 4
    payloads = [e.payload for e in events]
    assert [(p["status"], p["revision"], p["version"]) for p in payloads[5:8]] == [
        ("approved", 1, 6),
        ("draft", 2, 7),
        ("circulated", 2, 8),
    ]
    assert payloads[1]["shown_revision"]["body"] == TEXT + "\n\nתוספת."
    assert payloads[5]["shown_revision"]["approved_by_user_id"] == str(host_id)
    assert payloads[9]["public_summary"] == "סיכום לציבור" and payloads[9]["public_summary_published_at"]
    assert payloads[10]["public_summary_published_at"] is None


async def test_a_comment_is_announced_and_a_refused_one_is_not(client, cast, db):
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    minutes = await new_minutes(client, facilitator, cast)
    url = f"{API}/minutes/{minutes['id']}"
    ok(await move(client, facilitator, minutes["id"], "circulated"))

    comment = ok(await client.post(f"{url}/comments", headers=member, json={"body": "הערה", "paragraph": 1}), 201)
    ok(await move(client, await cast.auth("host"), minutes["id"], "approved"))
    late = await client.post(f"{url}/comments", headers=member, json={"body": "מאוחר מדי"})

    assert late.status_code == 409 and late.json()["code"] == "minutes_not_circulated"
    (announced,) = await events_of(db, comment["id"])
    assert (announced.type, announced.entity_type, announced.version) == (
        "minutes_comment.created",
        "minutes_comment",
        None,
    )
    assert (announced.roundtable_id, announced.actor_user_id) == (cast.roundtable.id, cast.users["member"].id)
    assert announced.payload == comment
    assert [e.type for e in await events_of(db, minutes["id"])] == [
        "minutes.created",
        "minutes.circulated",
        "minutes.approved",
    ]


async def test_a_refused_move_or_edit_announces_nothing(client, cast, db):
    facilitator = await cast.auth("facilitator")
    minutes = await new_minutes(client, facilitator, cast)
    url = f"{API}/minutes/{minutes['id']}"

    assert (await move(client, facilitator, minutes["id"], "approved")).status_code == 409
    assert (await client.patch(url, headers={**facilitator, "If-Match": '"9"'}, json={"body": "x"})).status_code == 412
    assert (await client.post(f"{url}/corrections", headers=facilitator, json={"reason": "x"})).status_code == 409

    assert [e.type for e in await events_of(db, minutes["id"])] == ["minutes.created"]
