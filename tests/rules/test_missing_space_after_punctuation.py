"""missing-space-after-punctuation: "news .Updated", "Myanmar.The", "arms,helicopters"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("missing-space-after-punctuation")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
LOWER = st.sampled_from("officials said the regime would hold elections next year".split())
OPENER = st.sampled_from("The This However He They In But".split())


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_seed_footer_space_on_the_wrong_side_is_fixed_safely():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    edits = findings(seed)
    assert len(edits) == 1
    (edit,) = edits
    assert seed[edit.start - 4 : edit.end + 7] == "news .Updated"
    assert edit.fix is FixKind.SAFE
    out = fixed(seed)
    assert "news. Updated" in out and len(out) == len(seed)


def test_glued_sentence_with_sentence_opener_is_safe():
    (edit,) = findings("Troops were deployed in the north.The regime denied it.")
    assert edit.fix is FixKind.SAFE
    assert fixed("Troops were deployed in the north.The regime denied it.") == (
        "Troops were deployed in the north. The regime denied it."
    )


def test_glued_after_a_name_or_before_an_unusual_word_is_only_suggested():
    for text in ("They met in Naypyitaw.The talks went on.", "the shipment arrived.Helicopters followed"):
        (edit,) = findings(text)
        assert edit.fix is FixKind.SUGGESTED, text


def test_identifiers_domains_abbreviations_and_numbers_are_left_alone():
    for text in (
        "Prices rose 3.5 percent by 10:30 on Monday.",
        "Read it on example.com or in Node.js docs.",
        "U.S.Army officers, e.g.The ones in Moscow.",
        "The object {net.Socket} and stream.Transform() and node:timers",
        "He hesitated...Then he spoke.",
        "name,country,year\nLavrov,Russia,2022",
        "TL;DR: nothing changed",
        "Visit www.Example.Com today.",
    ):
        assert findings(text) == [], text


def test_inline_code_in_markdown_is_protected():
    assert findings("Call `obj.Method` here.", markdown=True) == []


def test_glued_colon_is_suggested_only():
    text = "Source:Reuters reported it."
    (edit,) = findings(text)
    assert edit.fix is FixKind.SUGGESTED
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "Source: Reuters reported it."


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(LOWER, min_size=1, max_size=6), OPENER, st.lists(LOWER, min_size=1, max_size=6))
def test_two_sentences_glued_at_the_period_are_split_back(first, opener, rest):
    assume(first[-1] != opener.lower())  # "the.The" reads as a repeated fragment, left to the duplicate rules
    clean = " ".join(first) + ". " + opener + " " + " ".join(rest) + "."
    glued = clean.replace(". ", ".", 1)
    assert findings(clean) == []
    assert fixed(glued) == clean


@hyp_settings(max_examples=300, deadline=None)
@given(st.text(":;?.,”Ab é1_ \n新", max_size=80))
@example("Note: " * 9 + "Time:Out and Source:”Reuters")  # many colons: the scan takes over
def test_candidates_found_by_str_find_are_those_the_scan_finds(text):
    # Rare marks are found with str.find() and the pattern tried at each,
    # switching to the scan after a few: the offsets must be the scan's.
    from cleaner.rules import missing_space_after_punctuation as rule
    from cleaner.rules._text import START

    for mark, scan in rule._CANDIDATES.items():
        assert rule._candidates(text, mark) == list(map(START, scan.finditer(text))), mark
