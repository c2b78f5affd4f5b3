"""replacement-character: U+FFFD is flagged; a lost apostrophe gets a suggested one in the house style."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("replacement-character")
CONTRACTION = st.sampled_from(["don’t", "Myanmar’s", "they’re", "we’ll", "I’ve", "she’d", "I’m"])


def findings(text: str):
    return run_rules(Document(text), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_lost_apostrophes_are_suggested_not_applied_by_safe_fix():
    text = "The junta\ufffds spokesman said they didn\ufffdt know."
    edits = findings(text)
    assert [e.fix for e in edits] == [FixKind.SUGGESTED, FixKind.SUGGESTED]
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "The junta’s spokesman said they didn’t know."


def test_straight_apostrophe_house_style_is_followed():
    text = "It's the army's view; they don\ufffdt agree."
    assert fixed(text, unsafe=True) == "It's the army's view; they don't agree."


def test_other_lost_characters_are_flag_only():
    text = "The fee was \ufffd\ufffd50 in Z\ufffdrich."
    edits = findings(text)
    assert [text[e.start : e.end] for e in edits] == ["\ufffd\ufffd", "\ufffd"]
    assert all(e.fix is FixKind.NONE for e in edits)
    assert "x2" in edits[0].message


@hyp_settings(max_examples=60, deadline=None)
@given(st.lists(CONTRACTION, min_size=1, max_size=6))
def test_decoding_loss_of_curly_apostrophes_is_undone_by_the_suggestion(words):
    clean = " ".join(words) + " and the army’s view"
    lost = clean.replace("’", "\ufffd")
    assert findings(clean) == []
    assert fixed(lost, unsafe=True) == clean
