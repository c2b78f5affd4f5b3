"""Report formats: how findings leave `cleaner` for people and for other tools.

Each format is a function from a list of :class:`FileReport` to a string,
registered in ``FORMATS`` under its ``--format`` name.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from cleaner.document import Document
from cleaner.edits import Edit, FixKind

JSON_VERSION = 1


@dataclass
class FileReport:
    """The findings for one file, with the document they point into."""

    path: str
    document: Document
    findings: list[Edit]


def finding_dict(doc: Document, e: Edit) -> dict:
    """One finding in the JSON shape documented in the README."""
    pos = doc.position(e.start)
    return {
        "rule": e.rule,
        "category": e.category,
        "severity": e.severity.value,
        "start": e.start,
        "end": e.end,
        "line": pos.line,
        "column": pos.column,
        "text": doc.text[e.start : e.end],
        "replacement": e.replacement,
        "message": e.message,
        "fix": e.fix.value,
    }


def format_json(reports: list[FileReport]) -> str:
    payload = {
        "version": JSON_VERSION,
        "files": [
            {"path": r.path, "findings": [finding_dict(r.document, e) for e in r.findings]} for r in reports
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def format_text(reports: list[FileReport]) -> str:
    lines = []
    for r in reports:
        for e in r.findings:
            pos = r.document.position(e.start)
            lines.append(f"{r.path}:{pos.line}:{pos.column}: {e.rule} {e.message}")
    lines.append(summary(reports))
    return "\n".join(lines) + "\n"


def summary(reports: list[FileReport]) -> str:
    """One line a person reads first: how many findings, and what can fix them."""
    kinds = Counter(e.fix for r in reports for e in r.findings)
    total = sum(kinds.values())
    files = len(reports)
    noun = "file" if files == 1 else "files"
    if not total:
        return f"No findings in {files} {noun}."
    parts = []
    if kinds[FixKind.SAFE]:
        parts.append(f"{kinds[FixKind.SAFE]} fixable with `cleaner fix`")
    if kinds[FixKind.SUGGESTED]:
        parts.append(f"{kinds[FixKind.SUGGESTED]} suggested (`cleaner review` or `cleaner fix --unsafe`)")
    if kinds[FixKind.NONE]:
        parts.append(f"{kinds[FixKind.NONE]} to check by hand")
    s = "" if total == 1 else "s"
    return f"Found {total} finding{s} in {files} {noun}: " + "; ".join(parts) + "."


FORMATS: dict[str, Callable[[list[FileReport]], str]] = {
    "text": format_text,
    "json": format_json,
}
