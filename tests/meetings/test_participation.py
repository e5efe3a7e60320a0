"""Who takes part: invitations and RSVP per seat, attendance per seat and guest with rates per sector,
and speaking turns with each sector's and person's share of the time."""

import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from helpers import assert_problem
from sqlalchemy import func, or_, select

from shulchan.meetings.models import Attendance, Invitation
from shulchan.roundtables.models import Seat

API = "/api/v1"
FUTURE = datetime(2031, 6, 1, 8, 0, tzinfo=UTC)


async def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    return response.json()


async def create_meeting(client, headers, roundtable_id, start: datetime = FUTURE, status: str | None = None) -> str:
    meeting = await ok(
        await client.post(
            f"{API}/roundtables/{roundtable_id}/meetings",
            headers=headers,
            json={
                "title": "מפגש",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "in_person",
                "venue_name": "ירושלים",
            },
        ),
        201,
    )
    if status:
        await ok(
            await client.post(f"{API}/meetings/{meeting['id']}/transition", headers=headers, json={"status": status})
        )
    return meeting["id"]


def hours_ago(hours: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


async def seat(db, world, stakeholder: str, roundtable: str = "pmo") -> str:
    seat_id = await db.scalar(
        select(Seat.id).where(
            Seat.roundtable_id == world.roundtables[roundtable], Seat.stakeholder_id == world.stakeholders[stakeholder]
        )
    )
    assert seat_id is not None, (stakeholder, roundtable)
    return str(seat_id)


async def current_seats(db, roundtable_id) -> dict[str, str]:
    """Seat id → sector id of every seat held today."""
    today = date.today()
    rows = await db.execute(
        select(Seat.id, Seat.sector_id).where(
            Seat.roundtable_id == roundtable_id,
            Seat.started_on <= today,
            or_(Seat.ended_on.is_(None), Seat.ended_on >= today),
        )
    )
    return {str(seat_id): str(sector_id) for seat_id, sector_id in rows}


def counts_by_sector(invitations: dict) -> dict[str, dict[str, int]]:
    return {entry["sector_id"]: entry["counts"] for entry in invitations["by_sector"]}


def rates_by_sector(rows: list[dict]) -> dict[str, tuple[int, int, int, float]]:
    return {r["sector_id"]: (r["present"], r["absent"], r["excused"], r["rate"]) for r in rows}


async def invite(client, headers, meeting_id, seat_ids=None):
    body = {} if seat_ids is None else {"seat_ids": seat_ids}
    return await client.post(f"{API}/meetings/{meeting_id}/invitations", headers=headers, json=body)


async def rsvp(client, headers, meeting_id, response, **extra):
    return await client.put(f"{API}/meetings/{meeting_id}/rsvp", headers=headers, json={"response": response, **extra})


@pytest.fixture
async def facilitator(auth):
    return await auth("facilitator")


# --- invitations ---------------------------------------------------------------------------------


async def test_inviting_without_a_list_invites_every_current_seat_once(client, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    seats = await current_seats(db, world.roundtables["pmo"])
    ended = {await seat(db, world, "omri_katz"), await seat(db, world, "yuval_berkovich")}

    invited = await ok(await invite(client, facilitator, meeting))

    assert {item["seat_id"] for item in invited["items"]} == set(seats)
    assert not ended & set(seats) and len(invited["items"]) == len(seats) == 17
    assert {item["response"] for item in invited["items"]} == {"pending"}
    per_sector = Counter(seats.values())
    assert counts_by_sector(invited) == {
        sector: {"pending": n, "yes": 0, "no": 0, "maybe": 0} for sector, n in per_sector.items()
    }
    member = next(i for i in invited["items"] if i["stakeholder_id"] == str(world.stakeholders["member"]))
    assert member["role"] == "member" and member["sector_id"] == str(world.sectors["civil_society"])

    again = await ok(await invite(client, facilitator, meeting))
    assert [item["id"] for item in again["items"]] == [item["id"] for item in invited["items"]]
    rows = await db.scalar(
        select(func.count()).select_from(Invitation).where(Invitation.meeting_id == uuid.UUID(meeting))
    )
    assert rows == 17


async def test_chosen_seats_are_invited_and_re_inviting_keeps_their_answers(client, auth, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    member_seat, host_seat = await seat(db, world, "member"), await seat(db, world, "host")

    chosen = await ok(await invite(client, await auth("host"), meeting, [member_seat, host_seat]))
    assert {item["seat_id"] for item in chosen["items"]} == {member_seat, host_seat}
    await ok(await rsvp(client, await auth("member"), meeting, "yes", note="אגיע"))

    again = await ok(await invite(client, facilitator, meeting, [member_seat]))
    everyone = await ok(await invite(client, facilitator, meeting))

    for listing in (again, everyone):
        mine = [item for item in listing["items"] if item["seat_id"] == member_seat]
        assert len(mine) == 1 and mine[0]["response"] == "yes" and mine[0]["note"] == "אגיע"
    assert len(again["items"]) == 2 and len(everyone["items"]) == 17
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=await auth("observer")))
    assert listed == everyone


@pytest.mark.parametrize("which", ["ended", "other_roundtable", "nonexistent"])
async def test_only_current_seats_of_the_roundtable_can_be_invited(client, db, world, facilitator, which):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    bad = {
        "ended": lambda: seat(db, world, "omri_katz"),
        "other_roundtable": lambda: seat(db, world, "facilitator2", "education"),
    }
    bad_seat = await bad[which]() if which in bad else str(uuid.uuid4())

    response = await invite(client, facilitator, meeting, [await seat(db, world, "member"), bad_seat])

    assert assert_problem(response, 422, "unknown_seat")["seat_ids"] == [bad_seat]
    assert (await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=facilitator)))["items"] == []


