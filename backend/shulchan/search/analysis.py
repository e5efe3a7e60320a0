"""How words become index terms and query terms, with hspell's morphology behind the Hebrew ones.

Every word is indexed as itself (its *surface* form). A Hebrew word hspell knows is indexed with its
lemmas as well (`ניצולי` → ניצול, `זכויות` → זכות); a word hspell knows only behind prefix letters is
indexed with the lemmas behind them instead (`הניצולים` → ה+ניצול). Where the whole word is a word
(`משרד`), its prefix readings (`מ+שרד`) are left out, so `שרד` never finds `משרד` — all but the definite
article's (`הפגישה` is a verb form, and far more often ה+פגישה). Words hspell does not
know (names, acronyms) keep the old prefix stripping, behind prefix letters too.

The three kinds of terms go apart so that ranking can weigh them: surface terms as they are, lemmas
after LEMMA_MARK and prefix-split terms after SPLIT_MARK, both final letters, which no Hebrew word
begins with. A query word matches a surface term (best), then a lemma, then a prefix split.
English is left to the databases' stemmers, as before.
"""

import re
from dataclasses import dataclass, field
from enum import IntEnum

from shulchan.search.morphology import UNKNOWN, Analysis, Hspell, hspell
from shulchan.search.text import hebrew_forms, is_hebrew, words

LEMMA_MARK = "ם"
SPLIT_MARK = "ץ"
MIN_UNKNOWN_STEM = 3  # a name behind prefix letters keeps three letters: `מלגה` never becomes `גה`
MAX_QUERY_WORDS = 8


class Level(IntEnum):
    surface = 0
    lemma = 1
    split = 2


@dataclass
class IndexedText:
    """One field's terms, by level, as space-separated strings for the database's tokenizer."""

    surface: str = ""
    lemmas: str = ""
    splits: str = ""

    def joined(self) -> str:
        return " ".join(part for part in (self.surface, self.lemmas, self.splits) if part)


@dataclass
class QueryWord:
    word: str
    terms: dict[str, Level] = field(default_factory=dict)  # term → the best level it matches at


def _unknown_stems(word: str) -> list[str]:
    return [form for form in hebrew_forms(word)[1:] if len(form) >= MIN_UNKNOWN_STEM]


def index_terms(word: str, analysis: Analysis, *, legacy: bool = False) -> dict[Level, list[str]]:
    if not is_hebrew(word):
        return {Level.surface: [word]}
    if legacy:
        return {Level.surface: hebrew_forms(word)}
    if analysis.lemmas:
        return {
            Level.surface: [word],
            Level.lemma: [LEMMA_MARK + lemma for lemma in sorted(analysis.lemmas)],
            Level.split: [SPLIT_MARK + lemma for lemma in sorted(analysis.article_lemmas)],
        }
    if analysis.split_lemmas:
        return {Level.surface: [word], Level.split: [SPLIT_MARK + lemma for lemma in sorted(analysis.split_lemmas)]}
    return {Level.surface: [word], Level.split: [SPLIT_MARK + stem for stem in _unknown_stems(word)]}


def query_word_terms(word: str, analysis: Analysis, *, legacy: bool = False) -> dict[str, Level]:
    if not is_hebrew(word):
        return {word: Level.surface}
    if legacy:
        return dict.fromkeys(hebrew_forms(word), Level.surface)
    terms = {word: Level.surface}
    if analysis.lemmas:
        for lemma in sorted(analysis.lemmas):
            terms.setdefault(LEMMA_MARK + lemma, Level.lemma)
            terms.setdefault(SPLIT_MARK + lemma, Level.split)  # the lemma behind a prefix in the text
        for lemma in sorted(analysis.article_lemmas):
            terms.setdefault(LEMMA_MARK + lemma, Level.split)
            terms.setdefault(SPLIT_MARK + lemma, Level.split)
    elif analysis.split_lemmas:
        for lemma in sorted(analysis.split_lemmas):
            terms.setdefault(LEMMA_MARK + lemma, Level.split)
            terms.setdefault(SPLIT_MARK + lemma, Level.split)
    else:
        terms[SPLIT_MARK + word] = Level.split
        for stem in _unknown_stems(word):
            terms.setdefault(stem, Level.split)
            terms.setdefault(SPLIT_MARK + stem, Level.split)
    return terms


