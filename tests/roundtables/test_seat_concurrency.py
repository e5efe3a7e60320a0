"""Two managers seating the same person at once: the roundtable is locked for every seat change, so
the overlap rule holds and exactly one seat is made (on SQLite and PostgreSQL, requests really at once).
Below the check, the database holds the rule's core itself: one open-ended seat per person and table."""

import asyncio
from datetime import date

import httpx
import pytest
from conftest import Live
from helpers import Table, assert_problem, make_person, make_table, seat, stakeholder_of
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from shulchan.core.db import WRITE_LOCK
from shulchan.identity.models import User
from shulchan.roundtables import service as roundtables_service
from shulchan.roundtables.models import Role, Seat

RACERS = 6


async def race_to_seat_a_newcomer(live: Live) -> tuple[Table, User, list[httpx.Response]]:
    """RACERS requests at once, from the facilitator and the host, each seating the same newcomer;
    answers one 201 and otherwise the 409 of an overlapping seat."""
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
        newcomer = await make_person(session, table.ministry)
        stakeholder = await stakeholder_of(session, newcomer)
    body = {"stakeholder_id": str(stakeholder.id), "role": "member"}

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
            select(func.count()).where(Seat.roundtable_id == table.roundtable.id, Seat.stakeholder_id == stakeholder.id)
        )
    assert seats == 1
    return table, newcomer, responses


async def test_one_person_gets_one_seat_when_managers_race(live: Live) -> None:
    await race_to_seat_a_newcomer(live)


# --- the database holds the rule on its own ----------------------------------------------------


async def test_the_database_refuses_a_second_open_seat_when_the_check_is_bypassed(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the service's overlap check, racing managers still make one seat: the unique index on
    open seats refuses the rest, and they answer the same 409 as the check would."""

    async def no_check(*_args: object) -> None:
        return None

    monkeypatch.setattr(roundtables_service, "_check_overlap", no_check)
    table, newcomer, _ = await race_to_seat_a_newcomer(live)

    # Reopening an ended seat of the same person is refused the same way.
    async with live.sessionmaker() as session, session.begin():
        ended = await seat(
            session, table.roundtable, newcomer, Role.member,
            started_on=date(2020, 1, 1), ended_on=date(2020, 12, 31),
        )  # fmt: skip
    reopened = await live.client.patch(f"/api/v1/seats/{ended.id}", json={"ended_on": None}, headers=table.facilitator)
    assert_problem(reopened, 409, "seat_overlaps")


async def test_two_transactions_inserting_open_seats_for_one_person_cannot_both_commit(live: Live) -> None:
    """Below the app: two transactions at once, each inserting an open seat for the same person."""
    async with live.sessionmaker() as session, session.begin():
        table = await make_table(session, live.settings, members=0)
        person = await make_person(session, table.ministry)
    engine = live.sessionmaker.kw["bind"]

    async def insert_open_seat() -> str:
        try:
            async with engine.connect() as connection:
                # A write transaction as the app takes one (on SQLite: the write lock up front).
                await connection.execution_options(**{WRITE_LOCK: True})
                async with connection.begin(), live.sessionmaker(bind=connection) as session:
                    await seat(session, table.roundtable, person, Role.member)
                    await asyncio.sleep(0.2)  # both inserts are in flight before either commits
            return "committed"
        except IntegrityError:
            return "refused"

    outcomes = await asyncio.gather(insert_open_seat(), insert_open_seat())

    assert sorted(outcomes) == ["committed", "refused"]
