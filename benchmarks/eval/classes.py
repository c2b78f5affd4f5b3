"""The artifact classes the benchmark injects, and which cleaner rule belongs to which.

One table maps rule ids to classes, so the scorer can say which class a
finding claims to be. A rule missing from the table is scored under
``other``; its findings still count for overall precision, so a new rule
that fires on clean text cannot hide.
"""

from __future__ import annotations

import fnmatch

GLUED_NAME = "glued-name"
REPEATED_FRAGMENT = "repeated-fragment"
BOILERPLATE = "boilerplate"
TRUNCATED_NAME = "truncated-name"
MOJIBAKE = "mojibake"
DOUBLED_WORD = "doubled-word"
SPACE_BEFORE_PUNCT = "space-before-punct"
ZERO_WIDTH = "zero-width"
NBSP = "nbsp"
TORTURED_PHRASE = "tortured-phrase"
OTHER = "other"

CLASSES: tuple[str, ...] = (
    GLUED_NAME,
    REPEATED_FRAGMENT,
    BOILERPLATE,
    TRUNCATED_NAME,
    MOJIBAKE,
    DOUBLED_WORD,
    SPACE_BEFORE_PUNCT,
    ZERO_WIDTH,
    NBSP,
    TORTURED_PHRASE,
)
"""Every injected class, in the order tables list them."""

DESCRIPTIONS: dict[str, str] = {
    GLUED_NAME: "a name runs into the next word (`TezaChairman`, `Chinahave`)",
    REPEATED_FRAGMENT: "a fragment repeated around punctuation (`(ASEAN).ASEAN).`)",
    BOILERPLATE: "page furniture between paragraphs or at the end (`Source link`)",
    TRUNCATED_NAME: "a garbled form of a name the text repeats (`Min Aunging`)",
    MOJIBAKE: "UTF-8 read as Windows-1252 (`donâ€™t`, `CafÃ©`)",
    DOUBLED_WORD: "a word written twice (`the the`)",
    SPACE_BEFORE_PUNCT: "a space before a comma, period, colon ... (`word ,`)",
    ZERO_WIDTH: "an invisible character inside a word (U+200B, U+2060, U+FEFF, U+00AD)",
    NBSP: "an odd space between ordinary words (U+00A0, U+202F, U+2009)",
    TORTURED_PHRASE: "a spun synonym of an established phrase (`counterfeit consciousness`)",
}

RULE_CLASSES: tuple[tuple[str, str], ...] = (
    # (rule id or glob, class). First match wins, so exact ids go before globs.
    ("glued-word", GLUED_NAME),
    ("entity-variant", TRUNCATED_NAME),
    ("doubled-word", DOUBLED_WORD),
    ("duplicate-word", DOUBLED_WORD),
    ("repeated-word", DOUBLED_WORD),
    ("duplicate-fragment", REPEATED_FRAGMENT),
    ("duplicate*", REPEATED_FRAGMENT),
    ("repeated-fragment", REPEATED_FRAGMENT),
    ("boilerplate*", BOILERPLATE),
    ("mojibake", MOJIBAKE),
    ("space-before-punctuation", SPACE_BEFORE_PUNCT),
    ("invisible-characters", ZERO_WIDTH),
    ("zero-width*", ZERO_WIDTH),
    ("non-breaking-space", NBSP),
    ("odd-space*", NBSP),
    ("tortured-phrase", TORTURED_PHRASE),
    ("rare-phrase", TORTURED_PHRASE),
)
"""cleaner rule id (or glob) -> the class its findings claim."""


def class_of_rule(rule_id: str) -> str:
    """The artifact class a cleaner rule's findings belong to, or ``other``."""
    for pattern, cls in RULE_CLASSES:
        if rule_id == pattern or fnmatch.fnmatchcase(rule_id, pattern):
            return cls
    return OTHER
