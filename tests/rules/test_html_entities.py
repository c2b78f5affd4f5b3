"""html-entities: character references decode in plain text; Markdown keeps single ones."""

from __future__ import annotations

import html

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("html-entities")
WORD = st.sampled_from(["AT&T", "Q&A", "<b>", "“true”", "Myanmar’s", "5 > 3", "'quoted'", "café", "the", "army"])


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def fixed(text: str, markdown: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), markdown=markdown).text


def test_scraped_references_are_decoded_safely():
    text = "Myanmar&#8217;s army &amp; Russia&rsquo;s envoy met at 10&nbsp;a.m. &#x2014; briefly."
    assert {e.fix for e in findings(text)} == {FixKind.SAFE}
    assert fixed(text) == "Myanmar’s army & Russia’s envoy met at 10\u00a0a.m. — briefly."


def test_double_escaping_is_undone_fully_in_plain_text():
    assert fixed("Tom &amp;amp; Jerry &amp;#8217;") == "Tom & Jerry ’"


def test_markdown_keeps_valid_references_and_fixes_double_escaped_ones():
    text = "AT&amp;T and&nbsp;more, but &amp;nbsp; shows raw.\n\n`&amp;` in code."
    assert fixed(text, markdown=True) == "AT&amp;T and&nbsp;more, but &nbsp; shows raw.\n\n`&amp;` in code."


def test_text_that_only_looks_like_references_stays():
    for text in ("Q&A with R&D staff; AT&T; M&S", "R&D; &notanentity; & alone", "&#xZZ; and &#;"):
        assert findings(text) == [], text


def test_reference_to_a_control_character_is_flagged_without_a_fix():
    (edit,) = findings("a broken &#1; reference")
    assert edit.fix is FixKind.NONE


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=10))
def test_escaped_text_decodes_back_to_itself(words):
    text = " ".join(words)
    assert fixed(html.escape(text)) == text
