"""The outbox: every change recorded once, as a domain event, in the change's own transaction."""

import uuid
from datetime import UTC, datetime, timedelta

from conftest import Live
from helpers import make_table
from sqlalchemy import func, select

from shulchan.access.permissions import Principal
from shulchan.events.models import DomainEvent
from shulchan.identity.principals import resolve_principal
from shulchan.meetings import service as meetings
from shulchan.meetings.schemas import MeetingCreate


async def _events_of(live: Live, entity_id: uuid.UUID | str) -> list[DomainEvent]:
    async with live.sessionmaker() as session:
        stmt = select(DomainEvent).where(DomainEvent.entity_id == uuid.UUID(str(entity_id)))
        return list((await session.scalars(stmt.order_by(DomainEvent.position))).all())


def _meeting_body(title: str = "מפגש") -> dict[str, str]:
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
    return {
        "title": title,
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/shulchan",
    }


async def test_a_meetings_life_is_told_in_events(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=1)
    client, roundtable_id = live.client, table.roundtable.id

    created = await client.post(
        f"/api/v1/roundtables/{roundtable_id}/meetings", json=_meeting_body(), headers=table.facilitator
    )
    assert created.status_code == 201, created.text
    meeting = created.json()
    renamed = await client.patch(
        f"/api/v1/meetings/{meeting['id']}",
        json={"title": "מפגש מעודכן"},
        headers={**table.facilitator, "If-Match": created.headers["ETag"]},
    )
    assert renamed.status_code == 200, renamed.text
    confirmed = await client.post(
        f"/api/v1/meetings/{meeting['id']}/transition",
        json={"status": "confirmed"},
        headers={**table.facilitator, "If-Match": renamed.headers["ETag"]},
    )
    assert confirmed.status_code == 200, confirmed.text
    item = await client.post(
        f"/api/v1/meetings/{meeting['id']}/agenda-items", json={"title": "נושא"}, headers=table.host
    )
    assert item.status_code == 201, item.text
    removed = await client.delete(
        f"/api/v1/agenda-items/{item.json()['id']}", headers={**table.facilitator, "If-Match": item.headers["ETag"]}
    )
    assert removed.status_code == 204, removed.text

    events = await _events_of(live, meeting["id"])
    assert [e.type for e in events] == ["meeting.created", "meeting.updated", "meeting.confirmed"]
    assert [e.version for e in events] == [1, 2, 3]
    assert {e.roundtable_id for e in events} == {roundtable_id}
    assert all(e.entity_type == "meeting" and e.actor_user_id is not None for e in events)
    assert events[1].payload is not None and events[1].payload["title"] == "מפגש מעודכן"
    assert events[2].payload is not None and events[2].payload["status"] == "confirmed"
    assert events[0].position < events[1].position < events[2].position

    item_events = await _events_of(live, item.json()["id"])
    assert [(e.type, e.tombstone) for e in item_events] == [
        ("agenda_item.created", False),
        ("agenda_item.deleted", True),
    ]
    assert item_events[1].payload is not None and item_events[1].payload["title"] == "נושא"


async def test_a_change_that_changes_nothing_announces_nothing(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
    created = await live.client.post(
        f"/api/v1/roundtables/{table.roundtable.id}/meetings", json=_meeting_body("אותו שם"), headers=table.facilitator
    )
    same = await live.client.patch(
        f"/api/v1/meetings/{created.json()['id']}", json={"title": "אותו שם"}, headers=table.facilitator
    )
    assert same.status_code == 200, same.text
    assert [e.type for e in await _events_of(live, created.json()["id"])] == ["meeting.created"]


async def test_a_rolled_back_change_leaves_no_event(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
        facilitator_token = table.facilitator["Authorization"].removeprefix("Bearer ")
    async with live.sessionmaker() as session:
        before = await session.scalar(select(func.count()).select_from(DomainEvent))
        principal: Principal = await resolve_principal(session, live.settings, facilitator_token)
        body = MeetingCreate.model_validate(_meeting_body("לא יישמר"))
        doomed = await meetings.create_meeting(session, principal, table.roundtable.id, body)
        await session.rollback()
        # The same session carries on: nothing from the rolled-back change may ride on its next commit.
        kept = await meetings.create_meeting(session, principal, table.roundtable.id, body)
        await session.commit()
        after = await session.scalar(select(func.count()).select_from(DomainEvent))

    assert await _events_of(live, doomed.id) == []
    assert [e.type for e in await _events_of(live, kept.id)] == ["meeting.created"]
    assert after == before + 1
