"""Batch runs: --jobs, stable order, globs, progress only on a terminal, learned boilerplate."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import CLEAN, DIRTY, write

from cleaner.batch import SITE_BOILERPLATE, recurring_lines

FOOTER = "The Harbour Gazette is printed on recycled paper in Port Ellis"
RELATED = "Photographs by the Gazette picture team"


def make_site(folder: Path, n: int, footer_every: int = 1) -> list[Path]:
    """``n`` articles of one site: distinct text, some artifacts, a footer in many of them."""
    paths = []
    for i in range(n):
        body = f"Council meeting number {i} approved {i * 7} new benches.\n\n"
        if i % 5 == 0:
            body += DIRTY
        if i % footer_every == 0:
            body += f"\n{FOOTER}\n"
        if i % 4 == 0:
            body += f"\n{RELATED}\n"
        paths.append(write(folder / f"section{i % 3}" / f"article{i:03}.txt", body))
    return paths


def test_jobs_1_and_2_give_identical_output_in_sorted_order(run, tmp_path):
    make_site(tmp_path / "site", 30)
    outputs = {}
    for fmt in ("text", "json", "sarif"):
        for jobs in ("1", "2"):
            res = run("check", "-j", jobs, "--format", fmt, str(tmp_path / "site"))
            assert res.code == 1
            outputs[fmt, jobs] = res.out
        assert outputs[fmt, "1"] == outputs[fmt, "2"]
    paths = [f["path"] for f in json.loads(outputs["json", "1"])["files"]]
    assert paths == sorted(paths) and len(paths) == 30


def test_quoted_globs_are_expanded_and_a_glob_matching_nothing_is_an_error(run, tmp_path):
    make_site(tmp_path / "site", 6)
    res = run("check", "--format", "json", str(tmp_path / "site" / "**" / "article00*.txt"))
    names = [Path(f["path"]).name for f in json.loads(res.out)["files"]]
    assert names == [f"article00{i}.txt" for i in (0, 3, 1, 4, 2, 5)]  # sorted by full path
    res = run("check", str(tmp_path / "nothing" / "*.txt"))
    assert res.code == 2 and "no files match" in res.err


def test_an_empty_folder_is_an_error_not_a_pass(run, tmp_path):
    (tmp_path / "empty").mkdir()
    res = run("check", str(tmp_path / "empty"))
    assert res.code == 2 and "no files to check" in res.err


def test_recurring_lines_respect_threshold_and_minimum():
    texts = [f"Story {i}.\n  {FOOTER}  \n" if i < 6 else f"Story {i}.\n" for i in range(10)]
    learned = recurring_lines(texts, threshold=0.5, min_files=5)
    assert list(learned) == [FOOTER] and learned[FOOTER].files == 6
    assert recurring_lines(texts, threshold=0.7, min_files=5) == {}
    assert recurring_lines(texts, threshold=0.5, min_files=11) == {}
    # Separators and lines without letters are never boilerplate.
    assert recurring_lines(["* * *\n2024\n"] * 10, 0.5, 5) == {}


def test_check_flags_site_boilerplate_learned_from_the_batch(run, tmp_path):
    make_site(tmp_path / "site", 24)
    res = run("check", "--format", "json", str(tmp_path / "site"))
    flagged = [
        (Path(f["path"]).name, x["text"])
        for f in json.loads(res.out)["files"]
        for x in f["findings"]
        if x["rule"] == SITE_BOILERPLATE
    ]
    # No pattern knows these lines. The footer is in every article, the
    # photo credit in a quarter only (under the default 0.5 threshold).
    assert len(flagged) == 24 and all(text == FOOTER + "\n" for _, text in flagged)
    write(tmp_path / "site" / ".cleaner.toml", "boilerplate-threshold = 0.24\n")
    res = run("check", "--format", "json", str(tmp_path / "site"))
    texts = {x["text"] for f in json.loads(res.out)["files"] for x in f["findings"] if x["rule"] == SITE_BOILERPLATE}
    # The photo credit (6 of 24) now counts; the artifact lines (5 of 24) still do not.
    assert texts == {FOOTER + "\n", RELATED + "\n"}
    # Too few files: nothing is learned.
    write(tmp_path / "site" / ".cleaner.toml", "boilerplate-min-files = 100\n")
    res = run("check", "--format", "json", str(tmp_path / "site"))
    assert SITE_BOILERPLATE not in res.out


def test_learn_boilerplate_writes_a_pattern_file_the_boilerplate_rule_reads(run, tmp_path):
    make_site(tmp_path / "site", 24, footer_every=1)
    out = tmp_path / "learned.txt"
    res = run("learn-boilerplate", str(tmp_path / "site"), "-o", str(out))
    assert res.code == 0 and "Wrote 1 pattern learned from 24 files" in res.err
    content = out.read_text(encoding="utf-8")
    patterns = [line for line in content.splitlines() if line and not line.startswith("#")]
    assert patterns == [f"? {FOOTER}"]
    # Reviewed and configured, the file makes the boilerplate rule flag the footer anywhere,
    # even in a single-file run where nothing can be learned.
    write(tmp_path / "other" / ".cleaner.toml", f'boilerplate-files = ["{out.as_posix()}"]\n')
    article = write(tmp_path / "other" / "one.txt", f"{CLEAN}\n{FOOTER}\n")
    res = run("check", "--format", "json", str(article))
    (finding,) = json.loads(res.out)["files"][0]["findings"]
    assert finding["rule"] == "boilerplate" and finding["fix"] == "suggested"


def test_learn_boilerplate_needs_enough_files(run, tmp_path):
    make_site(tmp_path / "site", 5)
    res = run("learn-boilerplate", str(tmp_path / "site"))
    assert res.code == 2 and "needs at least 20 files, found 5" in res.err
    res = run("learn-boilerplate", "--min-files", "5", str(tmp_path / "site"))
    assert res.code == 0 and f"? {FOOTER}" in res.out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from cleaner.cli import main; sys.exit(main())", *args]


def test_piped_run_prints_no_progress_and_exits_1(tmp_path):
    make_site(tmp_path / "site", 12)
    proc = subprocess.run(_cli("check", "--grammar", "none", "-j", "2", str(tmp_path / "site")),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert proc.stdout.splitlines()[-1].startswith("Found ")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_appears_on_a_terminal_once_a_run_is_slow(tmp_path):
    make_site(tmp_path / "site", 12)
    # The delay is set to 0 so a short run counts as slow; stderr is a pty.
    code = (
        "import sys, glob; from cleaner import batch; from cleaner.config import Settings;"
        "batch._Progress.DELAY = 0;"
        "files = sorted(glob.glob(sys.argv[1] + '/**/*.txt', recursive=True));"
        "s = Settings(grammar='none');"
        "reports = batch.check_files(files, lambda p: s, jobs=1);"
        "print(len(reports))"
    )
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "site")], stdout=subprocess.PIPE,
                            stderr=slave, env=env)
    os.close(slave)
    drawn = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(master)
    assert out.strip() == b"12"
    assert b"cleaner" in drawn and b"/12" in drawn
