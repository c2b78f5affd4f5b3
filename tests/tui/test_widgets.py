"""The widgets' pure parts: the word diff, the diff context, the document window."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from cleaner.edits import Edit
from cleaner.tui.session import Review
from cleaner.tui.widgets.diff_view import Chunk, edit_context, render_diff, visible, word_diff
from cleaner.tui.widgets.document_view import find_window, render_window
from cleaner.tui.widgets.edit_list import rule_label
from cleaner.tui.widgets.panels import status_text


def test_word_diff_marks_whole_words():
    chunks = word_diff("The Chinahave said", "The China have said")
    assert chunks == [Chunk("equal", "The "), Chunk("delete", "Chinahave"), Chunk("insert", "China have"),
                      Chunk("equal", " said")]


def test_word_diff_of_a_deletion_keeps_the_rest_equal():
    chunks = word_diff("opened the session (ASEAN).ASEAN).", "opened the session (ASEAN).")
    assert chunks[0] == Chunk("equal", "opened the session (ASEAN).")
    assert [c.kind for c in chunks[1:]] == ["delete"] and chunks[1].text == "ASEAN)."


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,\n\u200b'", max_size=40), st.text(alphabet="ab .,\n'", max_size=40))
def test_word_diff_rebuilds_both_sides(before, after):
    chunks = word_diff(before, after)
    assert "".join(c.text for c in chunks if c.kind != "insert") == before
    assert "".join(c.text for c in chunks if c.kind != "delete") == after


def test_context_is_the_line_clipped_at_spaces():
    line = " ".join(f"w{i}" for i in range(200))
    text = "first line\n" + line + "\nlast line"
    start = text.index("w100 ")
    ctx = edit_context(text, start, start + 4, "W100", radius=30)
    assert ctx.clipped_start and ctx.clipped_end
    assert "W100" in ctx.after and "w100" in ctx.before
    assert "\n" not in ctx.before
    assert ctx.before.startswith("w9") and len(ctx.before) < 80
    assert text[ctx.offset : ctx.offset + len(ctx.before)] == ctx.before


def test_short_line_context_is_not_clipped():
    text = "one\ntwo three\nfour"
    ctx = edit_context(text, 4, 7, "2")
    assert ctx == (ctx.before, ctx.after, False, False, 4)
    assert (ctx.before, ctx.after) == ("two three", "2 three")


def test_invisible_characters_are_spelled_out():
    assert visible("a\u200bb\u00a0c\td\ne") == "a⟨U+200B⟩b⟨U+00A0⟩c\td\ne"


def test_no_color_diff_brackets_changes():
    text = render_diff(word_diff("a b", "a c"), no_color=True)
    assert text.plain == "a [-b-]{+c+}"
    assert render_diff(word_diff("a b", "a c"), no_color=False).plain == "a bc"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 400), min_size=1, max_size=30), st.integers(0, 5000),
       st.integers(20, 200), st.integers(5, 60))
def test_window_always_holds_the_anchor(lengths, anchor_seed, width, height):
    text = "\n".join("x" * n for n in lengths)
    starts = [0]
    for n in lengths[:-1]:
        starts.append(starts[-1] + n + 1)
    anchor = anchor_seed % (len(text) + 1)
    w = find_window(starts, len(text), anchor, width, height)
    assert w.start <= anchor <= w.end
    # Never more text than the screen could show: the work per key is bounded.
    assert w.end - w.start <= width * (height + 2) + width * height


def test_window_marks_edits_by_state():
    text = "alpha beta gamma delta"
    edits = [Edit(0, 5, "r", "c", "m", ("A",)), Edit(6, 10, "r", "c", "m", ("B",)), Edit(11, 16, "r", "c", "m", ("G",))]
    r = Review(text, edits)
    r.accept(0)
    r.reject(1)
    out = render_window(r, find_window([0], len(text), 0, 80, 10), 2, None)
    # Accepted: original struck, then the replacement; others keep their text.
    assert out.plain == "alphaA beta gamma delta"
    styles = {out.plain[s.start : s.end]: str(s.style) for s in out.spans}
    assert "strike" in styles["alpha"] and "reverse" in styles["gamma"] and "dim" in styles["beta"]


def test_labels_put_counts_before_long_ids():
    from cleaner.tui.session import Counts, RuleGroup

    assert rule_label(RuleGroup("grammar", "lt:MORFOLOGIK_RULE_EN_US", 9, 2, 3)) == "2✓3✗/9 lt:MORFOLOGIK_RULE_EN_US"
    line = status_text(Counts(10, 2, 3, 1), "a/very/long/path.txt", "harper", True)
    assert line.index("decided") < line.index("unsaved") < line.index("harper") < line.index("path.txt")
    assert line.startswith("6 of 10 decided · 2 accepted · 3 rejected · 1 in conflict")
