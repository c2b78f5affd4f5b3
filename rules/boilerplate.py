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
from functools import lru_cache
from itertools import compress, count
from operator import not_
from pathlib import Path
from typing import Iterable, NamedTuple

from cleaner.edits import FixKind, Severity
from cleaner.errors import UsageError
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._regex_gate import Gate

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


_NOT_BUILT = object()
"""Marks a missing entry where None (no expression can match) is a valid one."""


class PatternSet:
    """Patterns from one or more files, indexed for fast whole-line lookup.

    Phrases go in a dict; all regular expressions are joined into one
    alternation with a named group per level, so a line costs one dict
    lookup and one regex call however many patterns there are. That call
    tries the expressions one after another, so each line is matched only
    against those that could match it at all (see cleaner.rules._regex_gate), joined the same way.
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
        self._by_start: dict[str, re.Pattern | None] = {}
        """The joined expressions that can match a line, by its first character and marks."""
        self._joined: dict[tuple[int, ...], re.Pattern | None] = {}
        """The same, by which expressions they are: many keys share one."""
        self._named: dict[tuple[Level, str], Pattern] = {}
        """Memo of which single expression matched a line, for messages."""

    def match(self, norm: str) -> Pattern | None:
        """The pattern that decides about the normalised line ``norm``, if any.

        Keep patterns win, then certain ones, then likely ones.
        """
        phrase = self._phrases.get(norm)
        if phrase is not None and phrase.level is Level.KEEP:
            return phrase
        regex = self._regex_for(norm)
        m = regex.fullmatch(norm) if regex is not None else None
        if m is None:
            return phrase
        level = Level[m.lastgroup]
        if phrase is not None and self._RANK[phrase.level] <= self._RANK[level]:
            return phrase
        return self._which(level, norm)

    def _regex_for(self, norm: str) -> re.Pattern | None:
        """The expressions that can match ``norm``, joined: the ones that can
        start with its first character and find the marks they need in it.

        Leaving out an expression that cannot match changes no answer: the
        same expression still wins, in the same order.
        """
        if not norm or not norm[0].isascii():
            return self._regex  # the gates know ASCII first characters only
        # A string key (the first character, then the rare marks present)
        # hashes faster than a tuple: this runs for every short line.
        key = norm[0] + "".join(filter(norm.__contains__, self._marks))
        regex = self._by_start.get(key, _NOT_BUILT)
        if regex is _NOT_BUILT:
            which = tuple(i for i, gate in enumerate(self._gates) if gate.admits(key[0], key[1:]))
            if which not in self._joined:
                self._joined[which] = _join([self._expressions[i] for i in which])
            regex = self._by_start[key] = self._joined[which]
        return regex

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


def _social_or_menu(norm: str) -> str | None:
    """Why a line is a share bar or a section menu, or None."""
    # Cheap gates first: such a line is short and starts with one of the listed words.
    if len(norm) > 160:
        return None
    first = norm.split(None, 1)[0].strip("|•·/,") if norm else ""
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
    for i, content in lines:
        if content is not None:
            _classify(i, normalise(content), patterns, i >= tail_from, hits, kept)
        elif i >= tail_from:
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
        shown = text[starts[hit.line] : doc.line_span(starts[hit.line]).end].strip()
        yield META.edit(
            start,
            end,
            f"Page furniture, not article text ({hit.why}): delete the line {_clip(shown)!r}",
            "",
            hit.fix,
            data={"line": shown},
        )


def _classify(i: int, norm: str, patterns: PatternSet, in_tail: bool, hits: dict, kept: set) -> None:
    """Record whether line ``i`` (normalised to ``norm``) is furniture, and why."""
    if not norm:
        return
    pattern = patterns.match(norm)
    if pattern is not None:
        if pattern.level is Level.KEEP:
            kept.add(i)
        else:
            fix = FixKind.SAFE if pattern.level is Level.CERTAIN else FixKind.SUGGESTED
            hits[i] = _Hit(i, fix, f"matches {pattern.source}")
        return
    reason = _social_or_menu(norm)
    if reason is None and in_tail and _tagline(norm):
        reason = "a site tagline in the footer"
    if reason is not None:
        hits[i] = _Hit(i, FixKind.SUGGESTED, reason)


def _clip(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def _lines(doc) -> tuple[list[bool], list[tuple[int, str | None]]]:
    """Which lines are blank, and each other line's index with its text from
    the first non-space, or None for one longer than _MAX_LINE.

    A line counts as blank with its line break (whitespace too).
    """
    text = doc.text
    if "\r" not in text:
        # "\n" alone ends lines: one split gives every line, and lstrip() what
        # _SHORT_LINE's group holds; no regex scan, and no bisect per line.
        contents = list(map(str.lstrip, text.split("\n")))
        blank = list(map(not_, contents))
        filled = zip(compress(count(), contents), filter(None, contents))  # (index, text) of each non-blank line
        return blank, [(i, c if len(c) <= _MAX_LINE else None) for i, c in filled]
    # Otherwise "\r" ends lines too, but _SHORT_LINE sees "\n" alone (a line of
    # a text in old Mac line breaks runs on): keep exactly its lines.
    starts = doc.line_starts
    ends = starts[1:]
    ends.append(len(text))
    blank = list(map(not_, map(str.strip, map(text.__getitem__, map(slice, starts, ends)))))
    lines: list[tuple[int, str | None]] = []
    seen: set[int] = set()
    for m in _SHORT_LINE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        seen.add(i)
        lines.append((i, m.group(1)))
    lines.extend((i, None) for i in range(len(starts)) if i not in seen and not blank[i])
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
        span = doc.line_span(doc.line_starts[j])
        line = text[span.start : span.end].strip()
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

    def start_of(k: int) -> int:
        return starts[k] if k < n else size

    order = sorted(hits)
    spans: dict[int, tuple[int, int]] = {}
    idx = 0
    while idx < len(order):
        run = [order[idx]]
        idx += 1
        while idx < len(order) and all(blank[k] for k in range(run[-1] + 1, order[idx])):
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
                start = start_of(prev + 1) if prev >= 0 else 0
                end = size if (j == run[-1] and not has_next) else start_of(j + 1)
            else:
                nxt = run[pos + 1] if pos + 1 < len(run) else below_text
                start, end = starts[j], start_of(nxt)
            spans[j] = (start, end)
    return spans


