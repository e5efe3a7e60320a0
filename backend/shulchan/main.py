"""The application factory: settings, database, routers, middleware, error handlers, spec."""

import asyncio
import copy
import gc
import logging
import typing
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_fields_from_routes, get_openapi
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp

from shulchan import __version__
from shulchan.audit.router import router as audit_router
from shulchan.core.config import Settings, get_settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.core.errors import PROBLEM_MEDIA_TYPE, install_error_handlers, problem_responses
from shulchan.core.middleware import (
    BodySizeLimitMiddleware,
    ProblemCORSMiddleware,
    RequestContextMiddleware,
    StorableTextMiddleware,
)
from shulchan.core.spa import install_docs, install_spa
from shulchan.decisions.router import actions_router
from shulchan.decisions.router import router as decisions_router
from shulchan.feed.router import router as feed_router
from shulchan.health.router import router as health_router
from shulchan.identity.router import auth_router, users_router
from shulchan.integrations.principals import resolve_principal
from shulchan.integrations.router import service_accounts_router, tokens_router
from shulchan.integrations.scopes import Family, guard_scope
from shulchan.knowledge.router import ATTACHMENT_UPLOAD_PATH
from shulchan.knowledge.router import router as knowledge_router
from shulchan.meetings.router import agenda_router, notes_router, participation_router
from shulchan.meetings.router import router as meetings_router
from shulchan.minutes.router import router as minutes_router
from shulchan.organisations.router import router as organisations_router
from shulchan.roundtables.router import goals_router, seats_router
from shulchan.roundtables.router import router as roundtables_router
from shulchan.search.router import router as search_router
from shulchan.sectors.router import router as sectors_router
from shulchan.stakeholders.router import router as stakeholders_router

API_PREFIX = "/api/v1"
logger = logging.getLogger("shulchan")

DESCRIPTION = """Shulchan runs **intersectoral roundtables**: standing forums where a host ministry,
business & philanthropy and civil society meet over years, guided by a facilitator.

* Sign in at `POST /api/v1/auth/token` (OAuth2 password grant; the **Authorize** button does this) and
  send `Authorization: Bearer <access_token>`.
* Programs use an **API token** instead, sent the same way: a personal access token (`shl_pat_…`, made at
  `POST /api/v1/me/api-tokens`) or a service account's (`shl_sa_…`, made by an admin). Its scopes
  (`meetings:read`, `decisions:read`, …) only narrow what its owner may do; an operation outside them
  answers 403 `insufficient_scope`, and a token whose owner lost all access answers 403 `access_revoked`.
* Every error is RFC 9457 `application/problem+json` with a stable `code`.
* Lists are keyset-paginated: pass `next_cursor` back as `cursor`; `limit` is at most 200.
* Items carry an `ETag`; send it as `If-Match` on PATCH. A stale one answers 412 and changes nothing.
* Objects you may not see answer 404; objects you may see but not change answer 403.
"""


def _operation_id(route: APIRoute) -> str:
    return route.name


# Each router and the family of token scopes it belongs to (integrations.scopes); None: not for tokens.
_ROUTERS: tuple[tuple[APIRouter, Family | None], ...] = (
    (auth_router, None),
    (users_router, None),
    (tokens_router, None),
    (service_accounts_router, None),
    (sectors_router, Family.people),
    (organisations_router, Family.people),
    (stakeholders_router, Family.people),
    (roundtables_router, Family.roundtables),
    (goals_router, Family.roundtables),
    (seats_router, Family.roundtables),
    (meetings_router, Family.meetings),
    (agenda_router, Family.meetings),
    (participation_router, Family.meetings),
    (notes_router, Family.meetings),
    (minutes_router, Family.minutes),
    (decisions_router, Family.decisions),
    (actions_router, Family.decisions),
    (knowledge_router, Family.knowledge),
    (search_router, Family.search),
    (audit_router, Family.audit),
    (feed_router, Family.events),
)


def _api_router() -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    for router, family in _ROUTERS:
        # Any of them may refuse an API token (a bad one 401; a missing scope or one not for tokens 403).
        api.include_router(router, dependencies=[guard_scope(family)], responses=problem_responses(401, 403))
    return api


