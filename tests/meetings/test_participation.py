"""Who takes part: invitations and RSVP per seat, attendance per seat and guest with rates per sector,
and speaking turns with each sector's and person's share of the time."""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from helpers import (
    assert_problem,
    bearer,
    make_ministry,
    make_organisation,
    make_person,
    make_roundtable,
    make_sector,
    seat,
    signed_in,
)
from sqlalchemy import func, or_, select

from shulchan.access.permissions import Role
from shulchan.meetings.models import Attendance, Invitation
from shulchan.organisations.models import OrganisationKind
from shulchan.roundtables.models import Seat

API = "/api/v1"
FUTURE = datetime(2031, 6, 1, 8, 0, tzinfo=UTC)
MEMBER_NAME = "תמר אלקיים"


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


@dataclass
class Cast:
    """A roundtable of its own across three sectors of its own, with two seats that ended a year ago,
    and people elsewhere: the facilitator of another roundtable (and their seat there), a platform admin."""

    roundtable_id: uuid.UUID
    sectors: dict[str, str] = field(default_factory=dict)  # government, business, civil → sector id
    seats: dict[str, str] = field(default_factory=dict)  # person → seat id
    stakeholders: dict[str, str] = field(default_factory=dict)
    users: dict[str, str] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    ended: set[str] = field(default_factory=set)
    other_seat: str = ""


# person → (sector, role); the seats of "left_host" and "left_member" ended a year ago.
ROSTER = {
    "facilitator": ("government", Role.facilitator),
    "host": ("government", Role.host),
    "ilana": ("government", Role.member),
    "member": ("civil", Role.member),
    "lia": ("civil", Role.member),
    "observer": ("civil", Role.observer),
    "yoav": ("business", Role.member),
    "left_host": ("government", Role.host),
    "left_member": ("civil", Role.member),
}
CURRENT = 7


@pytest.fixture
async def cast(db, settings) -> Cast:
    sectors = {
        "government": await make_sector(db, name_en="Government"),
        "business": await make_sector(db, name_en="Business & philanthropy"),
        "civil": await make_sector(db, name_en="Civil society"),
    }
    ministry = await make_ministry(db, sectors["government"])
    organisations = {
        "government": ministry,
        "business": await make_organisation(db, sectors["business"], OrganisationKind.company),
        "civil": await make_organisation(db, sectors["civil"]),
    }
    roundtable = await make_roundtable(db, ministry)
    built = Cast(roundtable.id, sectors={key: str(sector.id) for key, sector in sectors.items()})
    today = date.today()
    for key, (sector, role) in ROSTER.items():
        person = await make_person(db, organisations[sector], name=MEMBER_NAME if key == "member" else f"אדם {key}")
        ended = key.startswith("left_")
        row = await seat(
            db,
            roundtable,
            person,
            role,
            started_on=today - timedelta(days=3 * 365) if ended else None,
            ended_on=today - timedelta(days=365) if ended else None,
        )
        built.seats[key] = str(row.id)
        built.stakeholders[key] = str(row.stakeholder_id)
        built.users[key] = str(person.id)
        built.headers[key] = await bearer(db, settings, person)
        if ended:
            built.ended.add(str(row.id))

    elsewhere = await make_roundtable(db, ministry)
    facilitator2 = await make_person(db, ministry)
    built.other_seat = str((await seat(db, elsewhere, facilitator2, Role.facilitator)).id)
    built.headers["facilitator2"] = await bearer(db, settings, facilitator2)
    built.headers["admin"] = await signed_in(db, settings, admin=True)
    await db.commit()
    return built


@pytest.fixture
def facilitator(cast):
    return cast.headers["facilitator"]


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


# --- invitations ---------------------------------------------------------------------------------


