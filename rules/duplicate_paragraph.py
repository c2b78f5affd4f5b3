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

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL204", "duplicate-paragraph", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

_WORD = regex.compile(r"[\p{L}\p{N}]+")
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


def check(doc, settings):
    text = doc.text
    seen: dict[str, int] = {}
    previous = None  # (span, key) of the paragraph before
    for para in doc.paragraphs():
        yield from _repeated_lines(doc, para)
        key = " ".join(text[para.start : para.end].split())
        if previous is not None and (key == previous[1] or key in seen):
            words = len(_WORD.findall(key))
            if key == previous[1] and words >= _MIN_ADJACENT_WORDS:
                yield META.edit(
                    previous[0].end,
                    para.end,
                    f"Paragraph repeated right after itself ({words} words): delete the copy",
                    "",
                    FixKind.SAFE if words >= _SAFE_ADJACENT_WORDS else FixKind.SUGGESTED,
                    data={"words": words},
                )
            elif key in seen and words >= _MIN_DISTANT_WORDS:
                line = doc.position(seen[key]).line
                yield META.edit(
                    previous[0].end,
                    para.end,
                    f"Paragraph repeats the one at line {line} ({words} words): delete the copy?",
                    "",
                    FixKind.SUGGESTED,
                    severity=Severity.INFO,
                    data={"words": words, "first_line": line},
                )
        seen.setdefault(key, para.start)
        previous = (para, key)


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
        words = len(_WORD.findall(key)) if prev_span is not None and key == prev_key else 0
        if words >= _MIN_ADJACENT_WORDS:
            yield META.edit(
                prev_span.end,
                span.end,
                f"Line repeated right after itself ({words} words): delete the copy",
                "",
                FixKind.SAFE if words >= _SAFE_ADJACENT_WORDS else FixKind.SUGGESTED,
                data={"words": words},
            )
        prev_span, prev_key = span, key
        offset = doc.line_span(offset, with_newline=True).end
        if offset == span.end:  # last line without a break
            break
