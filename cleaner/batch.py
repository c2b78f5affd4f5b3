"""Batch runs: many files, in parallel processes, reported in a stable order.

The workers only read files and run the rules (the expensive part). The
parent then does what needs the whole batch or must happen in one order:
site boilerplate learned across the files, inline suppressions and the
baseline. Results are gathered in input order, so the output is the same
whatever the scheduling and whatever ``--jobs`` is.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import regex

from cleaner import engine
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import Edit, FixKind, Severity
from cleaner.fileio import read_source
from cleaner.report import FileReport
from cleaner.rule import Rule
from cleaner.suppress import apply_suppressions

SITE_BOILERPLATE = "site-boilerplate"
"""The finding id for a line that recurs across a batch, when no pattern knows it."""


@dataclass(frozen=True)
class Checked:
    """What a worker sends back for one file: its text and the rules' findings."""

    path: str
    text: str
    findings: list[Edit]
    ran: tuple[str, ...]
    """Ids of the artifact rules that ran (for unused-suppression)."""


# ------------------------------------------------------------------ workers
# Each worker process keeps the settings it was started with and the rules
# each of them selects, so a task is just (path, settings index).
_worker_settings: list[Settings] = []
_worker_rules: dict[int, list[Rule]] = {}


def _init_worker(settings: list[Settings]) -> None:
    global _worker_settings
    _worker_settings = settings
    _worker_rules.clear()


def _check_one(task: tuple[str, int]) -> Checked:
    path, index = task
    settings = _worker_settings[index]
    rules = _worker_rules.get(index)
    if rules is None:
        rules = _worker_rules[index] = engine.rules_for(settings)
    return check_source(path, settings, rules)


def check_source(path: str, settings: Settings, rules: Sequence[Rule], text: str | None = None) -> Checked:
    """Run the rules (and the grammar pass, if on) over one file."""
    if text is None:
        source = read_source(path)
        path, text = source.path, source.text
    doc = Document(text, path)
    return Checked(path, text, engine.check_document(doc, settings, rules), tuple(r.name for r in rules))


def _warm(settings_list: list[Settings]) -> None:
    """Load the rules' data here, once, before the pool forks.

    Rules load word lists and tables lazily on first use; forked workers
    inherit what the parent loaded, so each does not load its own copy.
    (Start methods other than fork re-import in the worker and gain nothing.)
    """
    from cleaner.pipeline import run_rules

    doc = Document("Warm up the rules.\n\nThe the end.\n")
    for settings in settings_list:
        run_rules(doc, engine.rules_for(settings), settings)


# ------------------------------------------------------------------- driver
def check_files(
    files: Sequence[str],
    settings_for: Callable[[str], Settings],
    *,
    jobs: int | None = None,
    progress: bool | None = None,
) -> list[FileReport]:
    """Check ``files`` and return one report per file, in the order given.

    Args:
        files: paths (``-`` for stdin), already expanded from folders and globs.
        settings_for: the settings that govern each path (its config plus the flags).
        jobs: worker processes; None means one per core. One job, or one
            file, runs in this process and starts no pool.
        progress: show a progress bar on stderr; None decides by whether
            stderr is a terminal (and never in CI).
    """
    settings_list: list[Settings] = []
    index_of: dict[int, int] = {}
    tasks: list[tuple[str, int]] = []
    for path in files:
        s = settings_for(path)
        if id(s) not in index_of:
            index_of[id(s)] = len(settings_list)
            settings_list.append(s)
        tasks.append((path, index_of[id(s)]))

    jobs = jobs or os.cpu_count() or 1
    stdin_tasks = [t for t in tasks if t[0] == "-"]
    workers = min(jobs, len(tasks) - len(stdin_tasks))
    bar = _Progress(len(tasks), _show_progress() if progress is None else progress)
    results: list[Checked] = []
    with bar:
        if workers <= 1:
            _init_worker(settings_list)
            for task in tasks:
                results.append(_check_one(task))
                bar.advance()
        else:
            # stdin cannot be read in another process: read it here, check it there.
            chunk = max(1, min(64, len(tasks) // (workers * 8)))
            _warm(settings_list)
            with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings_list,)) as pool:
                file_tasks = [t for t in tasks if t[0] != "-"]
                checked = pool.map(_check_one, file_tasks, chunksize=chunk)
                by_task: dict[int, Checked] = {}
                positions = [i for i, t in enumerate(tasks) if t[0] != "-"]
                for i, result in zip(positions, checked):
                    by_task[i] = result
                    bar.advance()
                for i, t in enumerate(tasks):
                    if t[0] == "-":
                        s = settings_list[t[1]]
                        by_task[i] = check_source("-", s, engine.rules_for(s))
                        bar.advance()
                results = [by_task[i] for i in range(len(tasks))]

    learned = learned_boilerplate([r.text for r in results], settings_list[0]) if results else {}
    reports = []
    for (path, index), result in zip(tasks, results):
        settings = settings_list[index]
        doc = Document(result.text, result.path)
        findings = result.findings
        ran = result.ran
        if learned:
            findings = sorted(findings + site_boilerplate(doc, learned, findings, settings), key=Edit.sort_key)
            ran += (SITE_BOILERPLATE,)
        findings = apply_suppressions(doc, findings, ran, settings)
        reports.append(FileReport(result.path, doc, findings))
    return reports


