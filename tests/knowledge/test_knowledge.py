"""The knowledge library: who adds, sees, edits and archives items; tags, links, revisions and diffs."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from helpers import assert_problem, edit, ok
from knowledge_factories import Cast, make_cast

ITEMS = "/api/v1/knowledge-items"
LIBRARY = None  # as a roundtable key: the shared library, which belongs to no roundtable


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), not the demo story's."""
    return await make_cast(db, settings)


def item_body(cast, roundtable: str | None, **overrides) -> dict:
    body = {
        "kind": "background_paper",
        "title": "רקע על תעסוקה בפריפריה",
        "body": "# רקע\n\nשורה ראשונה.\nשורה שנייה.",
        "summary": "תקציר קצר.",
        "language": "he",
    }
    if roundtable is not None:
        body["roundtable_id"] = str(cast.roundtables[roundtable])
    return body | overrides


async def add_item(client, headers, cast, roundtable: str | None = "pmo", **overrides) -> dict:
    return ok(await client.post(ITEMS, json=item_body(cast, roundtable, **overrides), headers=headers), 201)


async def listed(client, headers, **params) -> list[dict]:
    """Every item of the list, walked page by page."""
    found, cursor = [], None
    while True:
        page = ok(
            await client.get(
                ITEMS, params={"limit": 200, **params, **({"cursor": cursor} if cursor else {})}, headers=headers
            )
        )
        found += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return found


async def listed_ids(client, headers, **params) -> set[str]:
    return {item["id"] for item in await listed(client, headers, **params)}


# --- creating -------------------------------------------------------------------------------------


async def test_an_item_keeps_what_was_written_with_tags_normalised(client, cast):
    facilitator = await cast.auth("facilitator")
    response = await client.post(
        ITEMS,
        headers=facilitator,
        json=item_body(
            cast,
            "pmo",
            kind="position_paper",
            title="Employment in the periphery",
            body="## Findings\n\n* one\n* two",
            summary="What we found.",
            tags=[" Employment ", "employment", "PERIPHERY", "תעסוקה", "  ", "Periphery"],
            language="en",
            authors=["Dana Levi", "Yossi Cohen"],
            url="https://example.org/paper",
            visibility="public",
        ),
    )
    created = ok(response, 201)

    assert response.headers["location"] == f"{ITEMS}/{created['id']}"
    assert response.headers["etag"] == f'"{created["version"]}"'
    assert created["roundtable_id"] == str(cast.roundtables["pmo"])
    assert created["kind"] == "position_paper"
    assert created["title"] == "Employment in the periphery"
    assert created["body"] == "## Findings\n\n* one\n* two"
    assert created["summary"] == "What we found."
    assert created["tags"] == ["employment", "periphery", "תעסוקה"]
    assert created["language"] == "en"
    assert created["authors"] == ["Dana Levi", "Yossi Cohen"]
    assert created["url"] == "https://example.org/paper"
    assert created["visibility"] == "public"
    assert created["created_by_user_id"] == str(cast.users["facilitator"])
    assert created["revision"] == 1
    assert created["archived_at"] is None
    assert created["links"] == [] and created["attachments"] == []

    read = await client.get(f"{ITEMS}/{created['id']}", headers=facilitator)
    assert ok(read) == created
    assert read.headers["etag"] == f'"{created["version"]}"'


async def test_visibility_defaults_to_the_roundtable(client, cast):
    created = await add_item(client, await cast.auth("member"), cast)
    assert created["visibility"] == "roundtable"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "novel"}, "kind"),
        ({"title": ""}, "title"),
        ({"language": "fr"}, "language"),
        ({"visibility": "everyone"}, "visibility"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"tags": [f"t{i}" for i in range(31)]}, "tags"),
    ],
)
async def test_invalid_items_are_refused(client, cast, overrides, field):
    response = await client.post(
        ITEMS, json=item_body(cast, "pmo", **overrides), headers=await cast.auth("facilitator")
    )
    body = assert_problem(response, 422, "validation_error")
    assert any(field in error["loc"] for error in body["errors"]), body


@pytest.mark.parametrize(("who", "status"), [("facilitator", 201), ("host", 201), ("member", 201)])
async def test_seated_contributors_add_to_their_roundtable(client, cast, who, status):
    response = await client.post(ITEMS, json=item_body(cast, "pmo"), headers=await cast.auth(who))
    assert ok(response, status)["created_by_user_id"] == str(cast.users[who])


