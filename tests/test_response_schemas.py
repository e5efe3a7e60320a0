"""Every GET route, called as a caller allowed to read it, answers with a body that matches the schema
its operation declares in the OpenAPI spec: the spec API clients generate their code from is the truth.
"""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import make_settings
from helpers import api_token, bearer
from jsonschema import Draft202012Validator
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shulchan.core.config import Settings
from shulchan.decisions.models import ActionItem, Decision
from shulchan.identity.models import User
from shulchan.integrations.models import ServiceAccount, ServiceAccountGrant
from shulchan.knowledge.models import KnowledgeItem, KnowledgeRevision
from shulchan.main import create_app
from shulchan.meetings.models import AgendaItem, Meeting, ProcessNote
from shulchan.minutes.models import Minutes, MinutesRevision
from shulchan.roundtables.models import Goal, Role, Roundtable, Seat
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

SPEC = create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()
GET_PATHS = sorted(path for path, operations in SPEC["paths"].items() if "get" in operations)

Call = tuple[str, uuid.UUID | None]  # the concrete path with its query, and who calls (None: an admin)
Resolver = Callable[[AsyncSession], Awaitable[Call]]


async def _first(session: AsyncSession, column: Any, *where: Any) -> uuid.UUID:
    value = await session.scalar(select(column).where(*where).order_by(column).limit(1))
    assert value is not None, f"the demo world has no {column}"
    return value


async def _revised(session: AsyncSession, item_column: Any, number_column: Any) -> uuid.UUID:
    """Something with at least two revisions, so the diff has two sides."""
    stmt = select(item_column).group_by(item_column).having(func.max(number_column) >= 2).order_by(item_column)
    value = await session.scalar(stmt.limit(1))
    assert value is not None
    return value


async def _process_note(session: AsyncSession) -> Call:
    note = (await session.execute(select(ProcessNote.id, ProcessNote.author_user_id).limit(1))).one()
    return f"/api/v1/process-notes/{note.id}", note.author_user_id


async def _notes_of_meeting(session: AsyncSession) -> Call:
    note = (await session.execute(select(ProcessNote.meeting_id, ProcessNote.author_user_id).limit(1))).one()
    return f"/api/v1/meetings/{note.meeting_id}/process-notes", note.author_user_id


def at(template: str, **columns: Any) -> Resolver:
    async def resolve(session: AsyncSession) -> Call:
        values = {name: await _first(session, column) for name, column in columns.items()}
        return template.format(**values), None

    return resolve


async def _service_account(session: AsyncSession, suffix: str = "") -> Call:
    """The demo world has no service account: one with a grant and a token, made for the call."""
    account = ServiceAccount(name=f"warehouse {uuid.uuid4().hex[:8]}")
    session.add(account)
    await session.flush()
    roundtable_id = await _first(session, Roundtable.id)
    session.add(ServiceAccountGrant(service_account_id=account.id, roundtable_id=roundtable_id, role=Role.observer))
    await api_token(session, "meetings:read", service_account_id=account.id)
    return f"/api/v1/service-accounts/{account.id}{suffix}", None


async def _service_account_tokens(session: AsyncSession) -> Call:
    return await _service_account(session, "/tokens")


async def _minutes_revision(session: AsyncSession) -> Call:
    minutes_id = await _revised(session, MinutesRevision.minutes_id, MinutesRevision.number)
    return f"/api/v1/minutes/{minutes_id}/revisions/1", None


async def _minutes_diff(session: AsyncSession) -> Call:
    minutes_id = await _revised(session, MinutesRevision.minutes_id, MinutesRevision.number)
    return f"/api/v1/minutes/{minutes_id}/diff?from=1&to=2", None


async def _knowledge_revision(session: AsyncSession) -> Call:
    item_id = await _revised(session, KnowledgeRevision.knowledge_item_id, KnowledgeRevision.number)
    return f"/api/v1/knowledge-items/{item_id}/revisions/1", None


