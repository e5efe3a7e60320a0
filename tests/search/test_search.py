"""Search through GET /api/v1/search: Hebrew prefixes and English word forms, ranking, snippets, filters,
permission scoping and keyset paging — on whichever database the suite runs against."""

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest
from helpers import assert_problem, edit, ok
from knowledge_factories import Cast, make_cast

ITEMS = "/api/v1/knowledge-items"
SEARCH = "/api/v1/search"
FILLER = "טקסט רקע כללי על עבודת השולחן העגול ועל שיתוף הפעולה בין המגזרים."


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), not the demo story's."""
    return await make_cast(db, settings)


async def add_item(client, headers, cast, roundtable: str | None = "pmo", **overrides) -> dict:
    body = {"kind": "background_paper", "title": "מסמך", "body": FILLER, "language": "he"}
    if roundtable is not None:
        body["roundtable_id"] = str(cast.roundtables[roundtable])
    return ok(await client.post(ITEMS, json=body | overrides, headers=headers), 201)


async def search(client, headers, q: str, **params) -> dict:
    return ok(await client.get(SEARCH, params={"q": q, **params}, headers=headers))


async def all_hits(client, headers, q: str, **params) -> list[dict]:
    """Every hit, in ranked order, across all pages."""
    hits, cursor = [], None
    while True:
        page = await search(client, headers, q, limit=200, **params, **({"cursor": cursor} if cursor else {}))
        hits += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return hits


async def found(client, headers, q: str, **params) -> list[str]:
    """Entity ids of every hit, in ranked order, across all pages."""
    return [hit["entity_id"] for hit in await all_hits(client, headers, q, **params)]


def among(ids: list[str], made: list[dict]) -> list[str]:
    """The hits that are the test's own, in ranked order. The demo world (still in the database) speaks of education,
    transport and policy too, so a common word finds its documents as well; these tests judge their own."""
    ours = {item["id"] for item in made}
    return [entity_id for entity_id in ids if entity_id in ours]


async def hit_of(client, headers, q: str, entity_id: str) -> dict:
    """The one hit of that entity among everything the query finds."""
    (hit,) = [hit for hit in await all_hits(client, headers, q) if hit["entity_id"] == entity_id]
    return hit


# --- Hebrew and English words ----------------------------------------------------------------------


async def test_a_hebrew_word_is_found_behind_its_prefix_letters(client, cast):
    facilitator = await cast.auth("facilitator")
    glued = {
        prefix: await add_item(client, facilitator, cast, title=f"מסמך {prefix}", body=f"השקעה {prefix} המקצועי.")
        for prefix in ("ובחינוך", "לחינוך", "בחינוך", "חינוך")
    }
    unrelated = await add_item(client, facilitator, cast, title="תעסוקה", body="השקעה בתעסוקה בפריפריה.")
    every = {item["id"] for item in glued.values()}
    made = [*glued.values(), unrelated]

    assert set(among(await found(client, facilitator, "חינוך"), made)) == every
    # And the other way round: a query with prefixes finds the bare word and the other prefixed forms.
    assert set(among(await found(client, facilitator, "ובחינוך"), made)) == every
    assert set(among(await found(client, facilitator, "לחינוך"), made)) == every
    assert among(await found(client, facilitator, "תעסוקה"), made) == [unrelated["id"]]
    assert among(await found(client, facilitator, "ובתעסוקה"), made) == [unrelated["id"]]


async def test_english_word_forms_find_each_other(client, cast):
    facilitator = await cast.auth("facilitator")
    plural = await add_item(client, facilitator, cast, title="Paper", body="Our employment policies.", language="en")
    singular = await add_item(client, facilitator, cast, title="Note", body="A housing policy.", language="en")
    other = await add_item(client, facilitator, cast, title="Other", body="Police and politics.", language="en")
    made = [plural, singular, other]

    assert set(among(await found(client, facilitator, "policy"), made)) == {plural["id"], singular["id"]}
    assert set(among(await found(client, facilitator, "policies"), made)) == {plural["id"], singular["id"]}
    assert set(among(await found(client, facilitator, "POLICY"), made)) == {plural["id"], singular["id"]}
    assert other["id"] not in await found(client, facilitator, "policy")
    assert set(among(await found(client, facilitator, "police"), made)) == {other["id"]}


