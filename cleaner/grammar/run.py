"""The grammar pass over one document: paragraphs, cache, backend, name filter, edits.

The pass splits the document into paragraphs, serves what it can from the
cache, sends the rest to the backend, and turns findings into edits of
category ``grammar`` with fix kind ``suggested`` (or ``none`` when the
backend offers nothing to put in place). Findings that would flag or
rewrite a name the document establishes, or a word of the user's
dictionary, are dropped (see :mod:`cleaner.grammar.names`), as are those
that ``--select``/``--ignore`` leave out and those in protected regions.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import regex

from cleaner.config import Settings
from cleaner.dictionary import dictionary_words  # re-exported: the grammar pass's name filter reads it
from cleaner.document import Document
from cleaner.edits import Edit, FixKind, Severity
from cleaner.errors import UsageError
from cleaner.grammar.base import Backend, Finding, Paragraph
from cleaner.grammar.cache import GrammarCache, paragraph_key
from cleaner.grammar.names import NameEvidence, NameFilter
from cleaner.registry import is_selected

CATEGORY = "grammar"
BACKENDS = ("harper", "languagetool", "none")


@dataclass
class GrammarResult:
    """What one grammar pass found, and what it left out and why."""

    edits: list[Edit] = field(default_factory=list)
    """Findings to report, in document order."""
    names: list[tuple[Edit, NameEvidence]] = field(default_factory=list)
    """Findings dropped because they flag or rewrite a name, with the evidence."""
    dropped: list[Edit] = field(default_factory=list)
    """Findings dropped as layout (indentation) or as a dialect spelling ("harbour")."""
    paragraphs: int = 0
    """Paragraphs in the document."""
    sent: int = 0
    """Paragraphs the backend checked (the rest came from the cache)."""


_backends: dict[tuple, Backend] = {}
_backends_lock = threading.Lock()
_caches: dict[Path, GrammarCache] = {}


def grammar_wanted(settings: Settings) -> bool:
    """False when the backend is none, or ``--select`` names only artifact rules."""
    if settings.grammar == "none":
        return False
    if not settings.select:
        return True
    # A grammar id, a backend prefix or a glob can select grammar findings;
    # a plain artifact rule name or code cannot.
    return any(":" in p or any(ch in p for ch in "*?[") for p in settings.select)


def get_backend(settings: Settings) -> Backend:
    """The backend ``settings`` ask for; one instance per process and configuration."""
    key = (settings.grammar, settings.language, settings.lt_server)
    with _backends_lock:
        backend = _backends.get(key)
        if backend is None:
            if settings.grammar == "harper":
                from cleaner.grammar.harper import HarperBackend

                backend = HarperBackend(settings.language)
            elif settings.grammar == "languagetool":
                from cleaner.grammar.languagetool import LanguageToolBackend

                backend = LanguageToolBackend(settings.lt_server, settings.language)
            else:
                raise UsageError(f"unknown grammar backend {settings.grammar!r} (choose from {', '.join(BACKENDS)})")
            _backends[key] = backend
        return backend


def get_cache(path: Path | None = None) -> GrammarCache:
    """The process's cache object for ``path`` (default location when None)."""
    cache = GrammarCache(path)
    with _backends_lock:
        return _caches.setdefault(cache.path, cache)


def paragraphs_of(doc: Document) -> list[tuple[int, Paragraph]]:
    """Each paragraph's start offset and what the backend is sent for it.

    Protected regions inside a paragraph (URLs, code spans, HTML) go along as
    markup, so offsets stay those of the file while the backend skips them.
    A paragraph that is protected through and through is not sent at all.
    """
    out = []
    regions = doc.protected
    for span in doc.paragraphs():
        markup = []
        for r in regions:
            if r.end <= span.start:
                continue
            if r.start >= span.end:
                break
            markup.append((max(r.start, span.start) - span.start, min(r.end, span.end) - span.start))
        covered = sum(b - a for a, b in markup)
        if covered >= span.end - span.start:
            continue
        text = doc.text[span.start : span.end]
        if doc.markdown:
            markup = _merge_spans(markup + _markdown_syntax(text))
        out.append((span.start, Paragraph(text, tuple(markup), doc.markdown)))
    return out


# Markdown syntax that is neither prose nor protected: LanguageTool reads it
# as markup, so "# Title" is not a sentence starting with "#" and "[docs]("
# is not an unpaired bracket. (Harper has its own Markdown mode.)
_MD_SYNTAX_RE = regex.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)"
    r"|!?\[(?=[^\]\n]*\]\()"
    r"|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"
)


