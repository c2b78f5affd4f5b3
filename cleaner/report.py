"""Report formats: how findings leave `cleaner` for people and for other tools.

Each format is a function from a list of :class:`FileReport` to a string,
registered in ``FORMATS`` under its ``--format`` name.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, NamedTuple
from urllib.parse import quote

from cleaner.document import Document
from cleaner.edits import Edit, FixKind, Severity

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
    return "".join(render("text", reports))


def _text_lines(r: FileReport) -> str:
    out = []
    for e in r.findings:
        pos = r.document.position(e.start)
        out.append(f"{r.path}:{pos.line}:{pos.column}: {e.rule} {e.message}\n")
    return "".join(out)


def render(fmt: str, reports: list[FileReport]) -> Iterator[str]:
    """``FORMATS[fmt](reports)`` in pieces, one file at a time where the format allows.

    A run over 10,000 articles has hundreds of thousands of findings; the
    line-based formats are written as they are made instead of as one string.
    The JSON documents (json, sarif, rdjson, gitlab) come whole.
    """
    if fmt == "text":
        for r in reports:
            chunk = _text_lines(r)
            if chunk:
                yield chunk
        yield summary(reports) + "\n"
    elif fmt in ("json-lines", "github"):
        for r in reports:
            chunk = FORMATS[fmt]([r])
            if chunk:
                yield chunk
    else:
        yield FORMATS[fmt](reports)


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


def format_json_lines(reports: list[FileReport]) -> str:
    """One JSON object a line, one line a finding, each carrying its path (for grep and streaming)."""
    lines = [
        json.dumps({"path": r.path, **finding_dict(r.document, e)}, ensure_ascii=False)
        for r in reports
        for e in r.findings
    ]
    return "".join(line + "\n" for line in lines)


# GitHub workflow commands: "::warning file=...,line=...::message". Info maps to
# "notice", the only other level the runner shows as an annotation.
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(text: str) -> str:
    # The runner's escaping for a command's message (after the "::").
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # Property values also end at "," and ":", so those are escaped too.
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(reports: list[FileReport]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff."""
    lines = []
    for r in reports:
        for e in r.findings:
            start = r.document.position(e.start)
            end = r.document.position(e.end)
            props = [
                f"file={_github_property(r.path)}",
                f"line={start.line}",
                f"endLine={end.line}",
            ]
            if start.line == end.line:
                # GitHub accepts columns only on one-line annotations.
                props += [f"col={start.column}", f"endColumn={max(end.column, start.column + 1)}"]
            props.append(f"title={_github_property(f'cleaner {e.rule}')}")
            lines.append(f"::{_GITHUB_LEVEL[e.severity]} {','.join(props)}::{_github_data(e.message)}")
    return "".join(line + "\n" for line in lines)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


# Finding ids that come from the run rather than a rule module.
_RUN_LEVEL_RULES = {
    "unused-suppression": "A `cleaner: ignore` comment that silences nothing.",
    "site-boilerplate": "A line that recurs verbatim across many files checked together.",
}


def _rule_meta(rule_id: str):
    """The registered rule for a finding id, or None for grammar and run-level ids."""
    from cleaner.registry import all_rules  # deferred: keeps report importable without rules

    for r in all_rules():
        if r.name == rule_id:
            return r
    return None


def _sarif_region(doc: Document, start: int, end: int, with_snippet: bool = True) -> dict:
    a, b = doc.position(start), doc.position(end)
    region = {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column}
    if with_snippet:
        region["snippet"] = {"text": doc.text[start:end]}
    return region


def _sarif_location(path: str) -> dict:
    """An artifactLocation: relative paths against %SRCROOT% (what code scanning
    expects from a run in the repository root), absolute ones as file URIs."""
    if path == "<stdin>":
        return {"uri": "stdin"}
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": "%SRCROOT%"}


