"""Process notes: the facilitator's private journal of a meeting. Nobody else may learn a note exists,
and the audit trail (read by hosts) records that notes changed, never what they say."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from helpers import Table, assert_problem, make_table, signed_in
from sqlalchemy import select

from shulchan.access.permissions import Role
from shulchan.audit.models import AuditEvent

API = "/api/v1"
FIRST_TEXT = "הדינמיקה: נציגי הממשלה שלטו בדיון; לזמן את החברה האזרחית ראשונה בפעם הבאה. zebrafinch-first"
SECOND_TEXT = "מעקב: שיחה אישית עם נציגת הקרן לפני המפגש הבא. zebrafinch-second"


@pytest.fixture
async def table(db, settings) -> Table:
    table = await make_table(db, settings, members=1)
    await db.commit()
    return table


@pytest.fixture
def facilitator(table):
    return table.facilitator


@pytest.fixture
async def people(db, settings, table) -> dict[str, dict[str, str]]:
    """Everyone but the table's facilitator: its host, member and an observer; a facilitator of
    another table; an outsider with no seat; and anonymous."""
    other = await make_table(db, settings, members=0)
    headers = {
        "host": table.host,
        "member": table.members[0],
        "observer": await signed_in(db, settings, table.roundtable, Role.observer),
        "facilitator2": other.facilitator,
        "outsider": await signed_in(db, settings),
        "anonymous": {},
    }
    await db.commit()
    return headers


@pytest.fixture
async def meeting(client, facilitator, table) -> str:
    start = datetime.now(UTC) - timedelta(hours=3)
    response = await client.post(
        f"{API}/roundtables/{table.roundtable.id}/meetings",
        headers=facilitator,
        json={
            "title": "מפגש",
            "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=2)).isoformat(),
            "mode": "in_person",
            "venue_name": "ירושלים",
        },
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def write_note(client, headers, meeting_id, body=FIRST_TEXT) -> dict:
    response = await client.post(f"{API}/meetings/{meeting_id}/process-notes", headers=headers, json={"body": body})
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_facilitator_writes_reads_edits_and_deletes_a_note(client, table, facilitator, meeting):
    created = await client.post(
        f"{API}/meetings/{meeting}/process-notes", headers=facilitator, json={"body": FIRST_TEXT}
    )
    assert created.status_code == 201, created.text
    note = created.json()
    url = f"{API}/process-notes/{note['id']}"
    assert created.headers["location"] == url and created.headers["etag"] == '"1"'
    assert (note["body"], note["meeting_id"], note["author_user_id"], note["version"]) == (
        FIRST_TEXT,
        meeting,
        str(table.facilitator_user.id),
        1,
    )

    fetched = await client.get(url, headers=facilitator)
    assert fetched.status_code == 200 and fetched.json()["body"] == FIRST_TEXT
    edited = await client.patch(url, headers={**facilitator, "If-Match": '"1"'}, json={"body": SECOND_TEXT})
    assert edited.status_code == 200, edited.text
    assert edited.json()["body"] == SECOND_TEXT and edited.headers["etag"] == '"2"'

    stale = await client.patch(url, headers={**facilitator, "If-Match": '"1"'}, json={"body": "דריסה"})
    assert assert_problem(stale, 412, "stale_version")["current_version"] == 2
    assert_problem(await client.delete(url, headers={**facilitator, "If-Match": '"1"'}), 412, "stale_version")
    assert (await client.get(url, headers=facilitator)).json()["body"] == SECOND_TEXT

    deleted = await client.delete(url, headers={**facilitator, "If-Match": '"2"'})
    assert deleted.status_code == 204
    assert_problem(await client.get(url, headers=facilitator), 404, "not_found")
    listed = await client.get(f"{API}/meetings/{meeting}/process-notes", headers=facilitator)
    assert listed.json() == {"items": [], "next_cursor": None}


async def test_an_empty_note_is_refused(client, facilitator, meeting):
    for body in ("", "   "):
        response = await client.post(
            f"{API}/meetings/{meeting}/process-notes", headers=facilitator, json={"body": body}
        )
        assert_problem(response, 422, "validation_error")


async def test_a_meetings_notes_are_listed_oldest_first_by_cursor(client, facilitator, meeting):
    written = [(await write_note(client, facilitator, meeting, f"הערה {n}"))["id"] for n in range(5)]

    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = await client.get(f"{API}/meetings/{meeting}/process-notes", headers=facilitator, params=params)
        assert page.status_code == 200, page.text
        seen += [note["id"] for note in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break

    assert seen == written


@pytest.mark.parametrize("who", ["host", "member", "observer", "facilitator2", "outsider", "anonymous"])
async def test_notes_do_not_exist_for_anyone_but_the_facilitators(client, people, facilitator, meeting, who):
    note = await write_note(client, facilitator, meeting)
    headers = people[who]
    notes_url, note_url = f"{API}/meetings/{meeting}/process-notes", f"{API}/process-notes/{note['id']}"

    assert_problem(await client.get(notes_url, headers=headers), 404, "not_found")
    assert_problem(await client.get(note_url, headers=headers), 404, "not_found")
    assert_problem(await client.post(notes_url, headers=headers, json={"body": "ניסיון"}), 404, "not_found")
    assert_problem(
        await client.patch(note_url, headers={**headers, "If-Match": '"1"'}, json={"body": "ניסיון"}), 404, "not_found"
    )
    assert_problem(await client.delete(note_url, headers=headers), 404, "not_found")
    # The same answer as for a note that never was: nothing tells the two apart.
    never = await client.get(f"{API}/process-notes/{uuid.uuid4()}", headers=headers)
    assert_problem(never, 404, "not_found")

    unchanged = await client.get(note_url, headers=facilitator)
    assert unchanged.json()["body"] == FIRST_TEXT and unchanged.json()["version"] == 1
    listed = await client.get(notes_url, headers=facilitator)
    assert [n["id"] for n in listed.json()["items"]] == [note["id"]]


async def test_the_audit_trail_records_note_changes_without_their_text(client, db, table, facilitator, meeting):
    note = await write_note(client, facilitator, meeting)
    url = f"{API}/process-notes/{note['id']}"
    assert (await client.patch(url, headers=facilitator, json={"body": SECOND_TEXT})).status_code == 200
    second = await write_note(client, facilitator, meeting, SECOND_TEXT)
    assert (await client.delete(f"{API}/process-notes/{second['id']}", headers=facilitator)).status_code == 204

    rows = (
        await db.scalars(select(AuditEvent).where(AuditEvent.entity_type == "process_notes").order_by(AuditEvent.id))
    ).all()
    assert [(str(row.entity_id), row.action) for row in rows] == [
        (note["id"], "create"),
        (note["id"], "update"),
        (second["id"], "create"),
        (second["id"], "delete"),
    ]
    assert all(row.changes == {} for row in rows)
    assert {row.roundtable_id for row in rows} == {table.roundtable.id}
    assert {row.actor_user_id for row in rows} == {table.facilitator_user.id}

    # The facilitator's trail shows that notes changed, never what they say; the host's (who may not
    # read process notes) does not show them at all.
    for headers, expected in ((facilitator, 4), (table.host, 0)):
        trail = await client.get(
            f"{API}/roundtables/{table.roundtable.id}/audit", headers=headers, params={"limit": 200}
        )
        assert trail.status_code == 200, trail.text
        events = trail.json()["items"]
        assert trail.json()["next_cursor"] is None  # the whole trail is in view
        note_events = [e for e in events if e["entity_type"] == "process_notes"]
        assert len(note_events) == expected and all(e["changes"] == {} for e in note_events)
        for text in (FIRST_TEXT, SECOND_TEXT, "zebrafinch"):
            assert text not in trail.text


async def test_a_note_is_not_found_by_search(client, table, facilitator, meeting):
    await write_note(client, facilitator, meeting)
    paper = await client.post(
        f"{API}/knowledge-items",
        headers=facilitator,
        json={
            "roundtable_id": str(table.roundtable.id),
            "kind": "background_paper",
            "title": "נייר רקע zebrafinch",
            "body": "רקע.",
            "language": "he",
        },
    )
    assert paper.status_code == 201, paper.text

    for headers in (facilitator, table.host, table.members[0]):
        found = await client.get(f"{API}/search", headers=headers, params={"q": "zebrafinch"})
        assert found.status_code == 200, found.text
        # The search does find the word, in the paper; never in the note.
        assert [hit["entity_id"] for hit in found.json()["items"]] == [paper.json()["id"]]
        assert "zebrafinch-first" not in found.text
