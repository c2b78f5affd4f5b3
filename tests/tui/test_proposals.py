"""What `cleaner review` opens with: artifact findings at once, grammar later."""

from __future__ import annotations

import pytest

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.errors import InputError
from cleaner.tui.proposals import check_output, findings, initial_proposals

ONLY_INVISIBLE = ("invisible-characters",)


def test_without_grammar_everything_comes_at_once():
    doc = Document("data\u200bbase\n", "a.txt")
    p = initial_proposals(doc, Settings(grammar="none", select=ONLY_INVISIBLE))
    assert [e.rule for e in p.edits] == ["invisible-characters"] and p.pending is None


def test_suppressed_findings_are_not_proposed():
    text = "data\u200bbase <!-- cleaner: ignore invisible-characters -->\n"
    doc = Document(text, "a.md")
    assert findings(doc, Settings(grammar="none", select=ONLY_INVISIBLE)) == []


def test_with_harper_the_grammar_pass_is_deferred_to_the_worker():
    pytest.importorskip("harper")
    doc = Document("data\u200bbase. He have a apple.\n", "a.txt")
    settings = Settings(grammar="harper", select=(*ONLY_INVISIBLE, "harper:*"), cache=False)
    p = initial_proposals(doc, settings)
    assert [e.rule for e in p.edits] == ["invisible-characters"]
    assert p.pending is not None
    everything = p.pending()
    assert any(e.rule.startswith("harper:") for e in everything)
    assert {(e.start, e.end, e.rule) for e in p.edits} <= {(e.start, e.end, e.rule) for e in everything}


def test_with_no_artifact_findings_the_grammar_pass_runs_first():
    pytest.importorskip("harper")
    doc = Document("He have a apple.\n", "a.txt")
    p = initial_proposals(doc, Settings(grammar="harper", select=(*ONLY_INVISIBLE, "harper:*"), cache=False))
    assert p.pending is None
    assert p.edits and all(e.rule.startswith("harper:") for e in p.edits)


def test_output_checks(tmp_path):
    check_output(str(tmp_path / "out.txt"))  # fine
    with pytest.raises(InputError, match="does not exist"):
        check_output(str(tmp_path / "missing" / "out.txt"))
    with pytest.raises(InputError, match="is a directory"):
        check_output(str(tmp_path))
