"""Decisions: kinds, the lifecycle proposed → in_discussion → agreed → adopted → implemented (or rejected /
withdrawn), each move validated, audited and kept in the decision's history; editing until agreed; goals of
the roundtable only; goal progress; and what the public sees (adopted decisions of public roundtables).
"""

from datetime import UTC, datetime, timedelta

import pytest
from decision_factories import Cast, make_cast, make_decision, propose
from helpers import assert_problem, edit, ok
from sqlalchemy import select

from shulchan.decisions.models import Decision, DecisionKind, DecisionStatus
from shulchan.roundtables.models import Roundtable, Visibility

API = "/api/v1"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


async def move(client, headers, decision_id, status, note=None, adoption_reference=None, version=None):
    body = {"status": status}
    if note is not None:
        body["note"] = note
    if adoption_reference is not None:
        body["adoption_reference"] = adoption_reference
    extra = {"If-Match": f'"{version}"'} if version is not None else {}
    return await client.post(f"{API}/decisions/{decision_id}/transition", headers={**headers, **extra}, json=body)


async def pmo_goal_ids(client, cast) -> list[str]:
    goals = ok(await client.get(f"{API}/roundtables/{cast.roundtable.id}/goals"))
    return [goal["id"] for goal in goals["items"]]


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def listed_decisions(client, headers=None, **params) -> list[dict]:
    """Every decision of the list, page after page (the database holds other tables' decisions too)."""
    items, cursor = [], None
    while True:
        page_params = params | {"limit": 200} | ({"cursor": cursor} if cursor else {})
        page = ok(await client.get(f"{API}/decisions", headers=headers or {}, params=page_params))
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


async def public_decision_ids(db, roundtable_id=None, status=None, kind=None) -> set[str]:
    """From the database: the adopted and implemented decisions of public roundtables (what anyone may see)."""
    stmt = (
        select(Decision.id)
        .join(Roundtable, Roundtable.id == Decision.roundtable_id)
        .where(
            Roundtable.visibility == Visibility.public,
            Decision.status.in_(status or [DecisionStatus.adopted, DecisionStatus.implemented]),
        )
    )
    if roundtable_id is not None:
        stmt = stmt.where(Decision.roundtable_id == roundtable_id)
    if kind is not None:
        stmt = stmt.where(Decision.kind == kind)
    return {str(decision_id) for decision_id in await db.scalars(stmt)}


# --- proposing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["understanding", "agreement", "recommendation", "policy_decision"])
async def test_every_kind_of_decision_is_proposed(client, cast, kind):
    pmo = cast.roundtable.id

    response = await client.post(
        f"{API}/roundtables/{pmo}/decisions",
        headers=await cast.auth("facilitator"),
        json={"kind": kind, "title": "כותרת", "text": "נוסח"},
    )

    decision = ok(response, 201)
    assert response.headers["Location"] == f"{API}/decisions/{decision['id']}"
    assert response.headers["ETag"] == f'"{decision["version"]}"'
    assert (decision["kind"], decision["status"], decision["roundtable_id"]) == (kind, "proposed", str(pmo))
    assert decision["proposed_by_user_id"] == str(cast.users["facilitator"].id)
    assert decision["adopted_at"] is None and decision["adoption_reference"] is None
    assert [(h["from_status"], h["to_status"], h["actor_user_id"]) for h in decision["history"]] == [
        (None, "proposed", str(cast.users["facilitator"].id))
    ]


async def test_an_unknown_kind_is_refused(client, cast):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtable.id}/decisions",
        headers=await cast.auth("facilitator"),
        json={"kind": "decree", "title": "כותרת"},
    )

    problem = assert_problem(response, 422, "validation_error")
    assert problem["errors"][0]["loc"] == ["body", "kind"]


@pytest.mark.parametrize("who", ["host", "member"])
async def test_hosts_and_members_propose_too(client, cast, who):
    decision = await propose(client, await cast.auth(who), cast.roundtable.id, kind="recommendation")

    assert decision["proposed_by_user_id"] == str(cast.users[who].id)


