"""The LanguageTool backend: its HTTP API (/v2/check), on a server of the user's or one started locally.

We speak HTTP ourselves (stdlib ``urllib``) rather than through
language-tool-python's ``check()``, for two reasons measured here: it
converts only a match's start from UTF-16 code units, not its length, so
spans after an emoji come out wrong; and it cannot send annotated text (the
``data`` field), which lets LanguageTool skip code, URLs and markup while its
offsets still count them. language-tool-python is used for one thing: to
start a local server (it downloads LanguageTool on first use) when no
``--lt-server`` is given.

Paragraphs go out in parallel, at most ``workers`` at a time, each request
with a timeout; a server that is down or slow raises :class:`GrammarError`
naming the URL.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from cleaner.grammar.base import Finding, GrammarError, Paragraph, clip_replacements

DEFAULT_TIMEOUT = float(os.environ.get("CLEANER_LT_TIMEOUT") or 30.0)
"""Seconds a single request may take before the pass fails ($CLEANER_LT_TIMEOUT)."""
DEFAULT_WORKERS = 4
"""Requests in flight at once: enough to keep a local server's threads busy
without queueing behind its own limit (LanguageTool's default is 10)."""

_STYLE_ISSUES = frozenset({"style", "locale-violation", "register", "inconsistency"})

_local_lock = threading.Lock()
_local_url: dict[str, str] = {}


def utf16_to_codepoints(text: str) -> list[int]:
    """``table[u]`` is the code-point index of UTF-16 offset ``u`` in ``text``.

    An offset that falls inside a surrogate pair maps to the character it
    splits, so a span never cuts an emoji in half.
    """
    table: list[int] = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return table


def utf16_span(table: list[int], offset: int, length: int) -> tuple[int, int]:
    """Code-point ``(start, end)`` of a UTF-16 ``offset`` and ``length`` (both converted).

    An end that falls inside a surrogate pair is moved past the whole character.
    """
    last = len(table) - 1
    start = table[min(max(offset, 0), last)]
    u = min(max(offset + length, 0), last)
    end = table[u]
    if 0 < u < last and table[u] == table[u - 1]:
        end += 1
    return start, max(start, end)


def annotated(para: Paragraph) -> str:
    """LanguageTool's annotated-text JSON: markup parts for ``para.markup``, text parts between."""
    parts: list[dict[str, str]] = []
    pos = 0
    for a, b in para.markup:
        if a > pos:
            parts.append({"text": para.text[pos:a]})
        parts.append({"markup": para.text[a:b]})
        pos = b
    if pos < len(para.text):
        parts.append({"text": para.text[pos:]})
    return json.dumps({"annotation": parts}, ensure_ascii=False)


def local_server_url(language: str) -> str:
    """Start (once per process) a LanguageTool server through language-tool-python; its base URL."""
    with _local_lock:
        if "url" not in _local_url:
            try:
                import language_tool_python

                tool = language_tool_python.LanguageTool(language)
            except Exception as exc:  # it raises many kinds: download, Java, port
                raise GrammarError(
                    f"could not start a local LanguageTool with language-tool-python ({type(exc).__name__}: "
                    f"{str(exc).splitlines()[0] if str(exc) else 'no detail'}); it needs Java and, on first "
                    "use, a download; or point cleaner at a running server with --lt-server URL"
                ) from None
            _local_url["tool"] = tool  # keep it referenced: dropping it stops the server
            _local_url["url"] = str(tool._url).removesuffix("/").removesuffix("/v2")
        return _local_url["url"]


class LanguageToolBackend:
    """LanguageTool over HTTP.

    Args:
        url: base URL of the server (``http://host:8081``); None starts a local one.
        language: a LanguageTool language code, e.g. ``en-US``, ``en-GB``, ``de-DE``.
        timeout: seconds per request.
        workers: requests in flight at once.
    """

    name = "languagetool"

    def __init__(self, url: str | None, language: str = "en-US", *, timeout: float = DEFAULT_TIMEOUT,
                 workers: int = DEFAULT_WORKERS) -> None:
        self.language = language
        self.timeout = timeout
        self.workers = max(1, workers)
        self.url = (url or local_server_url(language)).rstrip("/").removesuffix("/v2")
        if not self.url.startswith(("http://", "https://")):
            raise GrammarError(f"LanguageTool server URL must start with http:// or https://: {self.url!r}")
        self._version: str | None = None

    # ---------------------------------------------------------------- HTTP
    def _post(self, fields: dict[str, str]) -> dict:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        req = urllib.request.Request(f"{self.url}/v2/check", data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise GrammarError(
                f"LanguageTool server at {self.url} answered HTTP {exc.code}: {detail[0] if detail else exc.reason}"
            ) from None
        except (TimeoutError, socket.timeout):
            raise GrammarError(
                f"LanguageTool server at {self.url} did not answer within {self.timeout:g} s"
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise GrammarError(
                    f"LanguageTool server at {self.url} did not answer within {self.timeout:g} s"
                ) from None
            raise GrammarError(f"LanguageTool server at {self.url} is not reachable: {reason}") from None
        except (OSError, ValueError) as exc:
            raise GrammarError(f"LanguageTool server at {self.url} failed: {exc}") from None

    def version(self) -> str:
        """The server's LanguageTool version (asked once, with a one-word check)."""
        if self._version is None:
            answer = self._post({"language": self.language, "text": "a"})
            self._version = str(answer.get("software", {}).get("version", "unknown"))
        return self._version

    def cache_key(self) -> str:
        # The URL is not part of the key: two servers of one version agree.
        return f"languagetool|{self.version()}|{self.language}"

    # --------------------------------------------------------------- check
    def check_one(self, para: Paragraph) -> list[Finding]:
        fields = {"language": self.language}
        if para.markup:
            fields["data"] = annotated(para)
        else:
            fields["text"] = para.text
        answer = self._post(fields)
        table = utf16_to_codepoints(para.text)
        findings = []
        for m in answer.get("matches", []):
            start, end = utf16_span(table, int(m["offset"]), int(m["length"]))
            rule = m.get("rule", {})
            issue = rule.get("issueType", "")
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    rule=f"lt:{rule.get('id', 'UNKNOWN')}",
                    message=m.get("message", "").strip(),
                    replacements=clip_replacements([r.get("value", "") for r in m.get("replacements", [])]),
                    spelling=issue == "misspelling" or rule.get("category", {}).get("id") == "TYPOS",
                    style=issue in _STYLE_ISSUES,
                )
            )
        return findings

    def check(self, paragraphs: Sequence[Paragraph]) -> list[list[Finding]]:
        if not paragraphs:
            return []
        self.version()  # fail fast, once, with a clear message when the server is down
        if len(paragraphs) == 1 or self.workers == 1:
            return [self.check_one(p) for p in paragraphs]
        with ThreadPoolExecutor(max_workers=min(self.workers, len(paragraphs))) as pool:
            return list(pool.map(self.check_one, paragraphs))
