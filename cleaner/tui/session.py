"""The review session: proposals, a person's decisions, undo, and persistence.

This module is the review UI's data model and never imports Textual, so it is
tested as plain Python and the widgets only ever display what it says.

A :class:`Review` holds the document text and the edits proposed for it (in
document order). Each proposal has a :class:`Decision`: undecided, accepted
(with the exact text to put in, which may be an alternative or typed by
hand) or rejected. Accepted proposals never overlap, so the accepted set can
always be applied: accepting a proposal that overlaps an accepted one takes
the other one back to undecided, in the same undoable step, and undecided
proposals that overlap an accepted one are *in conflict* (shown, counted as
decided, skipped by "next undecided").

Decisions persist in a JSON session file beside the document (see
:class:`SessionStore`) holding the hash of its content: reopening an
unchanged file resumes, a changed file starts over. The file also records
per-rule accepted/rejected counts, for tuning rules later.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import json
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from cleaner.edits import Edit
from cleaner.pipeline import apply_edits, overlaps

SESSION_VERSION = 1
SESSION_SUFFIX = ".cleaner-session.json"


class ReviewError(Exception):
    """A decision that cannot be made (e.g. accepting a flag with no replacement)."""


class Status(str, enum.Enum):
    """What a person decided about one proposal."""

    UNDECIDED = "undecided"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class State(str, enum.Enum):
    """What the UI shows for a proposal: its status, or a conflict with an accepted one."""

    UNDECIDED = "undecided"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CONFLICT = "conflict"


# A lookup, not State(status.value): this runs for every proposal on bulk actions.
_STATE_OF = {Status.UNDECIDED: State.UNDECIDED, Status.ACCEPTED: State.ACCEPTED, Status.REJECTED: State.REJECTED}


@dataclass(frozen=True, slots=True)
class Decision:
    """One proposal's decision."""

    status: Status = Status.UNDECIDED
    replacement: str | None = None
    """The text to put in when accepted; None otherwise."""


UNDECIDED = Decision()
REJECTED = Decision(Status.REJECTED)


class Change(NamedTuple):
    """One proposal's decision before and after a step."""

    index: int
    before: Decision
    after: Decision


class Step(NamedTuple):
    """One undoable action: every decision it changed and where the cursor was."""

    label: str
    changes: tuple[Change, ...]
    cursor_before: int
    cursor_after: int


class Counts(NamedTuple):
    """Totals for the status line."""

    total: int
    accepted: int
    rejected: int
    conflict: int

    @property
    def decided(self) -> int:
        """Accepted, rejected, or out of the question because of an accepted edit."""
        return self.accepted + self.rejected + self.conflict

    @property
    def undecided(self) -> int:
        return self.total - self.decided


class RuleGroup(NamedTuple):
    """One rule's proposals, for the side list."""

    category: str
    rule: str
    total: int
    accepted: int
    rejected: int


@dataclass(frozen=True, slots=True)
class Proposal:
    """An edit under review, with the text it would replace."""

    index: int
    edit: Edit
    original: str
    """``text[edit.start:edit.end]``."""

    @property
    def key(self) -> tuple:
        """What identifies this proposal across runs on the same text."""
        e = self.edit
        return (e.start, e.end, e.rule, e.replacements)


