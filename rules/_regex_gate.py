"""Which lines a regular expression can match at all, read from its parse tree.

Not a rule (the leading underscore keeps it out of ``ALL_RULES``). The
boilerplate rule joins every pattern into one alternation and fullmatches it
against each short line; most lines are prose that no pattern matches, and
the alternation fails on them only after trying every pattern. A
:class:`Gate` says what a line needs for one pattern to match it (how it
starts, a rare mark), so each line is tried against the few patterns left,
and most prose lines against none. The answers may only be too generous,
never too strict: anything the analysis does not know is "any", which only
costs speed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

try:  # the standard library engine's parser: private, so it may move
    from re import _constants as _sre
    from re import _parser
except ImportError:  # then every gate is "any": slower, never wrong
    _sre = _parser = None

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


PREFIX = 3
"""How many first characters of a line a gate looks at. Three tell prose
from furniture ("the" admits no expression, "th" one for "this site uses
cookies"); each new start a process meets costs one look at the gates."""

_MAX_STARTS = 400
"""More possible starts than this and the expression admits any line."""


def _starts(nodes, flags: int = re.I) -> frozenset[tuple[str, ...]] | None:
    """How the matches of ``nodes`` start: their first PREFIX characters,
    each as a one-character pattern; a shorter tuple is a whole match. None: any.

    An expression can match a line only if one of the tuples matches the
    line's first PREFIX characters (all of them, for a shorter line).
    ``flags``: those in force (re.I, re.A) where ``nodes`` stand.
    """
    found = frozenset({()})
    for op, av in nodes:
        if all(len(start) == PREFIX for start in found):
            break  # every start is complete: the rest of the expression cannot narrow it
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: passing over it can only admit more
        pattern = _char_class(op, av)
        if pattern is not None:
            more = frozenset({(_in_scope(pattern, flags),)})
        elif op is _sre.SUBPATTERN:
            _, on, off, inner = av  # a group's own flags, as in (?-i:...) or (?a:...); (?u:...) undoes re.A
            more = _starts(inner, (flags | on) & ~off & ~(re.A if on & re.U else 0))
        elif op is _sre.ATOMIC_GROUP:
            more = _starts(av, flags)  # it only ever matches less than the plain group
        elif op in _REPEATS:
            more = _repeated(*av, flags)
        elif op is _sre.BRANCH:
            alternatives = [_starts(alternative, flags) for alternative in av[1]]
            more = None if None in alternatives else frozenset().union(*alternatives)
        else:
            return None
        if more is None:
            return None
        found = _then(found, more)
        if len(found) > _MAX_STARTS:
            return None
    return found


def _in_scope(pattern: str, flags: int) -> str:
    """``pattern`` with the flags that change what one character it matches
    (the gates are compiled with re.I, and re.S only admits more)."""
    scope = ("a" if flags & re.A else "") + ("" if flags & re.I else "-i")
    # Case-sensitive "[^a]" matches "A", which the re.I form would miss.
    return f"(?{scope}:{pattern})" if scope else pattern


def _then(first, then) -> frozenset[tuple[str, ...]]:
    """The starts of ``first`` followed by ``then``."""
    return frozenset((a + b)[:PREFIX] if len(a) < PREFIX else a for a in first for b in then)


def _repeated(least: int, most: int, nodes, flags: int) -> frozenset[tuple[str, ...]] | None:
    """The starts of ``least`` to ``most`` repetitions of ``nodes``."""
    one = _starts(nodes, flags)
    if one is None:
        return None
    found: frozenset[tuple[str, ...]] = frozenset()
    current, count = frozenset({()}), 0  # the starts of exactly ``count`` repetitions
    while True:
        if count >= least:
            found |= current
        if count == most:
            return found
        following = _then(current, one)
        if following == current:  # more repetitions change nothing
            return found | current
        if count >= least and following <= found:
            # Then no later count adds anything either: its starts are those
            # of counts already in ``found``, one repetition on.
            return found
        current, count = following, count + 1
        if len(current) > _MAX_STARTS:
            return None


def _compiled(starts: frozenset[tuple[str, ...]] | None) -> re.Pattern | None:
    if starts is None:
        return None
    # Ask the engine, with the flag the patterns are compiled with, rather
    # than reimplement case folding (and re.S: a dot may stand under
    # (?s:...), and admitting more is safe). An empty tuple is an empty
    # alternative: it matches an empty line.
    return re.compile("|".join("".join(start) for start in sorted(starts)) if starts else "(?!)", re.I | re.S)


def _is_rare_mark(code: int) -> bool:
    # Caseless, so the compiled expression matches it exactly under re.I;
    # and not a combining mark, the only kind that case folding adds ("İ"
    # folds to "i" and U+0307): a line's marks are then marks of its text.
    ch = chr(code)
    return (
        not ch.isalnum()
        and not ch.isspace()
        and ch not in _COMMON_MARKS
        and ch.lower() == ch == ch.upper()
        and not unicodedata.category(ch).startswith("M")
    )


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

    first: re.Pattern | None
    """Matches the first character of every line the expression can match
    ("" for an empty one); None: any."""
    starts: re.Pattern | None
    """Matches the first PREFIX characters of every line the expression can
    match (all of a shorter line); None: any."""
    marks: frozenset[str] | None
    """Rare characters one of which it must hold; None: none needed."""

    @classmethod
    def of(cls, expression: str) -> Gate:
        if _parser is None:
            return cls(None, None, None)
        try:
            tree = _parser.parse(expression, re.I)
            starts = _starts(tree, tree.state.flags)
            first = None if starts is None else frozenset(start[:1] for start in starts)
            return cls(_compiled(first), _compiled(starts), _needed_marks(tree))
        except Exception:  # an internal module that may change: never let it fail a check
            return cls(None, None, None)

    def admits(self, start: str, marks: str) -> bool:
        """Whether a line whose first PREFIX characters are ``start`` and
        that holds ``marks`` (of the rare ones) can match."""
        return self.admits_first(start[:1]) and self.admits_start(start) and self.admits_marks(marks)

    def admits_first(self, first: str) -> bool:
        """Whether a line starting with the character ``first`` can match."""
        return self.first is None or self.first.fullmatch(first) is not None

    def admits_start(self, start: str) -> bool:
        """Whether a line starting with ``start`` (PREFIX characters, or all of the line) can match."""
        return self.starts is None or self.starts.fullmatch(start) is not None

    def admits_marks(self, marks: str) -> bool:
        """Whether a line holding ``marks`` (the rare ones it holds, or more) can match."""
        return self.marks is None or not self.marks.isdisjoint(marks)
