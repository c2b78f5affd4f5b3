"""repeated-spaces: doubled spaces in prose collapse; layout, indentation and hard breaks stay."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("repeated-spaces")
WORD = st.sampled_from("sanctions regime envoy Moscow visit talks weapons were sold".split())


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def fixed(text: str, unsafe: bool = False, markdown: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe, markdown=markdown).text


def test_gap_left_by_removed_link_is_closed():
    text = "The envoy met the  foreign minister in   Phnom Penh on Wednesday."
    assert fixed(text) == "The envoy met the foreign minister in Phnom Penh on Wednesday."


def test_long_run_is_suggested_not_safe():
    text = "Price of rice:        up"
    (edit,) = findings(text)
    assert edit.fix is FixKind.SUGGESTED
    assert fixed(text) == text


def test_markdown_hard_break_and_indentation_stay():
    text = "First line of the address  \nSecond line\n\n    indented code block  with  spaces\n"
    assert findings(text, markdown=True) == []


def test_aligned_columns_and_pipe_tables_stay():
    columns = "Country    Arms sales\nRussia     7,000\nChina      2,100\n"
    table = "| Year | Deals  |\n|------|--------|\n| 2021 | 12     |\n"
    assert findings(columns) == []
    assert findings(table) == []


def test_two_spaces_after_sentences_by_habit_are_kept_but_one_off_is_fixed():
    habit = "The talks ended.  Both sides left.  A statement followed.  Nothing changed. It rained."
    assert findings(habit) == []
    one_off = "The talks ended.  Both sides left. A statement followed. Nothing changed. It rained."
    assert fixed(one_off) == one_off.replace(".  ", ". ")


def test_crlf_text_keeps_its_line_breaks():
    assert fixed("the  envoy\r\nleft for  Moscow\r\n") == "the envoy\r\nleft for Moscow\r\n"


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(WORD, st.integers(1, 3)), min_size=2, max_size=12))
def test_any_prose_line_ends_with_single_spaces(parts):
    text = "".join(w + " " * n for w, n in parts).rstrip() + "."
    out = fixed(text)
    assert "  " not in out
    assert out.split() == text.split()


def test_list_markers_keep_their_alignment_but_gaps_inside_items_are_fixed():
    text = "1.  Release the prisoners\n-   End the  air strikes\n"
    assert fixed(text) == "1.  Release the prisoners\n-   End the air strikes\n"