async def test_inviting_without_a_list_invites_every_current_seat_once(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    seats = await current_seats(db, cast.roundtable_id)
    ended = {cast.seats["left_host"], cast.seats["left_member"]}

    invited = await ok(await invite(client, facilitator, meeting))

    assert {item["seat_id"] for item in invited["items"]} == set(seats)
    assert not ended & set(seats) and len(invited["items"]) == len(seats) == CURRENT
    assert {item["response"] for item in invited["items"]} == {"pending"}
    per_sector = Counter(seats.values())
    assert counts_by_sector(invited) == {
        sector: {"pending": n, "yes": 0, "no": 0, "maybe": 0} for sector, n in per_sector.items()
    }
    member = next(i for i in invited["items"] if i["stakeholder_id"] == str(cast.stakeholders["member"]))
    assert member["role"] == "member" and member["sector_id"] == str(cast.sectors["civil"])

    again = await ok(await invite(client, facilitator, meeting))
    assert [item["id"] for item in again["items"]] == [item["id"] for item in invited["items"]]
    rows = await db.scalar(
        select(func.count()).select_from(Invitation).where(Invitation.meeting_id == uuid.UUID(meeting))
    )
    assert rows == CURRENT


async def test_chosen_seats_are_invited_and_re_inviting_keeps_their_answers(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    member_seat, host_seat = cast.seats["member"], cast.seats["host"]

    chosen = await ok(await invite(client, cast.headers["host"], meeting, [member_seat, host_seat]))
    assert {item["seat_id"] for item in chosen["items"]} == {member_seat, host_seat}
    await ok(await rsvp(client, cast.headers["member"], meeting, "yes", note="אגיע"))

    again = await ok(await invite(client, facilitator, meeting, [member_seat]))
    everyone = await ok(await invite(client, facilitator, meeting))

    for listing in (again, everyone):
        mine = [item for item in listing["items"] if item["seat_id"] == member_seat]
        assert len(mine) == 1 and mine[0]["response"] == "yes" and mine[0]["note"] == "אגיע"
    assert len(again["items"]) == 2 and len(everyone["items"]) == CURRENT
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=cast.headers["observer"]))
    assert listed == everyone


@pytest.mark.parametrize("which", ["ended", "other_roundtable", "nonexistent"])
async def test_only_current_seats_of_the_roundtable_can_be_invited(client, db, cast, facilitator, which):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    bad = {"ended": cast.seats["left_host"], "other_roundtable": cast.other_seat}
    bad_seat = bad.get(which) or str(uuid.uuid4())

    response = await invite(client, facilitator, meeting, [cast.seats["member"], bad_seat])

    assert assert_problem(response, 422, "unknown_seat")["seat_ids"] == [bad_seat]
    assert (await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=facilitator)))["items"] == []


@pytest.mark.parametrize("status", ["held", "cancelled"])
async def test_nobody_is_invited_to_a_held_or_cancelled_meeting(client, cast, facilitator, status):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, status=status)

    assert_problem(await invite(client, facilitator, meeting), 409, "meeting_closed")


# --- RSVP ----------------------------------------------------------------------------------------


