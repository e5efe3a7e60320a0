"""The facilitator's full cycle through the API alone, and what every other role sees of it.

Schedule → agenda with a briefing pack → invite → RSVP → attendance and speaking turns → minutes written,
circulated, commented, approved → an agreement every sector endorses → adopted by the host → action
items assigned and closed.
"""

from datetime import UTC, datetime, timedelta

import pytest
from decision_factories import SEATED, Cast, make_cast

from shulchan.roundtables.models import Role

PROBLEM = "application/problem+json"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """A roundtable of the test's own, seated across three sectors (see decision_factories.Cast)."""
    return await make_cast(db, settings)


async def _ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


async def test_facilitator_runs_a_meeting_from_agenda_to_adopted_agreement(client, cast):
    pmo = cast.roundtable.id
    facilitator, host, member, observer = [await cast.auth(k) for k in ("facilitator", "host", "member", "observer")]
    outsider, anonymous = await cast.auth("outsider"), {}

    # A knowledge item to brief the table with.
    paper = await _ok(
        await client.post(
            "/api/v1/knowledge-items",
            headers=facilitator,
            json={
                "roundtable_id": str(pmo),
                "kind": "background_paper",
                "title": "תעסוקה בפריפריה",
                "body": "רקע על מדיניות התעסוקה ובחינוך המקצועי.",
                "language": "he",
                "tags": ["employment"],
            },
        ),
        201,
    )

    # Schedule a meeting an hour ago (so attendance can be taken) and build its agenda.
    start = datetime.now(UTC) - timedelta(hours=1)
    meeting = await _ok(
        await client.post(
            f"/api/v1/roundtables/{pmo}/meetings",
            headers=facilitator,
            json={
                "title": "מפגש השולחן - תעסוקה",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "hybrid",
                "venue_name": "משרד ראש הממשלה",
                "online_url": "https://meet.example.org/pmo",
            },
        ),
        201,
    )
    mid = meeting["id"]
    first = await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/agenda-items", headers=facilitator, json={"title": "פתיחה", "planned_minutes": 15}
        ),
        201,
    )
    second = await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/agenda-items",
            headers=facilitator,
            json={"title": "תעסוקה בפריפריה", "planned_minutes": 60, "knowledge_item_ids": [paper["id"]]},
        ),
        201,
    )
    assert second["knowledge_item_ids"] == [paper["id"]]
    proposed = await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/agenda-items",
            headers=member,
            json={"title": "הצעה של החברה האזרחית", "planned_minutes": 20},
        ),
        201,
    )
    assert proposed["status"] == "proposed"
    await _ok(
        await client.post(f"/api/v1/agenda-items/{proposed['id']}/review", headers=host, json={"status": "accepted"})
    )
    agenda = await _ok(
        await client.put(
            f"/api/v1/meetings/{mid}/agenda/order",
            headers=facilitator,
            json={"item_ids": [second["id"], first["id"], proposed["id"]]},
        )
    )
    assert [i["id"] for i in agenda["items"]] == [second["id"], first["id"], proposed["id"]]
    assert agenda["planned_minutes"] == 95 and agenda["meeting_minutes"] == 120 and agenda["over_by_minutes"] == 0

    # Invite every seat; each answers for their own seat.
    invitations = await _ok(await client.post(f"/api/v1/meetings/{mid}/invitations", headers=facilitator, json={}))
    assert len(invitations["items"]) == len(SEATED)  # every current seat; the departed member's is not
    after_rsvp = await _ok(
        await client.put(f"/api/v1/meetings/{mid}/rsvp", headers=member, json={"response": "yes", "note": "אגיע"})
    )
    mine = [i for i in after_rsvp["items"] if i["stakeholder_id"] == str(cast.stakeholders["member"])]
    assert mine and mine[0]["response"] == "yes"

    # The meeting is held: attendance and speaking turns.
    await _ok(await client.post(f"/api/v1/meetings/{mid}/transition", headers=facilitator, json={"status": "held"}))
    seats = {i["stakeholder_id"]: i for i in invitations["items"]}
    attendance = await _ok(
        await client.put(
            f"/api/v1/meetings/{mid}/attendance",
            headers=facilitator,
            json={
                "entries": [{"seat_id": i["seat_id"], "status": "present"} for i in invitations["items"][:5]]
                + [{"seat_id": i["seat_id"], "status": "absent"} for i in invitations["items"][5:]]
                + [{"guest_name": "אורחת מהאוצר", "status": "present"}]
            },
        )
    )
    assert attendance["guests"] == 1 and attendance["by_sector"]
    member_seat = seats[str(cast.stakeholders["member"])]["seat_id"]
    host_seat = seats[str(cast.stakeholders["host"])]["seat_id"]
    await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/speaking-turns",
            headers=facilitator,
            json={"seat_id": member_seat, "agenda_item_id": second["id"], "seconds": 120},
        ),
        201,
    )
    speaking = await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/speaking-turns", headers=facilitator, json={"seat_id": host_seat, "seconds": 60}
        ),
        201,
    )
    assert speaking["total_seconds"] == 180
    assert abs(sum(s["share"] for s in speaking["by_sector"]) - 1.0) < 0.001

    # Minutes: draft → circulated → comment → approved.
    minutes = await _ok(
        await client.post(
            f"/api/v1/meetings/{mid}/minutes",
            headers=facilitator,
            json={"body": "פסקה ראשונה.\n\nהוחלט לקדם תוכנית תעסוקה."},
        ),
        201,
    )
    assert (await client.get(f"/api/v1/minutes/{minutes['id']}", headers=member)).status_code == 404
    circulated = await _ok(
        await client.post(
            f"/api/v1/minutes/{minutes['id']}/transition", headers=facilitator, json={"status": "circulated"}
        )
    )
    await _ok(
        await client.post(
            f"/api/v1/minutes/{minutes['id']}/comments",
            headers=member,
            json={"body": "לדייק את הניסוח", "paragraph": 1},
        ),
        201,
    )
    approved = await _ok(
        await client.post(
            f"/api/v1/minutes/{minutes['id']}/transition",
            headers={**host, "If-Match": f'"{circulated["version"]}"'},
            json={"status": "approved"},
        )
    )
    assert approved["status"] == "approved"
    assert approved["shown_revision"]["approved_by_user_id"] == str(cast.users["host"].id)
    assert (await client.get(f"/api/v1/minutes/{minutes['id']}", headers=observer)).status_code == 200

    # An agreement, endorsed by every sector, adopted by the host.
    decision = await _ok(
        await client.post(
            f"/api/v1/roundtables/{pmo}/decisions",
            headers=facilitator,
            json={"kind": "agreement", "title": "תוכנית תעסוקה משותפת", "text": "השולחן מסכים...", "meeting_id": mid},
        ),
        201,
    )
    did = decision["id"]
    for status in ("in_discussion", "agreed"):
        await _ok(
            await client.post(f"/api/v1/decisions/{did}/transition", headers=facilitator, json={"status": status})
        )
    current = await _ok(await client.get(f"/api/v1/decisions/{did}", headers=facilitator))
    assert current["consensus"] is False
    # One supporting seat-holder per sector among the table's hosts and members.
    supporters = await _one_user_per_sector(cast, current)
    for headers in supporters:
        await _ok(
            await client.put(
                f"/api/v1/decisions/{did}/endorsement", headers=headers, json={"position": "supports", "comment": "בעד"}
            )
        )
    current = await _ok(await client.get(f"/api/v1/decisions/{did}", headers=facilitator))
    assert current["consensus"] is True, current["by_sector"]
    refused = await client.post(f"/api/v1/decisions/{did}/transition", headers=facilitator, json={"status": "adopted"})
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM
    adopted = await _ok(
        await client.post(
            f"/api/v1/decisions/{did}/transition",
            headers=host,
            json={"status": "adopted", "adoption_reference": "החלטת ממשלה 1234"},
        )
    )
    assert adopted["status"] == "adopted" and [h["to_status"] for h in adopted["history"]] == [
        "proposed",
        "in_discussion",
        "agreed",
        "adopted",
    ]

    # The public now sees the adopted decision; the outsider sees it too, but never the meeting.
    assert (await client.get(f"/api/v1/decisions/{did}", headers=anonymous)).status_code == 200
    assert (await client.get(f"/api/v1/meetings/{mid}", headers=outsider)).status_code == 404

    # Action items: assigned, followed up, closed by their owner.
    item = await _ok(
        await client.post(
            f"/api/v1/roundtables/{pmo}/action-items",
            headers=facilitator,
            json={
                "title": "לנסח מסמך יישום",
                "owner_stakeholder_id": str(cast.stakeholders["member"]),
                "due_date": (datetime.now(UTC).date() - timedelta(days=1)).isoformat(),
                "decision_id": did,
            },
        ),
        201,
    )
    assert item["overdue"] is True
    follow_up = await _ok(await client.get(f"/api/v1/meetings/{mid}/follow-up", headers=host))
    assert item["id"] in [i["id"] for i in follow_up]
    done = await _ok(await client.patch(f"/api/v1/action-items/{item['id']}", headers=member, json={"status": "done"}))
    assert done["status"] == "done" and done["overdue"] is False and done["completed_at"]

    # Roles see what DESIGN.md §3 allows of this cycle.
    assert (await client.get(f"/api/v1/meetings/{mid}/attendance", headers=host)).status_code == 200
    assert (await client.get(f"/api/v1/meetings/{mid}/attendance", headers=member)).status_code == 403
    assert (await client.get(f"/api/v1/meetings/{mid}/process-notes", headers=host)).status_code == 404
    assert (await client.get(f"/api/v1/meetings/{mid}/speaking-turns", headers=member)).status_code == 403

    # The approved minutes and the paper are found by search, Hebrew prefixes and all.
    found = await _ok(await client.get("/api/v1/search", headers=member, params={"q": "חינוך"}))
    assert paper["id"] in [hit["entity_id"] for hit in found["items"]]


async def _one_user_per_sector(cast: Cast, decision: dict) -> list[dict[str, str]]:
    """Headers for one host or member seat-holder in every sector that holds such seats at the table."""
    by_sector = {
        str(cast.sectors[sector]): key for key, (sector, role) in SEATED.items() if role in (Role.host, Role.member)
    }
    return [await cast.auth(by_sector[summary["sector_id"]]) for summary in decision["by_sector"]]
