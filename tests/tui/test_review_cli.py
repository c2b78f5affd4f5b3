"""`cleaner review` on bad input fails like `check`, before any screen opens."""

from __future__ import annotations

import pytest

from cleaner.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["review", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: str(d / "missing.txt"), "no such file"),
        (lambda d: str(d), "is a directory"),
        (lambda d: _write(d / "bin.txt", b"abc\x00def"), "binary file"),
        (lambda d: _write(d / "latin1.txt", b"caf\xe9\n"), "not UTF-8"),
    ],
)
def test_bad_input_exits_2_with_the_same_message_as_check(tmp_path, capsys, make, message):
    path = make(tmp_path)
    code, out, err = run(capsys, path)
    assert code == 2 and out == ""
    assert err.startswith("cleaner: error: ") and message in err and err.count("\n") == 1
    if message != "is a directory":  # check walks a folder; review wants one file
        check_code = main(["check", path])
        check_err = capsys.readouterr().err
        assert check_code == 2 and check_err == err


def _write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_stdin_is_refused(capsys):
    code, _, err = run(capsys, "-")
    assert code == 2 and "needs a file" in err


def test_output_into_a_missing_folder_is_refused_before_the_screen(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("data\u200bbase\n")
    code, _, err = run(capsys, str(src), "-o", str(tmp_path / "nope" / "out.txt"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, str(src), "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_unknown_rule_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("fine\n")
    code, _, err = run(capsys, str(src), "--select", "no-such-rule")
    assert code == 2 and "unknown rule" in err


def test_clean_file_needs_no_review(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Nothing wrong here.\n")
    code, out, _ = run(capsys, str(src), "--grammar", "none", "--select", "invisible-characters")
    assert code == 0 and "no findings to review" in out


def test_without_a_terminal_it_says_so_instead_of_hanging(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("data\u200bbase\n")
    # pytest captures stdin/stdout, so this is not a terminal.
    code, _, err = run(capsys, str(src), "--grammar", "none", "--select", "invisible-characters")
    assert code == 2 and "needs a terminal" in err
    assert src.read_text() == "data\u200bbase\n"