@pytest.mark.parametrize(
    ("who", "roundtable", "status", "code"),
    [
        ("observer", "pmo", 403, "forbidden"),
        ("outsider", "pmo", 403, "forbidden"),  # a public roundtable: visible, but no seat to add from
        ("anonymous", "pmo", 401, "not_authenticated"),
        ("member", "education", 404, "not_found"),  # internal, and the member has no seat there
        ("facilitator", "education", 404, "not_found"),
    ],
)
async def test_others_may_not_add_to_a_roundtable(client, cast, who, roundtable, status, code):
    response = await client.post(ITEMS, json=item_body(cast, roundtable), headers=await cast.auth(who))
    assert_problem(response, status, code)


@pytest.mark.parametrize("who", ["facilitator", "facilitator2", "admin"])
async def test_facilitators_and_admins_add_to_the_shared_library(client, cast, who):
    created = await add_item(client, await cast.auth(who), cast, LIBRARY)
    assert created["roundtable_id"] is None


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [("member", 403, "forbidden"), ("host", 403, "forbidden"), ("anonymous", 401, "not_authenticated")],
)
async def test_others_may_not_add_to_the_shared_library(client, cast, who, status, code):
    admin = await cast.auth("admin")
    before = await listed(client, admin, library=True)
    response = await client.post(ITEMS, json=item_body(cast, LIBRARY), headers=await cast.auth(who))
    assert_problem(response, status, code)
    assert await listed(client, admin, library=True) == before  # nothing was added


@pytest.mark.parametrize("who", ["member", "host"])
async def test_only_facilitators_choose_facilitator_visibility(client, cast, who):
    headers = await cast.auth(who)
    refused = await client.post(ITEMS, json=item_body(cast, "pmo", visibility="facilitators"), headers=headers)
    assert_problem(refused, 403, "forbidden")

    own = await add_item(client, headers, cast)
    widened = await edit(client, f"{ITEMS}/{own['id']}", json={"visibility": "facilitators"}, headers=headers)
    assert_problem(widened, 403, "forbidden")
    assert ok(await client.get(f"{ITEMS}/{own['id']}", headers=headers))["visibility"] == "roundtable"

    allowed = await add_item(client, await cast.auth("facilitator"), cast, visibility="facilitators")
    assert allowed["visibility"] == "facilitators"


# --- who sees what ----------------------------------------------------------------------------------

PLACES = {
    "pmo_public": ("pmo", "public"),
    "pmo_roundtable": ("pmo", "roundtable"),
    "pmo_facilitators": ("pmo", "facilitators"),
    "education_public": ("education", "public"),
    "education_roundtable": ("education", "roundtable"),
    "education_facilitators": ("education", "facilitators"),
    "library_public": (LIBRARY, "public"),
    "library_roundtable": (LIBRARY, "roundtable"),
    "library_facilitators": (LIBRARY, "facilitators"),
}
SEES = {
    # The public: public items of public roundtables and of the shared library.
    "anonymous": {"pmo_public", "library_public"},
    # Signed in without a seat: the shared library's roundtable-level items too.
    "outsider": {"pmo_public", "library_public", "library_roundtable"},
    "member": {"pmo_public", "pmo_roundtable", "library_public", "library_roundtable"},
    "observer": {"pmo_public", "pmo_roundtable", "library_public", "library_roundtable"},
    "host": {"pmo_public", "pmo_roundtable", "library_public", "library_roundtable"},
    "facilitator": {
        "pmo_public",
        "pmo_roundtable",
        "pmo_facilitators",
        "library_public",
        "library_roundtable",
        "library_facilitators",
    },
    # Facilitates Education, has no seat at PMO: PMO's public items only.
    "facilitator2": {
        "pmo_public",
        "education_public",
        "education_roundtable",
        "education_facilitators",
        "library_public",
        "library_roundtable",
        "library_facilitators",
    },
    "admin": set(PLACES),
}


async def add_one_of_each(client, cast) -> dict[str, str]:
    """One item per roundtable × visibility, added by a facilitator of its place; ids by name."""
    adders = {
        "pmo": await cast.auth("facilitator"),
        "education": await cast.auth("facilitator2"),
        LIBRARY: await cast.auth("admin"),
    }
    ids = {}
    for name, (roundtable, visibility) in PLACES.items():
        created = await add_item(
            client, adders[roundtable], cast, roundtable, title=f"item {name}", visibility=visibility, tags=["matrix"]
        )
        ids[name] = created["id"]
    return ids


