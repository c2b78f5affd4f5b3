"""Two or more spaces between words inside a line of prose.

What it does:
    Flags runs of two or more spaces between two non-space characters of a
    line and collapses each run to one space. It leaves alone what is
    layout rather than accident: indentation, spaces at the end of a line
    (a Markdown hard line break is two of them), the spaces after a list
    marker at the start of a line ("1.  First", "-   item"), lines that look
    like a table or an aligned layout (a "|" or tab in the line, box-drawing
    characters, or a gap that lines up with a gap in the line above or
    below), and two
    spaces after a sentence when the document does that habitually (at least
    twice and at a quarter of its sentence breaks: an old typewriter
    convention, not damage).

Why it's a problem:
    Doubled spaces are what a scraper leaves where it removed a link, an
    image or an ad from the middle of a sentence ("the  coup"), and they show
    up in diffs, search snippets and word counts.

Example:
    "the two  largest rice exporters" becomes "the two largest rice exporters".

Fix safety:
    Safe for a run of two or three spaces in a line of prose. A longer run is
    a suggestion only, because a single line can be laid out by hand
    ("Price:      $10") and there is no neighbour to prove it.
"""

from __future__ import annotations

import bisect
import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL502", "repeated-spaces", "spacing", Severity.INFO, FixAvailability.ALWAYS)

# A run of spaces with text on both sides on the same line.
# Found as a bare run (stdlib engine, literal first: several times faster
# than asking the engine about the neighbours too), neighbours checked after.
_RUN = re.compile(r"  +")
# Lines that are a table or drawing: keep their spacing as it is.
_LAYOUT_LINE = regex.compile(r"[|\t\u2500-\u257f]")
# A list marker at the start of a line and the spaces after it ("1.  First",
# "-   item"): Markdown and plain-text lists align their items that way.
_LIST_MARKER = regex.compile(r"[ \t]*(?:[-*+•–]|\d{1,3}[.)]|[A-Za-z][.)])  +")
# Two spaces after a sentence, and one space after a sentence: to decide
# whether a document follows the two-space convention on purpose. Counting
# only needs to be roughly right, so the fast engine and ASCII capitals do.
_TWO_AFTER_SENTENCE = re.compile(r"[.!?][\"'”’)]?  (?=[\"'“‘(]?[A-Z])")
_ONE_AFTER_SENTENCE = re.compile(r"[.!?][\"'”’)]? (?=[\"'“‘(]?[A-Z])")
_MAX_SAFE_RUN = 3

FAILS = [
    ("the two  largest rice exporters", "the two largest rice exporters"),
    ("In Naypyitaw   the lights went out.", "In Naypyitaw the lights went out."),
    ("a gap      here", "a gap here"),
    ("One gap.  Then normal. Then normal. Then normal.", "One gap. Then normal. Then normal. Then normal."),
]
PASSES = [
    "    indented line of text",
    "hard break in Markdown  \nnext line",
    "| name  | count |\n|-------|-------|",
    "Name      Count\nLavrov    6\nShoigu    2",
    "Two spaces.  Every time.  As typed.  On purpose.",
    "tab\tseparated  columns",
    "1.  First item\n-   second item\n*  third",
]


def check(doc, settings):
    text = doc.text
    two_space_convention = None  # decided on first need: it costs two scans
    layout_cache: dict[int, bool] = {}
    for m in _RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end == len(text) or text[start - 1].isspace() or text[end].isspace():
            continue  # indentation, trailing spaces (a Markdown hard break) or a blank line
        if doc.is_protected(start, end):
            continue
        line = doc.line_span(m.start())
        if line.start not in layout_cache:
            layout_cache[line.start] = bool(_LAYOUT_LINE.search(text, line.start, line.end))
        if layout_cache[line.start]:
            continue
        if start < line.start + 8:
            marker = _LIST_MARKER.match(text, line.start, line.end)
            if marker and marker.end() == end:
                continue
        if end - start == 2 and _TWO_AFTER_SENTENCE.match(text, _sentence_mark_before(text, start)):
            if two_space_convention is None:
                two_space_convention = _uses_two_spaces_after_sentences(text)
            if two_space_convention:
                continue
        if _aligned_with_neighbour(doc, line, m.end()):
            continue
        run = m.end() - m.start()
        yield META.edit(
            m.start(),
            m.end(),
            f"{run} spaces in a row: use one",
            " ",
            FixKind.SAFE if run <= _MAX_SAFE_RUN else FixKind.SUGGESTED,
        )


def _uses_two_spaces_after_sentences(text: str) -> bool:
    """True when two spaces after a sentence are a habit of ``text``, not an
    accident: at least twice, and at least a quarter of its sentence breaks.
    Typists who learnt the convention keep to it only loosely."""
    two = len(_TWO_AFTER_SENTENCE.findall(text))
    if two < 2:
        return False
    return two * 3 >= len(_ONE_AFTER_SENTENCE.findall(text))


def _sentence_mark_before(text: str, start: int) -> int:
    """Where a sentence mark would be if the gap at ``start`` follows one
    (one closing quote or bracket may stand between)."""
    if start >= 2 and text[start - 1] in "\"'”’)":
        return start - 2
    return max(0, start - 1)


def _aligned_with_neighbour(doc, line, column_end: int) -> bool:
    """True when the text after this gap starts in the same column as text
    after a gap of two or more spaces on the line above or below: columns."""
    col = column_end - line.start
    text = doc.text
    for neighbour_start in _neighbour_line_starts(doc, line.start):
        nl = doc.line_span(neighbour_start)
        if nl.end - nl.start <= col:
            continue
        at = nl.start + col
        if text[at - 2 : at] == "  " and not text[at].isspace():
            return True
    return False


def _neighbour_line_starts(doc, line_start: int):
    starts = doc.line_starts
    i = bisect.bisect_left(starts, line_start)
    if i > 0:
        yield starts[i - 1]
    if i + 1 < len(starts):
        yield starts[i + 1]
