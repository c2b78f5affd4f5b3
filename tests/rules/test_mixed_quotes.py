"""mixed-quotes: the minority quote style is flagged, with a suggested conversion."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("mixed-quotes")
PHRASE = st.sampled_from(["true friend", "loyal partner", "pariah", "no comment", "eternal allies"])


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def test_pasted_straight_quote_in_curly_article_is_converted_with_direction():
    text = (
        "The regime praised a “friendly partner”.\n\nLavrov said \"we are friends\" and left.\n\nA “true ally”."
    )
    edits = findings(text)
    assert [text[e.start] for e in edits] == ['"', '"']
    assert [e.replacement for e in edits] == ["“", "”"]
    assert all(e.fix is FixKind.SUGGESTED for e in edits)
    assert fix_text(text, [RULE], Settings()).text == text
    out = fix_text(text, [RULE], Settings(), unsafe=True).text
    assert out == text.replace('"we are friends"', "“we are friends”")


def test_curly_minority_becomes_straight():
    text = 'He said "yes". She said "no". They said “maybe”.'
    out = fix_text(text, [RULE], Settings(), unsafe=True).text
    assert out == 'He said "yes". She said "no". They said "maybe".'


def test_one_style_inch_marks_and_markup_do_not_count():
    assert findings("Only “curly” quotes “here”.") == []
    assert findings('A 27" monitor in a “curly” text.') == []
    md = 'A <span class="note">“curly”</span> quote with `"code"` inside.'
    assert findings(md, markdown=True) == []


@hyp_settings(max_examples=60, deadline=None)
@given(st.lists(PHRASE, min_size=2, max_size=6), st.data())
def test_after_unsafe_fix_one_style_remains(phrases, data):
    straight_at = data.draw(st.integers(0, len(phrases) - 1))
    parts = [f'"{p}"' if i == straight_at else f"“{p}”" for i, p in enumerate(phrases)]
    text = "They spoke of " + ", then ".join(parts) + "."
    out = fix_text(text, [RULE], Settings(), unsafe=True).text
    assert findings(out) == []
    assert out.count('"') == 0 or (out.count("“") == 0 and out.count("”") == 0)
