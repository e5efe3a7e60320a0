"""Meetings: scheduling with a time zone and a place, the status lifecycle, and the cross-roundtable calendar."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from helpers import assert_problem, make_meeting, make_roundtable, make_table, signed_in

from shulchan.meetings.models import MeetingStatus
from shulchan.roundtables.models import RoundtableStatus

API = "/api/v1"
JERUSALEM = ZoneInfo("Asia/Jerusalem")
# Far enough ahead that nothing else in the database starts nearby.
BASE = datetime(2031, 3, 10, 10, 0, tzinfo=JERUSALEM)
# The calendar from the day before BASE: the meetings a test schedules, after any other meeting in the database.
AHEAD = {"from": (BASE - timedelta(days=1)).isoformat()}


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def meeting_body(start: datetime = BASE, hours: float = 2, **overrides) -> dict:
    body = {
        "title": "מפגש השולחן",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=hours)).isoformat(),
        "mode": "in_person",
        "venue_name": "משרד ראש הממשלה, ירושלים",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


async def create_meeting(client, headers, roundtable_id, **overrides) -> dict:
    response = await client.post(
        f"{API}/roundtables/{roundtable_id}/meetings", headers=headers, json=meeting_body(**overrides)
    )
    assert response.status_code == 201, response.text
    return response.json()


async def transition(client, headers, meeting_id, status: str, **extra):
    return await client.post(
        f"{API}/meetings/{meeting_id}/transition", headers=headers, json={"status": status, **extra}
    )


@dataclass
class Cast:
    """Roundtables of their own, by key: "table" (a facilitator, a host, a member), "other" (facilitator2
    alone) and "concluded" (ended a year ago, with two meetings before that); headers by who signs in,
    with a platform admin and an outsider who sits nowhere."""

    roundtables: dict[str, uuid.UUID] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    concluded_on: date | None = None


@pytest.fixture
async def cast(db, settings) -> Cast:
    table = await make_table(db, settings, members=1)
    other = await make_table(db, settings, members=0)
    concluded = await make_roundtable(db, table.ministry, status=RoundtableStatus.concluded)
    concluded.ended_on = (datetime.now(UTC) - timedelta(days=365)).date()
    for days in (500, 400):
        await make_meeting(
            db,
            concluded,
            status=MeetingStatus.held,
            starts_at=datetime.now(UTC).replace(microsecond=0) - timedelta(days=days),
        )
    built = Cast(
        roundtables={"table": table.roundtable.id, "other": other.roundtable.id, "concluded": concluded.id},
        headers={
            "facilitator": table.facilitator,
            "host": table.host,
            "member": table.members[0],
            "facilitator2": other.facilitator,
            "admin": await signed_in(db, settings, admin=True),
            "outsider": await signed_in(db, settings),
        },
        concluded_on=concluded.ended_on,
    )
    await db.commit()
    return built


# --- scheduling ----------------------------------------------------------------------------------


async def test_a_scheduled_meeting_is_planned_stored_in_utc_and_kept_in_jerusalem_time(client, cast):
    facilitator = cast.headers["facilitator"]
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=facilitator,
        json=meeting_body(description="סדר יום ראשוני", venue_address="קפלן 3"),
    )

    assert response.status_code == 201, response.text
    meeting = response.json()
    assert response.headers["location"] == f"{API}/meetings/{meeting['id']}"
    assert response.headers["etag"] == '"1"'
    assert meeting["status"] == "planned"
    assert meeting["timezone"] == "Asia/Jerusalem"
    assert meeting["roundtable_id"] == str(cast.roundtables["table"])
    assert meeting["venue_address"] == "קפלן 3" and meeting["online_url"] is None
    # 10:00 in Jerusalem in March 2031 (standard time, UTC+2) is 08:00 UTC.
    assert instant(meeting["starts_at"]) == datetime(2031, 3, 10, 8, 0, tzinfo=UTC)
    assert instant(meeting["ends_at"]) - instant(meeting["starts_at"]) == timedelta(hours=2)
    assert instant(meeting["starts_at"]).utcoffset() == timedelta(0)

    fetched = await client.get(response.headers["location"], headers=cast.headers["member"])
    assert fetched.status_code == 200
    assert fetched.headers["etag"] == '"1"'
    assert {k: fetched.json()[k] for k in ("title", "starts_at", "ends_at", "timezone", "status")} == {
        k: meeting[k] for k in ("title", "starts_at", "ends_at", "timezone", "status")
    }


async def test_a_meeting_keeps_the_iana_zone_it_is_held_in(client, cast):
    london = datetime(2031, 7, 1, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    meeting = await create_meeting(
        client,
        cast.headers["facilitator"],
        cast.roundtables["table"],
        start=london,
        timezone="Europe/London",
        mode="online",
        venue_name=None,
        online_url="https://meet.example.org/london",
    )

    assert meeting["timezone"] == "Europe/London"
    assert instant(meeting["starts_at"]) == datetime(2031, 7, 1, 8, 30, tzinfo=UTC)  # BST is UTC+1
    assert meeting["venue_name"] is None and meeting["online_url"] == "https://meet.example.org/london"


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Asia/Jerusalem/", "../etc/passwd", "/etc/localtime", "UTC+3", ""])
async def test_an_unknown_time_zone_is_refused(client, cast, zone):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["facilitator"],
        json=meeting_body(timezone=zone),
    )

    body = assert_problem(response, 422, "validation_error")
    assert ["body", "timezone"] in [error["loc"] for error in body["errors"]]


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [
        ("2031-03-10T10:00:00+02:00", "2031-03-10T10:00:00+02:00"),  # ends when it starts
        ("2031-03-10T10:00:00+02:00", "2031-03-10T09:00:00+02:00"),  # ends before it starts
        # 11:00 in Jerusalem is 09:00 UTC: before a 10:00 UTC start, whatever the wall clocks say.
        ("2031-03-10T10:00:00+00:00", "2031-03-10T11:00:00+02:00"),
    ],
)
async def test_a_meeting_must_end_after_it_starts(client, cast, starts_at, ends_at):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["facilitator"],
        json=meeting_body() | {"starts_at": starts_at, "ends_at": ends_at},
    )

    assert_problem(response, 422, "ends_before_start")


async def test_ends_after_start_compares_instants_not_wall_clocks(client, cast):
    # 09:30 UTC is 11:30 in Jerusalem: an hour and a half after a 10:00+02:00 start.
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["facilitator"],
        json=meeting_body() | {"starts_at": "2031-03-10T10:00:00+02:00", "ends_at": "2031-03-10T09:30:00Z"},
    )

    assert response.status_code == 201, response.text
    meeting = response.json()
    assert instant(meeting["ends_at"]) - instant(meeting["starts_at"]) == timedelta(minutes=90)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"mode": "in_person", "venue_name": None}, "venue_required"),
        ({"mode": "in_person", "venue_name": "   "}, "venue_required"),
        ({"mode": "online", "venue_name": "חדר ישיבות"}, "online_url_required"),
        ({"mode": "hybrid", "venue_name": "חדר ישיבות"}, "online_url_required"),
        ({"mode": "hybrid", "venue_name": None, "online_url": "https://meet.example.org/x"}, "venue_required"),
    ],
)
async def test_the_mode_needs_its_venue_or_url(client, cast, fields, code):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["facilitator"],
        json=meeting_body(**fields),
    )

    assert_problem(response, 422, code)


@pytest.mark.parametrize(
    "fields",
    [
        {"mode": "online", "venue_name": None, "online_url": "https://meet.example.org/x"},
        {"mode": "hybrid", "online_url": "https://meet.example.org/x"},
        {"mode": "in_person"},
    ],
)
async def test_each_mode_with_what_it_needs_is_accepted(client, cast, fields):
    meeting = await create_meeting(client, cast.headers["facilitator"], cast.roundtables["table"], **fields)

    assert meeting["mode"] == fields["mode"]


async def test_an_online_url_must_be_https(client, cast):
    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["facilitator"],
        json=meeting_body(mode="online", venue_name=None, online_url="http://meet.example.org/x"),
    )

    body = assert_problem(response, 422, "validation_error")
    assert ["body", "online_url"] in [error["loc"] for error in body["errors"]]


@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
async def test_naive_datetimes_are_refused(client, cast, field):
    body = meeting_body()
    body[field] = "2031-03-10T12:00:00"

    response = await client.post(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings", headers=cast.headers["facilitator"], json=body
    )

    problem = assert_problem(response, 422, "validation_error")
    assert ["body", field] in [error["loc"] for error in problem["errors"]]


async def test_a_concluded_roundtable_holds_no_more_meetings(client, cast):
    # Only an admin still acts at a concluded table that nobody sits at any more.
    concluded, admin = str(cast.roundtables["concluded"]), cast.headers["admin"]
    response = await client.post(f"{API}/roundtables/{concluded}/meetings", headers=admin, json=meeting_body())

    assert_problem(response, 409, "roundtable_concluded")
    # The table's past meetings are all there is: nothing new, and nothing after the day it concluded.
    listed = await calendar(client, admin, roundtable_id=concluded)
    assert len(listed) == 2
    assert {meeting["roundtable_id"] for meeting in listed} == {concluded}
    assert all(instant(meeting["starts_at"]).date() <= cast.concluded_on for meeting in listed)
    assert await calendar(client, admin, roundtable_id=concluded, **AHEAD) == []


async def test_once_the_host_concludes_the_roundtable_its_facilitator_schedules_nothing(client, cast):
    pmo = cast.roundtables["table"]
    concluded = await client.post(
        f"{API}/roundtables/{pmo}/transition", headers=cast.headers["host"], json={"status": "concluded"}
    )
    assert concluded.status_code == 200, concluded.text

    response = await client.post(
        f"{API}/roundtables/{pmo}/meetings", headers=cast.headers["facilitator"], json=meeting_body()
    )

    assert_problem(response, 409, "roundtable_concluded")


# --- editing -------------------------------------------------------------------------------------


async def test_editing_a_meeting_bumps_its_version_and_a_stale_if_match_changes_nothing(client, cast):
    facilitator = cast.headers["facilitator"]
    meeting = await create_meeting(client, facilitator, cast.roundtables["table"])
    url = f"{API}/meetings/{meeting['id']}"

    edited = await client.patch(url, headers={**facilitator, "If-Match": '"1"'}, json={"title": "מפגש מעודכן"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["title"] == "מפגש מעודכן" and edited.json()["version"] == 2
    assert edited.headers["etag"] == '"2"'

    stale = await client.patch(url, headers={**facilitator, "If-Match": '"1"'}, json={"title": "דריסה"})
    body = assert_problem(stale, 412, "stale_version")
    assert body["current_version"] == 2
    current = (await client.get(url, headers=facilitator)).json()
    assert current["title"] == "מפגש מעודכן" and current["version"] == 2


async def test_an_edit_is_checked_against_the_meeting_as_it_stands(client, cast):
    facilitator = cast.headers["facilitator"]
    meeting = await create_meeting(client, facilitator, cast.roundtables["table"])
    url = f"{API}/meetings/{meeting['id']}"

    earlier_end = (BASE - timedelta(minutes=30)).isoformat()
    assert_problem(
        await client.patch(url, headers=facilitator, json={"ends_at": earlier_end}), 422, "ends_before_start"
    )
    assert_problem(await client.patch(url, headers=facilitator, json={"mode": "hybrid"}), 422, "online_url_required")
    assert_problem(await client.patch(url, headers=facilitator, json={"venue_name": None}), 422, "venue_required")
    naive = await client.patch(url, headers=facilitator, json={"starts_at": "2031-03-10T09:00:00"})
    assert_problem(naive, 422, "validation_error")
    assert_problem(
        await client.patch(url, headers=facilitator, json={"timezone": "Asia/Jerusalm"}), 422, "validation_error"
    )
    unchanged = (await client.get(url, headers=facilitator)).json()
    assert unchanged["version"] == 1 and unchanged["mode"] == "in_person" and unchanged["venue_name"]

    moved = await client.patch(
        url,
        headers=facilitator,
        json={"mode": "online", "online_url": "https://meet.example.org/pmo", "ends_at": "2031-03-10T13:30:00+02:00"},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["mode"] == "online"
    assert instant(moved.json()["ends_at"]) - instant(moved.json()["starts_at"]) == timedelta(hours=3, minutes=30)


async def test_a_host_may_edit_too(client, cast):
    meeting = await create_meeting(client, cast.headers["facilitator"], cast.roundtables["table"])

    response = await client.patch(
        f"{API}/meetings/{meeting['id']}", headers=cast.headers["host"], json={"description": "בתיאום עם הלשכה"}
    )

    assert response.status_code == 200, response.text
    assert response.json()["description"] == "בתיאום עם הלשכה"


# --- status lifecycle ----------------------------------------------------------------------------


async def test_a_meeting_is_confirmed_then_held(client, cast):
    facilitator = cast.headers["facilitator"]
    meeting = await create_meeting(client, facilitator, cast.roundtables["table"])

    confirmed = await transition(client, facilitator, meeting["id"], "confirmed")
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "confirmed" and confirmed.headers["etag"] == '"2"'
    held = await transition(client, {**facilitator, "If-Match": '"2"'}, meeting["id"], "held")
    assert held.status_code == 200, held.text
    assert held.json()["status"] == "held" and held.json()["version"] == 3


async def test_a_cancelled_meeting_keeps_its_reason_and_can_no_longer_be_edited(client, cast):
    host = cast.headers["host"]
    meeting = await create_meeting(client, cast.headers["facilitator"], cast.roundtables["table"])

    cancelled = await transition(client, host, meeting["id"], "cancelled", reason="חג")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled" and cancelled.json()["cancellation_reason"] == "חג"

    edit = await client.patch(f"{API}/meetings/{meeting['id']}", headers=host, json={"title": "בכל זאת"})
    assert_problem(edit, 409, "meeting_cancelled")
    after = (await client.get(f"{API}/meetings/{meeting['id']}", headers=host)).json()
    assert after["title"] == meeting["title"] and after["status"] == "cancelled"


@pytest.mark.parametrize(
    ("path", "target", "allowed"),
    [
        ([], "planned", ["cancelled", "confirmed", "held"]),
        (["confirmed"], "planned", ["cancelled", "held"]),
        (["confirmed"], "confirmed", ["cancelled", "held"]),
        (["held"], "cancelled", []),
        (["held"], "planned", []),
        (["cancelled"], "confirmed", []),
        (["cancelled"], "held", []),
        (["confirmed", "cancelled"], "planned", []),
    ],
)
async def test_illegal_transitions_answer_409_with_what_is_allowed(client, cast, path, target, allowed):
    facilitator = cast.headers["facilitator"]
    meeting = await create_meeting(client, facilitator, cast.roundtables["table"])
    for step in path:
        assert (await transition(client, facilitator, meeting["id"], step)).status_code == 200

    response = await transition(client, facilitator, meeting["id"], target)

    body = assert_problem(response, 409, "invalid_transition")
    assert body["allowed"] == allowed
    assert body["from"] == (path[-1] if path else "planned")
    current = (await client.get(f"{API}/meetings/{meeting['id']}", headers=facilitator)).json()
    assert current["status"] == body["from"] and current["version"] == len(path) + 1


async def test_a_stale_if_match_on_a_transition_changes_nothing(client, cast):
    facilitator = cast.headers["facilitator"]
    meeting = await create_meeting(client, facilitator, cast.roundtables["table"])
    await client.patch(f"{API}/meetings/{meeting['id']}", headers=facilitator, json={"title": "גרסה 2"})

    response = await transition(client, {**facilitator, "If-Match": '"1"'}, meeting["id"], "cancelled")

    assert_problem(response, 412, "stale_version")
    assert (await client.get(f"{API}/meetings/{meeting['id']}", headers=facilitator)).json()["status"] == "planned"


# --- the cross-roundtable calendar ----------------------------------------------------------------


async def _schedule(client, cast) -> dict[str, list[dict]]:
    """Three meetings of the table and two of the other, interleaved in time."""
    facilitator, facilitator2 = cast.headers["facilitator"], cast.headers["facilitator2"]
    pmo, education = cast.roundtables["table"], cast.roundtables["other"]
    made = {"pmo": [], "education": []}
    for day, key in [(3, "pmo"), (1, "education"), (2, "pmo"), (5, "education"), (4, "pmo")]:
        headers, roundtable = (facilitator, pmo) if key == "pmo" else (facilitator2, education)
        made[key].append(
            await create_meeting(client, headers, roundtable, start=BASE + timedelta(days=day), title=f"{key} {day}")
        )
    return made


async def calendar(client, headers, **params) -> list[dict]:
    """Every meeting of the calendar, page after page (the database may hold many more meetings)."""
    items, cursor = [], None
    while True:
        page = await client.get(
            f"{API}/meetings", headers=headers, params=params | {"limit": 200} | ({"cursor": cursor} if cursor else {})
        )
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


def in_time_order(meetings: list[dict]) -> bool:
    starts = [(instant(m["starts_at"]), m["id"]) for m in meetings]
    return starts == sorted(starts)


def ids(page_or_items) -> list[str]:
    items = page_or_items["items"] if isinstance(page_or_items, dict) else page_or_items
    return [item["id"] for item in items]


def by_start(meetings: list[dict], reverse: bool = False) -> list[str]:
    return [m["id"] for m in sorted(meetings, key=lambda m: (instant(m["starts_at"]), m["id"]), reverse=reverse)]


async def test_the_calendar_shows_each_caller_only_their_roundtables_meetings_in_time_order(client, cast):
    made = await _schedule(client, cast)
    pmo, education = (str(cast.roundtables[key]) for key in ("table", "other"))

    member = await client.get(f"{API}/meetings", headers=cast.headers["member"], params=AHEAD)
    assert member.status_code == 200, member.text
    assert ids(member.json()) == by_start(made["pmo"])
    members_calendar = await calendar(client, cast.headers["member"])
    assert {item["roundtable_id"] for item in members_calendar} == {pmo}
    assert in_time_order(members_calendar) and set(by_start(made["pmo"])) <= set(ids(members_calendar))

    facilitator2 = await client.get(f"{API}/meetings", headers=cast.headers["facilitator2"], params=AHEAD)
    assert ids(facilitator2.json()) == by_start(made["education"])
    facilitator2s_calendar = await calendar(client, cast.headers["facilitator2"])
    assert {item["roundtable_id"] for item in facilitator2s_calendar} == {education}
    assert in_time_order(facilitator2s_calendar)

    admin = await client.get(f"{API}/meetings", headers=cast.headers["admin"], params=AHEAD)
    assert ids(admin.json()) == by_start(made["pmo"] + made["education"])
    assert in_time_order(await calendar(client, cast.headers["admin"]))

    outsider = await client.get(f"{API}/meetings", headers=cast.headers["outsider"])
    assert outsider.status_code == 200 and outsider.json() == {"items": [], "next_cursor": None}
    assert_problem(await client.get(f"{API}/meetings"), 401, "not_authenticated")


async def test_a_meeting_of_a_roundtable_you_do_not_sit_at_does_not_exist_for_you(client, cast):
    made = await _schedule(client, cast)
    education_meeting = made["education"][0]["id"]

    assert_problem(
        await client.get(f"{API}/meetings/{education_meeting}", headers=cast.headers["member"]), 404, "not_found"
    )
    assert_problem(
        await client.get(f"{API}/meetings/{made['pmo'][0]['id']}", headers=cast.headers["outsider"]), 404, "not_found"
    )
    filtered = await client.get(
        f"{API}/meetings", headers=cast.headers["member"], params={"roundtable_id": str(cast.roundtables["other"])}
    )
    assert_problem(filtered, 404, "not_found")
    own = await client.get(
        f"{API}/meetings",
        headers=cast.headers["facilitator2"],
        params={"roundtable_id": str(cast.roundtables["other"])} | AHEAD,
    )
    assert ids(own.json()) == by_start(made["education"])


async def test_the_calendar_filters_by_status(client, cast):
    made = await _schedule(client, cast)
    facilitator = cast.headers["facilitator"]
    confirmed = made["pmo"][1]["id"]
    assert (await transition(client, facilitator, confirmed, "confirmed")).status_code == 200

    response = await client.get(f"{API}/meetings", headers=facilitator, params={"status": "confirmed"} | AHEAD)
    assert ids(response.json()) == [confirmed]
    planned = await client.get(f"{API}/meetings", headers=facilitator, params={"status": "planned"} | AHEAD)
    assert ids(planned.json()) == [m for m in by_start(made["pmo"]) if m != confirmed]
    # Over the whole calendar too, earlier meetings included: each status lists only its own.
    for status in ("confirmed", "planned", "held", "cancelled"):
        of_status = await calendar(client, facilitator, status=status)
        assert {item["status"] for item in of_status} <= {status}, status
        assert (confirmed in ids(of_status)) is (status == "confirmed"), status
    assert_problem(
        await client.get(f"{API}/meetings", headers=facilitator, params={"status": "postponed"}),
        422,
        "validation_error",
    )


async def test_from_is_inclusive_and_to_is_exclusive(client, cast):
    made = await _schedule(client, cast)
    admin = cast.headers["admin"]
    # Starts on days 1..5 after BASE; from = day 2 exactly, to = day 4 exactly.
    window = {
        "from": (BASE + timedelta(days=2)).isoformat(),
        "to": (BASE + timedelta(days=4)).astimezone(UTC).isoformat(),
    }

    response = await client.get(f"{API}/meetings", headers=admin, params=window)

    assert response.status_code == 200, response.text
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["pmo 2", "pmo 3"]
    just_after = await client.get(
        f"{API}/meetings", headers=admin, params={"from": (BASE + timedelta(days=2, seconds=1)).isoformat()}
    )
    assert [item["title"] for item in just_after.json()["items"]] == ["pmo 3", "pmo 4", "education 5"]
    # Up to day 1 exactly: earlier meetings only, none of these (the first starts at that very moment).
    day_one = BASE + timedelta(days=1)
    until = await calendar(client, admin, to=day_one.isoformat())
    assert all(instant(item["starts_at"]) < day_one for item in until)
    assert not set(ids(until)) & set(by_start(made["pmo"] + made["education"]))
    assert await calendar(client, admin, to=day_one.isoformat(), **AHEAD) == []
    from_first = await client.get(f"{API}/meetings", headers=admin, params={"from": day_one.isoformat()})
    assert ids(from_first.json()) == by_start(made["pmo"] + made["education"])


async def test_a_naive_from_or_to_is_refused_not_a_server_error(client, cast):
    await _schedule(client, cast)
    for name in ("from", "to"):
        response = await client.get(
            f"{API}/meetings", headers=cast.headers["admin"], params={name: "2031-03-12T00:00:00"}
        )

        body = assert_problem(response, 422, "validation_error")
        assert ["query", name] in [error["loc"] for error in body["errors"]]


@pytest.mark.parametrize("sort", ["starts_at", "-starts_at"])
async def test_the_calendar_pages_by_cursor_in_either_direction(client, cast, sort):
    made = await _schedule(client, cast)
    facilitator = cast.headers["facilitator"]
    # Two more meetings of the table starting at the very same moment: the id breaks the tie.
    for title in ("twin a", "twin b"):
        made["pmo"].append(
            await create_meeting(
                client, facilitator, cast.roundtables["table"], start=BASE + timedelta(days=2), title=title
            )
        )
    expected = by_start(made["pmo"], reverse=sort.startswith("-"))

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, "sort": sort} | AHEAD | ({"cursor": cursor} if cursor else {})
        page = await client.get(f"{API}/meetings", headers=facilitator, params=params)
        assert page.status_code == 200, page.text
        pages += 1
        assert len(page.json()["items"]) <= 2
        seen += ids(page.json())
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break

    assert seen == expected
    assert pages == 3  # five meetings, two at a time


async def test_a_cursor_belongs_to_its_sort(client, cast):
    await _schedule(client, cast)
    admin = cast.headers["admin"]
    first = (await client.get(f"{API}/meetings", headers=admin, params={"limit": 2})).json()

    response = await client.get(
        f"{API}/meetings", headers=admin, params={"limit": 2, "sort": "-starts_at", "cursor": first["next_cursor"]}
    )

    assert_problem(response, 400, "invalid_cursor")
    assert_problem(
        await client.get(f"{API}/meetings", headers=admin, params={"cursor": "not-ours"}), 400, "invalid_cursor"
    )


async def test_the_roundtable_calendar_lists_only_that_roundtable(client, cast):
    made = await _schedule(client, cast)

    response = await client.get(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings",
        headers=cast.headers["admin"],
        params={"limit": 2} | AHEAD,
    )

    assert ids(response.json()) == by_start(made["pmo"])[:2]
    assert response.json()["next_cursor"]
    whole = await client.get(
        f"{API}/roundtables/{cast.roundtables['table']}/meetings", headers=cast.headers["admin"], params={"limit": 200}
    )
    assert {item["roundtable_id"] for item in whole.json()["items"]} == {str(cast.roundtables["table"])}
    hidden = await client.get(f"{API}/roundtables/{cast.roundtables['other']}/meetings", headers=cast.headers["member"])
    assert_problem(hidden, 404, "not_found")


async def test_the_calendar_costs_the_same_number_of_queries_whatever_the_page_size(client, cast, count_queries):
    facilitator = cast.headers["facilitator"]
    for day in range(8):
        await create_meeting(client, facilitator, cast.roundtables["table"], start=BASE + timedelta(days=day))

    counts = {}
    for limit in (1, 8):
        counter = count_queries()
        response = await client.get(f"{API}/meetings", headers=facilitator, params={"limit": limit})
        assert response.status_code == 200
        assert len(response.json()["items"]) == limit
        counts[limit] = counter.count

    assert counts[1] == counts[8], counts
