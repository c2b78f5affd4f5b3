"""Acronyms and styled names whose capitals a spinner or a case-folding step broke.

What it does:
    Finds a word written "Nba" where the same document writes it "NBA" more
    often, or "Youtube" where the document writes "YouTube", and
    proposes the document's own form. Only forms with capitals inside the
    word (acronyms, "McDonald", "iPhone") count as the established form, and
    only when they occur at least twice and more often than the broken form.

Why it's a problem:
    Spinners and some scrapers title-case or lower-case every word they
    touch, so "NBA" turns into "Nba" in one sentence and stays right in the
    next. Readers take it for a typo; search and the name-aware rules see two
    different entities.

Example:
    "The NBA said ... Nba players ... the NBA season" becomes
    "The NBA said ... NBA players ... the NBA season".

Fix safety:
    Suggested. The document is the only evidence, and a house style may
    deliberately write "Nato" next to a quoted "NATO"; when the broken form
    is the more frequent one nothing is flagged. Words that are common
    English in lower case ("Us" against "US", "Who" against "WHO") are left
    alone, and so is a title-case word opening a sentence unless it is rare
    as an ordinary word. Lower-case forms ("nba") are never flagged: that is
    how technical prose writes "url" and "png" and how hashtags write names.
    An all-capitals form counts only when it is short enough to be an
    acronym (seven letters at most) and appears at least once in running
    prose, not only inside shouted headings or licence disclaimers.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator, NamedTuple

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules.tortured_phrase import trie_regex
from cleaner.wordstats import zipf as _zipf

META = RuleMeta("CL704", "broken-capitals", "spin", Severity.WARNING, FixAvailability.SOMETIMES)

# Lower-case words at least this common (Zipf scale) are ordinary English
# words as well as acronyms: us/US, who/WHO, it/IT, may/MAY.
_COMMON_WORD_ZIPF = 5.0
# An all-capitals word this common in lower case is more likely a heading
# word than an acronym ("APPLE UNVEILS ...").
_ALL_CAPS_MAX_ZIPF = 4.5
# At a sentence start the capital is forced, so a title-case word there is
# only taken for a broken acronym when it is rare as an ordinary word.
_SENTENCE_START_MAX_ZIPF = 3.5
# Acronyms are short (NBA, ASEAN, UNESCO, CENTCOM); a longer word in
# capitals is emphasis ("ADDENDUM", "MERCHANTABILITY"), not a name.
_ACRONYM_MAX_LEN = 7
# A word with two capitals (NBA, McDonald, YouTube) or a capital after
# lower-case letters (iPhone, eBay). The standard library's engine with \b
# runs this about ten times faster than a \p{Lu} pattern in ``regex``; it
# covers Latin-1 capitals, which is where acronyms live in English text.
_UPPER = "A-ZÀ-ÖØ-Þ"
# The possessive quantifiers only cut backtracking that cannot succeed (a
# shorter run is followed by a letter of the same class): the matches are
# those of r"\b(?:[U]\w*[U]|[^\W\d_U]+[U])\w*", found about 20% faster.
_STYLED_RE = re.compile(rf"\b(?:[{_UPPER}][^\W{_UPPER}]*+[{_UPPER}]|[^\W\d_{_UPPER}]++[{_UPPER}])\w*+")
# A capital after a word character, and the rest of its word: every styled
# word has one. The pattern starts with the capital so the engine skips to
# the next capital in C; the lookbehind then checks the character before it.
# Taking the rest of the word moves the search past the word's other capitals.
_INNER_CAPITAL = re.compile(rf"[{_UPPER}](?<=\w[{_UPPER}])\w*")
_WORD_REST = re.compile(r"\w*")
_WORD_END = re.compile(r"\w*\Z")


class _Hit(NamedTuple):
    """One occurrence of a watched word, in the text's own case."""

    start: int
    end: int
    text: str


# Searched right to left: the match must end at the word, and a forward
# search tries every position of the window first. The greedy run of letters
# reaches as far left, so the match is the same.
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)[^\p{L}\p{M}\r\n]*\Z", regex.REVERSE)
_WORD_AFTER = regex.compile(r"[^\p{L}\p{M}\r\n]*([\p{L}\p{M}]+)")

