"""Minutes: one document per meeting whose revisions go draft → circulated → approved (→ locked).

Drafts are for facilitators and hosts; circulated text is commented on; approval is recorded on the revision;
a correction is a new revision while members keep reading the approved one; public summaries are published
for public roundtables only; approved minutes are found by search.
"""

from datetime import UTC, datetime, timedelta

import pytest
from decision_factories import Cast, make_cast, make_minutes
from helpers import assert_problem, edit, ok
from sqlalchemy import select

from shulchan.minutes.models import Minutes

API = "/api/v1"
TEXT = "פתיחה וסקירה של המשתתפים.\n\nהוחלט לקדם תוכנית תעסוקה בפריפריה.\n\nסיכום ומשימות להמשך."


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def new_meeting(client, headers, roundtable_id, title="מפגש השולחן") -> dict:
    start = datetime.now(UTC) + timedelta(days=3)
    body = {
        "title": title,
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "mode": "online",
        "online_url": "https://meet.example.org/table",
    }
    return ok(await client.post(f"{API}/roundtables/{roundtable_id}/meetings", headers=headers, json=body), 201)


async def new_minutes(client, headers, meeting_id, body=TEXT) -> dict:
    return ok(await client.post(f"{API}/meetings/{meeting_id}/minutes", headers=headers, json={"body": body}), 201)


async def move(client, headers, minutes_id, status: str, version: int | None = None):
    extra = {"If-Match": f'"{version}"'} if version is not None else {}
    return await client.post(
        f"{API}/minutes/{minutes_id}/transition", headers={**headers, **extra}, json={"status": status}
    )


async def table_minutes(client, cast, body=TEXT, until: str = "draft", title="מפגש השולחן") -> dict:
    """Minutes of a new meeting of the cast's table, taken by the facilitator as far as `until` (draft,
    circulated, approved, locked), every move the facilitator's."""
    meeting = await new_meeting(client, await cast.auth("facilitator"), cast.roundtable.id, title=title)
    return await make_minutes(client, cast, until, body=body, meeting_id=meeting["id"], approve="facilitator")


# --- one document per meeting ---------------------------------------------------------------------


async def test_a_meeting_gets_one_set_of_minutes_started_as_a_draft(client, cast):
    facilitator = await cast.auth("facilitator")
    meeting = await new_meeting(client, facilitator, cast.roundtable.id)

    response = await client.post(f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator, json={"body": TEXT})

    created = ok(response, 201)
    assert response.headers["Location"] == f"{API}/minutes/{created['id']}"
    assert response.headers["ETag"] == f'"{created["version"]}"'
    assert created["meeting_id"] == meeting["id"] and created["roundtable_id"] == str(cast.roundtable.id)
    assert (created["status"], created["revision"]) == ("draft", 1)
    shown = created["shown_revision"]
    assert (shown["number"], shown["status"], shown["body"]) == (1, "draft", TEXT)
    assert shown["created_by_user_id"] == str(cast.users["facilitator"].id)
    assert shown["approved_by_user_id"] is None and shown["circulated_at"] is None
    by_meeting = ok(await client.get(f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator))
    assert by_meeting["id"] == created["id"]

    again = await client.post(f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator, json={"body": "שוב"})

    assert_problem(again, 409, "minutes_exist")
    still = ok(await client.get(f"{API}/minutes/{created['id']}", headers=facilitator))
    assert still["shown_revision"]["body"] == TEXT


async def test_a_meeting_without_minutes_says_so(client, cast):
    facilitator = await cast.auth("facilitator")
    meeting = await new_meeting(client, facilitator, cast.roundtable.id)

    assert_problem(await client.get(f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator), 404, "no_minutes")


async def test_a_cancelled_meeting_takes_no_minutes(client, cast):
    facilitator = await cast.auth("facilitator")
    meeting = await new_meeting(client, facilitator, cast.roundtable.id)
    ok(
        await client.post(
            f"{API}/meetings/{meeting['id']}/transition", headers=facilitator, json={"status": "cancelled"}
        )
    )

    response = await client.post(f"{API}/meetings/{meeting['id']}/minutes", headers=facilitator, json={"body": TEXT})

    assert_problem(response, 409, "meeting_cancelled")


