"""Input no database can take answers 4xx, never 500 (issue 8): NUL characters and unpaired surrogates
in any text (a JSON field, the sign-in form, the query string), numbers wider than their column, and
cursors forged to decode cleanly into values the database would choke on."""

import base64
import json

import pytest
from helpers import assert_problem, ok
from knowledge_factories import Cast, make_cast

from shulchan.core.pagination import encode_cursor

API = "/api/v1"
ITEMS = f"{API}/knowledge-items"


@pytest.fixture
async def cast(db, settings) -> Cast:
    return await make_cast(db, settings)


@pytest.fixture
async def item(client, cast) -> dict:
    """A knowledge item at pmo with two revisions."""
    body = {"roundtable_id": str(cast.roundtables["pmo"]), "kind": "data", "title": "נתונים", "language": "he"}
    created = ok(await client.post(ITEMS, json=body, headers=await cast.auth("facilitator")), 201)
    ok(
        await client.patch(
            f"{ITEMS}/{created['id']}", json={"body": "גוף"}, headers=await cast.auth("facilitator") | {"If-Match": "*"}
        )
    )
    return created


def raw_json(text: str) -> dict[str, str]:
    """Request arguments sending `text` as the body exactly as written (json= would re-escape it)."""
    return {"content": text.encode(), "headers": {"Content-Type": "application/json"}}


# --- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        '"title": "a\\u0000b"',  # a plain field
        '"title": "t", "tags": ["ok", "\\u0000"]',  # inside a list
        '"title": "t", "body": "\\ud800 alone"',  # a lone surrogate: not UTF-8
        '"title": "t", "body": "\\udc00"',
    ],
)
async def test_unstorable_text_in_a_json_body_is_refused(client, cast, field):
    headers = await cast.auth("facilitator")
    body = f'{{"roundtable_id": "{cast.roundtables["pmo"]}", "kind": "data", "language": "he", {field}}}'

    response = await client.post(ITEMS, **raw_json(body) | {"headers": headers | {"Content-Type": "application/json"}})

    problem = assert_problem(response, 422, "validation_error")
    assert "NUL" in problem["detail"]


async def test_text_that_only_looks_like_it_is_taken(client, cast):
    """An escaped backslash before u0000 is text, and a surrogate pair is one character (an emoji)."""
    headers = await cast.auth("facilitator") | {"Content-Type": "application/json"}
    body = (
        f'{{"roundtable_id": "{cast.roundtables["pmo"]}", "kind": "data", "language": "he",'
        ' "title": "\\ud83d\\ude00 \\\\u0000", "body": "נתונים"}'
    )

    created = ok(await client.post(ITEMS, content=body.encode(), headers=headers), 201)

    assert created["title"] == "\U0001f600 \\u0000"


async def test_nul_in_a_patch_is_refused_and_changes_nothing(client, cast, item):
    headers = await cast.auth("facilitator") | {"Content-Type": "application/json"}

    response = await client.patch(
        f"{ITEMS}/{item['id']}", content=b'{"summary": "x\\u0000"}', headers=headers | {"If-Match": "*"}
    )

    assert_problem(response, 422, "validation_error")
    assert ok(await client.get(f"{ITEMS}/{item['id']}", headers=headers))["summary"] == ""


@pytest.mark.parametrize(("username", "password"), [("a\x00@example.org", "secret"), ("a@example.org", "se\x00cret")])
async def test_nul_in_the_sign_in_form_is_refused(client, username, password):
    response = await client.post(f"{API}/auth/token", data={"username": username, "password": password})

    assert_problem(response, 422, "validation_error")


@pytest.mark.parametrize(
    "query", ["q=%00", "tag=a%00b", "sort=title%00", "cursor=%00"], ids=["q", "tag", "sort", "cursor"]
)
async def test_nul_in_the_query_string_is_refused(client, query):
    assert_problem(await client.get(f"{ITEMS}?{query}"), 422, "validation_error")


async def test_nul_in_the_path_is_refused(client):
    assert_problem(await client.get(f"{ITEMS}/%00"), 422, "validation_error")


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [2**31, 2**63, 10**30])
async def test_revision_numbers_wider_than_the_column_are_refused(client, cast, item, number):
    headers = await cast.auth("facilitator")
    url = f"{ITEMS}/{item['id']}"

    assert_problem(await client.get(f"{url}/revisions/{number}", headers=headers), 422, "validation_error")
    for params in ({"from": 1, "to": number}, {"from": number, "to": 1}):
        assert_problem(await client.get(f"{url}/diff", params=params, headers=headers), 422, "validation_error")


