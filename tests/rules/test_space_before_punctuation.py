"""space-before-punctuation: spaces before , . ; go (safe); before : ? ! only with --unsafe."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("space-before-punctuation")
WORDS = st.lists(
    st.sampled_from("the army said on talks with Moscow were held in July and it".split()), min_size=1, max_size=12
)


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_spun_news_sentence_is_repaired_by_safe_fix():
    text = "The junta , which seized power in 2021 , met Russian officials ; talks lasted two days ."
    assert fixed(text) == "The junta, which seized power in 2021, met Russian officials; talks lasted two days."


def test_question_and_colon_spacing_is_only_suggested():
    text = "Why does Moscow care ? The answer : weapons."
    kinds = {e.fix for e in findings(text)}
    assert kinds == {FixKind.SUGGESTED}
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "Why does Moscow care? The answer: weapons."


def test_space_after_closing_quote_and_bracket():
    assert fixed("the “pariah” , and the council (UNSC) .") == "the “pariah”, and the council (UNSC)."


def test_no_break_space_before_comma_counts():
    assert fixed("Naypyitaw\u00a0, the capital") == "Naypyitaw, the capital"


def test_leaves_ellipses_decimals_ratios_and_line_starts_alone():
    for text in (
        "He paused ... and went on.",
        "a rise of .5 percent",
        "Myanmar won 2 : 1 at home.",
        "list:\n, first item",
        "Check example.com or .NET today.",
        "Smile :) please",
    ):
        assert findings(text) == [], text


def test_markdown_code_span_is_not_touched():
    assert findings("Use `a , b` in code.", markdown=True) == []


@hyp_settings(max_examples=80, deadline=None)
@given(WORDS, st.sampled_from([",", ".", ";"]), WORDS)
def test_inserted_space_before_mark_is_found_and_removed(left, mark, right):
    clean = " ".join(left) + mark + " " + " ".join(right)
    broken = " ".join(left) + " " + mark + " " + " ".join(right)
    assert findings(clean) == []
    assert fixed(broken) == clean