def _collect_models(annotation: Any, found: dict[str, type[BaseModel]]) -> None:
    """The pydantic models in a type, and in their fields' types, by name (a component's name)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation.__name__ in found:
            return
        found[annotation.__name__] = annotation
        for field in annotation.model_fields.values():
            _collect_models(field.annotation, found)
    for argument in typing.get_args(annotation):
        _collect_models(argument, found)


def _restore_example_nulls(app: FastAPI, schema: dict[str, Any]) -> None:
    """FastAPI writes the spec with exclude_none, which also drops every null inside an example
    (fastapi/fastapi#5559): a nullable field would vanish from the example, and the example would
    no longer be a valid instance. Put back each model's own examples, nulls and field order kept."""
    models: dict[str, type[BaseModel]] = {}
    for field in get_fields_from_routes(app.routes):
        _collect_models(field.field_info.annotation, models)
    for name, component in schema.get("components", {}).get("schemas", {}).items():
        extra = models[name].model_config.get("json_schema_extra") if name in models else None
        if "examples" in component and isinstance(extra, dict) and "examples" in extra:
            component["examples"] = copy.deepcopy(extra["examples"])


def _problem_only_openapi(app: FastAPI) -> dict[str, Any]:
    """The spec, with every error documented as a Problem (and every operation able to answer 500)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title="Shulchan API",
        version=__version__,
        description=DESCRIPTION,
        routes=app.routes,
        tags=[
            {"name": name}
            for name in (
                "auth",
                "users",
                "api-tokens",
                "service-accounts",
                "sectors",
                "organisations",
                "stakeholders",
                "roundtables",
                "goals",
                "seats",
                "meetings",
                "agenda",
                "participation",
                "process-notes",
                "minutes",
                "decisions",
                "action-items",
                "knowledge",
                "search",
                "audit",
                "events",
                "health",
            )
        ],
    )
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("500", {"description": "Internal server error"})
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": problem_ref}}
    for unused in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(unused, None)
    _restore_example_nulls(app, schema)
    app.openapi_schema = schema
    return schema


class _App(FastAPI):
    def build_middleware_stack(self) -> ASGIApp:
        # Outside Starlette's ServerErrorMiddleware, so the 500 it renders also gets a request id and
        # the security headers (added as a user middleware, this would sit inside it and miss them).
        return RequestContextMiddleware(super().build_middleware_stack())


def create_app(settings: Settings | None = None, engine: AsyncEngine | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = engine is None
        app.state.engine = engine or create_engine(settings)
        app.state.sessionmaker = create_sessionmaker(app.state.engine)
        # Everything loaded at start-up lives as long as the process: move it out of the garbage
        # collector's sight, and collect the young generation less often. Requests allocate many
        # short-lived objects; measured on the meeting list, this saved about 7 % of its CPU.
        gc.collect()
        gc.freeze()
        gc.set_threshold(20_000, 50, 100)
        yield
        if owned:
            # Bounded: a connection to a database that stopped answering must not hold up the exit.
            closing = asyncio.ensure_future(app.state.engine.dispose())
            await asyncio.wait({closing}, timeout=settings.shutdown_timeout_seconds / 2)
            if not closing.done():
                logger.warning("database connections not closed within the shutdown time; leaving them")
                closing.cancel()

    app = _App(
        title="Shulchan API",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.resolve_principal = resolve_principal
    if engine is not None:  # tests hand in their engine; set it now so no lifespan is needed
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
    install_error_handlers(app)
    app.include_router(_api_router())
    app.include_router(health_router)
    install_docs(app)
    install_spa(app, settings.frontend_dist)
    app.add_middleware(StorableTextMiddleware)  # inside the body limit: it only ever holds a body within it
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_request_body_bytes,
        upload_paths=ATTACHMENT_UPLOAD_PATH,
        upload_max_bytes=settings.attachment_max_bytes + 64 * 1024,  # the file plus its multipart framing
    )
    if settings.cors_origins:
        app.add_middleware(
            ProblemCORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=False,
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "X-Request-ID"],
            expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
        )
    app.openapi = lambda: _problem_only_openapi(app)  # type: ignore[method-assign]
    return app
