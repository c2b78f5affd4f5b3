"""Page furniture left in the article: share prompts, "Source link", footers.

What it does:
    Deletes whole lines that belong to the web page rather than to the
    article: share, follow and subscribe prompts, "Source link", "Related
    Articles", "Back to top button", advertising markers, cookie banners and
    comment forms, copyright and site-tagline lines, date and weather
    widgets. Lines are matched whole, against the patterns in
    ``rules/data/boilerplate.txt`` and in any files named by the
    ``boilerplate_files`` setting (same format; add a site's own there).
    Where a pattern would be too rigid, heuristics take over: a line that
    only lists social networks or menu sections, a site tagline among the
    last lines of the text (a run of "news", "latest", "breaking",
    "updated", "24/7"), and a short widget heading right above such a line
    whose words all recur in it ("CNB World Desk" over "Follow CNB News World
    Desk on Instagram"). Blank lines around a deleted line are collapsed
    so the text reads as if cleaned by hand.

Why it's a problem:
    Scrapers keep the page around the article. The furniture is published
    as if the author wrote it, it pads word counts, and it confuses every
    later step (summaries, translation, the grammar pass).

Example:
    "Lavrov left.\\n\\nShare this article\\n\\nSource link" becomes
    "Lavrov left.\\n".

Fix safety:
    Lines matched by a "certain" pattern (marked ``!``) are deleted by
    ``cleaner fix``; "likely" patterns (``?``) and every heuristic only
    suggest the deletion, because a short line such as "Menu" or a date can
    be the article's own. Patterns match only a whole line, so a sentence
    that mentions "source link" or "subscribe" is never touched, and
    bylines, datelines and an author's bio stay. A ``=`` pattern keeps lines
    a site needs.

References:
    Boilerplate detection in web-page cleaning (e.g. jusText, Boilerpipe)
    classifies whole blocks; this rule is the line-level, editable kind.
"""

from __future__ import annotations

import bisect
import enum
import importlib.resources
import re
from functools import lru_cache, partial
from itertools import compress, count
from operator import itemgetter, not_
from pathlib import Path
from typing import Iterable, NamedTuple

from cleaner.edits import FixKind, Severity
from cleaner.errors import UsageError
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.memo import Memo
from cleaner.rules._regex_gate import PREFIX, Gate

META = RuleMeta("CL401", "boilerplate", "boilerplate", Severity.WARNING, FixAvailability.ALWAYS)

_MAX_LINE = 300
"""Longer lines are prose: furniture is short, and skipping long lines keeps
the rule fast. Site taglines are the one long kind, handled separately."""
_MAX_TAGLINE = 600
_TAIL_LINES = 12
"""How many non-blank lines at the end of a text count as its footer."""


class Level(str, enum.Enum):
    """What a pattern says about a line it matches."""

    CERTAIN = "!"
    LIKELY = "?"
    KEEP = "="


class Pattern(NamedTuple):
    """One pattern line of a boilerplate file."""

    level: Level
    source: str
    """Where the pattern was written, ``file:line``, for messages."""
    text: str
    """The phrase (normalised) or the regular expression."""
    compiled: re.Pattern | None
    """The compiled expression; None for a plain phrase."""


def _join(expressions: list[Pattern]) -> re.Pattern | None:
    """One alternation of ``expressions``, with a named group per level."""
    branches = []
    for level in Level:  # keep, certain, likely: the first branch that matches wins
        parts = [p.text for p in expressions if p.level is level]
        if parts:
            branches.append(f"(?P<{level.name}>" + "|".join(f"(?:{x})" for x in parts) + ")")
    return re.compile("|".join(branches), re.I) if branches else None


_HEAD = itemgetter(slice(0, PREFIX))
"""A line's head, its first PREFIX characters: what the gates look at."""
_MAX_HEADS = 20_000
"""Bound on the heads remembered per process (each new one costs a look at the gates)."""


