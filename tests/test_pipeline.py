"""The pipeline: overlap resolution, application, replay, mapping back, and
the properties every fix must have (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit, FixKind
from cleaner.engine import check_document, fix_document
from cleaner.pipeline import apply_edits, fix_text, overlaps, resolve_overlaps
from cleaner.registry import all_rules

NO_GRAMMAR = Settings(grammar="none")


def edit(start, end, rep="x", rule="r", fix=FixKind.SAFE):
    return Edit(start, end, rule, "test", "m", (rep,), fix)


def test_resolve_overlaps_is_deterministic_and_prefers_earlier_then_wider():
    a = edit(0, 5, "A")
    b = edit(3, 8, "B")  # overlaps a: dropped
    c = edit(8, 8, "C")  # touches b's end only, b is gone anyway: kept
    d = edit(8, 10, "D", rule="q")  # same start as the insertion c; wider wins the sort
    chosen = resolve_overlaps([d, c, b, a])
    assert chosen == resolve_overlaps([a, b, c, d])
    assert [e.replacement for e in chosen] == ["A", "D"]


def test_two_insertions_at_one_point_conflict_but_touching_spans_do_not():
    assert overlaps(edit(4, 4), edit(4, 4))
    assert not overlaps(edit(0, 4), edit(4, 6))
    assert overlaps(edit(0, 5), edit(4, 6))


def test_apply_edits_rejects_overlaps_and_flag_only_edits():
    import pytest

    with pytest.raises(ValueError):
        apply_edits("abcdef", [edit(0, 3), edit(2, 4)])
    with pytest.raises(ValueError):
        Edit(0, 1, "r", "c", "m", (), FixKind.SAFE)  # a fix with nothing to apply


def test_fix_result_replays_and_maps_back():
    text = "data\u200bbase and more\u200b text"
    result = fix_text(text, all_rules(), NO_GRAMMAR)
    assert result.text == "database and more text"
    assert result.replay() == result.text
    # "and" in the fixed text maps to "and" in the original.
    s = result.text.index("and")
    a, b = result.map_back(s, s + 3)
    assert text[a:b] == "and"


# ---------------------------------------------------------------- properties
# Text built from the characters that break offset arithmetic: astral emoji,
# combining marks, CRLF and CR line breaks, and invisible characters.
_ALPHABET = st.sampled_from(
    ["a", "b", "Z", " ", "\n", "\r\n", "\r", "é", "e\u0301", "😀", "👩\u200d💻", "\u200b", "ß", ".", ","]
)
texts = st.lists(_ALPHABET, max_size=40).map("".join)


@st.composite
def text_and_edits(draw):
    text = draw(texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for i in range(0, len(cuts) - 1, 2):
        start, end = cuts[i], cuts[i + 1]
        if start <= last or start == end:
            continue
        edits.append(edit(start, end, draw(st.sampled_from(["", "X", "😀", "\r\n", "long text"]))))
        last = end
    return text, edits


@given(text_and_edits())
def test_applying_edits_never_changes_text_outside_their_spans(case):
    from cleaner.pipeline import FixResult

    text, edits = case
    out = apply_edits(text, edits)
    result = FixResult(original=text, text=out, passes=[edits])
    # Every character of the output outside an inserted replacement maps
    # back to the same character of the input.
    inserted = set()
    delta = 0
    for e in edits:
        s = e.start + delta
        inserted.update(range(s, s + len(e.replacement)))
        delta += len(e.replacement) - (e.end - e.start)
    for i, ch in enumerate(out):
        if i in inserted:
            continue
        a, _ = result.map_back(i, i + 1)
        assert text[a] == ch
    kept = len(text) - sum(e.end - e.start for e in edits)
    assert len(out) == kept + sum(len(e.replacement) for e in edits)


# Realistic fragments, artifacts among them, for whole-pipeline properties.
_FRAGMENTS = st.sampled_from(
    [
        "The minister said", " ", "  ", "Min Aung Hlaing", "Lavrov", " visited ", "Naypyitaw", ".", ". ",
        " ,", "(ASEAN).ASEAN).", "the the", "\n", "\r\n", "\n\n", "Source link\n", "😀", "e\u0301", "data\u200bbase",
        "Chinahave", "U TezaChairman", "“quoted”", '"straight"', "CafÃ©", "\u00a0", "iPhone", "McDonald's",
    ]
)
articles = st.lists(_FRAGMENTS, min_size=1, max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.booleans())
def test_fix_is_idempotent(text, unsafe):
    first = fix_document(Document(text), NO_GRAMMAR, unsafe=unsafe)
    second = fix_document(Document(first.text), NO_GRAMMAR, unsafe=unsafe)
    assert second.text == first.text
    assert first.replay() == first.text


@settings(max_examples=80, deadline=None)
@given(texts, texts)
def test_offsets_stay_right_after_emoji_combining_marks_and_crlf(prefix, suffix):
    text = prefix + " data\u200bbase " + suffix
    doc = Document(text)
    at = len(prefix) + len(" data")
    found = [e for e in check_document(doc, NO_GRAMMAR) if e.rule == "invisible-characters" and e.start == at]
    assert found, "the zero-width space after the prefix must be reported at its code-point offset"
    pos = doc.position(at)
    assert pos.line == 1 + prefix.count("\r\n") + prefix.replace("\r\n", "").count("\n") + prefix.replace("\r\n", "").count("\r")
    line_start = max(prefix.rfind("\n"), prefix.rfind("\r")) + 1
    assert pos.column == at - line_start + 1
