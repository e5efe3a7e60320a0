"""Knowledge on the one write path: every change leaves a domain event (and its search entry) written by
events.service in the change's own transaction, and a change rolled back leaves neither."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from helpers import edit, events_of, ok
from knowledge_factories import Cast, make_cast
from sqlalchemy import select

from shulchan.access.permissions import CallerKind, CurrentUser, Principal
from shulchan.audit.models import AuditEvent
from shulchan.core.models import Language, utcnow
from shulchan.events import service as changes
from shulchan.events.models import DomainEvent
from shulchan.knowledge import service
from shulchan.knowledge.models import KnowledgeItem
from shulchan.knowledge.schemas import KnowledgeItemCreate
from shulchan.search.models import SearchEntry

ITEMS = "/api/v1/knowledge-items"
SEARCH = "/api/v1/search"
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), not the demo story's."""
    return await make_cast(db, settings)


async def add_item(client, headers, cast, roundtable: str = "pmo", **overrides) -> dict:
    body = {
        "roundtable_id": str(cast.roundtables[roundtable]),
        "kind": "research",
        "title": "Quillwort survey",
        "body": "The quillwort survey counted plants.",
        "language": "en",
    }
    return ok(await client.post(ITEMS, json=body | overrides, headers=headers), 201)


async def found_ids(client, headers, q: str) -> set[str]:
    page = ok(await client.get(SEARCH, params={"q": q, "limit": 200}, headers=headers))
    return {hit["entity_id"] for hit in page["items"]}


def admin_principal(cast) -> Principal:
    user = CurrentUser(
        id=cast.users["admin"],
        email="admin@example.org",
        full_name="Admin",
        preferred_language=Language.he,
        is_active=True,
        is_platform_admin=True,
        created_at=utcnow(),
        version=1,
    )
    return Principal(kind=CallerKind.user, user=user)


# --- items -----------------------------------------------------------------------------------------


async def test_creating_updating_and_archiving_an_item_are_announced(client, cast, db):
    facilitator = await cast.auth("facilitator")
    item = await add_item(client, facilitator, cast)
    edited = ok(
        await client.patch(
            f"{ITEMS}/{item['id']}",
            json={"title": "Quillwort census"},
            headers=facilitator | {"If-Match": f'"{item["version"]}"'},
        )
    )
    archived = ok(await client.post(f"{ITEMS}/{item['id']}/archive", headers=facilitator))
    ok(await client.post(f"{ITEMS}/{item['id']}/unarchive", headers=facilitator))

    events = await events_of(db, item["id"])
    assert [event.type for event in events] == [
        "knowledge_item.created",
        "knowledge_item.updated",
        "knowledge_item.archived",
        "knowledge_item.unarchived",
    ]
    created, updated, archiving, _ = events
    assert all(event.entity_type == "knowledge_item" for event in events)
    assert all(event.roundtable_id == cast.roundtables["pmo"] for event in events)
    assert all(event.actor_user_id == cast.users["facilitator"] for event in events)
    assert not any(event.tombstone for event in events)
    assert [created.version, updated.version, archiving.version] == [1, edited["version"], archived["version"]]
    # the payload is the item as GET shows it
    assert created.payload["title"] == "Quillwort survey" and created.payload["revision"] == 1
    assert updated.payload == edited
    assert archiving.payload["archived_at"] is not None
    assert len({event.position for event in events}) == 4


async def test_a_shared_library_item_is_announced_without_a_roundtable(client, cast, db):
    admin = await cast.auth("admin")
    body = {"kind": "link", "title": "Shared quillwort guide", "language": "en", "visibility": "public"}
    item = ok(await client.post(ITEMS, json=body, headers=admin), 201)
    (event,) = await events_of(db, item["id"])
    assert (event.type, event.roundtable_id, event.payload["roundtable_id"]) == ("knowledge_item.created", None, None)


async def test_a_change_that_changes_nothing_announces_nothing(client, cast, db):
    facilitator = await cast.auth("facilitator")
    item = await add_item(client, facilitator, cast)
    same = ok(await edit(client, f"{ITEMS}/{item['id']}", json={"title": item["title"]}, headers=facilitator))
    assert same["version"] == item["version"]
    assert [event.type for event in await events_of(db, item["id"])] == ["knowledge_item.created"]