@pytest.mark.parametrize("status", ["held", "cancelled"])
async def test_nobody_is_invited_to_a_held_or_cancelled_meeting(client, world, facilitator, status):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], status=status)

    assert_problem(await invite(client, facilitator, meeting), 409, "meeting_closed")


# --- RSVP ----------------------------------------------------------------------------------------


async def test_each_answers_for_their_own_seat_and_sectors_are_counted(client, auth, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    await ok(await invite(client, facilitator, meeting))

    await ok(await rsvp(client, await auth("member"), meeting, "yes", note="אגיע עם עמית"))
    await ok(await rsvp(client, await auth("host"), meeting, "no", note="בחו״ל"))
    after = await ok(await rsvp(client, await auth("observer"), meeting, "maybe"))

    answers = {item["stakeholder_id"]: item for item in after["items"] if item["response"] != "pending"}
    assert {k: (v["response"], v["note"]) for k, v in answers.items()} == {
        str(world.stakeholders["member"]): ("yes", "אגיע עם עמית"),
        str(world.stakeholders["host"]): ("no", "בחו״ל"),
        str(world.stakeholders["observer"]): ("maybe", None),
    }
    assert all(item["responded_at"] for item in answers.values())
    assert all(item["responded_at"] is None for item in after["items"] if item["response"] == "pending")

    seats = await current_seats(db, world.roundtables["pmo"])
    per_sector = Counter(seats.values())
    counts = counts_by_sector(after)
    civil, government = str(world.sectors["civil_society"]), str(world.sectors["government"])
    assert counts[civil] == {"pending": per_sector[civil] - 2, "yes": 1, "no": 0, "maybe": 1}
    assert counts[government] == {"pending": per_sector[government] - 1, "yes": 0, "no": 1, "maybe": 0}
    assert sum(sum(c.values()) for c in counts.values()) == len(seats)


async def test_a_changed_answer_replaces_the_earlier_one(client, auth, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    member_seat = await seat(db, world, "member")
    await ok(await invite(client, facilitator, meeting, [member_seat]))
    member = await auth("member")
    await ok(await rsvp(client, member, meeting, "yes", note="אגיע"))

    after = await ok(await rsvp(client, member, meeting, "no", seat_id=member_seat))

    assert [(i["response"], i["note"]) for i in after["items"]] == [("no", None)]
    assert counts_by_sector(after)[str(world.sectors["civil_society"])]["no"] == 1


async def test_without_an_invitation_there_is_nothing_to_answer(client, auth, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    host_seat = await seat(db, world, "host")
    await ok(await invite(client, facilitator, meeting, [host_seat]))
    member = await auth("member")

    assert_problem(await rsvp(client, member, meeting, "yes"), 409, "not_invited")
    # Nor can anyone answer for somebody else's seat.
    assert_problem(await rsvp(client, member, meeting, "no", seat_id=host_seat), 409, "not_invited")
    assert_problem(await rsvp(client, await auth("admin"), meeting, "yes"), 409, "not_invited")
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=facilitator))
    assert [(i["seat_id"], i["response"]) for i in listed["items"]] == [(host_seat, "pending")]
    assert_problem(await rsvp(client, await auth("facilitator2"), meeting, "yes"), 404, "not_found")


async def test_pending_is_not_an_answer(client, auth, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"])
    await ok(await invite(client, facilitator, meeting))
    member = await auth("member")

    assert_problem(await rsvp(client, member, meeting, "pending"), 422, "invalid_response")
    assert_problem(await rsvp(client, member, meeting, "attending"), 422, "validation_error")
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=member))
    assert {i["response"] for i in listed["items"]} == {"pending"}


