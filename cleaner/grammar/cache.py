"""On-disk cache of grammar findings, one row per checked paragraph.

Keyed by a hash of the backend's cache key (backend, version, language,
settings) and the paragraph (text, markup, mode), so a re-check after one
paragraph changed sends only that paragraph, and an upgrade of the backend
never serves stale findings. SQLite (stdlib) in the user's cache folder;
several processes may share it (WAL mode, a busy timeout). Findings are
stored before the name filter runs, so editing the dictionary needs no
invalidation.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Sequence

import platformdirs

from cleaner.grammar.base import Finding, Paragraph

SCHEMA_VERSION = 1


def default_cache_path() -> Path:
    """``$CLEANER_CACHE_DIR/grammar.sqlite3``, else the platform's user cache folder."""
    folder = os.environ.get("CLEANER_CACHE_DIR") or platformdirs.user_cache_dir("cleaner", appauthor=False)
    return Path(folder) / "grammar.sqlite3"


def paragraph_key(backend_key: str, paragraph: Paragraph) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{SCHEMA_VERSION}\x00{backend_key}\x00".encode())
    h.update(paragraph.cache_text().encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class GrammarCache:
    """Paragraph findings on disk. A cache that cannot be opened degrades to none.

    A broken or read-only cache must not stop a check, so every SQLite error
    turns the cache off for the rest of the run instead of failing it.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("CREATE TABLE IF NOT EXISTS findings (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
                self._conn = conn
            except (sqlite3.Error, OSError):
                self._broken = True
        return self._conn

    def get_many(self, keys: Sequence[str]) -> dict[str, list[Finding]]:
        """The cached findings of each key that has them."""
        out: dict[str, list[Finding]] = {}
        with self._lock:
            conn = self._connect()
            if conn is None:
                return out
            try:
                for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                    chunk = list(keys[i : i + 500])
                    marks = ",".join("?" * len(chunk))
                    for key, data in conn.execute(f"SELECT key, data FROM findings WHERE key IN ({marks})", chunk):
                        out[key] = [Finding.from_json(row) for row in json.loads(data)]
            except (sqlite3.Error, ValueError):
                self._broken = True
        return out

    def put_many(self, items: Iterable[tuple[str, list[Finding]]]) -> None:
        rows = [(key, json.dumps([f.to_json() for f in findings], ensure_ascii=False)) for key, findings in items]
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                with conn:
                    conn.executemany("INSERT OR REPLACE INTO findings (key, data) VALUES (?, ?)", rows)
            except sqlite3.Error:
                self._broken = True

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
