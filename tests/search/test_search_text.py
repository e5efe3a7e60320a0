"""The text preparation behind search: Hebrew prefix letters, niqqud, query groups, snippets and highlights."""

import pytest

from shulchan.search.text import (
    expand_for_index,
    hebrew_forms,
    highlight_stems,
    is_hebrew,
    query_terms,
    snippet,
    words,
)


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("חינוך", ["חינוך"]),  # ח is no prefix letter
        ("לחינוך", ["לחינוך", "חינוך"]),
        ("בחינוך", ["בחינוך", "חינוך"]),
        ("ובחינוך", ["ובחינוך", "בחינוך", "חינוך"]),
        ("וכשהממשלה", ["וכשהממשלה", "כשהממשלה", "שהממשלה", "הממשלה"]),  # at most three letters come off
        ("שבו", ["שבו", "בו"]),  # a stem keeps at least two letters
        ("וב", ["וב"]),
        ("ו", ["ו"]),
    ],
)
def test_hebrew_forms_strip_up_to_three_prefix_letters(word, forms):
    assert hebrew_forms(word) == forms


def test_words_lower_case_split_on_punctuation_and_drop_niqqud():
    assert words("Policy, POLICIES; and—employment!") == ["policy", "policies", "and", "employment"]
    assert words("חִינּוּךְ ובְּחינוך") == ["חינוך", "ובחינוך"]
    assert words("?! … — ,") == []


def test_hebrew_punctuation_separates_words_and_is_no_word_itself():
    assert words("בית־ספר") == ["בית", "ספר"]  # maqaf, the Hebrew hyphen, is no niqqud
    assert words("סוף׃ פסוק ׀ פסק") == ["סוף", "פסוק", "פסק"]
    assert words("צה״ל וג׳ורג׳") == ["צה״ל", "וג׳ורג׳"]  # gershayim and geresh belong to their word
    assert words("״ ׳ _ ־ __") == []
    assert query_terms("״ ׳ ___") == []
    assert is_hebrew("חינוך") and not is_hebrew("policy") and not is_hebrew("2025")


def test_expand_for_index_appends_each_hebrew_words_forms_after_it():
    assert expand_for_index("Policies ובחינוך, לחינוך and 2025") == (
        "policies ובחינוך בחינוך חינוך לחינוך חינוך and 2025"
    )
    assert expand_for_index("הַחִינּוּךְ") == "החינוך חינוך"
    assert expand_for_index("") == ""


def test_query_terms_give_one_group_of_alternatives_per_word():
    assert query_terms("ובחינוך policy") == [["ובחינוך", "בחינוך", "חינוך"], ["policy"]]
    assert query_terms("חִינּוּךְ") == [["חינוך"]]
    assert query_terms("  ?! —  ") == []
    assert len(query_terms(" ".join(f"w{i}" for i in range(20)))) == 8
    assert query_terms("a b c", max_terms=2) == [["a"], ["b"]]


def test_highlight_stems_cut_english_endings_and_keep_hebrew_forms():
    assert highlight_stems([["policies"]]) == ["polic"]
    assert highlight_stems([["policy"]]) == ["polic"]
    assert highlight_stems([["meetings"]]) == ["meeting"]  # one ending only: a rough stem
    assert highlight_stems([["is"]]) == ["is"]  # too short to cut
    stems = highlight_stems([["ובחינוך", "בחינוך", "חינוך"], ["policy"]])
    assert set(stems) == {"ובחינוך", "בחינוך", "חינוך", "polic"}
    assert [len(s) for s in stems] == sorted((len(s) for s in stems), reverse=True)  # longest first


def marked(text: str, marks: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in marks]


def test_a_short_text_is_its_own_snippet_with_every_match_marked():
    text, marks = snippet("Policy papers on policies of employment", highlight_stems([["policy"]]))
    assert text == "Policy papers on policies of employment"
    assert marked(text, marks) == ["Polic", "polic"]
    assert marks == sorted(marks)


def test_a_long_text_is_cut_around_the_first_match():
    before, after = "פתיחה " * 80, " סיום" * 80
    text, marks = snippet(before + "דיון ובחינוך המקצועי" + after, highlight_stems(query_terms("חינוך")))

    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 182
    assert "ובחינוך" in text
    assert marked(text, marks) == ["חינוך"]
    assert text[marks[0][0] - 2 : marks[0][1]] == "ובחינוך"


def test_longer_forms_win_over_shorter_ones_inside_them():
    text, marks = snippet("ובחינוך ובחינוך", highlight_stems(query_terms("ובחינוך")))
    assert marked(text, marks) == ["ובחינוך", "ובחינוך"]


def test_whitespace_is_collapsed_before_offsets_are_counted():
    text, marks = snippet("first\n\n   second   policy", ["polic"])
    assert text == "first second policy"
    assert marked(text, marks) == ["polic"]


def test_no_match_gives_the_start_of_the_text_and_no_marks():
    text, marks = snippet("nothing to see here " * 20, ["absent"])
    assert text.startswith("nothing to see") and text.endswith("…")
    assert marks == []


def test_text_with_niqqud_is_still_marked():
    # The index drops niqqud, so pointed text is found; the snippet must then show and mark the match too.
    text, marks = snippet("מדיניות הַחִינּוּךְ בישראל", highlight_stems(query_terms("חינוך")))
    assert text == "מדיניות החינוך בישראל"
    assert marked(text, marks) == ["חינוך"]


def test_offsets_hold_when_lower_casing_changes_a_letters_length():
    text, marks = snippet("İİ policy and İzmir policies", ["polic"])
    assert text == "İİ policy and İzmir policies"
    assert marked(text, marks) == ["polic", "polic"]