async def test_each_answers_for_their_own_seat_and_sectors_are_counted(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    await ok(await invite(client, facilitator, meeting))

    await ok(await rsvp(client, cast.headers["member"], meeting, "yes", note="אגיע עם עמית"))
    await ok(await rsvp(client, cast.headers["host"], meeting, "no", note="בחו״ל"))
    after = await ok(await rsvp(client, cast.headers["observer"], meeting, "maybe"))

    answers = {item["stakeholder_id"]: item for item in after["items"] if item["response"] != "pending"}
    assert {k: (v["response"], v["note"]) for k, v in answers.items()} == {
        str(cast.stakeholders["member"]): ("yes", "אגיע עם עמית"),
        str(cast.stakeholders["host"]): ("no", "בחו״ל"),
        str(cast.stakeholders["observer"]): ("maybe", None),
    }
    assert all(item["responded_at"] for item in answers.values())
    assert all(item["responded_at"] is None for item in after["items"] if item["response"] == "pending")

    seats = await current_seats(db, cast.roundtable_id)
    per_sector = Counter(seats.values())
    counts = counts_by_sector(after)
    civil, government = str(cast.sectors["civil"]), str(cast.sectors["government"])
    assert counts[civil] == {"pending": per_sector[civil] - 2, "yes": 1, "no": 0, "maybe": 1}
    assert counts[government] == {"pending": per_sector[government] - 1, "yes": 0, "no": 1, "maybe": 0}
    assert sum(sum(c.values()) for c in counts.values()) == len(seats)


async def test_a_changed_answer_replaces_the_earlier_one(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    member_seat = cast.seats["member"]
    await ok(await invite(client, facilitator, meeting, [member_seat]))
    member = cast.headers["member"]
    await ok(await rsvp(client, member, meeting, "yes", note="אגיע"))

    after = await ok(await rsvp(client, member, meeting, "no", seat_id=member_seat))

    assert [(i["response"], i["note"]) for i in after["items"]] == [("no", None)]
    assert counts_by_sector(after)[str(cast.sectors["civil"])]["no"] == 1


async def test_without_an_invitation_there_is_nothing_to_answer(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    host_seat = cast.seats["host"]
    await ok(await invite(client, facilitator, meeting, [host_seat]))
    member = cast.headers["member"]

    assert_problem(await rsvp(client, member, meeting, "yes"), 409, "not_invited")
    # Nor can anyone answer for somebody else's seat.
    assert_problem(await rsvp(client, member, meeting, "no", seat_id=host_seat), 409, "not_invited")
    assert_problem(await rsvp(client, cast.headers["admin"], meeting, "yes"), 409, "not_invited")
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=facilitator))
    assert [(i["seat_id"], i["response"]) for i in listed["items"]] == [(host_seat, "pending")]
    assert_problem(await rsvp(client, cast.headers["facilitator2"], meeting, "yes"), 404, "not_found")


async def test_pending_is_not_an_answer(client, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id)
    await ok(await invite(client, facilitator, meeting))
    member = cast.headers["member"]

    assert_problem(await rsvp(client, member, meeting, "pending"), 422, "invalid_response")
    assert_problem(await rsvp(client, member, meeting, "attending"), 422, "validation_error")
    listed = await ok(await client.get(f"{API}/meetings/{meeting}/invitations", headers=member))
    assert {i["response"] for i in listed["items"]} == {"pending"}


# --- attendance ----------------------------------------------------------------------------------


async def record(client, headers, meeting_id, entries):
    return await client.put(f"{API}/meetings/{meeting_id}/attendance", headers=headers, json={"entries": entries})


async def test_attendance_per_seat_and_guest_gives_a_rate_per_sector(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(3), status="held")
    entries = [
        ("host", "present"),
        ("ilana", "excused"),
        ("member", "present"),
        ("lia", "present"),
        ("observer", "absent"),
        ("yoav", "present"),
    ]

    report = await ok(
        await record(
            client,
            facilitator,
            meeting,
            [{"seat_id": cast.seats[who], "status": status} for who, status in entries]
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
    sectors = cast.sectors
    assert rates_by_sector(report["by_sector"]) == {
        str(sectors["government"]): (1, 0, 1, 0.5),
        str(sectors["civil"]): (2, 1, 0, 0.6667),
        str(sectors["business"]): (1, 0, 0, 1.0),
    }


async def test_recording_a_seat_again_updates_it(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(1))
    member_seat, host_seat = cast.seats["member"], cast.seats["host"]
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
    assert rates_by_sector(report["by_sector"])[str(cast.sectors["civil"])] == (0, 0, 1, 0.0)


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        ({"seat": "elsewhere", "status": "present"}, "unknown_seat"),
        ({"seat_id": str(uuid.uuid4()), "status": "present"}, "unknown_seat"),
        ({"seat": "member", "guest_name": "שני בשם אחד", "status": "present"}, "seat_or_guest"),
        ({"status": "present"}, "seat_or_guest"),
        ({"seat": "member", "status": "late"}, "validation_error"),
    ],
)
async def test_bad_attendance_entries_are_refused_and_nothing_is_recorded(client, db, cast, facilitator, entry, code):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(1))
    entry = dict(entry)
    if "seat" in entry:
        who = entry.pop("seat")
        entry["seat_id"] = cast.other_seat if who == "elsewhere" else cast.seats[who]
    good = {"seat_id": cast.seats["host"], "status": "present"}

    assert_problem(await record(client, facilitator, meeting, [good, entry]), 422, code)

    report = await ok(await client.get(f"{API}/meetings/{meeting}/attendance", headers=facilitator))
    assert report["items"] == [] and report["by_sector"] == []


