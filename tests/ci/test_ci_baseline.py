"""Baselines: record today's findings, report only new ones, survive edits elsewhere."""

from __future__ import annotations

import json

from ci_support import DIRTY, SOFT_HYPHEN, write
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.baseline import CONTEXT, finding_key
from cleaner.document import Document
from cleaner.edits import Edit, FixKind


def test_round_trip_survives_edits_elsewhere_and_catches_new_findings(run, tmp_path):
    article = write(tmp_path / "news" / "a.txt", DIRTY)
    base = tmp_path / "cleaner-baseline.json"
    res = run("check", "--write-baseline", str(base), str(tmp_path / "news"))
    assert res.code == 0 and "Recorded 2 findings" in res.err
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert {f["rule"] for f in recorded["findings"]} == {"duplicate-word", "invisible-characters"}
    assert all(f["path"] == "news/a.txt" for f in recorded["findings"])  # relative to the baseline

    assert run("check", "--baseline", str(base), str(article)).code == 0

    # New paragraphs above and re-wrapped text move every finding to other lines.
    moved = "A new first paragraph.\n\nAnother one, added later.\n\n" + DIRTY.replace("\n\n", "\n\n\n")
    write(article, moved)
    res = run("check", "--baseline", str(base), str(article))
    assert res.code == 0, res.out

    # A new artifact is reported, and only it.
    write(article, moved + f"\nThe vote in Yan{SOFT_HYPHEN}gon was close.\n")
    res = run("check", "--baseline", str(base), "--format", "json", str(article))
    assert res.code == 1
    (finding,) = json.loads(res.out)["files"][0]["findings"]
    assert finding["rule"] == "invisible-characters" and finding["line"] == 10


def test_a_repeated_finding_beyond_the_recorded_count_is_new(run, tmp_path):
    # Two findings whose rule, text and context are the same: one key, counted twice.
    first, second = "On Monday they met the the envoy at noon.\n", "On Friday they met the the envoy at noon.\n"
    article = write(tmp_path / "a.txt", first)
    base = tmp_path / "b.json"
    assert run("check", "--write-baseline", str(base), str(article)).code == 0
    write(article, first + second)
    res = run("check", "--baseline", str(base), "--format", "json", str(article))
    assert res.code == 1
    assert len(json.loads(res.out)["files"][0]["findings"]) == 1


def test_baseline_paths_do_not_depend_on_the_working_folder(run, tmp_path, monkeypatch):
    write(tmp_path / "site" / "a.txt", DIRTY)
    base = tmp_path / "ci" / "baseline.json"
    base.parent.mkdir()
    monkeypatch.chdir(tmp_path)
    assert run("check", "--write-baseline", str(base), "site/a.txt").code == 0
    monkeypatch.chdir(tmp_path / "site")
    assert run("check", "--baseline", str(base), "a.txt").code == 0


def test_baseline_from_config(run, tmp_path):
    article = write(tmp_path / "a.txt", DIRTY)
    assert run("check", "--write-baseline", str(tmp_path / "known.json"), str(article)).code == 0
    write(tmp_path / ".cleaner.toml", 'baseline = "known.json"\n')
    assert run("check", str(article)).code == 0


def test_bad_baselines_are_usage_errors(run, tmp_path):
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", "--baseline", str(tmp_path / "missing.json"), str(article))
    assert res.code == 2 and "baseline file not found" in res.err and res.out == ""
    broken = write(tmp_path / "broken.json", "{not json")
    res = run("check", "--baseline", str(broken), str(article))
    assert res.code == 2 and "not a cleaner baseline" in res.err
    res = run("check", "--baseline", str(broken), "--write-baseline", str(broken), str(article))
    assert res.code == 2 and "choose one" in res.err
    assert broken.read_text(encoding="utf-8") == "{not json"  # nothing overwritten


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet=st.sampled_from("abc .\n"), max_size=60),
    after=st.text(alphabet=st.sampled_from("xyz ,\n"), max_size=60),
    inserted=st.text(alphabet=st.sampled_from("Lorem ipsum.\n"), min_size=1, max_size=40),
)
def test_keys_ignore_edits_further_away_than_the_context(before, after, inserted):
    """Text inserted more than CONTEXT code points away never changes a finding's key."""
    core = "They met the the envoy."
    pad = "-" * CONTEXT  # keeps the insertions out of the context window
    text = before + pad + core + pad + after
    start = len(before) + len(pad) + core.index(" the envoy")
    edit = Edit(start, start + 4, "duplicate-word", "duplication", "m", ("",), FixKind.SAFE)
    key = finding_key(Document(text), edit, "a.txt")
    for moved_text, shift in ((inserted + text, len(inserted)), (text + inserted, 0)):
        moved = Edit(start + shift, start + shift + 4, "duplicate-word", "duplication", "m", ("",), FixKind.SAFE)
        assert finding_key(Document(moved_text), moved, "a.txt") == key
