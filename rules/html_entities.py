"""HTML character references left in plain text: "&amp;", "&nbsp;", "&#8217;".

What it does:
    Flags named, decimal and hexadecimal character references that a scraper
    copied out of HTML without decoding ("AT&amp;T", "Myanmar&#8217;s") and
    replaces each with the character it stands for, decoding repeatedly
    escaped ones ("&amp;amp;") all the way. Only complete references with
    their closing ";" and a name HTML5 defines are flagged; "Q&A" and
    "R&D;" are text.

    In Markdown, references are part of the syntax and render correctly, so
    only doubly escaped ones ("&amp;nbsp;", which shows as "&nbsp;") are
    flagged there, and the fix removes one level of escaping. References in
    code spans and blocks are never touched (protected regions).

Why it's a problem:
    Readers see the raw code ("Russia&#8217;s", "Tom &amp; Jerry") and spell
    checkers and the grammar pass see broken words.

Example:
    "AT&amp;T and Myanmar&#8217;s army" becomes "AT&T and Myanmar’s army".

Fix safety:
    Safe: decoding follows the HTML5 rules (Python's html.unescape). A
    reference to no character, or to a control character ("&#0;",
    "&#x1;"), is flagged with nothing to apply, since deleting it might drop
    text and decoding it would insert garbage.

References:
    HTML Living Standard, 13.5 "Named character references".
"""

from __future__ import annotations

import html
import unicodedata
from html.entities import html5

import regex

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL604", "html-entities", "unicode", Severity.WARNING, FixAvailability.SOMETIMES)

# One reference, with any number of "amp;" escapes before its body.
_REFERENCE = regex.compile(
    r"&(?P<amps>(?:amp;)*)(?P<body>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)

FAILS = [
    ("AT&amp;T and Myanmar&#8217;s army", "AT&T and Myanmar’s army"),
    ("Lavrov&nbsp;arrived", "Lavrov\u00a0arrived"),
    ("&lt;b&gt; is a tag and &#x2014; a dash", "<b> is a tag and — a dash"),
    ("Tom &amp;amp; Jerry", "Tom & Jerry"),
    ("a broken &#0; reference", "a broken &#0; reference"),
]
PASSES = [
    "Q&A, R&D and AT&T",
    "R&D; and &notanentity; here",
    "an & alone",
]


def check(doc, settings):
    if "&" not in doc.text:
        return  # the usual case, proved by one character test instead of a scan
    for m in doc.finditer(_REFERENCE):
        reference, body = m.group(), m.group("body")
        if not body.startswith("#") and body + ";" not in html5:
            continue
        if doc.markdown:
            if not m.group("amps"):
                continue  # valid Markdown: it renders as the character
            replacement = "&" + reference[len("&amp;") :]
            yield META.edit(m.start(), m.end(), f"Doubly escaped reference {reference!r}", replacement, FixKind.SAFE)
            continue
        decoded = html.unescape(html.unescape("&" + body + ";"))
        if not decoded or decoded == "\ufffd" or any(unicodedata.category(c) == "Cc" for c in decoded):
            yield META.edit(m.start(), m.end(), f"HTML reference {reference!r} stands for no usable character")
            continue
        shown = decoded if decoded.isprintable() else f"U+{ord(decoded[0]):04X}"
        yield META.edit(m.start(), m.end(), f"HTML reference {reference!r}: write {shown!r}", decoded, FixKind.SAFE)
