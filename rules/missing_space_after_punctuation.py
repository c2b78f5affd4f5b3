"""Punctuation glued to the next word, or with its space on the wrong side.

What it does:
    Flags a sentence mark glued to the next sentence ("in Myanmar.The army"),
    a comma, semicolon or colon glued to the next word ("Paris,France",
    "Note:this") and a mark whose space sits before it instead of after it
    ("online news .Updated daily", "Moscow ,and"). The fix puts the space
    after the mark.

Why it's a problem:
    Scrapers lose the space where two HTML elements met, and spinners detach
    punctuation from the word before it. Readers, spell checkers and the
    grammar pass all see one nonsense word ("Myanmar.The").

Example:
    "all the latest world news .Updated every hour" becomes
    "all the latest world news. Updated every hour".

Fix safety:
    Safe for a comma or semicolon with its space on the wrong side (" ,and"
    is never right). Otherwise safe when the words on both sides are
    everyday English words (wordfreq Zipf >= 3 for a misplaced space, >= 4 for a glued comma or semicolon);
    for a glued period, only when the word before it is lower
    case and the word after it typically opens a sentence ("The", "He",
    "However"), since "http.Client" has the same shape as "news.Updated".
    Suggested otherwise, and always for colons ("Category:Politics" may be a
    wiki link). Left alone entirely: decimals ("3.5") and times ("10:30")
    because a digit follows; domains and file names ("example.com", "Node.js")
    because a lower-case letter follows a period; abbreviations ("U.S.Army",
    "e.g.The") because a single letter precedes the period; ellipses; URLs and
    e-mail addresses (protected regions); lines that look like comma- or
    semicolon-separated data; two acronyms ("TL;DR"); and anything that is
    not in prose, such as "{net.Socket}", "Hash{Map,Set}" or "node:timers"
    (the words must stand between spaces or sentence punctuation, and a
    colon must be followed by a capitalised word).
"""

from __future__ import annotations

import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import START, present
from cleaner.wordstats import is_common, zipf

META = RuleMeta(
    "CL503", "missing-space-after-punctuation", "spacing", Severity.WARNING, FixAvailability.ALWAYS
)

_KNOWN_WORD = 3.0
"""Zipf above which both neighbours count as ordinary English words."""

# Glued words count only in prose: the first word follows a space, the start
# of a line, an opening quote or bracket or a dash, and the second ends at a
# space or sentence punctuation. Code-like contexts ("{net.Socket}",
# "Hash{Map,Set}", "obj.Method()", "a.B.c") are not prose.
_PROSE_BEFORE = r"(?:(?<=^|[\s\"“‘(—–])|(?<=[^\S\n]-))"
_PROSE_AFTER = r"(?=[\s,;:!?”’\")]|\.(?!\w)|$)"
# Every pattern starts at the punctuation mark and looks back from there:
# a pattern that opens with a lookbehind is tried at every position of the
# text and runs thirty times slower.
#
# "news .Updated", "Moscow ,and": the space went before the mark. A period
# needs a capitalised word after it (not ".NET", not ".com").
_SWAPPED = regex.compile(
    r"[,;.](?<=\b(?P<prev>\p{L}{2,}) [,;.])(?:(?<=\.)(?=\p{Lu}\p{Ll})|(?<=[,;]))(?P<next>\p{L}+)"
)
# "Myanmar.The", "2023.The": a sentence mark between a word (not a single
# letter, not part of a dotted abbreviation) and a capitalised word.
_GLUED_SENTENCE = regex.compile(
    rf"(?P<mark>[.!?]”?)(?<={_PROSE_BEFORE}(?P<prev>\p{{Lu}}?\p{{Ll}}+|\p{{N}}{{2,}})[”’)]?[.!?]”?)"
    rf"(?P<next>\p{{Lu}}\p{{Ll}}+){_PROSE_AFTER}"
)
# "Paris,France", "said;and", "Source:Reuters".
_GLUED_WORD = regex.compile(
    rf"(?P<mark>[,;:])(?<={_PROSE_BEFORE}(?P<prev>\p{{L}}{{2,}})[,;:])"
    rf"(?:(?<=[,;])(?P<next>\p{{L}}{{2,}})|(?<=:)(?P<next>\p{{Lu}}\p{{Ll}}+)){_PROSE_AFTER}"
)

# A fast scan for the few places where the full patterns above can match: a
# mark with a letter right after it. One stdlib scan per mark, because the
# engine finds a literal first character several times faster than a class
# such as "[.!?,;:]", and marks absent from the text cost one `in` test.
_CANDIDATES = {mark: re.compile(re.escape(mark) + r"”?(?=[^\W\d_])") for mark in ".!?,;:"}

FAILS = [
    ("the latest world news .Updated every hour", "the latest world news. Updated every hour"),
    ("it met in Naypyitaw.The talks", "it met in Naypyitaw. The talks"),
    ("Moscow ,and Naypyitaw", "Moscow, and Naypyitaw"),
    ("arms,helicopters and jets", "arms, helicopters and jets"),
    ("the “friend.”Then he left", "the “friend.” Then he left"),
    ("talks were “friendly”.Officials declined", "talks were “friendly”. Officials declined"),
    ("Source:Reuters and AFP", "Source: Reuters and AFP"),
]
PASSES = [
    "It fell 3.5 percent at 10:30 today.",
    "See example.com and Node.js for details.",
    "The U.S.Army and e.g.The",
    "Wait...What happened?",
    "in .NET and the .Net runtime",
    "name,age,city,country",
    "Visit https://example.com/A.B,C today",
    "Write std::vector and :smile: here",
    "Returns {net.Socket} and calls stream.Transform() in node:timers",
    "TL;DR is fine, Hash{Map,Set} too",
    "the department said on Monday.Monday.",
]


