"""Pure ASGI middleware: request ids, security headers and the request body limit."""

import re
import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shulchan.core.context import request_id_var
from shulchan.core.errors import problem_response

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# The API answers JSON only; the SPA and API docs are HTML and need their own scripts and styles.
_API_POLICY = b"default-src 'none'; frame-ancestors 'none'"
_HTML_POLICY = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
    b"base-uri 'self'; form-action 'self'"
)


class RequestContextMiddleware:
    """Gives every request an id (taken from X-Request-ID when it is sane) and security headers."""

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
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            request_id_var.reset(token)


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


def _header(scope: Scope, name: bytes) -> Any:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None
