"""Text preparation for full-text search in Hebrew and English.

Hebrew glues one-letter prefixes to words (ו and, ה the, ב in, ל to, מ from, ש that, כ as): "ובחינוך" is
"and in education". Neither PostgreSQL nor SQLite FTS5 knows this, so every Hebrew word is indexed with
its prefix-stripped forms as well, and every Hebrew query word is matched against its forms too.
English word forms are left to the databases' stemmers (PostgreSQL 'english', FTS5 porter).
"""

import re

HEBREW_PREFIX_LETTERS = "והבלמשכ"
MAX_PREFIX = 3
MIN_STEM = 2
# Letters, digits, and geresh/gershayim inside words (צה״ל); a "word" with no letter or digit is punctuation.
_WORD = re.compile(r"[\w\u05F3\u05F4]+", re.UNICODE)
_HEBREW_LETTER = re.compile(r"[\u05D0-\u05EA]")
# Points and cantillation marks only: maqaf (the Hebrew hyphen), paseq, sof pasuq and nun hafukha in the
# same block are punctuation and separate words.
_NIQQUD = re.compile(r"[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]")


def normalised(text: str) -> str:
    """Lower case without niqqud: the text words are taken from."""
    return _NIQQUD.sub("", text).lower()


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(normalised(text)) if any(ch.isalnum() for ch in word)]


def is_hebrew(word: str) -> bool:
    return bool(_HEBREW_LETTER.match(word))


def hebrew_forms(word: str) -> list[str]:
    """The word and the forms left after removing up to three prefix letters: ובחינוך → בחינוך, חינוך."""
    forms = [word]
    for cut in range(1, MAX_PREFIX + 1):
        if len(word) - cut < MIN_STEM or word[cut - 1] not in HEBREW_PREFIX_LETTERS:
            break
        forms.append(word[cut:])
    return forms


def expand_for_index(text: str) -> str:
    """The text's words with every Hebrew word's prefix-stripped forms appended after it."""
    out: list[str] = []
    for word in words(text):
        out.extend(hebrew_forms(word) if is_hebrew(word) else [word])
    return " ".join(out)


def query_terms(query: str, max_terms: int = 8) -> list[list[str]]:
    """One group of alternatives per query word; a document must match some form of every word."""
    groups: list[list[str]] = []
    for word in words(query)[:max_terms]:
        groups.append(hebrew_forms(word) if is_hebrew(word) else [word])
    return groups


_ENGLISH_SUFFIXES = ("ies", "es", "s", "ing", "ed", "y")


def highlight_stems(groups: list[list[str]]) -> list[str]:
    """Substrings to mark in a snippet: Hebrew forms as they are, English words cut to a rough stem."""
    stems: list[str] = []
    for group in groups:
        for form in group:
            if not is_hebrew(form):
                for suffix in _ENGLISH_SUFFIXES:
                    if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                        form = form[: -len(suffix)]
                        break
            stems.append(form)
    return sorted(set(stems), key=len, reverse=True)


def _lower_in_place(text: str) -> str:
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in text)


def snippet(
    text: str, stems: list[str], whole_words: set[str] | frozenset[str] = frozenset(), width: int = 180
) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the first match, and the [start, end) offsets of matches in it.

    `whole_words` are marked as whole words (the Hebrew forms the query matched, as `words` gives
    them); `stems` are marked wherever they occur (English words cut to a rough stem).
    Niqqud is left out (as in the index, so that pointed text is matched too), and lower-casing keeps
    every character's position (a few letters, such as "İ", lower-case to two characters).
    """
    plain = re.sub(r"\s+", " ", _NIQQUD.sub("", text)).strip()
    lowered = _lower_in_place(plain)
    word_spans = (
        [(m.start(), m.end()) for m in _WORD.finditer(lowered) if m.group() in whole_words] if whole_words else []
    )
    firsts = [i for i in (lowered.find(stem) for stem in stems if stem) if i >= 0]
    first = min([*firsts, *(s for s, _ in word_spans[:1])], default=0)
    start = max(0, first - width // 3)
    if start:
        space = plain.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    window = plain[start : start + width]
    lowered_window = lowered[start : start + width]
    marks: list[tuple[int, int]] = [
        (s - start, e - start) for s, e in word_spans if s >= start and e <= start + len(window)
    ]
    for stem in stems:
        position = lowered_window.find(stem)
        while stem and position >= 0:
            end = position + len(stem)
            if not any(s < end and position < e for s, e in marks):
                marks.append((position, end))
            position = lowered_window.find(stem, end)
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(plain) else ""
    shifted = [(s + len(prefix), e + len(prefix)) for s, e in sorted(marks)]
    return prefix + window + suffix, shifted
