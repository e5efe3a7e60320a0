"""Every change to a decision, an endorsement or an action item is announced once, from the write path, in
the change's own transaction: a domain event (decision.created, decision.<state>, endorsement.recorded,
action_item.updated…) naming the object, its roundtable, the actor, the version reached and the object as
read. A refused change announces nothing.
"""

import uuid
from datetime import datetime

import pytest
from decision_factories import Cast, make_cast
from helpers import edit, events_of, ok
from sqlalchemy import func, select

from shulchan.decisions.models import Endorsement
from shulchan.events.models import DomainEvent

API = "/api/v1"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


async def propose(client, headers, cast, **fields) -> dict:
    body = {"kind": "agreement", "title": "עקרונות לשיתוף נתונים", "text": "השולחן ממליץ..."} | fields
    return ok(await client.post(f"{API}/roundtables/{cast.roundtable.id}/decisions", headers=headers, json=body), 201)


async def move(client, headers, decision_id, status, note=None, reference=None):
    body = (
        {"status": status} | ({"note": note} if note else {}) | ({"adoption_reference": reference} if reference else {})
    )
    return await client.post(f"{API}/decisions/{decision_id}/transition", headers=headers, json=body)


async def test_a_decision_is_announced_as_created_then_at_every_state(client, cast, db):
    facilitator, host = await cast.auth("facilitator"), await cast.auth("host")
    decision = await propose(client, facilitator, cast)
    ok(await edit(client, f"{API}/decisions/{decision['id']}", headers=facilitator, json={"title": "עקרונות מעודכנים"}))
    ok(await move(client, facilitator, decision["id"], "in_discussion", "נפתח לדיון"))
    ok(await move(client, facilitator, decision["id"], "agreed"))
    adopted = ok(await move(client, host, decision["id"], "adopted", "אומץ", "החלטת ממשלה 77"))

    events = await events_of(db, decision["id"])

    assert [(e.type, e.version) for e in events] == [
        ("decision.created", 1),
        ("decision.updated", 2),
        ("decision.in_discussion", 3),
        ("decision.agreed", 4),
        ("decision.adopted", 5),
    ]
    assert {(e.entity_type, e.roundtable_id, e.tombstone) for e in events} == {("decision", cast.roundtable.id, False)}
    assert [e.actor_user_id for e in events] == [cast.users["facilitator"].id] * 4 + [cast.users["host"].id]
    assert events[0].payload["status"] == "proposed" and events[0].payload["title"] == "עקרונות לשיתוף נתונים"
    assert events[1].payload["title"] == "עקרונות מעודכנים"
    last = events[-1].payload
    assert (last["status"], last["adoption_reference"], last["version"]) == ("adopted", "החלטת ממשלה 77", 5)
    assert datetime.fromisoformat(last["adopted_at"]) == datetime.fromisoformat(adopted["adopted_at"])
    assert [h["to_status"] for h in last["history"]] == ["proposed", "in_discussion", "agreed", "adopted"]


async def test_a_refused_move_or_edit_announces_nothing(client, cast, db):
    facilitator = await cast.auth("facilitator")
    decision = await propose(client, facilitator, cast)

    assert (await move(client, facilitator, decision["id"], "adopted")).status_code == 409
    assert (await move(client, await cast.auth("member"), decision["id"], "in_discussion")).status_code == 403
    stale = await client.patch(
        f"{API}/decisions/{decision['id']}", headers={**facilitator, "If-Match": '"7"'}, json={"title": "x"}
    )
    assert stale.status_code == 412
    ok(await edit(client, f"{API}/decisions/{decision['id']}", headers=facilitator, json={}))  # changes nothing

    assert [e.type for e in await events_of(db, decision["id"])] == ["decision.created"]


