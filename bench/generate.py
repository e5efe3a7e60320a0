"""Generates the large benchmark world in PostgreSQL, repeatably (same seed, same world).

200 roundtables, 100,000 meetings, 200,000 knowledge items (Hebrew and English, with Zipf-like word
frequencies, indexed for search), seats, and a bench user seated at 20 roundtables, in PostgreSQL
(COPY; the search vectors made by PostgreSQL itself) or SQLite (FTS5). A marker row skips the work
when the same world is already there.

    python -m bench.generate --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/shulchan_bench
    python -m bench.generate --database-url sqlite+aiosqlite:///var/bench.db
"""

import argparse
import asyncio
import random
import sqlite3
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg

from shulchan.core import migrations
from shulchan.core.config import Environment, Settings
from shulchan.core.models import uuid7
from shulchan.core.security import hash_password
from shulchan.search.text import expand_for_index

WORLD_VERSION = "bench-world-2"
ROUNDTABLES = 200
MEETINGS = 100_000
KNOWLEDGE_ITEMS = 200_000
SEATED_ROUNDTABLES = 20
BENCH_EMAIL = "bench@bench.shulchan.org"
BENCH_PASSWORD = "bench-password-123"

HEBREW = [
    "חינוך",
    "תעסוקה",
    "פריפריה",
    "מדיניות",
    "שולחן",
    "עגול",
    "ממשלה",
    "חברה",
    "אזרחית",
    "פילנתרופיה",
    "עסקים",
    "שיתוף",
    "פעולה",
    "קהילה",
    "רווחה",
    "בריאות",
    "דיור",
    "תחבורה",
    "צעירים",
    "קשישים",
    "נגישות",
    "שוויון",
    "הזדמנויות",
    "תקציב",
    "יישום",
    "מדידה",
    "הערכה",
    "מחקר",
    "ידע",
    "תוכנית",
    "לאומית",
    "אזורית",
    "רשויות",
    "מקומיות",
    "משרד",
    "אוצר",
    "כלכלה",
    "הכשרה",
    "מקצועית",
    "השכלה",
    "גבוהה",
    "חדשנות",
    "טכנולוגיה",
    "סביבה",
    "קיימות",
    "אנרגיה",
    "מים",
    "חקלאות",
    "תרבות",
    "ספורט",
    "ביטחון",
    "תזונה",
    "עוני",
    "אבטלה",
    "משפחות",
    "ילדים",
    "נוער",
    "מתנדבים",
    "ארגונים",
    "עמותות",
    "קרנות",
    "תורמים",
    "שקיפות",
    "אמון",
    "דיאלוג",
    "הסכמות",
    "המלצות",
    "החלטה",
    "יעדים",
    "מדדים",
    "תשתיות",
    "שירותים",
]
PREFIXES = ["", "", "", "ו", "ה", "ב", "ל", "מ", "ש", "וה", "וב", "של", "כש", "מה", "לה"]
ENGLISH = [
    "policy",
    "policies",
    "education",
    "employment",
    "periphery",
    "government",
    "civil",
    "society",
    "philanthropy",
    "business",
    "partnership",
    "community",
    "welfare",
    "health",
    "housing",
    "transport",
    "youth",
    "elderly",
    "accessibility",
    "equality",
    "budget",
    "implementation",
    "measurement",
    "evaluation",
    "research",
    "knowledge",
    "programme",
    "programmes",
    "national",
    "regional",
    "municipal",
    "ministry",
    "finance",
    "economy",
    "training",
    "vocational",
    "innovation",
    "technology",
    "environment",
    "energy",
    "water",
    "agriculture",
    "culture",
    "volunteers",
    "organisations",
    "foundations",
    "donors",
    "transparency",
    "trust",
    "dialogue",
    "agreement",
    "recommendations",
    "decision",
    "goals",
    "indicators",
    "infrastructure",
    "services",
    "reform",
    "reforms",
    "strategy",
    "strategies",
]
KINDS = ["background_paper", "research", "position_paper", "presentation", "data", "protocol", "summary", "link"]


HEBREW_LETTERS = "אבגדהוזחטיכלמנסעפצקרשת"
ENGLISH_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, topical: list[str], letters: str, size: int) -> tuple[list[str], list[float]]:
    """Words with Zipf-like frequencies, as in real text: a few very common, most rare.

    The topical words sit between rank 20 and 400, like the subject words of real policy papers.
    """
    filler = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(size * 2)}
    words = sorted(filler - set(topical))[:size]
    rng.shuffle(words)
    for word in topical:
        words.insert(rng.randint(20, 400), word)
    return words, [1.0 / rank for rank in range(1, len(words) + 1)]


class Corpus:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.hebrew = _vocabulary(rng, HEBREW, HEBREW_LETTERS, 5000)
        self.english = _vocabulary(rng, ENGLISH, ENGLISH_LETTERS, 5000)

    def text(self, hebrew: bool, count: int) -> str:
        words, weights = self.hebrew if hebrew else self.english
        chosen = self.rng.choices(words, weights=weights, k=count)
        if hebrew:
            return " ".join(self.rng.choice(PREFIXES) + word for word in chosen)
        return " ".join(chosen)


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


