import asyncio
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from shulchan.core.errors import ServiceUnavailable, problem_responses
from shulchan.core.migrations import current_revision, head_revision
from shulchan.core.schemas import examples
from shulchan.search.morphology import hspell

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = examples({"status": "ok"})

    status: str


class Readiness(BaseModel):
    model_config = examples(
        {
            "status": "ready",
            "database": "ok",
            "migration": "0002",
            "expected_migration": "0002",
            "hebrew_morphology": "hspell",
        }
    )

    status: str
    database: str
    migration: str | None
    expected_migration: str | None
    hebrew_morphology: Literal["hspell", "unavailable"] = Field(
        description="`unavailable`: hspell is not installed, so Hebrew search matches surface forms and "
        "prefixes only (still ready: search degrades, it does not fail)."
    )


@router.get("/healthz")
async def healthz() -> Health:
    """The process is up. Touches nothing else."""
    return Health(status="ok")


def _settle(probe: "asyncio.Task[str | None]") -> None:
    """A probe given up on finishes (or fails) on its own; its outcome is of no more interest."""
    if not probe.cancelled():
        probe.exception()


@router.get("/readyz", responses=problem_responses(503))
async def readyz(request: Request) -> Readiness:
    """Ready to serve: the database answers and its schema is at the newest migration.

    Answers within `SHULCHAN_READINESS_TIMEOUT_SECONDS` whatever the database does (a hung database
    is as unready as a stopped one)."""
    settings = request.app.state.settings
    expected = head_revision(str(settings.migrations_dir))
    probe = asyncio.ensure_future(current_revision(request.app.state.engine))
    # Not asyncio.wait_for: that waits for the cancelled probe to wind down, which on a connection
    # that stopped answering takes as long as the driver's own time limits.
    await asyncio.wait({probe}, timeout=settings.readiness_timeout_seconds)
    if not probe.done():
        probe.cancel()
        probe.add_done_callback(_settle)
        raise ServiceUnavailable(
            f"The database did not answer within {settings.readiness_timeout_seconds:g} s.",
            code="database_unreachable",
        )
    try:
        current = probe.result()
    except (SQLAlchemyError, OSError) as exc:
        raise ServiceUnavailable("The database cannot be reached.", code="database_unreachable") from exc
    if current != expected:
        raise ServiceUnavailable(
            f"The database schema is at {current or 'nothing'}, the code expects {expected}; run `shulchan migrate`.",
            code="migrations_pending",
        )
    return Readiness(
        status="ready",
        database="ok",
        migration=current,
        expected_migration=expected,
        hebrew_morphology="hspell" if hspell().available else "unavailable",
    )
