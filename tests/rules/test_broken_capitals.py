"""The broken-capitals rule: the document's own acronyms and styled names are the evidence."""

from __future__ import annotations

import pytest

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("broken-capitals")


def findings(text: str):
    return run_rules(Document(text), [RULE], Settings())


def fixed(text: str) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=True).text


def test_broken_acronym_and_possessive_take_the_documents_form():
    text = "The NBA agreed. Officials of the Nba’s board met. The NBA season starts."
    assert fixed(text) == "The NBA agreed. Officials of the NBA’s board met. The NBA season starts."


def test_styled_names_count_too():
    text = "McDonald opened. Then Mcdonald said so. McDonald left."
    assert fixed(text) == "McDonald opened. Then McDonald said so. McDonald left."


def test_message_gives_the_evidence():
    (edit,) = findings("UNESCO met. Then Unesco said so. UNESCO agreed.")
    assert '"UNESCO" 2 times' in edit.message


@pytest.mark.parametrize(
    "text",
    [
        # One occurrence is not enough evidence.
        "The NBA said so. Nba players agreed.",
        # The "broken" form is the house style: it is more frequent.
        "Nato said. Nato troops. Nato again. NATO and NATO were quoted.",
        # Common English words that are also acronyms.
        "The US grew. Let us go. Us and them. The US fell.",
        "The WHO warned. Who knows? The WHO said.",
        # Hashtags, handles, domains and identifiers are not prose.
        "The NBA said so. Follow #Nba and @nba or visit Nba.com for NBA news.",
        # A title-case word opening a sentence may owe its capital to the sentence.
        "The NBA said so. Nba players agreed. The NBA season starts.",
        # All capitals only inside shouted runs, as in licence disclaimers.
        "THE IMPLIED WARRANTIES OF MERCHANTABILITY. NO WARRANTY OF MERCHANTABILITY. "
        "The merchantability of the goods.",
    ],
)
def test_not_enough_or_misleading_evidence_is_left_alone(text):
    assert findings(text) == []


def test_a_case_insensitive_match_that_folds_to_another_word_is_no_spelling():
    # "İ" sends the rule down its regex path, where "Nıb" (dotless ı) matches
    # "nib" case-insensitively but lower-cases to "nıb"; this used to crash.
    assert findings("The NIB said so. İstanbul saw the NIB too. Then Nıb won.") == []