Table = tuple[str, list[str], list[tuple[object, ...]]]


def world_tables(rng: random.Random, now: datetime) -> tuple[list[Table], list[tuple[int, str, str]]]:
    """Every row of the world, table by table, and the search text prepared for each search entry."""
    tables: list[Table] = []
    sector_ids = {key: uuid7() for key in ("government", "business_philanthropy", "civil_society")}
    tables.append(
        (
            "sectors",
            ["id", "key", "name_he", "name_en", "colour", "position", "created_at", "updated_at", "version"],
            [(sid, key, key, key, "#607d8b", i, now, now, 1) for i, (key, sid) in enumerate(sector_ids.items())],
        )
    )
    organisations = []
    for i in range(300):
        sector = list(sector_ids)[i % 3]
        organisations.append(
            (
                uuid7(),
                f"ארגון {i}",
                f"Organisation {i}",
                sector_ids[sector],
                "ministry" if sector == "government" else "ngo",
                now,
                now,
                1,
                sector,
            )
        )
    tables.append(
        (
            "organisations",
            ["id", "name", "name_en", "sector_id", "kind", "created_at", "updated_at", "version"],
            [o[:8] for o in organisations],
        )
    )
    government = [o for o in organisations if o[8] == "government"]
    bench_user = uuid7()
    tables.append(
        (
            "users",
            [
                "id",
                "email",
                "full_name",
                "preferred_language",
                "password_hash",
                "is_active",
                "is_platform_admin",
                "created_at",
                "updated_at",
                "version",
            ],
            [(bench_user, BENCH_EMAIL, WORLD_VERSION, "he", hash_password(BENCH_PASSWORD), True, False, now, now, 1)],
        )
    )
    stakeholders = []
    for i in range(3000):
        organisation = organisations[i % len(organisations)]
        stakeholders.append(
            (
                uuid7(),
                f"משתתף {i}",
                f"Participant {i}",
                organisation[0],
                bench_user if i == 0 else None,
                now,
                now,
                1,
                organisation[3],
            )
        )
    tables.append(
        (
            "stakeholders",
            ["id", "full_name", "full_name_en", "organisation_id", "user_id", "created_at", "updated_at", "version"],
            [s[:8] for s in stakeholders],
        )
    )
    roundtables = [
        (
            uuid7(),
            f"שולחן עגול {i}",
            f"Roundtable {i}",
            "",
            government[i % len(government)][0],
            "active",
            "internal",
            now,
            now,
            1,
        )
        for i in range(ROUNDTABLES)
    ]
    tables.append(
        (
            "roundtables",
            [
                "id",
                "title",
                "title_en",
                "description",
                "host_organisation_id",
                "status",
                "visibility",
                "created_at",
                "updated_at",
                "version",
            ],
            roundtables,
        )
    )
    seats = []
    for index, roundtable in enumerate(roundtables):
        members = rng.sample(range(1, len(stakeholders)), 25)
        if index < SEATED_ROUNDTABLES:
            members.append(0)  # the bench user sits at the first 20 tables
        for position, stakeholder_index in enumerate(members):
            stakeholder = stakeholders[stakeholder_index]
            role = "facilitator" if position == 0 else "host" if position == 1 else "member"
            seats.append((uuid7(), roundtable[0], stakeholder[0], role, stakeholder[8], date(2015, 1, 1), now, now, 1))
    tables.append(
        (
            "seats",
            [
                "id",
                "roundtable_id",
                "stakeholder_id",
                "role",
                "sector_id",
                "started_on",
                "created_at",
                "updated_at",
                "version",
            ],
            seats,
        )
    )
    meetings = []
    span = timedelta(days=365 * 6)
    for i in range(MEETINGS):
        roundtable = roundtables[i % ROUNDTABLES]
        starts = now - span + timedelta(seconds=rng.randrange(int(span.total_seconds()) + 86400 * 365))
        starts = starts.replace(minute=0, second=0)
        status = "held" if starts < now else rng.choice(["planned", "confirmed"])
        meetings.append(
            (
                uuid7(),
                roundtable[0],
                f"מפגש {i} - {rng.choice(HEBREW)}",
                "",
                starts,
                starts + timedelta(hours=3),
                "Asia/Jerusalem",
                "in_person",
                "משרד",
                status,
                now,
                now,
                1,
            )
        )
    tables.append(
        (
            "meetings",
            [
                "id",
                "roundtable_id",
                "title",
                "description",
                "starts_at",
                "ends_at",
                "timezone",
                "mode",
                "venue_name",
                "status",
                "created_at",
                "updated_at",
                "version",
            ],
            meetings,
        )
    )
    corpus = Corpus(rng)
    items, entries, prepared = [], [], []
    for i in range(KNOWLEDGE_ITEMS):
        hebrew = i % 3 != 0
        roundtable_id = roundtables[i % ROUNDTABLES][0] if i % 10 else None
        title = corpus.text(hebrew, rng.randint(3, 7))
        body = corpus.text(hebrew, rng.randint(30, 80))
        summary = corpus.text(hebrew, 12)
        level = "public" if i % 7 == 0 else "roundtable"
        item_id = uuid7()
        kind = KINDS[i % len(KINDS)]
        language = "he" if hebrew else "en"
        items.append((item_id, roundtable_id, kind, title, body, summary, "[]", language, "[]", level, 1, now, now, 1))
        entries.append(
            (
                i + 1,
                "knowledge_item",
                item_id,
                roundtable_id,
                level,
                kind,
                language,
                "",
                title,
                summary + "\n\n" + body,
                now.date(),
                False,
                now,
            )
        )
        prepared.append((i + 1, expand_for_index(title), expand_for_index(summary + " " + body)))
    tables.append(
        (
            "knowledge_items",
            [
                "id",
                "roundtable_id",
                "kind",
                "title",
                "body",
                "summary",
                "tags",
                "language",
                "authors",
                "visibility",
                "revision",
                "created_at",
                "updated_at",
                "version",
            ],
            items,
        )
    )
    tables.append(
        (
            "search_entries",
            [
                "id",
                "entity_type",
                "entity_id",
                "roundtable_id",
                "level",
                "kind",
                "language",
                "tags",
                "title",
                "text",
                "occurred_on",
                "hidden",
                "updated_at",
            ],
            entries,
        )
    )
    return tables, prepared


