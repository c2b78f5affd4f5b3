"""unbalanced-quotes: flag-only; apostrophes, inch marks and multi-paragraph quotations are fine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import run_rules
from cleaner.registry import get_rule

RULE = get_rule("unbalanced-quotes")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
WORD = st.sampled_from(
    ["Moscow’s", "envoy", "don’t", "countries’", "said", "“true friend”", '"loyal ally"', "‘partner’",
     "today"]
)


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def test_seed_has_exactly_one_stray_closing_quote():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    (edit,) = findings(seed)
    assert seed[edit.start - 7 : edit.end] == "outside”"
    assert edit.fix is FixKind.NONE
    assert "no opening" in edit.message


def test_quotation_left_open_is_flagged_at_its_opening_mark():
    text = "The junta called Russia “a true friend and moved on.\n\nThe next paragraph is fine."
    (edit,) = findings(text)
    assert text[edit.start] == "“"


def test_two_openings_in_a_row_flag_the_first():
    text = "He said “we will “stay” there."
    (edit,) = findings(text)
    assert edit.start == text.index("“")


def test_straight_quotes_pair_by_context():
    assert findings('The minister said "we are friends" and "partners".') == []
    (edit,) = findings('The minister said "we are friends and left.')
    assert edit.start == 18


def test_apostrophes_inches_decades_and_other_styles_are_not_quotes():
    for text in (
        "Myanmar’s army and the countries’ envoys don’t agree.",
        "In the ‘90s a 15\" screen cost more.",
        "„Guten Tag“, sagte er. « Bonjour », dit-il.",
        "They wrote “2013” and \"2014\" and “2015”.",
    ):
        assert findings(text) == [], text


def test_multi_paragraph_quotation_is_accepted():
    text = "“The first paragraph of the statement.\n\n“The second paragraph, which closes it.”"
    assert findings(text) == []


def test_single_curly_quote_never_closed_is_flagged():
    text = "He taught ‘international communication in Belgium and beyond."
    (edit,) = findings(text)
    assert text[edit.start] == "‘"


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=15))
def test_balanced_text_yields_nothing_and_a_lost_closer_is_found(words):
    text = " ".join(words) + "."
    assert findings(text) == []
    if "”" in text:
        broken = text.replace("”", "", 1)
        assert findings(broken), broken
