"""Which lines a regular expression can match at all, read from its parse tree.

Not a rule (the leading underscore keeps it out of ``ALL_RULES``). The
boilerplate rule joins every pattern into one alternation and fullmatches it
against each short line; most lines are prose that no pattern matches, and
the alternation fails on them only after trying every pattern. A
:class:`Gate` says what a line needs for one pattern to match it (a first
character, a rare mark), so each line is tried against the few patterns
left. The answers may only be too generous, never too strict: anything the
analysis does not know is "any", which only costs speed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

try:  # the standard library engine's parser: private, so it may move
    from re import _constants as _sre
    from re import _parser
except ImportError:  # then every gate is "any": slower, never wrong
    _sre = _parser = None

_ASCII = [chr(i) for i in range(128)]
_CATEGORIES = {} if _sre is None else {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = () if _sre is None else (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_COMMON_MARKS = frozenset(".,;!?'\"()-’‘“”")
"""Too common in prose to say anything about a line."""


def _char_class(op, av) -> str | None:
    """A node that matches one character, written as a pattern; None if unknown."""
    if op is _sre.LITERAL:
        return "\\U%08x" % av
    if op is _sre.NOT_LITERAL:
        return "[^\\U%08x]" % av
    if op is _sre.ANY:
        return "."
    if op is not _sre.IN:
        return None
    items = []
    for item, arg in av:
        if item is _sre.NEGATE:
            items.append("^")
        elif item is _sre.LITERAL:
            items.append("\\U%08x" % arg)
        elif item is _sre.RANGE:
            items.append("\\U%08x-\\U%08x" % arg)
        elif item is _sre.CATEGORY and arg in _CATEGORIES:
            items.append(_CATEGORIES[arg])
        else:
            return None
    return "[" + "".join(items) + "]"


def _first_chars(nodes) -> tuple[frozenset[str] | None, bool]:
    """The ASCII characters a match of ``nodes`` can start with (None: any),
    and whether it can be empty."""
    found: set[str] = set()
    for op, av in nodes:
        pattern = _char_class(op, av)
        if pattern is not None:
            # Ask the engine, with the flag the patterns are compiled with,
            # rather than reimplement case folding (and re.S: a dot may stand
            # under (?s:...), and admitting more is safe).
            one = re.compile(pattern, re.I | re.S)
            return frozenset(found.union(filter(one.fullmatch, _ASCII))), False
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: passing over it can only admit more
        if op is _sre.SUBPATTERN:
            chars, empty = _first_chars(av[-1])
        elif op is _sre.ATOMIC_GROUP:
            chars, empty = _first_chars(av)
        elif op in _REPEATS:
            chars, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        elif op is _sre.BRANCH:
            chars, empty = frozenset(), False
            for alternative in av[1]:
                more, more_empty = _first_chars(alternative)
                if more is None:
                    return None, True
                chars, empty = chars | more, empty or more_empty
        else:
            return None, True
        if chars is None:
            return None, True
        found |= chars
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _is_rare_mark(code: int) -> bool:
    # Caseless, so the compiled expression matches it exactly under re.I.
    ch = chr(code)
    return not ch.isalnum() and not ch.isspace() and ch not in _COMMON_MARKS and ch.lower() == ch == ch.upper()


def _needed_marks(nodes) -> frozenset[str] | None:
    """Rare characters one of which every match of ``nodes`` holds, or None."""
    best = None
    for op, av in nodes:
        marks = None
        if op is _sre.LITERAL:
            marks = frozenset(chr(av)) if _is_rare_mark(av) else None
        elif op is _sre.IN:
            if all(item is _sre.LITERAL and _is_rare_mark(arg) for item, arg in av):
                marks = frozenset(chr(arg) for _, arg in av)
        elif op is _sre.SUBPATTERN:
            marks = _needed_marks(av[-1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            marks = _needed_marks(av[2])
        elif op is _sre.BRANCH:
            each = [_needed_marks(alternative) for alternative in av[1]]
            marks = None if None in each else frozenset().union(*each)
        if marks and (best is None or len(marks) < len(best)):
            best = marks
    return best


class Gate(NamedTuple):
    """What a line needs for one expression to match it."""

    first: frozenset[str] | None
    """The ASCII characters it can start with; None: any."""
    marks: frozenset[str] | None
    """Rare characters one of which it must hold; None: none needed."""

    @classmethod
    def of(cls, expression: str) -> Gate:
        if _parser is None:
            return cls(None, None)
        try:
            tree = _parser.parse(expression, re.I)
            return cls(_first_chars(tree)[0], _needed_marks(tree))
        except Exception:  # an internal module that may change: never let it fail a check
            return cls(None, None)

    def admits(self, first: str, marks: str) -> bool:
        """Whether a line starting with ``first`` and holding ``marks`` (of the
        rare ones) can match."""
        return (self.first is None or first in self.first) and (self.marks is None or not self.marks.isdisjoint(marks))