@pytest.mark.parametrize("who", list(SEES))
async def test_each_viewer_lists_and_reads_exactly_what_they_may_see(client, cast, who):
    ids = await add_one_of_each(client, cast)
    headers = await cast.auth(who)

    visible = await listed_ids(client, headers, tag="matrix")
    assert {name for name, item_id in ids.items() if item_id in visible} == SEES[who]
    for name, item_id in ids.items():
        response = await client.get(f"{ITEMS}/{item_id}", headers=headers)
        if name in SEES[who]:
            assert ok(response)["id"] == item_id
        else:
            assert_problem(response, 404, "not_found")


async def test_internal_roundtable_items_do_not_leak_through_the_roundtable_filter(client, cast):
    await add_item(client, await cast.auth("facilitator2"), cast, "education", visibility="public")
    for who in ("member", "outsider", "anonymous"):
        response = await client.get(
            ITEMS, params={"roundtable_id": str(cast.roundtables["education"])}, headers=await cast.auth(who)
        )
        assert_problem(response, 404, "not_found")


# --- list filters and paging ------------------------------------------------------------------------


async def test_the_list_filters_by_roundtable_library_kind_tag_and_language(client, cast):
    facilitator = await cast.auth("facilitator")
    paper = await add_item(client, facilitator, cast, kind="research", tags=["Employment"], language="en")
    protocol = await add_item(client, facilitator, cast, kind="protocol", tags=["תעסוקה", "periphery"])
    shared = await add_item(client, facilitator, cast, LIBRARY, kind="research", tags=["employment"], language="en")
    pmo = str(cast.roundtables["pmo"])
    ours = {paper["id"], protocol["id"], shared["id"]}
    # The library has years of items already: each filter must keep exactly those of them that fit it, too.
    everything = await listed(client, facilitator)
    assert ours <= {item["id"] for item in everything}
    cases = [
        ({"roundtable_id": pmo}, {paper["id"], protocol["id"]}, lambda i: i["roundtable_id"] == pmo),
        ({"library": True}, {shared["id"]}, lambda i: i["roundtable_id"] is None),
        ({"kind": "research"}, {paper["id"], shared["id"]}, lambda i: i["kind"] == "research"),
        (
            {"kind": "protocol", "roundtable_id": pmo},
            {protocol["id"]},
            lambda i: i["kind"] == "protocol" and i["roundtable_id"] == pmo,
        ),
        ({"tag": "employment"}, {paper["id"], shared["id"]}, lambda i: "employment" in i["tags"]),
        ({"tag": "Employment"}, {paper["id"], shared["id"]}, lambda i: "employment" in i["tags"]),
        ({"tag": "תעסוקה"}, {protocol["id"]}, lambda i: "תעסוקה" in i["tags"]),
        ({"tag": "employ"}, set(), lambda i: "employ" in i["tags"]),  # whole tags only
        ({"language": "en"}, {paper["id"], shared["id"]}, lambda i: i["language"] == "en"),
        ({"language": "he"}, {protocol["id"]}, lambda i: i["language"] == "he"),
    ]
    for params, expected_ours, fits in cases:
        found = await listed_ids(client, facilitator, **params)
        assert found & ours == expected_ours, params
        assert found == {item["id"] for item in everything if fits(item)}, params

    assert_problem(await client.get(ITEMS, params={"kind": "novel"}, headers=facilitator), 422, "validation_error")
    unknown = await client.get(ITEMS, params={"roundtable_id": str(uuid.uuid4())}, headers=facilitator)
    assert_problem(unknown, 404, "not_found")


