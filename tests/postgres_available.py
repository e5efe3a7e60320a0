"""Exit 0 when the test PostgreSQL server answers, 1 otherwise (used by `make test`)."""

import asyncio
import os
import sys

import asyncpg


async def main() -> int:
    url = os.environ.get("SHULCHAN_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432")
    try:
        connection = await asyncpg.connect(
            url.replace("postgresql+asyncpg://", "postgresql://") + "/postgres", timeout=5
        )
    except (TimeoutError, OSError, asyncpg.PostgresError):
        return 1
    await connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