def _markdown_syntax(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MD_SYNTAX_RE.finditer(text)]


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def run_grammar(doc: Document, settings: Settings, *, backend: Backend | None = None,
                cache: GrammarCache | None = None) -> GrammarResult:
    """The grammar pass on ``doc``; raises GrammarError when the backend fails."""
    result = GrammarResult()
    if not grammar_wanted(settings) and backend is None:
        return result
    backend = backend or get_backend(settings)
    if cache is None and settings.cache:
        cache = get_cache()
    paras = paragraphs_of(doc)
    result.paragraphs = len(paras)
    if not paras:
        return result
    backend_key = backend.cache_key()
    keys = [paragraph_key(backend_key, p) for _, p in paras]
    found = cache.get_many(keys) if cache else {}
    todo = [i for i, k in enumerate(keys) if k not in found]
    # Identical paragraphs (a repeated footer) are checked once.
    unique: dict[str, int] = {}
    for i in todo:
        unique.setdefault(keys[i], i)
    if unique:
        answers = backend.check([paras[i][1] for i in unique.values()])
        fresh = dict(zip(unique, answers))
        found.update(fresh)
        if cache:
            cache.put_many(fresh.items())
    result.sent = len(unique)

    names = NameFilter(doc, dictionary_words(settings))
    edits: list[Edit] = []
    for (offset, _), key in zip(paras, keys):
        for f in found[key]:
            edit = _edit(f, offset)
            if not is_selected(edit.rule, settings.select, settings.ignore):
                continue
            if doc.is_protected(edit.start, edit.end):
                continue
            flagged = doc.text[edit.start : edit.end]
            if _only_indentation(doc.text, edit) or (
                f.spelling and (is_dialect_spelling(flagged, edit.replacements) or _speller_miss(edit.rule, flagged))
            ):
                result.dropped.append(edit)
                continue
            evidence = names.rewrites_name(edit.start, edit.end, edit.replacements, f.spelling)
            if evidence is not None:
                result.names.append((edit, evidence))
                continue
            override = settings.severity.get(edit.rule)
            edits.append(Edit(**{**_fields(edit), "severity": override}) if override else edit)
    edits.sort(key=Edit.sort_key)
    result.edits = edits
    return result


# Regular differences between British and American spelling, as
# (British, American) pairs applied to both words before comparing them.
_DIALECT_PAIRS = (
    ("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"), ("tre", "ter"),
    ("ence", "ense"), ("ogue", "og"), ("mme", "m"), ("lled", "led"), ("lling", "ling"), ("ae", "e"), ("oe", "e"),
    ("yre", "ire"), ("llor", "lor"), ("llery", "lry"), ("grey", "gray"), ("ageing", "aging"), ("cheque", "check"),
    ("sceptic", "skeptic"), ("plough", "plow"), ("mould", "mold"), ("kerb", "curb"), ("aluminium", "aluminum"),
)


def _dialect_key(word: str) -> str:
    key = word.lower()
    for british, american in _DIALECT_PAIRS:
        key = key.replace(british, american)
    return key


def is_dialect_spelling(word: str, replacements: tuple[str, ...]) -> bool:
    """True when a spelling finding only swaps one English dialect for another.

    "harbour" flagged in en-US with "harbor" as the fix is correct British
    text: a news site republishing a British article must not have it
    Americanised, so such findings are dropped whatever the dialect setting.
    (Dropping every spelling finding on a frequent word would be too broad:
    LanguageTool files "a" before a vowel under misspellings.)
    """
    key = _dialect_key(word)
    if key != word.lower():
        # The word has a British ending and its American form is English
        # ("programme" / "program"), whatever the speller proposes instead.
        from cleaner.wordstats import zipf

        if zipf(key) >= 3.0:
            return True
    # Any alternative counts: Harper may rank "tares" above "tires" for "tyres".
    return any(r.lower() != word.lower() and _dialect_key(r) == key for r in replacements)


_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")


def _speller_miss(rule: str, word: str) -> bool:
    """True when a dictionary speller flags a word its dictionary lacks but
    English has.

    Harper's and LanguageTool's word lists are American: "afterwards",
    "whilst" and "metres" are frequent English words (wordfreq zipf >= 4.0,
    while "alot", the most frequent misspelling, sits at 3.9). A word with an
    inner capital ("ScamWatch", "TezaChairman") is a brand or a glued pair:
    glued-word decides those, with the document's evidence; a speller would
    only offer "Scratch".
    """
    if rule != "harper:Spelling" and not rule.startswith("lt:MORFOLOGIK"):
        return False
    if _INNER_CAPITAL.search(word):
        return True
    from cleaner.wordstats import zipf

    return word.isalpha() and zipf(word.lower()) >= 4.0


