"""Document: the decoded text and what rules need to know about it.

A Document is immutable. It carries the text, a line index, the regions that
no rule may touch (code, URLs, markup) and a :class:`Lexicon` built from the
document itself, which is the evidence the name-aware rules reason from.
Everything expensive is computed lazily and once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, compress, product, repeat
from operator import itemgetter
from typing import Container, Iterable, Iterator, NamedTuple, Sequence

import regex

from cleaner.memo import Memo

# A word: letters and combining marks, with inner apostrophes or hyphens
# ("don't", "long-term", "McDonald's"). Digits are not words here.
WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
# The same, captured, so split() returns the gaps and the words in turn.
_WORD_SPLIT_RE = regex.compile(f"({WORD_RE.pattern})")
# Web addresses and e-mail addresses, as two patterns: each alone is found by
# a fast literal scan ("://", "www.", "@"), while their alternation made the
# engine try the e-mail branch at every word (8x slower on news text).
# :func:`_address_spans` merges them as the alternation would.
_WEB_ADDRESS_RE = regex.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
_EMAIL_RE = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_FRONT_MATTER_RE = regex.compile(r"\A(?:\ufeff)?---\r?\n.*?\r?\n(?:---|\.\.\.)\r?\n", regex.S)
_INLINE_CODE_RE = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_HTML_TAG_RE = regex.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", regex.S)
_MD_LINK_TARGET_RE = regex.compile(r"\]\([^)\s]*(?:\s\"[^\"]*\")?\)")
_LINE_BREAK_RE = regex.compile(r"\r\n|\r|\n")
_SENTENCE_END_RE = regex.compile(r"[.!?…:][\"'”’)\]]*\s*$")

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


class Span(NamedTuple):
    """A half-open range of code points ``[start, end)``."""

    start: int
    end: int


class Token(NamedTuple):
    """A word with its position and whether it opens a sentence."""

    start: int
    end: int
    text: str
    sentence_start: bool


class _WordColumns(NamedTuple):
    """The document's words as parallel lists: what :class:`Token` holds, by field."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    opens: list[bool]
    """Whether each word opens a sentence."""
    gaps: list[str]
    """The text between each word and the one before (before the first: from
    the start of the text), dropped words included."""


