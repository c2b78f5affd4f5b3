"""non-breaking-space: odd spaces between words become spaces; typographic ones stay."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("non-breaking-space")
WORD = st.sampled_from("Min Aung Hlaing met Sergei Lavrov in Naypyitaw on Wednesday".split())
ODD = st.sampled_from(["\u00a0", "\u2009", "\u202f", "\u2002", "\u3000", " \u00a0"])


def findings(text: str):
    return run_rules(Document(text), [RULE], Settings())


def fixed(text: str) -> str:
    return fix_text(text, [RULE], Settings()).text


def test_scraped_nbsp_inside_a_name_is_a_safe_fix():
    text = "Senior General Min\u00a0Aung\u00a0Hlaing met the envoy."
    (first, second) = findings(text)
    assert first.fix is FixKind.SAFE and "No-break space" in first.message
    assert fixed(text) == "Senior General Min Aung Hlaing met the envoy."


def test_typographic_uses_stay():
    for text in (
        "a 10\u00a0km convoy, a 50\u00a0% rise and 10\u202f000 troops",
        "Mr.\u00a0Lavrov, Dr\u00a0Aung, p.\u00a012, World War\u00a0II and Louis\u00a0XIV",
        "« Bonjour\u00a0», dit-il\u202f! Vraiment\u00a0?",
        "\u4e2d\u56fd\u3000\u7f05\u7538",
        "\u00a0\u00a0indented paragraph",
    ):
        assert findings(text) == [], text


def test_space_after_a_url_is_fixed_but_the_url_is_not_touched():
    assert fixed("visit www.example.com\u00a0today") == "visit www.example.com today"


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=2, max_size=10), st.lists(ODD, min_size=1, max_size=9))
def test_words_joined_by_odd_spaces_come_out_joined_by_single_spaces(words, odd):
    text = words[0] + "".join(odd[i % len(odd)] + w for i, w in enumerate(words[1:]))
    assert fixed(text) == " ".join(words)
    assert findings(" ".join(words)) == []
