"""A double quote with no partner in its paragraph, or a single quote never closed.

What it does:
    Pairs the double quotation marks of each paragraph, curly (“ ”) and
    straight ("), and flags a closing mark with nothing open, and an opening
    mark that is not closed before the paragraph ends or before the next
    opening mark (English double quotes do not nest). A straight quote's role
    comes from its neighbours: after a space it opens, before a space or
    punctuation it closes. An opening curly single quote (‘) with no possible
    closing one (’ not inside a word) later in the paragraph is flagged too.

    Left alone: apostrophes (’ and ' inside or at the end of a word: "don’t",
    "countries’"), straight single quotes (too often apostrophes), decades
    ("‘90s"), inch marks (12"), a quotation that runs over several
    paragraphs (each paragraph opens with a quote mark and only the last one
    closes, as English typography does), and paragraphs quoted in other
    styles („…“, «…»).

Why it's a problem:
    A stray quote mark is the trace of a quotation that a scraper or spinner
    cut or duplicated ("support without conditions.” on Friday”."): the
    reader cannot tell who said what, and that is worse than a typo in news.

Example:
    "the envoy promised “support without conditions.” on Friday”." is
    flagged at the last ”.

References:
    The Chicago Manual of Style, 6.9 and 13.30 (quotation marks, multi-paragraph quotations).
"""

from __future__ import annotations

import weakref
from typing import Iterator, NamedTuple

import regex

from cleaner.edits import Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import Paragraphs, offsets_of, paragraphs_of, present

META = RuleMeta("CL506", "unbalanced-quotes", "punctuation", Severity.WARNING, FixAvailability.NEVER)

_DOUBLE = "“”\""
_SINGLE_OPEN = regex.compile(r"(?<![\p{L}\p{N}])‘(?!\d)")
# A ’ that can close a quotation: not followed by a letter ("don’t" is an apostrophe).
_SINGLE_CLOSE = regex.compile(r"’(?!\p{L})")
# Paragraphs to leave alone: other quote styles (German, French), and
# mojibake'd curly quotes ("â€œ"), which hide one partner of a pair; the
# mojibake rule reports those, and the balance is judged after its repair.
_OTHER_STYLES = regex.compile(r"[„«»]|â€")
# What _OTHER_STYLES needs ("€" for "â€"): most texts have none of these,
# and testing for each character is much cheaper than the scan.
_OTHER_STYLE_CHARS = "„«»€"
_OPENS_AFTER = set(" \t\r\n([{—–-/")
_CLOSES_BEFORE = set(" \t\r\n.,;:!?)]}—–-/…")

FAILS = [
    (
        "the envoy promised “support without conditions.” on Friday”.",
        "the envoy promised “support without conditions.” on Friday”.",
    ),
    ("He called it a “true friend and left.", "He called it a “true friend and left."),
    ('She said "we will stay and left.', 'She said "we will stay and left.'),
    ("They praised ‘strategic patience at the summit.", "They praised ‘strategic patience at the summit."),
]
PASSES = [
    "Lavrov called the junta a “reliable partner” on Monday.",
    'She said "we will stay" and left.',
    "The country’s officers and the countries’ envoys don’t agree.",
    "Music of the ‘90s and ‘neighboring countries’ too.",
    "A 12\" screen and a 15\" one.",
    "“The first paragraph of a long quote.\n\n“The second and last paragraph.”",
    "„Guten Tag“, sagte er.",
    "They wrote “2013” and \"2014\" on it.",
    "She said. â€œWe are going back,” and left.",  # mojibake'd opener: the mojibake rule's job
]


class QuoteMark(NamedTuple):
    """A double quotation mark and the part it plays."""

    offset: int
    role: str
    """"open" or "close"."""
    paragraph: int
    """0-based index of its paragraph."""


# The marks of each live Document: mixed-quotes and this rule both need them,
# and a Document's text never changes. Weak keys, so a document's marks go
# when the document does.
_MARKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def double_quotes(doc, paragraphs: Paragraphs | None = None) -> Iterator[QuoteMark]:
    """The document's double quotation marks in order, with their roles and
    paragraphs; inch marks and marks in protected regions are left out."""
    marks = _MARKS.get(doc)
    if marks is None:
        # ``paragraphs`` only saves looking the index up: it is always the
        # index of ``doc.text``, so the marks do not depend on who asks first.
        marks = _MARKS[doc] = list(_scan_double_quotes(doc, paragraphs or paragraphs_of(doc)))
    return iter(marks)


def _scan_double_quotes(doc, paragraphs: Paragraphs) -> Iterator[QuoteMark]:
    text = doc.text
    is_open = False
    current = -1
    protected = bool(doc.protected)
    for i in offsets_of(text, _DOUBLE):
        if protected and doc.is_protected(i):
            continue
        k = paragraphs.index(i)
        if k != current:
            current, is_open = k, False
        role = _role(text, i, is_open)
        if role == "inch":
            continue
        is_open = role == "open"
        yield QuoteMark(i, role, k)


def check(doc, settings):
    text = doc.text
    if not present(text, _DOUBLE + "‘"):
        return
    paragraphs = paragraphs_of(doc)
    skipped = set()
    if present(text, _OTHER_STYLE_CHARS):
        skipped = {paragraphs.index(m.start()) for m in _OTHER_STYLES.finditer(text)}
    open_at = None
    current = -1
    for mark in double_quotes(doc, paragraphs):
        if mark.paragraph != current:
            if open_at is not None and not _continues_quotation(paragraphs, current):
                yield META.edit(open_at, open_at + 1, "Quotation opened here is never closed in this paragraph")
            current, open_at = mark.paragraph, None
        if mark.paragraph in skipped:
            continue
        i = mark.offset
        if mark.role == "open":
            if open_at is not None:
                yield META.edit(open_at, open_at + 1, "Quotation opened here is not closed before the next one opens")
            open_at = i
        elif open_at is None:
            yield META.edit(i, i + 1, "Closing quotation mark with no opening one in this paragraph")
        else:
            open_at = None
    if open_at is not None and not _continues_quotation(paragraphs, current):
        yield META.edit(open_at, open_at + 1, "Quotation opened here is never closed in this paragraph")
    for m in _SINGLE_OPEN.finditer(text) if "‘" in text else ():
        k = paragraphs.index(m.start())
        if k in skipped or doc.is_protected(m.start()):
            continue
        end = paragraphs.starts[k + 1] if k + 1 < len(paragraphs.starts) else len(text)
        if not _SINGLE_CLOSE.search(text, m.end(), end):
            yield META.edit(m.start(), m.end(), "Single quotation mark ‘ is never closed with ’ in this paragraph")


def _role(text: str, i: int, is_open: bool) -> str:
    """"open", "close" or "inch" for the double quote at ``i``."""
    ch = text[i]
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isdigit() and not is_open:
        return "inch"
    opens = prev in _OPENS_AFTER or prev in "“‘"
    closes = nxt in _CLOSES_BEFORE or nxt in "”’\"'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if is_open else "open"


def _continues_quotation(paragraphs: Paragraphs, k: int) -> bool:
    """True when paragraph ``k + 1`` opens with a quote mark: a quotation that
    runs on over paragraphs is left open at each paragraph's end."""
    return paragraphs.first_char(k + 1) in ("“", '"')
