"""The replacement character U+FFFD ("don\ufffdt"): text lost when it was decoded.

What it does:
    Flags every run of U+FFFD, the character a decoder writes where it met
    bytes it could not read. Where a single one stands inside a word before
    a contraction ending ("don\ufffdt", "Myanmar\ufffds", "they\ufffdre") it was
    almost certainly an apostrophe, and the apostrophe the document uses
    elsewhere (’ or ') is proposed.

Why it's a problem:
    The original character is gone. Readers see a box or a question mark,
    and search and spell checking break on the word.

Example:
    "Myanmar\ufffds army" becomes "Myanmar’s army" (suggested).

Fix safety:
    Suggested only: the lost character is a guess, even where it is a good
    one. Every other U+FFFD is flagged with nothing to apply; only the source
    can say what it was.

References:
    Unicode Standard, 3.9 and 23.8 (U+FFFD REPLACEMENT CHARACTER).
"""

from __future__ import annotations

import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL606", "replacement-character", "unicode", Severity.ERROR, FixAvailability.SOMETIMES)

_RUN = re.compile("\ufffd+")
# One lost character between a word and a contraction ending: an apostrophe.
_APOSTROPHE = regex.compile(r"(?<=\p{L})\ufffd(?=(?:s|t|re|ll|ve|d|m)\b)")

FAILS = [
    ("Myanmar\ufffds army and they\ufffdre here", "Myanmar’s army and they’re here"),
    ("It's here and don\ufffdt go", "It's here and don't go"),
    ("a price of \ufffd10 was lost", "a price of \ufffd10 was lost"),
]
PASSES = ["Myanmar’s army, clean text", "a ? b"]


def check(doc, settings):
    text = doc.text
    if "\ufffd" not in text:
        return
    apostrophe = None
    for m in _RUN.finditer(text):
        start, end = m.span()
        if end - start == 1 and _APOSTROPHE.match(text, start):
            if apostrophe is None:
                apostrophe = _house_apostrophe(text)
            yield META.edit(start, end, f"Lost character, most likely an apostrophe: write {apostrophe!r}",
                            apostrophe, FixKind.SUGGESTED)
        else:
            n = end - start
            yield META.edit(start, end, f"Replacement character{f' (x{n})' if n > 1 else ''}: "
                            "text was lost when this was decoded; check the source")


def _house_apostrophe(text: str) -> str:
    """The apostrophe style of the text: curly unless straight ones dominate.

    Counting every ’ and ' (single quotes included) is rough but a plain
    substring count, and a text's single quotes follow its apostrophes' style.
    """
    return "'" if text.count("'") > text.count("’") else "’"