class Analyser:
    """Turns text into index terms and queries into query terms. `legacy` is the analyser before
    hspell (prefix stripping only), kept for the quality benchmark's "before" column."""

    def __init__(self, morphology: Hspell | None = None, *, legacy: bool = False) -> None:
        self._morphology = morphology
        self.legacy = legacy

    @property
    def morphology(self) -> Hspell:
        return self._morphology or hspell()

    async def analyse(self, text_words: list[str] | set[str]) -> dict[str, Analysis]:
        hebrew = {word for word in text_words if is_hebrew(word)}
        if self.legacy or not hebrew:
            return dict.fromkeys(hebrew, UNKNOWN)
        return await self.morphology.analyse(hebrew)

    def index_text_with(self, text: str, analyses: dict[str, Analysis]) -> IndexedText:
        levels: dict[Level, list[str]] = {Level.surface: [], Level.lemma: [], Level.split: []}
        for word in words(text):
            for level, terms in index_terms(word, analyses.get(word, UNKNOWN), legacy=self.legacy).items():
                levels[level].extend(terms)
        return IndexedText(*(" ".join(levels[level]) for level in Level))

    async def index_texts(self, *texts: str) -> list[IndexedText]:
        """Each text's terms, all their words analysed in one go."""
        analyses = await self.analyse({word for text in texts for word in words(text)})
        return [self.index_text_with(text, analyses) for text in texts]

    async def query(self, query: str) -> list[QueryWord]:
        query_words = words(query)[:MAX_QUERY_WORDS]
        analyses = await self.analyse(query_words)
        return [
            QueryWord(word, query_word_terms(word, analyses.get(word, UNKNOWN), legacy=self.legacy))
            for word in query_words
        ]

    async def matching_words(self, candidates: set[str], query: list[QueryWord]) -> set[str]:
        """Which of the text's Hebrew words the query matched: their index terms meet its terms."""
        wanted = {term for word in query for term in word.terms}
        analyses = await self.analyse(candidates)
        return {
            word
            for word in candidates
            if any(
                term in wanted
                for terms in index_terms(word, analyses.get(word, UNKNOWN), legacy=self.legacy).values()
                for term in terms
            )
        }


_current = Analyser()


def current() -> Analyser:
    """The analyser the index and the queries use (swapped only by the quality benchmark)."""
    return _current


def use(analyser: Analyser) -> Analyser:
    global _current
    previous, _current = _current, analyser
    return previous


_NOT_CORE = re.compile("[וי]")


def candidate_pattern(query: list[QueryWord]) -> re.Pattern[str] | None:
    """A cheap net for words of a text that may match the query, checked by `matching_words` after:
    each query form and each lemma without its last letter (`זכות` → זכו…, `מלגה` → מלג…), with room
    for the vowel letters that inflection adds (`שרד` → ש[וי]*ר: `שורד`, `נשרוד`)."""
    cores: set[str] = set()
    for query_word in query:
        if not is_hebrew(query_word.word):
            continue
        for term in query_word.terms:
            stem = term[1:] if term[0] in (LEMMA_MARK, SPLIT_MARK) else term
            core = _NOT_CORE.sub("", stem[:-1] if len(stem) >= 3 else stem)
            if len(core) >= 2:
                cores.add("[וי]*".join(re.escape(letter) for letter in core))
    if not cores:
        return None
    return re.compile(r"[\w\u05F3\u05F4]*(?:" + "|".join(sorted(cores)) + r")[\w\u05F3\u05F4]*")
