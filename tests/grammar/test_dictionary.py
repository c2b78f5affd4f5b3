"""The user dictionary file and `cleaner dict`."""

from __future__ import annotations

import os

import pytest

from cleaner.cli import main
from cleaner.dictionary import add_word, add_words, default_dictionary_path, load_words
from cleaner.errors import InputError


def test_add_keeps_file_sorted_unique_and_reports_new(tmp_path):
    path = tmp_path / "sub" / "words.txt"
    assert add_word(path, "Naypyitaw") is True
    assert add_word(path, "Hlaing") is True
    assert add_word(path, "Hlaing") is False
    assert add_words(path, ["Lavrov", "Hlaing", "ASEAN"]) == ["Lavrov", "ASEAN"]
    assert path.read_text() == "ASEAN\nHlaing\nLavrov\nNaypyitaw\n"
    assert load_words(path) == {"ASEAN", "Hlaing", "Lavrov", "Naypyitaw"}


def test_missing_file_is_empty_and_comments_are_ignored(tmp_path):
    assert load_words(tmp_path / "none.txt") == frozenset()
    path = tmp_path / "d.txt"
    path.write_text("# names from the Myanmar desk\n\nHlaing\r\n  Lwin  \n", encoding="utf-8")
    assert load_words(path) == {"Hlaing", "Lwin"}


def test_adding_a_known_word_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("# keep me\nHlaing\n")
    before = os.stat(path).st_mtime_ns
    assert add_word(path, "Hlaing") is False
    assert path.read_text() == "# keep me\nHlaing\n"
    assert os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize("bad", ["", "  ", "two\nlines", "#comment"])
def test_words_that_cannot_round_trip_are_refused(tmp_path, bad):
    with pytest.raises(InputError):
        add_word(tmp_path / "d.txt", bad)
    assert not (tmp_path / "d.txt").exists()


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_dictionary_path() == tmp_path / "cleaner" / "dictionary.txt"


def test_undecodable_dictionary_is_an_input_error(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"caf\xe9\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_words(path)


def test_cli_dict_add_list_path(tmp_path, capsys):
    path = tmp_path / "words.txt"
    assert main(["dict", "add", "Lavrov", "Hlaing", "--dictionary", str(path)]) == 0
    assert "added 2 words" in capsys.readouterr().err
    assert main(["dict", "list", "--dictionary", str(path)]) == 0
    assert capsys.readouterr().out == "Hlaing\nLavrov\n"
    assert main(["dict", "path", "--dictionary", str(path)]) == 0
    assert capsys.readouterr().out.strip() == str(path)


def test_cli_dict_add_defaults_to_user_data_folder(tmp_path, capsys):
    # XDG_DATA_HOME points into tmp_path (see conftest), so this is not the user's file.
    assert main(["dict", "add", "Naypyitaw"]) == 0
    assert load_words(default_dictionary_path()) == {"Naypyitaw"}
    assert str(tmp_path) in str(default_dictionary_path())