# --- the draft ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["facilitator", "host"])
async def test_facilitators_and_hosts_read_the_draft(client, cast, who):
    minutes = await table_minutes(client, cast)

    shown = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth(who)))

    assert shown["status"] == "draft" and shown["shown_revision"]["body"] == TEXT
    assert [r["number"] for r in shown["revisions"]] == [1]


@pytest.mark.parametrize("who", ["member", "observer"])
async def test_members_and_observers_do_not_see_a_draft_at_all(client, cast, who):
    minutes = await table_minutes(client, cast)
    headers = await cast.auth(who)

    assert_problem(await client.get(f"{API}/minutes/{minutes['id']}", headers=headers), 404, "not_found")
    assert_problem(
        await client.get(f"{API}/meetings/{minutes['meeting_id']}/minutes", headers=headers), 404, "not_found"
    )
    assert_problem(await client.get(f"{API}/minutes/{minutes['id']}/revisions/1", headers=headers), 404, "not_found")
    assert_problem(await client.get(f"{API}/minutes/{minutes['id']}/comments", headers=headers), 404, "not_found")


async def test_the_draft_is_edited_in_place_and_its_version_moves(client, cast):
    facilitator = await cast.auth("facilitator")
    minutes = await table_minutes(client, cast)

    response = await client.patch(
        f"{API}/minutes/{minutes['id']}",
        headers={**facilitator, "If-Match": f'"{minutes["version"]}"'},
        json={"body": "נוסח מתוקן של הטיוטה."},
    )

    edited = ok(response)
    assert edited["version"] > minutes["version"]
    assert response.headers["ETag"] == f'"{edited["version"]}"'
    assert (edited["revision"], edited["status"]) == (1, "draft")
    assert edited["shown_revision"]["body"] == "נוסח מתוקן של הטיוטה."


async def test_a_patch_without_a_body_changes_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    minutes = await table_minutes(client, cast)

    unchanged = ok(await edit(client, f"{API}/minutes/{minutes['id']}", headers=facilitator, json={}))
    null_body = await edit(client, f"{API}/minutes/{minutes['id']}", headers=facilitator, json={"body": None})

    assert unchanged["shown_revision"]["body"] == TEXT and unchanged["version"] == minutes["version"]
    assert_problem(null_body, 422, "validation_error")


async def test_two_editors_from_the_same_version_cannot_both_win(client, cast):
    facilitator, host = await cast.auth("facilitator"), await cast.auth("host")
    minutes = await table_minutes(client, cast)
    read = await client.get(f"{API}/minutes/{minutes['id']}", headers=facilitator)
    etag = read.headers["ETag"]

    first = await client.patch(
        f"{API}/minutes/{minutes['id']}", headers={**facilitator, "If-Match": etag}, json={"body": "הנוסח של הראשון."}
    )
    second = await client.patch(
        f"{API}/minutes/{minutes['id']}", headers={**facilitator, "If-Match": etag}, json={"body": "הנוסח של השני."}
    )

    assert first.status_code == 200, first.text
    problem = assert_problem(second, 412, "stale_version")
    assert problem["current_version"] == first.json()["version"]
    survived = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=host))
    assert survived["shown_revision"]["body"] == "הנוסח של הראשון."
    assert survived["version"] == first.json()["version"]


@pytest.mark.parametrize("until", ["circulated", "approved"])
async def test_only_a_draft_is_edited(client, cast, until):
    minutes = await table_minutes(client, cast, until=until)

    response = await edit(
        client, f"{API}/minutes/{minutes['id']}", headers=await cast.auth("facilitator"), json={"body": "שינוי מאוחר"}
    )

    assert_problem(response, 409, "minutes_not_draft")
    after = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth("facilitator")))
    assert after["shown_revision"]["body"] == TEXT and after["version"] == minutes["version"]


@pytest.mark.parametrize("body", ["", "   \n\n  "])
async def test_an_empty_draft_is_not_circulated(client, cast, body):
    facilitator = await cast.auth("facilitator")
    minutes = await table_minutes(client, cast, body=body)

    assert_problem(await move(client, facilitator, minutes["id"], "circulated"), 422, "minutes_empty")

    after = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=facilitator))
    assert after["status"] == "draft" and after["shown_revision"]["circulated_at"] is None


