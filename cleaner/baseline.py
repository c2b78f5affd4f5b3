"""Baselines: accept today's findings so CI fails only on new ones.

``cleaner check --write-baseline FILE`` records every finding, keyed by the
rule, the file and the flagged text with a little context on each side, not
by line number, so an edit elsewhere in the file leaves the key as it was
(the approach of ruff's ``--add-noqa`` without touching the text, and of
detekt's and PHPStan's baselines). ``--baseline FILE`` then reports only what
the baseline does not account for. A key that occurs three times in the
baseline absorbs three findings, not every future one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import regex

from cleaner.document import Document
from cleaner.edits import Edit
from cleaner.errors import UsageError
from cleaner.fileio import write_atomic

BASELINE_VERSION = 1
CONTEXT = 16
"""Code points of context kept on each side of the flagged text: enough to tell
two "Chinahave"s apart in most articles, little enough that an edit a
sentence away does not matter."""

_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True, order=True)
class FindingKey:
    """What identifies a finding across edits: rule, file and the text around it."""

    path: str
    """The file, relative to the baseline's folder, with forward slashes."""
    rule: str
    text: str
    """The flagged text, whitespace runs collapsed to one space."""
    before: str
    """Up to CONTEXT code points before it, whitespace collapsed."""
    after: str
    """Up to CONTEXT code points after it, whitespace collapsed."""

    def fingerprint(self) -> str:
        """A short stable hash of the key (SARIF partialFingerprints, GitLab)."""
        raw = "\x1f".join((self.path, self.rule, self.text, self.before, self.after))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _squash(text: str) -> str:
    # Line endings and re-wrapping must not change a key.
    return _SPACE.sub(" ", text)


def finding_key(doc: Document, edit: Edit, path: str) -> FindingKey:
    """The key of ``edit`` in ``doc``; ``path`` as it should be stored."""
    text = doc.text
    return FindingKey(
        path=path,
        rule=edit.rule,
        text=_squash(text[edit.start : edit.end]),
        before=_squash(text[max(0, edit.start - CONTEXT) : edit.start]).lstrip(),
        after=_squash(text[edit.end : edit.end + CONTEXT]).rstrip(),
    )


def relative_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form; stdin and other drives stay as given."""
    if path in ("-", "<stdin>"):
        return "<stdin>"
    try:
        rel = os.path.relpath(os.path.abspath(path), root.resolve())
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    return Path(rel).as_posix()


@dataclass
class Baseline:
    """Recorded findings, each with how many times it occurred."""

    root: Path
    """The folder paths in the baseline are relative to (the baseline file's own)."""
    counts: Counter[FindingKey]

    @classmethod
    def build(cls, file: Path, reports: Iterable) -> Baseline:
        """A baseline of every finding in ``reports`` (``FileReport`` s), to be written to ``file``."""
        root = Path(file).resolve().parent
        counts: Counter[FindingKey] = Counter()
        for report in reports:
            rel = relative_path(report.path, root)
            counts.update(finding_key(report.document, e, rel) for e in report.findings)
        return cls(root, counts)

    @classmethod
    def load(cls, file: Path) -> Baseline:
        """Read a baseline file; a missing or malformed file is a usage error naming it."""
        file = Path(file)
        try:
            payload = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{file}: baseline file not found (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{file}: not a cleaner baseline: {exc}") from None
        if not isinstance(payload, dict) or payload.get("version") != BASELINE_VERSION:
            raise UsageError(f"{file}: not a cleaner baseline (version {BASELINE_VERSION} expected)")
        counts: Counter[FindingKey] = Counter()
        try:
            for row in payload["findings"]:
                key = FindingKey(row["path"], row["rule"], row["text"], row["before"], row["after"])
                counts[key] += int(row.get("count", 1))
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(f"{file}: malformed baseline entry: {exc}") from None
        return cls(file.resolve().parent, counts)

    def write(self, file: Path) -> None:
        """Write the baseline atomically, sorted, so it diffs well under review."""
        rows = [
            {"path": k.path, "rule": k.rule, "text": k.text, "before": k.before, "after": k.after, "count": n}
            for k, n in sorted(self.counts.items())
        ]
        payload = {"version": BASELINE_VERSION, "tool": "cleaner", "findings": rows}
        write_atomic(str(file), (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    def __len__(self) -> int:
        return sum(self.counts.values())

    def filter(self, path: str, doc: Document, findings: list[Edit]) -> list[Edit]:
        """The findings of one file that the baseline does not account for.

        Consumes counts, so call it once per file of a run.
        """
        rel = relative_path(path, self.root)
        left: list[Edit] = []
        for edit in findings:
            key = finding_key(doc, edit, rel)
            if self.counts.get(key, 0) > 0:
                self.counts[key] -= 1
            else:
                left.append(edit)
        return left