def format_sarif(reports: list[FileReport]) -> str:
    """SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

    Columns count Unicode code points, as everywhere in `cleaner`, and the
    run says so (``columnKind``), since SARIF's default is UTF-16 units.
    """
    from cleaner import __version__
    from cleaner.baseline import finding_key

    rule_ids = sorted({e.rule for r in reports for e in r.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    descriptors = []
    for rule_id in rule_ids:
        descriptor: dict = {"id": rule_id}
        if rule_id in _RUN_LEVEL_RULES:
            descriptor["shortDescription"] = {"text": _RUN_LEVEL_RULES[rule_id]}
        meta = _rule_meta(rule_id)
        if meta is not None:
            descriptor.update(
                name=meta.code,
                shortDescription={"text": meta.summary or rule_id},
                fullDescription={"text": meta.doc.strip()},
                defaultConfiguration={"level": _SARIF_LEVEL[meta.meta.severity]},
                properties={"category": meta.meta.category, "fix": meta.meta.fix.value},
            )
        descriptors.append(descriptor)
    results = []
    for r in reports:
        location = _sarif_location(r.path)
        for e in r.findings:
            result: dict = {
                "ruleId": e.rule,
                "ruleIndex": index[e.rule],
                "level": _SARIF_LEVEL[e.severity],
                "message": {"text": e.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": _sarif_region(r.document, e.start, e.end),
                        }
                    }
                ],
                "partialFingerprints": {"cleaner/v1": finding_key(r.document, e, r.path).fingerprint()},
                "properties": {"category": e.category, "fix": e.fix.value},
            }
            if e.replacement is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with {e.replacement!r}"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": _sarif_region(r.document, e.start, e.end, False),
                                        "insertedContent": {"text": e.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cleaner",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


_RDJSON_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _utf8_position(doc: Document, offset: int) -> dict:
    # reviewdog counts columns in UTF-8 bytes, not code points.
    line_start = doc.line_span(offset).start
    column = len(doc.text[line_start:offset].encode("utf-8")) + 1
    return {"line": doc.position(offset).line, "column": column}


def format_rdjson(reports: list[FileReport]) -> str:
    """reviewdog's rdjson (a DiagnosticResult), for ``reviewdog -f=rdjson``."""
    diagnostics = []
    for r in reports:
        for e in r.findings:
            span = {"start": _utf8_position(r.document, e.start), "end": _utf8_position(r.document, e.end)}
            diagnostic: dict = {
                "message": e.message,
                "location": {"path": r.path, "range": span},
                "severity": _RDJSON_SEVERITY[e.severity],
                "code": {"value": e.rule},
            }
            if e.replacements:
                diagnostic["suggestions"] = [{"range": span, "text": text} for text in e.replacements]
            diagnostics.append(diagnostic)
    payload = {"source": {"name": "cleaner"}, "diagnostics": diagnostics}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# GitLab's code quality severities; ours map onto its middle three.
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def format_gitlab(reports: list[FileReport]) -> str:
    """A GitLab code quality report (``artifacts: reports: codequality``)."""
    from cleaner.baseline import finding_key

    issues = []
    seen: Counter[str] = Counter()
    for r in reports:
        for e in r.findings:
            pos = r.document.position(e.start)
            end = r.document.position(e.end)
            base = finding_key(r.document, e, r.path).fingerprint()
            # GitLab wants fingerprints unique in a report; repeats of the
            # same key get a counter, which is stable from run to run.
            seen[base] += 1
            fingerprint = base if seen[base] == 1 else f"{base}-{seen[base]}"
            issues.append(
                {
                    "type": "issue",
                    "check_name": e.rule,
                    "description": e.message,
                    "categories": ["Style"],
                    "severity": _GITLAB_SEVERITY[e.severity],
                    "fingerprint": fingerprint,
                    "location": {
                        "path": r.path,
                        "lines": {"begin": pos.line, "end": end.line},
                    },
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


class RuleCount(NamedTuple):
    """One row of ``--statistics``."""

    rule: str
    count: int
    fixable: int
    """How many of them `cleaner fix` (safe) would apply."""


def statistics(reports: list[FileReport]) -> list[RuleCount]:
    """Findings counted by rule, most frequent first."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for r in reports:
        for e in r.findings:
            counts[e.rule] += 1
            fixable[e.rule] += e.fix is FixKind.SAFE
    return [RuleCount(rule, n, fixable[rule]) for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def format_statistics(reports: list[FileReport], fmt: str = "text") -> str:
    """``--statistics``: a table by rule (JSON for the json formats)."""
    rows = statistics(reports)
    if fmt in ("json", "json-lines"):
        data = [row._asdict() for row in rows]
        if fmt == "json":
            return json.dumps(data, indent=2) + "\n"
        return "".join(json.dumps(d) + "\n" for d in data)
    if not rows:
        return summary(reports) + "\n"
    width = max(len(row.rule) for row in rows)
    digits = max(len(str(row.count)) for row in rows)
    lines = [
        f"{row.count:>{digits}}  {row.rule:<{width}}  {f'[*] {row.fixable} fixable' if row.fixable else ''}".rstrip()
        for row in rows
    ]
    lines.append(summary(reports))
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[list[FileReport]], str]] = {
    "text": format_text,
    "json": format_json,
    "json-lines": format_json_lines,
    "github": format_github,
    "sarif": format_sarif,
    "rdjson": format_rdjson,
    "gitlab": format_gitlab,
}
