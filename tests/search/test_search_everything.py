"""Meetings (with their agenda) and action items are searched beside knowledge, decisions and minutes,
each found only by those who may see it, and kept in step by the write path's index hooks."""

from datetime import UTC, datetime

from helpers import ok
from search.test_search import cast, found, past_meeting, signed_in  # noqa: F401  (fixtures)

SEATED = ("facilitator", "host", "member", "observer", "admin")
NOT_SEATED = ("outsider", "anonymous", "facilitator2")


async def test_a_meeting_is_found_by_its_title_and_agenda_by_those_seated_only(client, signed_in, cast):  # noqa: F811
    facilitator = signed_in["facilitator"]
    meeting = await past_meeting(client, facilitator, cast, datetime(2025, 3, 3, 9, tzinfo=UTC))
    item = ok(
        await client.post(
            f"/api/v1/meetings/{meeting['id']}/agenda-items",
            headers=facilitator,
            json={"title": "גשרים יבשתיים", "description": "מעבורות וגשרים בצפון"},
        ),
        201,
    )

    for who in SEATED:
        assert await found(client, signed_in[who], "גשר", entity_type="meeting") == [meeting["id"]], who
        assert meeting["id"] in await found(client, signed_in[who], "תחבורה", entity_type="meeting"), who
    for who in NOT_SEATED:
        assert await found(client, signed_in[who], "גשר") == [], who

    removed = await client.delete(f"/api/v1/agenda-items/{item['id']}", headers=facilitator | {"If-Match": '"1"'})
    assert removed.status_code == 204, removed.text
    assert await found(client, facilitator, "גשר") == []


async def test_an_action_item_is_found_by_those_seated_only(client, signed_in, cast):  # noqa: F811
    facilitator = signed_in["facilitator"]
    action = ok(
        await client.post(
            f"/api/v1/roundtables/{cast.roundtables['pmo']}/action-items",
            headers=facilitator,
            json={
                "title": "להכין סקירת מלגות",
                "description": "השוואת מלגות בין המשרדים",
                "owner_stakeholder_id": str(cast.stakeholders["member"]),
            },
        ),
        201,
    )
    for who in SEATED:
        assert await found(client, signed_in[who], "מלגה", entity_type="action_item") == [action["id"]], who
    for who in NOT_SEATED:
        assert await found(client, signed_in[who], "מלגה") == [], who
    assert await found(client, facilitator, "מלגה", entity_type="meeting") == []