class PatternSet:
    """Patterns from one or more files, indexed for fast whole-line lookup.

    Phrases go in a dict; all regular expressions are joined into one
    alternation with a named group per level, so a line costs one dict
    lookup and one regex call however many patterns there are. That call
    tries the expressions one after another, so each line is matched only
    against those that could match a line with its head and in its text
    (see cleaner.rules._regex_gate), joined the same way; most prose lines
    against none.
    """

    _RANK = {Level.KEEP: 0, Level.CERTAIN: 1, Level.LIKELY: 2}

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = patterns
        self._phrases: dict[str, Pattern] = {}
        for p in patterns:
            # A keep phrase beats a delete phrase; otherwise the first file wins.
            if p.compiled is None and (p.text not in self._phrases or p.level is Level.KEEP):
                self._phrases[p.text] = p
        self._expressions = [p for p in patterns if p.compiled is not None]
        self._regex = _join(self._expressions)
        self._gates = [Gate.of(p.text) for p in self._expressions]
        self._marks = "".join(sorted({c for g in self._gates for c in g.marks or ()}))
        self._by_first: Memo[str, tuple[int, ...]] = Memo(self._admitting, _MAX_HEADS)
        """Which expressions can match a line, by its first character."""
        self._by_marks: dict[str, Memo[str, re.Pattern | None]] = {}
        """The expressions that can match a line, joined: by the rare marks
        of its text, then by its head."""
        self._joined: dict[tuple[int, ...], re.Pattern | None] = {}
        """The same, by which expressions they are: many keys share one."""
        self._named: dict[tuple[Level, str], Pattern] = {}
        """Memo of which single expression matched a line, for messages."""

    def marks_in(self, text: str) -> str:
        """The rare marks that some expression needs (see _regex_gate) and ``text`` holds."""
        return "".join(filter(text.__contains__, self._marks))

    def match(self, norm: str, marks: str | None = None) -> Pattern | None:
        """The pattern that decides about the normalised line ``norm``, if any.

        Keep patterns win, then certain ones, then likely ones. ``marks``:
        ``marks_in()`` of the line, or of the whole text it comes from (any
        superset only costs speed).
        """
        regex = self._regex_for(norm, self.marks_in(norm) if marks is None else marks)
        return self._decide(norm, self._phrases.get(norm), regex)

    def match_all(self, norms: list[str], heads: list[str], marks: str) -> list[Pattern | None]:
        """``match()`` of each line of a text that holds the rare ``marks``;
        ``heads``: the head of each."""
        found = list(map(self._phrases.get, norms))
        regexes = list(map(self._table(marks).__getitem__, heads))
        # Only the lines that some expression can match need a closer look.
        for k in compress(range(len(norms)), regexes):
            if norms[k]:  # not a line of bullets alone (no phrase is empty)
                found[k] = self._decide(norms[k], found[k], regexes[k])
        return found

    def _decide(self, norm: str, phrase: Pattern | None, regex: re.Pattern | None) -> Pattern | None:
        if phrase is not None and phrase.level is Level.KEEP:
            return phrase
        m = regex.fullmatch(norm) if regex is not None else None
        if m is None:
            return phrase
        level = Level[m.lastgroup]
        if phrase is not None and self._RANK[phrase.level] <= self._RANK[level]:
            return phrase
        return self._which(level, norm)

    def _regex_for(self, norm: str, marks: str) -> re.Pattern | None:
        """The expressions that can match ``norm``, joined: the ones that can
        start with its head and find the marks they need.

        Leaving out an expression that cannot match changes no answer: the
        same expression still wins, in the same order.
        """
        return self._table(marks)[_HEAD(norm)]

    def _table(self, marks: str) -> Memo[str, re.Pattern | None]:
        table = self._by_marks.get(marks)
        if table is None:
            table = self._by_marks[marks] = Memo(partial(self._joined_for, marks), _MAX_HEADS)
        return table

    def _admitting(self, first: str) -> tuple[int, ...]:
        return tuple(i for i, gate in enumerate(self._gates) if gate.admits_first(first))

    def _joined_for(self, marks: str, head: str) -> re.Pattern | None:
        # Run for each new head a process meets: a few expressions can start
        # with its first character, and only those are asked about the rest.
        gates = self._gates
        which = tuple(
            i for i in self._by_first[head[:1]] if gates[i].admits_start(head) and gates[i].admits_marks(marks)
        )
        if which not in self._joined:
            self._joined[which] = _join([self._expressions[i] for i in which])
        return self._joined[which]

    def _which(self, level: Level, norm: str) -> Pattern:
        # Only called on a hit: find the single expression, to name it.
        key = (level, norm)
        if key not in self._named:
            self._named[key] = next(
                p for p in self.patterns if p.level is level and p.compiled is not None and p.compiled.fullmatch(norm)
            )
        return self._named[key]