async def test_a_decision_refers_to_a_meeting_of_its_own_roundtable_only(client, cast):
    facilitator2 = await cast.auth("facilitator2")
    start = datetime.now(UTC) + timedelta(days=2)
    meeting = ok(
        await client.post(
            f"{API}/roundtables/{cast.other.id}/meetings",
            headers=facilitator2,
            json={
                "title": "מפגש חינוך",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=1)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/edu",
            },
        ),
        201,
    )

    response = await client.post(
        f"{API}/roundtables/{cast.roundtable.id}/decisions",
        headers=await cast.auth("facilitator"),
        json={"kind": "agreement", "title": "כותרת", "meeting_id": meeting["id"]},
    )

    assert_problem(response, 422, "unknown_meeting")


# --- lifecycle ------------------------------------------------------------------------------------


async def test_the_whole_lifecycle_is_kept_in_history_and_audited(client, cast):
    pmo = cast.roundtable.id
    facilitator, host = await cast.auth("facilitator"), await cast.auth("host")
    decision = await propose(client, facilitator, pmo)

    steps = [
        (facilitator, "in_discussion", "נפתח לדיון במפגש מרץ", None),
        (facilitator, "agreed", "כל המגזרים הסכימו", None),
        (host, "adopted", "אומץ בהחלטת ממשלה", "החלטת ממשלה 1234"),
        (host, "implemented", None, None),
    ]
    for headers, target, note, reference in steps:
        before = datetime.now(UTC)
        decision = ok(await move(client, headers, decision["id"], target, note, reference, decision["version"]))
        assert decision["status"] == target
        if target == "adopted":
            assert before - timedelta(seconds=1) <= parse_time(decision["adopted_at"]) <= datetime.now(UTC)
            assert decision["adoption_reference"] == "החלטת ממשלה 1234"

    facilitator_id, host_id = str(cast.users["facilitator"].id), str(cast.users["host"].id)
    assert [(h["from_status"], h["to_status"], h["actor_user_id"], h["note"]) for h in decision["history"]] == [
        (None, "proposed", facilitator_id, None),
        ("proposed", "in_discussion", facilitator_id, "נפתח לדיון במפגש מרץ"),
        ("in_discussion", "agreed", facilitator_id, "כל המגזרים הסכימו"),
        ("agreed", "adopted", host_id, "אומץ בהחלטת ממשלה"),
        ("adopted", "implemented", host_id, None),
    ]
    reread = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("member")))
    assert reread["history"] == decision["history"]

    audit = ok(
        await client.get(
            f"{API}/roundtables/{pmo}/audit",
            headers=facilitator,
            params={"entity_type": "decisions", "action": "transition"},
        )
    )
    mine = [e for e in audit["items"] if e["entity_id"] == decision["id"]]
    assert [(e["changes"]["status"]["before"], e["changes"]["status"]["after"]) for e in reversed(mine)] == [
        ("proposed", "in_discussion"),
        ("in_discussion", "agreed"),
        ("agreed", "adopted"),
        ("adopted", "implemented"),
    ]
    assert [e["actor_user_id"] for e in reversed(mine)] == [facilitator_id, facilitator_id, host_id, host_id]


@pytest.mark.parametrize(
    ("at", "target", "allowed"),
    [
        ("proposed", "agreed", ["in_discussion", "rejected", "withdrawn"]),
        ("proposed", "adopted", ["in_discussion", "rejected", "withdrawn"]),
        ("proposed", "proposed", ["in_discussion", "rejected", "withdrawn"]),
        ("in_discussion", "implemented", ["agreed", "rejected", "withdrawn"]),
        ("agreed", "withdrawn", ["adopted", "in_discussion", "rejected"]),
        ("adopted", "rejected", ["implemented"]),
        ("adopted", "in_discussion", ["implemented"]),
        ("implemented", "adopted", []),
        ("rejected", "in_discussion", []),
        ("withdrawn", "proposed", []),
    ],
)
async def test_illegal_moves_are_refused_with_what_is_allowed(client, cast, at, target, allowed):
    decision = await make_decision(client, cast, at)

    response = await move(
        client, await cast.auth("host" if target == "adopted" else "facilitator"), decision["id"], target
    )

    problem = assert_problem(response, 409, "invalid_transition")
    assert problem["from"] == at and problem["allowed"] == allowed
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator")))
    assert after["status"] == at and after["history"] == decision["history"]


