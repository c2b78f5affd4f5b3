"""What every grammar backend returns, and the protocol it implements.

A backend checks paragraphs, one string each, and answers with
:class:`Finding` s whose offsets are code points into that string. Findings
are plain data so the cache can store them as JSON; turning them into
document :class:`~cleaner.edits.Edit` s (offsets, the name filter,
``--select``) happens once, in :mod:`cleaner.grammar.run`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Sequence

from cleaner.errors import CleanerError

class GrammarError(CleanerError):
    """The grammar backend could not answer (server down, slow, or misconfigured): exit 2.

    ``check`` must never call a document clean because the grammar pass failed,
    so this is an error the CLI reports, not a finding it drops.
    """


MAX_REPLACEMENTS = 5
"""Alternatives kept per finding: enough for a person to choose, few enough to read."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One backend finding on one paragraph (offsets in code points of that paragraph)."""

    start: int
    end: int
    rule: str
    """Prefixed rule id: ``harper:Spelling``, ``lt:MORFOLOGIK_RULE_EN_US``."""
    message: str
    replacements: tuple[str, ...] = ()
    """Texts for ``[start, end)``, best first, at most MAX_REPLACEMENTS."""
    spelling: bool = False
    """True for "unknown word" findings, the kind the name filter may drop."""
    style: bool = False
    """True for style and readability advice (reported at info severity)."""

    def to_json(self) -> list:
        return [self.start, self.end, self.rule, self.message, list(self.replacements), self.spelling, self.style]

    @classmethod
    def from_json(cls, row: list) -> Finding:
        start, end, rule, message, reps, spelling, style = row
        return cls(start, end, rule, message, tuple(reps), bool(spelling), bool(style))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A piece of text to check, with the parts a backend must read past.

    ``markup`` holds ``(start, end)`` code-point spans of ``text`` that are not
    prose (code, URLs, HTML). LanguageTool receives them as markup parts of
    annotated text; Harper relies on its own Markdown mode for ``.md`` files.
    """

    text: str
    markup: tuple[tuple[int, int], ...] = field(default=())
    markdown: bool = False

    def cache_text(self) -> str:
        """What the result depends on besides the backend: the text, its markup and mode."""
        spans = ",".join(f"{a}-{b}" for a, b in self.markup)
        return f"{int(self.markdown)}|{spans}|{self.text}"


class Backend(Protocol):
    """A grammar checker the pass can call."""

    name: str
    """Short name, also the rule-id prefix's source: ``harper``, ``languagetool``."""

    def cache_key(self) -> str:
        """Backend, its version, the language and every setting that changes results."""
        ...

    def check(self, paragraphs: Sequence[Paragraph]) -> list[list[Finding]]:
        """Findings for each paragraph, in the same order.

        Raises :class:`GrammarError` when the backend cannot answer.
        """
        ...


def clip_replacements(values: Sequence[str]) -> tuple[str, ...]:
    """The first MAX_REPLACEMENTS distinct values, order kept."""
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
            if len(out) == MAX_REPLACEMENTS:
                break
    return tuple(out)