# ----------------------------------------------------------------- normalising
# Plain str methods, not regular expressions: this runs on every short line.
_BULLETS = " \t\u00a0\u3000•·●▪►▸*+>|#"
_DASHES = "-–—"
_TRAILING = " \t\r\n\u00a0\u3000:.…»›→|"
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))


def normalise(line: str) -> str:
    """The form a line is matched in: no bullets or trailing colons, one case.

    >>> normalise("  • Share this: ")
    'share this'
    """
    line = line.lstrip(_BULLETS)
    # A dash is a bullet only when a space follows ("- Share"); "-5°C" keeps it.
    while line[:1] in _DASHES and line[1:2].isspace():
        line = line[1:].lstrip(_BULLETS)
    line = line.rstrip(_TRAILING)
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = " ".join(line.split())
    if not line.isascii():  # most lines are: no curly quote to look for
        for curly, straight in _QUOTES:
            if curly in line:
                line = line.replace(curly, straight)
    return line.casefold()


# ------------------------------------------------------------------ loading
def parse_patterns(lines: Iterable[str], name: str) -> tuple[Pattern, ...]:
    """Parse the lines of a boilerplate file.

    Raises:
        UsageError: naming ``name`` and the line, for a line without a known
            marker or with a regular expression that does not compile.
    """
    patterns = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{name}:{number}"
        marker, _, body = line.partition(" ")
        if len(marker) > 1 and marker[0] in "!?=" and marker[1].isspace():  # a tab after the marker
            marker, body = marker[0], line[1:]
        body = body.strip()
        if marker not in {lv.value for lv in Level} or not body:
            raise UsageError(
                f"{where}: expected '!', '?' or '=' then a space and a pattern, got {line[:60]!r}"
            )
        level = Level(marker)
        if len(body) > 2 and body.startswith("/") and body.endswith("/"):
            expression = body[1:-1]
            try:
                compiled = re.compile(expression, re.I)
            except re.error as exc:
                raise UsageError(f"{where}: bad regular expression: {exc}") from None
            try:
                # It must also compile as one branch of the joined alternation,
                # where a global flag such as (?i) is no longer at the start.
                re.compile(f"x|(?P<branch>(?:{expression}))")
            except re.error:
                raise UsageError(
                    f"{where}: inline flags such as (?i) are not allowed (case is already ignored)"
                ) from None
            # Patterns are joined into one alternation: names would clash
            # and group numbers shift.
            if compiled.groupindex or re.search(r"\\[1-9]|\(\?P=", expression):
                raise UsageError(f"{where}: named groups and back-references are not allowed")
            patterns.append(Pattern(level, where, expression, compiled))
        else:
            phrase = normalise(body)
            # A phrase of bullets and dots ("* * *") normalises to nothing and
            # could never match; learned pattern files may hold such lines.
            if phrase:
                patterns.append(Pattern(level, where, phrase, None))
    return tuple(patterns)


@lru_cache(maxsize=1)
def _builtin() -> tuple[Pattern, ...]:
    resource = importlib.resources.files("cleaner.rules") / "data" / "boilerplate.txt"
    return parse_patterns(resource.read_text(encoding="utf-8").splitlines(), "boilerplate.txt")


@lru_cache(maxsize=64)
def _load_file(path: str, mtime_ns: int, size: int) -> tuple[Pattern, ...]:
    # Keyed by mtime and size, so an edited file is read again and an
    # unchanged one is read once per process.
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read boilerplate file: {exc}") from None
    return parse_patterns(text.splitlines(), path)


