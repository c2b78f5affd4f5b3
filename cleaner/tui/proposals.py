"""What the review screen opens with, what joins it later, and the checks
made before it opens.

The artifact rules take milliseconds; the grammar pass takes seconds
(Harper's start-up, a LanguageTool round trip). So the screen opens on the
artifact findings and the complete set, grammar included, is computed in a
worker thread and merged when ready (:meth:`Review.merged`). Plain Python:
no Textual here.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable, NamedTuple

from cleaner import engine
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit
from cleaner.errors import InputError


class Proposals(NamedTuple):
    """The edits to show at once, and how to get the complete set later."""

    edits: list[Edit]
    pending: Callable[[], list[Edit]] | None
    """Computes every finding (artifact and grammar); None when ``edits`` is complete."""


def findings(doc: Document, settings: Settings) -> list[Edit]:
    """Every finding `check` reports on ``doc``, suppressions applied."""
    from cleaner.suppress import apply_suppressions

    rules = engine.rules_for(settings)
    found = engine.check_document(doc, settings, rules)
    return apply_suppressions(doc, found, [r.name for r in rules], settings)


def initial_proposals(doc: Document, settings: Settings) -> Proposals:
    """Artifact findings now and the grammar pass later, or everything now
    when there are no artifact findings to look at meanwhile."""
    if settings.grammar == "none":
        return Proposals(findings(doc, settings), None)
    quick = findings(doc, replace(settings, grammar="none"))
    if not quick:
        return Proposals(findings(doc, settings), None)
    return Proposals(quick, lambda: findings(doc, settings))


def check_output(output: str) -> None:
    """Raise InputError now if ``-o OUT`` could never be written, not at save time."""
    target = Path(output)
    if target.is_dir():
        raise InputError(f"{output}: is a directory, expected a file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{output}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise InputError(f"{output}: folder {folder} is not writable")
