"""The app on a database of its own, served through a real engine and connection pool, for tests of what
happens when requests truly run at once.

The usual `client` fixture runs every request on the test's one connection, inside one transaction that
is rolled back: right for isolation, but it serialises everything, so it cannot show a race. Here each
request takes its own pooled connection and commits for real, as in production: on PostgreSQL rows are
locked FOR UPDATE, on SQLite a write transaction takes the database's write lock up front.
"""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from shulchan.access.permissions import Role
from shulchan.core.config import Settings
from shulchan.core.db import create_engine
from shulchan.core.security import create_access_token
from shulchan.demo.seed import build_demo_world
from shulchan.identity.models import AuthSession, User
from shulchan.main import create_app
from shulchan.roundtables.models import Seat
from shulchan.stakeholders.models import Stakeholder


@dataclass
class LiveApp:
    settings: Settings
    engine: AsyncEngine
    client: httpx.AsyncClient
    ids: dict[str, dict[str, uuid.UUID]]

    def session(self) -> AsyncSession:
        return async_sessionmaker(self.engine, expire_on_commit=False)()

    async def headers_for_user(self, user_key: str) -> dict[str, str]:
        return await self._headers(self.ids["users"][user_key])

    async def headers_for_stakeholder(self, stakeholder_id: uuid.UUID) -> dict[str, str]:
        """Headers for the person behind a stakeholder, giving them a login first if they have none."""
        async with self.session() as session, session.begin():
            stakeholder = await session.get(Stakeholder, stakeholder_id)
            assert stakeholder is not None
            if stakeholder.user_id is None:
                user = User(email=f"live-{uuid.uuid4().hex[:10]}@example.org", full_name=stakeholder.full_name)
                session.add(user)
                await session.flush()
                stakeholder.user_id = user.id
            user_id = stakeholder.user_id
        return await self._headers(user_id)

    async def _headers(self, user_id: uuid.UUID) -> dict[str, str]:
        async with self.session() as session, session.begin():
            auth_session = AuthSession(user_id=user_id)
            session.add(auth_session)
            await session.flush()
        token, _ = create_access_token(self.settings, user_id, auth_session.id)
        return {"Authorization": f"Bearer {token}"}

    async def current_seats(self, roundtable_key: str, roles: tuple[Role, ...]) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(seat, stakeholder) of the roundtable's current seats in those roles."""
        async with self.session() as session:
            rows = await session.execute(
                select(Seat.id, Seat.stakeholder_id)
                .where(
                    Seat.roundtable_id == self.ids["roundtables"][roundtable_key],
                    Seat.role.in_(roles),
                    Seat.ended_on.is_(None),
                )
                .order_by(Seat.id)
            )
            return [(seat_id, stakeholder_id) for seat_id, stakeholder_id in rows]


@asynccontextmanager
async def live_app(settings: Settings) -> AsyncIterator[LiveApp]:
    """The demo world in the database, and a client to the app on a pooled engine of its own."""
    engine = create_engine(settings)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
            built = await build_demo_world(session)
        ids = {kind: {key: obj.id for key, obj in objects.items()} for kind, objects in built.items()}
        transport = httpx.ASGITransport(app=create_app(settings, engine=engine), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=60) as client:
            yield LiveApp(settings, engine, client, ids)
    finally:
        await engine.dispose()
