"""A no-break, thin or other unusual space between two ordinary words.

What it does:
    Flags U+00A0 (no-break space), U+2000-U+200A (en, em, thin, hair and
    other fixed-width spaces), U+202F (narrow no-break space), U+205F, U+1680
    and U+3000 (ideographic space) standing between two words of Latin,
    Greek or Cyrillic script, alone or mixed with ordinary spaces, and
    replaces the run with one ordinary space.

    Left alone, because there the special space is typography, not damage:
    between a number and what follows it ("10\\u00a0km", "50\\u00a0%",
    "10\\u202f000"); after an abbreviation's period ("Mr.\\u00a0Lavrov",
    "p.\\u00a012"), while after a period that ends a sentence (a lower-case
    word of three letters or more that is not a known abbreviation) the
    space is flagged; after a title written without a period
    ("Mr\\u00a0Lavrov", "Dr\\u00a0Aung"); before a Roman numeral ("World
    War\\u00a0II"); around French guillemets and before French ":;!?" (no
    letter on one side); and between CJK characters, where U+3000 is the
    normal space.

Why it's a problem:
    Scraped HTML turns every "&nbsp;" into U+00A0 and copy-paste from PDFs
    brings thin spaces. They look like spaces, but search, word counts,
    spell checkers and the grammar pass treat "Min\\u00a0Aung" as one token,
    and they stop lines from wrapping.

Example:
    "Min\\u00a0Aung Hlaing" becomes "Min Aung Hlaing".

References:
    Unicode Standard, chapter 6.2 (space characters); The Chicago Manual of
    Style, 6.121 (special spaces).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import ABBREVIATIONS, present

META = RuleMeta("CL603", "non-breaking-space", "unicode", Severity.INFO, FixAvailability.ALWAYS)

# The odd spaces: U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000.
_ODD = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_SCRIPT = r"[\p{Latin}\p{Greek}\p{Cyrillic}]"


# The run: ordinary and odd spaces with at least one odd one. It is found
# from its first odd space (odd spaces are rare, so this is cheap) and grown
# over ordinary spaces on the left in Python.
@lru_cache(maxsize=None)
def _odd_run(odd: str) -> re.Pattern:
    """The run pattern for a text whose odd spaces are ``odd``.

    Most texts have one kind or none (an ``in`` test each proves which), and
    the stdlib engine scans for a single literal character several times
    faster than for the whole class; a run cannot hold an absent character.
    """
    odd = re.escape(odd)
    return re.compile(f"[{odd}][ {odd}]*")


# Before the run: a word (letters, or letters then a comma, semicolon or
# closing quote). After it: a letter or an opening quote or bracket, then a word.
_WORD_BEFORE = regex.compile(rf"(?<=(?P<word>{_SCRIPT}[\p{{L}}\p{{M}}]*)(?P<mark>[,;”’\"')\]]|\.)?)")
_WORD_AFTER = regex.compile(rf"[“‘\"'(\[]?(?P<next>{_SCRIPT}[\p{{L}}\p{{M}}]*)")
_TITLES = frozenset(
    "mr mrs ms mx dr st mt sir dame lord lady hon rev prof gen sen rep gov capt col lt sgt fr".split()
)
_ROMAN = regex.compile(r"[IVXLC]{1,6}")
_NAMES = {
    "\u00a0": "No-break space",
    "\u202f": "Narrow no-break space",
    "\u2009": "Thin space",
    "\u200a": "Hair space",
    "\u3000": "Ideographic space",
}

FAILS = [
    ("Min\u00a0Aung Hlaing", "Min Aung Hlaing"),
    ("the\u2009regime", "the regime"),
    ("the regime\u00a0\u00a0and Moscow", "the regime and Moscow"),
    ("Moscow, \u00a0Naypyitaw", "Moscow, Naypyitaw"),
    ("said\u3000“yes”", "said “yes”"),
    ("declined to comment.\u00a0The next round", "declined to comment. The next round"),
]
PASSES = [
    "10\u00a0km and 50\u00a0% and 10\u202f000 people",
    "Mr.\u00a0Lavrov and p.\u00a012 and approx.\u00a0ten at 9 a.m.\u00a0Monday",
    "Dr\u00a0Aung and World War\u00a0II",
    "« Bonjour\u00a0» et quoi\u202f?",
    "\u4e2d\u6587\u3000\u6587\u5b57",
    "\u00a0\u00a0indented with no-break spaces",
]


def check(doc, settings):
    text = doc.text
    odd = present(text, _ODD)
    if not odd:
        return
    for m in _odd_run(odd).finditer(text):
        start, end = m.span()
        while start > 0 and text[start - 1] == " ":
            start -= 1
        before = _WORD_BEFORE.match(text, start)
        after = _WORD_AFTER.match(text, end)
        if not before or not after or doc.is_protected(start, end):
            continue
        word = before.group("word")
        if word.lower() in _TITLES or _ROMAN.fullmatch(after.group("next")):
            continue
        if before.group("mark") == "." and not _ends_sentence(text, before.start() - 1, word):
            continue  # "Mr.\u00a0Lavrov", "p.\u00a012": the space binds an abbreviation
        odd = next(ch for ch in m.group() if ch != " ")
        what = _NAMES.get(odd, f"Unusual space U+{ord(odd):04X}")
        yield META.edit(start, end, f"{what} between words: use an ordinary space", " ", FixKind.SAFE)


def _ends_sentence(text: str, period: int, word: str) -> bool:
    """True when the period at ``period`` ends a sentence rather than an
    abbreviation: the word before it is lower case, three letters or more,
    not a known abbreviation and not part of a dotted one ("a.m.")."""
    start = period - len(word)
    return (
        word.islower()
        and len(word) >= 3
        and word not in ABBREVIATIONS
        and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "."))
    )
