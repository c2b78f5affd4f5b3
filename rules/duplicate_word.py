"""A word written twice in a row ("the the").

What it does:
    Flags a word followed, after spaces or a single line break, by the same
    word again, and deletes the second copy. Function words that English
    never doubles ("the the", "of of", "and and") are fixed unattended;
    other words are suggestions. Doubles that English does use are left
    alone: grammatical ones ("had had", "that that"), reduplications ("bye
    bye", "very very", "so so") and names that the document always writes
    doubled ("Walla Walla", "Bora Bora"). "is is" and "in in" are judged by
    the words before them: "what it is is" and "came in in the end" stay.

Why it's a problem:
    A doubled word is the commonest slip in edited text and a frequent
    scraper artifact where a line wrap or a link boundary repeated a word.

Example:
    "met the the minister" becomes "met the minister".

Fix safety:
    Safe only for articles, prepositions, conjunctions and possessives on a
    closed list, which have no grammatical double. Every other word is a
    suggestion, since "you you" or "her her" can be grammatical ("I told
    you you were right", "gave her her book"). A capitalised double
    ("Lavrov Lavrov") is flagged only when the document also writes the
    word on its own; a name that always comes doubled is a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL202", "duplicate-word", "duplication", Severity.WARNING, FixAvailability.ALWAYS)

# One of the candidate words, then spaces (or one line break), then the same
# word in any case. The separator may not hold a blank line: a repeated word
# across paragraphs is a heading and its first word, not a slip.
# An invisible character glued inside a word ("Norl\ufeffand") hides the
# word's first half from a plain boundary test: "and and" there is one word
# and one "and", so letters behind invisible characters count as a word too.
_DOUBLE = (
    r"(?<![\p{{L}}\p{{M}}\p{{N}}'’\-][\u00ad\u200b-\u200d\u2060\ufeff]*)(?P<w>{words})"
    r"(?P<sep>[ \t\u00a0]+|[ \t]*\r?\n[ \t]*)(?P<again>(?P=w))(?![\p{{L}}\p{{M}}\p{{N}}'’\-])"
)

# Stripped from the ends of whitespace-separated chunks in the candidate scan.
_PUNCT = "\"'“”‘’()[]{}.,;:!?…*_-–—"

# Doubling these is never English, so deleting a copy is certain.
_SAFE = frozenset(
    "the a an of and or with from to for at into onto than their its our my your".split()
)
# Doubles English uses: grammar ("had had", "that that", "I told you you
# were", "gave her her book") and reduplication ("bye bye", "so so", "no no",
# "there there"). These are never flagged.
_LEGITIMATE = frozenset(
    """
    had that do does did her you him so no very bye ha haha ho hee ta tut tsk
    knock chop pom tom yo boo there now well really many far too more again blah
    yada bla la na cha ding dum wah woo hush pooh goody night choo chin hip can
    may must bang tick tock pretty just same long
    """.split()
)
# Doubles that are grammatical only in some contexts, judged by the words
# before them: "what it is is", "all it was was" (a pseudo-cleft), and a
# particle after its verb, "came in in the end", "carry on on Monday".
_COPULAS = frozenset({"is", "was"})
_CLEFT_WORDS = frozenset(
    "what all thing point problem question truth fact reason issue trouble idea".split()
)
_PARTICLES = frozenset("in on by up out off over down".split())
_PHRASAL_VERBS = frozenset(
    """
    come came comes go goes went get gets got carry carries log logs turn turns give gives
    gave take takes took put puts set sets let lets keep keeps kept hold holds held move moves
    bring brings brought check checks sign signs drop drops fit fits fill fills pass passes
    hand hands stand stands stood call calls look looks pick picks sit sits sat run runs ran
    cut cuts break breaks broke pull pulls push pushes pay pays paid sell sells sold shut
    shuts lay lays laid lie lies lay back
    """.split()
)
_WORDS_BEFORE = regex.compile(r"[\p{L}\p{M}'’]+")

FAILS = [
    ("met the the minister", "met the minister"),
    ("The the regime", "The regime"),
    ("a member of of the council", "a member of the council"),
    ("the regime regime said", "the regime said"),
    ("the end of the\nthe talks", "the end of the talks"),
    ("Lavrov met Lavrov Lavrov in Naypyitaw.", "Lavrov met Lavrov in Naypyitaw."),
    ("The talks in in Phnom Penh ended.", "The talks in Phnom Penh ended."),
    ("The deal is is final.", "The deal is final."),
]
PASSES = [
    "Talks with Norl\ufeffand and the Republic of Estrava resumed.",  # one word, not "and and"
    "She had had enough, and said that that was that.",
    "What it is is a plan. I told you you were right.",
    "He flew from Walla Walla to Bora Bora; Walla Walla is in Washington.",
    "Bye bye, so so, very very good.",
    "New York, New York is a song.",
    "the theory, then the thesis",
    "Related\n\nRelated news follows.",
    "It came in in the end.",
    "What the plan is is unclear.",
    "They carried on on Monday; she logged in in seconds.",
]


def _candidates(lower: str) -> set[str]:
    """Lower-cased words that occur twice in a row somewhere, punctuation aside.

    Splitting and comparing neighbours runs in C and is several times faster
    than the back-referencing expression over the whole text, which then
    only needs to look for these few words.
    """
    words = list(map(str.strip, lower.split(), repeat(_PUNCT)))
    return {a for a, b in zip(words, words[1:]) if a == b and a and not a.isdigit()}


def check(doc, settings):
    candidates = _candidates(doc.lower) - _LEGITIMATE
    if not candidates:
        return
    text = doc.text
    doubles = _doubles(text, doc.lower, sorted(candidates, key=len, reverse=True))
    for m in doubles:
        if doc.is_protected(m.start(), m.end()):
            continue
        first, second = m["w"], m["again"]
        lower = first.lower()
        if lower in _LEGITIMATE:
            continue
        line_break = "\n" in m["sep"]
        if first[0].isupper() and second[0].isupper():
            # Possibly a name. Only call it a slip when the document also
            # writes the word alone: "Walla Walla" always comes doubled.
            if line_break or not _also_alone(text, first, doubles):
                continue
            fix = FixKind.SUGGESTED
        elif second[0].isupper():
            # "the The": the second copy may open a sentence that lost its full stop.
            continue
        else:
            if _grammatical_here(text, m.start(), lower):
                continue
            fix = FixKind.SAFE if lower in _SAFE else FixKind.SUGGESTED
        start = m.end("w")
        yield META.edit(
            start,
            m.end(),
            f"{first!r} is written twice: delete the second",
            "",
            fix,
            data={"word": first},
        )


def _doubles(text: str, lower: str, words: list[str]) -> list[regex.Match]:
    """Every match of _DOUBLE for ``words`` (longest first) in ``text``, as
    finditer gives them, protected regions included.

    Scanning the whole text for the words is most of the rule's time when
    one is as common as "the", and the pattern for a set of words is
    compiled (a good part of a millisecond) whenever the set is new. So
    where it gives the same matches, each word is looked for doubled in
    ``lower``, which the stdlib engine finds as a literal, and a pattern
    compiled once per word length is tried at the few places found.

    That needs case-insensitive matching of the words to be equality in
    ``lower`` at the same offsets. For ASCII words it is, but for "ſ" (a
    long s, which matches "s") and "İ" (which matches "i", and lower-cases
    to two characters, shifting the offsets): a text with either, or a word
    beyond ASCII, is scanned whole. A test checks these exceptions against
    the regex engine's own case folding.
    """
    if all(map(str.isascii, words)) and len(lower) == len(text) and "ſ" not in text:
        return list(_doubles_where_doubled(text, lower, words))
    return list(_scan_doubles(text, words))


def _scan_doubles(text: str, words: list[str]):
    """The matches of _DOUBLE for ``words`` (longest first), by a scan of the whole text."""
    pattern = "|".join(map(regex.escape, words))
    return regex.compile(_DOUBLE.format(words=pattern), regex.IGNORECASE).finditer(text)


def _doubles_where_doubled(text: str, lower: str, words: list[str]):
    """What _scan_doubles finds, tried only where a word occurs doubled.

    A match is a word, separator characters and the word again, so it starts
    where ``lower`` holds that; the search resumes one character on, as such
    places may overlap. At each place the words are tried longest first, as
    the scan's alternatives are, and as the scan does, a match ends the
    places it covers.
    """
    starts: dict[int, list[str]] = {}
    for word in words:
        search = _doubled(word).search
        found = search(lower)
        while found is not None:
            starts.setdefault(found.start(), []).append(word)
            found = search(lower, found.start() + 1)
    resume = 0
    for at in sorted(starts):
        if at < resume:
            continue
        for word in starts[at]:
            m = _double_of_length(len(word)).match(text, at)
            if m is not None:
                yield m
                resume = m.end()
                break


@lru_cache(maxsize=256)
def _doubled(word: str) -> re.Pattern:
    """``word``, the characters of _DOUBLE's separator, and ``word`` again.

    A word holds none of those characters, so the copy starts where they
    stop, as in any match of _DOUBLE.
    """
    escaped = re.escape(word)
    return re.compile(f"{escaped}[ \t\u00a0\r\n]+{escaped}")


@lru_cache(maxsize=None)
def _double_of_length(n: int) -> regex.Pattern:
    """_DOUBLE for any word of ``n`` characters, to try where a candidate occurs doubled."""
    return regex.compile(_DOUBLE.format(words=f".{{{n}}}"), regex.IGNORECASE)


def _grammatical_here(text: str, start: int, word: str) -> bool:
    """True when the words before a doubled copula or particle license it."""
    if word not in _COPULAS and word not in _PARTICLES:
        return False
    # The words before, back to the start of the sentence or line.
    before = text[max(0, start - 80) : start]
    cut = max(before.rfind(c) for c in ".!?\n")
    words = [w.lower() for w in _WORDS_BEFORE.findall(before[cut + 1 :])]
    if word in _COPULAS:
        return any(w in _CLEFT_WORDS for w in words[-8:])
    if not words:
        return False
    last = words[-1]
    return last in _PHRASAL_VERBS or last.endswith(("ed", "ing"))


def _also_alone(text: str, word: str, doubles: list[regex.Match]) -> bool:
    """True when ``word`` occurs in ``text`` other than as an exact double."""
    alone = r"(?<![\p{L}\p{M}\p{N}'’\-])" + regex.escape(word) + r"(?![\p{L}\p{M}\p{N}'’\-])"
    total = len(regex.findall(alone, text))
    doubled = sum(1 for m in doubles if m["w"] == m["again"] == word)
    return total > 2 * doubled