FAILS = [
    ("The NBA said so. Officials of the Nba agreed. The NBA season starts.",
     "The NBA said so. Officials of the NBA agreed. The NBA season starts."),
    ("He posts on YouTube. His Youtube channel and YouTube fame grew.",
     "He posts on YouTube. His YouTube channel and YouTube fame grew."),
    ("ASEAN met. The Asean summit and ASEAN’s chair spoke.",
     "ASEAN met. The ASEAN summit and ASEAN’s chair spoke."),
]
PASSES = [
    "The US economy grew. Us and them. The US dollar fell.",
    "The WHO warned. Who knows? The WHO said.",
    "Nato troops. Nato said. NATO's charter was quoted.",
    "APPLE UNVEILS PHONE\n\nApple said the APPLE event was in a heading only.",
    "The NBA said so. The Nba players agreed.",
    # Lower case is left alone: technical prose and hashtags write acronyms so.
    "The nba draft, the NBA finals and the NBA.",
    "Connect to the host. The CONNECT request and the CONNECT reply.",
]


def check(doc, settings) -> Iterator:
    text = doc.text
    # Pass 1: forms with chosen capitals. Most documents have none that
    # recur, and the rule stops here.
    styled = Counter(_styled_words(text, doc.is_protected if doc.protected else None))
    best_by_lower: dict[str, str] = {}
    for form, n in styled.items():
        lower = form.lower()
        if n < 2 or _zipf(lower) >= _COMMON_WORD_ZIPF:
            continue
        if form.isupper() and (len(form) > _ACRONYM_MAX_LEN or _zipf(lower) >= _ALL_CAPS_MAX_ZIPF):
            continue
        old = best_by_lower.get(lower)
        if old is None or (n, form) > (styled[old], old):
            best_by_lower[lower] = form
    if not best_by_lower:
        return
    # Only a title-case spelling ("Nba") of a watched word is ever flagged
    # (lower case never is, and styled forms are the evidence). Most texts
    # hold none: one str.find each says so, and pass 2, whose lower-casing
    # of the whole text costs more than the rest of the rule, is skipped.
    # Asked of ASCII words only, whose title-case spellings are known, and
    # only of texts without "İ", the one character whose lower case is
    # longer (those take the regex path below, which matches more).
    if (
        all(map(str.isascii, best_by_lower))
        and not any(title in text for word in best_by_lower for title in _ascii_title_forms(word))
        and _LONGER_LOWER not in text
    ):
        return
    # Pass 2: every spelling of those words, whatever its case: whole-word
    # str.find over the lower-cased text (a regex of these words would be
    # compiled anew for almost every document; a Python loop over all words
    # is slower still).
    lower_text = doc.lower
    # (Each word must still be all \w characters: lower() turns "İ" into "i" and a combining mark.)
    if len(lower_text) == len(text) and all(map(_WORD_REST.fullmatch, best_by_lower)):
        found = _whole_words(lower_text, best_by_lower)
    else:  # a character whose lower case is longer ("İ"): offsets would shift
        body = trie_regex(best_by_lower)
        found = (m.span() for m in re.finditer(rf"\b(?:{body})\b", text, re.IGNORECASE))
    matches = [_Hit(start, end, text[start:end]) for start, end in found if not doc.is_protected(start, end)]
    counts = Counter(m.text for m in matches)
    in_prose: dict[str, bool] = {}  # all-capitals form -> seen in running prose; filled on demand
    tokens = doc.tokens
    for m in matches:
        form = m.text
        if _is_styled(form):
            continue
        lower = form.lower()
        best = best_by_lower.get(lower)
        if best is None:
            # Matched case-insensitively but folds elsewhere ("Nıb", dotless
            # ı, for "nib"): another word, not a spelling of this one.
            continue
        if counts[form] >= counts[best]:
            continue  # the "broken" form is the house style
        if best.isupper():
            if best not in in_prose:
                in_prose[best] = any(
                    c.text == best and _between_prose_words(text, c) for c in matches
                )
            if not in_prose[best]:
                continue
        if form == lower:
            # Lower case is how technical prose writes "url", "png" or
            # "ascii", and how hashtags and handles write names; a spinner's
            # mark is the title case of "Nba". Too often right to flag.
            continue
        if _in_handle_or_path(text, m.start, m.end):
            continue  # "Nba.com", "#Nba", "Nba_stats": not prose
        ordinary_word = counts.get(lower, 0) or _zipf(lower) >= _SENTENCE_START_MAX_ZIPF
        if ordinary_word and _opens_sentence(tokens, m.start):
            # "Connect to the host" in a text that also has "CONNECT": the
            # capital may be the sentence's, not a broken acronym.
            continue
        yield META.edit(
            m.start,
            m.end,
            f'"{form}" is written "{best}" {counts[best]} times in this document',
            best,
            FixKind.SUGGESTED,
            data={"established": best, "count": counts[best]},
        )


