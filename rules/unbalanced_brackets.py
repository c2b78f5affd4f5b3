"""A bracket with no partner in its paragraph: "(ASEAN).ASEAN)." or "(since 2013".

What it does:
    Pairs round, square and curly brackets within each paragraph and flags
    every closing bracket with no opening one and every opening bracket that
    is never closed. List markers ("1)", "b)", "iv)") and emoticons (":)",
    ";-(") are not brackets and are skipped; so are brackets in code, URLs
    and other protected regions.

Why it's a problem:
    An unpaired bracket is the usual trace of a fragment that a scraper or
    spinner duplicated or cut ("(ECOWAS).ECOWAS)."): the text around it is
    damaged, and only a person can say what it said.

Example:
    "leaders of the Economic Community of West African States
    (ECOWAS).ECOWAS)." is flagged at the second ")".

References:
    The Chicago Manual of Style, 6.97 (parentheses) and 6.99 (brackets).
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import regex

from cleaner.edits import Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import offsets_of, paragraphs_of

META = RuleMeta("CL505", "unbalanced-brackets", "punctuation", Severity.WARNING, FixAvailability.NEVER)

_BRACKETS = "()[]{}"
# A Markdown link target, as cleaner.document protects it.
_LINK_TARGET = regex.compile(r"\]\([^)\s]*(?:\s\"[^\"]*\")?\)")
_PARTNER = {")": "(", "]": "[", "}": "{"}
# "1)", "b)", "iv)" at the start of a line or after a space: a list marker.
_ENUMERATOR = regex.compile(r"(?<![^\s(])(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})\)$")
# ":)", ";-(", "=]": faces, not brackets ("8)" is too often a number).
_EMOTICON = regex.compile(r"[:;=][\-^o']?$")
# What can stand right before the bracket when _EMOTICON matches (its "$"
# also matches before a final "\n"): only after one of them is it worth asking.
_EMOTICON_ENDS = frozenset(":;=-^o'\n")

FAILS = [
    (
        "the Economic Community of West African States (ECOWAS).ECOWAS). Mali was absent.",
        "the Economic Community of West African States (ECOWAS).ECOWAS). Mali was absent.",
    ),
    ("Lavrov visited Naypyitaw (his second trip since 2013.", "Lavrov visited Naypyitaw (his second trip since 2013."),
    ("a list [of names) here", "a list [of names) here"),
]
PASSES = [
    "Moscow (and Beijing) blocked the motion [at the UN].",
    "Steps:\n1) meet\n2) talk\nb) leave",
    "Great news :) and bad news :-(",
    "A quote spans (one line\nand the next) in one paragraph.",
    "See [the report](https://example.com/report_(final)) today.",
]


class _Open(NamedTuple):
    """An opening bracket waiting for its partner."""

    char: str
    offset: int


def check(doc, settings):
    text = doc.text
    targets = _link_targets(doc)
    paragraphs = paragraphs_of(doc)
    stack: list[_Open] = []
    current = 0
    protected = bool(doc.protected)
    for i in offsets_of(text, _BRACKETS):
        k = paragraphs.index(i)
        if k != current:
            # Brackets pair within a paragraph: what is open at its end stays unclosed.
            for o in stack:
                yield _never_closed(o)
            stack, current = [], k
        if protected and doc.is_protected(i) and not _inside(targets, i):
            continue
        ch = text[i]
        if i and text[i - 1] in _EMOTICON_ENDS and _EMOTICON.search(text, max(0, i - 2), i):
            continue
        if ch in "([{":
            stack.append(_Open(ch, i))
            continue
        want = _PARTNER[ch]
        if stack and stack[-1].char == want:
            stack.pop()
        elif any(o.char == want for o in stack):
            # "( [ )": the "[" between is the unclosed one.
            while stack[-1].char != want:
                yield _never_closed(stack.pop())
            stack.pop()
        elif ch == ")" and _ENUMERATOR.search(text, max(0, i - 8), i + 1):
            continue
        else:
            yield META.edit(i, i + 1, f"{ch!r} has no matching {want!r} in this paragraph")
    for o in stack:
        yield _never_closed(o)


def _never_closed(o: _Open):
    partner = {v: k for k, v in _PARTNER.items()}[o.char]
    return META.edit(o.offset, o.offset + 1, f"{o.char!r} is never closed with {partner!r} in this paragraph")


def _link_targets(doc) -> list[tuple[int, int]]:
    """The "](target)" regions of a Markdown text, sorted.

    They are protected (no rule may edit a link target), but their brackets
    count: the "]" closes the visible "[text" before it, and a target's own
    brackets ("report_(final)") pair with each other.
    """
    if not doc.markdown:
        return []
    return [m.span() for m in _LINK_TARGET.finditer(doc.text)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]
