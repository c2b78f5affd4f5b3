"""A fragment the scraper glued on again right after itself, across punctuation.

What it does:
    Looks at every point where punctuation is followed by a letter, digit or
    opening bracket with no space between (``ASEAN).ASEAN``). When the text
    just before that point ends with a fragment and the text just after it
    starts with the very same fragment, the second copy is a duplicate:
    ``(ASEAN).ASEAN).`` becomes ``(ASEAN).``. A word repeated around a full
    stop (``said.said``, ``2023.2023``) is flagged too, with the second copy
    removed as a suggestion.

Why it's a problem:
    Scrapers that stitch a page from overlapping text nodes repeat the tail
    of one node at the start of the next. The result reads as a typo, and
    the grammar pass sees a garbled word where there is none.

Example:
    ``Southeast Asian Nations (ASEAN).ASEAN). Myanmar`` becomes
    ``Southeast Asian Nations (ASEAN). Myanmar``.

Fix safety:
    Safe when a whole fragment that ends in punctuation is repeated exactly,
    with nothing between the copies: no sentence is written that way, and
    deleting one copy loses nothing. A bare word repeated around a full stop
    (``said.said``) is only suggested, because the second word might open a
    sentence that lost its space ("He said.Said the minister ..."). Version
    numbers and decimals (``10.10``, ``1.1.1``) are left alone.

References:
    Compare the "repeated word" checks of proofreading tools, which look
    only at words separated by spaces and so miss these.
"""

from __future__ import annotations

import re

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import present

