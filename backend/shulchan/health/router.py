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


@router.get("/readyz", responses=problem_responses(503))
async def readyz(request: Request) -> Readiness:
    """Ready to serve: the database answers and its schema is at the newest migration."""
    settings = request.app.state.settings
    expected = head_revision(str(settings.migrations_dir))
    try:
        current = await current_revision(request.app.state.engine)
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
