"""Mojibake: UTF-8 text decoded as Latin-1 or Windows-1252 ("CafÃ©", "donâ€™t").

What it does:
    Finds lines with the byte patterns that UTF-8 leaves when it is decoded
    in a single-byte encoding (a lead byte such as "Ã", "Â" or "â" followed
    by a continuation byte), asks ftfy to repair each such line, and proposes
    every changed stretch as its own edit: "donâ€™t" becomes "don’t", "SÃ£o"
    becomes "São". ftfy runs with everything off except encoding repair:
    curly quotes stay curly, ligatures, widths, line breaks, HTML entities
    and Unicode normalisation are left as they are.

Why it's a problem:
    The text is corrupted: names lose their letters ("SÃ£o Paulo") and every
    apostrophe turns into three characters, which spell checkers, search and
    the grammar pass all trip over.

Example:
    "I donâ€™t know the CafÃ© owner" becomes "I don’t know the Café owner".

Fix safety:
    Safe when ftfy's repair is a plain re-decoding (encode as Latin-1 or
    Windows-1252, decode as UTF-8, or its mixed-text variant) that leaves no
    replacement character and no mojibake behind. Suggested when ftfy had to
    guess: a lost non-breaking space restored from "Ã " (Portuguese "Ã " is a
    real letter), lossy sequences replaced, or a result ftfy itself still
    finds suspect. Correct text in the same line is never changed; a stretch
    ftfy changed that contains no mojibake character is dropped.

References:
    ftfy documentation, "Fixing problems" and "TextFixerConfig"
    (https://ftfy.readthedocs.io/).
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import NamedTuple

import ftfy
import regex
from ftfy.badness import is_bad

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL602", "mojibake", "unicode", Severity.ERROR, FixAvailability.ALWAYS)

# Encoding repair only: everything ftfy does besides that would touch correct text.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)
# The characters a UTF-8 continuation byte (0x80-0xBF) turns into in Latin-1
# and Windows-1252.
_CONT = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
# A lead byte of a two-, three- or four-byte UTF-8 sequence read as Latin-1
# (Â-ô), then a continuation byte. Lines without this cannot hold the
# mojibake ftfy repairs, so only these lines are handed to it.
_CANDIDATE = regex.compile(f"[\u00c2-\u00f4][{_CONT}]")
_MOJIBAKE_CHAR = regex.compile(f"[\u00c2-\u00f4{_CONT}]")
# Steps of a plan that only re-decode bytes: no guessing involved.
_PLAIN_STEPS = {("encode", "latin-1"), ("encode", "sloppy-windows-1252"), ("encode", "windows-1252"),
                ("decode", "utf-8"), ("apply", "decode_inconsistent_utf8")}

FAILS = [
    ("I donâ€™t know the CafÃ© owner", "I don’t know the Café owner"),
    ("He said “yes” but donâ€™t quote me", "He said “yes” but don’t quote me"),
    ("Flights to SÃ£o Paulo", "Flights to São Paulo"),
    ("The â€œpariahâ€\x9d states", "The “pariah” states"),
]
PASSES = [
    "Café, naïve, São Paulo and “curly” quotes stay.",
    "SÃO PAULO e JOÃO",
    "Ã on its own",
    "Lavrov’s visit – a “friendly” one…",
]


class _Change(NamedTuple):
    """One stretch of a line that ftfy changed: offsets into the line."""

    start: int
    end: int
    replacement: str


class _Repair(NamedTuple):
    """ftfy's repair of one line: the changed stretches and whether the
    repair was a plain re-decoding."""

    changes: tuple[_Change, ...]
    certain: bool


def check(doc, settings):
    text = doc.text
    seen_lines: set[int] = set()
    for m in _CANDIDATE.finditer(text):
        line = doc.line_span(m.start())
        if line.start in seen_lines:
            continue
        seen_lines.add(line.start)
        original = text[line.start : line.end]
        repair = _repair(original)
        for change in repair.changes:
            broken = original[change.start : change.end]
            yield META.edit(
                line.start + change.start,
                line.start + change.end,
                f"Mojibake {broken!r}: should read {change.replacement!r}",
                change.replacement,
                FixKind.SAFE if repair.certain else FixKind.SUGGESTED,
            )


@lru_cache(maxsize=4096)
def _repair(line: str) -> _Repair:
    """ftfy's repair of ``line`` as local changes, each one covering mojibake.

    Cached: scraped sites repeat the same broken lines (bylines, footers) in
    every article, and difflib is the expensive part.
    """
    fixed, plan = ftfy.fix_and_explain(line, _CONFIG)
    if fixed == line:
        return _Repair((), False)
    certain = (
        all(tuple(step) in _PLAIN_STEPS for step in plan)
        and "\ufffd" not in fixed
        and not is_bad(fixed)
    )
    changes = []
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        # A stretch without a mojibake character is correct text that ftfy
        # re-decoded along with its neighbours: not ours to touch.
        if op != "equal" and _MOJIBAKE_CHAR.search(line, i1, i2):
            changes.append(_Change(i1, i2, fixed[j1:j2]))
    return _Repair(tuple(changes), certain)