async def test_the_audit_entry_comes_with_the_event(client, cast, db):
    facilitator = await cast.auth("facilitator")
    item = await add_item(client, facilitator, cast)
    ok(await edit(client, f"{ITEMS}/{item['id']}", json={"summary": "Counted."}, headers=facilitator))
    audits = (
        await db.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == uuid.UUID(item["id"])).order_by(AuditEvent.created_at)
        )
    ).all()
    assert [entry.action for entry in audits] == ["create", "update"]
    assert audits[1].changes["summary"] == {"before": "", "after": "Counted."}
    assert audits[1].roundtable_id == cast.roundtables["pmo"]


# --- links -----------------------------------------------------------------------------------------


async def add_meeting(client, headers, cast) -> dict:
    start = datetime.now(UTC) + timedelta(days=7)
    body = {
        "title": "מפגש",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/x",
    }
    return ok(
        await client.post(f"/api/v1/roundtables/{cast.roundtables['pmo']}/meetings", json=body, headers=headers), 201
    )


async def test_each_link_added_or_removed_is_announced(client, cast, db):
    facilitator = await cast.auth("facilitator")
    first, second = await add_meeting(client, facilitator, cast), await add_meeting(client, facilitator, cast)
    item = await add_item(client, facilitator, cast, links=[{"target_type": "meeting", "target_id": first["id"]}])
    relinked = ok(
        await edit(
            client,
            f"{ITEMS}/{item['id']}",
            json={"links": [{"target_type": "meeting", "target_id": second["id"]}]},
            headers=facilitator,
        )
    )
    assert relinked["version"] == item["version"] + 1  # the links are part of the item a client reads
    assert relinked["revision"] == 1  # but no new revision: title, body and summary are as they were

    link_events = (
        await db.scalars(
            select(DomainEvent)
            .where(DomainEvent.entity_type == "knowledge_link", DomainEvent.roundtable_id == cast.roundtables["pmo"])
            .order_by(DomainEvent.position)
        )
    ).all()
    ours = [event for event in link_events if event.payload["knowledge_item_id"] == item["id"]]
    assert [(event.type, event.payload["target_id"], event.tombstone) for event in ours] == [
        ("knowledge_link.created", first["id"], False),
        ("knowledge_link.deleted", first["id"], True),
        ("knowledge_link.created", second["id"], False),
    ]
    assert ours[0].entity_id == ours[1].entity_id != ours[2].entity_id
    item_events = await events_of(db, item["id"])
    assert [event.type for event in item_events] == ["knowledge_item.created", "knowledge_item.updated"]
    assert item_events[0].payload["links"] == [{"target_type": "meeting", "target_id": first["id"]}]
    assert item_events[1].payload["links"] == [{"target_type": "meeting", "target_id": second["id"]}]


# --- attachments -----------------------------------------------------------------------------------


@pytest.fixture
async def files_client(app_factory, sessionmaker, tmp_path):
    app = app_factory(attachments_dir=tmp_path / "attachments")
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_attachments_added_and_deleted_are_announced(files_client, cast, db):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    attachment = ok(
        await files_client.post(
            f"{ITEMS}/{item['id']}/attachments", files={"file": ("a.pdf", PDF_BYTES, "application/pdf")}, headers=member
        ),
        201,
    )
    deleted = await files_client.delete(f"/api/v1/attachments/{attachment['id']}", headers=member)
    assert deleted.status_code == 204, deleted.text

    events = await events_of(db, attachment["id"])
    assert [(event.type, event.entity_type, event.tombstone) for event in events] == [
        ("attachment.created", "attachment", False),
        ("attachment.deleted", "attachment", True),
    ]
    assert all(event.roundtable_id == cast.roundtables["pmo"] for event in events)
    assert events[0].payload == attachment
    assert events[1].payload == attachment  # a tombstone carries the last state


# --- the search index, kept in step by the item's index hook -----------------------------------------


