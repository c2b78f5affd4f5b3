"""Reading and writing documents without losing anything.

Files are UTF-8 with or without a byte-order mark. The text is decoded
without newline translation, so CRLF, CR and LF come back exactly as they
were; the BOM is remembered and written back. Writes are atomic: a temporary
file in the same folder, flushed and synced, then renamed over the target.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cleaner.document import Document
from cleaner.errors import InputError

_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class SourceFile:
    """A decoded file and how to write it back the way it was."""

    path: str
    text: str
    bom: bool = False

    def document(self, markdown: bool | None = None) -> Document:
        return Document(self.text, self.path, markdown)


def decode(data: bytes, path: str) -> SourceFile:
    """Decode ``data`` as UTF-8 (BOM optional); raise InputError saying where it fails."""
    nul = data.find(b"\x00", 0, _BINARY_SNIFF)
    if nul >= 0:
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), not text")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise InputError(
            f"{path}:{line}:{col}: not UTF-8: byte 0x{data[offset]:02x} at offset {offset} cannot be decoded"
        ) from None
    return SourceFile(path, text, bom)


def read_source(path: str) -> SourceFile:
    """Read a text file, or stdin for ``-``."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return decode(data, path)


def encode(text: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old file or the new, never half.

    The file's permission bits are kept when it already exists.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"{path}: is a directory, cannot write a file there")
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_source(source: SourceFile, text: str, path: str | None = None) -> None:
    """Write ``text`` with the source's BOM to ``path`` (default: the source itself)."""
    write_atomic(path or source.path, encode(text, source.bom))
