"""The review session as plain Python: decisions, overlaps, undo, persistence."""

from __future__ import annotations

import json
import os
import sys

import pytest
from hypothesis import given, settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit, FixKind
from cleaner.engine import check_document, fix_document
from cleaner.pipeline import overlaps
from cleaner.tui.session import (
    Resume,
    Review,
    ReviewError,
    SessionStore,
    State,
    Status,
    content_hash,
)

TEXT = "The Chinahave said U TezaChairman spoke. Source link\nMin Aunging met Lavrov."


def edit(text: str, needle: str, rule: str, reps=(), fix=FixKind.SUGGESTED, category="spacing", nth=0) -> Edit:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Edit(start, start + len(needle), rule, category, f"{rule} on {needle}", tuple(reps),
                fix if reps else FixKind.NONE)


def sample() -> Review:
    edits = [
        edit(TEXT, "Chinahave", "glued-word", ("China have", "Chinahave")),
        edit(TEXT, "TezaChairman", "glued-word", ("Teza, Chairman", "Teza Chairman")),
        edit(TEXT, " Source link", "boilerplate", ("",), category="furniture"),
        edit(TEXT, "Aunging", "name-variant", ("Aung Hlaing",), category="names"),
        edit(TEXT, "Lavrov", "spelling", (), category="grammar"),  # flag only
    ]
    return Review(TEXT, edits, "article.txt")


def test_accept_and_reject_apply_only_accepted_edits():
    r = sample()
    r.accept(0)
    r.reject(1)
    r.accept(3)
    assert r.result_text() == "The China have said U TezaChairman spoke. Source link\nMin Aung Hlaing met Lavrov."
    c = r.counts()
    assert (c.total, c.accepted, c.rejected, c.decided) == (5, 2, 1, 3)
    assert r.dirty


def test_decision_advances_to_next_undecided_like_git_add_p():
    r = sample()
    r.accept()  # cursor 0
    assert r.cursor == 1
    r.move_to(3)
    r.reject()
    assert r.cursor == 4
    r.reject()
    # 0, 3, 4 decided: wraps round to 1.
    assert r.cursor == 1


def test_alternatives_and_manual_replacement():
    r = sample()
    r.pick(1, 1)
    assert r.decisions[1].replacement == "Teza Chairman"
    with pytest.raises(ReviewError):
        r.pick(5, 1)
    r.accept(0, "China, have")
    assert "China, have said U Teza Chairman" in r.result_text()


def test_flag_only_edit_cannot_be_accepted_without_a_typed_replacement():
    r = sample()
    with pytest.raises(ReviewError):
        r.accept(4)
    assert r.decisions[4].status is Status.UNDECIDED
    r.accept(4, "Lavrov!")
    assert r.result_text().endswith("met Lavrov!.")


def test_accepting_an_edit_puts_overlapping_ones_in_conflict_and_back():
    text = "Prime Minister Min Aung Hlaing Hlaing arrived."
    dup = edit(text, " Hlaing Hlaing", "repeated-word", (" Hlaing",), category="duplication")
    name = edit(text, "Hlaing Hlaing", "name-variant", ("Hlaing",), category="names")
    other = edit(text, "arrived", "style", ("came",), category="style")
    r = Review(text, [dup, name, other])
    a, b = r.proposals[0].index, r.proposals[1].index
    assert r.overlapping(a) == (b,)
    r.accept(a)
    assert r.state(b) is State.CONFLICT
    assert r.counts().conflict == 1 and r.counts().decided == 2
    # "next undecided" skips the conflicting one.
    assert r.find(1, True, start=a) == 2
    # Accepting the other one takes the first back to undecided, in one step.
    step = r.accept(b)
    assert r.state(a) is State.CONFLICT and r.state(b) is State.ACCEPTED
    assert len(step.changes) == 2
    assert r.result_text() == "Prime Minister Min Aung Hlaing arrived."
    r.undo()
    assert r.state(a) is State.ACCEPTED and r.state(b) is State.CONFLICT
    assert r.result_text() == "Prime Minister Min Aung Hlaing arrived."


