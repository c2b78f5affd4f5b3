"""Exit codes: --fail-on, --exit-zero, and fix exiting 1 for what it could not fix."""

from __future__ import annotations

import pytest
from ci_support import CLEAN, DIRTY, SUGGESTED_ONLY, write


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),  # default: any finding fails
        (("--fail-on", "info"), 1),
        (("--fail-on", "warning"), 1),
        (("--fail-on", "error"), 0),  # the findings are warnings
        (("--fail-on", "never"), 0),
        (("--exit-zero",), 0),
    ],
)
def test_fail_on_and_exit_zero(run, tmp_path, args, code):
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", *args, str(article))
    assert res.code == code
    assert "duplicate-word" in res.out  # the findings are reported either way


def test_fail_on_compares_configured_severities(run, tmp_path):
    write(tmp_path / ".cleaner.toml", '[severity]\nduplicate-word = "info"\ninvisible-characters = "info"\n')
    article = write(tmp_path / "a.txt", DIRTY)
    assert run("check", "--fail-on", "warning", str(article)).code == 0
    assert run("check", "--fail-on", "info", str(article)).code == 1


def test_clean_file_exits_0_and_usage_errors_exit_2(run, tmp_path):
    assert run("check", str(write(tmp_path / "ok.txt", CLEAN))).code == 0
    res = run("check", "--fail-on", "sometimes", str(tmp_path / "ok.txt"))
    assert res.code == 2 and res.err.startswith("cleaner: error:")
    res = run("check", "--jobs", "0", str(tmp_path / "ok.txt"))
    assert res.code == 2


def test_fix_exits_0_when_everything_was_fixed(run, tmp_path):
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("fix", "--in-place", str(article))
    assert res.code == 0
    assert res.err.strip().endswith("applied 2 edits; 0 findings left.")


def test_fix_reports_and_exits_1_for_what_it_could_not_fix(run, tmp_path):
    article = write(tmp_path / "a.txt", DIRTY + SUGGESTED_ONLY)
    res = run("fix", "--in-place", str(article))
    assert res.code == 1
    lines = res.err.strip().splitlines()
    # Where the finding is in the fixed file, what it is, then the summaries.
    assert lines[0] == f"{article}:4:11: duplicate-word 'report' is written twice: delete the second"
    assert lines[-1].endswith("applied 2 edits; 1 finding left.")
    assert "The minister met the envoy" in article.read_text(encoding="utf-8")  # the safe fixes were written
    # With --unsafe it can fix that too; --exit-zero and --fail-on relax the gate.
    write(article, DIRTY + SUGGESTED_ONLY)
    assert run("fix", "--stdout", "--exit-zero", str(article)).code == 0
    assert run("fix", "--stdout", "--fail-on", "error", str(article)).code == 0
    res = run("fix", "--unsafe", "--stdout", str(article))
    assert res.code == 0 and "The report was late." in res.out