# --- circulation and comments ---------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "observer"])
async def test_circulated_minutes_are_read_by_the_whole_table(client, cast, who):
    before = datetime.now(UTC)
    minutes = await table_minutes(client, cast, until="circulated")

    shown = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth(who)))

    assert shown["status"] == "circulated"
    revision = shown["shown_revision"]
    assert (revision["number"], revision["status"], revision["body"]) == (1, "circulated", TEXT)
    assert before - timedelta(seconds=1) <= parse_time(revision["circulated_at"]) <= datetime.now(UTC)


async def test_circulated_minutes_can_be_recalled_to_draft_and_vanish_for_members_again(client, cast):
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    minutes = await table_minutes(client, cast, until="circulated")

    recalled = ok(await move(client, facilitator, minutes["id"], "draft"))

    assert recalled["status"] == "draft"
    assert_problem(await client.get(f"{API}/minutes/{minutes['id']}", headers=member), 404, "not_found")


async def test_members_comment_on_circulated_minutes_optionally_on_a_paragraph(client, cast):
    member, host = await cast.auth("member"), await cast.auth("host")
    minutes = await table_minutes(client, cast, until="circulated")

    on_paragraph = await client.post(
        f"{API}/minutes/{minutes['id']}/comments", headers=member, json={"body": "לדייק את הניסוח", "paragraph": 1}
    )
    general = await client.post(f"{API}/minutes/{minutes['id']}/comments", headers=host, json={"body": "מסכימה"})

    first, second = ok(on_paragraph, 201), ok(general, 201)
    assert (first["paragraph"], first["revision"], first["author_user_id"]) == (1, 1, str(cast.users["member"].id))
    assert (second["paragraph"], second["author_user_id"]) == (None, str(cast.users["host"].id))
    listed = ok(await client.get(f"{API}/minutes/{minutes['id']}/comments", headers=member))
    assert [(c["id"], c["body"]) for c in listed["items"]] == [
        (first["id"], "לדייק את הניסוח"),
        (second["id"], "מסכימה"),
    ]


async def test_observers_do_not_comment(client, cast):
    minutes = await table_minutes(client, cast, until="circulated")

    response = await client.post(
        f"{API}/minutes/{minutes['id']}/comments", headers=await cast.auth("observer"), json={"body": "הערה"}
    )

    assert_problem(response, 403, "forbidden")


@pytest.mark.parametrize("paragraph", [0, 2])
async def test_a_comment_may_point_at_any_paragraph_of_the_text(client, cast, paragraph):
    minutes = await table_minutes(client, cast, until="circulated")

    response = await client.post(
        f"{API}/minutes/{minutes['id']}/comments",
        headers=await cast.auth("member"),
        json={"body": "הערה", "paragraph": paragraph},
    )

    assert ok(response, 201)["paragraph"] == paragraph


async def test_a_comment_on_a_paragraph_that_does_not_exist_is_refused(client, cast):
    # Three paragraphs (blank runs between them do not make empty paragraphs): 0, 1 and 2.
    minutes = await table_minutes(client, cast, body="א.\n\n\n\nב.\n\nג.", until="circulated")
    member = await cast.auth("member")

    beyond = await client.post(
        f"{API}/minutes/{minutes['id']}/comments", headers=member, json={"body": "הערה", "paragraph": 3}
    )
    negative = await client.post(
        f"{API}/minutes/{minutes['id']}/comments", headers=member, json={"body": "הערה", "paragraph": -1}
    )

    assert_problem(beyond, 422, "unknown_paragraph")
    assert_problem(negative, 422, "validation_error")
    listed = ok(await client.get(f"{API}/minutes/{minutes['id']}/comments", headers=member))
    assert listed["items"] == []


@pytest.mark.parametrize("until", ["draft", "approved", "locked"])
async def test_comments_are_taken_only_while_circulated(client, cast, until):
    minutes = await table_minutes(client, cast, until=until)

    response = await client.post(
        f"{API}/minutes/{minutes['id']}/comments", headers=await cast.auth("host"), json={"body": "מאוחר מדי"}
    )

    assert_problem(response, 409, "minutes_not_circulated")


# --- approval -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["host", "facilitator"])
async def test_approval_is_recorded_on_the_revision(client, cast, who):
    minutes = await table_minutes(client, cast, until="circulated")
    before = datetime.now(UTC)

    approved = ok(await move(client, await cast.auth(who), minutes["id"], "approved", minutes["version"]))

    assert approved["status"] == "approved"
    revision = approved["shown_revision"]
    assert revision["status"] == "approved"
    assert revision["approved_by_user_id"] == str(cast.users[who].id)
    assert before - timedelta(seconds=1) <= parse_time(revision["approved_at"]) <= datetime.now(UTC)
    as_member = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth("member")))
    assert as_member["shown_revision"]["approved_by_user_id"] == str(cast.users[who].id)