def test_insertions_at_the_same_point_overlap():
    text = "word word"
    r = Review(text, [Edit(4, 4, "a", "x", "m", (",",)), Edit(4, 4, "b", "x", "m", (";",))])
    r.accept(0)
    assert r.state(1) is State.CONFLICT
    assert r.result_text() == "word, word"


def test_bulk_accept_of_a_rule_skips_conflicts_and_flags_and_is_one_undo_step():
    text = "aa bb cc dd"
    edits = [
        Edit(0, 2, "r", "c", "m", ("A",)),
        Edit(0, 5, "other", "c", "m", ("X",)),
        Edit(3, 5, "r", "c", "m", ("B",)),
        Edit(6, 8, "r", "c", "m", fix=FixKind.NONE),  # flag only
        Edit(9, 11, "r", "c", "m", ("D",)),
    ]
    r = Review(text, edits)
    wide = next(p.index for p in r.proposals if p.edit.rule == "other")
    r.accept(wide)
    r.accept_rule("r")
    # The wide accepted edit is never taken back by a bulk action.
    assert r.state(wide) is State.ACCEPTED
    assert r.result_text() == "X cc D"
    r.undo()
    assert r.result_text() == "X cc dd"
    r.reject_rule("r")
    assert [r.state(i) for i in range(len(r))].count(State.REJECTED) == 4


def test_reject_matching_ignores_the_flagged_text_everywhere():
    text = "Naypyitaw is far. Naypyitaw again. Lavrov."
    edits = [edit(text, "Naypyitaw", "spelling", ("Capital",), nth=0),
             edit(text, "Naypyitaw", "spelling", ("Capital",), nth=1),
             edit(text, "Lavrov", "spelling", ("Larvae",))]
    r = Review(text, edits)
    r.reject_matching("Naypyitaw")
    assert [r.state(i) for i in range(3)] == [State.REJECTED, State.REJECTED, State.UNDECIDED]
    assert r.cursor == 2
    r.undo()
    assert r.counts().rejected == 0


def test_undo_redo_restore_decisions_and_cursor():
    r = sample()
    r.accept(0)
    r.reject(1)
    assert r.undo().label == "reject"
    assert r.cursor == 1 and r.decisions[1].status is Status.UNDECIDED
    assert r.redo().label == "reject"
    assert r.decisions[1].status is Status.REJECTED
    r.undo()
    r.accept(2)  # a new decision clears the redo stack
    assert r.redo() is None
    r.undo()
    r.undo()
    assert r.undo() is None
    assert r.counts().decided == 0


def test_groups_count_by_rule_and_category():
    r = sample()
    r.accept(0)
    r.reject(1)
    groups = {g.rule: g for g in r.groups()}
    assert groups["glued-word"].total == 2
    assert (groups["glued-word"].accepted, groups["glued-word"].rejected) == (1, 1)
    assert groups["glued-word"].category == "spacing"
    assert [g.category for g in r.groups()] == sorted(g.category for g in r.groups())
    assert r.rule_stats()["glued-word"] == {"total": 2, "accepted": 1, "rejected": 1}


def test_in_range_finds_edits_touching_a_window():
    r = sample()
    start = TEXT.index("TezaChairman")
    assert r.in_range(start + 2, start + 3) == [1]
    assert r.in_range(0, len(TEXT)) == list(range(5))


def test_session_resumes_on_unchanged_file(tmp_path):
    store = SessionStore(str(tmp_path / "article.txt"), tmp_path / "sessions")
    r = sample()
    r.accept(0)
    r.pick(1, 1)
    r.reject(3)
    r.move_to(2)
    store.save(r)
    data = json.loads(store.path.read_text())
    assert data["sha256"] == content_hash(TEXT)
    assert data["stats"]["glued-word"] == {"total": 2, "accepted": 2, "rejected": 0}

    again = sample()
    store2 = SessionStore(str(tmp_path / "article.txt"), tmp_path / "sessions")
    assert store2.load(again) == (Resume.RESUMED, 3)
    assert again.decisions == r.decisions
    assert again.cursor == 2
    assert again.result_text() == r.result_text()
    assert again.dirty  # decisions not yet written to the document


