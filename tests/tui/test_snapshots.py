"""Snapshots of the main screens at pinned terminal sizes (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def app_here(factory, monkeypatch):
    """An app on ./article.txt, so the status line shows a stable relative path."""
    monkeypatch.chdir(factory.root)
    monkeypatch.delenv("NO_COLOR", raising=False)
    factory.write()

    def make():
        return factory.app(Path("article.txt"), sessions=False)

    return make


def test_main_screen(app_here, snap_compare):
    assert snap_compare(app_here(), terminal_size=(100, 30))


def test_main_screen_at_80_by_24(app_here, snap_compare):
    assert snap_compare(app_here(), terminal_size=(80, 24), press=["J"])


def test_after_decisions_with_a_conflict(app_here, snap_compare):
    # Accept the glued words, reject the repeat, accept the name fix (which
    # puts the overlapping spell-check edit in conflict), then go back to that one.
    assert snap_compare(app_here(), terminal_size=(100, 30), press=["J", "y", "n", "J", "y", "K", "K"])


def test_help_screen(app_here, snap_compare):
    assert snap_compare(app_here(), terminal_size=(100, 30), press=["question_mark"])


def test_quit_confirmation(app_here, snap_compare):
    assert snap_compare(app_here(), terminal_size=(100, 30), press=["J", "y", "q"])


def test_no_color(app_here, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(app_here(), terminal_size=(100, 30), press=["J"])
