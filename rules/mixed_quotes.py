"""Straight and curly double quotes mixed in one document.

What it does:
    Counts the document's double quotation marks of each style, straight (")
    and curly (“ ”), and when both occur flags every mark of the less common
    style, proposing the other style. A straight mark becomes “ where it opens
    a quotation and ” where it closes one (decided from its neighbours and
    the marks before it in the paragraph). On a tie the straight marks are
    flagged, since edited news copy uses curly quotes. Inch marks (12") and
    marks in code, URLs and markup do not count.

Why it's a problem:
    Mixed styles show that a text was pasted together from several sources
    (or partly re-typed); it looks unedited, and it hides quotations from
    tools that search for one style.

Example:
    "Lavrov praised a “friendly partner” and a "loyal friend" and a “true
    ally”." becomes "... a “loyal friend” and ...".

Fix safety:
    Suggested: choosing between “ and ” for a straight mark is a guess when a
    quotation is unbalanced or the mark sits between two words.
"""

from __future__ import annotations

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules.unbalanced_quotes import double_quotes

META = RuleMeta("CL507", "mixed-quotes", "punctuation", Severity.INFO, FixAvailability.ALWAYS)

FAILS = [
    (
        'Lavrov praised a “friendly partner” and a "loyal friend" and a “true ally”.',
        "Lavrov praised a “friendly partner” and a “loyal friend” and a “true ally”.",
    ),
    (
        'He said "yes". She said "no". They said "maybe", then “never”.',
        'He said "yes". She said "no". They said "maybe", then "never".',
    ),
    ('A "tie" and a “tie”.', "A “tie” and a “tie”."),
]
PASSES = [
    "Only “curly” quotes “here”.",
    'Only "straight" quotes "here".',
    "A 15\" screen in a “curly” text.",
    "Apostrophes don't count, nor ‘single’ ones.",
]


def check(doc, settings):
    text = doc.text
    if '"' not in text or ("“" not in text and "”" not in text):
        return  # one style only: the usual case, decided without a scan
    marks = list(double_quotes(doc))
    straight = [m for m in marks if text[m.offset] == '"']
    curly = len(marks) - len(straight)
    if not straight or not curly:
        return
    if len(straight) <= curly:
        message = f"Straight quote in a text that mostly uses curly ones ({curly} curly, {len(straight)} straight)"
        for m in straight:
            yield META.edit(m.offset, m.offset + 1, message, "“" if m.role == "open" else "”", FixKind.SUGGESTED)
    else:
        message = f"Curly quote in a text that mostly uses straight ones ({len(straight)} straight, {curly} curly)"
        for m in marks:
            if text[m.offset] != '"':
                yield META.edit(m.offset, m.offset + 1, message, '"', FixKind.SUGGESTED)
