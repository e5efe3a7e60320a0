"""Endorsements racing an adoption, on a real connection pool: every endorsement either lands before the
adoption (and is part of what was adopted) or is refused with 409 endorsement_closed; none lands after it.

Many seat-holders send their word at once; once a few have been answered, the host adopts the decision while
the rest are still in flight. The decision is locked by every write (FOR UPDATE on PostgreSQL; the write
lock taken at BEGIN on SQLite), so the outcome must agree three ways: the HTTP answers, the endorsement rows
(none dated after `adopted_at`), and the domain events (every endorsement.recorded before decision.adopted,
whose payload already holds every endorsement there will ever be).
"""

import asyncio
import uuid

import httpx
import pytest
from conftest import Live
from helpers import make_table, ok
from sqlalchemy import select

from shulchan.audit.models import AuditEvent
from shulchan.decisions.models import Decision, DecisionStatus, Endorsement
from shulchan.events.models import DomainEvent

pytestmark = pytest.mark.slow

API = "/api/v1"
SEATS = 10  # seat-holders endorsing at once
ROUNDS = 3  # words each sends, each different from the last, so every one taken is a change
POSITIONS = ("supports", "reservations", "objects")
ANSWERED_BEFORE_ADOPTION = 3
STAGGER = 0.003  # seconds between the words sent after the adoption


async def agreed_decision(live: Live, roundtable_id: uuid.UUID, facilitator: dict[str, str]) -> dict:
    decision = ok(
        await live.client.post(
            f"{API}/roundtables/{roundtable_id}/decisions",
            headers=facilitator,
            json={"kind": "agreement", "title": "מרוץ חתימות", "text": "הצעה לאימוץ"},
        ),
        201,
    )
    for target in ("in_discussion", "agreed"):
        ok(
            await live.client.post(
                f"{API}/decisions/{decision['id']}/transition", headers=facilitator, json={"status": target}
            )
        )
    return decision


async def test_no_endorsement_lands_after_the_adoption(live: Live):
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=SEATS)
    decision = await agreed_decision(live, table.roundtable.id, table.facilitator)
    decision_id = uuid.UUID(decision["id"])
    endorsers = [(row.id, headers) for row, headers in zip(table.member_seats, table.members, strict=True)]
    assert len(endorsers) == SEATS
    host = table.host

    async def endorse(seat_id: uuid.UUID, headers: dict[str, str], n: int) -> httpx.Response:
        body = {"position": POSITIONS[n % len(POSITIONS)], "comment": f"word {n}", "seat_id": str(seat_id)}
        return await live.client.put(f"{API}/decisions/{decision_id}/endorsement", headers=headers, json=body)

    # The first half of the words goes out at once; once a few are answered the adoption goes out, and the
    # second half follows it a little at a time, so that words are in flight on both sides of the adoption.
    plan = [(seat_id, headers, n) for n in range(ROUNDS) for seat_id, headers in endorsers]
    first, second = plan[: len(plan) // 2], plan[len(plan) // 2 :]
    words = [asyncio.ensure_future(endorse(*word)) for word in first]
    for answered, next_answer in enumerate(asyncio.as_completed(words), start=1):
        await next_answer
        if answered == ANSWERED_BEFORE_ADOPTION:
            break
    adoption = asyncio.ensure_future(
        live.client.post(
            f"{API}/decisions/{decision_id}/transition",
            headers=host,
            json={"status": "adopted", "adoption_reference": "החלטת ממשלה 9"},
        )
    )
    for word in second:
        words.append(asyncio.ensure_future(endorse(*word)))
        await asyncio.sleep(STAGGER)
    answers = await asyncio.gather(*words)

    adopted = ok(await adoption)
    assert adopted["status"] == "adopted"
    taken = [a for a in answers if a.status_code == 200]
    refused = [a for a in answers if a.status_code != 200]
    for answer in refused:
        assert (answer.status_code, answer.json()["code"]) == (409, "endorsement_closed"), answer.text
    for answer in taken:
        assert answer.json()["status"] == "agreed"  # each was taken while the decision was still open
    assert len(taken) >= ANSWERED_BEFORE_ADOPTION

    async with live.sessionmaker() as session:
        row = await session.get(Decision, decision_id)
        assert row is not None and row.status == DecisionStatus.adopted and row.adopted_at is not None
        endorsements = list(await session.scalars(select(Endorsement).where(Endorsement.decision_id == decision_id)))
        # No endorsement row is dated after the adoption.
        assert all(e.updated_at < row.adopted_at for e in endorsements)
        events = list(
            await session.scalars(
                select(DomainEvent)
                .where(DomainEvent.entity_id.in_([decision_id, *(e.id for e in endorsements)]))
                .order_by(DomainEvent.position)
            )
        )
        audited = await session.scalars(
            select(AuditEvent.id).where(AuditEvent.entity_id.in_([e.id for e in endorsements]))
        )
        assert len(list(audited)) == len(taken)

    types = [e.type for e in events]
    (adopted_at,) = [i for i, t in enumerate(types) if t == "decision.adopted"]
    recorded = [i for i, t in enumerate(types) if t == "endorsement.recorded"]
    # One event per endorsement taken, and every one of them before the adoption's.
    assert len(recorded) == len(taken)
    assert all(i < adopted_at for i in recorded)
    assert types[adopted_at + 1 :] == []
    # The adoption's payload holds exactly the endorsements as they stand now: nothing changed after it.
    adopted_event = events[adopted_at]
    assert adopted_event.version == adopted["version"]
    now = ok(await live.client.get(f"{API}/decisions/{decision_id}", headers=host))
    assert adopted_event.payload["endorsements"] == now["endorsements"] == adopted["endorsements"]
    assert {e["seat_id"] for e in now["endorsements"]} == {str(e.seat_id) for e in endorsements}
    # Each seat's standing word is the last one taken for it.
    last_word = {str(e.payload["seat_id"]): e.payload["comment"] for e in events if e.type == "endorsement.recorded"}
    assert {e["seat_id"]: e["comment"] for e in now["endorsements"]} == last_word

    late = await endorse(*endorsers[0], 0)
    assert (late.status_code, late.json()["code"]) == (409, "endorsement_closed")
    print(f"\n{len(taken)} endorsements taken before the adoption, {len(refused)} refused after it")