async def test_members_do_not_approve(client, cast):
    minutes = await table_minutes(client, cast, until="circulated")

    assert_problem(await move(client, await cast.auth("member"), minutes["id"], "approved"), 403, "forbidden")

    after = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth("member")))
    assert after["status"] == "circulated" and after["shown_revision"]["approved_at"] is None


async def test_a_stale_if_match_on_a_transition_changes_nothing(client, cast):
    facilitator = await cast.auth("facilitator")
    minutes = await table_minutes(client, cast)
    ok(await edit(client, f"{API}/minutes/{minutes['id']}", headers=facilitator, json={"body": "נוסח חדש"}))

    assert_problem(
        await move(client, facilitator, minutes["id"], "circulated", minutes["version"]), 412, "stale_version"
    )

    assert ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=facilitator))["status"] == "draft"


@pytest.mark.parametrize(
    ("until", "target", "allowed"),
    [
        ("draft", "approved", ["circulated"]),
        ("draft", "locked", ["circulated"]),
        ("draft", "draft", ["circulated"]),
        ("circulated", "locked", ["approved", "draft"]),
        ("approved", "circulated", ["locked"]),
        ("approved", "draft", ["locked"]),
        ("locked", "approved", []),
        ("locked", "draft", []),
    ],
)
async def test_illegal_transitions_are_refused_with_what_is_allowed(client, cast, until, target, allowed):
    minutes = await table_minutes(client, cast, until=until)

    response = await move(client, await cast.auth("facilitator"), minutes["id"], target)

    problem = assert_problem(response, 409, "invalid_transition")
    assert problem["from"] == until and problem["allowed"] == allowed
    after = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth("facilitator")))
    assert after["status"] == until and after["version"] == minutes["version"]


# --- corrections and revisions --------------------------------------------------------------------


async def test_a_correction_is_a_new_draft_revision_members_do_not_see_until_it_is_circulated(client, cast):
    facilitator, host, member = await cast.auth("facilitator"), await cast.auth("host"), await cast.auth("member")
    approved = await table_minutes(client, cast, until="approved")
    corrected_text = TEXT.replace("תעסוקה בפריפריה", "תעסוקה בנגב ובגליל")

    response = await client.post(
        f"{API}/minutes/{approved['id']}/corrections",
        headers={**facilitator, "If-Match": f'"{approved["version"]}"'},
        json={"reason": "טעות בשם התוכנית", "body": corrected_text},
    )

    correction = ok(response, 201)
    assert (correction["status"], correction["revision"]) == ("draft", 2)
    assert correction["shown_revision"]["number"] == 2
    assert correction["shown_revision"]["reason"] == "טעות בשם התוכנית"
    assert correction["shown_revision"]["body"] == corrected_text
    assert [(r["number"], r["status"]) for r in correction["revisions"]] == [(2, "draft"), (1, "approved")]

    # Members still read revision 1, and nothing of revision 2 leaks to them.
    as_member = ok(await client.get(f"{API}/minutes/{approved['id']}", headers=member))
    assert as_member["shown_revision"]["number"] == 1 and as_member["shown_revision"]["body"] == TEXT
    assert [r["number"] for r in as_member["revisions"]] == [1]
    assert_problem(await client.get(f"{API}/minutes/{approved['id']}/revisions/2", headers=member), 404, "not_found")
    diff_as_member = await client.get(
        f"{API}/minutes/{approved['id']}/diff", headers=member, params={"from": 1, "to": 2}
    )
    assert_problem(diff_as_member, 404, "not_found")

    # Circulated: members now read revision 2.
    circulated = ok(await move(client, facilitator, approved["id"], "circulated"))
    as_member = ok(await client.get(f"{API}/minutes/{approved['id']}", headers=member))
    assert as_member["shown_revision"]["number"] == 2 and as_member["shown_revision"]["body"] == corrected_text
    comment = ok(
        await client.post(
            f"{API}/minutes/{approved['id']}/comments", headers=member, json={"body": "תודה", "paragraph": 1}
        ),
        201,
    )
    assert comment["revision"] == 2

    # Approved again: both revisions are kept, each with its own approval.
    final = ok(await move(client, host, approved["id"], "approved", circulated["version"]))
    assert [(r["number"], r["status"]) for r in final["revisions"]] == [(2, "approved"), (1, "approved")]
    first = ok(await client.get(f"{API}/minutes/{approved['id']}/revisions/1", headers=member))
    second = ok(await client.get(f"{API}/minutes/{approved['id']}/revisions/2", headers=member))
    assert (first["body"], first["approved_by_user_id"]) == (TEXT, str(cast.users["facilitator"].id))
    assert (second["body"], second["approved_by_user_id"]) == (corrected_text, str(cast.users["host"].id))
    assert second["reason"] == "טעות בשם התוכנית"

    diff = ok(await client.get(f"{API}/minutes/{approved['id']}/diff", headers=member, params={"from": 1, "to": 2}))
    assert (diff["from_number"], diff["to_number"]) == (1, 2)
    assert "-הוחלט לקדם תוכנית תעסוקה בפריפריה." in diff["diff"]
    assert "+הוחלט לקדם תוכנית תעסוקה בנגב ובגליל." in diff["diff"]
    assert "-פתיחה" not in diff["diff"]  # unchanged lines are context, not changes