async def _knowledge_diff(session: AsyncSession) -> Call:
    item_id = await _revised(session, KnowledgeRevision.knowledge_item_id, KnowledgeRevision.number)
    return f"/api/v1/knowledge-items/{item_id}/diff?from=1&to=2", None


DOWNLOAD = "/api/v1/attachments/{attachment_id}/download"  # made by the test itself: the demo has no files


@pytest.fixture
async def files_client(
    app_factory: Callable[..., Any], sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    """The shared app's twin that keeps attachments in this test's own directory."""
    app = app_factory(attachments_dir=tmp_path / "attachments")
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def _uploaded_attachment(client: httpx.AsyncClient, db: AsyncSession, headers: dict[str, str]) -> str:
    item_id = await _first(db, KnowledgeItem.id)
    upload = await client.post(
        f"/api/v1/knowledge-items/{item_id}/attachments",
        files={"file": ("נתונים.csv", "שנה,מספר\n2026,3\n".encode(), "text/csv")},
        headers=headers,
    )
    assert upload.status_code == 201, upload.text
    return f"/api/v1/attachments/{upload.json()['id']}/download"


RESOLVERS: dict[str, Resolver] = {
    "/api/v1/users/{user_id}": at("/api/v1/users/{u}", u=User.id),
    "/api/v1/sectors/{sector_id}": at("/api/v1/sectors/{s}", s=Sector.id),
    "/api/v1/organisations/{organisation_id}": at("/api/v1/organisations/{o}", o=Roundtable.host_organisation_id),
    "/api/v1/stakeholders/{stakeholder_id}": at("/api/v1/stakeholders/{s}", s=Stakeholder.id),
    "/api/v1/roundtables/{roundtable_id}": at("/api/v1/roundtables/{r}", r=Meeting.roundtable_id),
    "/api/v1/roundtables/{roundtable_id}/composition": at("/api/v1/roundtables/{r}/composition", r=Seat.roundtable_id),
    "/api/v1/roundtables/{roundtable_id}/goals": at("/api/v1/roundtables/{r}/goals", r=Goal.roundtable_id),
    "/api/v1/goals/{goal_id}": at("/api/v1/goals/{g}", g=Goal.id),
    "/api/v1/goals/{goal_id}/progress": at("/api/v1/goals/{g}/progress", g=Goal.id),
    "/api/v1/roundtables/{roundtable_id}/seats": at("/api/v1/roundtables/{r}/seats", r=Seat.roundtable_id),
    "/api/v1/seats/{seat_id}": at("/api/v1/seats/{s}", s=Seat.id),
    "/api/v1/roundtables/{roundtable_id}/meetings": at("/api/v1/roundtables/{r}/meetings", r=Meeting.roundtable_id),
    "/api/v1/meetings/{meeting_id}": at("/api/v1/meetings/{m}", m=AgendaItem.meeting_id),
    "/api/v1/meetings/{meeting_id}/agenda": at("/api/v1/meetings/{m}/agenda", m=AgendaItem.meeting_id),
    "/api/v1/agenda-items/{item_id}": at("/api/v1/agenda-items/{i}", i=AgendaItem.id),
    "/api/v1/meetings/{meeting_id}/invitations": at("/api/v1/meetings/{m}/invitations", m=AgendaItem.meeting_id),
    "/api/v1/meetings/{meeting_id}/attendance": at("/api/v1/meetings/{m}/attendance", m=Minutes.meeting_id),
    "/api/v1/roundtables/{roundtable_id}/attendance": at("/api/v1/roundtables/{r}/attendance", r=Minutes.roundtable_id),
    "/api/v1/meetings/{meeting_id}/speaking-turns": at("/api/v1/meetings/{m}/speaking-turns", m=Minutes.meeting_id),
    "/api/v1/meetings/{meeting_id}/process-notes": _notes_of_meeting,
    "/api/v1/process-notes/{note_id}": _process_note,
    "/api/v1/meetings/{meeting_id}/minutes": at("/api/v1/meetings/{m}/minutes", m=Minutes.meeting_id),
    "/api/v1/minutes/{minutes_id}": at("/api/v1/minutes/{m}", m=Minutes.id),
    "/api/v1/minutes/{minutes_id}/revisions/{number}": _minutes_revision,
    "/api/v1/minutes/{minutes_id}/diff": _minutes_diff,
    "/api/v1/minutes/{minutes_id}/comments": at("/api/v1/minutes/{m}/comments", m=Minutes.id),
    "/api/v1/roundtables/{roundtable_id}/public-summaries": at(
        "/api/v1/roundtables/{r}/public-summaries", r=Minutes.roundtable_id
    ),
    "/api/v1/decisions/{decision_id}": at("/api/v1/decisions/{d}", d=Decision.id),
    "/api/v1/action-items/{item_id}": at("/api/v1/action-items/{i}", i=ActionItem.id),
    "/api/v1/meetings/{meeting_id}/follow-up": at("/api/v1/meetings/{m}/follow-up", m=Minutes.meeting_id),
    "/api/v1/knowledge-items/{item_id}": at("/api/v1/knowledge-items/{k}", k=KnowledgeItem.id),
    "/api/v1/knowledge-items/{item_id}/revisions": at("/api/v1/knowledge-items/{k}/revisions", k=KnowledgeItem.id),
    "/api/v1/knowledge-items/{item_id}/revisions/{number}": _knowledge_revision,
    "/api/v1/knowledge-items/{item_id}/diff": _knowledge_diff,
    "/api/v1/search": at("/api/v1/search?q=%D7%9E%D7%A9%D7%A8%D7%93"),  # "משרד"
    "/api/v1/service-accounts/{service_account_id}": _service_account,
    "/api/v1/service-accounts/{service_account_id}/tokens": _service_account_tokens,
    "/api/v1/roundtables/{roundtable_id}/audit": at("/api/v1/roundtables/{r}/audit", r=Meeting.roundtable_id),
}


def test_every_get_route_has_a_resolver() -> None:
    """A new GET route needs a line above; routes without path parameters are called as they are."""
    missing = [path for path in GET_PATHS if "{" in path and path not in RESOLVERS and path != DOWNLOAD]
    assert missing == []
    assert set(RESOLVERS) <= set(GET_PATHS), set(RESOLVERS) - set(GET_PATHS)


def _declared_schema(path: str) -> dict[str, Any] | None:
    content = SPEC["paths"][path]["get"]["responses"]["200"].get("content", {})
    if "application/json" not in content:
        return None
    return {**content["application/json"]["schema"], "components": SPEC["components"]}


@pytest.mark.parametrize("path", GET_PATHS)
async def test_get_answers_with_its_declared_schema(
    path: str, files_client: httpx.AsyncClient, db: AsyncSession, settings: Settings
) -> None:
    client = files_client
    url, caller_id = (None, None) if path == DOWNLOAD else await RESOLVERS.get(path, at(path))(db)
    caller_id = caller_id or await _first(db, User.id, User.is_platform_admin.is_(True))
    caller = await db.get(User, caller_id)
    assert caller is not None
    headers = await bearer(db, settings, caller)
    await db.commit()
    if path == DOWNLOAD:
        url = await _uploaded_attachment(client, db, headers)
    assert url is not None

    response = await client.get(url, headers=headers)

    assert 200 <= response.status_code < 300, f"{url}: {response.status_code} {response.text[:300]}"
    schema = _declared_schema(path)
    if schema is None:  # a file or other non-JSON body: it must say what it is
        assert response.headers["content-type"] and response.content
        return
    assert response.headers["content-type"].startswith("application/json")
    errors = sorted(Draft202012Validator(schema).iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, f"{url}: " + "; ".join(f"{list(e.path)}: {e.message}"[:300] for e in errors[:5])
