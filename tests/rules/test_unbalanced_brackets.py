"""unbalanced-brackets: flag-only, per paragraph; list markers, faces and Markdown links are fine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("unbalanced-brackets")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
WORD = st.sampled_from("the council (UNSC) [sic] {draft} vetoed a resolution on Myanmar".split())


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def test_seed_duplicated_fragment_leaves_one_stray_parenthesis():
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    (edit,) = findings(seed)
    assert seed[edit.start - 6 : edit.end + 1] == ".ASEAN)."
    assert edit.fix is FixKind.NONE
    assert fix_text(seed, [RULE], Settings(), unsafe=True).text == seed


def test_unclosed_and_unopened_brackets_are_pointed_at():
    text = "The envoy (appointed in 2021 met the general.\n\nHe left] on Friday."
    edits = findings(text)
    assert [text[e.start] for e in edits] == ["(", "]"]
    assert "never closed" in edits[0].message and "no matching" in edits[1].message


def test_crossed_brackets_flag_the_one_left_open():
    text = "a statement (issued [late on Monday) was brief"
    (edit,) = findings(text)
    assert text[edit.start] == "["


def test_brackets_do_not_pair_across_paragraphs():
    edits = findings("The report (published\n\nin August) was ignored.")
    assert len(edits) == 2


def test_list_markers_faces_and_links_are_not_brackets():
    assert findings("Demands:\n1) release prisoners\n2) end air strikes\na) now\nb) later") == []
    assert findings("Talks went well :) then badly :-(") == []
    md = "See [the ICG briefing](https://example.org/brief_(2022)) and [notes][1].\n\n[1]: https://example.org"
    assert findings(md, markdown=True) == []
    assert findings("Use `f(x` in code.", markdown=True) == []


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=15))
def test_text_of_balanced_pieces_yields_nothing_and_a_dropped_closer_is_found(words):
    text = " ".join(words) + "."
    assert findings(text) == []
    if ")" in text:
        broken = text.replace(")", "", 1)
        edits = findings(broken)
        assert [broken[e.start] for e in edits] == ["("]
