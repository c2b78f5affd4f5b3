"""Fixtures of the review UI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import AppFactory


@pytest.fixture
def factory(tmp_path: Path) -> AppFactory:
    """Build ReviewApps on real files in a fresh temporary folder."""
    return AppFactory(tmp_path)