async def test_the_list_walks_by_cursor_without_gaps_or_repeats(client, cast):
    facilitator = await cast.auth("facilitator")
    titles = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    for title in reversed(titles):
        await add_item(client, facilitator, cast, title=title, tags=["walk"])

    for sort, expected in (("title", titles), ("-title", list(reversed(titles)))):
        seen, cursor, pages = [], None, 0
        while True:
            params = {"tag": "walk", "limit": 2, "sort": sort} | ({"cursor": cursor} if cursor else {})
            page = ok(await client.get(ITEMS, params=params, headers=facilitator))
            pages += 1
            assert len(page["items"]) <= 2
            seen += [item["title"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == expected
        assert pages == 3

    newest_first = [item["title"] for item in await listed(client, facilitator, tag="walk")]
    assert sorted(newest_first) == titles and len(set(newest_first)) == 5

    title_cursor = ok(await client.get(ITEMS, params={"tag": "walk", "limit": 2, "sort": "title"}, headers=facilitator))
    mismatched = await client.get(
        ITEMS, params={"tag": "walk", "sort": "-updated_at", "cursor": title_cursor["next_cursor"]}, headers=facilitator
    )
    assert_problem(mismatched, 400, "invalid_cursor")
    assert_problem(
        await client.get(ITEMS, params={"cursor": "not-a-cursor"}, headers=facilitator), 400, "invalid_cursor"
    )


# --- editing ----------------------------------------------------------------------------------------


async def test_members_edit_what_they_added_and_nothing_else(client, cast):
    member, host = await cast.auth("member"), await cast.auth("host")
    own = await add_item(client, member, cast, title="שלי")
    hosts = await add_item(client, host, cast, title="של המארחת")

    edited = ok(await edit(client, f"{ITEMS}/{own['id']}", json={"title": "שלי, מתוקן"}, headers=member))
    assert edited["title"] == "שלי, מתוקן"

    refused = await edit(client, f"{ITEMS}/{hosts['id']}", json={"title": "נחטף"}, headers=member)
    assert_problem(refused, 403, "forbidden")
    assert ok(await client.get(f"{ITEMS}/{hosts['id']}", headers=host))["title"] == "של המארחת"

    # A host, too, edits only their own.
    assert_problem(await edit(client, f"{ITEMS}/{own['id']}", json={"title": "x"}, headers=host), 403, "forbidden")


async def test_facilitators_edit_any_item_of_their_roundtable(client, cast):
    own = await add_item(client, await cast.auth("member"), cast)
    edited = ok(
        await edit(
            client,
            f"{ITEMS}/{own['id']}",
            json={"summary": "ערכה המנחה", "visibility": "public"},
            headers=await cast.auth("facilitator"),
        )
    )
    assert edited["summary"] == "ערכה המנחה" and edited["visibility"] == "public"
    assert edited["created_by_user_id"] == str(cast.users["member"])


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [
        ("observer", 403, "forbidden"),
        ("outsider", 403, "forbidden"),  # sees the public item, may not change it
        ("facilitator2", 403, "forbidden"),
        ("anonymous", 401, "not_authenticated"),
    ],
)
async def test_those_without_a_contributing_seat_may_not_edit(client, cast, who, status, code):
    item = await add_item(client, await cast.auth("facilitator"), cast, visibility="public")
    assert_problem(
        await edit(client, f"{ITEMS}/{item['id']}", json={"title": "x"}, headers=await cast.auth(who)), status, code
    )


async def test_items_one_may_not_see_are_not_found_for_editing(client, cast):
    item = await add_item(client, await cast.auth("facilitator2"), cast, "education")
    response = await edit(client, f"{ITEMS}/{item['id']}", json={"title": "x"}, headers=await cast.auth("member"))
    assert_problem(response, 404, "not_found")


async def test_only_facilitators_edit_the_shared_library(client, cast):
    item = await add_item(client, await cast.auth("admin"), cast, LIBRARY, visibility="roundtable")
    assert_problem(
        await edit(client, f"{ITEMS}/{item['id']}", json={"title": "x"}, headers=await cast.auth("member")),
        403,
        "forbidden",
    )
    edited = ok(
        await edit(client, f"{ITEMS}/{item['id']}", json={"title": "y"}, headers=await cast.auth("facilitator2"))
    )
    assert edited["title"] == "y"


async def test_editing_tags_keeps_them_normalised(client, cast):
    member = await cast.auth("member")
    item = await add_item(client, member, cast, tags=["a"])
    edited = ok(await edit(client, f"{ITEMS}/{item['id']}", json={"tags": ["Data", " DATA", "חינוך"]}, headers=member))
    assert edited["tags"] == ["data", "חינוך"]


async def test_a_stale_if_match_changes_nothing(client, cast):
    member = await cast.auth("member")
    item = await add_item(client, member, cast, title="v1")
    stale = f'"{item["version"]}"'
    first = await client.patch(f"{ITEMS}/{item['id']}", json={"title": "v2"}, headers={**member, "If-Match": stale})
    assert ok(first)["title"] == "v2"
    assert first.headers["etag"] == f'"{first.json()["version"]}"' != stale

    second = await client.patch(f"{ITEMS}/{item['id']}", json={"title": "v3"}, headers={**member, "If-Match": stale})
    body = assert_problem(second, 412, "stale_version")
    assert body["current_version"] == first.json()["version"]
    current = ok(await client.get(f"{ITEMS}/{item['id']}", headers=member))
    assert current["title"] == "v2" and current["revision"] == 2

    archive = await client.post(
        f"{ITEMS}/{item['id']}/archive", headers={**(await cast.auth("facilitator")), "If-Match": stale}
    )
    assert_problem(archive, 412, "stale_version")
    assert ok(await client.get(f"{ITEMS}/{item['id']}", headers=member))["archived_at"] is None


# --- archiving --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [("member", 403, "forbidden"), ("host", 403, "forbidden"), ("anonymous", 401, "not_authenticated")],
)
async def test_only_facilitators_archive(client, cast, who, status, code):
    item = await add_item(client, await cast.auth("member"), cast, visibility="public")
    assert_problem(await client.post(f"{ITEMS}/{item['id']}/archive", headers=await cast.auth(who)), status, code)
    assert ok(await client.get(f"{ITEMS}/{item['id']}", headers=await cast.auth("member")))["archived_at"] is None


