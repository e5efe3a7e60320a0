"""Hebrew morphology from hspell's dictionary: which words are real, their lemmas, and their prefixes.

hspell (Debian package `hspell`) analyses a word into readings: the whole word (`ניצולי` → ניצול) and
the word behind glued prefix letters (`ה+ניצולים` → ניצול); `משרד` has both (the ministry, and מ+שרד).
It reads and writes ISO-8859-8 and takes about 50 ms to start, so one hspell stays running in its
ispell-compatible pipe mode (`-a -l`: a line of words in, their analyses out, ended by an empty line),
talked to without blocking the event loop; words go to it in batches and every answer is cached.
Without hspell, every word is unknown and search falls back to surface forms (see `available`).
"""

import asyncio
import contextlib
import logging
import os
import shutil
import signal
from collections import OrderedDict
from dataclasses import dataclass

logger = logging.getLogger(__name__)

HSPELL = "hspell"
ENCODING = "iso-8859-8"
CACHE_SIZE = 200_000
BATCH_TIMEOUT_SECONDS = 20.0
WORDS_PER_LINE = 200  # hspell reads a line at a time; short lines keep its buffers and ours small
_LEGAL_WORD = "מילה חוקית: "
_LEGAL_COMBINATION = "צירוף חוקי: "
_MISSPELLED = "שגיאות כתיב שנמצאו"
# hspell's lemma for words it knows only as "something" (acronyms, some names, function words):
# no lemma at all, so the word stands for itself.
_NO_LEMMA = "שונות"


@dataclass(frozen=True)
class Analysis:
    known: bool
    lemmas: frozenset[str] = frozenset()  # lemmas of the readings of the whole word
    split_lemmas: frozenset[str] = frozenset()  # lemmas of the readings behind prefix letters
    # ...of those behind the definite article alone (ה+פגישה), the one prefix reading worth keeping beside
    # a whole-word one: the whole-word readings of such words are mostly verb forms (הפגישה, he made meet)
    article_lemmas: frozenset[str] = frozenset()


UNKNOWN = Analysis(known=False)


# hspell spells acronyms and foreign sounds with ASCII marks (צה"ל, ג'ורג'); texts use gershayim and geresh.
_TO_HSPELL = str.maketrans({"\u05f4": '"', "\u05f3": "'"})


def _for_hspell(word: str) -> str | None:
    spelled = word.translate(_TO_HSPELL)
    try:
        spelled.encode(ENCODING)
    except UnicodeEncodeError:
        return None
    return spelled


def parse_analyses(output: str) -> dict[str, Analysis]:
    """hspell -l's report: a header per reading ("מילה חוקית: X" or "צירוף חוקי: P+X"), its analyses
    indented below as "lemma(features)", then the words it does not know."""
    lemmas: dict[str, set[str]] = {}
    split_lemmas: dict[str, set[str]] = {}
    article_lemmas: dict[str, set[str]] = {}
    current: tuple[str, str, bool, bool] | None = None  # (word, the word behind the prefix, split?, article?)
    for line in output.splitlines():
        if line.startswith(_LEGAL_WORD):
            word = line[len(_LEGAL_WORD) :].strip()
            current = (word, word, False, False)
            lemmas.setdefault(word, set())
        elif line.startswith(_LEGAL_COMBINATION):
            prefix, _, rest = line[len(_LEGAL_COMBINATION) :].strip().partition("+")
            word = prefix + rest
            current = (word, rest, True, prefix == "ה") if rest else None  # "ה+" alone: no word behind it
            if rest:
                split_lemmas.setdefault(word, set())
        elif line.startswith("\t") and current is not None:
            word, remainder, split, article = current
            lemma = line.strip().partition("(")[0]
            lemma = remainder if not lemma or lemma == _NO_LEMMA else lemma
            (split_lemmas if split else lemmas)[word].add(lemma)
            if article:
                article_lemmas.setdefault(word, set()).add(lemma)
        elif line.startswith(_MISSPELLED):
            break
        else:
            current = None
    analyses: dict[str, Analysis] = {}
    for word in lemmas.keys() | split_lemmas.keys():
        whole = lemmas.get(word)
        if whole is not None and not whole:
            whole = {word}  # a legal word listed without analyses is its own lemma
        analyses[word] = Analysis(
            True,
            frozenset(whole or ()),
            frozenset(split_lemmas.get(word, ())),
            frozenset(article_lemmas.get(word, ())),
        )
    return analyses


_FROM_HSPELL = str.maketrans({'"': "\u05f4", "'": "\u05f3"})


def _respelled(analysis: Analysis) -> Analysis:
    """Lemmas back in the text's spelling, as the index holds words."""
    if not analysis.known:
        return analysis
    return Analysis(
        True,
        frozenset(lemma.translate(_FROM_HSPELL) for lemma in analysis.lemmas),
        frozenset(lemma.translate(_FROM_HSPELL) for lemma in analysis.split_lemmas),
        frozenset(lemma.translate(_FROM_HSPELL) for lemma in analysis.article_lemmas),
    )


