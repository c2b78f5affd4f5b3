"""Small display panels: the current edit's details and the status line."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cleaner.tui.session import Counts, Proposal, Review, State
from cleaner.tui.widgets.diff_view import visible

_STATE_STYLE = {
    State.UNDECIDED: "bold yellow",
    State.ACCEPTED: "bold green",
    State.REJECTED: "bold red",
    State.CONFLICT: "bold magenta",
}


def describe(review: Review, p: Proposal) -> Text:
    """Rule id, category, severity, fix kind, state, message and alternatives."""
    e = p.edit
    state = review.state(p.index)
    out = Text(no_wrap=False)
    out.append(f"[{p.index + 1}/{len(review)}] ", style="dim")
    out.append(e.rule, style="bold")
    out.append(f" ({e.category}) · {e.severity.value} · fix: {e.fix.value} · ")
    out.append(state.value, style=_STATE_STYLE[state])
    if state is State.CONFLICT:
        others = [str(j + 1) for j in review.overlapping(p.index) if review.state(j) is State.ACCEPTED]
        out.append(f" with #{', #'.join(others)}", style="magenta")
    out.append("\n")
    out.append(e.message)
    decision = review.decisions[p.index]
    if len(e.replacements) > 1 or (decision.replacement is not None and decision.replacement not in e.replacements):
        out.append("\n")
        for n, rep in enumerate(e.replacements[:9], 1):
            chosen = decision.replacement == rep
            out.append(f"{n}", style="bold reverse" if chosen else "bold")
            out.append(f" {visible(rep) or '(delete)'}  ", style="green" if chosen else "")
        if decision.replacement is not None and decision.replacement not in e.replacements:
            out.append("by hand: ", style="bold")
            out.append(visible(decision.replacement) or "(delete)", style="green")
    return out


class EditDetail(Static):
    """The current edit: what rule, why, and what it would put in."""

    DEFAULT_CSS = """
    EditDetail {
        height: 5;
        padding: 0 1;
        border-top: solid $primary;
    }
    """

    def show(self, review: Review, p: Proposal | None) -> None:
        # A fixed height, so new content never needs a new layout (keys stay cheap).
        self.update(describe(review, p) if p else Text("No edits to review.", style="italic"), layout=False)


def status_text(counts: Counts, path: str, grammar: str, dirty: bool) -> str:
    """``3 of 120 decided · 2 accepted · 1 rejected · unsaved · grammar: none · a.txt``."""
    parts = [
        f"{counts.decided} of {counts.total} decided",
        f"{counts.accepted} accepted",
        f"{counts.rejected} rejected",
    ]
    if counts.conflict:
        parts.append(f"{counts.conflict} in conflict")
    if dirty:
        parts.append("unsaved")
    # The path goes last: on a narrow terminal a long path is what gets cut.
    parts += [f"grammar: {grammar}", path]
    return " · ".join(parts)


class StatusLine(Static):
    """Progress, file and grammar backend, one line."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    """

    def show(self, counts: Counts, path: str, grammar: str, dirty: bool) -> None:
        self.update(status_text(counts, path, grammar, dirty), layout=False)
