"""Fixtures for the grammar tests: a real LanguageTool server, a private cache, the seed.

The server comes from scripts/languagetool-server (jars from Maven Central,
Java 17). Without java or mvn the LanguageTool tests skip, naming what is
missing, unless CLEANER_REQUIRE_LANGUAGETOOL=1 (set by .ci/run), where they
fail instead. CLEANER_LT_SERVER=URL points them at a server already running.
Under pytest-xdist the workers share one server: the first to arrive starts
it, the last to leave stops it (a reference count under a file lock).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "languagetool-server"
SEED = REPO / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"


def _unavailable(reason: str) -> None:
    if os.environ.get("CLEANER_REQUIRE_LANGUAGETOOL") == "1":
        pytest.fail(f"LanguageTool is required here (CLEANER_REQUIRE_LANGUAGETOOL=1) but {reason}")
    pytest.skip(f"LanguageTool tests skipped: {reason}")


@pytest.fixture(scope="session")
def lt_server() -> str:
    """Base URL of a running LanguageTool server (started for the session if need be)."""
    own = os.environ.get("CLEANER_LT_SERVER")
    if own:
        return own.rstrip("/")
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        _unavailable(f"{' and '.join(missing)} not found on PATH")
    # A folder all xdist workers of this run share, outside pytest's basetemp:
    # pytest prunes old basetemps, and a concurrent run could prune ours
    # (and with it the pid file we need to stop the server).
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid{os.getpid()}"
    shared = Path(tempfile.gettempdir()) / f"cleaner-languagetool-{run_id}"
    shared.mkdir(parents=True, exist_ok=True)
    lock_path = shared / "lock"
    count_path = shared / "users"
    state = shared / "state"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = subprocess.run([sys.executable, str(SCRIPT), "start", "--state-dir", str(state)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            _unavailable(f"scripts/languagetool-server start failed: {proc.stderr.strip()[-500:]}")
        url = proc.stdout.strip().splitlines()[-1]
        users = int(count_path.read_text()) if count_path.exists() else 0
        count_path.write_text(str(users + 1))
    yield url
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        users = int(count_path.read_text()) - 1
        count_path.write_text(str(users))
        if users <= 0:
            subprocess.run([sys.executable, str(SCRIPT), "stop", "--state-dir", str(state)], capture_output=True)
            shutil.rmtree(shared, ignore_errors=True)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch) -> Path:
    """Each test gets its own grammar cache and dictionary, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return folder


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (it lives beside the repository, in shared/seeds)")
    return SEED.read_text(encoding="utf-8")