async def test_every_word_of_the_query_must_be_found(client, cast):
    facilitator = await cast.auth("facilitator")
    both = await add_item(client, facilitator, cast, body="מדיניות תעסוקה ובחינוך בפריפריה")
    only_work = await add_item(client, facilitator, cast, body="מדיניות תעסוקה בפריפריה")
    only_school = await add_item(client, facilitator, cast, body="מדיניות חינוך בפריפריה")
    english = await add_item(client, facilitator, cast, body="Employment policies for the periphery", language="en")
    made = [both, only_work, only_school, english]

    assert among(await found(client, facilitator, "תעסוקה חינוך"), made) == [both["id"]]
    assert among(await found(client, facilitator, "חינוך, בתעסוקה!"), made) == [both["id"]]
    assert set(among(await found(client, facilitator, "תעסוקה"), made)) == {both["id"], only_work["id"]}
    assert set(among(await found(client, facilitator, "חינוך"), made)) == {both["id"], only_school["id"]}
    assert among(await found(client, facilitator, "policy periphery"), made) == [english["id"]]
    assert among(await found(client, facilitator, "policy חינוך"), made) == []


async def test_niqqud_and_maqaf_do_not_hide_words(client, cast):
    facilitator = await cast.auth("facilitator")
    pointed = await add_item(client, facilitator, cast, body="מִדִּינִיּוּת הַחִינּוּךְ בישראל")
    hyphened = await add_item(client, facilitator, cast, body="שיתוף פעולה עם בית־ספר יסודי")
    made = [pointed, hyphened]

    assert among(await found(client, facilitator, "חינוך"), made) == [pointed["id"]]
    assert among(await found(client, facilitator, "מִדִּינִיּוּת"), made) == [pointed["id"]]
    assert among(await found(client, facilitator, "ספר"), made) == [hyphened["id"]]
    assert among(await found(client, facilitator, "בית־ספר"), made) == [hyphened["id"]]
    hit = await hit_of(client, facilitator, "חינוך", pointed["id"])
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["החינוך"]  # the form found


async def test_an_edit_is_searchable_at_once(client, cast):
    member = await cast.auth("member")
    item = await add_item(client, member, cast, title="אופניים", body="שבילי אופניים")
    assert among(await found(client, member, "אופניים"), [item]) == [item["id"]]
    await edit(client, f"{ITEMS}/{item['id']}", json={"title": "רכבות", "body": "קווי רכבת קלה"}, headers=member)

    assert among(await found(client, member, "אופניים"), [item]) == []
    assert among(await found(client, member, "רכבת"), [item]) == [item["id"]]


# --- ranking and snippets --------------------------------------------------------------------------


async def test_a_title_match_ranks_above_a_body_only_match(client, cast):
    facilitator = await cast.auth("facilitator")
    in_body = await add_item(
        client, facilitator, cast, title="סיכום פגישה", body=f"{FILLER} דיברנו על דיור ציבורי. {FILLER}"
    )
    in_title = await add_item(client, facilitator, cast, title="דיור ציבורי", body=f"{FILLER} {FILLER}")

    page = await search(client, facilitator, "דיור")
    assert [hit["entity_id"] for hit in page["items"]] == [in_title["id"], in_body["id"]]
    assert page["items"][0]["score"] > page["items"][1]["score"]


async def test_a_hit_carries_its_item_and_a_snippet_around_the_match(client, cast):
    facilitator = await cast.auth("facilitator")
    body = ("הקדמה ארוכה. " * 40) + "כאן מדובר על החינוך המקצועי בפריפריה. " + ("סיום ארוך. " * 40)
    item = await add_item(
        client, facilitator, cast, title="מסמך רקע", body=body, kind="research", tags=["schools"], language="he"
    )

    hit = await hit_of(client, facilitator, "בחינוך", item["id"])

    assert hit["entity_type"] == "knowledge_item" and hit["entity_id"] == item["id"]
    assert hit["roundtable_id"] == str(cast.roundtables["pmo"])
    assert (hit["title"], hit["kind"], hit["language"]) == ("מסמך רקע", "research", "he")
    assert hit["occurred_on"] == item["created_at"][:10]
    assert "החינוך המקצועי" in hit["snippet"]
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    assert len(hit["snippet"]) < len(body) / 3
    assert hit["highlights"]
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end] == "החינוך"  # the whole word the query's lemma was found in


async def test_english_highlights_point_at_the_word_forms(client, cast):
    facilitator = await cast.auth("facilitator")
    item = await add_item(client, facilitator, cast, title="Housing", body="Housing policies and one more Policy.")
    hit = await hit_of(client, facilitator, "policy", item["id"])
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert marked == ["polic", "Polic"]
    assert "policies" in hit["snippet"]


# --- filters ---------------------------------------------------------------------------------------