async def test_a_correction_starts_from_the_approved_text_and_is_edited_as_a_draft(client, cast):
    facilitator = await cast.auth("facilitator")
    approved = await table_minutes(client, cast, until="approved")

    correction = ok(
        await client.post(f"{API}/minutes/{approved['id']}/corrections", headers=facilitator, json={"reason": "ניסוח"}),
        201,
    )
    assert correction["shown_revision"]["body"] == TEXT
    empty = ok(
        await client.get(f"{API}/minutes/{approved['id']}/diff", headers=facilitator, params={"from": 1, "to": 2})
    )
    assert empty["diff"] == ""

    edited = ok(
        await edit(client, f"{API}/minutes/{approved['id']}", headers=facilitator, json={"body": TEXT + "\n\nתוספת."})
    )

    assert edited["shown_revision"]["number"] == 2 and edited["shown_revision"]["body"].endswith("תוספת.")
    first = ok(await client.get(f"{API}/minutes/{approved['id']}/revisions/1", headers=facilitator))
    assert first["body"] == TEXT and first["status"] == "approved"


@pytest.mark.parametrize("until", ["draft", "circulated", "locked"])
async def test_only_approved_unlocked_minutes_take_a_correction(client, cast, until):
    minutes = await table_minutes(client, cast, until=until)

    response = await client.post(
        f"{API}/minutes/{minutes['id']}/corrections", headers=await cast.auth("facilitator"), json={"reason": "תיקון"}
    )

    assert_problem(response, 409, "minutes_not_approved")
    after = ok(await client.get(f"{API}/minutes/{minutes['id']}", headers=await cast.auth("facilitator")))
    assert after["revision"] == 1 and after["status"] == until


async def test_locked_minutes_are_final(client, cast):
    facilitator = await cast.auth("facilitator")
    approved = await table_minutes(client, cast, until="approved")

    locked = ok(await move(client, await cast.auth("host"), approved["id"], "locked"))

    assert locked["status"] == "locked" and locked["shown_revision"]["status"] == "locked"
    assert locked["shown_revision"]["approved_by_user_id"] == str(cast.users["facilitator"].id)
    edited = await edit(client, f"{API}/minutes/{approved['id']}", headers=facilitator, json={"body": "שינוי"})
    assert_problem(edited, 409, "minutes_not_draft")
    assert_problem(await move(client, facilitator, approved["id"], "circulated"), 409, "invalid_transition")


async def test_unknown_revisions_are_not_found(client, cast):
    facilitator = await cast.auth("facilitator")
    minutes = await table_minutes(client, cast, until="approved")

    assert_problem(
        await client.get(f"{API}/minutes/{minutes['id']}/revisions/2", headers=facilitator), 404, "not_found"
    )
    missing = await client.get(f"{API}/minutes/{minutes['id']}/diff", headers=facilitator, params={"from": 1, "to": 5})
    assert_problem(missing, 404, "not_found")
    zero = await client.get(f"{API}/minutes/{minutes['id']}/diff", headers=facilitator, params={"from": 0, "to": 1})
    assert_problem(zero, 422, "validation_error")


