"""Pure ASGI middleware: request ids, security headers, the request body limit, and text no database stores."""

import json
import re
import uuid
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shulchan.core.context import request_id_var
from shulchan.core.errors import problem_response
from shulchan.core.models import storable_text

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# The API answers JSON only; the SPA and API docs are HTML and need their own scripts and styles. Both
# load every script from a file of this origin (the docs' start-up too, see core.spa), so no inline
# script runs: an injected <script> is refused. Styles stay inline-able: Mantine writes style attributes.
_API_POLICY = b"default-src 'none'; frame-ancestors 'none'"
_HTML_POLICY = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
    b"base-uri 'self'; form-action 'self'"
)


# Answers no cache should keep: tokens (RFC 6749 §5.1), and whatever was read with a bearer token.
_AUTH_PATHS = "/api/v1/auth/"
_NO_STORE = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]


class RequestContextMiddleware:
    """Gives every request an id (taken from X-Request-ID when it is sane) and security headers;
    responses for a signed-in caller, and the sign-in endpoints' own, are marked not to be stored."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        https = scope.get("scheme") == "https"
        private = _header(scope, b"authorization") is not None or scope.get("path", "").startswith(_AUTH_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                headers += [
                    (b"x-request-id", request_id.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                    (
                        b"content-security-policy",
                        _HTML_POLICY if content_type.startswith(b"text/html") else _API_POLICY,
                    ),
                ]
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                if private and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers += _NO_STORE
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            request_id_var.reset(token)


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as a problem like every other error."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        cors_headers = {k: v for k, v in response.headers.items() if k.lower().startswith(("access-control-", "vary"))}
        return _RefusedPreflight(response.status_code, refused, cors_headers)


class _RefusedPreflight(Response):
    """The problem is built when sent, when the request it answers (its path, its id) is known."""

    def __init__(self, status: int, refused: str, headers: dict[str, str]) -> None:
        super().__init__(status_code=status)
        self.refused, self.cors_headers = refused, headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = problem_response(
            Request(scope, receive),
            self.status_code,
            code="cors_refused",
            title="Cross-origin request refused",
            detail=f"This cross-origin request is not allowed here (its {self.refused}).",
            headers=self.cors_headers,
        )
        await problem(scope, receive, send)


class BodySizeLimitMiddleware:
    """413 for bodies over the limit, whether announced by Content-Length or streamed in chunks.

    Paths matching `upload_paths` (file uploads) get the larger `upload_max_bytes` instead.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, upload_paths: str = r"$^", upload_max_bytes: int = 0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_paths = re.compile(upload_paths)
        self.upload_max_bytes = max(upload_max_bytes, max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_max_bytes if self.upload_paths.fullmatch(scope.get("path", "")) else self.max_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._too_large(scope, receive, send, limit)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, detail=self._detail(limit))
            return message

        await self.app(scope, counting_receive, send)

    @staticmethod
    def _detail(limit: int) -> str:
        return f"The request body is larger than the limit of {limit} bytes."

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problem_response(Request(scope, receive), 413, detail=self._detail(limit))
        await response(scope, receive, send)


# Where a JSON body can hold text no database stores: a \\u escape (\\u0000, a lone surrogate) or a
# surrogate written as raw bytes (json.loads decodes bytes with "surrogatepass").
_JSON_SUSPECT = re.compile(rb"\\u|\xed[\xa0-\xbf]")
_NUL_DETAIL = "Text may not contain the NUL character (U+0000) or unpaired UTF-16 surrogates."


class StorableTextMiddleware:
    """422 for text neither database can store, wherever a request carries it, before any code sees it.

    PostgreSQL refuses NUL in text and neither database takes unpaired surrogates (they are not UTF-8),
    so such a value sent in any field would otherwise reach the database and come back as a 500. One
    check for every input: the path and query string, URL-encoded forms (sign-in) and JSON bodies.
    Multipart uploads are files, whose bytes are theirs to have; their names are cleaned where stored.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
            response = problem_response(Request(scope, receive), 422, detail=_NUL_DETAIL)
            await response(scope, receive, send)
            return
        content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            unstorable = _unstorable_form
        elif content_type == "application/json" or content_type.endswith("+json"):
            unstorable = _unstorable_json
        else:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []

        async def checking_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
                # Raised inside the app, like the body limit's 413, so its error handlers answer.
                if not message.get("more_body", False) and unstorable(b"".join(chunks)):
                    raise HTTPException(422, detail=_NUL_DETAIL)
            return message

        await self.app(scope, checking_receive, send)


def _unstorable_form(body: bytes) -> bool:
    return b"%00" in body or b"\x00" in body


def _unstorable_json(body: bytes) -> bool:
    if not _JSON_SUSPECT.search(body):
        return False
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return False  # not JSON: the app answers that itself
    pending = [document]
    while pending:  # iterative: a document may nest as deep as the parser allows
        value = pending.pop()
        if isinstance(value, str):
            if not storable_text(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _header(scope: Scope, name: bytes) -> Any:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None