async def _fresh_postgres(url: str) -> None:
    server, name = url.rsplit("/", 1)
    admin = await asyncpg.connect(_dsn(server) + "/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def write_postgres(url: str, tables: list[Table], prepared: list[tuple[int, str, str]]) -> None:
    connection = await asyncpg.connect(_dsn(url))
    try:
        for name, columns, rows in tables:
            for start in range(0, len(rows), 20_000):
                await connection.copy_records_to_table(name, columns=columns, records=rows[start : start + 20_000])
        await connection.execute("CREATE TEMP TABLE prepared (id bigint, title text, body text)")
        await connection.copy_records_to_table("prepared", columns=["id", "title", "body"], records=prepared)
        await connection.execute(
            "UPDATE search_entries e SET document = setweight(to_tsvector('english', p.title), 'A') "
            "|| setweight(to_tsvector('english', p.body), 'B') FROM prepared p WHERE p.id = e.id"
        )
        await connection.execute("SELECT setval(pg_get_serial_sequence('search_entries', 'id'), $1)", len(prepared))
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()


def _sqlite_value(value: object) -> object:
    """Values as SQLAlchemy stores them in SQLite: UUIDs as 32 hex digits, UTC times as text."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_sqlite(path: str, tables: list[Table], prepared: list[tuple[int, str, str]]) -> None:
    connection = sqlite3.connect(path)
    try:
        for name, columns, rows in tables:
            placeholders = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({placeholders})",
                ([_sqlite_value(v) for v in row] for row in rows),
            )
        connection.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)", prepared)
        connection.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        connection.commit()
        connection.execute("ANALYZE")
    finally:
        connection.close()


async def _postgres_has_world(url: str) -> bool:
    try:
        connection = await asyncpg.connect(_dsn(url))
    except asyncpg.InvalidCatalogNameError:
        return False
    try:
        return bool(
            await connection.fetchval(
                "SELECT 1 FROM users WHERE email = $1 AND full_name = $2", BENCH_EMAIL, WORLD_VERSION
            )
        )
    except asyncpg.UndefinedTableError:
        return False
    finally:
        await connection.close()


def _sqlite_has_world(path: str) -> bool:
    if not Path(path).is_file():
        return False
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute(
                "SELECT 1 FROM users WHERE email = ? AND full_name = ?", (BENCH_EMAIL, WORLD_VERSION)
            ).fetchone()
            is not None
        )
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def build(url: str) -> None:
    sqlite = url.startswith("sqlite")
    path = url.split("///", 1)[-1] if sqlite else ""
    if _sqlite_has_world(path) if sqlite else asyncio.run(_postgres_has_world(url)):
        print(f"bench world already present at {url.rsplit('/', 1)[-1]}; reusing it")
        return
    started = time.perf_counter()
    if sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
    else:
        asyncio.run(_fresh_postgres(url))
    migrations.upgrade(Settings(environment=Environment.test, database_url=url, secret_key="bench-" + "x" * 40))
    tables, prepared = world_tables(random.Random(2026), datetime.now(UTC).replace(microsecond=0))
    print(f"  world generated in memory: {time.perf_counter() - started:.0f} s")
    if sqlite:
        write_sqlite(path, tables, prepared)
    else:
        asyncio.run(write_postgres(url, tables, prepared))
    print(f"  written to {'SQLite' if sqlite else 'PostgreSQL'}: {time.perf_counter() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="postgresql+asyncpg://… or sqlite+aiosqlite:///path")
    args = parser.parse_args()
    if not args.database_url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite:///")):
        print("give a postgresql+asyncpg:// or sqlite+aiosqlite:/// URL", file=sys.stderr)
        return 2
    build(args.database_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
