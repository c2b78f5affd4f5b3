"""Make a corpus of damaged articles with the gold repair of every artifact.

Each sample is one clean article from ``texts/`` with artifacts injected at
recorded, non-overlapping positions. An :class:`Artifact` says where it sits
in the damaged text, what the clean text had there, and where that is in the
clean text, so a scorer can check both "was it found" and "was it repaired".

The damage is modelled on what scraped news shows: names running into the
next word, a sentence's last word repeated after its full stop, page
furniture between paragraphs and at the end, a garbled form of a name the
article repeats, UTF-8 read as Windows-1252, and so on. Everything is drawn
from one ``random.Random`` per sample, seeded from the corpus seed and the
sample's index, so a corpus is reproducible and a sample does not change
when the corpus grows.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import regex

from benchmarks.eval import classes as C

TEXTS_DIR = Path(__file__).resolve().parent / "texts"

MIN_GAP = 40
"""Clean characters kept between two artifacts, so that the text around one
artifact is clean and a leftover of one is never blamed on another."""


@dataclass(frozen=True)
class Artifact:
    """One injected artifact and its gold repair."""

    kind: str
    """Its class (see :mod:`benchmarks.eval.classes`)."""
    start: int
    """First code point of the damage in the damaged text."""
    end: int
    """One past its last code point."""
    gold: str
    """What the clean text has in place of ``damaged[start:end]``."""
    clean_start: int
    """Where the gold text starts in the clean text."""
    clean_end: int
    """Where it ends in the clean text."""


@dataclass(frozen=True)
class Sample:
    """A damaged article, its clean original and the artifacts between them."""

    id: str
    clean: str
    damaged: str
    artifacts: tuple[Artifact, ...]

    def to_json(self) -> str:
        return json.dumps(
            {"id": self.id, "clean": self.clean, "damaged": self.damaged,
             "artifacts": [asdict(a) for a in self.artifacts]},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> Sample:
        raw = json.loads(line)
        return cls(raw["id"], raw["clean"], raw["damaged"], tuple(Artifact(**a) for a in raw["artifacts"]))


class Site(NamedTuple):
    """A place where an artifact can go: replace ``clean[start:end]`` with ``damaged``."""

    kind: str
    start: int
    end: int
    damaged: str


# --------------------------------------------------------------------- data
BOILERPLATE_LINES = (
    "Source link",
    "Related Articles",
    "Back to top button",
    "Advertisement",
    "Read more:",
    "Share this article",
    "Share on Facebook",
    "Follow us on Twitter",
    "Sign up for our daily newsletter",
    "Click here to subscribe",
    "Continue reading",
    "Leave a comment",
    "You may also like",
    "Print this page",
    "Related posts",
    "Subscribe to our YouTube channel",
    "© 2024 Daily Example – All rights reserved",
    "Tags: news, world, politics",
)
"""Page furniture, in words written for this benchmark."""

TORTURED = (
    # (established phrase, spun form). The spun forms are of the kind
    # catalogued in the "tortured phrases" literature (Cabanac et al. 2021)
    # and seen in spun news; this list is the benchmark's own and is kept
    # apart from cleaner's phrase table so the gold does not depend on it.
    ("artificial intelligence", "counterfeit consciousness"),
    ("big data", "colossal information"),
    ("deep learning", "profound learning"),
    ("machine learning", "machine getting to know"),
    ("social media", "web-based media"),
    ("global warming", "worldwide temperature alteration"),
    ("breast cancer", "bosom malignant growth"),
    ("kidney failure", "kidney disappointment"),
    ("public health", "general wellbeing"),
    ("prime minister", "head administrator"),
    ("foreign minister", "unfamiliar pastor"),
    ("opposition leader", "resistance pioneer"),
)

DOUBLED_CANDIDATES = frozenset(
    "the a an of to in and for on with is was said by at from has will would".split()
)
ZERO_WIDTH_CHARS = ("\u200b", "\u200b", "\u200b", "\u2060", "\ufeff", "\u00ad")
ODD_SPACES = ("\u00a0", "\u00a0", "\u00a0", "\u00a0", "\u202f", "\u2009")

# A capitalised word, hyphenated parts allowed ("Kessler-Obi", "Kovačić").
_CAP = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
_NAME_RE = regex.compile(rf"(?<![\p{{L}}.\-])(?:{_CAP})(?: {_CAP}){{1,2}}(?![\p{{L}}\-])")
_WORD_PAIR_RE = regex.compile(r"(?<![\p{L}\-’'])([\p{L}]{2,}) ([\p{L}]{2,})(?![\p{L}\-’'])")
_SENTENCE_END_RE = regex.compile(r"(?<= )(\(?[\p{L}\p{N}]{3,}\)?)([.!?])(?= |\n|$)")
_PUNCT_RE = regex.compile(r"(?<=[\p{L}\p{N}”)])([,;:.?!])(?=[ \n])")
_LOWER_PAIR_RE = regex.compile(r"(?<=[\p{Ll}]{2}) (?=[\p{Ll}]{2})")
_LONG_WORD_RE = regex.compile(r"\b[\p{L}]{6,}\b")
_SMALL_WORD_RE = regex.compile(r"(?<= )([a-z]+)(?= [a-z])")
_NON_ASCII_RE = regex.compile(r"[^\x00-\x7f]")
_FUNCTION_STARTS = frozenset("The A An In On At Of For And But Or As If When While After Under By From".split())
_TITLES = frozenset("Dr Professor Justice Mr Ms Mrs Detective Inspector Health Foreign Minister".split())


@lru_cache(maxsize=1)
def clean_texts() -> tuple[tuple[str, str], ...]:
    """``(name, text)`` of every clean article, sorted by file name."""
    return tuple((p.stem, p.read_text(encoding="utf-8")) for p in sorted(TEXTS_DIR.glob("*.txt")))


# --------------------------------------------------------------- site finders
def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" “\"(")
    return not before or before.endswith(("\n", ".", "!", "?", ":"))


def _glued_sites(text: str) -> Iterator[Site]:
    """A capitalised word not opening a sentence, or any word before a
    capitalised one, loses the space after it: "Lindqvist told" becomes
    "Lindqvisttold", "Port Holdings" becomes "PortHoldings"."""
    body = text.find("\n")  # the headline is title case: its capitals are not names
    for m in _WORD_PAIR_RE.finditer(text, pos=max(body, 0), overlapped=True):
        left, right = m.group(1), m.group(2)
        named = (left[0].isupper() and not _sentence_start(text, m.start(1))) or right[0].isupper()
        if named and left not in _TITLES and len(left) + len(right) >= 7:
            yield Site(C.GLUED_NAME, m.start(), m.end(), left + right)


def _repeated_sites(text: str) -> Iterator[Site]:
    """A sentence's last word and its stop appear again straight after it:
    "(ASEAN)." becomes "(ASEAN).ASEAN).", "Vietnam." becomes "Vietnam.Vietnam."."""
    for m in _SENTENCE_END_RE.finditer(text):
        word, stop = m.group(1), m.group(2)
        yield Site(C.REPEATED_FRAGMENT, m.start(), m.end(), word + stop + word.lstrip("(") + stop)


def _boilerplate_sites(text: str, rng: random.Random) -> Iterator[Site]:
    """A line of furniture at the start of a paragraph, or a block at the end."""
    for m in regex.finditer(r"\n\n(?=\S)", text):
        if m.end() > len(text) * 0.15:  # not between the headline and the lede
            line = rng.choice(BOILERPLATE_LINES)
            yield Site(C.BOILERPLATE, m.end(), m.end(), line + "\n\n")
    end = len(text.rstrip("\n"))
    lines = rng.sample(BOILERPLATE_LINES, rng.randint(1, 3))
    yield Site(C.BOILERPLATE, end, end, "".join("\n\n" + line for line in lines))


def _truncated_sites(text: str, rng: random.Random) -> Iterator[Site]:
    """A name the article uses at least three times loses part of its last
    word: three-word names mostly run into the word before it ("Min Aung
    Hlaing" becomes "Min Aunging"), hyphenated ones lose the hyphen and a
    head ("Nwosu-Hartley" becomes "Nwosutley"), others are clipped
    ("Elodie Marchand" becomes "Elodie Marc")."""
    found = [m for m in _NAME_RE.finditer(text) if m.group().split()[0] not in _FUNCTION_STARTS]
    counts = Counter(m.group() for m in found)
    for m in found:
        name = m.group()
        words = name.split()
        last = words[-1]
        if counts[name] < 3 or len(last) < 5:
            continue
        if "-" in last:
            # "Nwosu-Hartley" -> "Nwosutley": the hyphen and the head of the
            # second part are lost.
            head, tail = last.split("-", 1)
            garbled = " ".join(words[:-1] + [head + tail[len(tail) // 2 :]])
        elif len(words) > 2 and rng.random() < 0.7:
            # "Aung Hlaing" -> "Aung" + "ing": the space and the head of the
            # last word are lost.
            garbled = " ".join(words[:-2] + [words[-2] + last[len(last) // 2 :]])
        else:
            garbled = " ".join(words[:-1] + [last[: max(3, len(last) // 2)]])
        if garbled != name and garbled not in text:
            yield Site(C.TRUNCATED_NAME, m.start(), m.end(), garbled)


def _mojibake_sites(text: str) -> Iterator[Site]:
    """A non-ASCII character's UTF-8 bytes read as Windows-1252."""
    for m in _NON_ASCII_RE.finditer(text):
        ch = m.group()
        bad = ch.encode("utf-8").decode("sloppy-windows-1252")
        if bad != ch:
            yield Site(C.MOJIBAKE, m.start(), m.end(), bad)


def _doubled_sites(text: str) -> Iterator[Site]:
    for m in _SMALL_WORD_RE.finditer(text):
        if m.group(1) in DOUBLED_CANDIDATES:
            yield Site(C.DOUBLED_WORD, m.start(), m.end(), m.group(1) + " " + m.group(1))


def _space_sites(text: str) -> Iterator[Site]:
    for m in _PUNCT_RE.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        # "a.m." and "Dr." end in a full stop that is not sentence punctuation.
        if m.group(1) == "." and (regex.search(r"(?:\b\p{L}|\bDr|\bMr|\bMs|\bSt|\ba\.m|\bp\.m)$", before)):
            continue
        yield Site(C.SPACE_BEFORE_PUNCT, m.start(), m.end(), " " + m.group(1))


def _zero_width_sites(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _LONG_WORD_RE.finditer(text):
        at = m.start() + rng.randint(2, len(m.group()) - 2)
        yield Site(C.ZERO_WIDTH, at, at, rng.choice(ZERO_WIDTH_CHARS))


def _nbsp_sites(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _LOWER_PAIR_RE.finditer(text):
        yield Site(C.NBSP, m.start(), m.end(), rng.choice(ODD_SPACES))


def _tortured_sites(text: str) -> Iterator[Site]:
    for plain, spun in TORTURED:
        for m in regex.finditer(rf"\b{plain}\b", text, flags=regex.I):
            found = m.group()
            if found.istitle():  # "Public Health" in an institute's name
                damaged = spun.title()
            elif found[0].isupper():
                damaged = spun[0].upper() + spun[1:]
            else:
                damaged = spun
            yield Site(C.TORTURED_PHRASE, m.start(), m.end(), damaged)


SiteFinder = Callable[[str, random.Random], Iterator[Site]]
FINDERS: dict[str, SiteFinder] = {
    C.GLUED_NAME: lambda t, r: _glued_sites(t),
    C.REPEATED_FRAGMENT: lambda t, r: _repeated_sites(t),
    C.BOILERPLATE: _boilerplate_sites,
    C.TRUNCATED_NAME: _truncated_sites,
    C.MOJIBAKE: lambda t, r: _mojibake_sites(t),
    C.DOUBLED_WORD: lambda t, r: _doubled_sites(t),
    C.SPACE_BEFORE_PUNCT: lambda t, r: _space_sites(t),
    C.ZERO_WIDTH: _zero_width_sites,
    C.NBSP: _nbsp_sites,
    C.TORTURED_PHRASE: lambda t, r: _tortured_sites(t),
}

PER_DOC: dict[str, tuple[int, int]] = {
    # (least, most) artifacts of each class in one article. Names are garbled
    # at most once per article so the full form stays the majority.
    C.GLUED_NAME: (1, 3),
    C.REPEATED_FRAGMENT: (0, 2),
    C.BOILERPLATE: (1, 2),
    C.TRUNCATED_NAME: (0, 1),
    C.MOJIBAKE: (0, 3),
    C.DOUBLED_WORD: (0, 2),
    C.SPACE_BEFORE_PUNCT: (0, 2),
    C.ZERO_WIDTH: (0, 2),
    C.NBSP: (0, 2),
    C.TORTURED_PHRASE: (0, 1),
}


# ----------------------------------------------------------------- injection
def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end + MIN_GAP <= s or e + MIN_GAP <= start for s, e in taken)


def inject(clean: str, rng: random.Random, sample_id: str = "") -> Sample:
    """Damage ``clean`` with a random mix of artifacts and record each one."""
    chosen: list[Site] = []
    taken: list[tuple[int, int]] = []
    kinds = list(C.CLASSES)
    rng.shuffle(kinds)
    for kind in kinds:
        least, most = PER_DOC[kind]
        want = rng.randint(least, most)
        sites = list(FINDERS[kind](clean, rng))
        rng.shuffle(sites)
        got = 0
        for site in sites:
            if got >= want:
                break
            if _free(taken, site.start, site.end):
                chosen.append(site)
                taken.append((site.start, site.end))
                got += 1
    chosen.sort(key=lambda s: s.start)
    parts: list[str] = []
    artifacts: list[Artifact] = []
    pos = 0
    out_len = 0
    for site in chosen:
        parts.append(clean[pos : site.start])
        out_len += site.start - pos
        gold = clean[site.start : site.end]
        artifacts.append(Artifact(site.kind, out_len, out_len + len(site.damaged), gold, site.start, site.end))
        parts.append(site.damaged)
        out_len += len(site.damaged)
        pos = site.end
    parts.append(clean[pos:])
    return Sample(sample_id, clean, "".join(parts), tuple(artifacts))


def generate(seed: int = 0, docs: int = 300) -> list[Sample]:
    """``docs`` damaged articles, cycling through the clean texts."""
    texts = clean_texts()
    samples = []
    for i in range(docs):
        name, clean = texts[i % len(texts)]
        rng = random.Random(f"{seed}:{i}")
        samples.append(inject(clean, rng, f"{i:04d}_{name}"))
    return samples


def restore(sample: Sample) -> str:
    """Apply every gold repair to the damaged text (it gives back the clean text)."""
    parts, pos = [], 0
    for a in sample.artifacts:
        parts.append(sample.damaged[pos : a.start])
        parts.append(a.gold)
        pos = a.end
    parts.append(sample.damaged[pos:])
    return "".join(parts)


def write(samples: list[Sample], folder: Path) -> Path:
    """Write each damaged text as ``<id>.txt`` and the gold as ``gold.jsonl``."""
    folder.mkdir(parents=True, exist_ok=True)
    for s in samples:
        # newline="" keeps the text byte for byte, as a scraped file would be.
        (folder / f"{s.id}.txt").write_text(s.damaged, encoding="utf-8", newline="")
    gold = folder / "gold.jsonl"
    gold.write_text("".join(s.to_json() + "\n" for s in samples), encoding="utf-8")
    return gold


def read(gold: Path) -> list[Sample]:
    """The samples recorded in a ``gold.jsonl``."""
    return [Sample.from_json(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
