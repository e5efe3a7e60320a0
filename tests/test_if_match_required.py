"""The texts people edit together (minutes, knowledge items, decisions) refuse a PATCH that does not say
which version it was made to: 428 `if_match_required`, nothing changed. It comes after the caller's
right to see (404) and to change (403), so it tells nothing about objects one may not see."""

import pytest
from decision_factories import API, Cast, make_cast, make_decision, make_minutes
from helpers import assert_problem, ok


@pytest.fixture
async def cast(db, settings) -> Cast:
    return await make_cast(db, settings)


async def _knowledge_item(client, cast: Cast) -> dict:
    body = {"roundtable_id": str(cast.roundtable.id), "kind": "research", "language": "he"}
    body |= {"title": "מחקר", "body": "גוף."}
    return ok(await client.post(f"{API}/knowledge-items", json=body, headers=await cast.auth("facilitator")), 201)


async def _co_edited(client, cast: Cast, kind: str) -> tuple[str, dict, dict]:
    """(url, a change, the object as read) for one kind of co-edited text."""
    if kind == "minutes":
        minutes = await make_minutes(client, cast)
        return f"{API}/minutes/{minutes['id']}", {"body": "נוסח אחר."}, minutes
    if kind == "decision":
        decision = await make_decision(client, cast, "proposed")
        return f"{API}/decisions/{decision['id']}", {"title": "כותרת אחרת"}, decision
    item = await _knowledge_item(client, cast)
    return f"{API}/knowledge-items/{item['id']}", {"title": "כותרת אחרת"}, item


KINDS = ["minutes", "decision", "knowledge_item"]


@pytest.mark.parametrize("kind", KINDS)
async def test_a_patch_without_if_match_is_refused_with_428_and_changes_nothing(client, cast, kind) -> None:
    facilitator = await cast.auth("facilitator")
    url, change, before = await _co_edited(client, cast, kind)

    refused = await client.patch(url, json=change, headers=facilitator)

    body = assert_problem(refused, 428, "if_match_required")
    assert "If-Match" in body["detail"]
    after = ok(await client.get(url, headers=facilitator))
    assert after["version"] == before["version"]
    changed = await client.patch(url, json=change, headers={**facilitator, "If-Match": f'"{before["version"]}"'})
    assert changed.status_code == 200, changed.text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("who", "status", "code"), [("outsider", 404, "not_found"), ("host", 403, "forbidden")])
async def test_who_may_not_change_it_hears_that_first(client, cast, kind, who, status, code) -> None:
    """The host reads all three but edits none of them (the facilitator writes the minutes)."""
    url, change, _ = await _co_edited(client, cast, kind)
    assert_problem(await client.patch(url, json=change, headers=await cast.auth(who)), status, code)


async def test_other_versioned_objects_still_accept_a_patch_without_if_match(client, cast) -> None:
    """Only the co-edited texts require it: a meeting, say, is changed by its facilitators alone."""
    facilitator = await cast.auth("facilitator")
    roundtable = f"{API}/roundtables/{cast.roundtable.id}"
    assert (await client.patch(roundtable, json={"policy_area": "שקיפות"}, headers=facilitator)).status_code == 200


def test_the_spec_documents_428_on_exactly_the_co_edited_texts(shared_app) -> None:
    spec = shared_app.openapi()
    requiring = sorted(
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "428" in operation.get("responses", {})
    )
    assert requiring == [
        "PATCH /api/v1/decisions/{decision_id}",
        "PATCH /api/v1/knowledge-items/{item_id}",
        "PATCH /api/v1/minutes/{minutes_id}",
    ]