def check(doc, settings):
    text = doc.text
    # Fast scans find every mark with a letter right after it; the full
    # patterns then decide which shape, if any, it is.
    after = dict.fromkeys(_CANDIDATES, [])
    for mark in present(text, "".join(_CANDIDATES)):
        after[mark] = _candidates(text, mark)
    sentence = sorted(after["."] + after["!"] + after["?"])
    word = sorted(after[","] + after[";"] + after[":"])
    swapped = [i for i in sorted(after[","] + after[";"] + after["."]) if i > 0 and text[i - 1] == " "]
    for m in _matches(doc, _SWAPPED, swapped):
        mark, prev, nxt = m.group()[0], m.group("prev"), m.group("next")
        # No sentence ends on "the" or "in": "the .Net runtime" is a product name.
        if mark == "." and prev.lower() in _DETERMINERS:
            continue
        # " ,and" is never right; a period needs both words to be ordinary.
        common = mark != "." or (_known(prev) and _known(nxt))
        yield META.edit(
            m.start() - 1,
            m.start("next"),
            f"Space before {mark!r} instead of after it",
            mark + " ",
            FixKind.SAFE if common else FixKind.SUGGESTED,
        )
    for m in _matches(doc, _GLUED_SENTENCE, sentence):
        prev, mark, nxt = m.group("prev"), m.group("mark"), m.group("next")
        if prev.lower() == nxt.lower():
            continue  # "on Monday.Monday.": a repeated fragment, the duplicate rules' case
        # "http.Client" and "news.Updated" have the same shape; only a word
        # that typically opens a sentence makes the boundary certain.
        safe = prev.islower() and _known(prev) and nxt.lower() in _SENTENCE_OPENERS
        yield META.edit(
            m.start("mark"),
            m.end("mark"),
            f"No space after {mark!r} before {nxt!r}",
            mark + " ",
            FixKind.SAFE if safe else FixKind.SUGGESTED,
        )
    data_lines: dict[int, bool] = {}
    for m in _matches(doc, _GLUED_WORD, word):
        mark = m.group("mark")
        if m.group("prev").isupper() and m.group("next").isupper():
            continue  # "TL;DR", "AC,DC": acronyms written that way on purpose
        line = doc.line_span(m.start())
        key = (line.start, mark)
        if key not in data_lines:
            data_lines[key] = _looks_like_data(text[line.start : line.end], mark)
        if data_lines[key]:
            continue
        safe = mark != ":" and is_common(m.group("prev")) and is_common(m.group("next"))
        yield META.edit(
            m.start("mark"),
            m.end("mark"),
            f"No space after {mark!r} before {m.group('next')!r}",
            mark + " ",
            FixKind.SAFE if safe else FixKind.SUGGESTED,
        )


def _candidates(text: str, mark: str) -> list[int]:
    """Where ``mark`` has a letter (or ” and a letter) right after it:
    where _CANDIDATES[mark] matches."""
    scan = _CANDIDATES[mark]
    if mark in _COMMON:
        return list(map(START, scan.finditer(text)))
    # A rarer mark: str.find() jumps to each one (a memchr, much faster than
    # the engine's scan for one literal), and the pattern is tried there
    # only. It matches one or two characters, and never at the ” it may
    # take, so this finds what finditer() does. A text that holds many of
    # the mark gets the scan after the first few.
    found = []
    at = text.find(mark)
    for _ in range(_FEW):
        if at < 0:
            return found
        if scan.match(text, at):
            found.append(at)
        at = text.find(mark, at + 1)
    return found + list(map(START, scan.finditer(text, at))) if at >= 0 else found


_COMMON = ".,"
"""Marks found in every paragraph of prose: one scan of the text finds them."""
_FEW = 8


# Words that typically open a sentence: after a glued period they make the
# sentence boundary certain.
_SENTENCE_OPENERS = frozenset(
    """
    the this that these those it its he she they we i you his her their our
    there in on at but and however a an as for after before when while if
    some many most meanwhile according also since during despite although
    yet so still now then last
    """.split()
)


def _matches(doc, pattern, offsets: list[int]):
    """Matches of ``pattern`` starting at ``offsets``, outside protected regions."""
    text = doc.text
    for i in offsets:
        m = pattern.match(text, i)
        if m and not doc.is_protected(m.start(), m.end()):
            yield m


_DETERMINERS = frozenset("the a an this that its their our your my his her in on of for with".split())


def _known(word: str) -> bool:
    return word.isdigit() or zipf(word) >= _KNOWN_WORD


def _looks_like_data(line: str, mark: str) -> bool:
    """True when ``line`` separates fields with ``mark`` and no space, as CSV does."""
    glued = len(regex.findall(rf"\S{regex.escape(mark)}\S", line))
    spaced = line.count(mark + " ")
    return glued >= 2 and glued > spaced