async def test_attendance_waits_for_the_meeting_and_never_comes_for_a_cancelled_one(client, db, cast, facilitator):
    entries = [{"seat_id": cast.seats["member"], "status": "present"}]
    future = await create_meeting(client, facilitator, cast.roundtable_id, datetime.now(UTC) + timedelta(days=3))
    cancelled = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(2), status="cancelled")

    assert_problem(await record(client, facilitator, future, entries), 409, "meeting_not_started")
    assert_problem(await record(client, facilitator, cancelled, entries), 409, "meeting_cancelled")


async def test_hosts_read_attendance_and_members_do_not(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(2), status="held")
    await ok(await record(client, facilitator, meeting, [{"seat_id": cast.seats["member"], "status": "present"}]))
    host = cast.headers["host"]

    report = await ok(await client.get(f"{API}/meetings/{meeting}/attendance", headers=host))
    assert [i["status"] for i in report["items"]] == ["present"]
    assert_problem(
        await client.get(f"{API}/meetings/{meeting}/attendance", headers=cast.headers["member"]), 403, "forbidden"
    )
    writing = await record(client, host, meeting, [{"seat_id": cast.seats["host"], "status": "present"}])
    assert_problem(writing, 403, "forbidden")


def rates(counts: dict[str, tuple[int, int, int]]) -> dict[str, tuple[int, int, int, float]]:
    """The rates per sector of these (present, absent, excused) counts."""
    return {sector: (*c, round(c[0] / sum(c), 4)) for sector, c in counts.items()}


async def test_the_roundtables_attendance_counts_only_held_meetings_of_the_period(client, db, cast, facilitator):
    roundtable_id = cast.roundtable_id
    member_seat, host_seat = cast.seats["member"], cast.seats["host"]
    now = datetime.now(UTC)
    plan = [  # (days ago, status, member, host)
        (10, "held", "present", "absent"),
        (5, "held", "present", "present"),
        (3, "confirmed", "absent", "absent"),  # recorded, but never marked held
        (40, "held", "absent", None),  # before the period
    ]
    starts = {days: now - timedelta(days=days) for days, *_ in plan}
    url = f"{API}/roundtables/{roundtable_id}/attendance"
    host = cast.headers["host"]
    civil, government = str(cast.sectors["civil"]), str(cast.sectors["government"])
    period_params = {"from": (now - timedelta(days=20)).isoformat()}
    until_params = period_params | {"to": starts[5].isoformat()}
    for params in (period_params, {}, until_params):  # a new table: nothing held yet
        assert (await ok(await client.get(url, headers=host, params=params))) == []
    for days, status, member_status, host_status in plan:
        meeting = await create_meeting(client, facilitator, roundtable_id, starts[days], status=status)
        entries = [{"seat_id": member_seat, "status": member_status}]
        entries += [{"seat_id": host_seat, "status": host_status}] if host_status else []
        await ok(await record(client, facilitator, meeting, entries))

    period = await ok(await client.get(url, headers=host, params=period_params))
    assert rates_by_sector(period) == rates({civil: (2, 0, 0), government: (1, 1, 0)})

    always = await ok(await client.get(url, headers=host))
    assert rates_by_sector(always) == rates({civil: (2, 1, 0), government: (1, 1, 0)})

    # `to` is exclusive: the meeting starting exactly then is left out.
    until = await ok(await client.get(url, headers=host, params=until_params))
    assert rates_by_sector(until) == rates({civil: (1, 0, 0), government: (0, 1, 0)})

    assert_problem(await client.get(url, headers=cast.headers["member"]), 403, "forbidden")
    assert_problem(await client.get(url, headers=cast.headers["facilitator2"]), 404, "not_found")
    assert_problem(await client.get(url, headers=host, params={"from": "2020-01-01T00:00:00"}), 422, "validation_error")


# --- speaking turns ------------------------------------------------------------------------------


