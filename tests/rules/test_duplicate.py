"""The duplication rules: fragment, word, sentence and paragraph repeats.

Precision first: legitimate doubles ("had had", "Walla Walla", decimals,
abbreviations) must never be flagged, and every deletion must remove a true
copy of the text right before it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind, Severity
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule
from cleaner.rules import duplicate_fragment, duplicate_paragraph, duplicate_word

FRAGMENT = get_rule("duplicate-fragment")
WORD = get_rule("duplicate-word")
SENTENCE = get_rule("duplicate-sentence")
PARAGRAPH = get_rule("duplicate-paragraph")
ALL = [FRAGMENT, PARAGRAPH, SENTENCE, WORD]
SETTINGS = Settings()
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"


def found(rule, text: str):
    return run_rules(Document(text), [rule], SETTINGS)


def fixed(rules, text: str, unsafe: bool = False, path: str | None = None) -> str:
    return fix_text(text, rules, SETTINGS, unsafe=unsafe, path=path).text


# ---------------------------------------------------------------------- seed
def test_seed_has_exactly_one_duplicate_and_it_is_fixed_safely():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    edits = run_rules(Document(text), ALL, SETTINGS)
    # The seed repeats names and phrases legitimately many times; only the
    # scraper's "(ASEAN).ASEAN)." is a duplicate.
    assert [(e.rule, text[e.start : e.end], e.replacement, e.fix) for e in edits] == [
        ("duplicate-fragment", ".ASEAN).", ".", FixKind.SAFE)
    ]
    out = fixed(ALL, text)
    assert "(ASEAN).ASEAN)." not in out and "Nations (ASEAN). Myanmar" in out
    assert len(out) == len(text) - len("ASEAN).")


# ------------------------------------------------------------------ fragments
@pytest.mark.parametrize(
    "text",
    [
        "Growth was 10.10 per cent in version 10.10.",
        "Build 1.1.1 replaced 2.2.2.2 on 3.3.",
        "Meet at 5 p.m. in the U.S. or the U.K.",
        "See docs.docs.example and news.news.org for it.",
        "He said: said is a verb.",
        "Sales rose (slightly).Slightly is the word.",
        "It was in 2023.2024 was different.",
    ],
)
def test_fragment_leaves_numbers_abbreviations_and_names(text):
    assert found(FRAGMENT, text) == []


def test_fragment_exact_repeat_is_safe_and_word_across_stop_is_suggested():
    (frag,) = found(FRAGMENT, "It joined (ASEAN).ASEAN). Then")
    assert frag.fix is FixKind.SAFE
    (word,) = found(FRAGMENT, "The minister said.said the")
    assert word.fix is FixKind.SUGGESTED
    assert fixed([FRAGMENT], "The minister said.said the") == "The minister said.said the"
    assert fixed([FRAGMENT], "The minister said.said the", unsafe=True) == "The minister said. the"


def test_fragment_fix_wins_over_a_missing_space_fix_at_the_join():
    # Another rule would insert a space after "Monday."; applied together
    # with the deletion it would leave "Monday. " before the line break.
    rules = [FRAGMENT, get_rule("missing-space-after-punctuation")]
    text = "the ministry said on Monday.Monday.\n\nNext."
    assert fix_text(text, rules, SETTINGS, unsafe=True).text == "the ministry said on Monday.\n\nNext."


def test_fragment_takes_the_longest_repeat_with_spaces_inside():
    text = "the Association of Southeast Asian Nations.Asian Nations. Next"
    assert fixed([FRAGMENT], text) == "the Association of Southeast Asian Nations. Next"


TOKENS = ["ASEAN", "said", "2023", "10", "U", "S", "a", "the", "(", ")", ".", ",", " ", ":", "Nations"]


@hyp_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30))
def test_fragment_only_ever_deletes_a_copy_of_what_precedes_it(tokens):
    text = "".join(tokens)
    for edit in found(FRAGMENT, text):
        # The edit keeps the punctuation at the join and drops what follows it.
        assert edit.replacement == text[edit.start]
        deleted = text[edit.start + 1 : edit.end]
        assert deleted
        end_of_first = edit.start + 1
        if edit.fix is FixKind.SAFE:
            assert text[end_of_first - len(deleted) : end_of_first] == deleted
        else:
            assert text[end_of_first - len(deleted) - 1 : end_of_first] == deleted + "."


# ---------------------------------------------------------------------- words
@pytest.mark.parametrize(
    "text",
    [
        "She had had enough; he said that that was final.",
        "What it is is unclear. I told you you were right. She gave her her book.",
        "Flights from Walla Walla reach Bora Bora; Walla Walla is small.",
        "Bye bye, so so, no no, very very old, there there.",
        "New York, New York is a song.",
        "Related\n\nRelated reporting follows.",
        "He said the. The rest was lost.",
        "The regime’s regime-backed media reported it.",
        "Duran Duran played; Duran Duran left.",
    ],
)
def test_word_leaves_legitimate_doubles(text):
    assert found(WORD, text) == []


def test_word_function_words_are_safe_other_words_suggested():
    text = "met the the minister and the regime regime said"
    edits = {text[e.start - 10 : e.end]: e.fix for e in found(WORD, text)}
    assert list(edits.values()) == [FixKind.SAFE, FixKind.SUGGESTED]
    assert fixed([WORD], text) == "met the minister and the regime regime said"
    assert fixed([WORD], text, unsafe=True) == "met the minister and the regime said"


def test_word_capitalised_double_needs_the_word_alone_elsewhere():
    # "Lavrov" occurs alone too, so "Lavrov Lavrov" is a slip; a name that
    # only ever occurs doubled is a name.
    assert len(found(WORD, "Lavrov said it. Then Lavrov Lavrov left.")) == 1
    assert found(WORD, "Lavrov Lavrov left.") == []


def test_word_across_a_line_wrap_but_not_a_paragraph():
    assert fixed([WORD], "at the end of the\nthe talks") == "at the end of the talks"
    assert found(WORD, "at the end of the\n\nthe talks") == []


def test_word_double_inside_brackets_is_found():
    assert fixed([WORD], "(the the talks)") == "(the talks)"


WORDS = ["the", "The", "had", "regime", "Walla", "a", "of", "Lavrov"]


@hyp_settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", ", ", ". "])), max_size=20))
def test_word_only_ever_deletes_a_repeat_of_the_word_before(pairs):
    text = "".join(w + sep for w, sep in pairs)
    for edit in found(WORD, text):
        deleted = text[edit.start : edit.end]
        word = deleted.lstrip()
        before = text[: edit.start]
        assert before.lower().endswith(word.lower())
        assert not deleted[: len(deleted) - len(word)].strip(), "only whitespace between the copies"


# ------------------------------------------------------------------ sentences
def test_sentence_long_repeat_is_safe_short_repeat_suggested_tiny_ignored():
    long = "The two countries signed a new arms deal this week."
    short = "We will fight them all."
    assert fixed([SENTENCE], f"{long} {long} Next.") == f"{long} Next."
    (edit,) = found(SENTENCE, f"{short} {short}")
    assert edit.fix is FixKind.SUGGESTED
    assert found(SENTENCE, "No way. No way.") == []


def test_sentence_with_abbreviation_is_compared_whole():
    s = "Mr. Lavrov met Gen. Min Aung Hlaing in the capital."
    assert fixed([SENTENCE], f"{s} {s} Later.") == f"{s} Later."


def test_sentence_repeat_is_not_read_across_lines_or_from_mid_sentence():
    assert found(SENTENCE, "He left the room at once.\nHe left the room at once.") == []
    assert found(SENTENCE, "and he left the room. and he left the room.") == []


# ----------------------------------------------------------------- paragraphs
def test_paragraph_adjacent_repeat_safe_distant_repeat_suggested_info():
    p = "Russia has supplied warplanes, helicopters and air defence systems to the military for years."
    text = f"{p}\n\n{p}\n\nOther.\n\n{p}\n"
    edits = found(PARAGRAPH, text)
    assert [(e.fix, e.severity) for e in edits] == [
        (FixKind.SAFE, Severity.WARNING),
        (FixKind.SUGGESTED, Severity.INFO),
    ]
    assert "line 1" in edits[1].message
    assert fixed([PARAGRAPH], text) == f"{p}\n\nOther.\n\n{p}\n"
    assert fixed([PARAGRAPH], text, unsafe=True) == f"{p}\n\nOther.\n"


def test_paragraph_short_distant_repeat_is_left():
    text = "He said no.\n\nThey asked again and again.\n\nHe said no.\n"
    assert found(PARAGRAPH, text) == []


def test_paragraph_repeat_inside_markdown_code_is_left():
    code = "print('the regime said no to them')"
    text = f"Intro.\n\n```\n{code}\n{code}\n```\n"
    assert fix_text(text, [PARAGRAPH], SETTINGS, unsafe=True, path="a.md").text == text


def test_paragraph_short_adjacent_repeat_is_only_suggested():
    text = "The crowd sang:\n\nWe will not go away\nWe will not go away\n"
    (edit,) = found(PARAGRAPH, text)
    assert edit.fix is FixKind.SUGGESTED
    assert fixed([PARAGRAPH], text) == text
    assert fixed([PARAGRAPH], text, unsafe=True) == "The crowd sang:\n\nWe will not go away\n"


def test_paragraph_crlf_repeat_keeps_crlf():
    p = "Lavrov met the general in the capital on Wednesday."
    assert fixed([PARAGRAPH], f"{p}\r\n\r\n{p}\r\n\r\nEnd.\r\n") == f"{p}\r\n\r\nEnd.\r\n"


# ------------------------------------------- fast paths agree with the plain ones
_GLUE_CLASS = re.compile(r"[.!?)\]\"”’;:,](?=[^\W_]|[(\[“\"])")
"""One scan for any mark: what _glue_points finds with one scan per mark."""


def test_fragment_glue_marks_are_the_class():
    assert set(duplicate_fragment._GLUE_MARKS) == set(".!?)]\"”’;:,")


@hyp_settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".!?)]\"”’;:,([“ \naZ9_é…'")), max_size=60))
def test_fragment_glue_points_are_those_of_one_scan_for_any_mark(text):
    assert duplicate_fragment._glue_points(text) == [m.end() for m in _GLUE_CLASS.finditer(text)]


def test_word_fast_path_reads_case_as_the_engine_does():
    # _doubles takes case-insensitive matching of an ASCII word for equality
    # in the lower-cased text at the same offsets, except on texts with "İ"
    # or "ſ": check that against the regex engine's own case folding.
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    lowers_to: dict[str, set[str]] = {}
    for ch in everything:
        lowers_to.setdefault(ch.lower(), set()).add(ch)
    assert [ch for ch in everything if len(ch.lower()) != 1] == ["İ"]
    for ch in map(chr, range(0x21, 0x7F)):
        if ch.isupper():
            continue  # a lower-cased word holds none
        matched = {m.group() for m in regex.finditer(regex.escape(ch), everything, regex.IGNORECASE)}
        assert matched - {"İ", "ſ"} == lowers_to[ch], ch


_WORD_PIECES = ["the", "The", "THE", "tHe", "a", "A", "is", "s", "S", "k", "K", "\u212a", "ſ", "İ", "i", "ı", "#", "aa",
                " ", "  ", "\t", "\u00a0", "\n", "\r\n", "\r", "\n\n", " \n ", "\u2003", "\u200b", "\u00ad", "-", "’",
                ".", ",", "x", "é", "e\u0301", "the the", "a A", "s ſ", "is iſ", "i İ", "İs is", "k \u212a", "aa aa"]


@hyp_settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_WORD_PIECES), max_size=25),
    st.lists(st.sampled_from(["the", "a", "is", "s", "k", "i", "#", "aa", "é"]), min_size=1, max_size=3, unique=True),
)
def test_word_doubles_found_where_doubled_are_those_of_the_scan(pieces, words):
    text = "".join(pieces)
    words = sorted(words, key=len, reverse=True)

    def seen(matches):
        return [(m.span(), m.span("w"), m.span("again"), m["w"], m["sep"], m["again"]) for m in matches]

    assert seen(duplicate_word._doubles(text, text.lower(), words)) == seen(duplicate_word._scan_doubles(text, words))


def test_paragraph_ascii_spaces_are_those_no_other_test_covers():
    spaces = {ch for ch in map(chr, range(128)) if ch.isspace()}
    assert set(duplicate_paragraph._ASCII_SPACES) == spaces - {" ", "\n", "\r"} - set(duplicate_paragraph._SPLIT_ONLY_SPACES)


_LINE_PIECES = ["a", "b", "’", "é", " ", "  ", "\t", "\x0b", "\x0c", "\u00a0", "\u2003", "\u3000", "\u200b", "\x85"]


@hyp_settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join), max_size=6))
def test_paragraph_keys_are_the_lines_with_spacing_normalised(lines):
    assert duplicate_paragraph._keys(lines, "\n".join(lines)) == [" ".join(line.split()) for line in lines]


def test_paragraph_wide_punctuation_holds_no_letter_or_digit():
    assert not any(duplicate_paragraph._WORD.search(mark) for mark in duplicate_paragraph._WIDE_PUNCTUATION)


@hyp_settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 _-.’‘“”–—…•éß\u0301٣中")), max_size=40))
def test_paragraph_word_count_is_that_of_the_unicode_pattern(key):
    assert duplicate_paragraph._count_words(key) == len(duplicate_paragraph._WORD.findall(key))
