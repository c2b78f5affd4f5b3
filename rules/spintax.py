"""Spintax and template braces that a spinner or a content template left in the text.

What it does:
    Finds spinner syntax that was published instead of being expanded:
    alternatives in braces, ``{quick|fast|rapid}``, replaced by the first
    alternative (spintax writers put the original word first), and a single
    lower-case word in braces, ``{hardware}``, replaced by the bare word.
    Placeholders that a template never filled, ``{{city}}``, ``{City_Name}``,
    ``{KEYWORD}``, are flagged.

Why it's a problem:
    Readers see machinery, not prose; the leftovers show that the article was
    mass-produced, and the words inside the braces are often the better
    choice that the spinner failed to pick.

Example:
    "The {quick|fast|rapid} rise of prices" becomes "The quick rise of prices";
    "new {hardware} for the army" becomes "new hardware for the army".

Fix safety:
    Suggested: the first alternative is the spintax convention, not a
    certainty, so every alternative is offered. Unfilled placeholders have no
    replacement. Braces that belong to something else are left alone: LaTeX
    (``\\textbf{word}``, ``x^{2}``), JSON and CSS (quotes, colons), set
    notation and regex counts (digits, operators), shell ``${var}``, and in
    Markdown files the ``{{ }}`` of site templates. Code and URLs are
    protected regions anyway.
"""

from __future__ import annotations

from typing import Iterator

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL703", "spintax", "spin", Severity.WARNING, FixAvailability.SOMETIMES)

# One alternative: words (letters, inner apostrophes and hyphens), separated
# by single spaces, with at most a trailing comma or full stop. Digits,
# quotes, colons and operators are not allowed, which keeps JSON, CSS, set
# notation ({x | x > 0}) and regex counts ({2,3}) out.
_ALT = r"[ ]?(?:[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*(?:[ ][\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)*[.,]?)?[ ]?"
_SPINTAX_RE = regex.compile(r"\{(" + _ALT + r"(?:\|" + _ALT + r")+)\}")
# A word a spinner wrapped but did not spin: three letters at least, as
# "{s}" and "{x}" are variables, and one hyphen at most, as
# "{response-headers-read}" is a state name in technical prose.
_WRAPPED_WORD_RE = regex.compile(r"\{(\p{Ll}[\p{Ll}\p{M}]{2,}(?:[\-'’][\p{Ll}\p{M}]+)?)\}")
# Around a wrapped word, a quote or a glued letter means a format string
# ('"{message}"', "{uri}local"), not prose.
_CODE_QUOTES = "\"'`"
# Unfilled template slots: "{{city}}", "{City_Name}", "{KEYWORD}" (a
# capital or an underscore; a lower-case word is the wrapped-word case).
_PLACEHOLDER_RE = regex.compile(
    r"\{\{[ ]?[\p{L}_][\p{L}\p{N}_. ]*[ ]?\}\}|\{(?:\p{Lu}[\p{L}\p{N}_]*|[\p{L}\p{N}]*_[\p{L}\p{N}_]*)\}"
)
# What may stand right before a brace that is LaTeX or shell, not spintax.
# Searched right to left: only a match that ends at the brace counts, and a
# forward search tries every position of the window first (3x slower).
_NOT_SPIN_BEFORE = regex.compile(r"(?:[\p{L}\p{N}\\^_$}%#@/.\-]|\\[A-Za-z]+\*?[ ]*)\Z", regex.REVERSE)
# What may stand right after: a path, a file suffix or an identifier
# ("{type}.cfg", "{name}_v2", "{dir}/file") makes the braces a template of
# code. Letters may follow: "{|very }long" is spintax glued to its word.
_NOT_SPIN_AFTER = regex.compile(r"[\p{N}_{/\\\-]|\.\p{L}")


