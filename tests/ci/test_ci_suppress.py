"""Inline suppressions in Markdown, HTML and plain text, and unused ones reported."""

from __future__ import annotations

import json

import pytest
from ci_support import SOFT_HYPHEN, write

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.engine import check_document, fix_document, rules_for
from cleaner.suppress import UNUSED, apply_suppressions, directives

NO_GRAMMAR = Settings(grammar="none")
DOUBLE = "They met the the envoy."  # duplicate-word at "the the"


def findings(text: str, path: str = "a.txt", settings: Settings = NO_GRAMMAR) -> list[tuple[str, int]]:
    """(rule, line) of every finding left after suppressions."""
    doc = Document(text, path)
    rules = rules_for(settings)
    found = apply_suppressions(doc, check_document(doc, settings, rules), [r.name for r in rules], settings)
    return [(e.rule, doc.position(e.start).line) for e in found]


@pytest.mark.parametrize("path", ["a.txt", "a.md", "a.html"])
def test_comment_alone_silences_the_next_block_only(path):
    text = f"{DOUBLE}\n\n<!-- cleaner: ignore duplicate-word -->\n{DOUBLE}\nStill {DOUBLE}\n\n{DOUBLE}\n"
    # Line 1 is before the comment, lines 4-5 are the next block, line 7 is after it.
    assert findings(text, path) == [("duplicate-word", 1), ("duplicate-word", 7)]


def test_comment_under_a_paragraph_governs_the_next_block_not_the_one_above():
    text = f"{DOUBLE}\n<!-- cleaner: ignore duplicate-word -->\n\n{DOUBLE}\n"
    assert findings(text) == [("duplicate-word", 1)]


def test_comment_inside_a_paragraph_governs_that_paragraph():
    text = f"{DOUBLE} <!-- cleaner: ignore duplicate-word -->\nNext line {DOUBLE}\n\n{DOUBLE}\n"
    assert findings(text) == [("duplicate-word", 4)]


def test_ignore_file_silences_the_whole_file_and_only_the_named_rule():
    text = f"{DOUBLE}\n\nNaypyi{SOFT_HYPHEN}taw.\n\n<!-- cleaner: ignore-file duplicate-word -->\n\n{DOUBLE}\n"
    assert findings(text) == [("invisible-characters", 3)]


def test_rules_by_code_glob_or_none_at_all():
    both = f"{DOUBLE} Naypyi{SOFT_HYPHEN}taw.\n"
    assert findings(f"<!-- cleaner: ignore CL202 -->\n{both}") == [("invisible-characters", 2)]
    assert findings(f"<!-- cleaner: ignore duplicate-*, invisible-characters -->\n{both}") == []
    assert findings(f"<!-- cleaner: ignore -->\n{both}") == []


def test_unused_suppression_is_reported_at_the_comment():
    text = f"{DOUBLE}\n\n<!-- cleaner: ignore invisible-characters -->\nNothing odd here.\n"
    assert findings(text) == [("duplicate-word", 1), (UNUSED, 3)]
    doc = Document(text, "a.txt")
    rules = rules_for(NO_GRAMMAR)
    (unused,) = [e for e in apply_suppressions(doc, check_document(doc, NO_GRAMMAR), [r.name for r in rules],
                                               NO_GRAMMAR) if e.rule == UNUSED]
    assert "invisible-characters" in unused.message
    # The offered fix deletes the comment's whole line.
    assert doc.text[unused.start : unused.end] == "<!-- cleaner: ignore invisible-characters -->\n"
    assert unused.replacement == ""


def test_partly_unused_suppression_offers_the_comment_without_the_stale_rule():
    text = f"<!-- cleaner: ignore duplicate-word, invisible-characters -->\n{DOUBLE}\n"
    doc = Document(text, "a.txt")
    rules = rules_for(NO_GRAMMAR)
    found = apply_suppressions(doc, check_document(doc, NO_GRAMMAR), [r.name for r in rules], NO_GRAMMAR)
    (unused,) = found
    assert unused.rule == UNUSED and "Unused suppression of invisible-characters" in unused.message
    assert unused.replacement == "<!-- cleaner: ignore duplicate-word -->"


def test_unknown_rule_in_a_comment_is_reported():
    text = f"<!-- cleaner: ignore glued-wrod -->\n{DOUBLE}\n"
    (unused, dup) = findings(text)
    assert dup == ("duplicate-word", 2) and unused == (UNUSED, 1)
    doc = Document(text, "a.txt")
    msg = [e.message for e in apply_suppressions(doc, [], ["duplicate-word"], NO_GRAMMAR)]
    assert msg == ["Unused suppression of glued-wrod: unknown rule glued-wrod; remove it"]


def test_a_suppression_for_a_rule_that_did_not_run_is_not_unused():
    text = "<!-- cleaner: ignore invisible-characters -->\nNothing odd here.\n"
    only_dups = Settings(grammar="none", select=("duplicate-word",))
    assert findings(text, settings=only_dups) == []
    # Grammar ids are judged only when that grammar backend ran.
    assert findings("<!-- cleaner: ignore harper:Spelling -->\nNothing odd.\n") == []


def test_suppressions_do_not_count_the_comment_itself():
    assert directives(Document("no comment here")) == []
    (d,) = directives(Document("x <!--cleaner:ignore-file CL202 CL601--> y"))
    assert d.whole_file and d.rules == ("CL202", "CL601")
    # "ignored" is not "ignore": no directive.
    assert directives(Document("<!-- cleaner: ignored duplicate-word -->")) == []


def test_fix_leaves_suppressed_text_alone(tmp_path):
    text = f"<!-- cleaner: ignore duplicate-word -->\n{DOUBLE}\n\n{DOUBLE}\n"
    result = fix_document(Document(text, "a.txt"), NO_GRAMMAR)
    assert result.text == f"<!-- cleaner: ignore duplicate-word -->\n{DOUBLE}\n\nThey met the envoy.\n"


def test_cli_check_and_fix_report_unused_suppressions(run, tmp_path):
    article = write(tmp_path / "a.md", f"<!-- cleaner: ignore invisible-characters -->\n{DOUBLE}\n")
    res = run("check", "--format", "json", str(article))
    assert res.code == 1
    rules = [f["rule"] for f in json.loads(res.out)["files"][0]["findings"]]
    assert rules == [UNUSED, "duplicate-word"]
    res = run("fix", "--in-place", str(article))
    assert res.code == 1  # the stale comment is left for a person
    assert f"{article}:1:1: unused-suppression" in res.err
    assert article.read_text(encoding="utf-8") == "<!-- cleaner: ignore invisible-characters -->\nThey met the envoy.\n"
