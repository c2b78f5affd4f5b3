"""Punctuation stranded where it cannot belong: ", ,", "end..", "pressure. in".

What it does:
    Flags three shapes of punctuation left behind by spinners and scrapers:

    * a doubled comma, with or without a space between (",," and ", ,");
    * two periods after a word that are not an ellipsis ("the end..");
    * a period inside a sentence: a lower-case word, a period, then a
      lower-case word that carries the sentence on ("to resist outside
      pressure. in the region."). The period is either stray (delete it) or
      the next sentence lost its capital (capitalise it); when the next word
      is a preposition, conjunction or relative pronoun, deleting comes first.

Why it's a problem:
    A stray period splits one sentence into two fragments, for readers and
    for the grammar pass; doubled marks read as unedited copy.

Example:
    "to resist outside pressure. in the region." becomes
    "to resist outside pressure in the region."

Fix safety:
    Doubled commas and periods are safe. The period inside a sentence is a
    suggestion: the writer may have meant two sentences, and only a person
    can tell which repair is right. It is not flagged after abbreviations
    ("approx. in", "etc. and", "vs. the", "a.m. on") or short words, or when
    the next word is not an everyday English word (product names such as
    "iPhone" or "eBay" start lower case). A comma between a subject and its
    verb ("The envoy, said nothing") is not flagged: telling it from a
    parenthetical needs a parser.
"""

from __future__ import annotations

import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import ABBREVIATIONS, START, matches_at
from cleaner.wordstats import zipf

META = RuleMeta("CL504", "stranded-punctuation", "punctuation", Severity.WARNING, FixAvailability.ALWAYS)

# After a word of two or more letters or a closing curly quote or bracket:
# not after digits or a straight quote, where ",," and ".." are data or code
# ("[1,,2]", the operator "..").
_AFTER_WORD = r"(?:\p{L}\p{L}|[”’)\]])"
_DOUBLE_COMMA = regex.compile(rf",(?<={_AFTER_WORD},)[ \t]*,(?!,)")
_DOUBLE_PERIOD = regex.compile(rf"\.(?<={_AFTER_WORD}\.)\.(?!\.)(?=[\s”’\")\]]|$)")
# Where a doubled comma can start: found by a stdlib scan for a literal first
# character (several times faster than `regex` running the full pattern over
# the text), so the full pattern is only tried at the few places found.
_DOUBLE_COMMA_START = re.compile(r",(?=[ \t]*,)")
# Roman numerals end list markers ("vii. other"), not sentences.
_ROMAN = regex.compile(r"[ivxlc]+")
# A lower-case word of three or more letters that is not itself part of a
# dotted abbreviation, a period, one space, a lower-case word.
# (It starts at the period: a pattern opening with a lookbehind is tried at
# every position and is many times slower.)
_PERIOD_INSIDE = regex.compile(
    r"\.(?<=(?<![\p{L}\p{M}\p{N}.'’\-])(?P<prev>\p{Ll}{3,})\.) (?P<next>\p{Ll}{2,})\b(?![.\-’'@])"
)
# A fast first scan (stdlib engine, literal first) for the few places where
# the period patterns can match: a second period (_DOUBLE_PERIOD), or a space
# and a letter that is not an ASCII capital (_PERIOD_INSIDE). One scan for
# both, since each scan costs a pass over the text.
_PERIOD_CANDIDATE = re.compile(r"\.(?=\.| [^\W\d_A-Z])")
_COMMON = 3.5
"""Zipf the next word must reach: ordinary English, not a brand spelled in lower case."""

# Words that continue a sentence rather than open one: prepositions,
# conjunctions, relative pronouns. After a stray period they make deleting the
# period the likelier repair.
_CONTINUERS = frozenset(
    """
    in on at of for to from with by into onto over under after before during
    while since because although though unless until including where when
    whereas whether via per amid against between among about across through
    toward towards within without and or nor but which who whom whose that
    than as
    """.split()
)

FAILS = [
    ("Myanmar, , Russia and China", "Myanmar, Russia and China"),
    ("the army,, which", "the army, which"),
    ("That was the end..", "That was the end."),
    ("the sanctions (and isolation)..", "the sanctions (and isolation)."),
    ("to resist outside pressure. in the region.", "to resist outside pressure in the region."),
    ("spare parts are scarce there. ship them by sea", "spare parts are scarce there. Ship them by sea"),
]
PASSES = [
    "And then... nothing.",
    "It rose approx. in line with forecasts, etc. and more.",
    "They met at 10 a.m. on Monday.",
    "He bought an iPhone. eBay sold it.",
    "Ranges such as 1..10 stay.",
    "He spoke. The minister left.",
    "Mr. Lavrov arrived.",
    'The entries "." and ".." are kept; [1,,2] too.',
    "vii. other similar rights",
]


def check(doc, settings):
    text = doc.text
    for m in matches_at(doc, _DOUBLE_COMMA, map(START, _DOUBLE_COMMA_START.finditer(text))):
        yield META.edit(m.start(), m.end(), "Doubled comma: keep one", ",", FixKind.SAFE)
    periods = list(map(START, _PERIOD_CANDIDATE.finditer(text)))
    doubled = [i for i in periods if text[i + 1] == "."]
    for m in matches_at(doc, _DOUBLE_PERIOD, doubled):
        yield META.edit(m.start(), m.end(), "Two periods that are not an ellipsis: keep one", ".", FixKind.SAFE)
    for i in periods:
        if text[i + 1] == ".":
            continue
        m = _PERIOD_INSIDE.match(text, i)
        if not m or doc.is_protected(m.start(), m.end()):
            continue
        prev, nxt = m.group("prev"), m.group("next")
        if prev in ABBREVIATIONS or _ROMAN.fullmatch(prev) or zipf(nxt) < _COMMON:
            continue
        joined = " " + nxt
        capitalised = ". " + nxt[0].upper() + nxt[1:]
        if nxt in _CONTINUERS:
            replacements = (joined, capitalised)
            message = f"Stray period before {nxt!r}: the sentence goes on"
        else:
            replacements = (capitalised, joined)
            message = f"Sentence after the period starts in lower case ({nxt!r}), or the period is stray"
        yield META.edit(m.end("prev"), m.end("next"), message, replacements, FixKind.SUGGESTED)