def content_hash(text: str) -> str:
    """SHA-256 of the text as UTF-8: the session's notion of "unchanged"."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Review:
    """Proposals for one text and the decisions made about them.

    Args:
        text: the document text the edits point into.
        edits: the proposed edits (any order; kept in document order).
        path: the document's path, for the session file and messages.
    """

    def __init__(self, text: str, edits: Iterable[Edit], path: str | None = None) -> None:
        self.text = text
        self.path = path
        ordered = sorted(edits, key=Edit.sort_key)
        self.proposals = [Proposal(i, e, text[e.start : e.end]) for i, e in enumerate(ordered)]
        self.starts = [e.start for e in ordered]
        self.decisions: list[Decision] = [UNDECIDED] * len(ordered)
        self.cursor = 0
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._overlapping = _overlap_index(ordered)
        # How many accepted proposals overlap each proposal: > 0 means a conflict.
        self._blockers = [0] * len(ordered)
        self._status_counts: Counter[Status] = Counter({Status.UNDECIDED: len(ordered)})
        self._rule_counts: dict[str, Counter[Status]] = {}
        self._rule_totals: Counter[str] = Counter(e.rule for e in ordered)
        self._categories: dict[str, str] = {}
        self._by_rule: dict[str, list[int]] = {}
        for p in self.proposals:
            self._categories.setdefault(p.edit.rule, p.edit.category)
            self._by_rule.setdefault(p.edit.rule, []).append(p.index)
            self._rule_counts.setdefault(p.edit.rule, Counter())
        self._conflicts = 0
        self.dirty = False
        """True when decisions changed since the document was last saved."""

    # ------------------------------------------------------------- queries
    def __len__(self) -> int:
        return len(self.proposals)

    @property
    def current(self) -> Proposal | None:
        """The proposal under the cursor, or None when there are none."""
        return self.proposals[self.cursor] if self.proposals else None

    def state(self, index: int) -> State:
        """Status of a proposal, with undecided-but-overlapping shown as a conflict."""
        status = self.decisions[index].status
        if status is Status.UNDECIDED and self._blockers[index]:
            return State.CONFLICT
        return _STATE_OF[status]

    def overlapping(self, index: int) -> tuple[int, ...]:
        """Proposals that overlap this one."""
        return self._overlapping[index]

    def counts(self) -> Counts:
        """Totals for the status line, kept up to date on every change (no scan)."""
        return Counts(
            total=len(self.proposals),
            accepted=self._status_counts[Status.ACCEPTED],
            rejected=self._status_counts[Status.REJECTED],
            conflict=self._conflicts,
        )

    def groups(self) -> list[RuleGroup]:
        """One entry per rule, ordered by category then rule id."""
        out = []
        for rule, total in self._rule_totals.items():
            c = self._rule_counts[rule]
            out.append(RuleGroup(self._categories[rule], rule, total, c[Status.ACCEPTED], c[Status.REJECTED]))
        return sorted(out)

    def in_range(self, start: int, end: int) -> list[int]:
        """Proposals that touch ``[start, end)``, for drawing a window of the document."""
        # Edits are short; look back a little for one that starts before the window.
        i = bisect.bisect_left(self.starts, start)
        while i > 0 and self.proposals[i - 1].edit.end > start:
            i -= 1
        j = bisect.bisect_left(self.starts, end)
        return list(range(i, j))

    def first_at_or_after(self, offset: int) -> int | None:
        """The first proposal starting at or after ``offset`` (wrapping to the first)."""
        if not self.proposals:
            return None
        i = bisect.bisect_left(self.starts, offset)
        return i if i < len(self.proposals) else 0

    def find(self, step: int, undecided_only: bool, start: int | None = None) -> int | None:
        """The next (``step`` = 1) or previous (-1) proposal from ``start``, wrapping.

        With ``undecided_only`` it skips decided and conflicting proposals, as
        `git add -p`'s j and k do; None when there is no such proposal.
        """
        n = len(self.proposals)
        if not n:
            return None
        pos = self.cursor if start is None else start
        for k in range(1, n + 1):
            i = (pos + step * k) % n
            if not undecided_only or self.state(i) is State.UNDECIDED:
                return i
        return None

    # ---------------------------------------------------------- navigation
    def move_to(self, index: int) -> None:
        if self.proposals:
            self.cursor = max(0, min(index, len(self.proposals) - 1))

    def advance(self) -> None:
        """After a decision: on to the next undecided proposal, if any is left."""
        nxt = self.find(1, True)
        if nxt is not None:
            self.cursor = nxt

    # ----------------------------------------------------------- decisions
    def accept(self, index: int | None = None, replacement: str | None = None, *, advance: bool = True) -> Step:
        """Accept a proposal with ``replacement`` (default: its first replacement).

        Accepted proposals that overlap it go back to undecided in the same step.
        """
        index = self.cursor if index is None else index
        p = self.proposals[index]
        text = p.edit.replacement if replacement is None else replacement
        if text is None:
            raise ReviewError(f"{p.edit.rule} only flags this; press e to type a replacement")
        changes = [(index, Decision(Status.ACCEPTED, text))]
        for j in self._overlapping[index]:
            if self.decisions[j].status is Status.ACCEPTED:
                changes.append((j, UNDECIDED))
        return self._commit("accept", changes, advance)

    def pick(self, alternative: int, index: int | None = None) -> Step:
        """Accept the ``alternative``-th replacement (0-based)."""
        index = self.cursor if index is None else index
        reps = self.proposals[index].edit.replacements
        if not 0 <= alternative < len(reps):
            raise ReviewError(f"no alternative {alternative + 1}: this edit has {len(reps)}")
        return self.accept(index, reps[alternative])

    def reject(self, index: int | None = None, *, advance: bool = True) -> Step:
        index = self.cursor if index is None else index
        return self._commit("reject", [(index, REJECTED)], advance)

    def accept_rule(self, rule: str) -> Step:
        """Accept every undecided proposal of ``rule`` that has a replacement.

        Proposals that would overlap one accepted earlier (by this step or
        before) are left alone: a bulk action never takes back a choice.
        """
        changes = []
        taken: set[int] = set()
        for i in self._by_rule[rule]:
            p = self.proposals[i]
            if self.state(i) is not State.UNDECIDED or p.edit.replacement is None:
                continue
            if any(j in taken for j in self._overlapping[i]):
                continue
            changes.append((i, Decision(Status.ACCEPTED, p.edit.replacement)))
            taken.add(i)
        return self._commit(f"accept all {rule}", changes, True)

    def reject_rule(self, rule: str) -> Step:
        """Reject every undecided (or conflicting) proposal of ``rule``."""
        changes = [(i, REJECTED) for i in self._by_rule[rule] if self.decisions[i].status is Status.UNDECIDED]
        return self._commit(f"reject all {rule}", changes, True)

    def reject_matching(self, original: str) -> Step:
        """Reject every undecided proposal that flags exactly ``original``: "ignore it here"."""
        changes = [
            (p.index, REJECTED)
            for p in self.proposals
            if p.original == original and self.decisions[p.index].status is Status.UNDECIDED
        ]
        return self._commit(f"ignore {original!r}", changes, True)

    def undo(self) -> Step | None:
        """Take back the last step; None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        for change in reversed(step.changes):
            self._set(change.index, change.before)
        self.cursor = step.cursor_before
        self._redo.append(step)
        self.dirty = True
        return step

    def redo(self) -> Step | None:
        """Make the last undone step again; None when there is nothing to redo."""
        if not self._redo:
            return None
        step = self._redo.pop()
        for change in step.changes:
            self._set(change.index, change.after)
        self.cursor = step.cursor_after
        self._undo.append(step)
        self.dirty = True
        return step

    def _commit(self, label: str, changes: Sequence[tuple[int, Decision]], advance: bool) -> Step:
        before_cursor = self.cursor
        done = []
        for index, decision in changes:
            before = self.decisions[index]
            if before != decision:
                self._set(index, decision)
                done.append(Change(index, before, decision))
        if advance:
            self.advance()
        step = Step(label, tuple(done), before_cursor, self.cursor)
        if done:
            self._undo.append(step)
            self._redo.clear()
            self.dirty = True
        return step

    def _set(self, index: int, decision: Decision) -> None:
        """Change one decision and keep every counter in step with it."""
        old = self.decisions[index]
        rule = self.proposals[index].edit.rule
        was_conflict = self.state(index) is State.CONFLICT
        self._status_counts[old.status] -= 1
        self._rule_counts[rule][old.status] -= 1
        self.decisions[index] = decision
        self._status_counts[decision.status] += 1
        self._rule_counts[rule][decision.status] += 1
        delta = (decision.status is Status.ACCEPTED) - (old.status is Status.ACCEPTED)
        if delta:
            for j in self._overlapping[index]:
                before = self.state(j) is State.CONFLICT
                self._blockers[j] += delta
                self._conflicts += (self.state(j) is State.CONFLICT) - before
        self._conflicts += (self.state(index) is State.CONFLICT) - was_conflict

    # ------------------------------------------------------------- results
    def accepted_edits(self) -> list[Edit]:
        """The accepted edits, each with the text the person chose."""
        out = []
        for p, d in zip(self.proposals, self.decisions):
            if d.status is Status.ACCEPTED:
                assert d.replacement is not None
                out.append(p.edit.with_replacement(d.replacement))
        return out

    def result_text(self) -> str:
        """The text with the accepted edits applied and nothing else."""
        return apply_edits(self.text, self.accepted_edits())

    def rule_stats(self) -> dict[str, dict[str, int]]:
        """Per rule: how many proposals, and how many were accepted and rejected."""
        return {
            g.rule: {"total": g.total, "accepted": g.accepted, "rejected": g.rejected}
            for g in sorted(self.groups(), key=lambda g: g.rule)
        }

    # --------------------------------------------------------- persistence
    def to_json(self, saved_hash: str | None = None) -> dict:
        """The session as a JSON-able dict: the decided proposals and the stats."""
        decided = []
        for p, d in zip(self.proposals, self.decisions):
            if d.status is Status.UNDECIDED:
                continue
            e = p.edit
            decided.append({
                "start": e.start,
                "end": e.end,
                "rule": e.rule,
                "replacements": list(e.replacements),
                "status": d.status.value,
                "replacement": d.replacement,
            })
        return {
            "version": SESSION_VERSION,
            "path": os.path.abspath(self.path) if self.path else None,
            "sha256": content_hash(self.text),
            "saved_sha256": saved_hash,
            "unsaved": self.dirty,
            "cursor": self.cursor,
            "cursor_key": _stored_key(self.current) if self.current else None,
            "decisions": decided,
            "stats": self.rule_stats(),
        }

    def restore(self, data: dict, *, initial: bool = True) -> int:
        """Apply decisions from :meth:`to_json` output; return how many matched.

        Decisions are matched to proposals by span, rule and replacements, so
        a session made with other rules selected restores what still applies.
        Only undecided proposals take a stored decision. ``initial`` also
        restores the cursor and the unsaved flag (at start-up, not when late
        grammar findings arrive). Restoring is not an undoable step.
        """
        by_key = {p.key: p.index for p in self.proposals}
        matched = 0
        for item in data.get("decisions", []):
            index = by_key.get(_key(item))
            if index is None or self.decisions[index].status is not Status.UNDECIDED:
                continue
            status = Status(item["status"])
            decision = Decision(status, item.get("replacement") if status is Status.ACCEPTED else None)
            if status is Status.ACCEPTED:
                if decision.replacement is None or any(
                    self.decisions[j].status is Status.ACCEPTED for j in self._overlapping[index]
                ):
                    continue  # a damaged file must not produce overlapping accepts
            self._set(index, decision)
            matched += 1
        if initial:
            cursor = data.get("cursor_key")
            index = by_key.get(_key(cursor)) if isinstance(cursor, dict) else None
            self.move_to(index if index is not None else int(data.get("cursor", 0)))
            self.dirty = bool(data.get("unsaved")) and matched > 0
        elif matched and data.get("unsaved"):
            self.dirty = True
        return matched

    def merged(self, edits: Iterable[Edit]) -> Review:
        """A review of the same text with ``edits`` as its proposals, keeping this
        one's decisions, cursor and undo history (for findings that arrive late,
        like the grammar pass's)."""
        new = Review(self.text, edits, self.path)
        by_key = {p.key: p.index for p in new.proposals}
        where = {p.index: by_key.get(p.key) for p in self.proposals}
        for p, d in zip(self.proposals, self.decisions):
            j = where[p.index]
            if j is not None and d.status is not Status.UNDECIDED:
                new._set(j, d)
        current = self.current
        if current is not None:
            j = where[current.index]
            new.move_to(j if j is not None else (new.first_at_or_after(current.edit.start) or 0))

        def moved(step: Step) -> Step | None:
            changes = [Change(where[c.index], c.before, c.after) for c in step.changes]
            if any(c.index is None for c in changes):
                return None
            return Step(step.label, tuple(changes), where.get(step.cursor_before) or 0,
                        where.get(step.cursor_after) or 0)

        new._undo = [m for m in map(moved, self._undo) if m is not None]
        new._redo = [m for m in map(moved, self._redo) if m is not None]
        new.dirty = self.dirty
        return new


