"""Rules that must hold when people act at once, proved by making them act at once: many requests in
flight together against the app on its own connection pool (fixture `live`), on SQLite and PostgreSQL.

Each test races writers against a state change and then checks the outcome against the domain events,
whose positions follow commit order: nothing the rule forbids may be committed after the change.
"""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from conftest import Live
from helpers import assert_problem, invite, make_meeting, make_table
from sqlalchemy import select

from shulchan.events.models import DomainEvent
from shulchan.meetings.models import AgendaItem

RACERS = 8


async def _events(live: Live, entity_type: str | None = None, **where: object) -> list[DomainEvent]:
    async with live.sessionmaker() as session:
        stmt = select(DomainEvent).order_by(DomainEvent.position)
        if entity_type:
            stmt = stmt.where(DomainEvent.entity_type == entity_type)
        for name, value in where.items():
            stmt = stmt.where(getattr(DomainEvent, name) == value)
        return list((await session.scalars(stmt)).all())


async def _table_with_meeting(live: Live, members: int = 2):  # type: ignore[no-untyped-def]
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=members)
        meeting = await make_meeting(session, table.roundtable)
        await invite(session, meeting, *table.member_seats)
    return table, meeting.id


async def test_agenda_items_never_land_on_a_cancelled_meeting(live: Live) -> None:
    table, meeting_id = await _table_with_meeting(live)
    cancel = live.client.post(
        f"/api/v1/meetings/{meeting_id}/transition", json={"status": "cancelled"}, headers=table.facilitator
    )
    adds = [
        live.client.post(f"/api/v1/meetings/{meeting_id}/agenda-items", json={"title": f"נושא {n}"}, headers=table.host)
        for n in range(RACERS)
    ]
    cancelled, *added = await asyncio.gather(cancel, *adds)

    assert cancelled.status_code == 200, cancelled.text
    accepted = [r for r in added if r.status_code == 201]
    for refused in (r for r in added if r.status_code != 201):
        assert_problem(refused, 409, "agenda_closed")
    async with live.sessionmaker() as session:
        stored = (await session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id))).all()
    assert sorted(stored) == sorted(uuid.UUID(r.json()["id"]) for r in accepted)
    (cancel_event,) = await _events(live, "meeting", entity_id=meeting_id, type="meeting.cancelled")
    created = await _events(live, "agenda_item", type="agenda_item.created", roundtable_id=table.roundtable.id)
    assert len(created) == len(accepted)
    assert all(event.position < cancel_event.position for event in created), "an item was added after cancelling"


async def test_concurrent_agenda_adds_get_distinct_positions(live: Live) -> None:
    table, meeting_id = await _table_with_meeting(live)
    responses = await asyncio.gather(
        *(
            live.client.post(
                f"/api/v1/meetings/{meeting_id}/agenda-items", json={"title": f"נושא {n}"}, headers=table.host
            )
            for n in range(RACERS)
        )
    )
    assert [r.status_code for r in responses] == [201] * RACERS, [r.text for r in responses if r.status_code != 201]
    assert sorted(r.json()["position"] for r in responses) == list(range(1, RACERS + 1))


async def test_rsvps_never_land_after_cancellation(live: Live) -> None:
    table, meeting_id = await _table_with_meeting(live, members=RACERS)
    cancel = live.client.post(
        f"/api/v1/meetings/{meeting_id}/transition", json={"status": "cancelled"}, headers=table.facilitator
    )
    answers = [
        live.client.put(f"/api/v1/meetings/{meeting_id}/rsvp", json={"response": "yes"}, headers=member)
        for member in table.members
    ]
    cancelled, *answered = await asyncio.gather(cancel, *answers)

    assert cancelled.status_code == 200, cancelled.text
    for refused in (r for r in answered if r.status_code != 200):
        assert_problem(refused, 409, "meeting_closed")
    (cancel_event,) = await _events(live, "meeting", entity_id=meeting_id, type="meeting.cancelled")
    responded = await _events(live, "invitation", type="invitation.responded", roundtable_id=table.roundtable.id)
    assert len(responded) == sum(r.status_code == 200 for r in answered)
    assert all(event.position < cancel_event.position for event in responded), "an answer came after cancelling"


async def test_twenty_writers_at_once_all_succeed(live: Live) -> None:
    """A double-click times ten: on SQLite (what `make run` uses) writers queue for the write lock
    instead of failing with 'database is locked'; on PostgreSQL they simply run."""
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    body = {
        "title": "מפגש",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/shulchan",
    }
    responses = await asyncio.gather(
        *(
            live.client.post(
                f"/api/v1/roundtables/{table.roundtable.id}/meetings", json=body, headers=table.facilitator
            )
            for _ in range(20)
        )
    )
    assert [r.status_code for r in responses] == [201] * 20, [r.text for r in responses if r.status_code != 201]
    assert len({r.json()["id"] for r in responses}) == 20


async def test_a_lost_race_is_a_stale_precondition(live: Live) -> None:
    """Five editors holding the same version save at once: one wins, the others hear 412 (their
    If-Match is stale), never a 409 or a 500 that depends on who reached the database first."""
    table, meeting_id = await _table_with_meeting(live, members=0)
    current = await live.client.get(f"/api/v1/meetings/{meeting_id}", headers=table.facilitator)
    etag = current.headers["ETag"]
    responses = await asyncio.gather(
        *(
            live.client.patch(
                f"/api/v1/meetings/{meeting_id}",
                json={"title": f"כותרת {n}"},
                headers={**table.facilitator, "If-Match": etag},
            )
            for n in range(5)
        )
    )
    assert sorted(r.status_code for r in responses) == [200, 412, 412, 412, 412], [r.text for r in responses]
    for stale in (r for r in responses if r.status_code == 412):
        assert assert_problem(stale, 412, "stale_version")["current_version"] == 2
