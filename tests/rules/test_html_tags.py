"""html-tags: markup left in plain text goes, words stay; Markdown and non-tags are left alone."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("html-tags")
WORD = st.sampled_from("Lavrov met Min Aung Hlaing in Naypyitaw on Wednesday".split())
INLINE = st.sampled_from(
    [("<b>", "</b>"), ("<em>", "</em>"), ('<span class="x">', "</span>"), ("<strong>", "</strong>")]
)


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_scraped_paragraph_markup_is_removed_and_words_do_not_glue():
    text = "<p>The envoy arrived.</p><p>Talks began<br>at noon.</p>\n<div class=\"related\">More</div>"
    assert fixed(text) == "The envoy arrived. Talks began at noon.\nMore"


def test_line_breaks_between_tags_are_kept():
    assert fixed("<p>First paragraph.</p>\r\n<p>Second.</p>\r\n") == "First paragraph.\r\nSecond.\r\n"


def test_tag_mentioned_between_spaces_is_only_suggested_and_mixed_case_is_skipped():
    (edit,) = findings("Editors often leave a stray <li> in copy.")
    assert edit.fix is FixKind.SUGGESTED
    assert findings("Press <Ins> or <Br> to continue.") == []


def test_media_and_scripts_are_suggested_only():
    text = 'Photo <img src="photo.jpg" alt="Lavrov"> here. <script>track();</script>End.'
    assert {e.fix for e in findings(text)} == {FixKind.SUGGESTED}
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "Photo here. End."


def test_link_with_url_is_flagged_not_half_removed():
    text = 'Read <a href="https://example.com/briefing">the ICG briefing</a> today.'
    edits = findings(text)
    assert edits and all(e.fix is FixKind.NONE for e in edits)
    assert fixed(text, unsafe=True) == text


def test_markdown_and_text_that_only_looks_like_tags_are_left_alone():
    assert findings("A <b>bold</b> claim in Markdown.", markdown=True) == []
    for text in ("if a < b and c > d", "Dear <Name>, write to <desk@example.com>.", "<Lavrov> <ASEAN>"):
        assert findings(text) == [], text


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=10), st.lists(INLINE, min_size=1, max_size=3))
def test_inline_tags_around_words_leave_exactly_the_words(words, tags):
    parts = []
    for i, w in enumerate(words):
        opening, closing = tags[i % len(tags)]
        parts.append(opening + w + closing if i % 2 == 0 else w)
    text = " ".join(parts)
    assert fixed(text) == " ".join(words)