async def test_archived_items_leave_lists_and_search_until_unarchived(client, cast):
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    item = await add_item(client, member, cast, title="מסמך זמני על אופניים", tags=["temporary"])

    def found(result) -> bool:
        return item["id"] in [hit["entity_id"] for hit in ok(result)["items"]]

    assert found(await client.get("/api/v1/search", params={"q": "אופניים"}, headers=member))

    archived = ok(await client.post(f"{ITEMS}/{item['id']}/archive", headers=facilitator))
    assert archived["archived_at"] is not None
    assert item["id"] not in await listed_ids(client, member)
    assert item["id"] not in await listed_ids(client, member, tag="temporary")
    assert item["id"] in await listed_ids(client, member, include_archived=True)
    assert not found(await client.get("/api/v1/search", params={"q": "אופניים"}, headers=member))
    assert ok(await client.get(f"{ITEMS}/{item['id']}", headers=member))["archived_at"] is not None

    restored = ok(await client.post(f"{ITEMS}/{item['id']}/unarchive", headers=facilitator))
    assert restored["archived_at"] is None
    assert item["id"] in await listed_ids(client, member)
    assert found(await client.get("/api/v1/search", params={"q": "אופניים"}, headers=member))


# --- revisions and diffs ----------------------------------------------------------------------------


async def test_every_change_of_title_body_or_summary_is_a_revision(client, cast):
    member = await cast.auth("member")
    item = await add_item(client, member, cast, title="כותרת א", body="שורה 1\nשורה 2", summary="תקציר א")
    url = f"{ITEMS}/{item['id']}"

    assert ok(await edit(client, url, json={"title": "כותרת ב"}, headers=member))["revision"] == 2
    assert ok(await edit(client, url, json={"body": "שורה 1\nשורה 2 מתוקנת"}, headers=member))["revision"] == 3
    tags_only = ok(await edit(client, url, json={"tags": ["x"], "authors": ["מישהי"]}, headers=member))
    assert tags_only["revision"] == 3 and tags_only["version"] > item["version"]
    assert ok(await edit(client, url, json={"title": "כותרת ב"}, headers=member))["revision"] == 3  # unchanged text
    assert ok(await edit(client, url, json={"summary": "תקציר ב"}, headers=member))["revision"] == 4

    listing = ok(await client.get(f"{url}/revisions", headers=member))
    assert [r["number"] for r in listing["items"]] == [4, 3, 2, 1]
    assert [r["title"] for r in listing["items"]] == ["כותרת ב", "כותרת ב", "כותרת ב", "כותרת א"]
    assert {r["created_by_user_id"] for r in listing["items"]} == {str(cast.users["member"])}

    first = ok(await client.get(f"{url}/revisions/1", headers=member))
    assert (first["number"], first["title"], first["body"], first["summary"]) == (
        1,
        "כותרת א",
        "שורה 1\nשורה 2",
        "תקציר א",
    )
    third = ok(await client.get(f"{url}/revisions/3", headers=member))
    assert (third["title"], third["body"], third["summary"]) == ("כותרת ב", "שורה 1\nשורה 2 מתוקנת", "תקציר א")
    assert_problem(await client.get(f"{url}/revisions/9", headers=member), 404, "not_found")


