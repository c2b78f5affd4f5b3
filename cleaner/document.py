"""Document: the decoded text and what rules need to know about it.

A Document is immutable. It carries the text, a line index, the regions that
no rule may touch (code, URLs, markup) and a :class:`Lexicon` built from the
document itself, which is the evidence the name-aware rules reason from.
Everything expensive is computed lazily and once.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, NamedTuple

import regex

# A word: letters and combining marks, with inner apostrophes or hyphens
# ("don't", "long-term", "McDonald's"). Digits are not words here.
WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
_URL_RE = regex.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)
_FRONT_MATTER_RE = regex.compile(r"\A(?:\ufeff)?---\r?\n.*?\r?\n(?:---|\.\.\.)\r?\n", regex.S)
_INLINE_CODE_RE = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_HTML_TAG_RE = regex.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", regex.S)
_MD_LINK_TARGET_RE = regex.compile(r"\]\([^)\s]*(?:\s\"[^\"]*\")?\)")
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


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column (in code points) of an offset."""

    line: int
    column: int


class Lexicon:
    """Word statistics drawn from one document: its own evidence about names.

    Args:
        tokens: the document's words in order.
    """

    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens = tokens
        forms = Counter(t.text for t in tokens)
        # A possessive is a use of the name: "Myanmar’s coup" is evidence for
        # "Myanmar" as much as "in Myanmar" is, so it counts under both forms.
        bases = Counter()
        for form, n in forms.items():
            base = split_possessive(form).base
            if base != form:
                bases[base] += n
        self.counts: Counter[str] = forms + bases
        """Occurrences of each word form; a possessive ("Lavrov’s") also counts
        under its base ("Lavrov")."""
        self.lower_counts: Counter[str] = Counter()
        """Occurrences of each word, case folded (possessives as in ``counts``)."""
        for form, n in self.counts.items():
            self.lower_counts[form.lower()] += n
        capitalised = Counter(t.text for t in tokens if t.text[0].isupper() and not t.sentence_start)
        # Fold possessives over the distinct forms, not over every token: the
        # lexicon is built for every document and must stay cheap.
        self.capitalised_counts: Counter[str] = Counter()
        for form, n in capitalised.items():
            self.capitalised_counts[split_possessive(form).base] += n
        """Occurrences of capitalised forms away from the start of a sentence,
        where capitals are chosen, not forced; possessives count as their base."""
        self.names: Counter[str] = _count_names(tokens, text)
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


def _count_names(tokens: list[Token], text: str) -> Counter[str]:
    """Count runs of 2-4 capitalised words joined by single spaces.

    Every sub-run of a longer run is counted too, so "Min Aung Hlaing" also
    counts "Aung Hlaing"; the entity rule wants the longest recurring form
    and can ask for it.
    """
    names: Counter[str] = Counter()
    run: list[Token] = []

    def flush() -> None:
        for size in range(2, min(4, len(run)) + 1):
            for i in range(len(run) - size + 1):
                words = run[i : i + size]
                # "The Diplomat" at a sentence start is not a name "The Diplomat"
                # any more than "However Lavrov" is; skip runs that only look
                # capitalised because a sentence begins there.
                if words[0].sentence_start and words[0].text.lower() in _FUNCTION_WORDS:
                    continue
                names[" ".join(w.text for w in words)] += 1

    # This loop sees every token of every document; it only calls flush() for
    # runs of two or more, and tests the cheap conditions first.
    for tok in tokens:
        word = tok.text
        if word[0].isupper() and word.lower() not in _FUNCTION_WORDS_INSIDE_NAMES:
            if run and text[run[-1].end : tok.start] != " ":
                if len(run) > 1:
                    flush()
                run = []
            if len(word) > 2 and word[-2:] in _POSSESSIVE_SET:
                # "Min Aung Hlaing’s visit": the possessive closes the name, and
                # the name is counted without its ending.
                run.append(tok._replace(text=word[:-2]))
                if len(run) > 1:
                    flush()
                run = []
            else:
                run.append(tok)
        elif run:
            if len(run) > 1:
                flush()
            run = []
    if len(run) > 1:
        flush()
    return names


class Possessive(NamedTuple):
    """A word split into its base and a possessive ending ("" when none)."""

    base: str
    suffix: str


_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
_POSSESSIVE_SET = frozenset(_POSSESSIVE_ENDINGS)


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

    # ------------------------------------------------------------------ lines
    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (after \\n, \\r\\n or \\r)."""
        starts = [0]
        for m in regex.finditer(r"\r\n|\r|\n", self.text):
            starts.append(m.end())
        return starts

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
        spans = [Span(*m.span()) for m in _URL_RE.finditer(self.text)]
        if self.markdown:
            spans += _markdown_regions(self.text, self.line_starts)
        return _merge(spans)

    def is_protected(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` touches a protected region."""
        end = start + 1 if end is None else max(end, start + 1)
        regions = self.protected
        i = bisect.bisect_right(regions, Span(start, len(self.text) + 1)) - 1
        for j in (i, i + 1):
            if 0 <= j < len(regions) and regions[j].start < end and start < regions[j].end:
                return True
        return False

    # ------------------------------------------------------------------ words
    @cached_property
    def tokens(self) -> list[Token]:
        """Every word with its offsets, outside protected regions."""
        tokens = []
        text = self.text
        check_protected = bool(self.protected)
        prev_end = 0
        # Whether a word opens a sentence depends only on the gap since the
        # previous word, so one pass over the gaps does it; this property is
        # built for every document and dominates the cost of a check.
        for m in WORD_RE.finditer(text):
            start, end = m.span()
            if check_protected and self.is_protected(start, end):
                prev_end = end
                continue
            gap = text[prev_end:start]
            opens = not tokens or _opens_after(gap)
            tokens.append(Token(start, end, m.group(), opens))
            prev_end = end
        return tokens

    @cached_property
    def lexicon(self) -> Lexicon:
        """The document's own word and name statistics."""
        return Lexicon(self.tokens, self.text)

    def finditer(self, pattern: regex.Pattern, start: int = 0) -> Iterator[regex.Match]:
        """Matches of ``pattern`` that do not touch a protected region."""
        for m in pattern.finditer(self.text, start):
            if not self.is_protected(m.start(), m.end()):
                yield m

    def paragraphs(self) -> Iterator[Span]:
        """Blocks of text separated by blank lines."""
        for m in regex.finditer(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+", self.text):
            start, end = m.span()
            # Strip the block's final line break so the span is just the text.
            while end > start and self.text[end - 1] in "\r\n":
                end -= 1
            if end > start:
                yield Span(start, end)


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
