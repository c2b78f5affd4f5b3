"""Run rules, resolve overlapping edits, apply them, repeat until stable.

The pipeline is the only place text is rewritten. ``fix`` applies edits in
passes: each pass re-reads the text as a new Document, runs the rules, keeps
a deterministic non-overlapping subset of the applicable edits and applies
it. It stops when a pass has nothing to apply (so ``fix`` is idempotent) or
after ``MAX_PASSES``. The applied edits of every pass are returned with the
text, and replaying them reproduces it (as ftfy's ``fix_and_explain``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit, FixKind
from cleaner.rule import Rule

MAX_PASSES = 8
"""A cap on fix passes, so two rules that undo each other cannot loop forever."""


def run_rules(doc: Document, rules: Sequence[Rule], settings: Settings | None = None) -> list[Edit]:
    """Every finding of ``rules`` on ``doc``, in document order.

    Edits that touch a protected region (code, URL, markup) are dropped here,
    once, so no rule has to remember to check. Per-rule severity overrides
    from the settings are applied here too.
    """
    settings = settings or Settings()
    edits: list[Edit] = []
    size = len(doc.text)
    for rule in rules:
        for edit in rule.check(doc, settings):
            if edit.end > size:
                raise ValueError(f"{rule.name} proposed an edit past the end of the text: {edit}")
            if doc.is_protected(edit.start, edit.end):
                continue
            override = settings.severity.get(edit.rule)
            edits.append(replace(edit, severity=override) if override else edit)
    edits.sort(key=Edit.sort_key)
    return edits


def overlaps(a: Edit, b: Edit) -> bool:
    """True when applying both edits would be ambiguous.

    Spans that share a code point overlap; so do two insertions at the same
    point. Edits that merely touch (``a.end == b.start``) do not.
    """
    if a.start < b.end and b.start < a.end:
        return True
    return a.start == a.end == b.start == b.end


def resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """A deterministic non-overlapping subset, in document order.

    Earlier edits win; at the same start the wider span wins (a deleted
    boilerplate line beats a spacing fix inside it); then the rule id breaks
    ties. Edits that lose are not lost: the next pass finds them again on the
    new text if they still apply.
    """
    chosen: list[Edit] = []
    reach = -1  # the furthest end of any chosen edit
    for edit in sorted(edits, key=Edit.sort_key):
        if edit.start < reach or (chosen and overlaps(edit, chosen[-1])):
            continue
        chosen.append(edit)
        reach = max(reach, edit.end)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (first replacement each) to ``text``."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}: {edit.rule}")
        if edit.replacement is None:
            raise ValueError(f"{edit.rule}: flag-only edit cannot be applied")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def wanted(edit: Edit, unsafe: bool) -> bool:
    """Whether ``fix`` applies this edit: safe always, suggested with ``--unsafe``."""
    return edit.fix is FixKind.SAFE or (unsafe and edit.fix is FixKind.SUGGESTED)


@dataclass
class FixResult:
    """What ``fix`` did to one document."""

    original: str
    """The text before any edit."""
    text: str
    """The text after every pass."""
    passes: list[list[Edit]] = field(default_factory=list)
    """The edits applied in each pass, with offsets into that pass's input."""
    remaining: list[Edit] = field(default_factory=list)
    """Findings on the final text: what fix could not (or may not) repair."""

    @property
    def applied(self) -> list[Edit]:
        """Every applied edit, pass after pass."""
        return [e for p in self.passes for e in p]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def replay(self) -> str:
        """Re-apply the recorded passes to the original text."""
        text = self.original
        for edits in self.passes:
            text = apply_edits(text, edits)
        return text

    def map_back(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the fixed text to the original text.

        A span inside text that an edit inserted maps to that edit's span in
        the input, so a finding on the fixed text still points at something
        a person can see in the original.
        """
        for edits in reversed(self.passes):
            start, end = _map_span_back(start, end, edits)
        return start, end


def _map_span_back(start: int, end: int, edits: Sequence[Edit]) -> tuple[int, int]:
    def back(pos: int, is_end: bool) -> int:
        delta = 0
        for e in edits:  # sorted by start, non-overlapping
            new_start = e.start + delta
            new_end = new_start + len(e.replacement or "")
            if is_end:
                if pos <= new_start:
                    break
                if pos <= new_end:
                    return e.end
            else:
                if pos < new_start:
                    break
                if pos < new_end:
                    return e.start
            delta += len(e.replacement or "") - (e.end - e.start)
        return pos - delta

    a = back(start, False)
    return a, max(a, back(end, True))


def fix_text(
    text: str,
    rules: Sequence[Rule],
    settings: Settings | None = None,
    *,
    unsafe: bool = False,
    path: str | None = None,
    markdown: bool | None = None,
) -> FixResult:
    """Apply the rules' fixes to ``text`` until nothing more applies."""
    settings = settings or Settings()
    result = FixResult(original=text, text=text)
    for _ in range(MAX_PASSES):
        doc = Document(result.text, path, markdown)
        edits = run_rules(doc, rules, settings)
        todo = resolve_overlaps(e for e in edits if wanted(e, unsafe))
        if not todo:
            result.remaining = edits
            return result
        result.text = apply_edits(result.text, todo)
        result.passes.append(todo)
    result.remaining = run_rules(Document(result.text, path, markdown), rules, settings)
    return result
