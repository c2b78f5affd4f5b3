"""HTML tags left in plain text: "<p>", "</strong>", "<br />", "<span class=...>".

What it does:
    In plain-text documents, flags runs of HTML tags with known element
    names (p, div, br, span, strong, em, a, li, h1-h6, table cells, img,
    script ...) and HTML comments, and removes them. Where a block tag
    ("</p><p>", "<br>") stood between two words, one space is left so the
    words do not glue together; inline tags ("<b>", "</em>") go entirely,
    keeping the text they wrapped. A script or style element goes with its
    content.

    Markdown documents are skipped: HTML is part of Markdown. Names that are
    not HTML elements ("<Name>", "x < y > z") are text, not tags.

Why it's a problem:
    Readers see raw markup, and the grammar pass and the other rules see
    "<p>The" as one broken word.

Example:
    "The talks ended.</p><p>Lavrov left for <strong>Phnom Penh</strong>."
    becomes "The talks ended. Lavrov left for Phnom Penh.".

Fix safety:
    Safe for formatting and structure tags (p, div, br, span, b, strong, em,
    i, u, a, li, ul, ol, h1-h6, table parts, font, small, sup, sub) that
    touch the text they wrapped ("<p>The", "said.</p>"): only markup goes,
    every word stays. A tag with spaces on both sides is only a suggestion,
    since the text may be talking about it ("the <li> element"); mixed-case
    names ("<Ins>", "<Br>") are key names or placeholders and are skipped. Suggested for elements that carry
    content or media (img, iframe, figure, video, script and style with
    their content), since a caption or alt text may be lost. A tag whose
    attribute holds a URL is only flagged, up to the URL: URLs are protected
    regions that no rule may edit.
"""

from __future__ import annotations

import bisect
import re

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL605", "html-tags", "markup", Severity.WARNING, FixAvailability.SOMETIMES)

# Removing these keeps every word: pure formatting or structure.
_SAFE_NAMES = (
    "a abbr article aside b big blockquote br center cite code dd div dl dt em font footer h1 h2 h3 h4 h5 h6 "
    "header hr i ins kbd li mark nav ol p pre q s section small span strike strong sub sup table tbody td tfoot "
    "th thead time tr tt u ul"
).split()
_SAFE_SET = frozenset(_SAFE_NAMES)
# These carry content or media: removing them may lose a caption or alt text.
_CONTENT_NAMES = (
    "audio button embed figcaption figure form iframe img input label noscript picture source svg video"
).split()
# Tags that separate words when they stand between them.
_BLOCK = frozenset(
    "article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li nav ol p pre "
    "section table tbody td tfoot th thead tr ul".split()
)
_ATTRS = r"""(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*/?"""
_NAME = "|".join(sorted(_SAFE_NAMES + _CONTENT_NAMES, key=len, reverse=True))
_TAG = rf"(?:</?(?:{_NAME})\b{_ATTRS}>|<!--.*?-->)"
# Tags on one line form one run; a line break between them is kept.
_RUN = regex.compile(rf"{_TAG}(?:[ \t]*{_TAG})*", regex.I | regex.S)
_SCRIPT = regex.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", regex.I | regex.S)
_TAG_NAME = regex.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
# Only texts with "<" followed by a letter, "/" or "!" can hold a tag.
_CANDIDATE = re.compile(r"<[A-Za-z/!]")

FAILS = [
    (
        "The talks ended.</p><p>Lavrov left for <strong>Phnom Penh</strong>.",
        "The talks ended. Lavrov left for Phnom Penh.",
    ),
    ("Min Aung Hlaing<br />met the envoy", "Min Aung Hlaing met the envoy"),
    ('<span class="dateline">NAYPYITAW</span> – The envoy', "NAYPYITAW – The envoy"),
    ("Talks <!-- ad slot --> resumed", "Talks resumed"),
    ("before<script>var x = 1;</script> after", "before after"),
    ('Photo: <img alt="Lavrov" /> Reuters', "Photo: Reuters"),
]
PASSES = [
    "Plain news text with no markup.",
    "If x < y and y > z then <Name> stays.",
    "Write to <editor@example.com> today.",
]


def check(doc, settings):
    if doc.markdown:
        return
    text = doc.text
    if "<" not in text or not _CANDIDATE.search(text):
        return  # the usual case: "<" is a one-character test, cheaper than the scan
    scripts = []
    for m in _SCRIPT.finditer(text):
        scripts.append(m.span())
        if not doc.is_protected(m.start(), m.end()):
            yield META.edit(m.start(), m.end(), f"HTML {m.group(1).lower()} element left in the text", "",
                            FixKind.SUGGESTED)
    blocked: set[str] = set()  # elements whose opening tag could not be removed
    for m in _RUN.finditer(text):
        start, end = m.span()
        if any(a < end and start < b for a, b in scripts):
            continue
        raw_names = _TAG_NAME.findall(m.group())
        if any(not (n.islower() or n.isupper()) for n in raw_names):
            continue  # "<Ins>", "<Br>": key names or placeholders, not markup
        names = {n.lower() for n in raw_names}
        shown = " ".join(sorted(names)) or "comment"
        if doc.is_protected(start, end):
            # A URL in an attribute: point at the tag up to the URL, fix nothing.
            cut = _first_protected(doc, start, end)
            blocked |= names
            if cut > start:
                yield META.edit(start, cut, f"HTML tag ({shown}) left in the text; it holds a URL")
            continue
        between_words = 0 < start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
        replacement = " " if between_words and names & _BLOCK else ""
        if 0 < start and end < len(text) and text[start - 1] == " " and text[end] == " ":
            end += 1  # "Talks <!-- ad --> resumed": take one of the two spaces along
        if names & blocked and m.group().lstrip().startswith("</"):
            # Removing "</a>" while "<a href=...>" must stay would leave half
            # an element: flag it with its opening tag instead.
            yield META.edit(start, m.end(), f"HTML tag ({shown}) left in the text; its opening tag holds a URL")
            continue
        # Leftover markup touches the text it wrapped ("<p>The", "said.</p>");
        # a tag with spaces on both sides may be a tag being talked about
        # ("the <li> element"), so that is only a suggestion.
        spaced = (start == 0 or text[start - 1].isspace()) and (m.end() == len(text) or text[m.end()].isspace())
        comment = m.group().startswith("<!--")
        safe = names <= _SAFE_SET and (comment or not spaced)
        yield META.edit(start, end, f"HTML markup ({shown}) left in the text", replacement,
                        FixKind.SAFE if safe else FixKind.SUGGESTED)


def _first_protected(doc, start: int, end: int) -> int:
    """The first offset in ``[start, end)`` inside a protected region."""
    regions = doc.protected
    k = max(0, bisect.bisect_right(regions, (start, len(doc.text) + 1)) - 1)
    for span in regions[k:]:
        if span.start >= end:
            break
        if span.end > start:
            return max(start, span.start)
    return end
