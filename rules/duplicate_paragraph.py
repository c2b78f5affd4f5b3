"""A paragraph or line that the scraper repeated.

What it does:
    Compares each paragraph (a block between blank lines) with the one
    before it, and each line of a paragraph with the line before it. An
    exact repeat (spacing aside) of three words or more is deleted. A
    paragraph of twelve words or more that repeats an earlier one further
    up is flagged too, at lower severity, with its deletion suggested.

Why it's a problem:
    Scrapers that read a page's text twice (a teaser and the body, a
    mobile and a desktop copy) repeat whole paragraphs; the article then
    says everything twice.

Example:
    "Lavrov met the general.\\n\\nLavrov met the general.\\n\\nThen he left."
    becomes "Lavrov met the general.\\n\\nThen he left."

Fix safety:
    Deleting the second of two identical adjacent paragraphs or lines of
    eight words or more is safe; shorter ones are suggestions, because song
    lyrics and chants repeat short lines on purpose. A repeat further away is only a suggestion: an article may quote
    a statement twice, or close with the line it opened with. Short
    paragraphs (headings, "Yes.") are not compared at a distance at all.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, not_

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL204", "duplicate-paragraph", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
"""_WORD on ASCII text (its only letters and digits), where the stdlib engine is faster."""
_WIDE_PUNCTUATION = "’‘“”–—…•"
"""Marks outside ASCII that are common in news text. None is a letter or a
digit, nor is the space put in its place to count words, so the count stays."""
_MIN_ADJACENT_WORDS = 3
_SAFE_ADJACENT_WORDS = 8
"""Shorter adjacent repeats are suggestions: song lyrics and chants repeat
short lines on purpose ("We will rock you / We will rock you")."""
_MIN_DISTANT_WORDS = 12

FAILS = [
    (
        "Lavrov met the general.\n\nLavrov met the general.\n\nThen he left.",
        "Lavrov met the general.\n\nThen he left.",
    ),
    (
        "Lavrov met the general.\nLavrov met the general.\nThen he left.",
        "Lavrov met the general.\nThen he left.",
    ),
    (
        "The regime has bought advanced weapons systems and training for its officers abroad.\n\n"
        "Other text here.\n\n"
        "The regime has bought advanced weapons systems and training for its officers abroad.\n",
        "The regime has bought advanced weapons systems and training for its officers abroad.\n\n"
        "Other text here.\n",
    ),
    ("Intro.\n\nA  repeated   paragraph here.\n\nA repeated paragraph here.", "Intro.\n\nA  repeated   paragraph here."),
]
PASSES = [
    "Yes.\n\nYes.",
    "Chapter one\n\nChapter one ends here.",
    "He said it.\n\nOther text.\n\nHe said it.",
    "Lavrov met the general.\n\nLavrov met the general again.",
]


# A line break, kept by the split (group 1) so that line offsets add up.
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
# Whitespace to str.split() but not to the ``\S`` of doc.paragraphs(): with
# one of these in the text a line of them alone would be blank to one and not
# to the other, so such texts take the path through doc.paragraphs().
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")
# The other spaces in ASCII that can be in a line: not " ", the line breaks
# (which end lines) or those above (whose texts take the other path).
_ASCII_SPACES = ("\t", "\x0b", "\x0c")


def check(doc, settings):
    text = doc.text
    if any(c in text for c in _SPLIT_ONLY_SPACES):
        yield from _check_slow(doc)
        return
    # Every line, its offsets and its key from C-level passes; Python then
    # steps once per non-blank line, with no regex call and no Document lookup.
    # A paragraph is a run of non-blank lines, so it is what doc.paragraphs()
    # finds, and its key is its lines' keys joined.
    if "\r" in text:
        parts = _LINE_BREAK.split(text)
        lines = parts[0::2]
        bounds = list(accumulate(map(len, parts), initial=0))
        starts, ends = bounds[0::2], bounds[1::2]
    else:  # "\n" alone breaks lines: str.split() is several times faster than a regex
        lines = text.split("\n")
        starts = doc.line_starts
        ends = list(map((-1).__add__, starts[1:]))
        ends.append(len(text))
    keys = _keys(lines, text)
    seen: dict[str, int] = {}  # each paragraph key, with where it first occurs
    previous_end = previous_key = None  # of the paragraph before
    first = last = -2  # the lines of the current paragraph
    # Blank lines only end paragraphs, so only the others are visited: a
    # line right after the last one goes on its paragraph, any other line
    # (or the mark past the end) closes it.
    for i in chain(compress(count(), keys), (len(keys) + 1,)):
        if i == last + 1:
            if keys[i] == keys[last]:
                if edit := _line_repeat(ends[last], ends[i], keys[i]):
                    yield edit
        else:
            if last >= 0:  # lines first..last are a paragraph
                end = ends[last]
                key = keys[first] if first == last else " ".join(keys[first : last + 1])
                # Every key before is in ``seen``, the previous one too.
                if key in seen:
                    if edit := _paragraph_repeat(doc, previous_end, end, key, previous_key, seen):
                        yield edit
                else:
                    seen[key] = starts[first]
                previous_end, previous_key = end, key
            first = i
        last = i


def _keys(lines: list[str], text: str) -> list[str]:
    """Each line with its spacing normalised, as " ".join(line.split()) gives it.

    Splitting every word out costs more than the rest of the rule, and most
    lines hold single spaces only, where strip() gives the same key: every
    space but " " is unprintable, so a printable line without "  " is one.
    ``text`` holds the lines: one search of it for each of the few other
    spaces in ASCII usually rules them out, and then only the lines beyond
    ASCII need the test of every character.
    """
    keys = list(map(str.strip, lines))
    if any(space in text for space in _ASCII_SPACES):
        unprintable = compress(count(), map(not_, map(str.isprintable, lines)))
    else:
        wide = list(compress(count(), map(not_, map(str.isascii, lines))))
        unprintable = compress(wide, map(not_, map(str.isprintable, map(lines.__getitem__, wide))))
    for i in unprintable:
        keys[i] = " ".join(lines[i].split())
    for i in compress(count(), map(contains, lines, repeat("  "))):
        keys[i] = " ".join(lines[i].split())
    return keys


def _check_slow(doc):
    """The same findings, through doc.paragraphs() and doc.line_span()."""
    text = doc.text
    seen: dict[str, int] = {}
    previous = None  # (end, key) of the paragraph before
    for para in doc.paragraphs():
        yield from _repeated_lines(doc, para)
        key = " ".join(text[para.start : para.end].split())
        if previous is not None and (key == previous[1] or key in seen):
            if edit := _paragraph_repeat(doc, previous[0], para.end, key, previous[1], seen):
                yield edit
        seen.setdefault(key, para.start)
        previous = (para.end, key)


def _paragraph_repeat(doc, previous_end: int, end: int, key: str, previous_key: str, seen: dict[str, int]):
    """The finding for a paragraph whose key repeats the one before or an earlier one, if any."""
    words = _count_words(key)
    if key == previous_key and words >= _MIN_ADJACENT_WORDS:
        return _adjacent_repeat("Paragraph", previous_end, end, words)
    if key in seen and words >= _MIN_DISTANT_WORDS:
        line = doc.position(seen[key]).line
        return META.edit(
            previous_end,
            end,
            f"Paragraph repeats the one at line {line} ({words} words): delete the copy?",
            "",
            FixKind.SUGGESTED,
            severity=Severity.INFO,
            data={"words": words, "first_line": line},
        )
    return None


def _line_repeat(previous_end: int, end: int, key: str):
    """The finding for a line that repeats the line before it, if it is long enough."""
    words = _count_words(key)
    return _adjacent_repeat("Line", previous_end, end, words) if words >= _MIN_ADJACENT_WORDS else None


def _adjacent_repeat(unit: str, previous_end: int, end: int, words: int):
    """The finding that deletes a line or paragraph (``unit``) repeating the one before it."""
    return META.edit(
        previous_end,
        end,
        f"{unit} repeated right after itself ({words} words): delete the copy",
        "",
        FixKind.SAFE if words >= _SAFE_ADJACENT_WORDS else FixKind.SUGGESTED,
        data={"words": words},
    )


def _count_words(key: str) -> int:
    if not key.isascii():
        # Without its curly quotes and dashes most of a news text is ASCII,
        # which the stdlib engine counts several times faster.
        narrow = key
        for mark in _WIDE_PUNCTUATION:
            narrow = narrow.replace(mark, " ")
        if not narrow.isascii():
            return len(_WORD.findall(key))
        key = narrow
    return len(_ASCII_WORD.findall(key))


def _repeated_lines(doc, para):
    """Adjacent identical lines inside one paragraph."""
    text = doc.text
    if "\n" not in text[para.start : para.end] and "\r" not in text[para.start : para.end]:
        return
    prev_span = None
    prev_key = None
    offset = para.start
    while offset < para.end:
        span = doc.line_span(offset)
        key = " ".join(text[span.start : span.end].split())
        if prev_span is not None and key == prev_key:
            if edit := _line_repeat(prev_span.end, span.end, key):
                yield edit
        prev_span, prev_key = span, key
        offset = doc.line_span(offset, with_newline=True).end
        if offset == span.end:  # last line without a break
            break