def test_session_starts_over_when_the_file_changed(tmp_path):
    store = SessionStore("article.txt", tmp_path)
    r = sample()
    r.accept(0)
    store.save(r)
    changed = Review(TEXT + " More.", [p.edit for p in sample().proposals])
    assert store.load(changed) == (Resume.CHANGED, 0)
    assert changed.counts().decided == 0
    # The stats of the abandoned session are kept for rule tuning.
    assert store.earlier_stats["glued-word"]["accepted"] == 1


def test_after_saving_in_place_rejections_carry_over_to_the_saved_text(tmp_path):
    store = SessionStore("article.txt", tmp_path)
    r = sample()
    r.accept(0)  # "Chinahave" -> "China have": one character longer
    r.reject(3)  # keep "Aunging"
    saved = r.result_text()
    store.saved_hash = content_hash(saved)
    store.save(r)
    new_edits = [edit(saved, "Aunging", "name-variant", ("Aung Hlaing",), category="names")]
    fresh = Review(saved, new_edits)
    assert store.load(fresh) == (Resume.SAVED, 1)
    assert fresh.state(0) is State.REJECTED


@pytest.mark.parametrize("content", ["{not json", "[]", json.dumps({"version": 99})])
def test_a_damaged_session_file_is_ignored(tmp_path, content):
    store = SessionStore("article.txt", tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(content)
    r = sample()
    assert store.load(r) == (Resume.NEW, 0)


def test_a_session_that_would_accept_overlapping_edits_is_not_trusted(tmp_path):
    text = "aa bb"
    edits = [Edit(0, 5, "x", "c", "m", ("X",)), Edit(0, 2, "y", "c", "m", ("Y",))]
    store = SessionStore("a.txt", tmp_path)
    r = Review(text, edits)
    r.accept(0)
    store.save(r)
    data = json.loads(store.path.read_text())
    data["decisions"].append({"start": 0, "end": 2, "rule": "y", "replacements": ["Y"],
                              "status": "accepted", "replacement": "Y"})
    store.path.write_text(json.dumps(data))
    again = Review(text, edits)
    store.load(again)
    assert again.result_text() == "X"


def test_session_file_sits_beside_the_document_by_default(tmp_path):
    doc = tmp_path / "article.txt"
    assert SessionStore(str(doc)).path == tmp_path / ".article.txt.cleaner-session.json"
    r = sample()
    r.accept(0)
    SessionStore(str(doc)).save(r)
    assert (tmp_path / ".article.txt.cleaner-session.json").exists()
    # A folder given explicitly wins, with one file per document path.
    assert SessionStore(str(doc), tmp_path / "s").path.parent == tmp_path / "s"
    assert SessionStore("a.txt", tmp_path).path != SessionStore("b.txt", tmp_path).path


def test_unwritable_folder_falls_back_to_the_user_data_folder(tmp_path, monkeypatch):
    if sys.platform != "linux" or os.geteuid() == 0:
        pytest.skip("needs a non-root Linux user: root can write into a read-only folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert SessionStore(str(locked / "a.txt")).path.parent == tmp_path / "data" / "cleaner" / "sessions"
    finally:
        locked.chmod(0o755)


def test_accepting_every_real_rule_edit_matches_fix_unsafe():
    text = "data\u200bbase and soft\u00adhyphen\nand a bell\x07 here\n"
    doc = Document(text, "a.txt")
    s = Settings(grammar="none", select=("invisible-characters",))
    r = Review(text, check_document(doc, s))
    assert len(r) == 3
    for i in range(len(r)):
        r.accept(i)
    assert r.result_text() == fix_document(doc, s, unsafe=True).text


# ------------------------------------------------------------ property test
_OPS = st.lists(
    st.tuples(st.sampled_from(["accept", "reject", "undo", "redo", "rule", "unrule", "pick"]),
              st.integers(0, 11)),
    max_size=40,
)
_SPANS = st.lists(st.tuples(st.integers(0, 18), st.integers(0, 4), st.integers(0, 2)), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(_SPANS, _OPS)
def test_counts_stay_exact_and_accepted_edits_never_overlap(spans, ops):
    text = "abcdefghijklmnopqrstuvwxyz"
    edits = [Edit(s, s + n, f"r{k}", "c", "m", ("X", "YY")) for s, n, k in spans]
    r = Review(text, edits)
    for op, i in ops:
        i %= len(r)
        if op == "accept":
            r.accept(i)
        elif op == "pick":
            r.pick(1, i)
        elif op == "reject":
            r.reject(i)
        elif op == "undo":
            r.undo()
        elif op == "redo":
            r.redo()
        elif op == "rule":
            r.accept_rule(r.proposals[i].edit.rule)
        else:
            r.reject_rule(r.proposals[i].edit.rule)
        accepted = [p.edit for p in r.proposals if r.decisions[p.index].status is Status.ACCEPTED]
        assert not any(overlaps(a, b) for k, a in enumerate(accepted) for b in accepted[k + 1 :])
        states = [r.state(k) for k in range(len(r))]
        c = r.counts()
        assert c.accepted == states.count(State.ACCEPTED)
        assert c.rejected == states.count(State.REJECTED)
        assert c.conflict == states.count(State.CONFLICT)
        for g in r.groups():
            mine = [k for k in range(len(r)) if r.proposals[k].edit.rule == g.rule]
            assert g.accepted == sum(states[k] is State.ACCEPTED for k in mine)
        r.result_text()  # never raises: the accepted set is always applicable


def test_merging_late_findings_keeps_decisions_cursor_and_undo():
    text = "The Chinahave met Lavrov in Naypyitaw."
    early = [edit(text, "Chinahave", "glued-word", ("China have",)),
             edit(text, "Naypyitaw", "name-variant", ("Naypyidaw",), category="names")]
    r = Review(text, early)
    r.accept(0)
    r.move_to(1)
    late = early + [edit(text, "Lavrov", "harper:Spelling", ("Larvae",), category="grammar"),
                    edit(text, "Chinahave", "harper:Spelling", ("Chinaware",), category="grammar")]
    m = r.merged(late)
    assert len(m) == 4
    assert m.current.edit.rule == "name-variant"
    glued = next(p.index for p in m.proposals if p.edit.rule == "glued-word")
    spell_on_glued = next(p.index for p in m.proposals if p.original == "Chinahave" and p.edit.rule != "glued-word")
    assert m.state(glued) is State.ACCEPTED
    assert m.state(spell_on_glued) is State.CONFLICT  # the late edit overlaps an accepted one
    assert m.dirty
    # The undo history still refers to the right proposal.
    assert m.undo().label == "accept"
    assert m.counts().decided == 0 and m.current.edit.rule == "glued-word"


def test_late_findings_take_their_decisions_from_the_resumed_session(tmp_path):
    text = "The Chinahave met Lavrov."
    early = [edit(text, "Chinahave", "glued-word", ("China have",))]
    full = early + [edit(text, "Lavrov", "harper:Spelling", ("Larvae",), category="grammar")]
    store = SessionStore("a.txt", tmp_path)
    first = Review(text, full)
    first.reject(1)
    first.move_to(1)
    store.save(first)
    # Reopened: only the artifact edit is there at first; the cursor's edit is not.
    again = Review(text, early)
    assert store.load(again) == (Resume.RESUMED, 0)
    merged = again.merged(full)
    assert merged.restore(store.loaded, initial=False) == 1
    assert merged.state(1) is State.REJECTED