class Tokens(Sequence[Token]):
    """A document's tokens, each made when it is asked for.

    Every document has its words split, but most need only a handful of
    them as Tokens (a name rule looks at the few words it suspects), so
    they are kept as parallel lists and a Token is built on access.
    Iterating builds them all, in C.
    """

    __slots__ = ("starts", "ends", "words", "opens")

    def __init__(self, columns: _WordColumns) -> None:
        self.starts = columns.starts
        self.ends = columns.ends
        self.words = columns.words
        """The text of each token."""
        self.opens = columns.opens
        """Whether each token opens a sentence."""

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):  # int -> Token, slice -> list[Token]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.words)))]
        return Token(self.starts[i], self.ends[i], self.words[i], self.opens[i])

    def __iter__(self) -> Iterator[Token]:
        # tuple.__new__ is what Token._make calls, minus a Python frame per word.
        return map(tuple.__new__, repeat(Token), zip(self.starts, self.ends, self.words, self.opens))

    def index_at(self, offset: int) -> int | None:
        """The index of the token that starts at ``offset``, or None."""
        i = bisect.bisect_left(self.starts, offset)
        return i if i < len(self.starts) and self.starts[i] == offset else None


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column (in code points) of an offset."""

    line: int
    column: int


class Lexicon:
    """Word statistics drawn from one document: its own evidence about names.

    Args:
        words: the text of each of the document's words, in order.
        opens: for each word, whether it opens a sentence.
        gaps: for each word, the text between it and the word before; a
            single space joins the words of a name.
    """

    def __init__(self, words: list[str], opens: list[bool], gaps: list[str]) -> None:
        counts = Counter(words)
        forms = list(counts)  # the distinct forms, in order of first use
        capitalised_forms = list(compress(forms, map(str.isupper, map(_FIRST_CHAR, forms))))
        # The forms with a possessive ending, and their own counts. The
        # endings are tested in C (a slice per form, then a set lookup); only
        # the few forms with one reach the Python-level test.
        possessives = [
            (form, counts[form])
            for form in compress(forms, map(_POSSESSIVE_SET.__contains__, map(_LAST_TWO, forms)))
            if len(form) > 2
        ]

        # Capitalised forms away from sentence starts, where capitals are
        # chosen, not forced: each form's count less its count at sentence
        # starts (a few words per paragraph). A possessive counts for its
        # base: "Myanmar’s coup" is evidence for "Myanmar" as much as "in
        # Myanmar" is. All possessives are taken out before any is added back,
        # so each moves its own count only ("X’s’s" adds to "X’s", "X’s" to "X").
        at_starts = Counter(compress(words, opens)).get
        chosen = {form: n for form in capitalised_forms if (n := counts[form] - at_starts(form, 0))}
        moved = [(form[:-2], chosen.pop(form)) for form, _ in possessives if form in chosen]
        for base, n in moved:
            chosen[base] = chosen.get(base, 0) + n
        self.capitalised_counts: Counter[str] = Counter(chosen)
        """Occurrences of capitalised forms away from the start of a sentence,
        where capitals are chosen, not forced; possessives count as their base.
        Their order is not that of ``counts``."""

        # Case-folded counts, counted in C. Each distinct form is lower-cased
        # once; the words are then looked up, which is cheaper than
        # lower-casing every word.
        lowered = dict(zip(forms, map(str.lower, forms)))
        self.lower_counts: Counter[str] = Counter(map(lowered.__getitem__, words))
        """Occurrences of each word, case folded (possessives as in ``counts``)."""

        # A possessive is a use of the name, so it also counts under its base,
        # added in place, in the order of the forms: the key order of
        # ``counts`` is that of the forms, then of the bases first seen here
        # (rules iterate the counts, so order matters). dict.get rather than
        # ``+=``: Counter's __missing__ is a Python call per new key.
        get, lower_get = counts.get, self.lower_counts.get
        for form, n in possessives:
            base = form[:-2]
            if base not in counts and base[0].isupper():
                capitalised_forms.append(base)  # keeps it the capitalised forms of ``counts``, in order
            counts[base] = get(base, 0) + n
            # The base lower-cased alone: "Σ" lower-cases by what follows it.
            lower = base.lower()
            self.lower_counts[lower] = lower_get(lower, 0) + n
        self.counts: Counter[str] = counts
        """Occurrences of each word form; a possessive ("Lavrov’s") also counts
        under its base ("Lavrov")."""
        self.capitalised_forms: list[str] = capitalised_forms
        """The forms of ``counts`` that begin with a capital, in the order of
        ``counts``: several name rules start from these, and most forms are not."""
        self.names: Counter[str] = _count_names(words, opens, gaps, capitalised_forms)
        """Multi-word capitalised sequences ("Min Aung Hlaing") and their counts;
        "Min Aung Hlaing’s" counts as "Min Aung Hlaing"."""

    def count(self, word: str) -> int:
        """How often ``word`` occurs in this form (or as its possessive)."""
        return self.counts.get(word, 0)

    def count_lower(self, word: str) -> int:
        """How often ``word`` occurs in any capitalisation."""
        return self.lower_counts.get(word.lower(), 0)

    def is_name(self, word: str, min_count: int = 2) -> bool:
        """True when the document establishes ``word`` as a name.

        A name is capitalised and recurs away from sentence starts, or is a
        part of a recurring multi-word name.
        """
        if self.capitalised_counts.get(word, 0) >= min_count:
            return True
        return word in self.name_parts(min_count)

    def recurring_names(self, min_count: int = 2) -> dict[str, int]:
        """Multi-word names seen at least ``min_count`` times."""
        return {n: c for n, c in self.names.items() if c >= min_count}

    def name_parts(self, min_count: int = 2) -> frozenset[str]:
        """Every word that belongs to a recurring multi-word name."""
        cache = self.__dict__.setdefault("_parts", {})
        if min_count not in cache:
            cache[min_count] = frozenset(
                part for name in self.recurring_names(min_count) for part in name.split()
            )
        return cache[min_count]


def _count_names(
    words: list[str], opens: list[bool], gaps: list[str], capitalised_forms: Iterable[str] | None = None
) -> Counter[str]:
    """Count runs of 2-4 capitalised words joined by single spaces.

    Every sub-run of a longer run is counted too, so "Min Aung Hlaing" also
    counts "Aung Hlaing"; the entity rule wants the longest recurring form
    and can ask for it. The arguments are the Lexicon's. ``capitalised_forms``
    (when given) must hold every distinct word that begins with a capital;
    other strings in it are never looked up, so do no harm.
    """
    found: list[str] = []  # every name occurrence in order; counted in C at the end

    def count(first: int, end: int, possessive: bool) -> None:
        """Collect the names in the run of words ``first`` to ``end`` (exclusive)."""
        texts = words[first:end]
        if possessive:
            # "Min Aung Hlaing’s visit": the name is counted without its ending.
            texts[-1] = texts[-1][:-2]
        # "The Diplomat" at a sentence start is not a name "The Diplomat"
        # any more than "However Lavrov" is; skip runs that only look
        # capitalised because a sentence begins there. Only the run's first
        # word can open a sentence: the others follow a single space.
        skip = 1 if opens[first] and texts[0].lower() in _FUNCTION_WORDS else 0
        n = len(texts)
        found.extend([" ".join(texts[k : k + size]) for size in range(2, min(4, n) + 1) for k in range(skip, n - size + 1)])

    # Which forms can be part of a name, and which close one, decided once per distinct form.
    if capitalised_forms is None:
        capitalised_forms = [word for word in set(words) if word[0].isupper()]
    capitalised = set(capitalised_forms) - _FUNCTION_WORDS_INSIDE_NAMES_CAPITALISED
    # Every such form is longer than its ending, which cannot begin with a capital.
    possessives = set(compress(capitalised, map(_POSSESSIVE_SET.__contains__, map(_LAST_TWO, capitalised))))
    # Only the capitalised words are visited (found by compress() in C, not
    # by a Python step per word). A run is consecutive words ``first`` to
    # ``previous``; any other word, or a gap other than one space, ends it.
    first = previous = -2
    for i in compress(range(len(words)), map(capitalised.__contains__, words)):
        if i != previous + 1 or gaps[i] != " ":
            if previous > first:
                count(first, previous + 1, False)
            first = i
        previous = i
        if words[i] in possessives:
            # The possessive closes the run: the next word starts a new one.
            if i > first:
                count(first, i + 1, True)
            first = previous = -2
    if previous > first:
        count(first, previous + 1, False)
    # Counter() keeps the order in which names first occur, as the rules expect.
    return Counter(found)


_LAST_TWO = itemgetter(slice(-2, None))  # word[-2:], at C speed for map()
_FIRST_CHAR = itemgetter(0)  # word[0], at C speed for map()
_PLUS_ONE = (1).__add__  # n + 1, at C speed for map()


class Possessive(NamedTuple):
    """A word split into its base and a possessive ending ("" when none)."""

    base: str
    suffix: str


_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
_POSSESSIVE_SET = frozenset(_POSSESSIVE_ENDINGS)


def possessive_base(word: str) -> str:
    """``word`` without a possessive ending: the cheap form of :func:`split_possessive`
    for loops over every word of a document."""
    return word[:-2] if word[-2:] in _POSSESSIVE_SET and len(word) > 2 else word


def split_possessive(word: str) -> Possessive:
    """Split "Lavrov’s" into ("Lavrov", "’s"); other words come back whole.

    >>> split_possessive("Myanmar’s")
    Possessive(base='Myanmar', suffix='’s')
    """
    if len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS):
        return Possessive(word[:-2], word[-2:])
    return Possessive(word, "")


# Capitalised at a sentence start, these are not the first word of a name.
_FUNCTION_WORDS = frozenset(
    "the a an in on at of for and but or as if when while after before since so yet "
    "this that these those it its he she they we you i his her their our my your "
    "however although though because until with without from by to".split()
)
# Words that end a run of capitalised words ("Min Aung Hlaing and Lavrov").
_FUNCTION_WORDS_INSIDE_NAMES = frozenset({"and", "or", "of", "the"})
# Their capitalised spellings ("And", "OF", "ThE", ...): subtracted as a set
# from the capitalised forms, rather than lower-casing each form in turn.
_FUNCTION_WORDS_INSIDE_NAMES_CAPITALISED = frozenset(
    spelling
    for word in _FUNCTION_WORDS_INSIDE_NAMES
    for spelling in map("".join, product(*((ch.upper(), ch) for ch in word)))
    if spelling[0].isupper()
)


class Document:
    """Decoded text plus a line index, protected regions and a lexicon.

    Args:
        text: the decoded text, without a BOM.
        path: where it came from, for messages (None for stdin or tests).
        markdown: parse Markdown structure (code, front matter, HTML) as
            regions not to touch. Defaults to True for ``.md`` paths.
    """

    def __init__(self, text: str, path: str | None = None, markdown: bool | None = None) -> None:
        self.text = text
        self.path = path
        self.markdown = bool(path and path.lower().endswith(MARKDOWN_SUFFIXES)) if markdown is None else markdown

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, chars={len(self.text)}, markdown={self.markdown})"

    @cached_property
    def lower(self) -> str:
        """``text.lower()``, made once for the rules that match regardless of case.

        Its offsets are the text's only when both have the same length:
        "İ" lower-cases to two characters.
        """
        return self.text.lower()

    # ------------------------------------------------------------------ lines
    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (after \\n, \\r\\n or \\r)."""
        text = self.text
        if "\r" not in text:
            # Most texts: each line starts one past the end of the one before,
            # summed in C rather than a Python step per line break.
            return [0, *accumulate(map(_PLUS_ONE, map(len, text.split("\n")[:-1])))]
        return [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]

    def position(self, offset: int) -> Position:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def line_span(self, offset: int, with_newline: bool = False) -> Span:
        """The line that holds ``offset``, optionally with its line break."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        if line + 1 < len(self.line_starts):
            nxt = self.line_starts[line + 1]
            end = nxt if with_newline else nxt - (2 if self.text[nxt - 2 : nxt] == "\r\n" else 1)
        else:
            end = len(self.text)
        return Span(start, end)

    def lines(self) -> Iterator[Span]:
        """Every line's span, without its line break."""
        for start in self.line_starts:
            yield self.line_span(start)

    @cached_property
    def newline(self) -> str:
        """The document's dominant line break, for rules that insert one."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"

    # ------------------------------------------------------- protected regions
    @cached_property
    def protected(self) -> list[Span]:
        """Sorted, merged regions that no rule may edit: URLs and e-mail
        addresses always; in Markdown also front matter, code blocks, code
        spans, HTML tags and comments, and link targets."""
        spans = _address_spans(self.text)
        if self.markdown:
            spans += _markdown_regions(self.text, self.line_starts)
        return _merge(spans)

    @cached_property
    def _protected_starts(self) -> list[int]:
        """The start of each protected region, for bisecting without building a Span per question."""
        return [r.start for r in self.protected]

    def is_protected(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` touches a protected region."""
        regions = self.protected
        if not regions:
            return False  # most plain-text documents: every rule asks, so answer at once
        end = start + 1 if end is None else max(end, start + 1)
        # The regions are sorted and merged, so the last one starting at or
        # before ``start`` and the one after it are the only candidates.
        i = bisect.bisect_right(self._protected_starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(regions) and regions[j].start < end and start < regions[j].end:
                return True
        return False

    # ------------------------------------------------------------------ words
    @cached_property
    def _words(self) -> _WordColumns:
        """Every word outside protected regions, as parallel lists.

        Built for every document, so built in C: one split gives the gaps and
        the words in turn ([gap, word, gap, word, ..., gap]), their running
        lengths give the offsets, and no Python step is taken per word. Token
        tuples are made from these only when a rule asks for them.
        """
        text = self.text
        parts = _split_words(text)
        words = parts[1::2]
        if not words:
            return _WordColumns([], [], [], [], [])
        bounds = list(accumulate(map(len, parts)))
        starts = bounds[0:-1:2]  # the last bound is the end of the text
        ends = bounds[1::2]
        gaps = parts[0:-1:2]  # the text before each word, since the previous one
        # Whether a word opens a sentence depends only on the gap since the
        # previous word (protected or not); the same few gaps (" ", ", ",
        # ". ", a blank line) recur all through a text, so each distinct gap
        # is judged once.
        opens = list(map(_GAP_OPENS.__getitem__, gaps))
        regions = self.protected
        if regions:
            # Drop the words that touch a protected region; regions are sorted
            # and merged, and so are the words, so bisect finds each region's.
            skip: set[int] = set()
            for r in regions:
                lo = bisect.bisect_right(ends, r.start)
                skip.update(range(lo, bisect.bisect_left(starts, r.end, lo)))
            if skip:
                keep = [i for i in range(len(words)) if i not in skip]
                if not keep:
                    return _WordColumns([], [], [], [], [])
                starts = [starts[i] for i in keep]
                ends = [ends[i] for i in keep]
                words = [words[i] for i in keep]
                opens = [opens[i] for i in keep]
                # A word's gap runs back to the kept word before it, over any dropped ones.
                gaps = [text[: starts[0]], *map(text.__getitem__, map(slice, ends[:-1], starts[1:]))]
        opens[0] = True  # the first word (outside protected regions) opens the text
        return _WordColumns(starts, ends, words, opens, gaps)

    @cached_property
    def tokens(self) -> Tokens:
        """Every word with its offsets, outside protected regions."""
        return Tokens(self._words)

    @property
    def words(self) -> list[str]:
        """The text of each token, in order (``[t.text for t in tokens]``,
        without building the tokens)."""
        return self._words.words

    def token_indices(self, forms: Container[str], words: Iterable[str] | None = None) -> list[int]:
        """Indices of the tokens whose text is in ``forms``, in order.

        Rules that look at a few word forms find their tokens here: the test
        runs in C over every word, not as a Python step per token. When
        every form begins with one of a few rare ``words`` (a name seen once
        and its possessive), each word is found by ``str.find`` instead,
        which costs a scan of the text per word and no step per token.
        """
        if words is None:
            all_words = self._words.words
            return list(compress(range(len(all_words)), map(forms.__contains__, all_words)))
        text = self.text
        tokens = self.tokens
        found = set()  # a set: a word may begin another word's forms too
        for word in words:
            at = text.find(word)
            while at >= 0:
                i = tokens.index_at(at)
                if i is not None and tokens.words[i] in forms:
                    found.add(i)
                at = text.find(word, at + 1)
        return sorted(found)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The document's own word and name statistics."""
        cols = self._words
        return Lexicon(cols.words, cols.opens, cols.gaps)

    def finditer(self, pattern: regex.Pattern, start: int = 0) -> Iterator[regex.Match]:
        """Matches of ``pattern`` that do not touch a protected region."""
        matches = pattern.finditer(self.text, start)
        if not self.protected:
            return matches  # nothing to filter: skip a Python step per match
        is_protected = self.is_protected
        return (m for m in matches if not is_protected(m.start(), m.end()))

    def paragraphs(self) -> Iterator[Span]:
        """Blocks of text separated by blank lines."""
        for m in regex.finditer(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+", self.text):
            start, end = m.span()
            # Strip the block's final line break so the span is just the text.
            while end > start and self.text[end - 1] in "\r\n":
                end -= 1
            if end > start:
                yield Span(start, end)


def _split_words(text: str) -> list[str]:
    """``_WORD_SPLIT_RE.split(text)``, by the faster engine where it is the same.

    Splitting is the costliest step of reading a document, and ``regex``
    looks up the Unicode properties of every character. News text mostly
    spells its words in Latin letters (ASCII, U+0080-U+024F and the
    combining accents); with those letters listed, the standard engine
    splits such a text the same way about 1.7 times faster. A text with a
    letter outside them keeps the ``regex`` pattern.
    """
    for ch in set(_BEYOND_LATIN_RE.findall(text)):
        if _is_letter(ch):
            return _WORD_SPLIT_RE.split(text)
    return _latin_word_split().split(text)


# Characters outside ASCII, U+0080-U+024F and the combining accents, and
# outside the blocks of punctuation (curly quotes, dashes) and of currency
# signs that news text is full of: these blocks hold no letter or mark (a
# test checks it against ``regex``'s tables), so they leave the split as it is.
_BEYOND_LATIN_RE = re.compile(r"[^\x00-\u024f\u0300-\u036f\u2000-\u206f\u20a0-\u20cf]")


@lru_cache(maxsize=1)
def _latin_word_split() -> re.Pattern:
    """WORD_RE with its letters listed for the Latin ranges (see _split_words),
    in a capturing group, for the standard engine. Built on first use, from
    ``regex``'s own tables, so both engines agree on what a letter is."""
    latin = map(chr, (*range(0x80, 0x250), *range(0x300, 0x370)))
    letters = "A-Za-z" + "".join(re.escape(ch) for ch in latin if _is_letter(ch))
    # Possessive quantifiers (++, *+): nothing follows the word in the
    # pattern, so giving letters back can never help a match, and the
    # engine then keeps no backtracking state (15% faster).
    return re.compile(f"([{letters}]++(?:['’\\-][{letters}]++)*+)")


@lru_cache(maxsize=8192)
def _is_letter(ch: str) -> bool:
    """True when ``ch`` is a letter or mark, as WORD_RE reads one."""
    return _LETTER_RE.match(ch) is not None


_LETTER_RE = regex.compile(r"[\p{L}\p{M}]")


def _address_spans(text: str) -> list[Span]:
    """Web and e-mail addresses, exactly as ``web|email`` would find them.

    The leftmost match wins and, at the same start, the web address (the
    first alternative); a match that starts inside the one taken is looked
    for again after it, as the alternation would resume there.
    """
    spans: list[Span] = []
    # Each pattern needs a literal that a plain str test finds far faster
    # than the regex engine's scan, and most texts have neither.
    web = _WEB_ADDRESS_RE.search(text) if "://" in text or "www." in text else None
    mail = _EMAIL_RE.search(text) if "@" in text else None
    while web or mail:
        m = web if web and (mail is None or web.start() <= mail.start()) else mail
        spans.append(Span(*m.span()))
        pos = m.end()
        if web and web.start() < pos:
            web = _WEB_ADDRESS_RE.search(text, pos)
        if mail and mail.start() < pos:
            mail = _EMAIL_RE.search(text, pos)
    return spans


def _opens_after(gap: str) -> bool:
    """True when a word after ``gap`` (the text since the previous word) opens
    a sentence: the gap holds a line break, or ends, before any opening quote
    or bracket, with sentence-ending punctuation."""
    if not gap or gap == " ":
        return False
    if "\n" in gap or "\r" in gap:
        return True
    return bool(_SENTENCE_END_RE.search(gap.rstrip(_OPENERS)))


_OPENERS = " \t\"'“‘([•*-–—"

# _opens_after for every gap met, judged once per process: the same few gaps
# (" ", ", ", ". ", a blank line) make up nearly all of every text.
_GAP_OPENS: Memo[str, bool] = Memo(_opens_after, maxsize=4096)


def _markdown_regions(text: str, line_starts: list[int]) -> list[Span]:
    """Front matter, code and HTML regions of a Markdown text."""
    from markdown_it import MarkdownIt  # deferred: only Markdown files pay for it

    spans: list[Span] = []
    fm = _FRONT_MATTER_RE.match(text)
    body_from = 0
    if fm:
        spans.append(Span(*fm.span()))
        body_from = fm.end()
    first_line = bisect.bisect_right(line_starts, body_from) - 1
    md = MarkdownIt("commonmark")
    for token in md.parse(text[body_from:]):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            a, b = token.map
            start = line_starts[first_line + a]
            end = line_starts[first_line + b] if first_line + b < len(line_starts) else len(text)
            spans.append(Span(start, end))
    for pattern in (_INLINE_CODE_RE, _HTML_TAG_RE, _MD_LINK_TARGET_RE):
        spans.extend(Span(*m.span()) for m in pattern.finditer(text, body_from))
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            if s.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged
