"""The attachment store and its backups (issue 8), through the installed command as an operator runs it:
`shulchan attachments verify` removes what no row names and lists what is missing; `shulchan backup`
writes the database and the files to one archive, and `shulchan restore` brings both back."""

import asyncio
import hashlib
import os
import tarfile
import time
import uuid
from pathlib import Path

import pytest
from conftest import FreshDatabase, make_settings
from sqlalchemy import delete, select
from test_cli import run_shulchan

from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.identity.models import User
from shulchan.knowledge import files
from shulchan.knowledge.models import Attachment, KnowledgeItem


@pytest.fixture
def world(fresh_database: FreshDatabase, tmp_path: Path) -> dict[str, str]:
    """A migrated database with the demo world, and an attachment store of its own."""
    database_url = fresh_database.new_url()
    env = {"SHULCHAN_ATTACHMENTS_DIR": str(tmp_path / "attachments")}
    for command in (("migrate",), ("seed-demo",)):
        result = run_shulchan(*command, cwd=tmp_path, database_url=database_url, **env)
        assert result.returncode == 0, result.stderr
    return {"database_url": database_url, **env}


def shulchan(world: dict[str, str], *args: str, cwd: Path):
    return run_shulchan(
        *args,
        cwd=cwd,
        database_url=world["database_url"],
        **{key: value for key, value in world.items() if key.startswith("SHULCHAN_")},
    )


def in_database(database_url: str, work):
    async def run():
        engine = create_engine(make_settings(database_url))
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def attach(world: dict[str, str], content: bytes) -> str:
    """An attachment as an upload leaves it: its row, and its file under its storage name."""
    store = Path(world["SHULCHAN_ATTACHMENTS_DIR"])
    storage_name, sha256 = files.store(store, content)
    files.publish(store, storage_name)

    async def add(session) -> None:
        item_id = await session.scalar(select(KnowledgeItem.id).limit(1))
        session.add(
            Attachment(
                knowledge_item_id=item_id,
                filename="paper.txt",
                content_type="text/plain",
                size_bytes=len(content),
                sha256=sha256,
                storage_name=storage_name,
            )
        )

    in_database(world["database_url"], add)
    return storage_name


def storage_names(world: dict[str, str]) -> set[str]:
    return set(in_database(world["database_url"], lambda s: _names(s)))


async def _names(session) -> list[str]:
    return list((await session.scalars(select(Attachment.storage_name))).all())


# --- the store against the table ----------------------------------------------------------------------


def test_verify_removes_orphans_and_stale_partial_uploads_and_lists_missing_files(world, tmp_path):
    store = Path(world["SHULCHAN_ATTACHMENTS_DIR"])
    kept = attach(world, b"kept")
    lost = attach(world, b"lost")
    (store / lost).unlink()
    orphan = store / uuid.uuid4().hex  # a deletion whose process died before the file went
    orphan.write_bytes(b"orphan")
    stale = files.partial_path(store, uuid.uuid4().hex)  # an upload killed before its commit
    stale.write_bytes(b"stale")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    fresh = files.partial_path(store, uuid.uuid4().hex)  # an upload in progress
    fresh.write_bytes(b"fresh")
    committed = attach(world, b"committed")  # its process died between the commit and the rename
    (store / committed).rename(files.partial_path(store, committed))
    unrelated = store / "README"
    unrelated.write_text("not the store's")

    listed = shulchan(world, "attachments", "verify", "--dry-run", cwd=tmp_path)
    assert orphan.exists() and stale.exists()

    result = shulchan(world, "attachments", "verify", cwd=tmp_path)

    assert result.returncode == 2 and "1 attachment file(s) missing" in result.stderr
    assert str(orphan) in listed.stdout and str(orphan) in result.stdout
    assert not orphan.exists() and not stale.exists()
    assert fresh.exists() and unrelated.exists()
    assert (store / committed).read_bytes() == b"committed"
    assert (store / kept).read_bytes() == b"kept"
    assert "its file is missing" in result.stdout
    # Once the missing row is gone, the store is consistent.
    in_database(world["database_url"], lambda s: s.execute(delete(Attachment).where(Attachment.storage_name == lost)))
    again = shulchan(world, "attachments", "verify", cwd=tmp_path)
    assert again.returncode == 0 and "attachment store is consistent" in again.stdout


def test_an_upload_is_written_partial_and_named_only_when_published(tmp_path):
    storage_name, sha256 = files.store(tmp_path, b"content")

    assert [path.name for path in tmp_path.iterdir()] == [files.PARTIAL_PREFIX + storage_name]
    assert sha256 == hashlib.sha256(b"content").hexdigest()
    files.publish(tmp_path, storage_name)
    assert [path.name for path in tmp_path.iterdir()] == [storage_name]
    other, _ = files.store(tmp_path, b"refused")
    files.discard(tmp_path, other)
    assert [path.name for path in tmp_path.iterdir()] == [storage_name]


# --- backup and restore ------------------------------------------------------------------------------


def test_a_backup_restores_the_database_and_the_files(world, tmp_path):
    store = Path(world["SHULCHAN_ATTACHMENTS_DIR"])
    first = attach(world, b"first file")
    users_then = in_database(world["database_url"], lambda s: _count_users(s))

    result = shulchan(world, "backup", "--output", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    archive = Path(result.stdout.split("wrote ", 1)[1].strip())
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert "manifest.json" in names and f"attachments/{first}" in names
    assert any(name.startswith("database.") for name in names)

    # Then a bad day: the file and rows are lost, and a later attachment comes and goes with them.
    (store / first).unlink()
    in_database(world["database_url"], lambda s: s.execute(delete(Attachment)))
    in_database(world["database_url"], lambda s: s.execute(delete(User).where(User.is_platform_admin.is_(False))))
    later = attach(world, b"after the backup")

    refused = shulchan(world, "restore", str(archive), cwd=tmp_path)
    assert refused.returncode == 2 and "--yes-replace-data" in refused.stderr
    restored = shulchan(world, "restore", str(archive), "--yes-replace-data", cwd=tmp_path)

    assert restored.returncode == 0, restored.stderr
    assert storage_names(world) == {first}
    assert (store / first).read_bytes() == b"first file"
    assert not (store / later).exists()
    assert in_database(world["database_url"], lambda s: _count_users(s)) == users_then
    check = shulchan(world, "attachments", "verify", cwd=tmp_path)
    assert check.returncode == 0 and "consistent" in check.stdout


async def _count_users(session) -> int:
    return len((await session.scalars(select(User.id))).all())
