"""Keep correct names out of the grammar output.

Both Harper and LanguageTool call "Lavrov", "Naypyitaw" and "Hlaing"
misspelled, and their first suggestions would turn "Min Aung Hlaing" into
"Minimum Aunt Haling". The document itself is the evidence: a word it
establishes as a name is not a misspelling. A finding is dropped when it
would rewrite (or flags as unknown) a single word that is

* in the user's dictionary, matched exactly (so an entry "Hlaing" never
  hides "Hlaig"), or
* capitalised and recurring away from sentence starts, or part of a
  recurring multi-word name (``Lexicon.is_name``), or
* recurring and capitalised wherever it occurs, sentence starts included
  ("ASEAN", or "Lavrov" opening two sentences), or
* letters and digits together ("News7F", "G20"): an identifier, never a
  misspelt ordinary word, or
* all capitals ("PEHT", "ICG"): an acronym, or
* a part of a hyphenated name the document establishes ("Okonkwo" in a
  recurring "Okonkwo-Bright"), or
* capitalised inside a sentence, where the capital is the writer's choice
  ("the village of Skarhamn"), or
* part of a capitalised run or list, a name given once ("Sebastian
  Strangio", "Chevron, Petronas, Woodside and Eneos"), unless the word looks
  glued ("TezaChairman", "Sokhonnwho") or like a mangled form of a
  recurring name ("Aunging" beside "Aung"): those are the artifacts the tool
  exists to catch.

Lower-case words are never treated as names, so real misspellings of
ordinary words still come through.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.document import WORD_RE, Document, Token

_POSSESSIVE_RE = regex.compile(r"(?:['’]s|s['’]|['’])$")
# An inner capital after three lower-case letters: "TezaChairman",
# "reservedOrigin". Two letters are a name prefix ("McDonald", "DeSantis").
_CAMEL_RE = regex.compile(r"\p{Ll}{3}\p{Lu}")
_ALNUM_NAME_RE = regex.compile(r"(?=\w*\d)(?=\w*\p{L})\w+")


@dataclass(frozen=True, slots=True)
class NameEvidence:
    """Why a word counts as a name: for reports and the benchmark."""

    word: str
    reason: str
    """``dictionary``, ``acronym``, ``recurring``, ``recurring-name-part``, ``proper-noun``, ``full-name`` or ``alphanumeric``."""


# Function words and reporting verbs that lose their space after a name in
# scraped text ("Chinahave", "Sokhonnwho"). Content words are left out on
# purpose: "Woodside" and "Newcastle" end in words too.
_GLUE_TAILS = frozenset(
    "the and that which who whom whose have has had was were are said says told with from for will would "
    "could should also when where while this these those their there they into about after before".split()
)


def looks_glued(word: str) -> bool:
    """True when ``word`` reads as two words run together ("Sokhonnwho", "TezaChairman")."""
    if _CAMEL_RE.search(word):
        return True
    lower = word.lower()
    tails = _GLUE_TAILS
    for cut in range(3, len(lower) - 2):
        if lower[cut:] in tails and word[cut:].islower():
            return True
    return False


class NameFilter:
    """Decides, for one document, whether a flagged word is a name to leave alone.

    Args:
        doc: the document the findings are on.
        dictionary: the user's words, matched exactly.
    """

    def __init__(self, doc: Document, dictionary: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self._starts = doc.tokens.starts

    def _token_at(self, start: int, end: int) -> Token | None:
        """The single document word that ``[start, end)`` covers, if it covers one."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        tok = self.doc.tokens[i]
        if tok.start <= start and end <= tok.end:
            return tok
        return None

    def evidence(self, start: int, end: int) -> NameEvidence | None:
        """Why the word spanning ``[start, end)`` is a name, or None."""
        span_text = self.doc.text[start:end]
        stripped = span_text.strip()
        if stripped in self.dictionary:
            return NameEvidence(stripped, "dictionary")
        if _ALNUM_NAME_RE.fullmatch(stripped):
            # "News7F", "G20", "COVID19": letters and digits together are an
            # identifier or a brand, never a misspelt ordinary word.
            return NameEvidence(stripped, "alphanumeric")
        if not WORD_RE.fullmatch(stripped):
            return None
        word = span_text.strip()
        base = _POSSESSIVE_RE.sub("", word) or word
        for form in (word, base):
            if form in self.dictionary:
                return NameEvidence(form, "dictionary")
        if not base[0].isupper():
            return None
        if len(base) >= 2 and base.isupper():
            # An acronym ("PEHT", "ASEAN", "ICG"): defined in the text or known
            # to its readers, and never improved by a dictionary's guess.
            return NameEvidence(base, "acronym")
        lex = self.doc.lexicon
        tok = self._token_at(start, end)
        if tok is not None and tok.text != word and "-" in tok.text:
            # One part of a hyphenated name ("Okonkwo" in "Okonkwo-Bright"):
            # the whole compound is what the document establishes.
            whole = _POSSESSIVE_RE.sub("", tok.text) or tok.text
            if lex.is_name(whole) or (lex.count(whole) >= 2 and lex.count_lower(whole) == lex.count(whole)):
                return NameEvidence(whole, "recurring")
        if lex.is_name(base) or lex.is_name(word):
            reason = "recurring" if lex.capitalised_counts.get(base, 0) >= 2 else "recurring-name-part"
            return NameEvidence(base, reason)
        if lex.count(base) >= 2 and lex.count_lower(base) == lex.count(base):
            # Recurring and capitalised every time, sentence starts included:
            # an acronym ("ASEAN") or a name that happens to open sentences
            # ("Lavrov said ... Lavrov added").
            return NameEvidence(base, "recurring")
        if (
            tok is not None
            and not looks_glued(base)
            and self.near_name(base) is None
            and self._in_capitalised_run(tok)
        ):
            return NameEvidence(base, "full-name")
        if (
            tok is not None
            and not tok.sentence_start
            and base[1:].islower()
            and not looks_glued(base)
            and self.near_name(base) is None
        ):
            # A capitalised word inside a sentence ("the village of
            # Skarhamn", "the city of Merrow") is a proper noun the writer
            # chose to capitalise; a dictionary has no better spelling for it.
            return NameEvidence(base, "proper-noun")
        return None

    def near_name(self, word: str) -> str | None:
        """An established name that ``word`` nearly is ("Aunging" for "Aung"), if any.

        A word seen once that looks like a mangled form of a recurring name is
        the artifact the tool hunts, not a second name, so it is never excused.
        """
        from rapidfuzz.fuzz import ratio

        for name in self._established():
            if name == word:
                continue
            if (word.startswith(name) or name.startswith(word)) and min(len(name), len(word)) >= 3:
                return name
            if ratio(word, name) >= 80:
                return name
        return None

    def _established(self) -> frozenset[str]:
        cached = self.__dict__.get("_names")
        if cached is None:
            lex = self.doc.lexicon
            cached = frozenset(lex.name_parts()) | frozenset(
                w for w, c in lex.capitalised_counts.items() if c >= 2 and len(w) >= 3
            )
            self.__dict__["_names"] = cached
        return cached

    def _in_capitalised_run(self, tok: Token) -> bool:
        """True when a capitalised neighbour makes this part of a name.

        The neighbour is one space away ("Sebastian Strangio") or in the same
        list ("Chevron, Petronas, Woodside and Eneos").
        """
        tokens = self.doc.tokens
        text = self.doc.text
        i = bisect.bisect_left(self._starts, tok.start)
        for step in (-1, 1):
            j = i + step
            # Step over a conjunction: "Woodside and Eneos".
            if 0 <= j < len(tokens) and tokens[j].text in ("and", "or") and 0 <= j + step < len(tokens):
                j += step
            if not 0 <= j < len(tokens):
                continue
            other = tokens[j]
            a, b = (other, tok) if step < 0 else (tok, other)
            if text[a.end : b.start] not in _NAME_JOINS or not other.text[0].isupper():
                continue
            # "Yesterday Teodorix" is a sentence opener plus a word, not a
            # name: a capital forced by the sentence start proves nothing
            # when the word is a common English word.
            if other.sentence_start and other.text.lower() in _common_words():
                continue
            return True
        return False

    def rewrites_name(self, start: int, end: int, replacements: tuple[str, ...], spelling: bool) -> NameEvidence | None:
        """Evidence when a finding on ``[start, end)`` would flag or rewrite a name.

        A spelling finding on a name is dropped outright. Any other finding is
        dropped only when every replacement changes the name's letters
        ("Min" to "Minimum"); adding punctuation after it ("Myanmar,") is fine.
        """
        ev = self.evidence(start, end)
        if ev is None:
            return None
        if spelling or not replacements:
            return ev
        original = WORD_RE.findall(self.doc.text[start:end])
        if all(WORD_RE.findall(r) != original for r in replacements):
            return ev
        return None


_NAME_JOINS = frozenset({" ", ", ", " and ", ", and ", " or ", " & "})


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The 2,000 most frequent English words ("yesterday" is in, the name "Jan" is not)."""
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", 2000))