async def test_a_change_of_goals_is_an_update(client, cast, db):
    facilitator = await cast.auth("facilitator")
    goals = ok(await client.get(f"{API}/roundtables/{cast.roundtable.id}/goals", headers=facilitator))
    goal_id = goals["items"][0]["id"]
    decision = await propose(client, facilitator, cast)

    ok(await edit(client, f"{API}/decisions/{decision['id']}", headers=facilitator, json={"goal_ids": [goal_id]}))

    created, updated = await events_of(db, decision["id"])
    assert (created.payload["goal_ids"], updated.type, updated.version) == ([], "decision.updated", 2)
    assert updated.payload["goal_ids"] == [goal_id]


async def test_an_endorsement_given_and_changed_is_recorded_each_time(client, cast, db):
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    decision = await propose(client, facilitator, cast)

    ok(await client.put(f"{API}/decisions/{decision['id']}/endorsement", headers=member, json={"position": "supports"}))
    ok(
        await client.put(
            f"{API}/decisions/{decision['id']}/endorsement",
            headers=member,
            json={"position": "reservations", "comment": "בתנאי"},
        )
    )

    endorsement = await db.scalar(select(Endorsement).where(Endorsement.decision_id == uuid.UUID(decision["id"])))
    events = await events_of(db, endorsement.id)
    assert [(e.type, e.entity_type, e.version) for e in events] == [
        ("endorsement.recorded", "endorsement", None),
        ("endorsement.recorded", "endorsement", None),
    ]
    assert {(e.roundtable_id, e.actor_user_id) for e in events} == {(cast.roundtable.id, cast.users["member"].id)}
    assert [(e.payload["position"], e.payload["comment"]) for e in events] == [
        ("supports", None),
        ("reservations", "בתנאי"),
    ]
    assert {(e.payload["decision_id"], e.payload["seat_id"]) for e in events} == {
        (decision["id"], str(endorsement.seat_id))
    }
    # The decision itself did not change: it announces nothing more.
    assert [e.type for e in await events_of(db, decision["id"])] == ["decision.created"]


async def test_an_endorsement_refused_once_adopted_announces_nothing(client, cast, db):
    facilitator, host, member = await cast.auth("facilitator"), await cast.auth("host"), await cast.auth("member")
    decision = await propose(client, facilitator, cast)
    for target in ("in_discussion", "agreed"):
        ok(await move(client, facilitator, decision["id"], target))
    ok(await move(client, host, decision["id"], "adopted"))

    recorded = select(func.count()).select_from(DomainEvent).where(DomainEvent.type == "endorsement.recorded")
    before = await db.scalar(recorded)

    refused = await client.put(
        f"{API}/decisions/{decision['id']}/endorsement", headers=member, json={"position": "supports"}
    )

    assert refused.status_code == 409 and refused.json()["code"] == "endorsement_closed"
    assert await db.scalar(recorded) == before
    assert await db.scalar(select(Endorsement.id).where(Endorsement.decision_id == uuid.UUID(decision["id"]))) is None


async def test_action_items_are_announced_when_created_and_updated(client, cast, db):
    facilitator = await cast.auth("facilitator")
    item = ok(
        await client.post(
            f"{API}/roundtables/{cast.roundtable.id}/action-items",
            headers=facilitator,
            json={"title": "לאסוף נתונים", "owner_stakeholder_id": str(cast.stakeholders["member"])},
        ),
        201,
    )
    ok(
        await client.patch(
            f"{API}/action-items/{item['id']}", headers=await cast.auth("member"), json={"status": "done"}
        )
    )

    created, updated = await events_of(db, item["id"])
    assert (created.type, created.entity_type, created.version) == ("action_item.created", "action_item", 1)
    assert (updated.type, updated.version, updated.actor_user_id) == ("action_item.updated", 2, cast.users["member"].id)
    assert created.roundtable_id == updated.roundtable_id == cast.roundtable.id
    assert (created.payload["status"], updated.payload["status"]) == ("open", "done")
    assert updated.payload["completed_at"] is not None and updated.payload["owner_name"] == item["owner_name"]
