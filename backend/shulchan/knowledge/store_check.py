"""`shulchan attachments verify`: the attachment store against the attachments table.

A file no row names is an orphan (a deletion whose process died before the file went): removed.
A partial file (see files.PARTIAL_PREFIX) is an upload that never committed: removed once older than
the grace period, so an upload in progress is left alone; if its row did commit (the process died
between the commit and the rename), it is given its name instead. Rows whose file is missing are
listed: nothing here can bring those back, only a backup.
"""

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from shulchan.core.config import Settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.knowledge import files
from shulchan.knowledge.models import Attachment

PARTIAL_GRACE_SECONDS = 3600


@dataclass
class StoreReport:
    orphans: list[Path] = field(default_factory=list)  # files no row names
    abandoned: list[Path] = field(default_factory=list)  # partial files of uploads that never committed
    completed: list[Path] = field(default_factory=list)  # partial files whose row committed: now named
    missing: list[uuid.UUID] = field(default_factory=list)  # attachments whose file is gone

    @property
    def clean(self) -> bool:
        return not (self.orphans or self.abandoned or self.completed or self.missing)


async def verify_store(
    settings: Settings, *, remove: bool = True, grace_seconds: float = PARTIAL_GRACE_SECONDS
) -> StoreReport:
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as session:
            rows = (await session.execute(select(Attachment.id, Attachment.storage_name))).all()
    finally:
        await engine.dispose()
    return check_files(settings.attachments_dir, {name: id_ for id_, name in rows}, remove, grace_seconds)


def check_files(store: Path, named: dict[str, uuid.UUID], remove: bool, grace_seconds: float) -> StoreReport:
    report = StoreReport()
    present: set[str] = set()
    now = time.time()
    for path in sorted(store.iterdir()) if store.is_dir() else []:
        found = files.storage_name_of(path) if path.is_file() else None
        if found is None:
            continue  # not the store's: left alone
        storage_name, partial = found
        if not partial:
            present.add(storage_name)
            if storage_name not in named:
                report.orphans.append(path)
                if remove:
                    path.unlink(missing_ok=True)
        elif storage_name in named:
            report.completed.append(path)
            if remove:
                files.publish(store, storage_name)
                present.add(storage_name)
        elif now - path.stat().st_mtime >= grace_seconds:
            report.abandoned.append(path)
            if remove:
                path.unlink(missing_ok=True)
    report.missing = sorted(attachment_id for name, attachment_id in named.items() if name not in present)
    return report
