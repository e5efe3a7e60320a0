"""Cross-cutting API conventions: problem+json errors, request ids and security headers, CORS,
keyset pagination, no N+1 queries, ETag/If-Match, the SPA fallback and the API docs."""

import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from decision_factories import Cast, make_cast
from fastapi import FastAPI
from helpers import assert_problem, make_ministry, make_organisation, make_roundtable, make_sector, make_table
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shulchan.core.pagination import encode_cursor
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import Visibility

PROBLEM = "application/problem+json"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def client_for(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
def isolated_app(
    app_factory: Callable[..., FastAPI], sessionmaker: async_sessionmaker[AsyncSession]
) -> Callable[..., FastAPI]:
    """A fresh app (other settings, extra routes) that still works inside the test's transaction."""

    def build(**overrides: object) -> FastAPI:
        app = app_factory(**overrides)
        app.state.sessionmaker = sessionmaker
        return app

    return build


@pytest.fixture
async def cast(db, settings) -> Cast:
    """People seated at a public roundtable of the test's own, and an internal one (decision_factories)."""
    return await make_cast(db, settings)


# --- the carried-over smoke checks ----------------------------------------------------------------


async def test_public_roundtables_for_anonymous(client, cast):
    response = await client.get("/api/v1/roundtables", params={"limit": 100})
    assert response.status_code == 200, response.text
    ids = {item["id"] for item in response.json()["items"]}
    assert str(cast.roundtable.id) in ids
    assert str(cast.other.id) not in ids


async def test_member_me(client, cast):
    response = await client.get("/api/v1/me", headers=await cast.auth("member"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["email"] == cast.users["member"].email
    own = [rt for rt in body["roundtables"] if rt["roundtable_id"] == str(cast.roundtable.id)]
    assert own and own[0]["roles"] == ["member"]


# --- problem+json for every error class -----------------------------------------------------------


async def test_401_without_a_token(client):
    response = await client.get("/api/v1/me")
    assert_problem(response, 401, "not_authenticated")
    assert response.headers["www-authenticate"] == "Bearer"


async def test_401_with_a_bad_token(client):
    response = await client.get("/api/v1/me", headers={"Authorization": "Bearer not.a.token"})
    assert_problem(response, 401, "invalid_token")
    assert response.headers["www-authenticate"] == "Bearer"


async def test_404_unknown_api_path(client):
    assert_problem(await client.get("/api/v1/no-such-thing"), 404, "not_found")
    assert_problem(await client.get("/api/v1/roundtables/not-a-uuid/no-such-thing"), 404, "not_found")


async def test_404_unknown_object_id(client, cast):
    assert_problem(await client.get(f"/api/v1/organisations/{uuid.uuid4()}"), 404, "not_found")
    response = await client.get(f"/api/v1/roundtables/{uuid.uuid4()}", headers=await cast.auth("member"))
    assert_problem(response, 404, "not_found")


async def test_405_wrong_method(client):
    response = await client.delete("/healthz")
    assert_problem(response, 405, "method_not_allowed")
    assert "GET" in response.headers["allow"]


async def test_422_bad_uuid_in_path(client):
    body = assert_problem(await client.get("/api/v1/organisations/not-a-uuid"), 422, "validation_error")
    assert [error["loc"] for error in body["errors"]] == [["path", "organisation_id"]]


async def test_422_unknown_field_in_body(client, cast):
    organisation = {"name": "ארגון חדש", "sector_id": str(cast.sectors["civil_society"]), "kind": "ngo"}
    response = await client.post(
        "/api/v1/organisations", json=organisation | {"colour": "#ff0000"}, headers=await cast.auth("admin")
    )
    body = assert_problem(response, 422, "validation_error")
    assert [(error["loc"], error["type"]) for error in body["errors"]] == [(["body", "colour"], "extra_forbidden")]
    # the same body without the stray field is accepted: the 422 was about that field alone
    accepted = await client.post("/api/v1/organisations", json=organisation, headers=await cast.auth("admin"))
    assert accepted.status_code == 201, accepted.text


@pytest.mark.parametrize(("limit", "bad"), [("201", True), ("0", True), ("-1", True), ("200", False), ("1", False)])
async def test_limit_bounds(client, limit, bad):
    response = await client.get("/api/v1/organisations", params={"limit": limit})
    if bad:
        body = assert_problem(response, 422, "validation_error")
        assert [error["loc"] for error in body["errors"]] == [["query", "limit"]]
    else:
        assert response.status_code == 200, response.text
        assert len(response.json()["items"]) <= int(limit)


async def test_413_with_content_length(client, shared_app, cast):
    limit = shared_app.state.settings.max_request_body_bytes
    response = await client.post("/api/v1/organisations", content=b"x" * (limit + 1), headers=await cast.auth("admin"))
    body = assert_problem(response, 413, "payload_too_large")
    assert str(limit) in body["detail"]


async def test_413_when_streamed_in_chunks(client, shared_app, cast):
    limit = shared_app.state.settings.max_request_body_bytes
    chunk = b"x" * 65_536

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(limit // len(chunk) + 2):
            yield chunk

    response = await client.post("/api/v1/organisations", content=chunks(), headers=await cast.auth("admin"))
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_problem(response, 413, "payload_too_large")


async def test_a_body_just_under_the_limit_is_accepted(client, shared_app, cast):
    limit = shared_app.state.settings.max_request_body_bytes
    payload = json.dumps({"name": "Padded", "sector_id": str(cast.sectors["civil_society"]), "kind": "ngo"})
    content = (payload + " " * (limit - len(payload))).encode()
    assert len(content) == limit
    headers = await cast.auth("admin") | {"Content-Type": "application/json"}
    response = await client.post("/api/v1/organisations", content=content, headers=headers)
    assert response.status_code == 201, response.text


async def test_400_invalid_cursor(client):
    for cursor in ("garbage", "!!!", encode_cursor("name", ["only-one-value"])):
        response = await client.get("/api/v1/organisations", params={"cursor": cursor})
        assert_problem(response, 400, "invalid_cursor")


async def test_400_cursor_from_another_sort(client):
    first = await client.get("/api/v1/organisations", params={"limit": 1, "sort": "name"})
    cursor = first.json()["next_cursor"]
    assert cursor
    response = await client.get("/api/v1/organisations", params={"cursor": cursor, "sort": "-name"})
    body = assert_problem(response, 400, "invalid_cursor")
    assert "sort" in body["detail"]
    # and a cursor of one collection is no good in another with a different sort
    response = await client.get("/api/v1/roundtables", params={"cursor": cursor})
    assert_problem(response, 400, "invalid_cursor")


async def test_400_forged_cursor_with_values_of_the_wrong_type(client):
    """A cursor in the right shape but with values the sort columns cannot hold is still the caller's fault."""
    forged = encode_cursor("name", ["a name", "not-a-uuid"])
    response = await client.get("/api/v1/organisations", params={"cursor": forged})
    assert_problem(response, 400, "invalid_cursor")


def app_with_a_failing_route(isolated_app: Callable[..., FastAPI], message: str) -> FastAPI:
    """A fresh app, before its first request, with a route that raises an unexpected error."""
    app = isolated_app()

    async def explode() -> None:
        raise RuntimeError(message)

    # POST, so the SPA's catch-all GET route (registered earlier) does not answer first
    app.add_api_route("/api/v1/test-explode", explode, methods=["POST"])
    return app


async def test_500_is_a_problem_without_internals(isolated_app, caplog):
    app = app_with_a_failing_route(isolated_app, "secret internals: password=hunter2")
    with caplog.at_level(logging.ERROR, logger="shulchan.errors"):
        async with client_for(app) as http:
            response = await http.post("/api/v1/test-explode", headers={"X-Request-ID": "boom-1"})
    body = assert_problem(response, 500, "internal_error")
    assert body["request_id"] == "boom-1"
    assert "Traceback" not in response.text
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    # ... but it is in the log, with the traceback
    logged = [record for record in caplog.records if record.name == "shulchan.errors"]
    assert logged and logged[0].exc_info and logged[0].exc_info[0] is RuntimeError


async def test_500_has_a_request_id_and_security_headers(isolated_app):
    async with client_for(app_with_a_failing_route(isolated_app, "boom")) as http:
        response = await http.post("/api/v1/test-explode")
    assert response.status_code == 500
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers.get("x-request-id", ""))
    assert response.json()["request_id"] == response.headers["x-request-id"]
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


# --- request ids and security headers -------------------------------------------------------------


async def test_every_response_has_a_request_id_and_security_headers(client, cast):
    responses = [
        await client.get("/healthz"),
        await client.get("/api/v1/organisations"),
        await client.get("/api/v1/me"),
        await client.get("/api/v1/me", headers=await cast.auth("member")),
        await client.get("/api/v1/no-such-thing"),
        await client.delete("/healthz"),
        await client.get("/api/v1/organisations/not-a-uuid"),
        await client.post("/api/v1/organisations", content=b"x" * 2_000_000),
        await client.get("/some/client/route"),
        await client.get("/api/docs"),
    ]
    request_ids = set()
    for response in responses:
        where = f"{response.request.method} {response.request.url.path} → {response.status_code}"
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers.get("x-request-id", "")), where
        request_ids.add(response.headers["x-request-id"])
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, f"{where}: {name}"
        policy = response.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy, where
        if response.headers["content-type"].startswith("text/html"):
            assert "default-src 'self'" in policy, where
        else:
            assert "default-src 'none'" in policy, where
    assert len(request_ids) == len(responses), "request ids must be unique"


async def test_a_sane_incoming_request_id_is_echoed(client):
    response = await client.get("/api/v1/no-such-thing", headers={"X-Request-ID": "client-req.42_a-b"})
    assert response.headers["x-request-id"] == "client-req.42_a-b"
    assert response.json()["request_id"] == "client-req.42_a-b"


@pytest.mark.parametrize("insane", ["has spaces in it", "<script>alert(1)</script>", "x" * 65, "ünïcode", "a;b"])
async def test_an_insane_incoming_request_id_is_replaced(client, insane):
    response = await client.get("/healthz", headers={"X-Request-ID": insane.encode("utf-8")})
    assert response.headers["x-request-id"] != insane
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


async def test_hsts_only_over_https(shared_app):
    transport = httpx.ASGITransport(app=shared_app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as https:
        secure = await https.get("/healthz")
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        plain = await http.get("/healthz")
    assert secure.headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" not in plain.headers


# --- CORS -----------------------------------------------------------------------------------------


async def test_cors_preflight_from_an_allowed_origin(isolated_app):
    async with client_for(isolated_app(cors_origins=["https://app.example.org"])) as http:
        allowed = await http.options(
            "/api/v1/organisations",
            headers={
                "Origin": "https://app.example.org",
                "Access-Control-Request-Method": "PATCH",
                "Access-Control-Request-Headers": "authorization, if-match",
            },
        )
        refused = await http.options(
            "/api/v1/organisations",
            headers={"Origin": "https://evil.example.com", "Access-Control-Request-Method": "PATCH"},
        )
        simple = await http.get("/api/v1/organisations?limit=1", headers={"Origin": "https://app.example.org"})
        foreign = await http.get("/api/v1/organisations?limit=1", headers={"Origin": "https://evil.example.com"})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.org"
    assert "PATCH" in allowed.headers["access-control-allow-methods"]
    assert "if-match" in allowed.headers["access-control-allow-headers"].lower()
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert simple.headers["access-control-allow-origin"] == "https://app.example.org"
    assert "etag" in simple.headers["access-control-expose-headers"].lower()
    assert foreign.status_code == 200
    assert "access-control-allow-origin" not in foreign.headers


async def test_no_cors_headers_without_configured_origins(client):
    response = await client.options(
        "/api/v1/organisations",
        headers={"Origin": "https://app.example.org", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in response.headers


# --- keyset pagination ----------------------------------------------------------------------------


async def walk(client: httpx.AsyncClient, path: str, **params: Any) -> tuple[list[str], int]:
    """Every item id of a collection, following next_cursor; and how many pages it took."""
    ids: list[str] = []
    pages = 0
    cursor = None
    while True:
        response = await client.get(path, params=params | ({"cursor": cursor} if cursor else {}))
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        assert len(body["items"]) <= params["limit"]
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return ids, pages
        assert pages < 1000, "pagination does not end"


@pytest.mark.parametrize("sort", ["name", "-name"])
async def test_keyset_walk_visits_every_organisation_once_in_order(client, db, sort):
    sector = await make_sector(db)
    for _ in range(7):  # enough for several pages of five, whatever else the database holds
        await make_organisation(db, sector)
    await db.commit()
    descending = sort.startswith("-")
    order = (Organisation.name.desc(), Organisation.id.desc()) if descending else (Organisation.name, Organisation.id)
    expected = [str(id_) for id_ in (await db.scalars(select(Organisation.id).order_by(*order))).all()]
    total = await db.scalar(select(func.count()).select_from(Organisation))
    assert total == len(expected) > 5

    ids, pages = await walk(client, "/api/v1/organisations", limit=5, sort=sort)
    assert len(ids) == len(set(ids)) == total
    assert ids == expected
    assert pages == -(-total // 5)


async def test_keyset_pages_do_not_shift_when_a_row_is_added_before_the_cursor(client, cast):
    """Keyset, not offset: a row added ahead of the reader's position neither repeats nor hides later rows."""
    params = {"limit": 5, "sort": "-created_at"}
    cursor = (await client.get("/api/v1/organisations", params=params)).json()["next_cursor"]
    second_before = (await client.get("/api/v1/organisations", params=params | {"cursor": cursor})).json()

    created = await client.post(
        "/api/v1/organisations",
        json={"name": "ארגון חדש", "sector_id": str(cast.sectors["civil_society"]), "kind": "ngo"},
        headers=await cast.auth("admin"),
    )
    assert created.status_code == 201, created.text
    first_after = (await client.get("/api/v1/organisations", params=params)).json()
    assert first_after["items"][0]["id"] == created.json()["id"]

    second_after = (await client.get("/api/v1/organisations", params=params | {"cursor": cursor})).json()
    assert second_after == second_before


# --- no N+1: a page costs the same number of statements whatever its size ---------------------------


async def statements_for(client, count_queries, path: str, headers: dict[str, str], **params: Any) -> tuple[int, Any]:
    counter = count_queries()
    response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return counter.count, response.json()


async def test_roundtable_list_has_no_n_plus_1(client, cast, db, count_queries):
    ministry = await make_ministry(db)
    for _ in range(3):
        await make_roundtable(db, ministry, visibility=Visibility.public)
    headers = await cast.auth("facilitator")
    small, small_page = await statements_for(client, count_queries, "/api/v1/roundtables", headers, limit=2)
    large, large_page = await statements_for(client, count_queries, "/api/v1/roundtables", headers, limit=50)
    assert len(small_page["items"]) == 2 < len(large_page["items"])
    assert small == large


async def test_stakeholder_list_has_no_n_plus_1(client, cast, count_queries):
    headers = await cast.auth("facilitator")
    small, small_page = await statements_for(client, count_queries, "/api/v1/stakeholders", headers, limit=2)
    large, large_page = await statements_for(client, count_queries, "/api/v1/stakeholders", headers, limit=60)
    assert len(small_page["items"]) == 2 < len(large_page["items"])
    assert small == large


async def test_seat_list_has_no_n_plus_1(client, cast, count_queries):
    headers = await cast.auth("facilitator")
    path = f"/api/v1/roundtables/{cast.roundtable.id}/seats"
    small, small_page = await statements_for(client, count_queries, path, headers, limit=2)
    large, large_page = await statements_for(client, count_queries, path, headers, limit=50)
    assert len(small_page["items"]) == 2 < len(large_page["items"])
    assert small == large


async def test_composition_has_no_n_plus_1(client, cast, db, settings, count_queries):
    """Three roundtables of different sizes cost the same number of statements."""
    tables = [cast.roundtable, (await make_table(db, settings, members=5, visibility=Visibility.public)).roundtable]
    tables.append((await make_table(db, settings, members=0, visibility=Visibility.public)).roundtable)
    await db.commit()
    headers = await cast.auth("facilitator")
    counts = {}
    seat_totals = {}
    for table in tables:
        path = f"/api/v1/roundtables/{table.id}/composition"
        counts[table.id], body = await statements_for(client, count_queries, path, headers)
        seat_totals[table.id] = sum(group["seat_count"] for group in body["sectors"])
    assert len(set(seat_totals.values())) == 3, seat_totals
    assert len(set(counts.values())) == 1, counts


# --- ETag / If-Match ------------------------------------------------------------------------------


async def test_etag_and_if_match(client, cast):
    admin = await cast.auth("admin")
    path = f"/api/v1/organisations/{cast.organisations['civil_society']}"
    read = await client.get(path)
    assert read.status_code == 200
    assert read.headers["etag"] == f'"{read.json()["version"]}"'
    original_etag = read.headers["etag"]

    changed = await client.patch(path, json={"website": "https://first.example.org"}, headers=admin)
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == read.json()["version"] + 1
    assert changed.headers["etag"] == f'"{changed.json()["version"]}"' != original_etag

    stale = await client.patch(
        path, json={"website": "https://stale.example.org"}, headers=admin | {"If-Match": original_etag}
    )
    body = assert_problem(stale, 412, "stale_version")
    assert body["current_version"] == changed.json()["version"]
    assert (await client.get(path)).json()["website"] == "https://first.example.org", "a stale write changed nothing"

    current = await client.patch(
        path, json={"website": "https://current.example.org"}, headers=admin | {"If-Match": changed.headers["etag"]}
    )
    assert current.status_code == 200, current.text

    anything = await client.patch(path, json={"website": "https://star.example.org"}, headers=admin | {"If-Match": "*"})
    assert anything.status_code == 200, anything.text
    assert anything.headers["etag"] == f'"{read.json()["version"] + 3}"'
    assert (await client.get(path)).headers["etag"] == anything.headers["etag"]


# --- the SPA fallback and the API docs ------------------------------------------------------------


async def test_client_routes_get_the_spa(client):
    for path in ("/", "/some/client/route", "/roundtables/123/seats"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert "<html" in response.text


async def test_unknown_api_paths_are_problems_not_html(client):
    for path in ("/api/v1/unknown", "/api", "/api/v2/roundtables"):
        assert_problem(await client.get(path), 404, "not_found")


async def test_a_built_spa_serves_its_files_and_falls_back_to_index(isolated_app, tmp_path):
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><html><body>spa index</body></html>")
    (dist / "assets" / "app.js").write_text("console.log('app')")
    (tmp_path / "secret.txt").write_text("not for the web")
    async with client_for(isolated_app(frontend_dist=dist)) as http:
        route = await http.get("/roundtables/123")
        asset = await http.get("/assets/app.js")
        escape = await http.get("/..%2fsecret.txt")
        api = await http.get("/api/v1/unknown")
    assert route.status_code == 200
    assert "spa index" in route.text
    assert route.headers["cache-control"] == "no-cache"
    assert asset.status_code == 200
    assert asset.text == "console.log('app')"
    assert "immutable" in asset.headers["cache-control"]
    assert escape.status_code == 200
    assert "spa index" in escape.text
    assert "not for the web" not in escape.text
    assert_problem(api, 404, "not_found")


async def test_api_docs_and_their_assets(client):
    docs = await client.get("/api/docs")
    assert docs.status_code == 200
    assert docs.headers["content-type"].startswith("text/html")
    assert "/api/docs/assets/swagger-ui-bundle.js" in docs.text

    bundle = await client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert "javascript" in bundle.headers["content-type"]
    assert "SwaggerUIBundle" in bundle.text

    init = await client.get("/api/docs/assets/docs-init.js")
    assert init.status_code == 200
    assert "/api/openapi.json" in init.text

    spec = await client.get("/api/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["info"]["title"] == "Shulchan API"


@pytest.mark.parametrize(
    "path",
    [
        "/api/docs/assets/..%2f..%2fetc%2fpasswd",
        "/api/docs/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/docs/assets/%2e%2e",
        "/api/docs/assets/no-such-file.js",
    ],
)
async def test_api_docs_assets_refuse_path_traversal(client, path):
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)
    assert "root:" not in response.text