def _stored_key(p: Proposal) -> dict:
    e = p.edit
    return {"start": e.start, "end": e.end, "rule": e.rule, "replacements": list(e.replacements)}


def _key(item: dict) -> tuple:
    """A stored proposal's identity, as :attr:`Proposal.key`."""
    return (item["start"], item["end"], item["rule"], tuple(item["replacements"]))


def _overlap_index(edits: Sequence[Edit]) -> list[tuple[int, ...]]:
    """For each edit, the indices of the edits that overlap it (edits sorted by start)."""
    result: list[list[int]] = [[] for _ in edits]
    active: list[int] = []  # edits whose end is still ahead of the sweep
    for i, e in enumerate(edits):
        active = [j for j in active if edits[j].end > e.start or edits[j].end == edits[j].start == e.start]
        for j in active:
            if overlaps(edits[j], e):
                result[i].append(j)
                result[j].append(i)
        active.append(i)
    return [tuple(sorted(r)) for r in result]


# ------------------------------------------------------------- session files
class Resume(str, enum.Enum):
    """What opening a session file found."""

    NEW = "new"
    RESUMED = "resumed"
    CHANGED = "changed"
    """The file changed since the session was written: start over."""
    SAVED = "saved"
    """The file is the one the last review saved: start a fresh review of it."""


