"""ReviewApp: go through every proposed edit and accept, reject or rewrite it.

The app owns one :class:`~cleaner.tui.session.Review` (the state) and hands
the widgets what to draw after each key ("attributes down"); widgets post
messages up (``EditList.RuleChosen``). Keys follow `git add -p` where it has
one (y, n, a, d, e, j, k, J, K, q, ?).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Callable, Sequence

import regex
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer

from cleaner.config import Settings
from cleaner.document import WORD_RE
from cleaner.edits import Edit
from cleaner.errors import CleanerError
from cleaner.fileio import SourceFile, write_source
from cleaner.tui.screens import ConfirmQuit, HelpScreen, TextPrompt
from cleaner.tui.session import Resume, Review, ReviewError, SessionStore, State, Step, content_hash
from cleaner.tui.widgets import DiffView, DocumentView, EditDetail, EditList, StatusLine

SESSION_SAVE_DELAY = 1.0
"""Seconds of quiet before decisions are written to the session file: often
enough that a crash loses little, rarely enough that keys never wait on disk."""

# Shown on the ? screen, in this order (the footer shows only the commonest).
HELP_KEYS = [
    ("y", "accept this edit (its first replacement)"),
    ("n", "reject this edit"),
    ("1-9", "accept alternative 1-9"),
    ("e", "edit the replacement by hand, then accept it"),
    ("s", "skip: leave undecided, go to the next undecided edit"),
    ("j / k", "next / previous undecided edit"),
    ("J K / down up", "next / previous edit"),
    ("a", "accept every undecided edit of this rule"),
    ("d", "reject every undecided edit of this rule"),
    ("+", "add the flagged word to the user dictionary (and reject its edits here)"),
    ("i", "ignore the flagged text everywhere in this document"),
    ("u", "undo the last decision"),
    ("U / ctrl+y", "redo"),
    ("/", "search the document"),
    ("ctrl+g / f3", "search again"),
    ("w / ctrl+s", "save the document with the accepted edits"),
    ("tab", "move to the list of rules (enter jumps to a rule)"),
    ("q", "quit (asks first when decisions are unsaved)"),
    ("?", "this help"),
]


class ReviewApp(App[int]):
    """The review screen for one document.

    Args:
        source: the file as read (text, BOM) and where to save by default.
        edits: the proposals, e.g. from ``engine.check_document``.
        settings: the run's settings (grammar backend for the status line,
            user dictionary path).
        output: save here instead of over the source.
        store: the session file; None keeps decisions in memory only.
        dictionary: the user dictionary for ``+``; default from settings.
        pending: computes the complete proposals (``edits`` plus the grammar
            pass's) in a worker thread, so the screen opens at once and the
            grammar findings join when ready; None when ``edits`` is complete.
    """

    CSS_PATH = "cleaner.tcss"
    TITLE = "cleaner review"
    # No widget takes focus at start, so every key reaches the app's bindings;
    # tab moves into the rule list.
    AUTO_FOCUS = None
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        Binding("y", "accept", "Accept"),
        Binding("n", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("s", "skip", "Skip"),
        Binding("a", "accept_rule", "All", show=False),
        Binding("d", "reject_rule", "None", show=False),
        Binding("u", "undo", "Undo"),
        Binding("U,ctrl+y", "redo", "Redo", show=False),
        Binding("j", "next_undecided", "Next", show=False),
        Binding("k", "previous_undecided", "Prev", show=False),
        Binding("J,down", "next", "Next edit", show=False),
        Binding("K,up", "previous", "Previous edit", show=False),
        Binding("plus", "add_word", "Add word", show=False),
        Binding("i", "ignore", "Ignore", show=False),
        Binding("slash", "search", "Search", show=False),
        Binding("ctrl+g,f3", "search_next", "Search again", show=False),
        Binding("w,ctrl+s", "save", "Save"),
        Binding("q", "quit_review", "Quit"),
        Binding("question_mark", "help", "Help"),
        *(Binding(str(n), f"pick({n - 1})", f"Alternative {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self,
        source: SourceFile,
        edits: Sequence[Edit],
        settings: Settings | None = None,
        *,
        output: str | None = None,
        store: SessionStore | None = None,
        dictionary: Path | None = None,
        pending: Callable[[], list[Edit]] | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.settings = settings or Settings()
        self.output = output
        self.store = store
        self.dictionary = dictionary
        doc = source.document()
        self.line_starts = doc.line_starts
        self.review = Review(source.text, edits, source.path)
        self.resume: Resume = Resume.NEW
        self.restored = 0
        if store is not None:
            self.resume, self.restored = store.load(self.review)
        self.search_text: str | None = None
        self.search_hit: tuple[int, int] | None = None
        self._session_timer: Timer | None = None
        self._session_seq = 0
        self._saved_hash = content_hash(source.text)
        self.pending = pending
        self.grammar_state = f"{self.settings.grammar} (checking…)" if pending else self.settings.grammar

    # --------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield EditList(id="edit-list")
            with Vertical(id="right"):
                yield DocumentView(self.line_starts, id="document")
                yield EditDetail(id="detail")
                yield DiffView(id="diff")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(EditList).load(self.review.groups())
        if self.resume is Resume.RESUMED:
            self.notify(f"Resumed: {self.restored} decision{'s' if self.restored != 1 else ''} restored.")
        elif self.resume is Resume.CHANGED:
            self.notify("The file changed since the last session: starting over.", severity="warning")
        elif self.resume is Resume.SAVED:
            self.notify("This is the text the last review saved: starting a fresh review of it.")
        self.call_after_refresh(self._first_draw)
        if self.pending is not None:
            self.run_worker(self._late_findings, thread=True, exclusive=True, group="grammar")

    def _first_draw(self) -> None:
        self.refresh_views()
        # Everything built so far (Textual, the document, the proposals) lives
        # as long as the app: freezing it keeps full garbage collections from
        # walking it on a key press, which cost up to ~130 ms on 2,000 edits
        # (see benchmarks/tui_bench.py).
        gc.freeze()

    def on_unmount(self) -> None:
        if self._session_timer is not None:
            # Decisions newer than the session file: never leave them behind,
            # whatever ended the app.
            self.save_session()
        gc.unfreeze()

    def _late_findings(self) -> None:
        """Worker thread: run the slow pass, then hand the result to the UI thread."""
        try:
            edits = self.pending()
        except Exception as exc:  # any backend failure: keep reviewing what we have
            self.call_from_thread(self._late_failed, str(exc) or type(exc).__name__)
            return
        self.call_from_thread(self._late_arrived, edits)

    def _late_arrived(self, edits: list[Edit]) -> None:
        before = len(self.review)
        self.review = self.review.merged(edits)
        if self.store is not None and self.store.loaded is not None:
            self.review.restore(self.store.loaded, initial=False)
        self.pending = None
        self.grammar_state = self.settings.grammar
        self.query_one(EditList).load(self.review.groups())
        added = len(self.review) - before
        self.notify(f"{self.settings.grammar}: {added} more edit{'s' if added != 1 else ''} to review.", timeout=3)
        self.refresh_views()

    def _late_failed(self, message: str) -> None:
        self.pending = None
        self.grammar_state = f"{self.settings.grammar} (failed)"
        self.notify(f"Grammar pass failed: {message}", severity="error", timeout=10)
        self.refresh_views()

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_views)

    def refresh_views(self) -> None:
        """Redraw every panel from the session (only the visible window of the document)."""
        review = self.review
        p = review.current
        if p is None:
            self.query_one(DocumentView).update(review.text[:4000])
            self.query_one(EditDetail).show(review, None)
            self.query_one(DiffView).show_nothing("Nothing to review.")
        else:
            i = p.index
            anchor = self.search_hit[0] if self.search_hit else p.edit.start
            self.query_one(DocumentView).show(review, anchor, i, self.search_hit)
            self.query_one(EditDetail).show(review, p)
            decision = review.decisions[i]
            state = review.state(i)
            replacement = decision.replacement if state is State.ACCEPTED else p.edit.replacement
            note = {State.REJECTED: "rejected: ", State.CONFLICT: "in conflict: "}.get(state, "")
            self.query_one(DiffView).show_edit(review.text, p.edit.start, p.edit.end, replacement, note)
            edit_list = self.query_one(EditList)
            edit_list.update_groups(review.groups())
            edit_list.highlight_rule(p.edit.rule)
        self.query_one(StatusLine).show(review.counts(), self.source.path, self.grammar_state, review.dirty)

    # ------------------------------------------------------------ decisions
    def _after(self, step: Step | None) -> None:
        """Common tail of every action: forget the search hit, redraw, persist soon."""
        self.search_hit = None
        if step is not None and step.changes:
            self._schedule_session_save()
        self.refresh_views()

    def _decide(self, fn, *args) -> None:
        if self.review.current is None:
            return
        try:
            step = fn(*args)
        except ReviewError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._after(step)

    def action_accept(self) -> None:
        self._decide(self.review.accept)

    def action_reject(self) -> None:
        self._decide(self.review.reject)

    def action_pick(self, alternative: int) -> None:
        self._decide(self.review.pick, alternative)

    def action_accept_rule(self) -> None:
        p = self.review.current
        if p is not None:
            self._decide(self.review.accept_rule, p.edit.rule)
            self.notify(f"Accepted the remaining {p.edit.rule} edits.", timeout=2)

    def action_reject_rule(self) -> None:
        p = self.review.current
        if p is not None:
            self._decide(self.review.reject_rule, p.edit.rule)
            self.notify(f"Rejected the remaining {p.edit.rule} edits.", timeout=2)

    def action_edit(self) -> None:
        p = self.review.current
        if p is None:
            return
        d = self.review.decisions[p.index]
        start = d.replacement if d.replacement is not None else (p.edit.replacement or p.original)

        def done(value: str | None) -> None:
            if value is not None:
                self._decide(self.review.accept, p.index, value)

        self.push_screen(TextPrompt(f"Replace {p.original!r} with:", start), done)

    def action_ignore(self) -> None:
        p = self.review.current
        if p is None:
            return
        if not p.original:
            self.notify("Nothing flagged to ignore: this edit inserts text.", severity="warning")
            return
        self._decide(self.review.reject_matching, p.original)

    def action_add_word(self) -> None:
        p = self.review.current
        if p is None:
            return
        word = p.original.strip()
        if not WORD_RE.fullmatch(word):
            self.notify(f"{word!r} is not a single word; only words go in the dictionary.", severity="warning")
            return
        from cleaner.dictionary import add_word, default_dictionary_path

        path = self.dictionary or self.settings.dictionary or default_dictionary_path()
        try:
            added = add_word(path, word)
        except CleanerError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"{word!r} {'added to' if added else 'already in'} {path}", timeout=3)
        self._decide(self.review.reject_matching, p.original)

    def action_undo(self) -> None:
        step = self.review.undo()
        if step is None:
            self.bell()  # as readline does: a toast for "nothing" costs more than it says
        self._after(step)

    def action_redo(self) -> None:
        step = self.review.redo()
        if step is None:
            self.bell()
        self._after(step)

    # ------------------------------------------------------------ navigation
    def _go(self, index: int | None) -> None:
        if index is not None:
            self.review.move_to(index)
        self._after(None)

    def action_skip(self) -> None:
        r = self.review
        self._go(r.find(1, True) if r.find(1, True) is not None else r.find(1, False))

    def action_next(self) -> None:
        self._go(self.review.find(1, False))

    def action_previous(self) -> None:
        self._go(self.review.find(-1, False))

    def action_next_undecided(self) -> None:
        index = self.review.find(1, True)
        if index is None:
            self.notify("Every edit is decided.", timeout=2)
        self._go(index)

    def action_previous_undecided(self) -> None:
        index = self.review.find(-1, True)
        if index is None:
            self.notify("Every edit is decided.", timeout=2)
        self._go(index)

    def on_edit_list_rule_chosen(self, message: EditList.RuleChosen) -> None:
        r = self.review
        indices = [p.index for p in r.proposals if p.edit.rule == message.rule]
        undecided = [i for i in indices if r.state(i) is State.UNDECIDED]
        self.set_focus(None)
        self._go((undecided or indices)[0])

    # --------------------------------------------------------------- search
    def action_search(self) -> None:
        def done(value: str | None) -> None:
            if value:
                self.search_text = value
                self._search(from_offset=self._anchor())

        self.push_screen(TextPrompt("Search (case-insensitive):", self.search_text or ""), done)

    def action_search_next(self) -> None:
        if not self.search_text:
            self.action_search()
            return
        start = self.search_hit[1] if self.search_hit else self._anchor() + 1
        self._search(from_offset=start)

    def _anchor(self) -> int:
        if self.search_hit:
            return self.search_hit[0]
        p = self.review.current
        return p.edit.start if p else 0

    def _search(self, from_offset: int) -> None:
        pattern = regex.compile(regex.escape(self.search_text or ""), regex.I | regex.V1)
        m = pattern.search(self.review.text, from_offset) or pattern.search(self.review.text, 0)
        if m is None:
            self.notify(f"Not found: {self.search_text!r}", severity="warning", timeout=2)
            return
        # The view stays on the hit; the current edit becomes the first one
        # from there, so the next y/n acts on something the person can see.
        index = self.review.first_at_or_after(m.start())
        if index is not None:
            self.review.move_to(index)
        self.refresh_views_with_hit((m.start(), m.end()))

    def refresh_views_with_hit(self, hit: tuple[int, int]) -> None:
        self.search_hit = hit
        self.refresh_views()

    # ---------------------------------------------------------- save / quit
    def action_save(self) -> None:
        self.save_document()

    def save_document(self) -> bool:
        """Write the original text with the accepted edits applied; True on success."""
        review = self.review
        target = self.output or self.source.path
        if self.output is None and not self._unchanged_on_disk():
            self.notify(
                f"{target} changed on disk since the review started; not overwriting it. Use -o OUT.",
                severity="error",
                timeout=8,
            )
            return False
        text = review.result_text()
        try:
            write_source(self.source, text, target)
        except (CleanerError, OSError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=8)
            return False
        review.dirty = False
        if self.output is None:
            self._saved_hash = content_hash(text)
            if self.store is not None:
                self.store.saved_hash = self._saved_hash
        self.save_session()
        n = len(review.accepted_edits())
        self.notify(f"Saved {target} with {n} accepted edit{'s' if n != 1 else ''}.", timeout=3)
        self.refresh_views()
        return True

    def _unchanged_on_disk(self) -> bool:
        """True when the file still holds what was opened or what we last saved."""
        try:
            data = Path(self.source.path).read_bytes()
        except OSError:
            return True  # gone: writing it back loses nothing
        from cleaner.fileio import decode

        try:
            text = decode(data, self.source.path).text
        except CleanerError:
            return False
        return content_hash(text) in (content_hash(self.source.text), self._saved_hash)

    def _schedule_session_save(self) -> None:
        if self.store is None:
            return
        if self._session_timer is not None:
            self._session_timer.stop()
        self._session_timer = self.set_timer(SESSION_SAVE_DELAY, lambda: self.save_session(background=True))

    def save_session(self, background: bool = False) -> None:
        """Write the session file (decisions, cursor, per-rule stats).

        The snapshot is taken here, on the UI thread; with ``background`` the
        disk write and fsync happen in a worker thread so no key waits on them.
        """
        if self._session_timer is not None:
            self._session_timer.stop()
            self._session_timer = None
        if self.store is None:
            return
        if self.review.counts().decided == 0 and not self.store.path.exists():
            return  # looked and left: no file to litter the folder with
        self._session_seq += 1
        data, seq, store = self.store.snapshot(self.review), self._session_seq, self.store

        def write() -> None:
            try:
                store.write(data, seq)
            except (CleanerError, OSError) as exc:
                # Losing the session is bad but must not stop the review.
                message = f"Session not saved: {exc}"
                if background:
                    self.call_from_thread(self.notify, message, severity="warning")
                else:
                    self.notify(message, severity="warning")

        if background:
            self.run_worker(write, thread=True, group="session")
        else:
            write()

    async def action_quit(self) -> None:
        """ctrl+q (Textual's quit key) asks like q; pressed again at the question, it quits."""
        if isinstance(self.screen, ConfirmQuit):
            self._leave()
        else:
            self.action_quit_review()

    def action_quit_review(self) -> None:
        if not self.review.dirty:
            self._leave()
            return

        def done(answer: str | None) -> None:
            if answer == "save":
                if self.save_document():
                    self._leave()
            elif answer == "discard":
                self._leave()

        self.push_screen(ConfirmQuit(), done)

    def _leave(self) -> None:
        self.save_session()
        self.exit(0)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(HELP_KEYS))


def run_review(
    source: SourceFile,
    edits: Sequence[Edit],
    settings: Settings,
    output: str | None = None,
    session_folder: Path | None = None,
    pending: Callable[[], list[Edit]] | None = None,
) -> int:
    """Open the review screen; return the exit code once the person quits.

    ``CLEANER_SESSION_DIR`` puts session files in that folder instead of beside
    the document.
    """
    env_folder = os.environ.get("CLEANER_SESSION_DIR")
    folder = session_folder or (Path(env_folder) if env_folder else None)
    app = ReviewApp(source, edits, settings, output=output, store=SessionStore(source.path, folder), pending=pending)
    result = app.run()
    return result or 0

