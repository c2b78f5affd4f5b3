"""Zero-width and control characters left by copy-paste, CMS exports or scrapers.

What it does:
    Flags zero-width spaces (U+200B), word joiners (U+2060), byte-order marks
    inside the text (U+FEFF), soft hyphens (U+00AD), bidi controls and C0/C1
    control characters other than tab and line breaks, and deletes them.
    Zero-width joiners and non-joiners (U+200D, U+200C) are flagged only
    between two Latin letters, where they cannot be doing their real job.

Why it's a problem:
    They are invisible, yet they split words for search, spell checkers and
    the grammar pass ("data\\u200bbase" is two words to a machine), and they
    break word counts and copy-paste.

Example:
    "data\\u200bbase" becomes "database".

Fix safety:
    Always safe for the characters deleted. ZWJ in emoji sequences and
    ZWNJ/ZWJ in scripts that need them (Persian, Indic scripts) are left
    alone because deleting them changes how the text renders.

References:
    Unicode Standard Annex #9 (bidi controls); Unicode FAQ on ZWJ/ZWNJ.
"""

from __future__ import annotations

import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import START, matches_at

META = RuleMeta("CL601", "invisible-characters", "unicode", Severity.WARNING, FixAvailability.ALWAYS)

_NAMES = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark inside the text",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "bidi embedding",
    "\u202b": "bidi embedding",
    "\u202c": "bidi pop",
    "\u202d": "bidi override",
    "\u202e": "bidi override",
    "\u2066": "bidi isolate",
    "\u2067": "bidi isolate",
    "\u2068": "bidi isolate",
    "\u2069": "bidi isolate pop",
}
# Always-invisible characters and C0/C1 controls (tab, LF, CR and form feed kept).
# A C1 control right after a Latin-1 letter or "€" is the tail of mojibake
# ("â€\x9d" is a garbled closing quote): deleting it would leave mojibake
# that can no longer be repaired, so the mojibake rule gets it whole.
# The lookahead names every character either branch can start with: an
# alternation that opens with a lookbehind is tried at every position of the
# text (3.5x slower), a leading character set lets the engine skip to them.
_ALWAYS = regex.compile(
    "(?=[" + "".join(_NAMES) + r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f])"
    "(?:[" + "".join(_NAMES) + r"\x00-\x08\x0b\x0e-\x1f\x7f]+|(?<![\u00c2-\u00f4\u20ac])[\x80-\x9f]+)"
)
# Joiners only between Latin letters: elsewhere they shape emoji or scripts.
_JOINERS = regex.compile(r"(?<=\p{Latin})[\u200c\u200d]+(?=\p{Latin})")
# Where a match of _ALWAYS can start (its opening lookahead's class). The
# standard library's engine finds these characters several times faster than
# ``regex`` runs _ALWAYS over the text, so one stdlib scan finds them all and
# _ALWAYS is only tried there (the lookbehind still sees the text before).
_FIRST_ALWAYS = re.compile("[" + "".join(_NAMES) + r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

FAILS = [
    ("data\u200bbase", "database"),
    ("Naypyi\u00adtaw", "Naypyitaw"),
    ("end\x07 of line", "end of line"),
    ("co\u200dop", "coop"),
]
PASSES = [
    "plain text",
    "👩\u200d💻 stays",
    "tab\tand\r\nCRLF stay",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ is part of the spelling
    "garbled quote â€\x9d is mojibake, not a stray control",
]


def check(doc, settings):
    text = doc.text
    scans = [matches_at(doc, _ALWAYS, map(START, _FIRST_ALWAYS.finditer(text)))]
    if "\u200c" in text or "\u200d" in text:  # what _JOINERS needs; most texts have neither
        scans.append(doc.finditer(_JOINERS))
    for matches in scans:
        for m in matches:
            chars = m.group()
            what = _NAMES.get(chars[0]) or (
                "zero-width joiner" if chars[0] in "\u200c\u200d" else f"control character U+{ord(chars[0]):04X}"
            )
            n = len(chars)
            yield META.edit(
                m.start(),
                m.end(),
                f"Invisible {what}{f' (x{n})' if n > 1 else ''}: delete it",
                "",
                FixKind.SAFE,
            )
