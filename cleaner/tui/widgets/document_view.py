"""DocumentView: the document around the current edit, with every edit marked.

Only the window that fits on screen is rendered, found from the line index
and the proposals' sorted starts, so a 50,000-word document costs the same
per key as a short one. Marks: undecided edits underlined, the current edit
in reverse video, accepted edits as struck original plus inserted text,
rejected ones dimmed, conflicting ones dim and underlined.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from rich.text import Text
from textual.widgets import Static

from cleaner.tui.session import Review, State
from cleaner.tui.widgets.diff_view import visible


class Window(NamedTuple):
    """The part of the text to draw."""

    start: int
    end: int
    clipped: bool
    """True when ``start`` falls inside a line."""


def find_window(line_starts: list[int], size: int, anchor: int, width: int, height: int) -> Window:
    """A window of the text that puts ``anchor`` about a third of the way down.

    Rows are estimated from line lengths (a long line wraps into several),
    which is close enough to keep the anchor on screen.
    """
    width = max(width, 10)
    height = max(height, 3)
    want_before = max(1, height // 3)
    line = bisect.bisect_right(line_starts, anchor) - 1
    rows = (anchor - line_starts[line]) // width
    if rows >= want_before:
        start = anchor - want_before * width
        rows = want_before
        clipped = True
    else:
        start = line_starts[line]
        clipped = False
        k = line
        while k > 0:
            length = line_starts[k] - line_starts[k - 1]
            need = max(1, -(-length // width))
            if rows + need > want_before:
                break
            rows += need
            k -= 1
            start = line_starts[k]
    end = min(size, anchor + width * (height - rows + 1))
    return Window(start, end, clipped)


_STYLE = {
    State.UNDECIDED: "underline yellow",
    State.CONFLICT: "dim underline",
    State.REJECTED: "dim",
}


def render_window(review: Review, window: Window, current: int | None, highlight: tuple[int, int] | None) -> Text:
    """Rich text for ``window`` with the proposals in it marked."""
    text = review.text
    out = Text(no_wrap=False, overflow="fold")
    if window.clipped:
        out.append("… ", style="dim")
    pos = window.start

    def plain(upto: int) -> None:
        nonlocal pos
        if upto <= pos:
            return
        if highlight and highlight[0] < upto and pos < highlight[1]:
            # Split around the search hit so it stands out.
            a, b = max(highlight[0], pos), min(highlight[1], upto)
            out.append(_lines(text[pos:a]))
            out.append(_lines(text[a:b]), style="reverse underline")
            out.append(_lines(text[b:upto]))
        else:
            out.append(_lines(text[pos:upto]))
        pos = upto

    for i in review.in_range(window.start, window.end):
        edit = review.proposals[i].edit
        if edit.start < pos:
            continue  # overlaps one already drawn; the list and diff still show it
        plain(edit.start)
        state = review.state(i)
        is_current = i == current
        original = visible(text[edit.start : edit.end])
        if state is State.ACCEPTED:
            replacement = review.decisions[i].replacement or ""
            if original:
                out.append(original, style="red strike" + (" reverse" if is_current else ""))
            inserted = replacement or ("" if original else "‸")
            out.append(inserted, style="green bold" + (" reverse" if is_current else ""))
        else:
            style = _STYLE[state] + (" reverse bold" if is_current else "")
            out.append(original or "‸", style=style)
        pos = edit.end
    plain(window.end)
    return out


def _lines(chunk: str) -> str:
    # Rich breaks lines on \n only; a CR or CRLF document must look the same.
    return chunk.replace("\r\n", "\n").replace("\r", "\n")


class DocumentView(Static):
    """The document window around the current edit (or a search hit)."""

    DEFAULT_CSS = """
    DocumentView {
        height: 1fr;
        padding: 0 1;
        overflow: hidden;
    }
    """

    def __init__(self, line_starts: list[int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.line_starts = line_starts

    def show(self, review: Review, anchor: int, current: int | None, highlight: tuple[int, int] | None = None) -> None:
        """Draw the window around ``anchor``."""
        width = (self.content_region.width or self.app.size.width) or 80
        height = (self.content_region.height or self.app.size.height) or 20
        window = find_window(self.line_starts, len(review.text), anchor, width, height)
        self.update(render_window(review, window, current, highlight), layout=False)

