"""A per-process table of answers for functions asked about every word of every document."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict, Generic[K, V]):
    """The answers of a pure function of one key (a word form, a gap between
    words), kept per process and bounded.

    Like ``functools.lru_cache``, but a hit is a plain dict lookup, about
    twice as fast, and ``memo.__getitem__`` can be handed to ``map()`` so the
    lookups run in C. The answers never change, so emptying the table when it
    is full costs only time.
    """

    def __init__(self, function: Callable[[K], V], maxsize: int) -> None:
        super().__init__()
        self.function = function
        self.maxsize = maxsize

    def __missing__(self, key: K) -> V:
        if len(self) >= self.maxsize:
            self.clear()
        answer = self[key] = self.function(key)
        return answer


def memo(maxsize: int) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """Decorator: ``function(key)`` answered from a :class:`Memo` table."""
    return lambda function: Memo(function, maxsize).__getitem__
