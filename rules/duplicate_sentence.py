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
from typing import NamedTuple

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL203", "duplicate-sentence", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

# Where a sentence may end: spaces after sentence punctuation or a closing
# quote or bracket, or a line break. Abbreviations ("Mr.") end a segment too,
# so up to three segments are compared as one sentence.
# The boundary is group 1 when a mark precedes it, else the whole match. The
# mark is matched rather than looked behind for: a pattern that opens with a
# character set is scanned for faster, and no boundary can hold a mark.
_BOUNDARY = re.compile(r"[.!?…\"”’')\]]([ \t\u00a0]+)|\r\n|\r|\n")
_SENTENCE = re.compile(r"[^\W_\d]|[\d\"“‘'(]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\Z")
_MAX_SEGMENTS = 3
_MIN_WORDS = 4
_SAFE_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


class _Segment(NamedTuple):
    start: int
    end: int
    line: int
    """Counts line breaks, so a comparison never spans two lines."""


def _segments(text: str) -> list[_Segment]:
    segments = []
    start = line = 0
    for m in _BOUNDARY.finditer(text):
        b0, b1 = m.span(1) if m.start(1) >= 0 else m.span()
        if b0 > start:
            segments.append(_Segment(start, b0, line))
        if text[b1 - 1] in "\r\n":
            line += 1
        start = b1
    if start < len(text):
        segments.append(_Segment(start, len(text), line))
    return segments


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
    segs = _segments(text)
    n = len(segs)
    i = 0
    while i < n:
        for k in range(1, _MAX_SEGMENTS + 1):
            last = i + 2 * k - 1
            if last >= n or segs[last].line != segs[i].line:
                break
            a0, a1 = segs[i].start, segs[i + k - 1].end
            b0, b1 = segs[i + k].start, segs[last].end
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
            i = last  # the copy is handled; look for the next repeat after it
            break
        i += 1
