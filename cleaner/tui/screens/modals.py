"""Modal screens. Each returns its answer through ``dismiss`` and knows
nothing about the session: the app decides what the answer means."""

from __future__ import annotations

from typing import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class HelpScreen(ModalScreen[None]):
    """Every key of the review screen, from the app's bindings."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", show=False),
    ]

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, description in self.keys:
            table.add_row(key, description)
        with VerticalScroll(id="help-box"):
            yield Label("cleaner review: keys (escape closes)", id="help-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmQuit(ModalScreen[str | None]):
    """Unsaved decisions: save and quit ("save"), quit anyway ("discard"), or stay (None)."""

    BINDINGS = [
        Binding("s,w", "answer('save')", "Save and quit"),
        Binding("d,y", "answer('discard')", "Quit without saving"),
        Binding("escape,n,c", "answer(None)", "Keep reviewing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label("Some decisions are not saved to the document yet.")
            yield Label("They stay in the session file either way.", classes="dim")
            yield Label("[b]s[/b] save and quit   [b]d[/b] quit without saving   [b]escape[/b] keep reviewing")

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


class TextPrompt(ModalScreen[str | None]):
    """One line of text: a replacement typed by hand, or a search."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    # The app focuses nothing by default (its keys are single letters); here
    # the letters are text, so the input takes focus.
    AUTO_FOCUS = "Input"

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label(self.title_text)
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
