"""The judged Hebrew search collection (bench/search/): recall@50, precision@10 and MRR per query class,
before (the prefix-stripping analyser), with the Hebrew Hunspell dictionary's stems (the alternative
weighed, as PostgreSQL's Ispell dictionary would give them) and after (hspell's morphology), on each
database given.

Indexes corpus.yaml through the search index's own upsert, runs queries.yaml through the search
service as the public would, and prints one table per database. Precision@10 is over the hits shown
(at most ten; none shown counts as 0), since most queries have fewer than ten relevant documents.
Misspellings are scored twice: as typed, and through the `did_you_mean` the service offers.
"""

import argparse
import asyncio
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Principal
from shulchan.core import migrations
from shulchan.core.config import Settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.core.pagination import PageParams
from shulchan.search import analysis, index, service
from shulchan.search.analysis import Analyser
from shulchan.search.models import SearchEntry
from shulchan.search.morphology import UNKNOWN, Analysis, Hspell, hspell
from shulchan.search.text import words

HERE = Path(__file__).resolve().parent / "search"
NAMESPACE = uuid.UUID("5f0c0e0a-0000-4000-8000-000000000013")
DEPTH = 50
ANALYSERS = ("before", "hunspell", "after")


class HunspellStems(Hspell):
    """The alternative: `hunspell -s` with Debian's hunspell-he, every stem a lemma. Its affix rules
    take prefixes off (both readings of משרד, as מ+שרד too) but leave plurals and suffixes on."""

    def __init__(self) -> None:
        super().__init__(command="hunspell")

    async def analyse(self, text_words: set[str] | list[str]) -> dict[str, Analysis]:
        """One hunspell run (it loads its dictionary each time, about a second) for the uncached words."""
        known = {word: analysis for word in set(text_words) if (analysis := self.cached(word)) is not None}
        missing = sorted(set(text_words) - known.keys())
        if not missing or not self.available:
            return known | dict.fromkeys(missing, UNKNOWN)
        process = await asyncio.create_subprocess_exec(
            "hunspell", "-d", "he_IL", "-s", "-i", "utf-8",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        out, _ = await process.communicate(("\n".join(missing) + "\n").encode())
        stems: dict[str, set[str]] = {}
        for line in out.decode().splitlines():
            word, _, stem = line.partition(" ")
            if stem:
                stems.setdefault(word, set()).add(stem)
        for word in missing:
            known[word] = Analysis(True, frozenset(stems[word])) if word in stems else UNKNOWN
            self._remember(word, known[word])
        return known

    async def suggestions(self, word: str, limit: int = 5) -> list[str]:
        return []


@dataclass
class ClassScores:
    recall: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    reciprocal_rank: list[float] = field(default_factory=list)

    def add(self, ranked: list[str], relevant: set[str]) -> None:
        self.recall.append(len(relevant & set(ranked[:DEPTH])) / len(relevant))
        shown = ranked[:10]
        self.precision.append(len(relevant & set(shown)) / len(shown) if shown else 0.0)
        first = next((rank for rank, doc in enumerate(ranked, 1) if doc in relevant), None)
        self.reciprocal_rank.append(1 / first if first else 0.0)

    def means(self) -> tuple[float, float, float]:
        return tuple(sum(values) / len(values) for values in (self.recall, self.precision, self.reciprocal_rank))  # type: ignore[return-value]


def load() -> tuple[list[dict[str, str]], dict[str, list[dict[str, Any]]]]:
    corpus = yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8"))["documents"]
    queries = yaml.safe_load((HERE / "queries.yaml").read_text(encoding="utf-8"))["queries"]
    return corpus, queries


def doc_uuid(doc_id: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, doc_id)


async def index_corpus(session: AsyncSession, corpus: list[dict[str, str]]) -> float:
    """Documents per second, the analyser's cache cold."""
    await session.execute(delete(SearchEntry))
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("DELETE FROM search_fts"))
    started = time.perf_counter()
    for doc in corpus:
        await index.upsert(
            session,
            entity_type="knowledge_item",
            entity_id=doc_uuid(doc["id"]),
            roundtable_id=None,
            level="public",
            kind="background_paper",
            language="he",
            tags=[],
            title=doc["title"],
            body=doc["body"],
            occurred_on=None,
            hidden=False,
        )
    await session.commit()
    return len(corpus) / (time.perf_counter() - started)