class Hspell:
    def __init__(self, command: str = HSPELL) -> None:
        self.command = command
        self.path = shutil.which(command)
        self._cache: OrderedDict[str, Analysis] = OrderedDict()
        self._warned = False
        # The running pipe belongs to the event loop that started it (a test suite runs several loops).
        self._pipe: tuple[asyncio.AbstractEventLoop, asyncio.subprocess.Process, asyncio.Lock] | None = None
        if self.path is None:
            logger.warning("hspell is not installed: Hebrew search matches surface forms and prefixes only")

    @property
    def available(self) -> bool:
        return self.path is not None

    def cached(self, word: str) -> Analysis | None:
        analysis = self._cache.get(word)
        if analysis is not None:
            self._cache.move_to_end(word)
        return analysis

    def _remember(self, word: str, analysis: Analysis) -> None:
        self._cache[word] = analysis
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    async def _run(self, *args: str, stdin: str) -> str:
        assert self.path is not None
        process = await asyncio.create_subprocess_exec(
            self.path,
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            out, _ = await asyncio.wait_for(process.communicate(stdin.encode(ENCODING)), BATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise
        return out.decode(ENCODING, errors="replace")

    async def analyse(self, words: set[str] | list[str]) -> dict[str, Analysis]:
        """Each Hebrew word's analysis; one hspell run for all the words not yet cached."""
        result: dict[str, Analysis] = {}
        missing: dict[str, str] = {}  # the word as hspell spells it → the word
        for word in set(words):
            analysis = self.cached(word)
            spelled = _for_hspell(word)
            if analysis is not None:
                result[word] = analysis
            elif self.available and spelled is not None:
                missing[spelled] = word
            else:
                result[word] = UNKNOWN
        if missing:
            try:
                found = parse_analyses(await self._through_pipe(list(missing)))
            except (OSError, TimeoutError, ValueError) as exc:
                self._stop()
                self._warn(exc)
                return result | dict.fromkeys(missing.values(), UNKNOWN)  # not cached: the next call tries again
            for spelled, word in missing.items():
                result[word] = _respelled(found.get(spelled, UNKNOWN))
                self._remember(word, result[word])
        return result

    async def _started(self) -> tuple[asyncio.subprocess.Process, asyncio.Lock]:
        loop = asyncio.get_running_loop()
        if self._pipe is not None:
            started_in, process, lock = self._pipe
            if started_in is loop and process.returncode is None:
                return process, lock
            self._stop()
        assert self.path is not None
        process = await asyncio.create_subprocess_exec(
            self.path,
            "-a",
            "-l",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        assert process.stdout is not None
        await asyncio.wait_for(process.stdout.readline(), BATCH_TIMEOUT_SECONDS)  # its "@(#) Ispell…" banner
        self._pipe = (loop, process, asyncio.Lock())
        return process, self._pipe[2]

    async def _through_pipe(self, words: list[str]) -> str:
        process, lock = await self._started()
        assert process.stdin is not None and process.stdout is not None
        report: list[bytes] = []
        async with lock:
            for start in range(0, len(words), WORDS_PER_LINE):
                process.stdin.write((" ".join(words[start : start + WORDS_PER_LINE]) + "\n").encode(ENCODING))
                await process.stdin.drain()
                while (line := await asyncio.wait_for(process.stdout.readline(), BATCH_TIMEOUT_SECONDS)) != b"\n":
                    if not line:
                        raise OSError("hspell exited")
                    report.append(line)
        return b"".join(report).decode(ENCODING, errors="replace")

    def _stop(self) -> None:
        if self._pipe is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pipe[1].pid, signal.SIGKILL)  # not process.kill(): its loop may be closed
            self._pipe = None

    async def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """hspell -c's corrections for a misspelled word, best first; none for a word it knows."""
        spelled = _for_hspell(word)
        if not self.available or spelled is None:
            return []
        try:
            out = await self._run("-c", stdin=spelled + "\n")
        except (OSError, TimeoutError) as exc:
            self._warn(exc)
            return []
        for line in out.splitlines():
            _, arrow, corrections = line.partition(" -> ")
            if arrow:
                return [c.strip().translate(_FROM_HSPELL) for c in corrections.split(",") if c.strip()][:limit]
        return []

    def _warn(self, exc: Exception) -> None:
        if not self._warned:
            logger.warning("hspell failed (%s): Hebrew words are indexed by surface forms only", exc)
            self._warned = True


_hspell: Hspell | None = None


def hspell() -> Hspell:
    """The process's analyser, shared so that its cache is."""
    global _hspell
    if _hspell is None:
        _hspell = Hspell()
    return _hspell
