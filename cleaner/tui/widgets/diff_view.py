"""DiffView: the current edit as a word-level diff, built on difflib.

The diff compares a window of text around the edit before and after the
chosen replacement, token by token (words, runs of spaces, single
punctuation marks), so a change reads like ``git diff --word-diff``:
removed words red and struck through, inserted words green. Invisible
characters in changed text are spelled out (``⟨U+200B⟩``) because a struck
zero-width space is still invisible. Under NO_COLOR the changes also get
``[-...-]`` and ``{+...+}`` brackets, since colour is gone.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import NamedTuple

import regex
from rich.text import Text
from textual.widgets import Static

_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+|[ \t]+|\r\n|\r|\n|.", regex.S)

CONTEXT_CHARS = 160
"""How much text either side of the edit the diff shows, at most."""


class Chunk(NamedTuple):
    """A run of the word diff: ``equal``, ``delete`` or ``insert``."""

    kind: str
    text: str


class Context(NamedTuple):
    """The text around an edit before and after it is applied."""

    before: str
    after: str
    clipped_start: bool
    """True when the window starts inside a line (shown with an ellipsis)."""
    clipped_end: bool
    offset: int
    """Where ``before`` starts in the text."""


def tokens(text: str) -> list[str]:
    """Split text into words, runs of spaces and single other characters."""
    return _TOKEN_RE.findall(text)


def word_diff(before: str, after: str) -> list[Chunk]:
    """Word-level diff of two texts from difflib's opcodes; joining the
    equal and delete chunks gives ``before``, equal and insert give ``after``."""
    a, b = tokens(before), tokens(after)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    chunks: list[Chunk] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(Chunk("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(Chunk("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(Chunk("insert", "".join(b[j1:j2])))
    return chunks


def edit_context(text: str, start: int, end: int, replacement: str, radius: int = CONTEXT_CHARS) -> Context:
    """The edit's lines, clipped to ``radius`` characters either side.

    Whole lines are a few lines of context for ordinary text; news paragraphs
    are often one very long line, so the window is clipped at a space.
    """
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    nl = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(nl) if nl else len(text)
    lo, hi = line_start, line_end
    clipped_start = clipped_end = False
    if start - lo > radius:
        cut = text.find(" ", start - radius, start)
        lo = cut + 1 if cut >= 0 else start - radius
        clipped_start = True
    if hi - end > radius:
        cut = text.rfind(" ", end, end + radius)
        hi = cut if cut >= 0 else end + radius
        clipped_end = True
    before = text[lo:hi]
    after = text[lo:start] + replacement + text[end:hi]
    return Context(before, after, clipped_start, clipped_end, lo)


def visible(text: str) -> str:
    """Spell out characters that would not show: controls, format characters, odd spaces."""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif ch == " ":
            out.append(" ")
        elif ch == "\r":
            continue  # the \n of a CRLF already breaks the line
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn"):
            out.append(f"⟨U+{ord(ch):04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


def _show_changed(text: str) -> str:
    # A removed or inserted space would be invisible; a middle dot is not.
    return visible(text).replace(" ", "·").replace("\t", "→")


def render_diff(chunks: list[Chunk], no_color: bool = False, clipped: tuple[bool, bool] = (False, False)) -> Text:
    """Rich text for a word diff."""
    out = Text(no_wrap=False)
    if clipped[0]:
        out.append("… ", style="dim")
    for chunk in chunks:
        if chunk.kind == "equal":
            out.append(visible(chunk.text))
        elif chunk.kind == "delete":
            body = _show_changed(chunk.text)
            out.append(f"[-{body}-]" if no_color else body, style="bold red strike")
        else:
            body = _show_changed(chunk.text)
            if no_color:
                out.append(f"{{+{body}+}}", style="bold underline")
            else:
                out.append(body, style="bold green")
    if clipped[1]:
        out.append(" …", style="dim")
    return out


class DiffView(Static):
    """The current edit as a word diff with a little context."""

    DEFAULT_CSS = """
    DiffView {
        height: 6;
        padding: 0 1;
        border-top: solid $primary;
    }
    """

    def show_edit(self, text: str, start: int, end: int, replacement: str | None, note: str = "") -> None:
        """Show the diff of replacing ``text[start:end]`` with ``replacement``.

        A flag-only edit (``replacement`` None) shows the flagged text in context.
        """
        if replacement is None:
            # Nothing to diff: show the flagged words in their context instead.
            ctx = edit_context(text, start, end, text[start:end])
            lead = start - ctx.offset
            out = Text(note or "flag only, nothing to apply: ", style="italic")
            out.append("… " if ctx.clipped_start else "", style="dim")
            out.append(visible(ctx.before[:lead]))
            out.append(visible(text[start:end]) or "‸", style="bold reverse")
            out.append(visible(ctx.before[lead + end - start :]))
            out.append(" …" if ctx.clipped_end else "", style="dim")
            self.update(out, layout=False)
            return
        ctx = edit_context(text, start, end, replacement)
        clipped = (ctx.clipped_start, ctx.clipped_end)
        rendered = render_diff(word_diff(ctx.before, ctx.after), self.app.no_color, clipped)
        if note:
            rendered = Text(note, style="italic") + rendered
        # A fixed height, so new content never needs a new layout (keys stay cheap).
        self.update(rendered, layout=False)

    def show_nothing(self, message: str) -> None:
        self.update(Text(message, style="italic"), layout=False)
