"""Edits: what a rule or a grammar backend proposes to change in a document.

An :class:`Edit` is a proposal, never an action: rules return edits, and only
:mod:`cleaner.pipeline` rewrites text. Offsets are Python ``str`` indices
(Unicode code points) into the decoded text; backends that count otherwise
(LanguageTool counts UTF-16 units) convert at their edge.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class FixKind(str, enum.Enum):
    """How far an edit may be trusted to apply itself.

    The names follow ruff's applicability levels: ``safe`` is applied by
    ``cleaner fix``; ``suggested`` needs a person (the review UI) or
    ``--unsafe``; ``none`` is a flag with nothing to apply.
    """

    SAFE = "safe"
    SUGGESTED = "suggested"
    NONE = "none"


class Severity(str, enum.Enum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """A proposed change to ``text[start:end]``, with the evidence for it."""

    start: int
    """First code point of the flagged span."""
    end: int
    """One past the last code point of the flagged span (``start == end`` inserts)."""
    rule: str
    """Rule id: a rule's kebab-case name, or ``backend:RULE`` for grammar findings."""
    category: str
    """Artifact class, e.g. ``spacing``, ``duplication``, ``names``, ``grammar``."""
    message: str
    """One line for a person: what is wrong and, where it helps, the evidence."""
    replacements: tuple[str, ...] = ()
    """Candidate texts for the span, best first; empty for a flag-only finding."""
    fix: FixKind = FixKind.SUGGESTED
    """Whether ``cleaner fix`` may apply the first replacement unattended."""
    severity: Severity = Severity.WARNING
    """How much the finding matters for ``check``."""
    data: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """Extra key/value facts for reports and the review UI (e.g. the evidence counts)."""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")
        if self.fix is not FixKind.NONE and not self.replacements:
            # A fix with nothing to put in its place would be a silent delete
            # or a crash later; say so where the edit is made.
            raise ValueError(f"{self.rule}: a {self.fix.value} edit needs a replacement")

    @property
    def replacement(self) -> str | None:
        """The first replacement, or None for a flag-only finding."""
        return self.replacements[0] if self.replacements else None

    @property
    def applicable(self) -> bool:
        """True when the edit has something to apply."""
        return self.fix is not FixKind.NONE

    def shifted(self, delta: int) -> Edit:
        """The same edit moved by ``delta`` code points."""
        return replace(self, start=self.start + delta, end=self.end + delta)

    def with_replacement(self, text: str) -> Edit:
        """The same edit with ``text`` as its only replacement (a person's choice)."""
        return replace(self, replacements=(text,), fix=FixKind.SUGGESTED if self.fix is FixKind.NONE else self.fix)

    def sort_key(self) -> tuple:
        """Deterministic order: position first, then the wider span, then rule id."""
        return (self.start, -(self.end - self.start), self.rule, self.replacements, self.message)