@dataclass
class SessionStore:
    """Where one document's session lives, and reading and writing it.

    By default the session sits beside the document as
    ``.NAME.cleaner-session.json`` (it travels with the file and is easy to
    find and delete); when that folder is not writable it goes to
    ``<user data>/cleaner/sessions/<hash of the path>.json``.

    Args:
        document_path: the reviewed file.
        folder: put session files here instead (named by a hash of the path).
    """

    document_path: str
    folder: Path | None = None
    saved_hash: str | None = field(default=None)
    """Hash of the text the review last saved over the document itself."""
    earlier_stats: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per-rule counts of earlier sessions on this path, kept when a review starts over."""
    loaded: dict | None = field(default=None)
    """The session resumed at start-up, for proposals that arrive later (grammar)."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _written: int = field(default=-1, repr=False, compare=False)

    @property
    def path(self) -> Path:
        """The session file for this document (see the class docstring)."""
        folder = self.folder
        if folder is None:
            doc = Path(self.document_path)
            if os.access(doc.parent, os.W_OK):
                return doc.with_name(f".{doc.name}{SESSION_SUFFIX}")
            folder = default_session_folder()
        key = hashlib.sha256(os.path.abspath(self.document_path).encode("utf-8")).hexdigest()[:24]
        return folder / f"{key}.json"

    def load(self, review: Review) -> tuple[Resume, int]:
        """Restore ``review`` from its session file if the text is unchanged.

        Returns what was found and how many decisions were restored. A file
        that cannot be read or parsed counts as no session: losing a session
        must never stop anyone from reviewing.
        """
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Resume.NEW, 0
        if not isinstance(data, dict) or data.get("version") != SESSION_VERSION:
            return Resume.NEW, 0
        digest = content_hash(review.text)
        try:
            if data.get("sha256") == digest:
                self.earlier_stats = dict(data.get("earlier_stats") or {})
                self.loaded = data
                return Resume.RESUMED, review.restore(data)
            self.earlier_stats = _add_stats(data.get("earlier_stats") or {}, data.get("stats") or {})
            if data.get("saved_sha256") == digest:
                # The review saved this very text: what was rejected before is
                # still rejected, at offsets moved by the accepted edits.
                return Resume.SAVED, review.restore({"decisions": _carry_rejections(data["decisions"])})
        except (KeyError, TypeError, ValueError, AttributeError):
            return Resume.NEW, 0
        return Resume.CHANGED, 0

    def snapshot(self, review: Review) -> bytes:
        """The session file's bytes for the review as it is now."""
        payload = review.to_json(self.saved_hash)
        payload["earlier_stats"] = self.earlier_stats
        return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")

    def write(self, data: bytes, seq: int | None = None) -> None:
        """Write snapshot bytes atomically (a crash keeps the old session).

        Safe to call from worker threads: writes are serialised, and with
        ``seq`` (increasing per snapshot) a snapshot older than one already
        written is dropped, so the file never goes back in time.
        """
        from cleaner.fileio import write_atomic

        with self._lock:
            if seq is not None:
                if seq <= self._written:
                    return
                self._written = seq
            target = self.path
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(str(target), data)

    def save(self, review: Review) -> None:
        """Snapshot and write in one go."""
        self.write(self.snapshot(review))


