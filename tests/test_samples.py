"""Every sample article: `fix --unsafe` turns it into its hand-cleaned
counterpart, byte for byte, with the artifact rules alone and with the
default grammar pass (Harper) on top: its suggestions must not damage names,
British spellings or house style."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import Settings
from cleaner.engine import fix_document
from cleaner.fileio import encode, read_source

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PAIRS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md") and ".clean." not in p.name)

# Differences we know about and have not fixed yet, with the reason. strict
# xfail: when a rule improves and the sample comes out right, the test says so.
KNOWN_DIFFERENCES: dict[str, str] = {}


def counterpart(path: Path) -> Path:
    return path.with_name(path.stem + ".clean" + path.suffix)


def test_there_are_at_least_five_samples_each_with_a_counterpart():
    assert len(PAIRS) >= 5
    for p in PAIRS:
        assert counterpart(p).exists(), f"{p.name} has no .clean counterpart"


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_DIFFERENCES[p.name]))
        if p.name in KNOWN_DIFFERENCES
        else p
        for p in PAIRS
    ],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("grammar", ["none", "harper"])
def test_fix_unsafe_turns_sample_into_its_counterpart(path, grammar):
    settings = Settings(grammar=grammar, cache=False)
    source = read_source(str(path))
    result = fix_document(source.document(), settings, unsafe=True)
    expected = counterpart(path).read_bytes()
    assert encode(result.text, source.bom) == expected
    # And the cleaned text is a fixed point.
    again = fix_document(read_source(str(counterpart(path))).document(), settings, unsafe=True)
    assert again.text == result.text