async def turn(client, headers, meeting_id, seat_id, seconds, **extra):
    return await client.post(
        f"{API}/meetings/{meeting_id}/speaking-turns",
        headers=headers,
        json={"seat_id": seat_id, "seconds": seconds, **extra},
    )


@pytest.fixture
async def held_meeting(client, cast, facilitator) -> str:
    return await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(2), status="held")


async def test_speaking_time_is_shared_out_per_sector_and_per_person(client, db, cast, facilitator, held_meeting):
    member_seat, host_seat, yoav_seat = [cast.seats[k] for k in ("member", "host", "yoav")]

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
    assert names[member_seat] == MEMBER_NAME
    sectors = {s["key_id"]: (s["name"], s["seconds"], s["turns"], s["share"]) for s in report["by_sector"]}
    assert sectors == {
        str(cast.sectors["civil"]): ("Civil society", 180, 2, 0.6),
        str(cast.sectors["government"]): ("Government", 90, 1, 0.3),
        str(cast.sectors["business"]): ("Business & philanthropy", 30, 1, 0.1),
    }
    assert sum(s["share"] for s in report["by_sector"]) == pytest.approx(1.0)
    assert sum(p["share"] for p in report["by_person"]) == pytest.approx(1.0)
    assert await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator)) == report


async def test_shares_sum_to_one_even_when_the_time_divides_unevenly(client, db, cast, facilitator, held_meeting):
    for who in ("member", "host", "yoav"):
        report = await ok(await turn(client, facilitator, held_meeting, cast.seats[who], 100), 201)

    assert report["total_seconds"] == 300
    assert {p["share"] for p in report["by_person"]} == {0.3333}
    assert sum(s["share"] for s in report["by_sector"]) == pytest.approx(1.0, abs=1e-3)
    assert sum(p["share"] for p in report["by_person"]) == pytest.approx(1.0, abs=1e-3)


async def test_a_turn_may_name_the_agenda_item_it_was_about(client, db, cast, facilitator):
    meeting = await create_meeting(client, facilitator, cast.roundtable_id, hours_ago(2))
    item = await ok(
        await client.post(f"{API}/meetings/{meeting}/agenda-items", headers=facilitator, json={"title": "תעסוקה"}), 201
    )

    report = await ok(
        await turn(client, facilitator, meeting, cast.seats["member"], 45, agenda_item_id=item["id"]), 201
    )

    assert report["total_seconds"] == 45 and report["by_person"][0]["turns"] == 1


async def test_a_turn_must_be_by_a_seat_of_this_table_about_this_meeting(client, db, cast, facilitator, held_meeting):
    member_seat = cast.seats["member"]
    other = await create_meeting(client, facilitator, cast.roundtable_id)
    foreign_item = await ok(
        await client.post(f"{API}/meetings/{other}/agenda-items", headers=facilitator, json={"title": "אחר"}), 201
    )

    education_seat = cast.other_seat
    assert_problem(await turn(client, facilitator, held_meeting, education_seat, 60), 422, "unknown_seat")
    assert_problem(await turn(client, facilitator, held_meeting, str(uuid.uuid4()), 60), 422, "unknown_seat")
    wrong_item = await turn(client, facilitator, held_meeting, member_seat, 60, agenda_item_id=foreign_item["id"])
    assert_problem(wrong_item, 422, "unknown_agenda_item")
    for seconds in (0, -5, 4 * 3600 + 1):
        assert_problem(await turn(client, facilitator, held_meeting, member_seat, seconds), 422, "validation_error")

    report = await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator))
    assert report == {"meeting_id": held_meeting, "total_seconds": 0, "by_sector": [], "by_person": []}


@pytest.mark.parametrize("who", ["host", "member"])
async def test_only_facilitators_log_and_read_speaking_turns(client, db, cast, facilitator, held_meeting, who):
    headers = cast.headers[who]

    assert_problem(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=headers), 403, "forbidden")
    assert_problem(await turn(client, headers, held_meeting, cast.seats["member"], 60), 403, "forbidden")
    report = await ok(await client.get(f"{API}/meetings/{held_meeting}/speaking-turns", headers=facilitator))
    assert report["total_seconds"] == 0