FAILS = [
    ("The {quick|fast|rapid} rise of prices.", "The quick rise of prices."),
    ("The army bought new {hardware} this year.", "The army bought new hardware this year."),
    ("Talks {broke down|collapsed} on {Monday|Tuesday}.", "Talks broke down on Monday."),
    ("A {|very }long meeting.", "A very long meeting."),
    ("Nested {big {deal|bargain}|pact}.", "Nested big deal."),
    # Unfilled placeholders: flagged, nothing to apply.
    ("Hotels in {{city}} are full.", "Hotels in {{city}} are full."),
    ("Best deals for {City_Name} now.", "Best deals for {City_Name} now."),
]
PASSES = [
    r"The formula \frac{a}{b} and \textbf{bold} and x^{2}.",
    'A JSON object {"a": 1} and CSS {color: red}.',
    "The set {x | x > 0} and the regex a{2,3}.",
    "Shell ${HOME} and a {2024} label.",
    "Plain prose without any braces.",
    "Options {a, b, c} listed as a set.",
]


def check(doc, settings) -> Iterator:
    text = doc.text
    brace = text.find("{")
    if brace < 0:  # the common case: nothing to scan
        return
    # Every pattern below starts with a brace, so the scans start at the first one.
    taken: list[tuple[int, int]] = []
    # Spintax has a "|"; without one, skip the scan.
    for m in doc.finditer(_SPINTAX_RE, brace) if "|" in text else ():
        if _glued_to_code(text, m.start(), m.end()):
            continue
        if text[m.start() - 1 : m.start()] == "{" and text[m.end() : m.end() + 1] == "}":
            continue  # "{{ name|upper }}": a template filter, not nested spintax
        alternatives = [a.strip() for a in m.group(1).split("|")]
        start, end = m.span()
        # "{|very }long": the alternatives carried the space that separates
        # the group from a glued neighbour; put it back around the choice.
        lead = " " if start and text[start - 1].isalnum() else ""
        trail = " " if end < len(text) and text[end].isalnum() else ""
        options = _dedupe(lead + a + trail for a in alternatives if a)
        if not options:
            continue
        yield META.edit(
            start,
            end,
            f"Spintax left in the text: {m.group()} (choose one alternative)",
            options,
            FixKind.SUGGESTED,
            data={"alternatives": len(alternatives)},
        )
        taken.append((start, end))
    if text.count("{") == len(taken):
        # Every brace opens reported spintax, and the patterns below need a
        # brace that does not: an alternative holds no braces, so the first
        # "}" after a spintax brace comes after its "|".
        return
    for m in doc.finditer(_WRAPPED_WORD_RE, brace):
        if _inside(m, taken) or _glued_to_code(text, m.start(), m.end()):
            continue
        if text[m.start() - 1 : m.start()] == "{" or text[m.end() : m.end() + 1] == "}":
            continue  # "{{city}}": an unfilled placeholder, reported below
        if _in_format_string(text, m.start(), m.end()):
            continue
        yield META.edit(
            m.start(), m.end(), f"Template braces left around \"{m.group(1)}\"", m.group(1), FixKind.SUGGESTED
        )
        taken.append(m.span())
    for m in doc.finditer(_PLACEHOLDER_RE, brace):
        if _inside(m, taken) or _glued_to_code(text, m.start(), m.end()):
            continue
        if m.group().startswith("{{") and doc.markdown:
            continue  # site templates (Jinja, Hugo, Liquid) live in Markdown sources
        if not m.group().startswith("{{") and _in_format_string(text, m.start(), m.end()):
            continue
        yield META.edit(m.start(), m.end(), f"Unfilled template placeholder {m.group()}", None, FixKind.NONE)


def _in_format_string(text: str, start: int, end: int) -> bool:
    """True when a quote or a glued letter sits next to the braces."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool((before and before in _CODE_QUOTES) or (after and (after in _CODE_QUOTES or after.isalpha())))


def _glued_to_code(text: str, start: int, end: int) -> bool:
    """True when the braces sit inside a path, a LaTeX command or an identifier."""
    return bool(
        _NOT_SPIN_BEFORE.search(text, max(0, start - 20), start) or _NOT_SPIN_AFTER.match(text, end)
    )


def _dedupe(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _inside(m: regex.Match, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start() and m.end() <= e for s, e in spans)