# --- attendance ----------------------------------------------------------------------------------


async def record(client, headers, meeting_id, entries):
    return await client.put(f"{API}/meetings/{meeting_id}/attendance", headers=headers, json={"entries": entries})


async def test_attendance_per_seat_and_guest_gives_a_rate_per_sector(client, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(3), status="held")
    entries = [
        ("host", "present"),
        ("ilana_shmueli", "excused"),
        ("member", "present"),
        ("lia_karmi", "present"),
        ("observer", "absent"),
        ("yoav_kramer", "present"),
    ]

    report = await ok(
        await record(
            client,
            facilitator,
            meeting,
            [{"seat_id": await seat(db, world, who), "status": status} for who, status in entries]
            + [{"guest_name": "אורחת מהאוצר", "guest_organisation": "משרד האוצר", "status": "present"}],
        )
    )

    assert report["guests"] == 1
    assert len(report["items"]) == 7
    guest = report["items"][-1]  # guests come after seats
    assert (guest["guest_name"], guest["guest_organisation"], guest["seat_id"], guest["sector_id"]) == (
        "אורחת מהאוצר",
        "משרד האוצר",
        None,
        None,
    )
    assert all(item["stakeholder_name"] for item in report["items"][:-1])
    sectors = world.sectors
    assert rates_by_sector(report["by_sector"]) == {
        str(sectors["government"]): (1, 0, 1, 0.5),
        str(sectors["civil_society"]): (2, 1, 0, 0.6667),
        str(sectors["business_philanthropy"]): (1, 0, 0, 1.0),
    }


async def test_recording_a_seat_again_updates_it(client, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(1))
    member_seat, host_seat = await seat(db, world, "member"), await seat(db, world, "host")
    await ok(await record(client, facilitator, meeting, [{"seat_id": member_seat, "status": "present"}]))

    report = await ok(
        await record(
            client,
            facilitator,
            meeting,
            [{"seat_id": member_seat, "status": "excused"}, {"seat_id": host_seat, "status": "present"}],
        )
    )

    assert sorted((i["seat_id"], i["status"]) for i in report["items"]) == sorted(
        [(member_seat, "excused"), (host_seat, "present")]
    )
    rows = await db.scalar(
        select(func.count()).select_from(Attendance).where(Attendance.meeting_id == uuid.UUID(meeting))
    )
    assert rows == 2
    assert rates_by_sector(report["by_sector"])[str(world.sectors["civil_society"])] == (0, 0, 1, 0.0)


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        ({"seat": ("facilitator2", "education"), "status": "present"}, "unknown_seat"),
        ({"seat_id": str(uuid.uuid4()), "status": "present"}, "unknown_seat"),
        ({"seat": ("member", "pmo"), "guest_name": "שני בשם אחד", "status": "present"}, "seat_or_guest"),
        ({"status": "present"}, "seat_or_guest"),
        ({"seat": ("member", "pmo"), "status": "late"}, "validation_error"),
    ],
)
async def test_bad_attendance_entries_are_refused_and_nothing_is_recorded(client, db, world, facilitator, entry, code):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(1))
    entry = dict(entry)
    if "seat" in entry:
        entry["seat_id"] = await seat(db, world, *entry.pop("seat"))
    good = {"seat_id": await seat(db, world, "host"), "status": "present"}

    assert_problem(await record(client, facilitator, meeting, [good, entry]), 422, code)

    report = await ok(await client.get(f"{API}/meetings/{meeting}/attendance", headers=facilitator))
    assert report["items"] == [] and report["by_sector"] == []


async def test_attendance_waits_for_the_meeting_and_never_comes_for_a_cancelled_one(client, db, world, facilitator):
    entries = [{"seat_id": await seat(db, world, "member"), "status": "present"}]
    future = await create_meeting(client, facilitator, world.roundtables["pmo"], datetime.now(UTC) + timedelta(days=3))
    cancelled = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(2), status="cancelled")

    assert_problem(await record(client, facilitator, future, entries), 409, "meeting_not_started")
    assert_problem(await record(client, facilitator, cancelled, entries), 409, "meeting_cancelled")