async def past_meeting(client, headers, cast, day: datetime, roundtable: str = "pmo") -> dict:
    return ok(
        await client.post(
            f"/api/v1/roundtables/{cast.roundtables[roundtable]}/meetings",
            headers=headers,
            json={
                "title": "מפגש על תחבורה",
                "starts_at": day.isoformat(),
                "ends_at": (day + timedelta(hours=2)).isoformat(),
                "mode": "online",
                "online_url": "https://meet.example.org/x",
            },
        ),
        201,
    )


async def approved_minutes(client, signed_in, meeting: dict, text: str) -> dict:
    """Minutes written and circulated by the facilitator, approved by the host."""
    facilitator = signed_in["facilitator"]
    minutes = ok(
        await client.post(f"/api/v1/meetings/{meeting['id']}/minutes", headers=facilitator, json={"body": text}), 201
    )
    url = f"/api/v1/minutes/{minutes['id']}/transition"
    ok(await client.post(url, headers=facilitator, json={"status": "circulated"}))
    return ok(await client.post(url, headers=signed_in["host"], json={"status": "approved"}))


@pytest.fixture
async def signed_in(cast) -> dict[str, dict]:
    """Headers of every cast member by key."""
    keys = ("facilitator", "facilitator2", "host", "member", "observer", "outsider", "admin", "anonymous")
    return {key: await cast.auth(key) for key in keys}


async def agreed_decision(client, signed_in, cast, title: str, text: str, roundtable: str = "pmo") -> dict:
    facilitator = signed_in["facilitator"] if roundtable == "pmo" else signed_in["facilitator2"]
    decision = ok(
        await client.post(
            f"/api/v1/roundtables/{cast.roundtables[roundtable]}/decisions",
            headers=facilitator,
            json={"kind": "policy_decision", "title": title, "text": text},
        ),
        201,
    )
    url = f"/api/v1/decisions/{decision['id']}/transition"
    for status in ("in_discussion", "agreed"):
        ok(await client.post(url, headers=facilitator, json={"status": status}))
    return decision


async def test_filters_narrow_the_hits(client, signed_in, cast):
    facilitator = signed_in["facilitator"]
    research = await add_item(client, facilitator, cast, kind="research", tags=["Transport"], body="תחבורה ציבורית")
    protocol = await add_item(
        client, facilitator, cast, kind="protocol", tags=["roads"], body="Transport תחבורה", language="en"
    )
    shared = await add_item(client, facilitator, cast, None, kind="research", body="תחבורה בספרייה המשותפת")
    decision = await agreed_decision(client, signed_in, cast, "החלטה על תחבורה", "לקדם תחבורה ציבורית")
    meeting = await past_meeting(client, facilitator, cast, datetime(2024, 5, 14, 9, tzinfo=UTC))
    minutes = await approved_minutes(client, signed_in, meeting, "סוכם לקדם תחבורה ציבורית בפריפריה.")
    pmo, today = str(cast.roundtables["pmo"]), datetime.now(UTC).date()
    made = [research, protocol, shared, decision, minutes]

    async def ours(**params) -> list[str]:
        """The test's own hits under these filters, after checking every hit (the history's too) obeys them."""
        hits = await all_hits(client, facilitator, "תחבורה", **params)
        for hit in hits:
            assert params.get("roundtable_id", hit["roundtable_id"]) == hit["roundtable_id"], (params, hit)
            assert params.get("entity_type", hit["entity_type"]) == hit["entity_type"], (params, hit)
            assert params.get("kind", hit["kind"]) == hit["kind"], (params, hit)
            assert params.get("language", hit["language"]) == hit["language"], (params, hit)
            if "from" in params:
                assert hit["occurred_on"] is not None and hit["occurred_on"] >= params["from"], (params, hit)
            if "to" in params:
                assert hit["occurred_on"] is not None and hit["occurred_on"] <= params["to"], (params, hit)
        return among([hit["entity_id"] for hit in hits], made)

    everything = {research["id"], protocol["id"], shared["id"], decision["id"], minutes["id"]}
    assert set(await ours()) == everything
    assert set(await ours(roundtable_id=pmo)) == everything - {shared["id"]}
    assert set(await ours(entity_type="knowledge_item")) == {research["id"], protocol["id"], shared["id"]}
    assert await ours(entity_type="decision") == [decision["id"]]
    assert await ours(entity_type="minutes") == [minutes["id"]]
    assert set(await ours(kind="research")) == {research["id"], shared["id"]}
    assert await ours(kind="policy_decision") == [decision["id"]]
    assert await ours(tag="transport") == [research["id"]]
    assert await ours(tag="TRANSPORT") == [research["id"]]
    assert await ours(tag="trans") == []
    assert await ours(language="en") == [protocol["id"]]
    assert set(await ours(language="he")) == {research["id"], shared["id"]}
    assert await ours(**{"from": "2024-05-01", "to": "2024-05-31"}) == [minutes["id"]]
    assert await ours(**{"from": "2024-05-14", "to": "2024-05-14"}) == [minutes["id"]]
    assert await ours(to="2024-05-13") == []
    assert set(await ours(**{"from": today.isoformat()})) == everything - {minutes["id"]}
    # A tag belongs to knowledge items: whatever else the history holds, a tag filter finds only them.
    assert {hit["entity_type"] for hit in await all_hits(client, facilitator, "תחבורה", tag="transport")} == {
        "knowledge_item"
    }
    minutes_hit = await hit_of(client, facilitator, "תחבורה", minutes["id"])
    assert (minutes_hit["occurred_on"], minutes_hit["kind"], minutes_hit["title"]) == (
        "2024-05-14",
        "minutes",
        "מפגש על תחבורה",
    )

    for params in ({"entity_type": "invitation"}, {"language": "fr"}, {"from": "yesterday"}):
        assert_problem(
            await client.get(SEARCH, params={"q": "תחבורה", **params}, headers=facilitator), 422, "validation_error"
        )


