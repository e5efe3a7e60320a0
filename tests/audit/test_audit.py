"""The audit trail: every change leaves an event (who, what, before/after, which request), readable by
a roundtable's facilitators and hosts, and in full by platform admins."""

import json
import os
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from helpers import assert_problem, make_meeting, make_organisation, make_sector, ok
from knowledge_factories import Cast, make_cast, make_stakeholder
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from shulchan.identity.models import User
from shulchan.meetings.models import MeetingStatus
from shulchan.roundtables.models import Roundtable, Seat

RTS = "/api/v1/roundtables"
AUDIT = "/api/v1/audit"
ITEMS = "/api/v1/knowledge-items"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), built straight into the
    database: so every trail starts empty, and holds only what the test did through the API."""
    return await make_cast(db, settings)


async def trail(client, headers, roundtable_id, **params) -> list[dict]:
    """The roundtable's audit trail, newest first, one page of up to 200."""
    response = await client.get(f"{RTS}/{roundtable_id}/audit", params={"limit": 200} | params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def everything(client, headers, **params) -> list[dict]:
    response = await client.get(AUDIT, params={"limit": 200} | params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def new_roundtable(client, headers, cast, **overrides) -> dict:
    body = {
        "title": "שולחן לבדיקה",
        "host_organisation_id": str(cast.ministry),
        "started_on": "2026-01-01",
    } | overrides
    response = await client.post(RTS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


# --- what an event holds --------------------------------------------------------------------------


async def test_a_patch_records_who_changed_what_in_which_request(client, cast):
    facilitator = await cast.auth("facilitator")
    url = f"{RTS}/{cast.roundtables['pmo']}"
    old_title = (await client.get(url)).json()["title"]

    response = await client.patch(url, json={"title": "כותרת חדשה"}, headers=facilitator | {"X-Request-ID": "edit-42"})

    assert response.status_code == 200, response.text
    assert response.headers["x-request-id"] == "edit-42"
    [event] = await trail(client, facilitator, cast.roundtables["pmo"])
    assert event["action"] == "update"
    assert event["entity_type"] == "roundtables"
    assert event["entity_id"] == str(cast.roundtables["pmo"])
    assert event["roundtable_id"] == str(cast.roundtables["pmo"])
    assert event["actor_user_id"] == str(cast.users["facilitator"])
    assert event["changes"] == {"title": {"before": old_title, "after": "כותרת חדשה"}}
    assert event["request_id"] == "edit-42"
    assert event["created_at"]


async def test_the_request_id_is_the_one_the_response_carries(client, cast):
    host = await cast.auth("host")

    response = await client.patch(f"{RTS}/{cast.roundtables['pmo']}", json={"policy_area": "שקיפות"}, headers=host)

    generated = response.headers["x-request-id"]
    assert generated
    [event] = await trail(client, host, cast.roundtables["pmo"])
    assert event["request_id"] == generated
    assert event["actor_user_id"] == str(cast.users["host"])
    assert event["changes"]["policy_area"]["after"] == "שקיפות"


async def test_a_patch_that_changes_nothing_records_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    url = f"{RTS}/{cast.roundtables['pmo']}"
    title = (await client.get(url)).json()["title"]

    response = await client.patch(url, json={"title": title}, headers=facilitator)

    assert response.status_code == 200
    assert await trail(client, facilitator, cast.roundtables["pmo"]) == []


async def test_refused_changes_record_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    url = f"{RTS}/{cast.roundtables['pmo']}"

    assert (await client.patch(url, json={"title": "x"}, headers=facilitator | {"If-Match": '"99"'})).status_code == 412
    assert (await client.patch(url, json={"title": "x"}, headers=await cast.auth("member"))).status_code == 403
    transition = await client.post(f"{url}/transition", json={"status": "forming"}, headers=facilitator)
    assert transition.status_code == 409

    assert await trail(client, facilitator, cast.roundtables["pmo"]) == []


async def test_creating_a_roundtable_records_it_and_the_creators_seat(client, cast):
    facilitator = await cast.auth("facilitator")

    response = await client.post(
        RTS,
        json={"title": "שולחן חדש", "host_organisation_id": str(cast.ministry)},
        headers=facilitator | {"X-Request-ID": "create-1"},
    )
    created = response.json()

    events = await trail(client, facilitator, created["id"])
    assert [(e["action"], e["entity_type"]) for e in events] == [("create", "seats"), ("create", "roundtables")]
    seat_event, roundtable_event = events
    assert {e["request_id"] for e in events} == {"create-1"}
    assert {e["actor_user_id"] for e in events} == {str(cast.users["facilitator"])}
    assert roundtable_event["entity_id"] == created["id"]
    assert roundtable_event["changes"]["title"] == {"before": None, "after": "שולחן חדש"}
    assert roundtable_event["changes"]["status"] == {"before": None, "after": "forming"}
    assert seat_event["changes"]["role"] == {"before": None, "after": "facilitator"}
    assert seat_event["changes"]["stakeholder_id"]["after"] == str(cast.stakeholders["facilitator"])


async def test_transitions_are_recorded_as_such(client, cast):
    facilitator = await cast.auth("facilitator")
    created = await new_roundtable(client, facilitator, cast)

    for status in ("active", "concluded"):
        response = await client.post(f"{RTS}/{created['id']}/transition", json={"status": status}, headers=facilitator)
        assert response.status_code == 200, response.text

    transitions = await trail(client, facilitator, created["id"], action="transition")
    assert [e["changes"]["status"] for e in transitions] == [
        {"before": "active", "after": "concluded"},
        {"before": "forming", "after": "active"},
    ]
    assert transitions[0]["changes"]["ended_on"] == {"before": None, "after": response.json()["ended_on"]}
    assert set(transitions[1]["changes"]) == {"status"}


async def test_goal_create_update_delete_are_recorded(client, cast):
    host = await cast.auth("host")
    pmo = cast.roundtables["pmo"]

    goal = (await client.post(f"{RTS}/{pmo}/goals", json={"title": "מטרה"}, headers=host)).json()
    await client.patch(f"/api/v1/goals/{goal['id']}", json={"status": "achieved"}, headers=host)
    deleted = await client.delete(f"/api/v1/goals/{goal['id']}", headers=host)
    assert deleted.status_code == 204

    events = await trail(client, host, pmo, entity_type="goals")
    assert [e["action"] for e in events] == ["delete", "update", "create"]
    assert {e["entity_id"] for e in events} == {goal["id"]}
    delete, update, create = events
    assert create["changes"]["title"] == {"before": None, "after": "מטרה"}
    assert update["changes"] == {"status": {"before": "open", "after": "achieved"}}
    assert delete["changes"]["title"] == {"before": "מטרה", "after": None}
    assert delete["changes"]["status"] == {"before": "achieved", "after": None}
    assert delete["request_id"] == deleted.headers["x-request-id"]


async def test_seat_changes_are_recorded(client, cast, db):
    facilitator = await cast.auth("facilitator")
    pmo = cast.roundtables["pmo"]
    organisation = await make_organisation(db, await make_sector(db), name="עמותה לבדיקה")
    newcomer = await make_stakeholder(db, organisation, "הדס לבדיקה", "Hadas Test")
    await db.commit()

    seat = (
        await client.post(
            f"{RTS}/{pmo}/seats",
            json={"stakeholder_id": str(newcomer.id), "role": "observer"},
            headers=facilitator,
        )
    ).json()
    await client.patch(f"/api/v1/seats/{seat['id']}", json={"role": "member"}, headers=facilitator)
    await client.delete(f"/api/v1/seats/{seat['id']}", headers=facilitator)

    events = await trail(client, facilitator, pmo, entity_type="seats")
    assert [(e["action"], e["entity_id"]) for e in events] == [
        ("delete", seat["id"]),
        ("update", seat["id"]),
        ("create", seat["id"]),
    ]
    assert events[1]["changes"] == {"role": {"before": "observer", "after": "member"}}
    assert events[2]["changes"]["sector_id"]["after"] == str(organisation.sector_id)


async def test_platform_objects_are_recorded_without_a_roundtable(client, cast):
    admin = await cast.auth("admin")

    sector = (
        await client.post(
            "/api/v1/sectors", json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia"}, headers=admin
        )
    ).json()
    await client.patch(f"/api/v1/sectors/{sector['id']}", json={"colour": "#123456"}, headers=admin)
    organisation = (
        await client.post(
            "/api/v1/organisations",
            json={"name": "מכון", "sector_id": sector["id"], "kind": "university"},
            headers=await cast.auth("facilitator"),
        )
    ).json()
    person = (
        await client.post("/api/v1/stakeholders", json={"full_name": "דנה"}, headers=await cast.auth("host"))
    ).json()

    events = await everything(client, admin, limit=4)
    assert [(e["action"], e["entity_type"], e["entity_id"]) for e in events] == [
        ("create", "stakeholders", person["id"]),
        ("create", "organisations", organisation["id"]),
        ("update", "sectors", sector["id"]),
        ("create", "sectors", sector["id"]),
    ]
    assert {e["roundtable_id"] for e in events} == {None}
    assert [e["actor_user_id"] for e in events] == [
        str(cast.users[key]) for key in ("host", "facilitator", "admin", "admin")
    ]
    assert events[2]["changes"] == {"colour": {"before": "#607d8b", "after": "#123456"}}


# --- passwords never reach the trail -------------------------------------------------------------


async def test_a_new_users_password_hash_is_not_in_the_trail(client, cast, db):
    admin = await cast.auth("admin")
    password = "correct horse battery staple"

    response = await client.post(
        "/api/v1/users",
        json={"email": "new.person@example.org", "full_name": "New Person", "password": password},
        headers=admin,
    )
    assert response.status_code == 201, response.text
    user_id = response.json()["id"]

    [event] = await everything(client, admin, entity_type="users", action="create")
    assert event["entity_id"] == user_id
    assert event["changes"]["email"] == {"before": None, "after": "new.person@example.org"}
    assert "password_hash" not in event["changes"]
    assert "password" not in event["changes"]
    password_hash = await db.scalar(select(User.password_hash).where(User.email == "new.person@example.org"))
    assert password_hash  # the hash exists, just never in the trail
    raw = json.dumps(event, ensure_ascii=False)
    assert password_hash not in raw
    assert password not in raw
    assert "argon2" not in raw


async def test_a_password_reset_leaves_no_hash_in_the_trail(client, cast, db):
    admin = await cast.auth("admin")
    user_id = (
        await client.post(
            "/api/v1/users",
            json={"email": "new.person@example.org", "full_name": "New Person", "password": "first password 1"},
            headers=admin,
        )
    ).json()["id"]

    response = await client.patch(
        f"/api/v1/users/{user_id}",
        json={"password": "second password 2", "full_name": "Renamed Person"},
        headers=admin,
    )
    assert response.status_code == 200, response.text

    events = await everything(client, admin, entity_type="users")
    # The reset is recorded as an event of its own (with nothing of the password in it).
    assert [e["action"] for e in events] == ["reset_password", "update", "create"]
    assert events[0]["changes"] == {}
    assert events[1]["changes"] == {"full_name": {"before": "New Person", "after": "Renamed Person"}}
    password_hash = await db.scalar(select(User.password_hash).where(User.email == "new.person@example.org"))
    raw = json.dumps(events, ensure_ascii=False)
    assert password_hash not in raw
    assert "second password 2" not in raw
    assert "argon2" not in raw


# --- who reads the roundtable trail -------------------------------------------------------------


@pytest.mark.parametrize("reader", ["facilitator", "host", "admin"])
async def test_facilitators_hosts_and_admins_read_the_trail(client, cast, reader):
    await client.patch(f"{RTS}/{cast.roundtables['pmo']}", json={"policy_area": "x"}, headers=await cast.auth("host"))

    events = await trail(client, await cast.auth(reader), cast.roundtables["pmo"])

    assert [e["changes"]["policy_area"]["after"] for e in events] == ["x"]


@pytest.mark.parametrize("reader", ["member", "observer"])
async def test_members_and_observers_may_not_read_the_trail(client, cast, reader):
    response = await client.get(f"{RTS}/{cast.roundtables['pmo']}/audit", headers=await cast.auth(reader))

    assert_problem(response, 403, "forbidden")


async def test_outsiders_get_401_or_404(client, cast):
    assert_problem(await client.get(f"{RTS}/{cast.roundtables['pmo']}/audit"), 401, "not_authenticated")
    assert_problem(
        await client.get(f"{RTS}/{cast.roundtables['education']}/audit", headers=await cast.auth("facilitator")),
        404,
        "not_found",
    )
    assert_problem(await client.get(f"{RTS}/{cast.roundtables['education']}/audit"), 404, "not_found")


# --- the trail shows only what its reader may see ----------------------------------------------------

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
SECRET = "סוד-המנחים"  # in every title, body and file name of the facilitators' own item


@pytest.fixture
async def files_client(app_factory, sessionmaker, tmp_path):
    """A client on an app that keeps attachments in this test's own directory."""
    app = app_factory(attachments_dir=tmp_path / "attachments")
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def knowledge_with_files(client, headers, cast, visibility: str, text: str) -> str:
    """An item of `visibility`, revised once, with one file kept and one uploaded then deleted."""
    body = {"roundtable_id": str(cast.roundtables["pmo"]), "kind": "data", "language": "he"}
    item = ok(
        await client.post(ITEMS, json=body | {"title": text, "body": text, "visibility": visibility}, headers=headers),
        201,
    )
    ok(await client.patch(f"{ITEMS}/{item['id']}", json={"body": f"{text} 2"}, headers=headers | {"If-Match": "*"}))
    files = {"file": (f"{text}.pdf", PDF_BYTES, "application/pdf")}
    ok(await client.post(f"{ITEMS}/{item['id']}/attachments", files=files, headers=headers), 201)
    gone = ok(await client.post(f"{ITEMS}/{item['id']}/attachments", files=files, headers=headers), 201)
    assert (await client.delete(f"/api/v1/attachments/{gone['id']}", headers=headers)).status_code == 204
    return item["id"]


@pytest.fixture
async def private_doings(files_client, cast, db) -> dict[str, str]:
    """What the facilitator did that hosts may not see (an item for facilitators with its files, a speaking
    turn, a process note) beside what they may (an item for the roundtable with its files)."""
    facilitator = await cast.auth("facilitator")
    hidden = await knowledge_with_files(files_client, facilitator, cast, "facilitators", SECRET)
    shown = await knowledge_with_files(files_client, facilitator, cast, "roundtable", "לכולם")
    roundtable = await db.get(Roundtable, cast.roundtables["pmo"])
    held = await make_meeting(
        db,
        roundtable,
        status=MeetingStatus.held,
        starts_at=datetime.now(UTC).replace(microsecond=0) - timedelta(days=1),
    )
    await db.commit()
    member_seat = await db.scalar(
        select(Seat.id).where(Seat.roundtable_id == roundtable.id, Seat.stakeholder_id == cast.stakeholders["member"])
    )
    meeting_url = f"/api/v1/meetings/{held.id}"
    turn = {"seat_id": str(member_seat), "seconds": 90}
    ok(await files_client.post(f"{meeting_url}/speaking-turns", json=turn, headers=facilitator), 201)
    ok(await files_client.post(f"{meeting_url}/process-notes", json={"body": SECRET}, headers=facilitator), 201)
    return {"hidden": hidden, "shown": shown}


def about(events: list[dict]) -> set[str]:
    return {event["entity_type"] for event in events}


@pytest.mark.parametrize("reader", ["facilitator", "admin"])
async def test_facilitators_and_admins_read_every_entry(files_client, cast, private_doings, reader):
    events = await trail(files_client, await cast.auth(reader), cast.roundtables["pmo"])

    assert about(events) >= {"knowledge_items", "attachments", "speaking_turns", "process_notes"}
    hidden_item = [e for e in events if e["entity_id"] == private_doings["hidden"]]
    assert [e["action"] for e in hidden_item] == ["update", "create"]
    assert SECRET in json.dumps(events, ensure_ascii=False)


async def test_hosts_do_not_read_entries_about_what_they_may_not_see(files_client, cast, private_doings):
    host = await cast.auth("host")
    assert_problem(await files_client.get(f"{ITEMS}/{private_doings['hidden']}", headers=host), 404, "not_found")

    events = await trail(files_client, host, cast.roundtables["pmo"])

    assert SECRET not in json.dumps(events, ensure_ascii=False)
    assert about(events) & {"speaking_turns", "process_notes"} == set()
    assert all(e["entity_id"] != private_doings["hidden"] for e in events)
    # What they may see is all there: the roundtable's item, its revision, both files and the deletion.
    shown = [e for e in events if e["entity_id"] == private_doings["shown"]]
    assert [e["action"] for e in shown] == ["update", "create"]
    files = [(e["action"], e["entity_type"]) for e in events if e["entity_type"] == "attachments"]
    assert files == [("delete", "attachments"), ("create", "attachments"), ("create", "attachments")]


async def test_an_item_made_facilitators_only_takes_its_history_out_of_the_hosts_trail(files_client, cast):
    facilitator, host = await cast.auth("facilitator"), await cast.auth("host")
    item = await knowledge_with_files(files_client, facilitator, cast, "roundtable", SECRET)
    assert any(e["entity_id"] == item for e in await trail(files_client, host, cast.roundtables["pmo"]))

    ok(
        await files_client.patch(
            f"{ITEMS}/{item}", json={"visibility": "facilitators"}, headers=facilitator | {"If-Match": "*"}
        )
    )

    events = await trail(files_client, host, cast.roundtables["pmo"])
    assert SECRET not in json.dumps(events, ensure_ascii=False)
    assert await trail(files_client, host, cast.roundtables["pmo"], entity_type="attachments") == []


async def test_pages_of_a_hosts_trail_skip_hidden_entries_without_coming_up_short(files_client, cast, private_doings):
    host = await cast.auth("host")
    everything_seen = await trail(files_client, host, cast.roundtables["pmo"])

    first = ok(await files_client.get(f"{RTS}/{cast.roundtables['pmo']}/audit", params={"limit": 2}, headers=host))
    rest = await trail(files_client, host, cast.roundtables["pmo"], cursor=first["next_cursor"])

    assert [e["id"] for e in first["items"] + rest] == [e["id"] for e in everything_seen]


async def test_the_trail_of_one_roundtable_holds_only_its_events(client, cast):
    await client.patch(
        f"{RTS}/{cast.roundtables['pmo']}", json={"policy_area": "x"}, headers=await cast.auth("facilitator")
    )
    await client.patch(
        f"{RTS}/{cast.roundtables['education']}", json={"policy_area": "y"}, headers=await cast.auth("facilitator2")
    )

    pmo = await trail(client, await cast.auth("facilitator"), cast.roundtables["pmo"])
    education = await trail(client, await cast.auth("facilitator2"), cast.roundtables["education"])

    assert [e["changes"]["policy_area"]["after"] for e in pmo] == ["x"]
    assert [e["changes"]["policy_area"]["after"] for e in education] == ["y"]


async def test_newest_first_in_keyset_pages(client, cast):
    host = await cast.auth("host")
    pmo = cast.roundtables["pmo"]
    for n in range(7):
        response = await client.post(f"{RTS}/{pmo}/goals", json={"title": f"מטרה {n}"}, headers=host)
        assert response.status_code == 201

    pages, params = [], {"limit": 3}
    while True:
        response = await client.get(f"{RTS}/{pmo}/audit", params=params, headers=host)
        assert response.status_code == 200, response.text
        pages.append(response.json()["items"])
        if response.json()["next_cursor"] is None:
            break
        params["cursor"] = response.json()["next_cursor"]

    assert [len(page) for page in pages] == [3, 3, 1]
    titles = [e["changes"]["title"]["after"] for page in pages for e in page]
    assert titles == [f"מטרה {n}" for n in reversed(range(7))]
    flat = [e for page in pages for e in page]
    assert [e["id"] for e in flat] == sorted((e["id"] for e in flat), reverse=True)
    created = [e["created_at"] for e in flat]
    assert created == sorted(created, reverse=True)


async def test_a_bad_cursor_is_refused(client, cast):
    response = await client.get(
        f"{RTS}/{cast.roundtables['pmo']}/audit", params={"cursor": "not-a-cursor"}, headers=await cast.auth("host")
    )

    assert_problem(response, 400, "invalid_cursor")


async def test_filters_by_entity_type_and_action(client, cast):
    facilitator = await cast.auth("facilitator")
    pmo = cast.roundtables["pmo"]
    goal = (await client.post(f"{RTS}/{pmo}/goals", json={"title": "מטרה"}, headers=facilitator)).json()
    await client.patch(f"/api/v1/goals/{goal['id']}", json={"title": "מטרה מעודכנת"}, headers=facilitator)
    await client.patch(f"{RTS}/{pmo}", json={"policy_area": "x"}, headers=facilitator)

    updates = await trail(client, facilitator, pmo, action="update")
    goal_events = await trail(client, facilitator, pmo, entity_type="goals")
    goal_updates = await trail(client, facilitator, pmo, entity_type="goals", action="update")

    assert [(e["entity_type"], e["action"]) for e in updates] == [("roundtables", "update"), ("goals", "update")]
    assert [e["action"] for e in goal_events] == ["update", "create"]
    assert [e["changes"] for e in goal_updates] == [{"title": {"before": "מטרה", "after": "מטרה מעודכנת"}}]
    assert await trail(client, facilitator, pmo, entity_type="meetings") == []


# --- the platform-wide trail ------------------------------------------------------------------------


async def test_admin_reads_the_whole_trail_with_filters(client, cast):
    admin = await cast.auth("admin")
    await client.patch(f"{RTS}/{cast.roundtables['pmo']}", json={"policy_area": "x"}, headers=await cast.auth("host"))
    await client.patch(
        f"{RTS}/{cast.roundtables['education']}", json={"policy_area": "y"}, headers=await cast.auth("facilitator2")
    )
    await client.post(
        "/api/v1/sectors", json={"key": "academia", "name_he": "אקדמיה", "name_en": "Academia"}, headers=admin
    )

    all_events = await everything(client, admin)
    by_table = await everything(client, admin, roundtable_id=str(cast.roundtables["education"]))
    by_actor = await everything(client, admin, actor_user_id=str(cast.users["host"]))
    sectors = await everything(client, admin, entity_type="sectors", action="create")

    assert [e["entity_type"] for e in all_events[:3]] == ["sectors", "roundtables", "roundtables"]
    assert [e["changes"]["policy_area"]["after"] for e in by_table] == ["y"]
    assert [(e["entity_id"], e["changes"]["policy_area"]["after"]) for e in by_actor] == [
        (str(cast.roundtables["pmo"]), "x")
    ]
    assert [e["changes"]["key"]["after"] for e in sectors] == ["academia"]
    assert await everything(client, admin, entity_type="sectors", action="delete") == []


@pytest.mark.parametrize("who", ["facilitator", "host", "member", "outsider"])
async def test_only_admins_read_the_whole_trail(client, cast, who):
    assert_problem(await client.get(AUDIT, headers=await cast.auth(who)), 403, "forbidden")


async def test_the_public_does_not_read_the_whole_trail(client):
    assert_problem(await client.get(AUDIT), 401, "not_authenticated")


@pytest.mark.skipif(
    os.environ.get("SHULCHAN_TEST_DATABASE", "sqlite") != "postgresql", reason="the trigger is PostgreSQL's"
)
async def test_postgresql_refuses_to_rewrite_the_trail(client, cast, db):
    await client.patch(f"{RTS}/{cast.roundtables['pmo']}", json={"policy_area": "x"}, headers=await cast.auth("host"))

    for statement in ("UPDATE audit_events SET action = 'forged'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with db.begin_nested():
                await db.execute(text(statement))

    assert [e["action"] for e in await trail(client, await cast.auth("host"), cast.roundtables["pmo"])] == ["update"]