async def test_hosts_read_attendance_and_members_do_not(client, auth, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(2), status="held")
    await ok(
        await record(client, facilitator, meeting, [{"seat_id": await seat(db, world, "member"), "status": "present"}])
    )
    host = await auth("host")

    report = await ok(await client.get(f"{API}/meetings/{meeting}/attendance", headers=host))
    assert [i["status"] for i in report["items"]] == ["present"]
    assert_problem(
        await client.get(f"{API}/meetings/{meeting}/attendance", headers=await auth("member")), 403, "forbidden"
    )
    writing = await record(client, host, meeting, [{"seat_id": await seat(db, world, "host"), "status": "present"}])
    assert_problem(writing, 403, "forbidden")


def plus(before: dict[str, tuple[int, int, int, float]], added: dict[str, tuple[int, int, int]]) -> dict:
    """The rates per sector once `added` (present, absent, excused) is counted on top of `before`."""
    counts = {sector: (present, absent, excused) for sector, (present, absent, excused, _) in before.items()}
    for sector, more in added.items():
        counts[sector] = tuple(a + b for a, b in zip(counts.get(sector, (0, 0, 0)), more, strict=True))
    return {sector: (*c, round(c[0] / sum(c), 4) if sum(c) else 0.0) for sector, c in counts.items()}


async def test_the_roundtables_attendance_counts_only_held_meetings_of_the_period(client, auth, db, world, facilitator):
    pmo = world.roundtables["pmo"]
    member_seat, host_seat = await seat(db, world, "member"), await seat(db, world, "host")
    now = datetime.now(UTC)
    plan = [  # (days ago, status, member, host)
        (10, "held", "present", "absent"),
        (5, "held", "present", "present"),
        (3, "confirmed", "absent", "absent"),  # recorded, but never marked held
        (40, "held", "absent", None),  # before the period
    ]
    starts = {days: now - timedelta(days=days) for days, *_ in plan}
    url = f"{API}/roundtables/{pmo}/attendance"
    host = await auth("host")
    civil, government = str(world.sectors["civil_society"]), str(world.sectors["government"])
    period_params = {"from": (now - timedelta(days=20)).isoformat()}
    until_params = period_params | {"to": starts[5].isoformat()}
    # The table's years of held meetings are counted as well: what the new ones add comes on top of them.
    before = {
        name: rates_by_sector(await ok(await client.get(url, headers=host, params=params)))
        for name, params in (("period", period_params), ("always", {}), ("until", until_params))
    }
    for days, status, member_status, host_status in plan:
        meeting = await create_meeting(client, facilitator, pmo, starts[days], status=status)
        entries = [{"seat_id": member_seat, "status": member_status}]
        entries += [{"seat_id": host_seat, "status": host_status}] if host_status else []
        await ok(await record(client, facilitator, meeting, entries))

    period = await ok(await client.get(url, headers=host, params=period_params))
    assert rates_by_sector(period) == plus(before["period"], {civil: (2, 0, 0), government: (1, 1, 0)})

    always = await ok(await client.get(url, headers=host))
    assert rates_by_sector(always) == plus(before["always"], {civil: (2, 1, 0), government: (1, 1, 0)})

    # `to` is exclusive: the meeting starting exactly then is left out.
    until = await ok(await client.get(url, headers=host, params=until_params))
    assert rates_by_sector(until) == plus(before["until"], {civil: (1, 0, 0), government: (0, 1, 0)})

    assert_problem(await client.get(url, headers=await auth("member")), 403, "forbidden")
    assert_problem(await client.get(url, headers=await auth("facilitator2")), 404, "not_found")
    assert_problem(await client.get(url, headers=host, params={"from": "2020-01-01T00:00:00"}), 422, "validation_error")


# --- speaking turns ------------------------------------------------------------------------------


async def turn(client, headers, meeting_id, seat_id, seconds, **extra):
    return await client.post(
        f"{API}/meetings/{meeting_id}/speaking-turns",
        headers=headers,
        json={"seat_id": seat_id, "seconds": seconds, **extra},
    )


@pytest.fixture
async def held_meeting(client, world, facilitator) -> str:
    return await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(2), status="held")


