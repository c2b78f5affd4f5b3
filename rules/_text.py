"""Cheap whole-text scans that several punctuation rules share.

Not a rule (the leading underscore keeps it out of ``ALL_RULES``).
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache
from typing import Iterable, Iterator

# One or more blank (or whitespace-only) lines: what separates paragraphs, as
# in Document.paragraphs. The standard-library engine is used because this
# runs over every text and it is several times faster than `regex` here.
# A pattern that starts with a literal "\n" is an order of magnitude faster
# than one that starts with an alternation; old Mac "\r" texts get their own.
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
_BLANK_LINES_CR = re.compile(r"\r[^\S\r]*\r\s*")


def paragraphs_of(doc) -> Paragraphs:
    """The :class:`Paragraphs` of ``doc.text``, built once per Document.

    Three punctuation rules index every document's paragraphs; a Document's
    text never changes, so they share one index. Weak keys: the index goes
    when the document does.
    """
    found = _BY_DOCUMENT.get(doc)
    if found is None:
        found = _BY_DOCUMENT[doc] = Paragraphs(doc.text)
    return found


class Paragraphs:
    """Which paragraph an offset is in, without walking the paragraphs.

    Args:
        text: the document's text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        blank = _BLANK_LINES if "\n" in text or "\r" not in text else _BLANK_LINES_CR
        self.starts = [0, *map(re.Match.end, blank.finditer(text))]
        """Offset where each paragraph (or the blank run before it) begins."""

    def index(self, offset: int) -> int:
        """The 0-based paragraph that holds ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def first_char(self, k: int) -> str:
        """The first non-space character of paragraph ``k`` ("" past the end)."""
        if k >= len(self.starts):
            return ""
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[k] : end].lstrip()[:1]


_BY_DOCUMENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# Finding characters. The standard-library engine scans for one literal
# character about ten times faster than for a character class (the class is
# tested at every position), and ``ch in text`` (a memchr) is faster still.
# So a few rare characters are found one at a time and merged.
START = re.Match.start
"""``map(START, pattern.finditer(text))``: where the matches start, without a Python step per match."""


@lru_cache(maxsize=None)
def _literal(ch: str) -> re.Pattern:
    return re.compile(re.escape(ch))


def present(text: str, chars: str) -> str:
    """The characters of ``chars`` that occur in ``text`` (one test each)."""
    # ``ch in text`` is a memchr for the character's low byte. For U+2000 or
    # U+3000 that byte is 0, which is in nearly every character of a UCS-2
    # string, so CPython falls back to a plain loop; str.count's loop over
    # the same characters is about twice as fast.
    return "".join([ch for ch in chars if (text.count(ch) if ord(ch) & 0xFF == 0 else ch in text)])


def offsets_of(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence in ``text`` of a character of ``chars``."""
    found: list[int] = []
    chars = present(text, chars)
    for ch in chars:
        found += map(START, _literal(ch).finditer(text))
    if len(chars) > 1:
        found.sort()
    return found


def matches_at(doc, pattern, offsets: Iterable[int]) -> Iterator:
    """What ``doc.finditer(pattern)`` yields, for a pattern that can only
    start matching at one of ``offsets`` (sorted) and never matches empty.

    Only the candidates are tried: a match is looked for at each, and, as
    finditer does, candidates inside the previous match are passed over.
    Lookbehinds still see the text before the candidate.
    """
    text = doc.text
    resume = 0
    for i in offsets:
        if i < resume:
            continue
        m = pattern.match(text, i)
        if m is not None:
            resume = m.end()
            if not doc.is_protected(m.start(), resume):
                yield m


# Lower-case abbreviations that end with a period mid-sentence in good text.
ABBREVIATIONS = frozenset(
    """
    etc approx incl excl esp dept govt misc est vol vols fig figs ibid cit seq
    viz resp corp assn intl natl univ mins hrs yrs secs mos wks pts pct lbs
    ozs tbsp tsp sq cont ref refs div max min avg var ver rev repr trans
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun
    """.split()
)