async def test_an_agreed_decision_can_be_reopened_or_rejected(client, cast):
    facilitator = await cast.auth("facilitator")
    decision = await make_decision(client, cast, "agreed")

    reopened = ok(await move(client, facilitator, decision["id"], "in_discussion", "נדרש דיון נוסף"))
    again = ok(await move(client, facilitator, decision["id"], "agreed"))
    rejected = ok(await move(client, facilitator, decision["id"], "rejected", "לא אושר בממשלה"))

    assert (reopened["status"], again["status"], rejected["status"]) == ("in_discussion", "agreed", "rejected")
    assert rejected["history"][-1]["note"] == "לא אושר בממשלה"
    assert [h["to_status"] for h in rejected["history"]] == [
        "proposed",
        "in_discussion",
        "agreed",
        "in_discussion",
        "agreed",
        "rejected",
    ]


async def test_the_facilitator_does_not_adopt_the_host_does(client, cast):
    decision = await make_decision(client, cast, "agreed")

    refused = await move(client, await cast.auth("facilitator"), decision["id"], "adopted")

    assert_problem(refused, 403, "forbidden")
    unchanged = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("host")))
    assert unchanged["status"] == "agreed" and unchanged["adopted_at"] is None
    adopted = ok(await move(client, await cast.auth("host"), decision["id"], "adopted"))
    assert adopted["status"] == "adopted" and adopted["adopted_at"] is not None
    assert adopted["adoption_reference"] is None  # a reference is optional
    assert adopted["history"][-1]["actor_user_id"] == str(cast.users["host"].id)


@pytest.mark.parametrize("target", ["in_discussion", "rejected"])
async def test_members_and_hosts_do_not_steer(client, cast, target):
    decision = await propose(client, await cast.auth("facilitator"), cast.roundtable.id)

    for who in ("member", "host"):
        assert_problem(await move(client, await cast.auth(who), decision["id"], target), 403, "forbidden")


async def test_the_host_does_not_agree_on_behalf_of_the_table(client, cast):
    decision = await make_decision(client, cast, "in_discussion")

    assert_problem(await move(client, await cast.auth("host"), decision["id"], "agreed"), 403, "forbidden")


async def test_a_proposer_withdraws_their_own_proposal_only(client, cast):
    pmo = cast.roundtable.id
    member = await cast.auth("member")
    own = await propose(client, member, pmo, title="הצעה של החברה האזרחית")
    others = await propose(client, await cast.auth("facilitator"), pmo, title="הצעה של המנחה")

    assert_problem(await move(client, member, others["id"], "withdrawn"), 403, "forbidden")
    assert_problem(await move(client, await cast.auth("host"), own["id"], "withdrawn"), 403, "forbidden")
    withdrawn = ok(await move(client, member, own["id"], "withdrawn", "נסוגה לטובת הצעה משותפת"))

    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["history"][-1] == withdrawn["history"][-1] | {
        "from_status": "proposed",
        "to_status": "withdrawn",
        "actor_user_id": str(cast.users["member"].id),
        "note": "נסוגה לטובת הצעה משותפת",
    }


async def test_a_stale_if_match_on_a_transition_changes_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    decision = await propose(client, facilitator, cast.roundtable.id)
    ok(await edit(client, f"{API}/decisions/{decision['id']}", headers=facilitator, json={"title": "כותרת חדשה"}))

    response = await move(client, facilitator, decision["id"], "in_discussion", version=decision["version"])

    assert_problem(response, 412, "stale_version")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=facilitator))
    assert after["status"] == "proposed" and len(after["history"]) == 1


