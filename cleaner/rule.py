"""Rule metadata and the shape every rule module has.

A rule module in ``rules/`` declares, once:

* ``META``: a :class:`RuleMeta` (stable code, kebab-case name, category,
  default severity, fix availability, on by default or not);
* ``check(doc, settings)``: a pure function yielding :class:`Edit` s;
* ``FAILS``: ``(input, expected)`` pairs, where ``expected`` is the text after
  the rule's edits are applied with their first replacements;
* ``PASSES``: texts the rule must leave alone;
* a module docstring with the headings *What it does*, *Why it's a problem*,
  *Example* and, when the fix is not always safe, *Fix safety*.

:mod:`cleaner.registry` turns such modules into :class:`Rule` objects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from cleaner.edits import Edit, FixKind, Severity

if TYPE_CHECKING:
    from cleaner.config import Settings
    from cleaner.document import Document


class FixAvailability(str, enum.Enum):
    """Whether a rule's findings come with something to apply (as in ruff)."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """What a rule is, declared once at the top of its module."""

    code: str
    """Stable short code (``CL101``); never reused for another rule."""
    name: str
    """Kebab-case name of the artifact (``glued-word``); this is the rule id in reports."""
    category: str
    """Artifact class shared by related rules."""
    severity: Severity
    """Default severity; configuration may override it per rule."""
    fix: FixAvailability
    """Whether findings carry a replacement."""
    default: bool = True
    """On without ``--select``."""

    def edit(
        self,
        start: int,
        end: int,
        message: str,
        replacements: Sequence[str] | str | None = None,
        fix: FixKind | None = None,
        severity: Severity | None = None,
        data: dict[str, object] | None = None,
    ) -> Edit:
        """Build an :class:`Edit` from this rule, so ids are never retyped in rule bodies.

        ``fix`` defaults to SUGGESTED when there is a replacement, NONE otherwise.
        """
        if isinstance(replacements, str):
            replacements = (replacements,)
        reps = tuple(replacements or ())
        if fix is None:
            fix = FixKind.SUGGESTED if reps else FixKind.NONE
        # Positional, in Edit's field order (start, end, rule, category,
        # message, replacements, fix, severity, data): every finding of every
        # rule is built here, and keywords cost a quarter of the call.
        return Edit(
            start,
            end,
            self.name,
            self.category,
            message,
            reps,
            fix,
            severity or self.severity,
            tuple(zip(data, map(str, data.values()))) if data else (),
        )


CheckFn = Callable[["Document", "Settings"], Iterable[Edit]]


@dataclass(frozen=True)
class Rule:
    """A loaded rule: metadata, check function, examples and documentation."""

    meta: RuleMeta
    check: CheckFn
    fails: tuple[tuple[str, str], ...]
    passes: tuple[str, ...]
    doc: str
    module: ModuleType

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def summary(self) -> str:
        """The docstring's first line."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        """Load a rule module; raises TypeError naming what it lacks."""
        missing = [a for a in ("META", "check", "FAILS", "PASSES") if not hasattr(module, a)]
        if missing or not module.__doc__:
            raise TypeError(f"rule module {module.__name__} lacks {', '.join(missing) or 'a docstring'}")
        return cls(
            meta=module.META,
            check=module.check,
            fails=tuple(module.FAILS),
            passes=tuple(module.PASSES),
            doc=module.__doc__,
            module=module,
        )
