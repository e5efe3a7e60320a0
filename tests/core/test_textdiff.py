"""Revision diffs in bounded work (issue 8: a crafted 125 KB item kept a worker busy for 10 s): the lines
both sides share are set aside, the changed middle is matched line by line only while it is small, and
a larger one is shown removed and added whole: still a diff that turns one text into the other."""

import difflib
import random
import re
import threading

import pytest

from shulchan.core import textdiff

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")


def crafted(lines: int) -> tuple[list[str], list[str]]:
    """Short lines, each repeated ten times (too rare for difflib's "popular" cut), the second text a
    reshuffle of the first: the shape that makes difflib's matcher do quadratic work and more."""
    distinct = lines // 10 + 1
    before = [f"{i % distinct}" for i in range(lines)]
    after = [f"{(i * 7) % distinct}" for i in range(lines)]
    return before, after


def patched(before: list[str], diff: list[str]) -> list[str]:
    """`before` with a unified diff (lineterm="") applied, checking every context and removed line."""
    result: list[str] = []
    position = 0
    lines = iter(diff[2:])
    for header in lines:
        match = HUNK.match(header)
        assert match, header
        start, length = int(match[1]), int(match[2] or 1)
        start = start - 1 if length else start  # an empty range names the line before it
        result += before[position:start]
        position = start
        added = int(match[4] or 1)
        while length or added:
            line = next(lines)
            if line.startswith("+"):
                result.append(line[1:])
                added -= 1
                continue
            assert before[position] == line[1:], (position, line)
            position += 1
            length -= 1
            if line.startswith(" "):
                result.append(line[1:])
                added -= 1
    return result + before[position:]


def diff(before: list[str], after: list[str], **limits: int) -> list[str]:
    return list(textdiff.unified_diff(before, after, "a", "b", lineterm="", **limits))


@pytest.mark.parametrize("seed", range(40))
def test_a_diff_turns_one_text_into_the_other(seed):
    rng = random.Random(seed)
    before = [rng.choice("abcde") for _ in range(rng.randrange(0, 60))]
    after = list(before)
    for _ in range(rng.randrange(0, 8)):
        at = rng.randrange(0, len(after) + 1)
        if rng.random() < 0.5 and after:
            del after[at : at + rng.randrange(1, 4)]
        else:
            after[at:at] = [rng.choice("abcxyz") for _ in range(rng.randrange(1, 4))]

    for limits in ({}, {"max_cells": 0}):  # matched line by line, and shown whole
        lines = diff(before, after, **limits)
        assert patched(before, lines) == after if lines else before == after


def test_small_diffs_read_as_difflib_writes_them():
    before = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    after = ["zero", "one", "two", "tree", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]

    assert diff(before, after) == list(difflib.unified_diff(before, after, "a", "b", lineterm=""))


def test_a_change_too_large_to_match_is_shown_whole_between_what_is_shared():
    before = ["title", "intro"] + [f"old {i}" for i in range(10)] + ["end"]
    after = ["title", "intro"] + [f"new {i}" for i in range(10)] + ["end"]

    assert textdiff.opcodes(before, after, max_cells=99) == [
        ("equal", 0, 2, 0, 2),
        ("replace", 2, 12, 2, 12),
        ("equal", 12, 13, 12, 13),
    ]
    lines = diff(before, after, max_cells=99)
    assert lines[2] == "@@ -1,13 +1,13 @@"
    assert patched(before, lines) == after


def test_a_crafted_text_hands_the_matcher_no_more_than_the_bound(monkeypatch):
    """Counted, not timed: the lines before × the lines after that difflib's matcher is given to match."""
    given: list[int] = []
    set_seqs = difflib.SequenceMatcher.set_seqs

    def counting(self, a, b):
        given.append(len(a) * len(b))
        return set_seqs(self, a, b)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seqs", counting)
    before, after = crafted(28_000)
    assert len("\n".join(before).encode()) > 125_000

    lines = diff(before, after)

    assert max(given) <= textdiff.MAX_MATCHED_CELLS
    assert patched(before, lines) == after
    assert len(before) * len(after) > 300 * textdiff.MAX_MATCHED_CELLS  # what difflib alone would take on


def test_within_the_bound_changes_are_matched_line_by_line():
    before = [f"line {i}" for i in range(1_000)]
    after = [f"changed {i}" if i % 10 == 5 else line for i, line in enumerate(before)]

    assert len(before) * len(after) <= textdiff.MAX_MATCHED_CELLS
    tags = [tag for tag, *_ in textdiff.opcodes(before, after)]
    assert tags.count("replace") == 100 and tags.count("equal") == 101
    assert patched(before, diff(before, after)) == after


async def test_diffs_are_computed_off_the_event_loop():
    loop_thread = threading.get_ident()

    worker = await textdiff.off_the_loop(threading.get_ident)

    assert worker != loop_thread