# --- who finds what --------------------------------------------------------------------------------


async def test_facilitator_only_items_are_found_by_facilitators_only(client, signed_in, cast):
    item = await add_item(client, signed_in["facilitator"], cast, visibility="facilitators", body="תהליך גישור רגיש")
    shared = await add_item(client, signed_in["admin"], cast, None, visibility="facilitators", body="גישור בספרייה")

    assert set(await found(client, signed_in["facilitator"], "גישור")) == {item["id"], shared["id"]}
    assert set(await found(client, signed_in["admin"], "גישור")) == {item["id"], shared["id"]}
    assert await found(client, signed_in["facilitator2"], "גישור") == [shared["id"]]  # facilitates elsewhere
    for who in ("host", "member", "observer", "outsider", "anonymous"):
        assert await found(client, signed_in[who], "גישור") == [], who


async def test_education_items_stay_inside_education(client, signed_in, cast):
    adder = signed_in["facilitator2"]
    ids = {
        (await add_item(client, adder, cast, "education", visibility=visibility, body="תוכנית מצוינות במדעים"))["id"]
        for visibility in ("public", "roundtable")
    }
    assert set(await found(client, adder, "מצוינות")) == ids
    for who in ("member", "facilitator", "outsider", "anonymous"):
        assert await found(client, signed_in[who], "מצוינות") == [], who
        assert await found(client, signed_in[who], "מצוינות", roundtable_id=str(cast.roundtables["education"])) == []


async def test_the_public_finds_public_items_only(client, signed_in, cast):
    public = await add_item(client, signed_in["member"], cast, visibility="public", body="מחקר על שכר מינימום")
    seated = await add_item(client, signed_in["member"], cast, visibility="roundtable", body="טיוטה על שכר מינימום")
    shared = await add_item(client, signed_in["admin"], cast, None, visibility="public", body="שכר מינימום בעולם")
    shared_signed_in = await add_item(client, signed_in["admin"], cast, None, visibility="roundtable", body="שכר")

    assert set(await found(client, signed_in["anonymous"], "שכר")) == {public["id"], shared["id"]}
    assert set(await found(client, signed_in["outsider"], "שכר")) == {
        public["id"],
        shared["id"],
        shared_signed_in["id"],
    }
    assert set(await found(client, signed_in["observer"], "שכר")) == {
        public["id"],
        seated["id"],
        shared["id"],
        shared_signed_in["id"],
    }


async def test_adopted_decisions_of_a_public_roundtable_are_public(client, signed_in, cast):
    agreed = await agreed_decision(client, signed_in, cast, "הסכמה על מיסוי", "מיסוי ירוק")
    adopted = await agreed_decision(client, signed_in, cast, "החלטה על מיסוי", "מיסוי ירוק מאומץ")
    ok(
        await client.post(
            f"/api/v1/decisions/{adopted['id']}/transition",
            headers=signed_in["host"],
            json={"status": "adopted", "adoption_reference": "החלטת ממשלה 1"},
        )
    )
    education = await agreed_decision(client, signed_in, cast, "מיסוי בחינוך", "מיסוי", roundtable="education")

    assert await found(client, signed_in["anonymous"], "מיסוי") == [adopted["id"]]
    assert await found(client, signed_in["outsider"], "מיסוי") == [adopted["id"]]
    assert set(await found(client, signed_in["member"], "מיסוי")) == {agreed["id"], adopted["id"]}
    assert set(await found(client, signed_in["facilitator2"], "מיסוי")) == {adopted["id"], education["id"]}