META = RuleMeta("CL201", "duplicate-fragment", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

# The join point: punctuation, then (no space) what could start a repeated copy.
# (The stdlib engine: these run over the whole text and it is faster here.)
# One pattern per mark: the engine finds a literal first character several
# times faster than a class such as "[.!?,]", which it tests at every
# position, and a mark absent from the text costs one `in` test.
_GLUE_MARKS = ".!?)]\"”’;:,"
_GLUE = {mark: re.compile(re.escape(mark) + r"(?=[^\W_]|[(\[“\"])") for mark in _GLUE_MARKS}
# A bare word or a year repeated around a full stop: "said.said", "2023.2023".
# Digits must be a four-digit year; shorter numbers are decimals or versions.
# Matched only at a glue point, never scanned over the whole text.
# Matched backwards, on the reversed text before the stop: a search for
# r"(?:[^\W\d_]{2,}|\d{4})\.\Z" would try every start in reach.
_WORD_REVERSED = re.compile(r"[^\W\d_]{2,}|\d{4}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MAX_FRAGMENT = 120
"""Longest fragment compared, in code points: scrapers repeat a text node's
tail, which is a few words, never a paragraph."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "\u2019'"


def _repeated_length(text: str, glue: int) -> int:
    """Length of the longest fragment that ends at ``glue`` and starts again there.

    The first copy must begin at a word boundary and the second must end at
    one, and the fragment must hold at least two letters or digits, so that
    "U.S." or "p.m." are never read as a repeat.
    """
    # The fragment ends with the two characters before the glue (a letter
    # or so, then the punctuation), so its copy ends with them too: only
    # their few occurrences after the glue can end a copy, and most glue
    # points have none in reach. Tried from the longest, the first copy that
    # passes is the answer.
    if glue < 2:
        return 0
    tail = text[glue - 2 : glue]
    stop = glue + min(_MAX_FRAGMENT, glue, len(text) - glue)
    while True:
        found = text.rfind(tail, glue, stop)
        if found < 0:
            return 0
        stop = found + 1  # the next try ends before this one
        length = found + 2 - glue
        start = glue - length
        if text[start:glue] != text[glue : glue + length]:
            continue
        # Both copies must stand alone: "example.example.org" is a name.
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        after = glue + length
        if after < len(text) and _is_word_char(text[after]):
            continue
        fragment = text[start:glue]
        if sum(map(str.isalnum, fragment)) < 2:
            continue
        # "10.10." is a number; only words and years repeat this way.
        if not any(map(str.isalpha, fragment)) and not _YEAR.search(fragment):
            continue
        return length


FAILS = [
    (
        "Southeast Asian Nations (ASEAN).ASEAN). Myanmar",
        "Southeast Asian Nations (ASEAN). Myanmar",
    ),
    ("The minister said.said.", "The minister said."),
    ("It ends in 2023.2023 and then", "It ends in 2023. and then"),
    ("He left on Monday.on Monday. Then", "He left on Monday. Then"),
    ("the talks (in Phnom Penh).(in Phnom Penh). Next", "the talks (in Phnom Penh). Next"),
]
PASSES = [
    "The U.S. and the U.K. met at 10 a.m. on Monday.",
    "Version 10.10 replaced 1.1.1 and 2.2.",
    "The score was 3.3 per cent, the same as in 2023.",
    "He said: said is a verb.",
    "www.example.com and example.example.org",
    "It was version 10.10.",
    "Sales rose (slightly).Slightly is an understatement.",
]


def check(doc, settings):
    text = doc.text
    # Not doc.finditer(): protected regions are asked about only where a
    # finding would be made, and most glue points make none.
    for glue in _glue_points(text):
        # The edit spans the punctuation at the glue too and puts it back:
        # a rule that would insert a space after that punctuation then
        # overlaps this edit instead of leaving a space before the deleted copy.
        mark = text[glue - 1]
        # A cheap test first: a copy ends with the two characters before the
        # glue, and most glue points (possessives, quotes) have none in reach.
        if mark != "." and text.rfind(text[max(0, glue - 2) : glue], glue, glue + _MAX_FRAGMENT) < 0:
            continue
        length = _repeated_length(text, glue)
        if length:
            if doc.is_protected(glue - 1, glue):
                continue
            fragment = text[glue : glue + length]
            yield META.edit(
                glue - 1,
                glue + length,
                f"Fragment {fragment!r} is repeated right after itself: delete the copy",
                mark,
                FixKind.SAFE,
                data={"fragment": fragment},
            )
            continue
        word = _word_across_stop(text, glue) if mark == "." else None
        if word and not doc.is_protected(glue - 1, glue):
            yield META.edit(
                glue - 1,
                glue + len(word),
                f"{word!r} is repeated across a full stop: delete the copy",
                mark,
                FixKind.SUGGESTED,
                data={"fragment": word},
            )


def _glue_points(text: str) -> list[int]:
    """The end of each join point, in order.

    The scans for each mark together find what one scan for any mark would:
    a join point is one character, so no two overlap and each is found.
    """
    points: list[int] = []
    for mark in present(text, _GLUE_MARKS):
        points += map(_END, _GLUE[mark].finditer(text))
    points.sort()
    return points


_END = re.Match.end


def _word_across_stop(text: str, glue: int) -> str | None:
    """The word in "said.said" or the year in "2023.2023" at ``glue``, else None."""
    if text[glue - 1] != ".":
        return None
    # The copy after the stop ends with the word's last two characters: a
    # quick find rules out most stops before the word is read.
    if text.find(text[max(0, glue - 3) : glue - 1], glue, glue + 40) < 0:
        return None
    # The word: all the letters (two or more) or four digits before the stop,
    # within 40 characters of the glue.
    m = _WORD_REVERSED.match(text[max(0, glue - 40) : glue - 1][::-1])
    if m is None:
        return None
    start = glue - 1 - m.end()
    word = text[start : glue - 1]
    before = text[start - 1] if start > 0 else " "
    if before.isalnum() or before in ".'’":
        return None
    if not text.startswith(word, glue):
        return None
    after = glue + len(word)
    # "example.example.org" is a name: the copy must not run on.
    if text[after : after + 1].isalnum() or (text[after : after + 1] == "." and text[after + 1 : after + 2].isalnum()):
        return None
    return word