def _file_patterns(path: Path) -> tuple[Pattern, ...]:
    try:
        st = path.stat()
    except OSError:
        raise UsageError(f"{path}: boilerplate file not found") from None
    if not path.is_file():
        raise UsageError(f"{path}: boilerplate file is not a file")
    return _load_file(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _pattern_set(extra: tuple[tuple[Pattern, ...], ...]) -> PatternSet:
    # The user's files come first, so their keep and delete patterns win.
    return PatternSet(tuple(p for group in extra for p in group) + _builtin())


def patterns_for(settings) -> PatternSet:
    """The built-in patterns plus those of ``settings.boilerplate_files``."""
    files = tuple(getattr(settings, "boilerplate_files", ()) or ())
    return _pattern_set(tuple(_file_patterns(Path(f)) for f in files))


# --------------------------------------------------------------- heuristics
_SOCIAL = frozenset(
    """facebook twitter x linkedin whatsapp telegram email e-mail mail print reddit pinterest
    tumblr instagram youtube tiktok threads bluesky mastodon flipboard pocket messenger viber
    vk weibo wechat line snapchat rss sms copy link share tweet pin google news on via with us
    follow""".split()
)
_NETWORKS = frozenset(
    """facebook twitter x linkedin whatsapp telegram reddit pinterest tumblr instagram youtube
    tiktok threads bluesky mastodon flipboard pocket messenger viber vk weibo wechat snapchat
    email e-mail""".split()
)
_MENU = frozenset(
    """home news world business politics sport sports opinion culture arts tech technology science
    health lifestyle entertainment video videos podcasts podcast travel economy markets money
    weather local national international asia africa europe americas australia environment
    climate education jobs contact about search login subscribe menu live latest features
    analysis investigations style food music film tv books games photos life society us uk
    middle east region regions more""".split()
)
_MENU_SEPARATORS = re.compile(r"\s+[|•·/]\s+|\s*[|•·]\s*")
_TAGLINE_WORDS = frozenset(
    """news latest breaking updated update updates 24/7 online headlines hot daily today trending
    mainstream entertainment politics society reliable reliably quickly everyday world images
    video videos clips""".split()
)
_TOKENS = re.compile(r"[^\W_][\w/'+-]*")
_LIST_FIRST_WORDS = _SOCIAL | _MENU
_BRAND = re.compile(r"[^\s:]{2,30}:\s")


_LIST_MAX = 160
"""Longer lines are never a share bar or a menu."""
_LIST_PUNCTUATION = "|•·/,"


def _may_start_list(head: str) -> bool:
    """Whether the first word that _social_or_menu() takes from a line with
    this head (PREFIX characters, or all of a shorter line) can be one of the
    listed words."""
    if not head:
        return False  # an empty line
    if head[0].isspace():
        return True  # split() would look further
    end = next((k for k, c in enumerate(head) if c.isspace()), None)
    if end is not None:
        # The line's first word ends inside ``head``: take it as split() does.
        return head[:end].strip(_LIST_PUNCTUATION) in _LIST_FIRST_WORDS
    if any(c in _LIST_PUNCTUATION for c in head):
        return True  # strip() may take some of it off
    # Otherwise the first word starts with all of ``head``, and strip()
    # keeps it: only a listed word starting so can follow.
    return head in _LIST_PREFIXES


_LIST_PREFIXES = frozenset(word[:n] for word in _LIST_FIRST_WORDS for n in range(1, PREFIX + 1))
_LIST_HEADS: Memo[str, bool] = Memo(_may_start_list, _MAX_HEADS)


def _social_or_menu(norm: str) -> str | None:
    """Why a line is a share bar or a section menu, or None."""
    # Cheap gates first: such a line is short and starts with one of the listed words.
    if len(norm) > _LIST_MAX:
        return None
    # A line can be all white space by now ("•" and a thin space): no first word.
    words = norm.split(None, 1)
    first = words[0].strip(_LIST_PUNCTUATION) if words else ""
    if first not in _LIST_FIRST_WORDS:
        return None
    tokens = _TOKENS.findall(norm)
    if len(tokens) >= 2 and all(t in _SOCIAL for t in tokens) and sum(t in _NETWORKS for t in set(tokens)) >= 2:
        return "a list of social networks (a share or follow bar)"
    items = [i for i in _MENU_SEPARATORS.split(norm) if i]
    if len(items) >= 4 and all(len(i.split()) <= 3 for i in items):
        words = [w for i in items for w in i.split()]
        if sum(w in _MENU for w in words) >= 0.75 * len(words):
            return "a list of site sections (a navigation menu)"
    return None


def _tagline(norm: str) -> bool:
    """A site's self-description: "latest breaking news, updated 24/7" and so on.

    Two signals are needed: the vocabulary (news more than once, and several
    other words of the trade, densely) and a tagline's form (a "Brand:"
    opening, "24/7" or "breaking news"), so that a sentence about the news
    in an article's last paragraph stays.
    """
    if norm.count("news") < 2:
        return False
    if not ("24/7" in norm or "breaking news" in norm or _BRAND.match(norm)):
        return False
    tokens = _TOKENS.findall(norm)
    if len(tokens) < 6:
        return False
    hits = [t for t in tokens if t in _TAGLINE_WORDS]
    return tokens.count("news") >= 2 and len(set(hits)) >= 4 and len(hits) >= 0.2 * len(tokens)


# ------------------------------------------------------------------- the rule
class _Hit(NamedTuple):
    line: int
    """Index of the line in ``doc.line_starts``."""
    fix: FixKind
    why: str


FAILS = [
    ("Lavrov left.\n\nShare this article\n\nSource link", "Lavrov left.\n"),
    ("Lavrov left.\n\nRelated Articles\n\nBack to top button\n", "Lavrov left.\n"),
    ("Advertisement\n\nLavrov left Naypyitaw.\n", "Lavrov left Naypyitaw.\n"),
    ("Lavrov left.\n\nADVERTISEMENT\n\nHe flew to Phnom Penh.\n", "Lavrov left.\n\nHe flew to Phnom Penh.\n"),
    ("Lavrov left.\nScroll to continue with content\nHe flew on.\n", "Lavrov left.\nHe flew on.\n"),
    ("Lavrov left.\r\n\r\n  • Share on Facebook\r\n\r\nHe flew on.\r\n", "Lavrov left.\r\n\r\nHe flew on.\r\n"),
    (
        "He wrote it.\n\nAgency UN Office\n\nFollow Agency News UN Office on Instagram\n\n"
        "© Agency (2022) – All rights reserved\n",
        "He wrote it.\n",
    ),
    ("He wrote it.\n\nFacebook Twitter WhatsApp Email\n\nMore text.", "He wrote it.\n\nMore text."),
    (
        "He wrote it.\n\nSiteX: the latest breaking news online, hot news and world news updated 24/7\n",
        "He wrote it.\n",
    ),
    ("He wrote it.\n\nTags: Myanmar, Russia, ASEAN\n", "He wrote it.\n"),
]
PASSES = [
    "NAYPYITAW, Aug 3 (Reuters) - Lavrov arrived on Wednesday.",
    "By Jan Servaes\n\nLavrov arrived on Wednesday.",
    "Lena Okoro is the Chair of Media Studies at a university. She has taught in "
    "Ghana and Belgium.",
    "Readers can follow the source link below to check the figures.",
    "Share prices fell sharply on Monday.",
    "Subscribe to nothing, he said.",
    "The news agency updated its report with the latest figures today.",
    "Related reading for him meant the classics.",
]


# A non-blank line of at most _MAX_LINE characters (after its indentation),
# where "\n" alone ends a line. _lines() reads a text without "\r" faster.
_SHORT_LINE = re.compile(r"^[^\S\n]*(\S[^\n]{0,%d})$" % (_MAX_LINE - 1), re.M)


def check(doc, settings):
    patterns = patterns_for(settings)
    text = doc.text
    starts = doc.line_starts
    blank, lines = _lines(doc)
    hits: dict[int, _Hit] = {}
    kept: set[int] = set()
    tail_from = _tail_start(blank)
    # Most lines are prose that nothing matches. The steps run over all the
    # lines at once, in C where they can, and Python looks only at the few
    # lines a step singles out.
    norms = list(map(normalise, lines.texts))
    heads = list(map(_HEAD, norms))
    # The rare marks of the whole text stand for those of each line: an
    # expression that needs one the text lacks can match no line of it.
    decided = patterns.match_all(norms, heads, patterns.marks_in(text))
    for k in compress(range(len(norms)), decided):
        pattern, i = decided[k], lines.indices[k]
        if pattern.level is Level.KEEP:
            kept.add(i)
        else:
            fix = FixKind.SAFE if pattern.level is Level.CERTAIN else FixKind.SUGGESTED
            hits[i] = _Hit(i, fix, f"matches {pattern.source}")
    # The heuristics, for the lines no pattern decided: share bars and menus
    # (only lines with a head a listed word can have), then site taglines
    # among the footer's lines that are neither.
    for k in compress(range(len(norms)), map(_LIST_HEADS.__getitem__, heads)):
        reason = _social_or_menu(norms[k]) if decided[k] is None else None
        if reason is not None:
            hits[lines.indices[k]] = _Hit(lines.indices[k], FixKind.SUGGESTED, reason)
    for k in range(bisect.bisect_left(lines.indices, tail_from), len(norms)):
        i = lines.indices[k]
        if decided[k] is None and norms[k] and i not in hits and _tagline(norms[k]):
            hits[i] = _Hit(i, FixKind.SUGGESTED, "a site tagline in the footer")
    for i in lines.long[bisect.bisect_left(lines.long, tail_from) :]:
        # Footer lines too long for the patterns may still be a site tagline.
        span = doc.line_span(starts[i])
        if span.end - span.start <= _MAX_TAGLINE and _tagline(normalise(text[span.start : span.end])):
            hits[i] = _Hit(i, FixKind.SUGGESTED, "a site tagline in the footer")
    if not hits:
        return
    _add_widget_headings(doc, hits, kept, tail_from, blank)
    spans = _deletions(doc, hits, blank)
    for hit in sorted(hits.values()):
        start, end = spans[hit.line]
        shown = _stripped_line(text, starts, hit.line)
        yield META.edit(
            start,
            end,
            f"Page furniture, not article text ({hit.why}): delete the line {_clip(shown)!r}",
            "",
            hit.fix,
            data={"line": shown},
        )


def _stripped_line(text: str, starts: list[int], i: int) -> str:
    """Line ``i`` without its indentation and trailing space."""
    # With its line break, which strip() takes off with the trailing space:
    # the same text as by doc.line_span(), without a bisect.
    return text[starts[i] : starts[i + 1] if i + 1 < len(starts) else len(text)].strip()


def _clip(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


class _Lines(NamedTuple):
    indices: list[int]
    """The non-blank lines of at most _MAX_LINE characters (after indentation)."""
    texts: list[str]
    """Each one's text from its first non-space."""
    long: list[int]
    """The other non-blank lines."""


def _lines(doc) -> tuple[list[bool], _Lines]:
    """Which lines are blank, and the others, short and long.

    A line counts as blank with its line break (whitespace too).
    """
    text = doc.text
    if "\r" not in text:
        # "\n" alone ends lines: one split gives every line, and lstrip() what
        # _SHORT_LINE's group holds; no regex scan, and no bisect per line.
        contents = list(map(str.lstrip, text.split("\n")))
        blank = list(map(not_, contents))
        filled = list(compress(count(), contents))  # the index of each non-blank line
        texts = list(filter(None, contents))
        fits = list(map(_MAX_LINE.__ge__, map(len, texts)))
        return blank, _Lines(
            list(compress(filled, fits)), list(compress(texts, fits)), list(compress(filled, map(not_, fits)))
        )
    # Otherwise "\r" ends lines too, but _SHORT_LINE sees "\n" alone (a line of
    # a text in old Mac line breaks runs on): keep exactly its lines.
    starts = doc.line_starts
    ends = starts[1:]
    ends.append(len(text))
    blank = list(map(not_, map(str.strip, map(text.__getitem__, map(slice, starts, ends)))))
    lines = _Lines([], [], [])
    for m in _SHORT_LINE.finditer(text):
        lines.indices.append(bisect.bisect_right(starts, m.start()) - 1)
        lines.texts.append(m.group(1))
    seen = set(lines.indices)
    lines.long.extend(i for i in range(len(starts)) if i not in seen and not blank[i])
    return blank, lines


def _tail_start(blank: list[bool]) -> int:
    """Index of the first line of the footer: the last few non-blank lines."""
    seen = 0
    for i in range(len(blank) - 1, -1, -1):
        if not blank[i]:
            seen += 1
            if seen == _TAIL_LINES:
                return i
    return 0


# A widget title: two to four capitalised words with an acronym ("IPS UN Office").
_WIDGET_TITLE = re.compile(r"(?=.*\b[A-Z]{2,}\b)[A-Z][\w]*(?: [A-Z][\w]*){1,3}")


def _add_widget_headings(doc, hits: dict[int, _Hit], kept: set[int], tail_from: int, blank: list[bool]) -> None:
    """Flag the short title of a footer widget.

    Two cases, both suggestions: a short line whose words all recur in the
    furniture line right below it ("CNB World Desk" over "Follow CNB News
    World Desk on Instagram"), and a title-cased line with an acronym among the
    furniture after the article, which still reads as one once the widget
    below it is gone. A sign-off ("Lena Okoro") has no acronym and stays.
    """
    text = doc.text
    for i in sorted(hits):
        j = i - 1
        while j >= 0 and blank[j]:
            j -= 1
        if j < tail_from or j in hits or j in kept:
            continue
        line = _stripped_line(text, doc.line_starts, j)
        if line.endswith((".", "!", "?")):  # a sentence (the article's last, often): no need for its words
            continue
        words = _TOKENS.findall(normalise(line))
        if not 1 <= len(words) <= 5:
            continue
        below = doc.line_span(doc.line_starts[i])
        below_words = set(_TOKENS.findall(normalise(text[below.start : below.end])))
        if all(w in below_words for w in words):
            hits[j] = _Hit(j, FixKind.SUGGESTED, "the heading of the widget below it")
        elif _WIDGET_TITLE.fullmatch(line) and _only_furniture_after(blank, j, hits):
            hits[j] = _Hit(j, FixKind.SUGGESTED, "a widget title among the furniture after the article")


def _only_furniture_after(blank: list[bool], j: int, hits: dict[int, _Hit]) -> bool:
    return all(k in hits or blank[k] for k in range(j + 1, len(blank)))


def _deletions(doc, hits: dict[int, _Hit], blank: list[bool]) -> dict[int, tuple[int, int]]:
    """For each furniture line, the span that deletes it with one adjacent gap.

    A *run* is furniture lines with only blank lines between them. Every
    line of a run takes the gap (blank lines) on the same side: above it, or
    below it. Whatever subset of the run's deletions is applied (safe ones
    alone, or all), exactly one of the gaps between two surviving lines is
    left, so no deletion ever stacks blank lines. The side is chosen to keep
    the wider of the gaps around the run, so a paragraph break survives;
    at the start of the text the gaps below go, at the end those above go
    and the last line takes the trailing blank lines too.
    """
    starts = doc.line_starts
    n = len(starts)
    size = len(doc.text)
    start_of = [*starts, size]  # where line k starts, and for k == n where the text ends
    order = sorted(hits)
    spans: dict[int, tuple[int, int]] = {}
    idx = 0
    while idx < len(order):
        run = [order[idx]]
        idx += 1
        while idx < len(order) and False not in blank[run[-1] + 1 : order[idx]]:
            run.append(order[idx])
            idx += 1
        above_text = run[0] - 1
        while above_text >= 0 and blank[above_text]:
            above_text -= 1
        below_text = run[-1] + 1
        while below_text < n and blank[below_text]:
            below_text += 1
        has_next = below_text < n
        gap_above = run[0] - above_text - 1
        gap_below = below_text - run[-1] - 1
        take_above = not has_next or (above_text >= 0 and gap_below >= gap_above)
        for pos, j in enumerate(run):
            if take_above:
                prev = run[pos - 1] if pos else above_text
                start = start_of[prev + 1] if prev >= 0 else 0
                end = size if (j == run[-1] and not has_next) else start_of[j + 1]
            else:
                nxt = run[pos + 1] if pos + 1 < len(run) else below_text
                start, end = starts[j], start_of[nxt]
            spans[j] = (start, end)
    return spans