def _add_stats(a: dict, b: dict) -> dict[str, dict[str, int]]:
    """Sum two per-rule stats tables."""
    out: dict[str, dict[str, int]] = {}
    for table in (a, b):
        for rule, counts in table.items():
            row = out.setdefault(rule, {})
            for k, v in counts.items():
                row[k] = row.get(k, 0) + int(v)
    return out


def _carry_rejections(decisions: list[dict]) -> list[dict]:
    """Rejected decisions moved onto the text that the accepted ones produced."""
    accepted = sorted(
        (d["start"], d["end"], len(d["replacement"] or "") - (d["end"] - d["start"]))
        for d in decisions
        if d["status"] == Status.ACCEPTED.value
    )
    starts = [a[0] for a in accepted]
    shifts = [0]
    for _, _, delta in accepted:
        shifts.append(shifts[-1] + delta)
    carried = []
    for d in decisions:
        if d["status"] != Status.REJECTED.value:
            continue
        # Every accepted edit that ends at or before this one moves it.
        # Accepted edits never overlap each other, so only the last one that
        # starts before this one can straddle it; then its text is gone.
        k = bisect.bisect_right(starts, d["start"])
        if k > 0 and accepted[k - 1][1] > d["start"]:
            continue
        if bisect.bisect_left(starts, d["end"]) > k:
            continue  # an accepted edit inside it changed the text it flagged
        carried.append({**d, "start": d["start"] + shifts[k], "end": d["end"] + shifts[k]})
    return carried


def default_session_folder() -> Path:
    """``<user data folder>/cleaner/sessions`` (XDG_DATA_HOME is honoured on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("cleaner", appauthor=False)) / "sessions"
