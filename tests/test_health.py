"""Liveness (/healthz) and readiness (/readyz): the database answers and is migrated to head."""

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from alembic.script import ScriptDirectory
from conftest import DATABASE_KIND, FreshDatabase, make_settings
from fastapi import FastAPI

from shulchan.core.config import Settings
from shulchan.core.db import create_engine
from shulchan.core.migrations import alembic_config
from shulchan.main import create_app

PROBLEM = "application/problem+json"


def expected_head(settings: Settings) -> str:
    return str(ScriptDirectory.from_config(alembic_config(settings)).get_current_head())


async def get_readyz(app: FastAPI) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        return await http.get("/readyz")


@pytest.fixture(scope="module")
def unmigrated_url(fresh_database: FreshDatabase) -> str:
    """A new database that exists (PostgreSQL) or can be created (SQLite), with no schema in it."""
    return fresh_database.new_url()


@pytest.fixture
async def unreachable_app(tmp_path: Path) -> AsyncIterator[FastAPI]:
    if DATABASE_KIND == "sqlite":
        directory = tmp_path / "gone"
        settings = make_settings(f"sqlite+aiosqlite:///{directory / 'shulchan.db'}")
        engine = create_engine(settings)  # creates the directory, which then disappears
        directory.rmdir()
    else:
        settings = make_settings("postgresql+asyncpg://postgres@127.0.0.1:1/shulchan")
        engine = create_engine(settings)
    yield create_app(settings, engine=engine)
    await engine.dispose()


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_on_the_migrated_test_database(client: httpx.AsyncClient, settings: Settings) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    head = expected_head(settings)
    assert body == {
        "status": "ready",
        "database": "ok",
        "migration": head,
        "expected_migration": head,
        "hebrew_morphology": "hspell" if shutil.which("hspell") else "unavailable",
    }


async def test_readyz_reports_pending_migrations(unmigrated_url: str, settings: Settings) -> None:
    unmigrated = make_settings(unmigrated_url)
    engine = create_engine(unmigrated)
    try:
        response = await get_readyz(create_app(unmigrated, engine=engine))
    finally:
        await engine.dispose()
    assert response.status_code == 503
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["code"] == "migrations_pending"
    assert body["status"] == 503
    assert expected_head(settings) in body["detail"]
    assert "shulchan migrate" in body["detail"]


async def test_readyz_reports_an_unreachable_database(unreachable_app: FastAPI) -> None:
    response = await get_readyz(unreachable_app)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["code"] == "database_unreachable"
    assert body["status"] == 503
    assert "Traceback" not in response.text


async def test_healthz_does_not_touch_the_database(unreachable_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=unreachable_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
