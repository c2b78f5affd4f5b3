"""The real `cleaner review` in a real terminal (tmux): keys in, file out.

Skips when tmux is missing, unless CLEANER_REQUIRE_TMUX=1 (set by .ci/run),
where a missing tmux is a failure.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
if TMUX is None:
    if os.environ.get("CLEANER_REQUIRE_TMUX") == "1":
        pytest.fail("tmux is required (CLEANER_REQUIRE_TMUX=1) but not installed; apt-get install tmux",
                    pytrace=False)
    pytest.skip("tmux is not installed (apt-get install tmux); set CLEANER_REQUIRE_TMUX=1 to fail instead",
                allow_module_level=True)

# Three invisible characters the real invisible-characters rule finds.
TEXT = "Alpha data\u200bbase beta.\r\nSecond soft\u00adhyphen line.\r\nThird word\u200bjoin here.\r\n"


class Pane:
    """A detached tmux session running one command, on a private server socket."""

    def __init__(self, tmp: Path, command: str) -> None:
        self.socket = str(tmp / "tmux.sock")
        self.name = f"cleaner-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", command)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True, timeout=20)
        if done.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)
            # One key at a time: ESC followed by a letter would read as alt+letter.
            time.sleep(0.15)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if needle in text:
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never appeared; the screen was:\n{text}")
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run([TMUX, "-S", self.socket, "kill-server"], capture_output=True, timeout=20)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    return tmp_path


def test_review_accept_reject_save_in_a_real_terminal(workdir: Path):
    article = workdir / "article.txt"
    article.write_bytes(TEXT.encode("utf-8"))
    cleaner = shlex.quote(sys.executable) + " -m cleaner.cli"
    env = f"XDG_DATA_HOME={shlex.quote(str(workdir / 'data'))} TERM=xterm-256color"
    # The shell stays after the app exits so its exit code can be read.
    review = f"{cleaner} review --grammar none --select invisible-characters article.txt"
    command = f"cd {shlex.quote(str(workdir))} && env {env} {review}; echo EXIT=$?; sleep 60"
    pane = Pane(workdir, command)
    try:
        pane.wait_for("0 of 3 decided")
        pane.keys("y")  # accept the first zero-width space
        pane.wait_for("1 of 3 decided · 1 accepted")
        pane.keys("n")  # reject the soft hyphen
        pane.wait_for("2 of 3 decided · 1 accepted · 1 rejected")
        pane.keys("y")  # accept the last one
        pane.wait_for("3 of 3 decided · 2 accepted")
        pane.keys("u")  # ...and take it back
        screen = pane.wait_for("2 of 3 decided")
        assert "unsaved" in screen
        pane.keys("q")
        pane.wait_for("not saved to the document")
        pane.keys("s")  # save and quit
        pane.wait_for("EXIT=0")
    finally:
        pane.close()
    saved = article.read_bytes().decode("utf-8")
    assert saved == "Alpha database beta.\r\nSecond soft\u00adhyphen line.\r\nThird word\u200bjoin here.\r\n"
    # The decisions were kept in the session file beside the document.
    session = json.loads((workdir / ".article.txt.cleaner-session.json").read_text())
    assert session["stats"]["invisible-characters"] == {"total": 3, "accepted": 1, "rejected": 1}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