# --- public summaries -----------------------------------------------------------------------------


async def public_summaries(client, roundtable_id, headers=None):
    return await client.get(f"{API}/roundtables/{roundtable_id}/public-summaries", headers=headers or {})


async def all_public_summaries(client, roundtable_id, headers=None, limit: int = 200) -> list[dict]:
    """Every published summary, page after page."""
    items, cursor = [], None
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = ok(
            await client.get(
                f"{API}/roundtables/{roundtable_id}/public-summaries", headers=headers or {}, params=params
            )
        )
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


async def published_summary_ids(db, roundtable_id) -> list[str]:
    """From the database: the roundtable's published summaries, newest first."""
    rows = await db.execute(
        select(Minutes.id)
        .where(Minutes.roundtable_id == roundtable_id, Minutes.public_summary_published_at.is_not(None))
        .order_by(Minutes.public_summary_published_at.desc(), Minutes.id.desc())
    )
    return [str(minutes_id) for minutes_id in rows.scalars()]


async def publish(client, headers, minutes_id, text="סיכום פומבי של המפגש", published=True):
    return await client.put(
        f"{API}/minutes/{minutes_id}/public-summary",
        headers=headers,
        json={"public_summary": text, "published": published},
    )


@pytest.mark.parametrize("who", ["host", "facilitator"])
async def test_a_public_summary_is_published_after_approval_and_seen_by_anyone(client, cast, who):
    pmo = cast.roundtable.id
    minutes = await table_minutes(client, cast, until="approved", title="מפגש פתוח לציבור")
    headers = await cast.auth(who)
    earlier = await all_public_summaries(client, pmo)  # whatever the table published before
    before = datetime.now(UTC)

    published = ok(await publish(client, headers, minutes["id"], "השולחן דן בתעסוקה בפריפריה."))

    assert published["public_summary"] == "השולחן דן בתעסוקה בפריפריה."
    assert before - timedelta(seconds=1) <= parse_time(published["public_summary_published_at"]) <= datetime.now(UTC)
    for viewer in ({}, await cast.auth("outsider")):
        listed = await all_public_summaries(client, pmo, viewer)
        # Newest first: the new summary leads, the earlier ones follow unchanged.
        assert (
            listed[0]["minutes_id"],
            listed[0]["meeting_id"],
            listed[0]["meeting_title"],
            listed[0]["public_summary"],
        ) == (minutes["id"], minutes["meeting_id"], "מפגש פתוח לציבור", "השולחן דן בתעסוקה בפריפריה.")
        assert listed[1:] == earlier


async def test_only_published_summaries_are_listed_and_withdrawing_removes_one(client, cast, db):
    pmo, host = cast.roundtable.id, await cast.auth("host")
    earlier = [s["minutes_id"] for s in await all_public_summaries(client, pmo)]
    shown = await table_minutes(client, cast, until="approved", title="מפגש א")
    kept_back = await table_minutes(client, cast, until="approved", title="מפגש ב")
    ok(await publish(client, host, shown["id"], "סיכום א"))
    ok(await publish(client, host, kept_back["id"], "טיוטת סיכום ב", published=False))

    listed = [s["minutes_id"] for s in await all_public_summaries(client, pmo)]
    assert listed == [shown["id"], *earlier]
    assert listed == await published_summary_ids(db, pmo)  # every published one, the earlier ones included
    assert kept_back["id"] not in listed

    withdrawn = ok(await publish(client, host, shown["id"], "סיכום א", published=False))

    assert withdrawn["public_summary_published_at"] is None
    assert [s["minutes_id"] for s in await all_public_summaries(client, pmo)] == earlier


async def test_public_summaries_page_newest_first(client, cast):
    pmo, host = cast.roundtable.id, await cast.auth("host")
    earlier = [s["minutes_id"] for s in await all_public_summaries(client, pmo)]
    published = []
    for title in ("מפגש ראשון", "מפגש שני", "מפגש שלישי"):
        minutes = await table_minutes(client, cast, until="approved", title=title)
        ok(await publish(client, host, minutes["id"], f"סיכום {title}"))
        published.append(minutes["id"])

    seen = [s["minutes_id"] for s in await all_public_summaries(client, pmo, limit=1)]

    assert seen == [*reversed(published), *earlier]


