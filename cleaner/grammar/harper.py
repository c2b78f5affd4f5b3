"""The embedded backend: Harper through harper-py, in process, no Java, no server.

Building a ``harper.Linter`` takes about a second and its first lint
another, so one Linter per dialect is built lazily and reused for the life
of the process. A Linter is not thread-safe; a lock serialises calls.
"""

from __future__ import annotations

import threading
from importlib import metadata
from typing import Sequence

from cleaner.errors import UsageError
from cleaner.grammar.base import Finding, Paragraph, clip_replacements

# Lint kinds that are advice about style rather than errors.
_STYLE_KINDS = frozenset({"Style", "Readability", "Enhancement", "WordChoice", "Repetition"})
_SPELLING_KINDS = frozenset({"Spelling"})

_DIALECTS = {"en-US": "AMERICAN", "en": "AMERICAN", "en-GB": "BRITISH", "en-AU": "AUSTRALIAN",
             "en-CA": "CANADIAN", "en-IN": "INDIAN"}

_linters: dict[str, object] = {}
_lock = threading.Lock()


def _linter(dialect: str):
    """The process's Linter for ``dialect``, built on first use."""
    with _lock:
        linter = _linters.get(dialect)
        if linter is None:
            import harper

            linter = harper.Linter(getattr(harper.Dialect, dialect))
            config = linter.get_lint_config()
            linter.set_lint_config({**config, **{name: False for name in SWITCHED_OFF}})
            _linters[dialect] = linter
        return linter


# Harper lints that are house style, not errors, and that `fix --unsafe`
# would otherwise apply to every article: news style guides differ on the
# Oxford comma (AP leaves it out), on "non-military" versus "nonmilitary",
# on title case in headlines (most news sites use sentence case) and on en
# dashes in scores ("won 2-1"); long sentences are the writer's call.
# CompoundNouns joins "rain falls" into "rainfalls" and "Park Land" into
# "ParkLand" on ordinary news prose. Doubled words are the duplicate-word
# rule's, which knows "had had" and "that that" are English. Switched off by
# name.
SWITCHED_OFF = (
    "OxfordComma", "NoOxfordComma", "DisjointPrefixes", "LongSentences", "UseTitleCase",
    "NumericRangeEnDash", "CompoundNouns", "RepeatedWords", "RedundantThat", "ThatWhich",
)


def harper_version() -> str:
    try:
        return metadata.version("harper-py")
    except metadata.PackageNotFoundError:  # pragma: no cover - it is a dependency
        return "unknown"


class HarperBackend:
    """Harper with its default rule set; Markdown mode for Markdown paragraphs."""

    name = "harper"

    def __init__(self, language: str = "en-US") -> None:
        if language not in _DIALECTS:
            raise UsageError(
                f"harper checks English only ({', '.join(sorted(_DIALECTS))}); "
                f"use --grammar languagetool for {language!r}"
            )
        self.language = language
        self.dialect = _DIALECTS[language]

    def cache_key(self) -> str:
        return f"harper|{harper_version()}|{self.language}|dedup=0|off={','.join(SWITCHED_OFF)}"

    def check(self, paragraphs: Sequence[Paragraph]) -> list[list[Finding]]:
        linter = _linter(self.dialect)
        out = []
        for para in paragraphs:
            with _lock:
                # dedup=False: Harper's own de-duplication lets a long-sentence
                # lint swallow the spelling lints inside it. Overlaps are the
                # pipeline's business.
                lints = linter.lint(para.text, language="markdown" if para.markdown else "plaintext", dedup=False)
            out.append([_finding(lint) for lint in lints])
        return out


def _finding(lint) -> Finding:
    kind = lint.lint_kind
    problem = lint.problem_text
    reps = []
    for s in lint.suggestions:
        k = int(s.kind)
        if k == 0:  # replace
            reps.append(s.replacement_text)
        elif k == 1:  # remove
            reps.append("")
        else:  # insert after the span
            reps.append(problem + s.replacement_text)
    return Finding(
        start=lint.span.start,
        end=lint.span.end,
        rule=f"harper:{kind}",
        message=lint.message,
        replacements=clip_replacements(reps),
        spelling=kind in _SPELLING_KINDS,
        style=kind in _STYLE_KINDS,
    )