# --- editing --------------------------------------------------------------------------------------


async def test_the_facilitator_edits_while_the_decision_is_open(client, cast):
    facilitator = await cast.auth("facilitator")
    decision = await make_decision(client, cast, "in_discussion")

    response = await client.patch(
        f"{API}/decisions/{decision['id']}",
        headers={**facilitator, "If-Match": f'"{decision["version"]}"'},
        json={"title": "נוסח מוסכם", "text": "נוסח מעודכן", "kind": "understanding"},
    )

    edited = ok(response)
    assert (edited["title"], edited["text"], edited["kind"]) == ("נוסח מוסכם", "נוסח מעודכן", "understanding")
    assert edited["version"] > decision["version"]
    assert response.headers["ETag"] == f'"{edited["version"]}"'


async def test_two_editors_from_the_same_version_cannot_both_win(client, cast):
    facilitator = await cast.auth("facilitator")
    decision = await propose(client, facilitator, cast.roundtable.id)
    stale = {**facilitator, "If-Match": f'"{decision["version"]}"'}

    first = await client.patch(f"{API}/decisions/{decision['id']}", headers=stale, json={"title": "ראשון"})
    second = await client.patch(f"{API}/decisions/{decision['id']}", headers=stale, json={"title": "שני"})

    assert first.status_code == 200, first.text
    assert_problem(second, 412, "stale_version")
    assert ok(await client.get(f"{API}/decisions/{decision['id']}", headers=facilitator))["title"] == "ראשון"


async def test_a_proposer_edits_their_proposal_until_discussion_starts(client, cast):
    member = await cast.auth("member")
    own = await propose(client, member, cast.roundtable.id)

    edited = ok(await edit(client, f"{API}/decisions/{own['id']}", headers=member, json={"text": "נוסח מתוקן"}))
    assert edited["text"] == "נוסח מתוקן"

    ok(await move(client, await cast.auth("facilitator"), own["id"], "in_discussion"))
    late = await edit(client, f"{API}/decisions/{own['id']}", headers=member, json={"text": "עוד תיקון"})
    assert_problem(late, 403, "forbidden")


async def test_members_do_not_edit_others_proposals(client, cast):
    decision = await propose(client, await cast.auth("facilitator"), cast.roundtable.id)

    response = await edit(
        client, f"{API}/decisions/{decision['id']}", headers=await cast.auth("member"), json={"text": "x"}
    )

    assert_problem(response, 403, "forbidden")


@pytest.mark.parametrize("at", ["agreed", "adopted", "implemented", "rejected", "withdrawn"])
async def test_editing_is_locked_once_agreed_or_closed(client, cast, at):
    decision = await make_decision(client, cast, at)

    response = await edit(
        client, f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator"), json={"text": "נוסח אחר"}
    )

    assert_problem(response, 409, "decision_locked")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator")))
    assert after["text"] == decision["text"] and after["version"] == decision["version"]


# --- goals ----------------------------------------------------------------------------------------


async def test_decisions_link_goals_of_their_own_roundtable_only(client, cast):
    facilitator = await cast.auth("facilitator")
    pmo_goals = await pmo_goal_ids(client, cast)
    education_goals = ok(
        await client.get(f"{API}/roundtables/{cast.other.id}/goals", headers=await cast.auth("facilitator2"))
    )
    foreign = education_goals["items"][0]["id"]

    linked = await propose(client, facilitator, cast.roundtable.id, goal_ids=pmo_goals[:2])
    assert sorted(linked["goal_ids"]) == sorted(pmo_goals[:2])

    refused = await client.post(
        f"{API}/roundtables/{cast.roundtable.id}/decisions",
        headers=facilitator,
        json={"kind": "agreement", "title": "כותרת", "goal_ids": [pmo_goals[0], foreign]},
    )
    assert_problem(refused, 422, "unknown_goal")
    patched = await edit(client, f"{API}/decisions/{linked['id']}", headers=facilitator, json={"goal_ids": [foreign]})
    assert_problem(patched, 422, "unknown_goal")
    assert sorted(ok(await client.get(f"{API}/decisions/{linked['id']}", headers=facilitator))["goal_ids"]) == sorted(
        pmo_goals[:2]
    )

    relinked = ok(
        await edit(client, f"{API}/decisions/{linked['id']}", headers=facilitator, json={"goal_ids": [pmo_goals[3]]})
    )
    assert relinked["goal_ids"] == [pmo_goals[3]]