async def test_speaking_time_is_shared_out_per_sector_and_per_person(client, db, world, facilitator, held_meeting):
    member_seat, host_seat, yoav_seat = [await seat(db, world, k) for k in ("member", "host", "yoav_kramer")]

    await ok(
        await turn(client, facilitator, held_meeting, member_seat, 120, started_at=hours_ago(1.5).isoformat()), 201
    )
    await ok(await turn(client, facilitator, held_meeting, host_seat, 90), 201)
    await ok(await turn(client, facilitator, held_meeting, yoav_seat, 30), 201)
    report = await ok(await turn(client, facilitator, held_meeting, member_seat, 60), 201)

    assert report["total_seconds"] == 300
    people = {p["key_id"]: (p["seconds"], p["turns"], p["share"]) for p in report["by_person"]}
    assert people == {member_seat: (180, 2, 0.6), host_seat: (90, 1, 0.3), yoav_seat: (30, 1, 0.1)}
    assert [p["key_id"] for p in report["by_person"]] == [member_seat, host_seat, yoav_seat]
    names = {p["key_id"]: p["name"] for p in report["by_person"]}
    assert names[member_seat] == "תמר אלקיים"
    sectors = {s["key_id"]: (s["name"], s["seconds"], s["turns"], s["share"]) for s in report["by_sector"]}
    assert sectors == {
        str(world.sectors["civil_society"]): ("Civil society", 180, 2, 0.6),
        str(world.sectors["government"]): ("Government", 90, 1, 0.3),
        str(world.sectors["business_philanthropy"]): ("Business & philanthropy", 30, 1, 0.1),
    }
    assert sum(s["share"] for s in report["by_sector"]) == pytest.approx(1.0)
    assert sum(p["share"] for p in report["by_person"]) == pytest.approx(1.0)
    assert await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator)) == report


async def test_shares_sum_to_one_even_when_the_time_divides_unevenly(client, db, world, facilitator, held_meeting):
    for who in ("member", "host", "yoav_kramer"):
        report = await ok(await turn(client, facilitator, held_meeting, await seat(db, world, who), 100), 201)

    assert report["total_seconds"] == 300
    assert {p["share"] for p in report["by_person"]} == {0.3333}
    assert sum(s["share"] for s in report["by_sector"]) == pytest.approx(1.0, abs=1e-3)
    assert sum(p["share"] for p in report["by_person"]) == pytest.approx(1.0, abs=1e-3)


async def test_a_turn_may_name_the_agenda_item_it_was_about(client, db, world, facilitator):
    meeting = await create_meeting(client, facilitator, world.roundtables["pmo"], hours_ago(2))
    item = await ok(
        await client.post(f"{API}/meetings/{meeting}/agenda-items", headers=facilitator, json={"title": "תעסוקה"}), 201
    )

    report = await ok(
        await turn(client, facilitator, meeting, await seat(db, world, "member"), 45, agenda_item_id=item["id"]), 201
    )

    assert report["total_seconds"] == 45 and report["by_person"][0]["turns"] == 1


async def test_a_turn_must_be_by_a_seat_of_this_table_about_this_meeting(client, db, world, facilitator, held_meeting):
    member_seat = await seat(db, world, "member")
    other = await create_meeting(client, facilitator, world.roundtables["pmo"])
    foreign_item = await ok(
        await client.post(f"{API}/meetings/{other}/agenda-items", headers=facilitator, json={"title": "אחר"}), 201
    )

    education_seat = await seat(db, world, "facilitator2", "education")
    assert_problem(await turn(client, facilitator, held_meeting, education_seat, 60), 422, "unknown_seat")
    assert_problem(await turn(client, facilitator, held_meeting, str(uuid.uuid4()), 60), 422, "unknown_seat")
    wrong_item = await turn(client, facilitator, held_meeting, member_seat, 60, agenda_item_id=foreign_item["id"])
    assert_problem(wrong_item, 422, "unknown_agenda_item")
    for seconds in (0, -5, 4 * 3600 + 1):
        assert_problem(await turn(client, facilitator, held_meeting, member_seat, seconds), 422, "validation_error")

    report = await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator))
    assert report == {"meeting_id": held_meeting, "total_seconds": 0, "by_sector": [], "by_person": []}


@pytest.mark.parametrize("who", ["host", "member"])
async def test_only_facilitators_log_and_read_speaking_turns(client, auth, db, world, facilitator, held_meeting, who):
    headers = await auth(who)

    assert_problem(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=headers), 403, "forbidden")
    assert_problem(await turn(client, headers, held_meeting, await seat(db, world, "member"), 60), 403, "forbidden")
    report = await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator))
    assert report["total_seconds"] == 0
