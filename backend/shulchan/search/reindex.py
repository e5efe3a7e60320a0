"""`shulchan search reindex`: every indexed object through its own `index` hook again, after a change
to the analysis (a new hspell, new kinds of term). The hooks stay the one way an entry is written; this
only calls them for every object, in batches, and analyses each batch's stored text in one hspell run
first so that the hooks find their words cached."""

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.events.tracking import indexed
from shulchan.search import analysis
from shulchan.search.models import SearchEntry
from shulchan.search.text import words

logger = logging.getLogger(__name__)

BATCH = 500


@dataclass
class Reindexed:
    kind: str
    objects: int


async def reindex(session: AsyncSession, batch: int = BATCH) -> list[Reindexed]:
    """Calls every index hook once per object (commit is the caller's)."""
    done: list[Reindexed] = []
    for model, spec in indexed():
        assert spec.index is not None
        count = 0
        key = model.id  # type: ignore[attr-defined]
        last = None
        while True:
            stmt: Select[Any] = select(model).order_by(key).limit(batch)
            if last is not None:
                stmt = stmt.where(key > last)
            objects = list((await session.scalars(stmt)).all())
            if not objects:
                break
            await _warm(session, spec.name, [obj.id for obj in objects])
            for obj in objects:
                await spec.index(session, obj)
            await session.flush()
            count += len(objects)
            last = objects[-1].id
            session.expunge_all()  # keeps memory flat over a large world
        logger.info("reindexed %d %s", count, spec.name)
        done.append(Reindexed(spec.name, count))
    return done


async def _warm(session: AsyncSession, entity_type: str, ids: list[object]) -> None:
    rows = await session.execute(
        select(SearchEntry.title, SearchEntry.text).where(
            SearchEntry.entity_type == entity_type, SearchEntry.entity_id.in_(ids)
        )
    )
    await analysis.current().analyse({word for title, body in rows for word in words(title + " " + body)})
