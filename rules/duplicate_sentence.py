"""A sentence repeated straight after itself within a paragraph.

What it does:
    Flags a sentence of four or more words that is followed, after spaces,
    by exactly the same sentence, and deletes the second copy.

Why it's a problem:
    Scrapers that merge a page's text nodes, and spinners that re-emit a
    sentence they failed to rewrite, leave the same sentence twice in a row.
    Readers take it for a production error.

Example:
    "Lavrov arrived on Wednesday. Lavrov arrived on Wednesday. He left."
    becomes "Lavrov arrived on Wednesday. He left."

Fix safety:
    Safe when the repeated sentence has eight words or more: a long
    sentence is not repeated word for word on purpose. Shorter ones are
    suggestions, because a writer may repeat a short line for effect
    ("We will fight. We will fight.") and only a person can tell.
    Sentences under four words are not flagged at all.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, compress, count, repeat
from operator import add, eq, not_
from typing import NamedTuple

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL203", "duplicate-sentence", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

# Where a sentence may end: spaces after sentence punctuation or a closing
# quote or bracket, or a line break. Abbreviations ("Mr.") end a segment too,
# so up to three segments are compared as one sentence.
# The text is cut with one split in C. The pattern opens with a character
# set, so the scan skips most of the text; that is why the mark is matched
# with its spaces (the segment gets it back below) rather than looked behind
# for. Line breaks in a row are one boundary (blank lines make no empty
# segments), told from a mark and its spaces by being all whitespace.
_BOUNDARY = re.compile(r"([.!?…\"”’')\]\r\n](?:(?<=[\r\n])[\r\n]*|[ \t\u00a0]+))")
_MARKS = ".!?…\"”’')]"
_SENTENCE = re.compile(r"[^\W_\d]|[\d\"“‘'(]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\Z")
_MAX_SEGMENTS = 3
_MIN_WORDS = 4
_SAFE_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


class _Segments(NamedTuple):
    """The text between boundaries, each with the mark before its boundary.

    Built by C-level passes over the split, not a Python step per segment.
    A segment may be empty (at the start of the text, or between a mark's
    spaces and a line break); it is never compared.
    """

    starts: list[int]
    ends: list[int]
    lines: list[int]
    """Counts line breaks, so a comparison never spans two lines."""


def _segments(parts: list[str]) -> _Segments:
    """The segments of a text from its split by _BOUNDARY."""
    bounds = list(accumulate(map(len, parts), initial=0))
    breaks = list(map(str.isspace, parts[1::2]))
    # A boundary that is not all whitespace is a mark and its spaces: the
    # mark ends the segment before it.
    marks = chain(map(not_, breaks), (False,))
    ends = list(map(add, bounds[1::2], marks))
    lines = list(accumulate(breaks, initial=0))
    return _Segments(bounds[0::2], ends, lines)


def _candidates(parts: list[str]) -> list[int]:
    """Indices of the segments that equal one of the next few on their line.

    A repeat starts only at such a segment: its copy is cut into segments the
    same way as the original, so the copy's first segment repeats the
    original's first one, at most _MAX_SEGMENTS on. Most texts have none, and
    equal strings are found in C.
    """
    # The split leaves a segment without the mark before its boundary, while
    # a segment at the end of a line keeps it: compare without either.
    keys = list(map(str.rstrip, parts[0::2], repeat(_MARKS)))
    found = set()
    lines = None
    for k in range(1, _MAX_SEGMENTS + 1):
        for i in compress(count(), map(eq, keys, keys[k:])):
            if lines is None:  # only for the few equal pairs (a paragraph repeated on another line)
                lines = list(accumulate(map(str.isspace, parts[1::2]), initial=0))
            if lines[i] == lines[i + k]:
                found.add(i)
    return sorted(found)


FAILS = [
    (
        "Lavrov arrived on Wednesday. Lavrov arrived on Wednesday. He left.",
        "Lavrov arrived on Wednesday. He left.",
    ),
    (
        "The two countries have signed a new arms deal this week. "
        "The two countries have signed a new arms deal this week.",
        "The two countries have signed a new arms deal this week.",
    ),
    ("Mr. Lavrov said no to them. Mr. Lavrov said no to them. Then", "Mr. Lavrov said no to them. Then"),
]
PASSES = [
    "No. No. No.",
    "He said no. She said yes.",
    "Lavrov arrived on Wednesday.\nLavrov arrived on Wednesday.",
    "Lavrov arrived on Wednesday. Lavrov arrived on Thursday.",
    "It rained. It rained again on Monday.",
]


def check(doc, settings):
    text = doc.text
    parts = _BOUNDARY.split(text)
    candidates = _candidates(parts)
    if not candidates:
        return
    starts, ends, lines = _segments(parts)
    n = len(starts)
    after = 0  # segments before this are the copy of a repeat already found
    for i in candidates:  # no other segment can start a repeat
        if i < after:
            continue
        for k in range(1, _MAX_SEGMENTS + 1):
            last = i + 2 * k - 1
            if last >= n or lines[last] != lines[i] or starts[last] == ends[last]:
                break  # past the line (an empty segment ends one)
            a0, a1 = starts[i], ends[i + k - 1]
            b0, b1 = starts[i + k], ends[last]
            if a1 - a0 != b1 - b0 or text[a0:a1] != text[b0:b1]:
                continue
            sentence = text[a0:a1]
            if not _SENTENCE.match(sentence) or not _ENDS_SENTENCE.search(sentence):
                continue
            if sentence[0].isalpha() and not sentence[0].isupper():
                continue
            words = len(_WORD.findall(sentence))
            if words < _MIN_WORDS:
                continue
            yield META.edit(
                a1,
                b1,
                f"Sentence repeated right after itself ({words} words): delete the copy",
                "",
                FixKind.SAFE if words >= _SAFE_WORDS else FixKind.SUGGESTED,
                data={"words": words},
            )
            after = last + 1  # the copy is handled; look for the next repeat after it
            break