async def test_approved_minutes_are_found_by_seated_users_only(client, signed_in, cast):
    facilitator = signed_in["facilitator"]
    meeting = await past_meeting(client, facilitator, cast, datetime(2025, 1, 20, 9, tzinfo=UTC))
    draft_meeting = await past_meeting(client, facilitator, cast, datetime(2025, 2, 20, 9, tzinfo=UTC))
    ok(
        await client.post(
            f"/api/v1/meetings/{draft_meeting['id']}/minutes", headers=facilitator, json={"body": "אנרגיה"}
        ),
        201,
    )
    minutes = await approved_minutes(client, signed_in, meeting, "סוכם על אנרגיה מתחדשת.")

    for who in ("facilitator", "host", "member", "observer", "admin"):
        assert await found(client, signed_in[who], "אנרגיה") == [minutes["id"]], who
    for who in ("outsider", "anonymous", "facilitator2"):
        assert await found(client, signed_in[who], "אנרגיה") == [], who


# --- the query itself ------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["?!", " — … ,", "״ ׳", "___", "־"])
async def test_a_query_of_punctuation_alone_is_refused(client, cast, q):
    body = assert_problem(
        await client.get(SEARCH, params={"q": q}, headers=await cast.auth("member")), 422, "empty_query"
    )
    assert body["detail"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 301}])
async def test_a_missing_or_oversized_query_is_refused(client, params):
    assert_problem(await client.get(SEARCH, params=params), 422, "validation_error")


async def test_stop_words_and_unknown_words_find_nothing_without_failing(client, cast):
    facilitator = await cast.auth("facilitator")
    await add_item(client, facilitator, cast, body="The policy of the table", language="en")
    assert await found(client, facilitator, "zzyzx") == []
    assert await found(client, facilitator, "policy zzyzx") == []
    # PostgreSQL drops English stop words from the query; SQLite keeps them. Neither may fail.
    for q in ("the", "of the"):
        assert isinstance((await search(client, facilitator, q))["items"], list)


# --- paging and cost -------------------------------------------------------------------------------


async def test_pages_of_hits_follow_each_other_without_repeats(client, cast):
    facilitator = await cast.auth("facilitator")
    ids = set()
    for n in range(7):
        body = "ועדת היגוי " + " ".join(["פרטים"] * n)  # different lengths: different scores
        ids.add((await add_item(client, facilitator, cast, title=f"מסמך {n}", body=body))["id"])
    for _ in range(3):  # and a few identical ones: equal scores, ordered by their id
        ids.add((await add_item(client, facilitator, cast, title="תאום", body="ועדת היגוי"))["id"])

    seen, scores, cursor, pages = [], [], None, 0
    while True:
        page = await search(client, facilitator, "היגוי", limit=3, **({"cursor": cursor} if cursor else {}))
        pages += 1
        assert len(page["items"]) <= 3
        seen += [hit["entity_id"] for hit in page["items"]]
        scores += [hit["score"] for hit in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert len(seen) == len(set(seen)) == 10 and set(seen) == ids
    assert pages == 4
    assert scores == sorted(scores, reverse=True)
    assert seen == await found(client, facilitator, "היגוי")


async def test_a_foreign_or_forged_cursor_is_refused(client, cast):
    member = await cast.auth("member")
    for n in range(3):
        await add_item(client, member, cast, body=f"גינה קהילתית {n}")
    listing = ok(await client.get(ITEMS, params={"limit": 1}, headers=member))

    def forged(values) -> str:
        return base64.urlsafe_b64encode(json.dumps(["relevance", values]).encode()).decode().rstrip("=")

    for cursor in (listing["next_cursor"], "garbage", forged(["high", "x"]), forged([1.0]), forged([1.0, "x"])):
        response = await client.get(SEARCH, params={"q": "גינה", "limit": 1, "cursor": cursor}, headers=member)
        assert response.status_code == 400, (cursor, response.text)
        assert_problem(response, 400, "invalid_cursor")


async def test_the_number_of_queries_does_not_grow_with_the_page(client, cast, count_queries):
    member = await cast.auth("member")
    for n in range(22):
        await add_item(client, member, cast, title=f"פריט {n}", body=f"מחזור פסולת {n}")

    small = count_queries()
    two = await search(client, member, "פסולת", limit=2)
    small_count = small.count
    large = count_queries()
    twenty = await search(client, member, "פסולת", limit=20)

    assert len(two["items"]) == 2 and len(twenty["items"]) == 20
    assert large.count == small_count
