"""Two managers seating the same person at once: the roundtable is locked for every seat change, so
the overlap rule holds and exactly one seat is made (on SQLite and PostgreSQL, requests really at once)."""

import asyncio

from conftest import Live
from helpers import assert_problem, make_person, make_table, stakeholder_of
from sqlalchemy import func, select

from shulchan.roundtables.models import Seat

RACERS = 6


async def test_one_person_gets_one_seat_when_managers_race(live: Live) -> None:
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
        newcomer = await stakeholder_of(session, await make_person(session))
    body = {"stakeholder_id": str(newcomer.id), "role": "member", "sector_id": None}
    async with live.sessionmaker() as session:
        sector_id = await session.scalar(select(Seat.sector_id).where(Seat.roundtable_id == table.roundtable.id))
    body["sector_id"] = str(sector_id)

    responses = await asyncio.gather(
        *(
            live.client.post(f"/api/v1/roundtables/{table.roundtable.id}/seats", json=body, headers=manager)
            for manager in [table.facilitator, table.host] * (RACERS // 2)
        )
    )

    assert sorted(r.status_code for r in responses) == [201] + [409] * (RACERS - 1), [r.text for r in responses]
    for refused in (r for r in responses if r.status_code == 409):
        assert_problem(refused, 409, "seat_overlaps")
    async with live.sessionmaker() as session:
        seats = await session.scalar(
            select(func.count()).where(Seat.roundtable_id == table.roundtable.id, Seat.stakeholder_id == newcomer.id)
        )
    assert seats == 1
