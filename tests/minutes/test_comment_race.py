"""Comments racing the approval of minutes, on a real connection pool: a comment is taken while the minutes
are circulated or refused with 409 minutes_not_circulated; none lands on approved minutes.

Seat-holders comment at once; once a few are answered the host approves while more comments follow. Every
write locks the minutes first, so the HTTP answers, the comment rows (none made after the revision's
`approved_at`) and the domain events (every minutes_comment.created before minutes.approved) agree.
"""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from conftest import Live
from helpers import make_table, ok
from sqlalchemy import select

from shulchan.events.models import DomainEvent
from shulchan.minutes.models import MinutesComment, MinutesRevision

pytestmark = pytest.mark.slow

API = "/api/v1"
COMMENTERS = 8
ROUNDS = 3
ANSWERED_BEFORE_APPROVAL = 3
STAGGER = 0.01


async def circulated_minutes(live: Live, roundtable_id: uuid.UUID, facilitator: dict[str, str]) -> dict:
    start = datetime.now(UTC) - timedelta(days=1)
    meeting = ok(
        await live.client.post(
            f"{API}/roundtables/{roundtable_id}/meetings",
            headers=facilitator,
            json={
                "title": "מפגש המרוץ",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/race",
            },
        ),
        201,
    )
    minutes = ok(
        await live.client.post(
            f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator, json={"body": "פתיחה.\n\nסיכום."}
        ),
        201,
    )
    return ok(
        await live.client.post(
            f"{API}/minutes/{minutes['id']}/transition", headers=facilitator, json={"status": "circulated"}
        )
    )


async def test_no_comment_lands_on_approved_minutes(live: Live):
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=COMMENTERS)
    minutes = await circulated_minutes(live, table.roundtable.id, table.facilitator)
    minutes_id = uuid.UUID(minutes["id"])
    commenters = table.members
    host = table.host

    async def comment(headers: dict[str, str], n: int) -> httpx.Response:
        return await live.client.post(f"{API}/minutes/{minutes_id}/comments", headers=headers, json={"body": f"#{n}"})

    plan = [(headers, n) for n in range(ROUNDS) for headers in commenters]
    first, second = plan[: len(plan) // 2], plan[len(plan) // 2 :]
    sent = [asyncio.ensure_future(comment(*c)) for c in first]
    for answered, next_answer in enumerate(asyncio.as_completed(sent), start=1):
        await next_answer
        if answered == ANSWERED_BEFORE_APPROVAL:
            break
    approval = asyncio.ensure_future(
        live.client.post(f"{API}/minutes/{minutes_id}/transition", headers=host, json={"status": "approved"})
    )
    for c in second:
        sent.append(asyncio.ensure_future(comment(*c)))
        await asyncio.sleep(STAGGER)
    answers = await asyncio.gather(*sent)
    approved = ok(await approval)

    assert approved["status"] == "approved"
    taken = [a.json() for a in answers if a.status_code == 201]
    refused = [a for a in answers if a.status_code != 201]
    for answer in refused:
        assert (answer.status_code, answer.json()["code"]) == (409, "minutes_not_circulated"), answer.text
    assert len(taken) >= ANSWERED_BEFORE_APPROVAL

    async with live.sessionmaker() as session:
        revision = await session.scalar(select(MinutesRevision).where(MinutesRevision.minutes_id == minutes_id))
        assert revision is not None and revision.approved_at is not None
        comments = list(await session.scalars(select(MinutesComment).where(MinutesComment.minutes_id == minutes_id)))
        events = list(
            await session.scalars(
                select(DomainEvent)
                .where(DomainEvent.entity_id.in_([minutes_id, *(c.id for c in comments)]))
                .order_by(DomainEvent.position)
            )
        )

    assert {str(c.id) for c in comments} == {t["id"] for t in taken}
    assert all(c.created_at < revision.approved_at for c in comments)
    types = [e.type for e in events]
    assert types[-1] == "minutes.approved"
    assert types.count("minutes_comment.created") == len(taken)
    assert all(t in ("minutes.created", "minutes.circulated", "minutes_comment.created") for t in types[:-1])

    late = await comment(commenters[0], 99)
    assert (late.status_code, late.json()["code"]) == (409, "minutes_not_circulated")
    print(f"\n{len(taken)} comments taken before the approval, {len(refused)} refused after it")
