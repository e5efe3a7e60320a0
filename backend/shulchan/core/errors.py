"""RFC 9457 problem details for every error, each with a stable machine-readable `code`."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("shulchan.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://shulchan.org/problems/"


class FieldError(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"loc": ["body", "title"], "msg": "String should have at least 1 character", "type": "string_too_short"}
            ]
        }
    )

    loc: list[str | int] = Field(description="Where the bad value is: body/query/path/header, then the field path")
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem; `code` is stable and meant for programs to switch on."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not_found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str | None = Field(default=None, examples=["No roundtable with this id is visible to you."])
    instance: str | None = Field(default=None, examples=["/api/v1/roundtables/01a22672-de5b-754b-ba85-afab40ad9875"])
    code: str = Field(examples=["not_found"])
    request_id: str | None = Field(default=None, examples=["5f0c2d9e8a7b4c61b3e2f1a0d9c8b7a6"])
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    status = 500
    code = "internal_error"
    title = "Internal server error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        if code:
            self.code = code
        self.headers = headers or {}
        self.extra = extra or {}


class BadRequest(ProblemError):
    status, code, title = 400, "bad_request", "Bad request"


class InvalidCursor(BadRequest):
    code, title = "invalid_cursor", "Invalid pagination cursor"


class Unauthorized(ProblemError):
    status, code, title = 401, "not_authenticated", "Not authenticated"

    def __init__(self, detail: str | None = None, *, code: str | None = None) -> None:
        super().__init__(detail, code=code, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ProblemError):
    status, code, title = 403, "forbidden", "Forbidden"


class NotFound(ProblemError):
    status, code, title = 404, "not_found", "Not found"


class Conflict(ProblemError):
    status, code, title = 409, "conflict", "Conflict"


class InvalidTransition(Conflict):
    code, title = "invalid_transition", "Transition not allowed"


class PreconditionFailed(ProblemError):
    status, code, title = 412, "precondition_failed", "Precondition failed"


class PreconditionRequired(ProblemError):
    status, code, title = 428, "if_match_required", "Precondition required"


class PayloadTooLarge(ProblemError):
    status, code, title = 413, "payload_too_large", "Request body too large"


class UnprocessableEntity(ProblemError):
    status, code, title = 422, "validation_error", "Invalid request"


class TooManyRequests(ProblemError):
    status, code, title = 429, "too_many_requests", "Too many requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after))})


class ServiceUnavailable(ProblemError):
    status, code, title = 503, "service_unavailable", "Service unavailable"


_STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Bad request"),
    401: ("not_authenticated", "Not authenticated"),
    403: ("forbidden", "Forbidden"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    406: ("not_acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    412: ("precondition_failed", "Precondition failed"),
    413: ("payload_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
    422: ("validation_error", "Invalid request"),
    428: ("if_match_required", "Precondition required"),
    429: ("too_many_requests", "Too many requests"),
    500: ("internal_error", "Internal server error"),
    503: ("service_unavailable", "Service unavailable"),
}


def problem_response(
    request: Request | None,
    status: int,
    *,
    code: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    default_code, default_title = _STATUS_CODES.get(status, ("error", "Error"))
    code = code or default_code
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title or default_title,
        "status": status,
        "code": code,
    }
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.url.path
        request_id = getattr(request.state, "request_id", None)
        if request_id:
            body["request_id"] = request_id
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _location(loc: tuple[Any, ...]) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


async def _handle_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        request,
        exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _handle_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 404 and detail == "Not Found":
        detail = "No such resource."
    return problem_response(request, exc.status_code, detail=detail, headers=dict(exc.headers or {}))


async def _handle_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": _location(err.get("loc", ())), "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]
    return problem_response(
        request,
        422,
        detail="The request has invalid or missing fields; see `errors`.",
        extra={"errors": errors},
    )


async def _handle_stale(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(
        request,
        409,
        code="concurrent_update",
        detail="Someone else changed this object at the same moment; reload it and try again.",
    )


async def _handle_integrity(request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error turned into 409: %s", exc)
    return problem_response(
        request,
        409,
        code="integrity_conflict",
        detail="The change conflicts with existing data (a duplicate or a missing reference).",
    )


async def _handle_database(request: Request, exc: Exception) -> JSONResponse:
    """A connection that died (the server restarted, a proxy dropped it), a database that did not
    answer in time (core.db's time limits) or one too busy to answer: the pool has already thrown
    the connection away, so the client may simply try again."""
    assert isinstance(exc, DBAPIError)
    if not (exc.connection_invalidated or isinstance(exc, OperationalError)):
        return await _handle_unexpected(request, exc)
    reason = f"{type(exc.orig).__name__}: {exc.orig}".rstrip(": ")
    return _database_unavailable(request, reason)


async def _handle_pool_timeout(request: Request, exc: Exception) -> JSONResponse:
    return _database_unavailable(request, "no free database connection within the pool timeout")


def _database_unavailable(request: Request, reason: str) -> JSONResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.url.path, reason)
    return problem_response(
        request,
        503,
        code="database_unavailable",
        detail="The database could not be reached for a moment; try again.",
        headers={"Retry-After": "1"},
    )


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, detail="Something went wrong on our side; it has been logged.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _handle_problem)
    app.add_exception_handler(StarletteHTTPException, _handle_http)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StaleDataError, _handle_stale)
    app.add_exception_handler(IntegrityError, _handle_integrity)
    app.add_exception_handler(DBAPIError, _handle_database)
    app.add_exception_handler(PoolTimeout, _handle_pool_timeout)
    app.add_exception_handler(Exception, _handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry documenting the problems an operation can answer with."""
    return {
        status: {
            "model": Problem,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": _STATUS_CODES.get(status, ("", "Error"))[1],
        }
        for status in sorted(statuses)
    }