async def test_goal_progress_shows_linked_agenda_items_and_decisions_with_their_states(client, cast):
    pmo = cast.roundtable.id
    facilitator = await cast.auth("facilitator")
    # New goals, apart from the ones the table was made with.
    goal, other_goal = [
        ok(
            await client.post(
                f"{API}/roundtables/{pmo}/goals", headers=facilitator, json={"title": title, "status": "in_progress"}
            ),
            201,
        )["id"]
        for title in ("מעקב אחר יישום ההחלטה", "מטרה אחרת")
    ]
    start = datetime.now(UTC) + timedelta(days=5)
    meeting = ok(
        await client.post(
            f"{API}/roundtables/{pmo}/meetings",
            headers=facilitator,
            json={
                "title": "מפגש מעקב יישום",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/pmo",
            },
        ),
        201,
    )
    item = ok(
        await client.post(
            f"{API}/meetings/{meeting['id']}/agenda-items",
            headers=facilitator,
            json={"title": "מעקב אחר החלטה 3190", "goal_id": goal},
        ),
        201,
    )
    ok(
        await client.post(
            f"{API}/meetings/{meeting['id']}/agenda-items", headers=facilitator, json={"title": "נושא אחר"}
        ),
        201,
    )
    proposed = await make_decision(client, cast, "proposed", roundtable_id=pmo, goal_ids=[goal], title="הצעה")
    agreed = await make_decision(client, cast, "agreed", roundtable_id=pmo, goal_ids=[goal, other_goal], title="הסכמה")
    adopted = await make_decision(client, cast, "adopted", roundtable_id=pmo, goal_ids=[goal], title="אומצה")
    await make_decision(client, cast, "adopted", roundtable_id=pmo, goal_ids=[other_goal], title="של מטרה אחרת")

    progress = ok(await client.get(f"{API}/goals/{goal}/progress", headers=await cast.auth("member")))

    assert progress["goal_id"] == goal and progress["status"] == "in_progress"
    assert [
        (a["agenda_item_id"], a["title"], a["meeting_id"], a["meeting_title"]) for a in progress["agenda_items"]
    ] == [(item["id"], "מעקב אחר החלטה 3190", meeting["id"], "מפגש מעקב יישום")]
    assert progress["agenda_items"][0]["meeting_status"] == "planned"
    assert [(d["decision_id"], d["status"]) for d in progress["decisions"]] == [
        (proposed["id"], "proposed"),
        (agreed["id"], "agreed"),
        (adopted["id"], "adopted"),
    ]
    assert progress["decisions_by_status"] == {"proposed": 1, "agreed": 1, "adopted": 1}

    # The public sees the goal's adopted decisions, nothing of the table's internal work.
    public = ok(await client.get(f"{API}/goals/{goal}/progress"))
    assert public["agenda_items"] == []
    assert [d["decision_id"] for d in public["decisions"]] == [adopted["id"]]
    assert public["decisions_by_status"] == {"adopted": 1}


async def test_goal_progress_of_an_internal_roundtable_is_not_found_for_outsiders(client, cast):
    goals = ok(await client.get(f"{API}/roundtables/{cast.other.id}/goals", headers=await cast.auth("facilitator2")))
    goal = goals["items"][0]["id"]

    assert (
        ok(await client.get(f"{API}/goals/{goal}/progress", headers=await cast.auth("facilitator2")))["goal_id"] == goal
    )
    for who in ("anonymous", "outsider", "member"):
        assert_problem(await client.get(f"{API}/goals/{goal}/progress", headers=await cast.auth(who)), 404, "not_found")


