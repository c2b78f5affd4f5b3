"""A space before a comma, period, semicolon, colon, question or exclamation mark.

What it does:
    Flags one or more spaces between a word (or a number, a closing quote or
    bracket) and the punctuation mark that should touch it, "Myanmar , Russia"
    or "the meeting .", and deletes the spaces.

Why it's a problem:
    Spinners and machine translation tokenise punctuation as separate words
    and join the tokens back with spaces. The result reads as unedited copy,
    and a line break can strand the mark at the start of the next line.

Example:
    "Lavrov , the minister , arrived ." becomes "Lavrov, the minister, arrived."

Fix safety:
    Safe for commas, periods and semicolons. Suggested for colons, question
    and exclamation marks, because French typography puts a (narrow) space
    before them on purpose, and quoted French would be damaged. Ellipses
    (" ..."), decimals (" .5"), ratios ("3 : 1") and emoticons (" :)", " ;)") are not
    flagged. A mark followed directly by a letter (" .Updated") is the
    missing-space-after-punctuation rule's case: the space has to move, not go.

References:
    The Chicago Manual of Style, 6.7 (no space before punctuation in English);
    Imprimerie nationale, Lexique des règles typographiques (French spacing).
"""

from __future__ import annotations

import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import START

META = RuleMeta("CL501", "space-before-punctuation", "spacing", Severity.WARNING, FixAvailability.ALWAYS)

# What may stand before the stray space: the end of a word, a number, or a
# closing quote or bracket ("“pariah” ," is as wrong as "pariah ,").
_BEFORE = r"[\p{L}\p{M}\p{N}%”’\"')\]]"
# After the mark: a space, the end of the line or text, or a closing quote or
# bracket. A letter right after is the other rule's; a second mark (",,", " ...")
# is an ellipsis or stranded punctuation, not this.
_AFTER = r"(?=[\s”’\"')\]]|$)"
_SAFE_MARKS = regex.compile(
    rf"(?<={_BEFORE})[ \u00a0]+(?P<mark>,|;(?![)(])|\.(?!\.))" + _AFTER
)
# Colon, "?" and "!": not after a digit when a digit follows (ratios, scores
# "3 : 1"), and a colon followed by a bracket is a smiley (" :)").
_SUGGESTED_MARKS = regex.compile(
    rf"(?<={_BEFORE})(?<!\d[ ]*) +(?P<mark>[?!]+|:(?![)(\]\[]))(?=[\s”’\"')\]]|$)"
)

# A space right before a mark: rare in clean text, so a fast scan for it
# finds the few places worth the full patterns. One scan per kind of space:
# the stdlib engine scans for a literal first character several times faster
# than for a class such as "[ \u00a0]", and most texts have no U+00A0.
_CANDIDATES = {space: re.compile(space + r"[,;.:?!]") for space in " \u00a0"}

FAILS = [
    ("Lavrov , the minister , arrived .", "Lavrov, the minister, arrived."),
    ("the “pariah” states ; both", "the “pariah” states; both"),
    ("Who was the visitor ?", "Who was the visitor?"),
    ("Ukraine  , and", "Ukraine, and"),
]
PASSES = [
    "Lavrov, the minister, arrived.",
    "And so on ...",
    "a share of .5 percent",
    "won 3 : 1 at home",
    "good news :) and a wink ;)",
    "See example.com or .NET",
]


def check(doc, settings):
    text = doc.text
    candidates = []
    for space, scan in _CANDIDATES.items():
        if space in text:
            candidates += map(START, scan.finditer(text))
    candidates.sort()  # text order: findings come out in it
    for start in candidates:
        # Grow the run of spaces leftwards, then let the full patterns decide.
        while start > 0 and text[start - 1] in " \u00a0":
            start -= 1
        for pattern, fix in ((_SAFE_MARKS, FixKind.SAFE), (_SUGGESTED_MARKS, FixKind.SUGGESTED)):
            m = pattern.match(text, start)
            if m and not doc.is_protected(m.start(), m.end()):
                mark = m.group("mark")
                yield META.edit(m.start(), m.end(), f"Space before {mark!r}: delete it", mark, fix)
                break