async def ranked(session: AsyncSession, query: str, by_uuid: dict[uuid.UUID, str]) -> tuple[list[str], str | None]:
    hits, _, did_you_mean = await service.search(
        session,
        Principal(),
        query,
        PageParams(limit=DEPTH, cursor=None),
        roundtable_id=None,
        entity_type=None,
        kind=None,
        tag=None,
        language=None,
        occurred_from=None,
        occurred_to=None,
    )
    return [by_uuid[hit.entity_id] for hit in hits], did_you_mean


async def evaluate(database_url: str) -> tuple[dict[str, dict[str, ClassScores]], dict[str, float]]:
    settings = Settings(database_url=database_url)  # type: ignore[call-arg]
    await asyncio.to_thread(migrations.upgrade, settings)
    corpus, queries = load()
    by_uuid = {doc_uuid(doc["id"]): doc["id"] for doc in corpus}
    engine = create_engine(settings)
    results: dict[str, dict[str, ClassScores]] = {}
    throughput: dict[str, float] = {}
    try:
        analysers = (Analyser(legacy=True), Analyser(HunspellStems()), Analyser(Hspell()))
        # The alternative is measured for quality, not speed: its words are analysed in one run up front.
        everything = [doc["title"] + " " + doc["body"] for doc in corpus] + [
            c["q"] for cs in queries.values() for c in cs
        ]
        await analysers[1].analyse({word for text in everything for word in words(text)})
        for name, analyser in zip(ANALYSERS, analysers, strict=True):
            previous = analysis.use(analyser)
            try:
                async with create_sessionmaker(engine)() as session:
                    throughput[name] = await index_corpus(session, corpus)
                    scores: dict[str, ClassScores] = {}
                    for query_class, cases in queries.items():
                        for case in cases:
                            found, did_you_mean = await ranked(session, case["q"], by_uuid)
                            scores.setdefault(query_class, ClassScores()).add(found, set(case["relevant"]))
                            if query_class == "misspellings":
                                corrected = (await ranked(session, did_you_mean, by_uuid))[0] if did_you_mean else []
                                scores.setdefault("misspellings, did you mean", ClassScores()).add(
                                    corrected, set(case["relevant"])
                                )
                    results[name] = scores
            finally:
                analysis.use(previous)
    finally:
        await engine.dispose()
    return results, throughput


def table(results: dict[str, dict[str, ClassScores]], queries: dict[str, list[Any]]) -> str:
    heading = " / ".join(ANALYSERS)
    lines = [
        f"{'class':<28} {'queries':>7}   {'recall@50':^20}   {'precision@10':^20}   {'MRR':^20}",
        f"{'':<28} {'':>7}   {heading:^20}   {heading:^20}   {heading:^20}",
    ]
    totals = {name: ClassScores() for name in results}

    def row(label: str, count: int, scores: dict[str, ClassScores]) -> str:
        means = [scores[name].means() for name in ANALYSERS]
        cells = "   ".join(f"{' / '.join(f'{m[i]:.2f}' for m in means):^20}" for i in range(3))
        return f"{label:<28} {count:>7}   {cells}"

    for query_class in results["after"]:
        lines.append(
            row(query_class, len(results["after"][query_class].recall), {n: results[n][query_class] for n in ANALYSERS})
        )
        if query_class in queries:
            for name in results:
                for attribute in ("recall", "precision", "reciprocal_rank"):
                    getattr(totals[name], attribute).extend(getattr(results[name][query_class], attribute))
    lines.append(row("all (as typed)", len(totals["after"].recall), totals))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", action="append", required=True, help="sqlite+aiosqlite:///path or postgresql+asyncpg://…"
    )
    args = parser.parse_args()
    if not hspell().available:
        print("hspell is not installed (apt-get install hspell): 'after' would equal surface forms only")
        return 1
    _, queries = load()
    for url in args.database_url:
        if url.startswith("postgresql"):
            from bench.generate import _fresh_postgres

            asyncio.run(_fresh_postgres(url))
        elif url.startswith("sqlite"):
            Path(url.split("///", 1)[1]).unlink(missing_ok=True)
        results, throughput = asyncio.run(evaluate(url))
        count = sum(map(len, queries.values()))
        print(f"\n== Hebrew search quality on {url.split('+')[0]} (bench/search: {count} queries)")
        print(table(results, queries))
        print(
            "indexing, analyser cache cold: "
            + ", ".join(f"{name} {rate:.0f} documents/s" for name, rate in throughput.items() if name != "hunspell")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