# --- what the public sees -------------------------------------------------------------------------


async def test_the_public_sees_adopted_decisions_of_public_roundtables_only(client, cast, db):
    pmo, education = cast.roundtable.id, cast.other.id
    adopted = await make_decision(client, cast, "adopted", roundtable_id=pmo, title="אומצה")
    implemented = await make_decision(client, cast, "implemented", roundtable_id=pmo, title="יושמה")
    proposed = await make_decision(client, cast, "proposed", roundtable_id=pmo, title="הוצעה")
    agreed = await make_decision(client, cast, "agreed", roundtable_id=pmo, title="הוסכמה")
    internal = await make_decision(
        client, cast, "adopted", roundtable_id=education, steer="facilitator2", adopt="admin"
    )
    assert internal["status"] == "adopted"

    public = await public_decision_ids(db)
    assert {adopted["id"], implemented["id"]} <= public
    assert not {proposed["id"], agreed["id"], internal["id"]} & public
    for who in ("anonymous", "outsider"):
        headers = await cast.auth(who)
        listed = await listed_decisions(client, headers)
        assert sorted(d["id"] for d in listed) == sorted(public), who
        assert {d["status"] for d in listed} <= {"adopted", "implemented"}, who
        assert ok(await client.get(f"{API}/decisions/{adopted['id']}", headers=headers))["title"] == "אומצה"
        for hidden in (proposed, agreed, internal):
            assert_problem(await client.get(f"{API}/decisions/{hidden['id']}", headers=headers), 404, "not_found")

    # Seated at the table, members see every decision of it; Education's stays Education's.
    seated = await listed_decisions(client, await cast.auth("member"), roundtable_id=str(pmo))
    pmo_decisions = {str(i) for i in await db.scalars(select(Decision.id).where(Decision.roundtable_id == pmo))}
    assert {d["id"] for d in seated} == pmo_decisions
    assert {adopted["id"], implemented["id"], proposed["id"], agreed["id"]} <= pmo_decisions
    assert_problem(
        await client.get(f"{API}/decisions/{internal['id']}", headers=await cast.auth("member")), 404, "not_found"
    )
    at_education = await listed_decisions(client, await cast.auth("facilitator2"))
    assert internal["id"] in {d["id"] for d in at_education}


async def test_the_public_list_filters_by_status_and_kind(client, cast, db):
    pmo = cast.roundtable.id
    adopted = await make_decision(client, cast, "adopted", roundtable_id=pmo, kind="recommendation")
    implemented = await make_decision(client, cast, "implemented", roundtable_id=pmo, kind="policy_decision")

    by_status = await listed_decisions(client, status=["implemented"])
    by_kind = await listed_decisions(client, kind="recommendation", roundtable_id=str(pmo))
    proposed_only = ok(await client.get(f"{API}/decisions", params={"status": ["proposed"]}))

    # Newest first, so the decisions just made lead; the rest are other tables', by the same filters.
    implemented_ones = await public_decision_ids(db, status=[DecisionStatus.implemented])
    assert [d["id"] for d in by_status] == sorted(implemented_ones, reverse=True)
    assert by_status[0]["id"] == implemented["id"] and adopted["id"] not in implemented_ones
    pmo_recommendations = await public_decision_ids(db, roundtable_id=pmo, kind=DecisionKind.recommendation)
    assert [d["id"] for d in by_kind] == sorted(pmo_recommendations, reverse=True)
    assert by_kind[0]["id"] == adopted["id"] and implemented["id"] not in pmo_recommendations
    assert proposed_only["items"] == []
    hidden_table = await client.get(f"{API}/decisions", params={"roundtable_id": str(cast.other.id)})
    assert_problem(hidden_table, 404, "not_found")
