"""The spintax rule: spinner braces go, LaTeX, JSON, code and templates in Markdown stay."""

from __future__ import annotations

import pytest

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("spintax")


def findings(text: str, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], Settings())


def test_every_alternative_is_offered_in_order():
    (edit,) = findings("The {quick|fast|rapid|quick} rise.")
    assert edit.replacements == ("quick", "fast", "rapid")
    assert edit.fix is FixKind.SUGGESTED


def test_nested_spintax_resolves_over_passes():
    text = "A {{big|huge} deal|pact} was signed."
    assert fix_text(text, [RULE], Settings(), unsafe=True).text == "A big deal was signed."


def test_safe_fix_leaves_spintax_for_a_person():
    text = "The {quick|fast} rise."
    assert fix_text(text, [RULE], Settings(), unsafe=False).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A {very |}long day.", "A very long day."),  # the space came with the choice
        ("The army bought new {hardware}.", "The army bought new hardware."),
        ("{Monday|Tuesday}'s meeting", "Monday's meeting"),
    ],
)
def test_spacing_and_punctuation_around_the_choice(text, expected):
    assert fix_text(text, [RULE], Settings(), unsafe=True).text == expected


@pytest.mark.parametrize(
    "text",
    [
        r"\section{Results} and \emph {word} and $x_{i}$ and \cite{smith}",
        '{"key": "value"} and {color: red; margin: 0}',
        "the set {x | x > 0} and counts a{2,3} and {1, 2, 3}",
        "${PATH} and %{var} and #{interp}",
        "a {line\nbreak|other} is not spintax",
        "Hello {{ name|upper }} in a template filter",
        "the file config-{config-type}.def and {name}_v2 and {dir}/file.txt",
        'a format "{message}" and {uri}local and in {s} and until {response-headers-read}',
    ],
)
def test_braces_of_other_languages_are_not_spintax(text):
    assert findings(text) == []


def test_markdown_code_and_site_templates_are_left_alone():
    text = "Write `{a|b}` in code.\n\n```\n{quick|fast}\n```\n\nHello {{ page.title }}.\n"
    assert findings(text, markdown=True) == []
    # The same template braces in a plain-text article are an unfilled placeholder.
    (edit,) = findings("Hello {{ page.title }}.")
    assert edit.fix is FixKind.NONE and "placeholder" in edit.message