async def test_a_summary_waits_for_approval(client, cast):
    host = await cast.auth("host")
    minutes = await table_minutes(client, cast, until="circulated")
    earlier = await all_public_summaries(client, cast.roundtable.id)

    assert_problem(await publish(client, host, minutes["id"]), 409, "minutes_not_approved")

    listed = await all_public_summaries(client, cast.roundtable.id)
    assert listed == earlier and minutes["id"] not in {s["minutes_id"] for s in listed}


async def test_a_published_summary_needs_text(client, cast):
    minutes = await table_minutes(client, cast, until="approved")

    assert_problem(await publish(client, await cast.auth("host"), minutes["id"], "   "), 422, "summary_empty")


async def test_members_do_not_publish_summaries(client, cast):
    minutes = await table_minutes(client, cast, until="approved")

    assert_problem(await publish(client, await cast.auth("member"), minutes["id"]), 403, "forbidden")


async def test_an_internal_roundtable_publishes_no_summaries(client, cast):
    education = cast.other.id
    facilitator2 = await cast.auth("facilitator2")
    meeting = await new_meeting(client, facilitator2, education)
    minutes = await new_minutes(client, facilitator2, meeting["id"])
    for status in ("circulated", "approved"):
        ok(await move(client, facilitator2, minutes["id"], status))

    assert_problem(await publish(client, facilitator2, minutes["id"]), 409, "roundtable_not_public")

    assert ok(await public_summaries(client, education, facilitator2))["items"] == []
    assert_problem(await public_summaries(client, education), 404, "not_found")


# --- search ---------------------------------------------------------------------------------------


async def search_ids(client, headers, q: str) -> list[str]:
    found = ok(await client.get(f"{API}/search", headers=headers, params={"q": q, "entity_type": "minutes"}))
    return [hit["entity_id"] for hit in found["items"]]


async def test_approved_minutes_are_found_by_seated_users_only(client, cast):
    body = "דיון על תוכנית zephyrquartz לחיזוק הפריפריה.\n\nסיכום."
    minutes = await table_minutes(client, cast, body=body, until="circulated")
    member = await cast.auth("member")
    assert minutes["id"] not in await search_ids(client, member, "zephyrquartz")

    ok(await move(client, await cast.auth("host"), minutes["id"], "approved"))

    for who in ("member", "observer", "host", "facilitator"):
        assert minutes["id"] in await search_ids(client, await cast.auth(who), "zephyrquartz"), who
    assert minutes["id"] in await search_ids(client, member, "פריפריה")  # found through the glued prefix ל
    for who in ("outsider", "anonymous", "facilitator2"):
        assert minutes["id"] not in await search_ids(client, await cast.auth(who), "zephyrquartz"), who


async def test_search_follows_the_approved_correction(client, cast):
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    minutes = await table_minutes(client, cast, body="המונח הישן quillibrant.", until="approved")
    ok(
        await client.post(
            f"{API}/minutes/{minutes['id']}/corrections",
            headers=facilitator,
            json={"reason": "מונח", "body": "המונח החדש vorpaline."},
        ),
        201,
    )
    # Until the correction is approved, the index keeps the approved text.
    assert minutes["id"] in await search_ids(client, member, "quillibrant")
    assert minutes["id"] not in await search_ids(client, member, "vorpaline")

    for status in ("circulated", "approved"):
        ok(await move(client, facilitator, minutes["id"], status))

    assert minutes["id"] in await search_ids(client, member, "vorpaline")
    assert minutes["id"] not in await search_ids(client, member, "quillibrant")


@pytest.mark.parametrize("who", ["member", "observer"])
async def test_a_draft_does_not_exist_for_those_who_may_not_read_it_whatever_they_try(client, cast, who):
    minutes = await table_minutes(client, cast)
    headers, url = await cast.auth(who), f"{API}/minutes/{minutes['id']}"

    attempts = [
        await edit(client, url, headers=headers, json={"body": "x"}),
        await move(client, headers, minutes["id"], "approved"),
        await client.post(f"{url}/comments", headers=headers, json={"body": "x"}),
        await client.post(f"{url}/corrections", headers=headers, json={"reason": "x"}),
        await client.get(f"{url}/diff", headers=headers, params={"from": 1, "to": 1}),
        await publish(client, headers, minutes["id"]),
    ]

    for response in attempts:
        assert_problem(response, 404, "not_found")