_LONGER_LOWER = "\u0130"  # "İ", whose lower case is "i" and a combining dot
_KELVIN = "\u212a"  # the Kelvin sign, the one character besides "K" whose lower case is "k"


def _ascii_title_forms(lower: str) -> tuple[str, ...]:
    """The spellings in title case whose lower case is the ASCII word ``lower``.

    Every character of such a spelling lower-cases to one ASCII character,
    so after the first it is that character; the first is its capital, or
    for a "k" also the Kelvin sign.
    """
    rest = lower[1:]
    if lower[:1] == "k":
        return ("K" + rest, _KELVIN + rest)
    return (lower[:1].upper() + rest,)


def _styled_words(text: str, is_protected=None) -> list[str]:
    """``_STYLED_RE.findall(text)``, without the matches that ``is_protected`` rejects.

    That pattern starts with \\b, so the engine tries it at every position
    of the text. A styled word has a capital after another word character,
    though, and those capitals are found by a pattern that starts with the
    capital (the engine skips to them in C). Each word that holds one is
    then tested whole: a match of _STYLED_RE runs from the start of a \\w
    run to its end, so it is that word or nothing.
    """
    found = []
    for m in _INNER_CAPITAL.finditer(text):
        at, end = m.span()
        start = _word_start(text, at)
        word = text[start:end]
        if _STYLED_RE.fullmatch(word) and not (is_protected and is_protected(start, end)):
            found.append(word)
    return found


def _word_start(text: str, at: int) -> int:
    """Where the run of \\w characters that holds ``text[at - 1]`` begins."""
    if at < 2 or not _is_word_char(text[at - 2]):
        return at - 1  # the capital is the word's second letter ("NBA", "iPhone"): most words
    # Searched in a window first: \\w*\\Z from the window's start matches at
    # the run's start, unless the run reaches past the window.
    lo = max(0, at - 40)
    start = _WORD_END.search(text, lo, at).start()
    if start == lo and lo and _is_word_char(text[lo - 1]):
        start = _WORD_END.search(text, 0, at).start()  # a run of more than 40 characters
    return start


def _whole_words(lower_text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of ``words`` (runs of \\w characters) stands whole in
    ``lower_text``, in text order: the matches of r"\\b(?:w1|w2|...)\\b".

    A word made of \\w characters matches between two \\b only as a whole
    run of \\w characters, so no two of these overlap and the regex would
    find each one. str.find is used instead because that regex is new for
    almost every document, and compiling it cost more than the rest of the rule.
    """
    found = []
    size = len(lower_text)
    for word in words:
        n = len(word)
        at = lower_text.find(word)
        while at >= 0:
            end = at + n
            # \\w is what str.isalnum() accepts, and the underscore.
            if (at == 0 or not _is_word_char(lower_text[at - 1])) and (
                end == size or not _is_word_char(lower_text[end])
            ):
                found.append((at, end))
            at = lower_text.find(word, end)
        # Searching on from ``end``, not ``at + 1``: an occurrence that starts
        # inside this one has a \\w character before it, so is never whole.
    found.sort()
    return found


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_styled(word: str) -> bool:
    """True for forms with chosen capitals: NBA, McDonald, iPhone, YouTube."""
    return word != word.lower() and word != word[:1].upper() + word[1:].lower()


def _between_prose_words(text: str, m: _Hit) -> bool:
    """True when neither neighbouring word is in capitals: an acronym in
    running prose, not a word of a shouted heading or of a licence's
    disclaimer ("THE IMPLIED WARRANTIES OF MERCHANTABILITY")."""
    # Neighbours on the same line only: a heading's line break ends its run.
    before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    after = _WORD_AFTER.match(text, m.end, m.end + 40)
    # One-letter words ("I", "A") say nothing about the case of a run.
    return all(n is None or len(n.group(1)) == 1 or not n.group(1).isupper() for n in (before, after))


def _in_handle_or_path(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start]
    after = text[end : end + 2]
    return (
        before in ("@", "#", "/", "\\", "_", ".")
        or after[:1] in ("/", "\\", "_", "@")
        or (after[:1] == "." and after[1:].isalpha())
    )


def _opens_sentence(tokens, start: int) -> bool:
    i = tokens.index_at(start)
    return i is not None and tokens.opens[i]