async def test_the_search_index_follows_every_change(client, cast, db):
    facilitator = await cast.auth("facilitator")
    item = await add_item(client, facilitator, cast, title="Zorblax findings", body="Zorblax grows by rivers.")
    assert item["id"] in await found_ids(client, facilitator, "zorblax")

    ok(
        await edit(
            client,
            f"{ITEMS}/{item['id']}",
            json={"title": "Flimwort findings", "body": "By rivers."},
            headers=facilitator,
        )
    )
    assert item["id"] in await found_ids(client, facilitator, "flimwort")
    assert item["id"] not in await found_ids(client, facilitator, "zorblax")

    ok(await client.post(f"{ITEMS}/{item['id']}/archive", headers=facilitator))
    assert item["id"] not in await found_ids(client, facilitator, "flimwort")
    ok(await client.post(f"{ITEMS}/{item['id']}/unarchive", headers=facilitator))
    assert item["id"] in await found_ids(client, facilitator, "flimwort")

    # Items have no delete route (they are archived); the write path's deletion still unindexes and
    # leaves a tombstone, for whatever comes to delete them.
    stored = await db.get(KnowledgeItem, uuid.UUID(item["id"]))
    await changes.deleted(db, admin_principal(cast), stored)
    await db.commit()
    assert item["id"] not in await found_ids(client, facilitator, "flimwort")
    assert await db.scalar(select(SearchEntry).where(SearchEntry.entity_id == uuid.UUID(item["id"]))) is None
    last = (await events_of(db, item["id"]))[-1]
    assert (last.type, last.tombstone, last.payload["title"]) == ("knowledge_item.deleted", True, "Flimwort findings")


# --- a change rolled back leaves nothing -----------------------------------------------------------


async def test_a_rolled_back_change_leaves_no_event_and_no_search_entry(client, cast, sessionmaker, db):
    principal = admin_principal(cast)
    body = KnowledgeItemCreate(
        roundtable_id=cast.roundtables["pmo"], kind="research", title="Grumblewick notes", language="en"
    )
    async with sessionmaker() as session:
        created = await service.create_item(session, principal, body)  # flushed: row, audit, index, event queued
        assert await session.get(KnowledgeItem, created.id) is not None
        await session.rollback()
        # the queued event went with the rollback: a later commit in the same session writes only its own
        kept = await service.create_item(session, principal, body.model_copy(update={"title": "Grumblewick kept"}))
        await session.commit()

    assert await events_of(db, created.id) == []
    assert await db.get(KnowledgeItem, created.id) is None
    assert await db.scalar(select(SearchEntry).where(SearchEntry.entity_id == created.id)) is None
    assert [event.type for event in await events_of(db, kept.id)] == ["knowledge_item.created"]
    assert await found_ids(client, await cast.auth("facilitator"), "grumblewick") == {str(kept.id)}


async def test_a_request_that_fails_after_its_writes_leaves_no_event(client, cast, db, monkeypatch):
    """A request whose link removal, edit and index update were flushed (and their events queued), and
    which then fails: the rollback takes the queued events with it, and the index entry is as before."""
    facilitator = await cast.auth("facilitator")
    meeting = await add_meeting(client, facilitator, cast)
    link = {"target_type": "meeting", "target_id": meeting["id"]}
    item = await add_item(client, facilitator, cast, title="Snorkelwhip notes", links=[link])
    positions = [event.position for event in await events_of(db, item["id"])]
    last_position = await db.scalar(select(DomainEvent.position).order_by(DomainEvent.position.desc()).limit(1))

    def broken(*_args: object) -> None:
        raise RuntimeError("the read after the write fails")

    monkeypatch.setattr(service, "item_read", broken)  # fails in the item's event payload, after the flush
    failed = await client.patch(
        f"{ITEMS}/{item['id']}",
        json={"title": "Plinkerton notes", "links": []},
        headers={**facilitator, "If-Match": f'"{item["version"]}"'},
    )
    assert failed.status_code == 500, failed.text
    monkeypatch.undo()

    assert [event.position for event in await events_of(db, item["id"])] == positions
    assert await db.scalar(select(DomainEvent).where(DomainEvent.position > last_position)) is None
    unchanged = ok(await client.get(f"{ITEMS}/{item['id']}", headers=facilitator))
    assert (unchanged["title"], unchanged["links"], unchanged["version"]) == (
        "Snorkelwhip notes",
        [link],
        item["version"],
    )
    assert item["id"] in await found_ids(client, facilitator, "snorkelwhip")
    assert item["id"] not in await found_ids(client, facilitator, "plinkerton")
