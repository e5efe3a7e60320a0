"""Hebrew morphology from hspell's dictionary: which words are real, their lemmas, and their prefixes.

hspell (Debian package `hspell`) analyses a word into readings: the whole word (`ניצולי` → ניצול) and
the word behind glued prefix letters (`ה+ניצולים` → ניצול); `משרד` has both (the ministry, and מ+שרד).
It reads and writes ISO-8859-8 and takes about 50 ms to start, so words go to it in batches, one
process per batch, run without blocking the event loop, and every answer is cached for the process.
Without hspell, every word is unknown and search falls back to surface forms (see `available`).
"""

import asyncio
import logging
import shutil
from collections import OrderedDict
from dataclasses import dataclass

logger = logging.getLogger(__name__)

HSPELL = "hspell"
ENCODING = "iso-8859-8"
CACHE_SIZE = 200_000
BATCH_TIMEOUT_SECONDS = 20.0
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


UNKNOWN = Analysis(known=False)


def _encodable(word: str) -> bool:
    try:
        word.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def parse_analyses(output: str) -> dict[str, Analysis]:
    """hspell -l's report: a header per reading ("מילה חוקית: X" or "צירוף חוקי: P+X"), its analyses
    indented below as "lemma(features)", then the words it does not know."""
    lemmas: dict[str, set[str]] = {}
    split_lemmas: dict[str, set[str]] = {}
    current: tuple[str, str, bool] | None = None  # (word, the word behind the prefix, split?)
    for line in output.splitlines():
        if line.startswith(_LEGAL_WORD):
            word = line[len(_LEGAL_WORD) :].strip()
            current = (word, word, False)
            lemmas.setdefault(word, set())
        elif line.startswith(_LEGAL_COMBINATION):
            prefix, _, rest = line[len(_LEGAL_COMBINATION) :].strip().partition("+")
            word = prefix + rest
            current = (word, rest, True) if rest else None  # "ה+" alone: a prefix with no word behind it
            if rest:
                split_lemmas.setdefault(word, set())
        elif line.startswith("\t") and current is not None:
            word, remainder, split = current
            lemma = line.strip().partition("(")[0]
            lemma = remainder if not lemma or lemma == _NO_LEMMA else lemma
            (split_lemmas if split else lemmas)[word].add(lemma)
        elif line.startswith(_MISSPELLED):
            break
        else:
            current = None
    analyses: dict[str, Analysis] = {}
    for word in lemmas.keys() | split_lemmas.keys():
        whole = lemmas.get(word)
        if whole is not None and not whole:
            whole = {word}  # a legal word listed without analyses is its own lemma
        analyses[word] = Analysis(True, frozenset(whole or ()), frozenset(split_lemmas.get(word, ())))
    return analyses


class Hspell:
    def __init__(self, command: str = HSPELL) -> None:
        self.command = command
        self.path = shutil.which(command)
        self._cache: OrderedDict[str, Analysis] = OrderedDict()
        self._warned = False
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
        missing: list[str] = []
        for word in set(words):
            analysis = self.cached(word)
            if analysis is not None:
                result[word] = analysis
            elif self.available and _encodable(word):
                missing.append(word)
            else:
                result[word] = UNKNOWN
        if missing:
            try:
                found = parse_analyses(await self._run("-l", stdin="\n".join(missing) + "\n"))
            except (OSError, TimeoutError) as exc:
                self._warn(exc)
                return result | dict.fromkeys(missing, UNKNOWN)  # not cached: the next call tries again
            for word in missing:
                result[word] = found.get(word, UNKNOWN)
                self._remember(word, result[word])
        return result

    async def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """hspell -c's corrections for a misspelled word, best first; none for a word it knows."""
        if not self.available or not _encodable(word):
            return []
        try:
            out = await self._run("-c", stdin=word + "\n")
        except (OSError, TimeoutError) as exc:
            self._warn(exc)
            return []
        for line in out.splitlines():
            _, arrow, corrections = line.partition(" -> ")
            if arrow:
                return [c.strip() for c in corrections.split(",") if c.strip()][:limit]
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