# --------------------------------------------------------- site boilerplate
_LETTER = regex.compile(r"\p{L}")
_SPACE = regex.compile(r"\s+")
MAX_BOILERPLATE_LINE = 200
"""Longer lines are article text even when a site repeats them (a standing disclaimer
is the exception a pattern file handles better)."""


@dataclass(frozen=True)
class RecurringLine:
    """A line that recurs verbatim across a batch."""

    text: str
    """The line, stripped, whitespace collapsed."""
    files: int
    """How many files of the batch hold it."""
    share: float
    """``files`` over the batch's size."""


_ODD_SPACE = regex.compile(r"\s\s|[^\S ]")


def normalise_line(line: str) -> str:
    """The form lines are compared in: stripped, whitespace runs as one space."""
    line = line.strip()
    # Most lines have nothing to collapse; skip the substitution for them
    # (this runs on every line of every file of a batch).
    return _SPACE.sub(" ", line) if _ODD_SPACE.search(line) else line


def recurring_lines(texts: Iterable[str], threshold: float, min_files: int) -> dict[str, RecurringLine]:
    """Lines that occur in at least ``threshold`` of ``texts`` (each text counted once).

    Lines without a letter (rules, separators) and very long lines are never
    counted; a batch smaller than ``min_files`` (or ``min_files`` 0) learns nothing.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        seen = {normalise_line(line) for line in text.splitlines()}
        counts.update(line for line in seen if line and len(line) <= MAX_BOILERPLATE_LINE and _LETTER.search(line))
    if min_files <= 0 or total < min_files:
        return {}
    need = max(2, threshold * total)
    return {
        line: RecurringLine(line, n, n / total)
        for line, n in counts.items()
        if n >= need
    }


def learned_boilerplate(texts: list[str], settings: Settings) -> dict[str, RecurringLine]:
    """The batch's recurring lines under ``settings``' threshold, or nothing for a small batch."""
    return recurring_lines(texts, settings.boilerplate_threshold, settings.boilerplate_min_files)


def site_boilerplate(
    doc: Document, learned: dict[str, RecurringLine], findings: list[Edit], settings: Settings
) -> list[Edit]:
    """``site-boilerplate`` findings for the lines of ``doc`` the batch learned.

    A line some rule already flags as a whole is left to that rule.
    """
    from cleaner.registry import is_selected

    if not is_selected(SITE_BOILERPLATE, settings.select, settings.ignore):
        return []
    edits = []
    severity = settings.severity.get(SITE_BOILERPLATE, Severity.WARNING)
    for span in doc.lines():
        line = normalise_line(doc.text[span.start : span.end])
        hit = learned.get(line)
        if hit is None or doc.is_protected(span.start, span.end):
            continue
        if any(e.start <= span.start and span.end <= e.end for e in findings):
            continue
        whole = doc.line_span(span.start, with_newline=True)
        edits.append(
            Edit(
                start=whole.start,
                end=whole.end,
                rule=SITE_BOILERPLATE,
                category="boilerplate",
                message=(
                    f"Line recurs verbatim in {hit.files} of the files checked together "
                    f"({hit.share:.0%}): site boilerplate? Delete it"
                ),
                replacements=("",),
                fix=FixKind.SUGGESTED,
                severity=severity,
            )
        )
    return edits


# ------------------------------------------------------------------ progress
def _show_progress() -> bool:
    # CI logs are not terminals, but some CI runners fake one; CI=true says so.
    return sys.stderr.isatty() and not os.environ.get("CI")


class _Progress:
    """A progress bar on stderr that appears only once a run has taken a second."""

    DELAY = 1.0

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0
        self.started = time.monotonic()
        self._bar = None
        self._task = None

    def __enter__(self) -> _Progress:
        return self

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self.started > self.DELAY:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("cleaner"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("check", total=self.total, completed=self.done)
        elif self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()



def boilerplate_pattern_file(learned: Iterable[RecurringLine], files: int, threshold: float) -> str:
    """``learn-boilerplate`` output: a pattern file in the format of rules/data/boilerplate.txt.

    Every line is written as "likely" (``?``): deletion is only suggested
    until a person who knows the site promotes it to ``!`` or drops it.
    """
    rows = sorted(learned, key=lambda r: (-r.files, r.text))
    out = [
        "# Site boilerplate learned by `cleaner learn-boilerplate`:",
        f"# lines that recur verbatim in at least {threshold:.0%} of {files} files.",
        "# Review before committing: change ? to ! for lines no article would ever",
        "# have as its own text, use = for lines that are article text, delete the rest.",
        "",
    ]
    for row in rows:
        out.append(f"# in {row.files} of {files} files ({row.share:.0%})")
        out.append(f"? {_as_pattern(row.text)}")
    return "\n".join(out) + "\n"


def _as_pattern(line: str) -> str:
    # A phrase that looks like /regex/ would be read as one: write it as an
    # escaped expression instead, which matches the same line.
    if line.startswith("/") and line.endswith("/") and len(line) > 1:
        return "/" + regex.escape(line) + "/"
    return line
