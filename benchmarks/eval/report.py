"""Markdown tables of the scores, and the README section they live in."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from benchmarks.eval import classes as C
from benchmarks.eval.score import ClassScore, Scores
from benchmarks.eval.tools import Measured

START, END = "<!-- eval:start -->", "<!-- eval:end -->"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def cleaner_table(scores: Scores) -> str:
    """Per class: detection and correction P/R/F0.5 and edits on clean text."""
    head = ["class", "artifacts", "detect P", "detect R", "detect F0.5", "fix P", "fix R", "fix F0.5",
            "findings on clean text", "edits on clean text"]
    lines = [_row(head), _row(["---"] * len(head))]
    keys = list(C.CLASSES) + ([C.OTHER] if C.OTHER in scores.detection or C.OTHER in scores.correction else [])
    for key in keys + ["overall"]:
        d = scores.overall("detection") if key == "overall" else scores.detection.get(key, ClassScore())
        c = scores.overall("correction") if key == "overall" else scores.correction.get(key, ClassScore())
        name = f"**{key}**" if key == "overall" else key
        lines.append(_row([name, d.artifacts or c.artifacts or "–", _pct(d.precision), _pct(d.recall), _pct(d.f05),
                           _pct(c.precision), _pct(c.recall), _pct(c.f05), d.on_clean, c.on_clean]))
    return "\n".join(lines)


def peers_table(samples_count: int, scores: dict[str, Scores], measured: dict[str, Measured]) -> str:
    """Per class: artifacts each tool caught (and repaired, for fixers); then
    false alarms, time and peak memory."""
    tools = list(measured)
    head = ["class", "artifacts"] + [f"{t} {measured[t].version}" for t in tools]
    lines = [_row(head), _row(["---"] * len(head))]

    def cell(tool: str, cls: str | None) -> str:
        m = measured[tool]
        if m.status != "ok":
            return "not run"
        s = scores[tool]
        d = s.overall("detection") if cls is None else s.detection[cls]
        text = str(d.hit)
        c = s.overall("correction") if cls is None else s.correction[cls]
        if c.artifacts:
            text += f" ({c.hit} fixed)"
        return text

    any_scores = next(iter(scores.values()), None)
    for cls in C.CLASSES:
        n = any_scores.detection[cls].artifacts if any_scores else "–"
        lines.append(_row([cls, n] + [cell(t, cls) for t in tools]))
    total = any_scores.overall("detection").artifacts if any_scores else "–"
    lines.append(_row(["**caught, all classes**", total] + [cell(t, None) for t in tools]))

    def stat(label: str, fn: Callable[[Measured, Scores], str]) -> None:
        cells = [fn(measured[t], scores[t]) if measured[t].status == "ok" else measured[t].status for t in tools]
        lines.append(_row([label, ""] + cells))

    words = max(any_scores.words if any_scores else 0, 1)

    def false_alarms(m: Measured, s: Scores) -> str:
        n = s.overall("detection").on_clean
        return f"{n} ({n * 10000 / words:.0f} per 10k words)"

    def clean_fixes(m: Measured, s: Scores) -> str:
        fix = s.overall("correction")
        return str(fix.on_clean) if fix.artifacts else "–"

    stat("findings in all", lambda m, s: str(s.overall("detection").claimed))
    stat("false alarms (on clean text)", false_alarms)
    stat("fixes that changed clean text", clean_fixes)
    stat("detection precision", lambda m, s: _pct(s.overall("detection").precision))
    stat("time, whole process (s)", lambda m, s: f"{m.wall_seconds:.1f}")
    stat("time per article (ms)", lambda m, s: f"{1000 * m.run_seconds / max(samples_count, 1):.1f}")
    stat("peak memory (MB)", lambda m, s: f"{m.peak_rss_mb:.0f}")
    return "\n".join(lines)


def section(summary: str, cleaner: str, peers: str, notes: str) -> str:
    """The README section, markers included."""
    return "\n\n".join([START, summary, cleaner, peers, notes, END]) + "\n"


def write_readme(readme: Path, body: str) -> bool:
    """Replace the text between the markers in ``readme`` (appending the
    markers at the end when absent). Returns False when there is no README."""
    if not readme.exists():
        return False
    text = readme.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        new = before + body.rstrip("\n") + after
    else:
        new = text.rstrip("\n") + "\n\n" + body
    if new != text:
        tmp = readme.with_suffix(".md.eval-tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(readme)  # atomic: a reader never sees half a README
    return True
