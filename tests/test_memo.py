"""Memo: a bounded per-process table of a pure function's answers."""

from cleaner.memo import Memo, memo


def test_memo_answers_each_key_once_and_stays_bounded():
    calls = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    table = Memo(length, maxsize=3)
    assert list(map(table.__getitem__, ["ab", "abc", "ab", "ab"])) == [2, 3, 2, 2]
    assert calls == ["ab", "abc"]  # asked once per distinct key
    for word in ["x", "yy", "zzz", "wwww"]:
        table[word]
    assert len(table) <= 3  # emptied when full, never past its size
    assert table["ab"] == 2  # and still right after emptying


def test_memo_decorator_gives_the_function_answers():
    @memo(maxsize=10)
    def shout(word: str) -> str:
        return word.upper()

    assert shout("nba") == "NBA" and list(map(shout, ["a", "b"])) == ["A", "B"]
