"""Inline suppressions: comments in the text that silence a rule there.

Two forms, the same in Markdown, HTML and plain text (an HTML comment is
invisible when Markdown or HTML is rendered, and plain-text pipelines that
keep it can strip it with everything else that is markup)::

    <!-- cleaner: ignore glued-word -->         the block holding the comment,
                                               or the next one when the comment
                                               stands alone
    <!-- cleaner: ignore-file boilerplate -->   the whole file

Rules are named by id, code or glob (``lt:*``), separated by commas or
spaces; with no rule named, every rule is silenced. As with ruff's unused
``noqa``, a suppression that silences nothing among the rules that ran is
itself reported, as ``unused-suppression``, so stale comments do not pile up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

import regex

from cleaner.config import Settings
from cleaner.document import Document, Span
from cleaner.edits import Edit, FixKind, Severity
from cleaner.rule import Rule

UNUSED = "unused-suppression"
"""The finding id for a suppression that suppresses nothing."""

_DIRECTIVE = regex.compile(
    r"<!--[ \t]*cleaner:[ \t]*(?P<kind>ignore-file|ignore)(?![\w-])(?P<rules>(?:(?!-->)[^\r\n])*?)[ \t]*-->"
)
_RULE_SPLIT = regex.compile(r"[\s,]+")
_OTHER_TEXT = regex.compile(r"<!--.*?-->|\s+", regex.S)

# The grammar pass's finding ids start with its backend's prefix.
_GRAMMAR_PREFIX = {"harper": "harper:", "languagetool": "lt:"}


@dataclass(frozen=True)
class Directive:
    """One ``cleaner: ignore`` comment and the text it governs."""

    span: Span
    """The comment itself."""
    scope: Span
    """The text whose findings it silences."""
    rules: tuple[str, ...]
    """Rule ids, codes or globs; empty means every rule."""
    whole_file: bool

    @property
    def text_form(self) -> str:
        kind = "ignore-file" if self.whole_file else "ignore"
        return f"<!-- cleaner: {kind}{' ' + ', '.join(self.rules) if self.rules else ''} -->"


def directives(doc: Document) -> list[Directive]:
    """Every suppression comment in ``doc``, parsed once per document."""
    cached = doc.__dict__.get("_suppressions")
    if cached is None:
        cached = doc.__dict__["_suppressions"] = _parse(doc)
    return cached


def _parse(doc: Document) -> list[Directive]:
    text = doc.text
    if "cleaner:" not in text:  # the common case, and 10,000 articles pay for this call
        return []
    found = []
    for m in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in _RULE_SPLIT.split(m.group("rules")) if r)
        span = Span(m.start(), m.end())
        if m.group("kind") == "ignore-file":
            found.append(Directive(span, Span(0, len(text)), rules, True))
        else:
            found.append(Directive(span, _block_scope(doc, span), rules, False))
    return found


def _block_scope(doc: Document, comment: Span) -> Span:
    """What a block comment governs.

    Alone on its line(s), the comment governs what follows it up to the end
    of the next block with text (in Markdown a comment line is a block of its
    own, even right under a paragraph). Sharing a line with text, it governs
    the block that holds it.
    """
    text = doc.text
    line = doc.line_span(comment.start)
    last = doc.line_span(comment.end - 1)
    alone = not text[line.start : comment.start].strip() and not text[comment.end : last.end].strip()
    for block in doc.paragraphs():
        if block.end <= comment.start:
            continue
        if not alone:
            return Span(min(block.start, comment.start), max(block.end, comment.end))
        if _OTHER_TEXT.sub("", text[max(block.start, comment.end) : block.end]):
            return Span(comment.start, block.end)
    return Span(comment.start, comment.end)


class _Codes:
    """Rule id to code, so ``CL101`` in a comment silences ``glued-word``."""

    def __init__(self) -> None:
        from cleaner.registry import all_rules

        from cleaner.config import PSEUDO_RULES

        self.by_name: dict[str, str | None] = {r.name: r.code for r in all_rules()}
        self.by_name.update(dict.fromkeys(PSEUDO_RULES))

    def matches(self, rule_id: str, pattern: str) -> bool:
        from cleaner.registry import matches

        return matches(rule_id, pattern, self.by_name.get(rule_id))


def _covers(d: Directive, edit: Edit) -> bool:
    return d.scope.start <= edit.start < d.scope.end or (edit.start == edit.end == d.scope.end)


def suppressing(rules: Sequence[Rule]) -> list[Rule]:
    """The same rules, each silenced where the document's comments say so.

    For ``fix``: the pipeline re-reads the text every pass, and a suppressed
    finding must not be fixed in any of them.
    """
    codes = _Codes()

    def wrap(rule: Rule) -> Rule:
        def check(doc: Document, settings: Settings) -> Iterable[Edit]:
            found = directives(doc)
            for edit in rule.check(doc, settings):
                if not any(_inside(edit, d.span) for d in found) and not any(
                    _covers(d, edit) and (not d.rules or any(codes.matches(edit.rule, p) for p in d.rules))
                    for d in found
                ):
                    yield edit

        return replace(rule, check=check)

    return [wrap(r) for r in rules]


def _inside(edit: Edit, span: Span) -> bool:
    return span.start <= edit.start and edit.end <= span.end


def apply_suppressions(
    doc: Document, findings: list[Edit], ran: Iterable[str], settings: Settings
) -> list[Edit]:
    """``findings`` less the suppressed ones, plus ``unused-suppression`` findings.

    Args:
        doc: the document the findings are on.
        findings: every finding of the run, in document order.
        ran: the ids of the artifact rules that ran; a suppression naming only
            rules that did not run (``--select`` left them out) is not unused.
        settings: for the grammar backend that ran and for select/ignore and
            severity of ``unused-suppression`` itself.
    """
    found = directives(doc)
    if not found:
        return findings
    codes = _Codes()
    used: set[tuple[int, str]] = set()
    kept: list[Edit] = []
    for edit in findings:
        if any(_inside(edit, d.span) for d in found):
            # A rule reading the directive's own words in a plain-text file
            # ("cleaner:" as odd punctuation) is not a finding about the article.
            continue
        silenced = False
        for i, d in enumerate(found):
            if not _covers(d, edit):
                continue
            if not d.rules:
                used.add((i, ""))
                silenced = True
            for pattern in d.rules:
                if codes.matches(edit.rule, pattern):
                    used.add((i, pattern))
                    silenced = True
        if not silenced:
            kept.append(edit)
    from cleaner.registry import is_selected

    if not is_selected(UNUSED, settings.select, settings.ignore):
        return kept
    ran = tuple(ran)
    prefix = _GRAMMAR_PREFIX.get(settings.grammar)
    unused = []
    for i, d in enumerate(found):
        stale = [p for p in d.rules if (i, p) not in used and _judged(p, ran, prefix, codes)]
        if not d.rules and (i, "") not in used:
            stale = ["(all rules)"]
        if stale:
            unused.append(_unused_finding(doc, d, stale, settings))
    return sorted(kept + unused, key=Edit.sort_key)


def _judged(pattern: str, ran: tuple[str, ...], grammar_prefix: str | None, codes: _Codes) -> bool:
    """Whether a pattern's rules ran, so that finding nothing means the comment is stale."""
    if ":" in pattern:
        return bool(grammar_prefix and pattern.startswith(grammar_prefix))
    if not any(codes.matches(name, pattern) for name in codes.by_name):
        return True  # names no rule at all: stale by definition (reported as unknown)
    return any(codes.matches(name, pattern) for name in ran)


def _unused_finding(doc: Document, d: Directive, stale: list[str], settings: Settings) -> Edit:
    codes = _Codes()
    unknown = [p for p in stale if ":" not in p and p != "(all rules)"
               and not any(codes.matches(n, p) for n in codes.by_name)]
    keep = tuple(p for p in d.rules if p not in stale)
    start, end = d.span
    if keep:
        replacement = replace(d, rules=keep).text_form
    else:
        # Delete the whole comment, and its line when it stands alone there.
        line = doc.line_span(start, with_newline=True)
        bare = doc.line_span(start)
        if not doc.text[bare.start : start].strip() and not doc.text[end : bare.end].strip():
            start, end = line
        replacement = ""
    what = ", ".join(stale)
    reason = f"unknown rule {', '.join(unknown)}" if unknown else "nothing here to suppress"
    return Edit(
        start=start,
        end=end,
        rule=UNUSED,
        category="suppression",
        message=f"Unused suppression of {what}: {reason}; remove it",
        replacements=(replacement,),
        fix=FixKind.SUGGESTED,
        severity=settings.severity.get(UNUSED, Severity.WARNING),
    )
