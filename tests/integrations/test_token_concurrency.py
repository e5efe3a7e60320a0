"""Token rules that must hold across processes and concurrent requests, on the app's own pools
(fixture `live`): revocation stops a token on every server at once, and a burst of requests records
one use, not one per request."""

import asyncio
import uuid

import httpx
from conftest import Live
from helpers import api_token, assert_problem, make_meeting, make_table, ok
from sqlalchemy import select

from shulchan.audit.models import AuditEvent
from shulchan.core.db import create_engine
from shulchan.events.models import DomainEvent
from shulchan.integrations.models import ApiToken
from shulchan.main import create_app

RACERS = 8


async def test_revocation_stops_the_token_on_every_process_at_once(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings)
        await make_meeting(session, table.roundtable)
    created = ok(
        await live.client.post(
            "/api/v1/me/api-tokens", json={"name": "sync", "scopes": ["meetings:read"]}, headers=table.host
        ),
        201,
    )
    token = {"Authorization": f"Bearer {created['token']}"}
    other_engine = create_engine(live.settings)  # a second server process: its own app and pool
    other = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(live.settings, engine=other_engine)), base_url="http://testserver"
    )
    try:
        ok(await other.get("/api/v1/meetings", headers=token))
        reads = [other.get("/api/v1/meetings", headers=token) for _ in range(RACERS)]
        revoke = live.client.delete(f"/api/v1/me/api-tokens/{created['id']}", headers=table.host)
        revoked, *during = await asyncio.gather(revoke, *reads)
        assert revoked.status_code == 204
        assert {response.status_code for response in during} <= {200, 401}
        for _ in range(3):
            assert_problem(await other.get("/api/v1/meetings", headers=token), 401, "token_revoked")
    finally:
        await other.aclose()
        await other_engine.dispose()


async def test_a_burst_of_requests_records_one_use(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings)
        await make_meeting(session, table.roundtable)
        token = await api_token(session, "meetings:read", user=table.host_user)
    responses = await asyncio.gather(*(live.client.get("/api/v1/meetings", headers=token) for _ in range(RACERS)))
    assert [response.status_code for response in responses] == [200] * RACERS
    async with live.sessionmaker() as session:
        (token_id,) = (
            await session.scalars(select(ApiToken.id).where(ApiToken.user_id == table.host_user.id))  # type: ignore[union-attr]
        ).all()
        uses = (
            await session.scalars(
                select(AuditEvent).where(AuditEvent.entity_id == token_id, AuditEvent.action == "use")
            )
        ).all()
        events = (
            await session.scalars(
                select(DomainEvent).where(DomainEvent.entity_id == token_id, DomainEvent.type == "api_token.used")
            )
        ).all()
        stored = await session.get(ApiToken, token_id)
    assert len(uses) == 1 and len(events) == 1
    assert stored is not None and stored.last_used_at is not None
    assert isinstance(token_id, uuid.UUID)
