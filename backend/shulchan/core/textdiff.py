"""Unified diffs of revisions in bounded time, computed off the event loop.

difflib's matcher can take time quadratic (and worse) in the number of lines: a crafted 125 KB text
kept one request busy for 10 s. Here the lines both sides share at the start and the end are set
aside first (linear), and the changed middle is matched line by line only while it is small enough
(`MAX_MATCHED_CELLS`, its lines before × its lines after); past that, it is shown removed and added
whole, which is still a correct diff, only not a minimal one. The work runs in a worker thread, a few
at a time, so a large diff never stalls other requests.
"""

import difflib
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import anyio
import anyio.to_thread

# About 0.1 s of matching in the worst case measured (bench/diffs.py): 1,400 changed lines each side.
MAX_MATCHED_CELLS = 2_000_000
CONTEXT_LINES = 3
_DIFFS_AT_ONCE = anyio.CapacityLimiter(2)

Opcode = tuple[str, int, int, int, int]
T = TypeVar("T")


class _Given(difflib.SequenceMatcher[str]):
    """A matcher whose opcodes are already known, for difflib's grouping into hunks."""

    def __init__(self, opcodes: list[Opcode]) -> None:
        super().__init__(None, [], [])
        self._given = opcodes

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return self._given


def opcodes(a: Sequence[str], b: Sequence[str], max_cells: int = MAX_MATCHED_CELLS) -> list[Opcode]:
    """How `a` becomes `b`, as difflib opcodes; the changed middle is matched only within `max_cells`."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a_end, b_end = len(a) - suffix, len(b) - suffix
    middle_a, middle_b = a[prefix:a_end], b[prefix:b_end]
    result: list[Opcode] = [("equal", 0, prefix, 0, prefix)] if prefix else []
    if len(middle_a) * len(middle_b) <= max_cells:
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            result.append((tag, i1 + prefix, i2 + prefix, j1 + prefix, j2 + prefix))
    elif middle_a or middle_b:
        tag = "replace" if middle_a and middle_b else "delete" if middle_a else "insert"
        result.append((tag, prefix, a_end, prefix, b_end))
    if suffix:
        result.append(("equal", a_end, len(a), b_end, len(b)))
    return result or [("equal", 0, 0, 0, 0)]


def unified_diff(
    a: Sequence[str],
    b: Sequence[str],
    fromfile: str,
    tofile: str,
    *,
    lineterm: str = "\n",
    max_cells: int = MAX_MATCHED_CELLS,
) -> Iterator[str]:
    """difflib.unified_diff's output, from the bounded `opcodes`."""
    started = False
    for group in _Given(opcodes(a, b, max_cells)).get_grouped_opcodes(CONTEXT_LINES):
        if not started:
            started = True
            yield f"--- {fromfile}{lineterm}"
            yield f"+++ {tofile}{lineterm}"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@{lineterm}"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in {"replace", "delete"}:
                yield from ("-" + line for line in a[i1:i2])
            if tag in {"replace", "insert"}:
                yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: lines count from 1, an empty range starts a line before."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if not length else start + 1},{length}"


async def off_the_loop(work: Callable[[], T]) -> T:
    """Run CPU-bound diffing in a worker thread, at most a few at a time."""
    return await anyio.to_thread.run_sync(work, limiter=_DIFFS_AT_ONCE)
