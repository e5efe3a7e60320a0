"""`shulchan backup` and `shulchan restore`: the database and the attachment files, in one archive.

The attachments folder is half of the data (the table only names the files), so a backup holds both:
a tar archive with `manifest.json`, the database (`database.sqlite3`, made with SQLite's online backup,
or `database.pgdump`, pg_dump's custom format) and `attachments/`. The database is dumped first, so
a file uploaded while the backup runs is at worst an extra file (an orphan `shulchan attachments
verify` removes), never a row without its file.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from shulchan import __version__
from shulchan.core.config import Settings

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def backup(settings: Settings, output: Path) -> Path:
    """Writes the archive to `output` (a file, or a folder to put a dated one in); returns its path."""
    if output.is_dir():
        output = output / f"shulchan-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar"
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        database = _dump(settings, folder)
        store = settings.attachments_dir
        shutil.copytree(store, folder / "attachments") if store.is_dir() else (folder / "attachments").mkdir()
        manifest = {
            "format": FORMAT,
            "shulchan": __version__,
            "created_at": datetime.now(UTC).isoformat(),
            "database": database,
            "dialect": _dialect(settings),
            "attachments": sum(1 for path in (folder / "attachments").iterdir() if path.is_file()),
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            for name in ("manifest.json", database, "attachments"):
                archive.add(folder / name, arcname=name)
        partial.replace(output)
    return output


def restore(settings: Settings, archive_path: Path) -> dict[str, object]:
    """Replaces the database and the attachment files with the archive's; returns its manifest."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        folder = Path(work)
        archive.extractall(folder, filter="data")
        manifest: dict[str, object] = json.loads((folder / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive_path} is not a Shulchan backup this version can read")
        if manifest.get("dialect") != _dialect(settings):
            raise BackupError(f"the backup is of a {manifest.get('dialect')} database, the configured one is not")
        _load(settings, folder / str(manifest["database"]))
        store = settings.attachments_dir
        replaced = store.with_name(store.name + ".restoring")
        shutil.rmtree(replaced, ignore_errors=True)
        shutil.copytree(folder / "attachments", replaced)
        shutil.rmtree(store, ignore_errors=True)
        replaced.rename(store)
    return manifest


def _dialect(settings: Settings) -> str:
    return "sqlite" if settings.is_sqlite else "postgresql"


def _sqlite_path(settings: Settings) -> Path:
    database = make_url(settings.database_url).database
    if not database or database == ":memory:":
        raise BackupError("the configured SQLite database is not a file")
    return Path(database)


def _libpq_url(settings: Settings) -> str:
    return make_url(settings.database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _dump(settings: Settings, folder: Path) -> str:
    if settings.is_sqlite:
        target = folder / "database.sqlite3"
        source = sqlite3.connect(_sqlite_path(settings))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # a consistent copy while the app keeps writing
        finally:
            copy.close()
            source.close()
        return target.name
    target = folder / "database.pgdump"
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", f"--dbname={_libpq_url(settings)}"])
    return target.name


def _load(settings: Settings, dump: Path) -> None:
    if settings.is_sqlite:
        path = _sqlite_path(settings)
        for leftover in (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(dump, path)
        return
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={_libpq_url(settings)}",
            str(dump),
        ]
    )


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed (PostgreSQL's client tools: apt-get install postgresql-client)"
        )
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (fixed tools, no shell)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip().splitlines()[-1:] or result.returncode}")
