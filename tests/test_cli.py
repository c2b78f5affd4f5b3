"""The CLI, in process through ``main(argv)``, plus one subprocess smoke test."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import main

ZWSP = "\u200b"


def run(capsys, *argv):
    """Run the CLI with the grammar pass off (its own tests cover it)."""
    args = list(argv)
    if args and args[0] in ("check", "fix", "diff"):
        args[1:1] = ["--grammar", "none"]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dirty(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"First line is fine.\nThe data{ZWSP}base is here.\n", encoding="utf-8")
    return p


def test_check_reports_path_line_col_rule_and_exits_1(capsys, dirty):
    code, out, _ = run(capsys, "check", str(dirty))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{dirty}:2:9: invisible-characters ")
    assert out.splitlines()[-1].startswith("Found 1 finding in 1 file")


def test_check_clean_file_exits_0(capsys, tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("Nothing to see here.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(p))
    assert code == 0
    assert out.strip() == "No findings in 1 file."


def test_check_json_has_exactly_the_documented_shape(capsys, dirty):
    code, out, _ = run(capsys, "check", "--format", "json", str(dirty))
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"version", "files"} and data["version"] == 1
    (f,) = data["files"]
    assert f["path"] == str(dirty)
    (finding,) = f["findings"]
    assert set(finding) == {
        "rule", "category", "severity", "start", "end", "line", "column", "text", "replacement", "message", "fix",
    }
    text = dirty.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == finding["text"] == ZWSP
    assert (finding["line"], finding["column"]) == (2, 9)
    assert finding["replacement"] == "" and finding["fix"] == "safe"
    assert finding["severity"] in ("error", "warning", "info")


def test_select_and_ignore(capsys, dirty):
    assert run(capsys, "check", "--ignore", "invisible-characters", str(dirty))[0] == 0
    assert run(capsys, "check", "--select", "CL601", str(dirty))[0] == 1
    code, _, err = run(capsys, "check", "--select", "no-such-rule", str(dirty))
    assert code == 2 and "unknown rule 'no-such-rule'" in err


def test_directories_are_walked_for_txt_and_md(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(f"x{ZWSP}y\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"x{ZWSP}y\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(f"x{ZWSP}y\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1
    paths = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "is a directory"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"caf\xc3\xa9\nna\xefve\n", ":2:3: not UTF-8"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(capsys, tmp_path, content, message):
    p = tmp_path / "in.txt"
    if content == "dir":
        p.mkdir()
    elif content is not None:
        p.write_bytes(content)
    before = sorted(os.listdir(tmp_path))
    for argv in (["check", str(p)], ["fix", "--in-place", str(p)], ["diff", str(p)]):
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert message in err and len(err.strip().splitlines()) == 1
        assert out == ""
    assert sorted(os.listdir(tmp_path)) == before
    if isinstance(content, bytes):
        assert p.read_bytes() == content


def test_empty_file_is_fine(capsys, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert run(capsys, "check", str(p))[0] == 0
    assert run(capsys, "fix", "--in-place", str(p))[0] == 0
    assert p.read_bytes() == b""


def test_fix_in_place_keeps_bom_crlf_and_mode(capsys, tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(b"\xef\xbb\xbfOne data\xe2\x80\x8bbase.\r\nTwo.\r\n")
    p.chmod(0o640)
    code, _, err = run(capsys, "fix", "--in-place", str(p))
    assert code == 0 and "applied 1 edit" in err
    assert p.read_bytes() == b"\xef\xbb\xbfOne database.\r\nTwo.\r\n"
    assert p.stat().st_mode & 0o777 == 0o640


def test_fix_output_and_stdout(capsys, dirty, tmp_path):
    out_path = tmp_path / "out.txt"
    assert run(capsys, "fix", str(dirty), "-o", str(out_path))[0] == 0
    assert out_path.read_text(encoding="utf-8") == "First line is fine.\nThe database is here.\n"
    assert ZWSP in dirty.read_text(encoding="utf-8")  # the source is untouched
    code, out, _ = run(capsys, "fix", "--stdout", str(dirty))
    assert code == 0 and out == "First line is fine.\nThe database is here.\n"
    code, _, err = run(capsys, "fix", "--stdout", "--in-place", str(dirty))
    assert code == 2 and "choose one" in err


def test_failed_in_place_write_leaves_the_original_whole(capsys, dirty, monkeypatch):
    original = dirty.read_bytes()

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        main(["fix", "--grammar", "none", "--in-place", str(dirty)])
    assert dirty.read_bytes() == original
    assert [p.name for p in dirty.parent.iterdir()] == [dirty.name]  # no temporary file left


def test_diff_prints_unified_diff_and_changes_nothing(capsys, dirty):
    before = dirty.read_bytes()
    code, out, _ = run(capsys, "diff", str(dirty))
    assert code == 0
    assert f"--- a/{dirty}" in out and f"-The data{ZWSP}base is here." in out and "+The database is here." in out
    assert dirty.read_bytes() == before


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "CL601  invisible-characters" in out
    code, out, _ = run(capsys, "explain", "CL601")
    assert code == 0 and "What it does:" in out
    assert run(capsys, "explain", "nope")[0] == 2


def test_unknown_option_is_usage_error(capsys):
    code, _, err = run(capsys, "check", "--bogus", "x")
    assert code == 2 and err.startswith("cleaner: error:")


def test_console_script_smoke(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"a{ZWSP}b\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "check", "--grammar", "none", str(p)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "invisible-characters" in proc.stdout
