"""One run of `cleaner` over files: the entry points the CLI, the review UI
and the CI gate share, so they never disagree about what a finding is."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Sequence

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit
from cleaner.errors import InputError
from cleaner.pipeline import FixResult, fix_text, run_rules
from cleaner.registry import select_rules
from cleaner.rule import Rule


def rules_for(settings: Settings) -> list[Rule]:
    """The artifact rules that ``settings`` select."""
    from cleaner.config import PSEUDO_RULES

    # Run-level finding ids (unused-suppression, ...) are not rule modules;
    # selecting or ignoring them is not an unknown-rule error.
    def rule_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p for p in patterns if p not in PSEUDO_RULES)

    select = rule_patterns(settings.select)
    if settings.select and not select:
        return []
    return select_rules(select, rule_patterns(settings.ignore))


def check_document(doc: Document, settings: Settings, rules: Sequence[Rule] | None = None) -> list[Edit]:
    """Every finding on ``doc``, in document order."""
    rules = rules_for(settings) if rules is None else rules
    edits = run_rules(doc, rules, settings)
    if settings.grammar != "none":
        # Deferred: an artifact-only run never imports a grammar backend.
        from cleaner.grammar.run import check_with_grammar

        edits = check_with_grammar(doc, settings, rules, edits)
    return edits


def fix_document(
    doc: Document, settings: Settings, *, unsafe: bool = False, rules: Sequence[Rule] | None = None
) -> FixResult:
    """Apply safe fixes (and suggested ones with ``unsafe``) until stable.

    Findings silenced by ``<!-- cleaner: ignore ... -->`` comments are not fixed.
    """
    from cleaner.suppress import suppressing

    rules = suppressing(rules_for(settings) if rules is None else rules)
    result = fix_text(doc.text, rules, settings, unsafe=unsafe, path=doc.path, markdown=doc.markdown)
    if settings.grammar != "none":
        from cleaner.grammar.run import fix_with_grammar

        result = fix_with_grammar(result, doc, settings, rules, unsafe=unsafe)
    return result


def expand_paths(paths: Sequence[str], settings: Settings) -> list[str]:
    """Files named on the command line, with directories walked.

    A file named explicitly is always checked, whatever its suffix; files
    found in a directory must match ``settings.include`` and not
    ``settings.exclude``. Hidden folders are skipped. The order is sorted, so
    output is stable.
    """
    files: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and not _excluded(Path(folder, d), settings)
                )
                for name in names:
                    full = Path(folder, name)
                    if any(fnmatch.fnmatch(name, g) for g in settings.include) and not _excluded(full, settings):
                        found.append(str(full))
            files.extend(sorted(found))
        elif p.exists():
            files.append(raw)
        else:
            raise InputError(f"{raw}: no such file or directory")
    return files


def _excluded(path: Path, settings: Settings) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, g) or fnmatch.fnmatch(path.name, g) for g in settings.exclude)