async def test_the_largest_revision_number_is_simply_not_there(client, cast, item):
    response = await client.get(f"{ITEMS}/{item['id']}/revisions/{2**31 - 1}", headers=await cast.auth("facilitator"))

    assert_problem(response, 404, "not_found")


@pytest.mark.parametrize("number", [2**31, 10**30])
async def test_minutes_revision_numbers_wider_than_the_column_are_refused(client, number):
    minutes = "01a22672-de5b-754b-ba85-afab40ad9875"
    assert_problem(await client.get(f"{API}/minutes/{minutes}/revisions/{number}"), 422, "validation_error")
    response = await client.get(f"{API}/minutes/{minutes}/diff", params={"from": 1, "to": number})
    assert_problem(response, 422, "validation_error")


# --- cursors ---------------------------------------------------------------------------------------


def forged(sort: str, values: list) -> str:
    """A cursor that decodes cleanly: the server's own encoding, with values chosen by the caller."""
    raw = json.dumps([sort, values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


ITEM_ID = {"u": "01a22672-de5b-754b-ba85-afab40ad9875"}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        # an integer column (revision numbers) takes 32 bits, not 64
        ("revisions", {"cursor": forged("-number", [2**40])}),
        ("revisions", {"cursor": forged("-number", [2**70])}),
        ("revisions", {"cursor": forged("-number", [True])}),
        ("revisions", {"cursor": forged("-number", [1.5])}),
        # tagged values whose payload is the wrong kind of thing
        ("list", {"cursor": forged("created_at", [{"u": 5}])}),
        ("list", {"cursor": forged("created_at", [{"u": None}])}),
        ("list", {"cursor": forged("created_at", [{"u": "not-a-uuid"}])}),
        # times: naive, or beyond the calendar once moved to UTC
        ("list", {"sort": "updated_at", "cursor": forged("updated_at", [{"t": "2026-01-01T10:00:00"}, ITEM_ID])}),
        ("list", {"sort": "updated_at", "cursor": forged("updated_at", [{"t": "0001-01-01T00:00:00+05:00"}, ITEM_ID])}),
        ("list", {"sort": "updated_at", "cursor": forged("updated_at", [{"t": "9999-12-31T23:59:59-05:00"}, ITEM_ID])}),
        ("list", {"sort": "updated_at", "cursor": forged("updated_at", [{"d": "2026-01-01"}, ITEM_ID])}),
        # text: NUL, a lone surrogate, a number
        ("list", {"sort": "title", "cursor": forged("title", ["a\x00", ITEM_ID])}),
        ("list", {"sort": "title", "cursor": forged("title", ["\ud800", ITEM_ID])}),
        ("list", {"sort": "title", "cursor": forged("title", [7, ITEM_ID])}),
        # shapes
        ("list", {"cursor": forged("created_at", [[ITEM_ID]])}),
        ("list", {"cursor": base64.urlsafe_b64encode(b'["created_at", 5]').decode()}),
        ("list", {"cursor": base64.urlsafe_b64encode(b"[" * 300 + b"]" * 300).decode()}),
    ],
)
async def test_forged_cursors_are_refused(client, cast, item, path, params):
    url = f"{ITEMS}/{item['id']}/revisions" if path == "revisions" else ITEMS

    response = await client.get(url, params=params, headers=await cast.auth("facilitator"))

    assert_problem(response, 400, "invalid_cursor")


async def test_a_date_column_takes_no_time_in_its_cursor(client, cast):
    cursor = forged("due_date", [{"t": "2026-01-01T10:00:00+00:00"}, ITEM_ID])

    response = await client.get(
        f"{API}/action-items", params={"sort": "due_date", "cursor": cursor}, headers=await cast.auth("facilitator")
    )

    assert_problem(response, 400, "invalid_cursor")


async def test_an_issued_cursor_still_works(client, cast, item):
    headers = await cast.auth("facilitator")
    first = ok(await client.get(f"{ITEMS}/{item['id']}/revisions", params={"limit": 1}, headers=headers))

    rest = ok(
        await client.get(f"{ITEMS}/{item['id']}/revisions", params={"cursor": first["next_cursor"]}, headers=headers)
    )

    assert [r["number"] for r in first["items"] + rest["items"]] == [2, 1]
    assert encode_cursor("-number", [2]) == first["next_cursor"]
