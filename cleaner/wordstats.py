"""English word frequencies for the name-aware rules, cached and cheap to ask.

A thin layer over :mod:`wordfreq`: rules ask "how common is this word?" many
times per document, often for the same handful of words, so answers are
memoised per process. wordfreq itself is imported on first use, so commands
that never ask (``cleaner rules``) do not pay for loading its tables.

Zipf values are wordfreq's: log10 of occurrences per billion words, about 7
for "the", 3 for a word seen once per million words, 0 for a word wordfreq has
never seen.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGE = "en"
"""The frequency list asked; the artifact rules only reason about English."""

COMMON = 4.0
"""Zipf at or above which a word is common (about once per 100,000 words):
"chairman" 4.8, "reserved" 4.2, "origin" 4.6."""

KNOWN = 1.0
"""Zipf at or above which wordfreq has seen the word at all. Its lists stop
near 1.0, so anything below is unknown rather than rare."""

# Closed-class words that glue onto their neighbours when a scraper drops a
# space ("thecountry", "Sokhonnwho"). A split that frees one of these is far
# more likely than a real compound, because English compounds are built from
# content words.
FUNCTION_WORDS = frozenset(
    "the of and to in for on with at by from as is was were are be been has have had "
    "that this these those which who whom whose their his her its our your not but "
    "will would could should said says into about after before over under than".split()
)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (0.0 when unknown)."""
    from wordfreq import zipf_frequency  # deferred: loading the tables costs ~0.1 s

    return zipf_frequency(word.lower(), LANGUAGE)


def is_known(word: str) -> bool:
    """True when wordfreq has seen ``word`` at all (names included)."""
    return zipf(word) >= KNOWN


def is_common(word: str, threshold: float = COMMON) -> bool:
    """True when ``word`` is an everyday English word (Zipf >= ``threshold``)."""
    return zipf(word) >= threshold


def describe(word: str) -> str:
    """A short phrase for messages: how common ``word`` is, in words."""
    z = zipf(word)
    if z >= 5.0:
        return "a very common word"
    if z >= COMMON:
        return "a common word"
    if z >= KNOWN:
        return f"a known word (Zipf {z:.1f})"
    return "not a known word"
