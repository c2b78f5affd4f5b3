"""stranded-punctuation: ", ,", "end..", and a period stranded inside a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("stranded-punctuation")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
WORD = st.sampled_from("the envoy met officials in Moscow and Bangkok after talks".split())


def findings(text: str):
    return run_rules(Document(text), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_seed_stray_periods_are_suggested_with_the_likelier_repair_first():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    edits = findings(seed)
    spans = [seed[e.start - 11 : e.end] for e in edits]
    assert any(s.endswith("adventurism. in") for s in spans)
    assert all(e.fix is FixKind.SUGGESTED for e in edits)
    by_word = {seed[e.start : e.end].split()[-1]: e for e in edits}
    assert by_word["in"].replacements[0] == " in"  # a preposition carries the sentence on
    assert by_word["curb"].replacements[0] == ". Curb"  # a verb more likely opens a new one
    assert fixed(seed) == seed  # nothing here is certain enough for the safe fix


def test_doubled_commas_and_periods_are_safe():
    text = "Russia, , China and India have all sold arms,, officials said on Tuesday.."
    assert {e.fix for e in findings(text)} == {FixKind.SAFE}
    assert fixed(text) == "Russia, China and India have all sold arms, officials said on Tuesday."


def test_ellipses_abbreviations_times_and_numbered_items_are_left_alone():
    for text in (
        "The minister paused... and resumed.",
        "Exports rose approx. in step with imports, etc. and so on.",
        "The meeting began at 9 a.m. on Monday, vs. the planned 8 a.m. start.",
        "iii. under the agreement the parties consent",
        "He spoke. The minister left.",
        'The path ".." and the list [1,,2] are data.',
    ):
        assert findings(text) == [], text


def test_lower_case_brand_after_period_is_not_flagged():
    assert findings("She sold it online. eBay took a fee.") == []


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=2, max_size=10), st.integers(1, 8))
def test_doubled_comma_anywhere_in_a_sentence_becomes_one(words, at):
    at = at % (len(words) - 1) + 1
    clean = " ".join(words[:at]) + ", " + " ".join(words[at:]) + "."
    broken = clean.replace(", ", ", , ", 1)
    assert findings(clean) == []
    assert fixed(broken) == clean