def _only_indentation(text: str, edit: Edit) -> bool:
    """True for an edit of the whitespace that opens a line (a list's indent).

    Layout is the author's: a grammar checker's "extra space" lint on the
    indentation of a bulleted byline is not a grammar finding.
    """
    span = text[edit.start : edit.end]
    if span and not span.isspace():
        return False
    line_start = max(text.rfind("\n", 0, edit.start), text.rfind("\r", 0, edit.start)) + 1
    return not text[line_start : edit.start].strip()


def _fields(edit: Edit) -> dict:
    return {name: getattr(edit, name) for name in Edit.__dataclass_fields__}


def _edit(f: Finding, offset: int) -> Edit:
    return Edit(
        start=f.start + offset,
        end=f.end + offset,
        rule=f.rule,
        category=CATEGORY,
        message=f.message,
        replacements=f.replacements,
        fix=FixKind.SUGGESTED if f.replacements else FixKind.NONE,
        severity=Severity.INFO if f.style else Severity.WARNING,
        data=(("spelling", "1"),) if f.spelling else (),
    )


def grammar_edits(doc: Document, settings: Settings) -> list[Edit]:
    """The grammar findings to report on ``doc`` (empty when the backend is none)."""
    return run_grammar(doc, settings).edits


# --------------------------------------------------------------------------
# How the pass joins the artifact rules (called from cleaner.engine).


def check_with_grammar(doc: Document, settings: Settings, rules, artifact_edits: list[Edit]) -> list[Edit]:
    """``artifact_edits`` plus the grammar findings, all with offsets into ``doc``.

    The grammar pass reads the text as it will be after the artifact rules'
    safe fixes, so "Chinahave" is not reported twice, once as an artifact and
    once as a misspelling, and a grammar finding on a span an artifact rule
    already flags is left out. Its spans are mapped back to the original text;
    a finding whose span the safe fixes rewrote keeps its message but loses
    its replacements (they were for the text after the fixes).
    """
    from dataclasses import replace

    from cleaner.pipeline import fix_text

    if not grammar_wanted(settings):
        return artifact_edits
    fixed = None
    gdoc = doc
    if any(e.fix is FixKind.SAFE for e in artifact_edits):
        fixed = fix_text(doc.text, rules, settings, unsafe=False, path=doc.path, markdown=doc.markdown)
        if fixed.changed:
            gdoc = Document(fixed.text, doc.path, doc.markdown)
        else:
            fixed = None
    grammar = run_grammar(gdoc, settings).edits
    if fixed is not None:
        mapped = []
        for e in grammar:
            start, end = fixed.map_back(e.start, e.end)
            if doc.is_protected(start, end):
                continue
            moved = replace(e, start=start, end=end)
            if doc.text[start:end] != gdoc.text[e.start : e.end]:
                moved = replace(moved, replacements=(), fix=FixKind.NONE)
            mapped.append(moved)
        grammar = mapped
    # Where an artifact rule already flags a span ("Chinahave" as a glued
    # word), a grammar finding on it ("did you mean Chinaware?") is noise.
    # Safe fixes are already applied to the text the grammar pass read, so
    # only findings left for a person can be duplicated.
    taken = [(e.start, e.end) for e in artifact_edits if e.fix is not FixKind.SAFE]
    grammar = [e for e in grammar if not _overlaps_any(e, taken)]
    return sorted([*artifact_edits, *grammar], key=Edit.sort_key)


def _overlaps_any(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    # Artifact findings per document are few: a scan is cheaper than an index.
    return any(a < edit.end and edit.start < b for a, b in spans)


def fix_with_grammar(result, doc: Document, settings: Settings, rules, *, unsafe: bool):
    """Finish a FixResult: with ``unsafe``, apply the grammar edits' first alternatives.

    Without ``unsafe`` the result is returned as it is.

    The grammar pass runs once, after the artifact passes, on their output;
    its applied edits become one more recorded pass, so ``replay()`` still
    reproduces the text. ``remaining`` then lists the artifact and grammar
    findings on the final text.
    """
    from cleaner.pipeline import apply_edits, resolve_overlaps, run_rules, wanted

    # Plain `fix` never applies grammar edits, so it does not pay for the pass.
    if not unsafe or not grammar_wanted(settings):
        return result
    gdoc = Document(result.text, doc.path, doc.markdown)
    grammar = run_grammar(gdoc, settings).edits
    todo = resolve_overlaps(e for e in grammar if wanted(e, True))
    if todo:
        result.text = apply_edits(result.text, todo)
        result.passes.append(todo)
        final = Document(result.text, doc.path, doc.markdown)
        grammar = run_grammar(final, settings).edits
        result.remaining = run_rules(final, rules, settings)
    result.remaining = sorted([*result.remaining, *grammar], key=Edit.sort_key)
    return result
