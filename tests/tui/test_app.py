"""Every interaction of the review screen, driven through Textual's Pilot."""

from __future__ import annotations

import json

import pytest

from cleaner.tui.screens import ConfirmQuit, HelpScreen, TextPrompt
from cleaner.tui.session import State, Status
from cleaner.tui.widgets import DiffView, DocumentView, EditDetail, EditList, StatusLine

from tui_support import ARTICLE, pilot_test

SIZE = (100, 30)

# Proposal order (document order; same span: rule id): 0 Vientiane flag,
# 1 glued-word, 2 repeated-fragment, 3 harper:SpellCheck on Komasith,
# 4 name-variant on Komasith, 5 agreement, 6 boilerplate.
FLAG, GLUED, REPEAT, SPELL, NAME, AGREE, FURNITURE = range(7)


def shown(app, widget) -> str:
    return str(app.query_one(widget).render())


@pilot_test
async def test_accept_reject_and_save_writes_only_accepted_edits(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J")  # off the flag, to the glued words
        assert app.review.cursor == GLUED
        await pilot.press("y", "n")  # accept glued, reject the repeat
        assert app.review.cursor == SPELL
        await pilot.press("K", "K", "K", "n")  # reject the flag too
        assert "3 of 7 decided · 1 accepted · 2 rejected" in shown(app, StatusLine)
        assert "unsaved" in shown(app, StatusLine)
        await pilot.press("w")
        await pilot.pause()
        assert "unsaved" not in shown(app, StatusLine)
    saved = (factory.root / "article.txt").read_text()
    assert "Thailand's delegation" in saved
    assert "(ASEAN).ASEAN)." in saved  # rejected: untouched
    assert saved == ARTICLE.replace("Thailand'sdelegation", "Thailand's delegation")


@pilot_test
async def test_save_keeps_bom_and_crlf_and_can_go_to_another_file(factory):
    raw = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    path = factory.write(raw=raw)
    out = factory.root / "clean.txt"
    app = factory.app(path, output=str(out))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y")
        await pilot.press("w")
        await pilot.pause()
    assert path.read_bytes() == raw  # -o leaves the source alone
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"Thailand's delegation pressed" in data
    assert data.count(b"\r\n") == raw.count(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")


@pilot_test
async def test_pick_an_alternative_with_a_digit(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        app.review.move_to(AGREE)
        await pilot.press("2")
        assert app.review.decisions[AGREE].replacement == "He had"
        assert app.review.cursor == FURNITURE  # on to the next undecided edit
        app.review.move_to(AGREE)
        app.refresh_views()
        assert "accepted" in shown(app, EditDetail) and "2 He had" in shown(app, EditDetail)
        await pilot.press("K", "9")  # no ninth alternative: nothing changes
        assert app.review.decisions[NAME].status is Status.UNDECIDED


@pilot_test
async def test_edit_the_replacement_by_hand(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "e")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("ctrl+a", "ctrl+k", *"Thai delegation", "enter")
        await pilot.pause()
        assert app.review.decisions[GLUED].replacement == "Thai delegation"
        app.review.move_to(GLUED)
        app.refresh_views()
        assert "by hand: Thai delegation" in shown(app, EditDetail)
        assert "{+Thai·delegation+}" in shown(app, DiffView) or "Thai·delegation" in shown(app, DiffView)
        await pilot.press("J")
        # Escape in the prompt changes nothing.
        await pilot.press("e", "escape")
        await pilot.pause()
        assert app.review.decisions[app.review.cursor].status is Status.UNDECIDED
        await pilot.press("w")
        await pilot.pause()
    assert "Thai delegation pressed" in (factory.root / "article.txt").read_text()


@pilot_test
async def test_flag_only_edit_needs_a_typed_replacement(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.review.cursor == FLAG
        await pilot.press("y")
        assert app.review.decisions[FLAG].status is Status.UNDECIDED
        assert any("press e" in n.message for n in app._notifications)


@pilot_test
async def test_skip_and_navigation_keys(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert app.review.cursor == GLUED and app.review.decisions[FLAG].status is Status.UNDECIDED
        await pilot.press("y")  # GLUED accepted -> REPEAT
        await pilot.press("k")  # previous undecided skips the decided GLUED
        assert app.review.cursor == FLAG
        await pilot.press("j")
        assert app.review.cursor == REPEAT
        await pilot.press("down", "down", "up")
        assert app.review.cursor == NAME - 1 + 0 and app.review.cursor == SPELL
        await pilot.press("K")
        assert app.review.cursor == REPEAT


@pilot_test
async def test_accept_or_reject_every_edit_of_the_current_rule(factory):
    text = "aa\u200bbb cc\u200bdd ee\u00adff gg\u200bhh\n"
    path = factory.write(text)
    from cleaner.config import Settings
    from cleaner.engine import check_document
    from cleaner.fileio import read_source

    only_invisible = Settings(grammar="none", select=("invisible-characters",))
    edits = check_document(read_source(str(path)).document(), only_invisible)
    app = factory.app(path, edits)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "n", "a")
        assert app.review.counts().accepted == 3 and app.review.counts().rejected == 1
        await pilot.press("u")
        assert app.review.counts().accepted == 0
        await pilot.press("d")
        assert app.review.counts().rejected == 4
        await pilot.press("u", "u", "y", "a", "w")
        await pilot.pause()
    assert path.read_text() == "aabb ccdd eeff gghh\n"


@pilot_test
async def test_undo_and_redo_of_decisions(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "y")
        assert app.review.counts().accepted == 2
        await pilot.press("u")
        assert app.review.counts().accepted == 1 and app.review.cursor == REPEAT
        await pilot.press("U")
        assert app.review.counts().accepted == 2
        await pilot.press("u", "u", "u")  # one more than there is: harmless
        assert app.review.counts().decided == 0
        await pilot.press("ctrl+y")
        assert app.review.decisions[GLUED].status is Status.ACCEPTED


@pilot_test
async def test_accepting_an_overlapping_edit_puts_the_other_in_conflict(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        app.review.move_to(NAME)
        await pilot.press("y")
        assert app.review.state(SPELL) is State.CONFLICT
        assert "1 in conflict" in shown(app, StatusLine)
        app.review.move_to(SPELL)
        app.refresh_views()
        assert "conflict with #5" in shown(app, EditDetail)
        # Picking the spell checker's second alternative takes the name fix back.
        await pilot.press("2")
        assert app.review.state(NAME) is State.CONFLICT
        assert app.review.decisions[SPELL].replacement == "Kommasith"
        await pilot.press("u")
        assert app.review.state(NAME) is State.ACCEPTED and app.review.state(SPELL) is State.CONFLICT


@pilot_test
async def test_add_word_to_the_user_dictionary(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        app.review.move_to(SPELL)
        await pilot.press("plus")
        await pilot.pause()
        assert factory.dictionary.read_text().splitlines() == ["Komasith"]
        # Every edit on that word in this document is rejected, in one step.
        assert app.review.state(SPELL) is State.REJECTED and app.review.state(NAME) is State.REJECTED
        await pilot.press("u")
        assert app.review.counts().decided == 0
        # Not a single word: refused, the dictionary is unchanged.
        app.review.move_to(REPEAT)
        await pilot.press("plus")
        assert factory.dictionary.read_text().splitlines() == ["Komasith"]


@pilot_test
async def test_ignore_the_flagged_text_everywhere_in_the_document(factory):
    text = "Naypyitaw is far. Then Naypyitaw again, and Lavrov.\n"
    from cleaner.edits import Edit, FixKind

    edits = [Edit(0, 9, "harper:SpellCheck", "grammar", "m", ("Capital",)),
             Edit(23, 32, "harper:SpellCheck", "grammar", "m", ("Capital",)),
             Edit(45, 51, "harper:SpellCheck", "grammar", "m", (), FixKind.NONE)]
    app = factory.app(factory.write(text), edits)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert [app.review.state(i) for i in range(3)] == [State.REJECTED, State.REJECTED, State.UNDECIDED]
        assert not factory.dictionary.exists()  # ignoring is for this document only


@pilot_test
async def test_search_moves_the_view_and_the_current_edit(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"envoys", "enter")
        await pilot.pause()
        hit = ARTICLE.index("envoys")
        assert app.search_hit == (hit, hit + len("envoys"))
        assert app.review.cursor == AGREE  # the first edit after the hit
        await pilot.press("ctrl+g")  # only one hit: wraps to itself
        assert app.search_hit[0] == hit
        await pilot.press("slash", *"nowhere-to-be-found", "enter")
        await pilot.pause()
        assert any("Not found" in n.message for n in app._notifications)
        await pilot.press("n")  # a decision drops the hit and acts on the current edit
        assert app.search_hit is None and app.review.decisions[AGREE].status is Status.REJECTED


@pilot_test
async def test_quit_without_decisions_leaves_at_once(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "q")
        await pilot.pause()
        assert app.return_value == 0
        assert not isinstance(app.screen, ConfirmQuit)


@pilot_test
async def test_quit_with_unsaved_decisions_asks_first(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")  # keep reviewing
        assert not isinstance(app.screen, ConfirmQuit)
        assert app.return_value is None
        await pilot.press("q", "d")  # quit without saving
        await pilot.pause()
    assert app.return_value == 0
    assert path.read_text() == ARTICLE
    # The decision survives in the session file all the same.
    data = json.loads(next(factory.sessions.glob("*.json")).read_text())
    assert data["decisions"][0]["rule"] == "glued-word" and data["unsaved"] is True


@pilot_test
async def test_quit_and_save_from_the_confirmation(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "q", "s")
        await pilot.pause()
    assert app.return_value == 0
    assert "Thailand's delegation" in path.read_text()


@pilot_test
async def test_resume_restores_decisions_and_position(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "n")
        await pilot.press("q", "d")
        await pilot.pause()
    again = factory.app(path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.review.decisions[GLUED].status is Status.ACCEPTED
        assert again.review.decisions[REPEAT].status is Status.REJECTED
        assert again.review.cursor == SPELL
        assert any("Resumed: 2 decisions" in n.message for n in again._notifications)
        assert "2 of 7 decided" in shown(again, StatusLine)


@pilot_test
async def test_a_changed_file_starts_over_and_says_so(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "q", "d")
        await pilot.pause()
    path.write_text(ARTICLE + "A new closing line.\n")
    again = factory.app(path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.review.counts().decided == 0
        assert any("changed since the last session" in n.message for n in again._notifications)


@pilot_test
async def test_save_refuses_to_overwrite_a_file_changed_on_disk(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y")
        path.write_text("Someone else rewrote this.\n")
        await pilot.press("w")
        await pilot.pause()
        assert any("changed on disk" in n.message for n in app._notifications)
        assert app.review.dirty
    assert path.read_text() == "Someone else rewrote this.\n"


@pilot_test
async def test_help_screen_lists_the_keys(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_rule_list_groups_by_category_and_jumps_to_a_rule(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        tree = app.query_one(EditList)
        categories = [str(n.label) for n in tree.root.children]
        assert categories == ["duplication (0/1)", "furniture (0/1)", "grammar (0/3)", "names (0/1)", "spacing (0/1)"]
        await pilot.press("J", "y")
        assert str(tree.root.children[4].children[0].label) == "1✓0✗/1 glued-word"
        # Tab into the list, pick "boilerplate" (second category's rule).
        await pilot.press("tab")
        tree.move_cursor(tree.root.children[1].children[0], animate=False)
        await pilot.press("enter")
        assert app.review.cursor == FURNITURE
        assert app.focused is None  # keys go back to the review


@pilot_test
async def test_document_view_marks_edits_and_follows_the_cursor(factory):
    app = factory.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("J")
        text = shown(app, DocumentView)
        assert "Thailand'sdelegation" in text
        app.review.move_to(FURNITURE)
        app.refresh_views()
        assert "Source link" in shown(app, DocumentView)
        assert "[-Source·link" in shown(app, DiffView) or "Source·link" in shown(app, DiffView)


@pytest.mark.parametrize("no_color", [False, True])
@pilot_test
async def test_diff_view_shows_the_word_diff_with_or_without_colour(factory, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J")
        diff = shown(app, DiffView)
        if no_color:
            # Word level: "Thailand" and the apostrophe are unchanged tokens.
            assert "where Thailand'[-sdelegation-]{+s·delegation+} pressed" in diff
        else:
            assert "where Thailand'sdelegations·delegation pressed" in diff


@pilot_test
async def test_works_on_markdown_and_at_80_by_24(factory):
    text = "# Title\n\nSome `code\u200bspan` and text\u200bhere.\n"
    path = factory.write(text, name="note.md")
    from cleaner.config import Settings
    from cleaner.engine import check_document
    from cleaner.fileio import read_source

    only_invisible = Settings(grammar="none", select=("invisible-characters",))
    edits = check_document(read_source(str(path)).document(), only_invisible)
    assert len(edits) == 1  # the code span is protected
    app = factory.app(path, edits)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "w")
        await pilot.pause()
        assert "1 of 1 decided" in shown(app, StatusLine)
    assert path.read_text() == "# Title\n\nSome `code\u200bspan` and texthere.\n"


async def _wait_until(pilot, condition, timeout: float = 60.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.05)


@pilot_test
async def test_late_grammar_findings_join_without_losing_decisions(factory):
    import threading

    from tui_support import article_edits

    everything = article_edits()
    artifacts = [e for e in everything if ":" not in e.rule]
    release = threading.Event()

    def grammar_pass():
        # Held until the person has decided something, as a slow backend would be.
        release.wait(30)
        return everything

    from cleaner.config import Settings

    app = factory.app(edits=artifacts, settings=Settings(grammar="harper"), pending=grammar_pass)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "grammar: harper (checking…)" in shown(app, StatusLine)
        assert len(app.review) == 4
        await pilot.press("y")  # accept the glued words while grammar runs
        release.set()
        await _wait_until(pilot, lambda: app.pending is None)
        await pilot.pause()
        assert len(app.review) == 7
        assert "grammar: harper ·" in shown(app, StatusLine)
        assert "1 of 7 decided · 1 accepted" in shown(app, StatusLine)
        glued = next(p.index for p in app.review.proposals if p.edit.rule == "glued-word")
        assert app.review.state(glued) is State.ACCEPTED
        assert any("3 more edits" in n.message for n in app._notifications)
        categories = [str(n.label) for n in app.query_one(EditList).root.children]
        assert "grammar (0/3)" in categories
        await pilot.press("u")  # the undo history survived the merge
        assert app.review.state(glued) is State.UNDECIDED


@pilot_test
async def test_a_failing_grammar_pass_leaves_the_review_usable(factory):
    from cleaner.errors import CleanerError

    def broken():
        raise CleanerError("LanguageTool server at http://localhost:9 is not answering")

    from cleaner.config import Settings

    app = factory.app(settings=Settings(grammar="languagetool"), pending=broken)
    async with app.run_test(size=SIZE) as pilot:
        await _wait_until(pilot, lambda: app.pending is None)
        await pilot.pause()
        assert "grammar: languagetool (failed)" in shown(app, StatusLine)
        assert any("not answering" in n.message for n in app._notifications)
        await pilot.press("J", "y")
        assert app.review.counts().accepted == 1


@pilot_test
async def test_real_harper_findings_arrive_from_the_worker(factory):
    pytest.importorskip("harper")
    from cleaner.config import Settings
    from cleaner.fileio import read_source
    from cleaner.tui.app import ReviewApp
    from cleaner.tui.proposals import initial_proposals

    path = factory.write("The data\u200bbase is here. He have a apple.\n")
    source = read_source(str(path))
    settings = Settings(grammar="harper", select=("invisible-characters", "harper:*"), cache=False)
    edits, pending = initial_proposals(source.document(), settings)
    assert pending is not None
    app = ReviewApp(source, edits, settings, pending=pending, dictionary=factory.dictionary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await _wait_until(pilot, lambda: app.pending is None, timeout=120)
        assert app.grammar_state == "harper"
        assert any(p.edit.rule.startswith("harper:") for p in app.review.proposals)
        assert app.review.counts().accepted == 1


@pilot_test
async def test_decisions_reach_the_session_file_without_quitting(factory, monkeypatch):
    import cleaner.tui.app as app_module

    monkeypatch.setattr(app_module, "SESSION_SAVE_DELAY", 0.1)
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "n")
        files = lambda: list(factory.sessions.glob("*.json"))  # noqa: E731
        await _wait_until(pilot, lambda: bool(files()) and '"rejected"' in files()[0].read_text(), timeout=20)
        data = json.loads(files()[0].read_text())
        assert [d["status"] for d in data["decisions"]] == ["accepted", "rejected"]
        assert data["unsaved"] is True


@pilot_test
async def test_ctrl_q_asks_too_and_twice_quits_keeping_the_session(factory):
    path = factory.write()
    app = factory.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "y", "ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert path.read_text() == ARTICLE
    data = json.loads(next(factory.sessions.glob("*.json")).read_text())
    assert data["decisions"][0]["status"] == "accepted"


@pilot_test
async def test_looking_without_deciding_leaves_no_session_file(factory):
    app = factory.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "J", "q")
        await pilot.pause()
    assert app.return_value == 0
    assert not factory.sessions.exists() or not list(factory.sessions.glob("*.json"))