async def test_revisions_page_newest_first(client, cast):
    member = await cast.auth("member")
    item = await add_item(client, member, cast, title="0")
    for n in range(1, 5):
        await edit(client, f"{ITEMS}/{item['id']}", json={"title": str(n)}, headers=member)
    numbers, cursor = [], None
    while True:
        page = ok(
            await client.get(
                f"{ITEMS}/{item['id']}/revisions",
                params={"limit": 2} | ({"cursor": cursor} if cursor else {}),
                headers=member,
            )
        )
        numbers += [r["number"] for r in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert numbers == [5, 4, 3, 2, 1]


async def test_a_diff_shows_removed_and_added_lines(client, cast):
    member = await cast.auth("member")
    item = await add_item(
        client, member, cast, title="Old title", body="keep this\nold line\nkeep that\n", summary="same"
    )
    url = f"{ITEMS}/{item['id']}"
    await edit(client, url, json={"title": "New title", "body": "keep this\nnew line\nkeep that\n"}, headers=member)

    diff = ok(await client.get(f"{url}/diff", params={"from": 1, "to": 2}, headers=member))
    assert (diff["from_number"], diff["to_number"]) == (1, 2)
    title_lines = diff["title"].splitlines()
    assert "-Old title" in title_lines and "+New title" in title_lines
    body_lines = diff["body"].splitlines()
    assert "-old line" in body_lines and "+new line" in body_lines
    assert " keep this" in body_lines  # context, unchanged
    assert not any(line.startswith(("-keep", "+keep")) for line in body_lines)
    assert diff["summary"] == ""  # no change, no diff

    backwards = ok(await client.get(f"{url}/diff", params={"from": 2, "to": 1}, headers=member))
    assert "+old line" in backwards["body"].splitlines() and "-new line" in backwards["body"].splitlines()

    assert_problem(await client.get(f"{url}/diff", params={"from": 1, "to": 7}, headers=member), 404, "not_found")
    assert_problem(
        await client.get(f"{url}/diff", params={"from": 0, "to": 1}, headers=member), 422, "validation_error"
    )


async def test_a_diff_keeps_a_changed_last_line_apart(client, cast):
    # Bodies and summaries are stored stripped, so their last line never ends in a newline.
    member = await cast.auth("member")
    item = await add_item(client, member, cast, body="first\nlast old", summary="short one")
    url = f"{ITEMS}/{item['id']}"
    await edit(client, url, json={"body": "first\nlast new", "summary": "short two"}, headers=member)

    diff = ok(await client.get(f"{url}/diff", params={"from": 1, "to": 2}, headers=member))
    body_lines = diff["body"].splitlines()
    assert "-last old" in body_lines and "+last new" in body_lines and " first" in body_lines
    assert "-short one" in diff["summary"].splitlines() and "+short two" in diff["summary"].splitlines()


async def test_a_crafted_large_change_is_diffed_whole_and_anonymously_readable(client, cast):
    """A public item whose 125 KB body is reshuffled: the shape that kept difflib busy for 10 s (issue 8).
    The changed middle is past the matching bound, so it comes back removed and added whole."""
    facilitator = await cast.auth("facilitator")
    distinct = 2_801
    before = "\n".join(f"{i % distinct}" for i in range(28_000))
    after = "\n".join(f"{(i * 7) % distinct}" for i in range(28_000))
    item = await add_item(client, facilitator, cast, body=before, visibility="public")
    ok(await client.patch(f"{ITEMS}/{item['id']}", json={"body": after}, headers=facilitator | {"If-Match": "*"}))

    diff = ok(await client.get(f"{ITEMS}/{item['id']}/diff", params={"from": 1, "to": 2}))

    header, lines = diff["body"].splitlines()[:3], diff["body"].splitlines()[3:]
    assert header[2] == "@@ -1,28000 +1,28000 @@"
    assert lines[0] == " 0"  # both start with "0"
    assert [line[1:] for line in lines if line.startswith("-")] == before.split("\n")[1:]
    assert [line[1:] for line in lines if line.startswith("+")] == after.split("\n")[1:]


async def test_revisions_are_as_hidden_as_their_item(client, cast):
    item = await add_item(client, await cast.auth("member"), cast)
    outsider = await cast.auth("outsider")
    for path in ("revisions", "revisions/1"):
        assert_problem(await client.get(f"{ITEMS}/{item['id']}/{path}", headers=outsider), 404, "not_found")
    diff = await client.get(f"{ITEMS}/{item['id']}/diff", params={"from": 1, "to": 1}, headers=outsider)
    assert_problem(diff, 404, "not_found")


# --- links ------------------------------------------------------------------------------------------


async def add_meeting(client, headers, cast, roundtable: str = "pmo") -> dict:
    start = datetime.now(UTC) + timedelta(days=7)
    return ok(
        await client.post(
            f"/api/v1/roundtables/{cast.roundtables[roundtable]}/meetings",
            headers=headers,
            json={
                "title": "מפגש",
                "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/x",
            },
        ),
        201,
    )


async def test_items_link_to_meetings_agenda_items_and_decisions_of_their_roundtable(client, cast):
    facilitator = await cast.auth("facilitator")
    meeting = await add_meeting(client, facilitator, cast)
    agenda_item = ok(
        await client.post(
            f"/api/v1/meetings/{meeting['id']}/agenda-items", headers=facilitator, json={"title": "סעיף"}
        ),
        201,
    )
    decision = ok(
        await client.post(
            f"/api/v1/roundtables/{cast.roundtables['pmo']}/decisions",
            headers=facilitator,
            json={"kind": "agreement", "title": "הסכמה"},
        ),
        201,
    )
    links = [
        {"target_type": "meeting", "target_id": meeting["id"]},
        {"target_type": "agenda_item", "target_id": agenda_item["id"]},
        {"target_type": "decision", "target_id": decision["id"]},
        {"target_type": "meeting", "target_id": meeting["id"]},  # a repeat counts once
    ]
    item = await add_item(client, await cast.auth("member"), cast, links=links)
    assert sorted((link["target_type"], link["target_id"]) for link in item["links"]) == sorted(
        {(link["target_type"], link["target_id"]) for link in links}
    )

    relinked = ok(
        await edit(
            client,
            f"{ITEMS}/{item['id']}",
            json={"links": [{"target_type": "decision", "target_id": decision["id"]}]},
            headers=await cast.auth("member"),
        )
    )
    assert relinked["links"] == [{"target_type": "decision", "target_id": decision["id"]}]
    assert relinked["revision"] == 1


async def test_links_to_other_roundtables_or_nothing_are_refused(client, cast):
    education_meeting = await add_meeting(client, await cast.auth("facilitator2"), cast, "education")
    facilitator, admin = await cast.auth("facilitator"), await cast.auth("admin")
    pmo_meeting = await add_meeting(client, facilitator, cast)

    cases = [
        (facilitator, {"target_type": "meeting", "target_id": education_meeting["id"]}),  # not even visible
        (admin, {"target_type": "meeting", "target_id": education_meeting["id"]}),  # visible, other roundtable
        (facilitator, {"target_type": "decision", "target_id": str(uuid.uuid4())}),
        (facilitator, {"target_type": "agenda_item", "target_id": pmo_meeting["id"]}),  # a meeting is no agenda item
    ]
    for headers, link in cases:
        response = await client.post(ITEMS, json=item_body(cast, "pmo", links=[link]), headers=headers)
        assert_problem(response, 422, "unknown_link_target")

    bad_type = await client.post(
        ITEMS,
        json=item_body(cast, "pmo", links=[{"target_type": "roundtable", "target_id": str(uuid.uuid4())}]),
        headers=facilitator,
    )
    assert_problem(bad_type, 422, "validation_error")

    item = await add_item(client, facilitator, cast, links=[{"target_type": "meeting", "target_id": pmo_meeting["id"]}])
    refused = await edit(
        client,
        f"{ITEMS}/{item['id']}",
        json={"links": [{"target_type": "meeting", "target_id": education_meeting["id"]}]},
        headers=admin,
    )
    assert_problem(refused, 422, "unknown_link_target")
    assert ok(await client.get(f"{ITEMS}/{item['id']}", headers=facilitator))["links"] == [
        {"target_type": "meeting", "target_id": pmo_meeting["id"]}
    ]
