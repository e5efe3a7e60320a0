"""How long a revision diff takes on the crafted text of issue 8 (short lines, each repeated ten times,
the new text a reshuffle of the old), through difflib alone and through shulchan.core.textdiff.

    python -m bench.diffs [--lines 28000]

difflib's time grows faster than the square of the lines; textdiff's stays flat past its matching
bound, where the changed middle is shown removed and added whole.
"""

import argparse
import difflib
import time

from shulchan.core import textdiff


def crafted(lines: int) -> tuple[list[str], list[str]]:
    distinct = lines // 10 + 1
    return [f"{i % distinct}" for i in range(lines)], [f"{(i * 7) % distinct}" for i in range(lines)]


def seconds(diff: object, before: list[str], after: list[str]) -> float:
    started = time.perf_counter()
    list(diff(before, after, "a", "b", lineterm=""))  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=28_000, help="lines of the largest text (28,000 ≈ 125 KB)")
    largest = parser.parse_args().lines
    print(f"{'lines':>7} {'KB':>6} {'difflib s':>10} {'textdiff s':>11}")
    for lines in sorted({1_000, 2_000, 4_000, 8_000, largest}):
        before, after = crafted(lines)
        size = len("\n".join(before).encode()) / 1024
        plain = seconds(difflib.unified_diff, before, after)
        bounded = seconds(textdiff.unified_diff, before, after)
        print(f"{lines:>7} {size:>6.0f} {plain:>10.3f} {bounded:>11.3f}", flush=True)


if __name__ == "__main__":
    main()
