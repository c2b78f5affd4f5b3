"""Fixtures for the CI-facing tests."""

from __future__ import annotations

import pytest
from ci_support import run_cli


@pytest.fixture
def run(capsys):
    """``run("check", path, ...)``: the CLI in process, grammar pass off, output captured."""
    return lambda *argv, **kw: run_cli(capsys, *argv, **kw)
