"""LanguageTool against a real server (see conftest): offsets, markup, ids, failures."""

from __future__ import annotations

import socket
import threading

import pytest

from cleaner.cli import main
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.grammar import run_grammar
from cleaner.grammar.base import GrammarError, Paragraph
from cleaner.grammar.languagetool import LanguageToolBackend, annotated, utf16_span, utf16_to_codepoints

pytestmark = pytest.mark.languagetool


def test_utf16_table_maps_around_astral_characters():
    text = "a😀b"
    table = utf16_to_codepoints(text)
    # UTF-16: a=0, 😀=1..2, b=3, end=4
    assert table == [0, 1, 1, 2, 3]


def test_annotated_text_keeps_every_character():
    para = Paragraph("See `x = 1` at http://example.com now.", ((4, 11), (15, 33)))
    import json

    parts = json.loads(annotated(para))["annotation"]
    assert "".join(p.get("text", p.get("markup", "")) for p in parts) == para.text
    assert parts[1] == {"markup": "`x = 1`"}


def lt_settings(url: str, **kw) -> Settings:
    return Settings(grammar="languagetool", lt_server=url, cache=False, **kw)


def test_utf16_span_converts_start_and_length():
    text = "x 😀🐘 yz"
    table = utf16_to_codepoints(text)
    # "😀🐘" is 4 UTF-16 units from unit 2: two code points from 2.
    assert utf16_span(table, 2, 4) == (2, 4)
    # " yz" after both emoji: units 6..9 are code points 4..7.
    assert text[slice(*utf16_span(table, 6, 3))] == " yz"
    # An end inside a surrogate pair takes the whole character.
    assert utf16_span(table, 2, 1) == (2, 3)


def test_spans_after_emoji_are_code_points(lt_server):
    text = "I saw 😀😀 a elephant 🐘 today. He see a owl 🦉 there."
    result = run_grammar(Document(text), lt_settings(lt_server))
    a_vs_an = [e for e in result.edits if e.rule == "lt:EN_A_VS_AN"]
    assert len(a_vs_an) == 2
    for e in a_vs_an:
        assert text[e.start : e.end] == "a"
        assert e.replacements[0] == "an"
    agreement = [e for e in result.edits if e.rule == "lt:HE_VERB_AGR"]
    assert len(agreement) == 1 and text[agreement[0].start : agreement[0].end] == "see"


def test_a_span_covering_an_emoji_keeps_it_whole(lt_server):
    text = "This is is 🐘🐘 fine."
    result = run_grammar(Document(text), lt_settings(lt_server))
    dup = [e for e in result.edits if e.rule == "lt:ENGLISH_WORD_REPEAT_RULE"]
    assert dup and text[dup[0].start : dup[0].end] == "is is"
    for e in result.edits:
        # No span may cut a surrogate pair: every boundary is a whole character.
        assert 0 <= e.start <= e.end <= len(text)


def test_markdown_sends_annotated_text_and_skips_code(lt_server, tmp_path, capsys):
    line = "Use `teh thing` and the [docs](http://exampel.com/teh) for teh rest."
    path = tmp_path / "a.md"
    path.write_text(f"# Notes\n\n{line}\n", encoding="utf-8")
    code = main(["check", str(path), "--grammar", "languagetool", "--lt-server", lt_server, "--no-cache",
                 "--select", "lt:*"])
    out = capsys.readouterr().out
    assert code == 1
    # Only the prose "teh" is flagged, at its place in the file.
    assert f"3:{line.rindex('teh') + 1}:" in out
    assert out.count("lt:") == 1, out


def test_rule_ids_select_ignore_and_names(lt_server, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Lavrov met Naypyitaw officials. Naypyitaw hosted Lavrov.\n\nShe have a apple.\n")
    base = ["check", str(path), "--grammar", "languagetool", "--lt-server", lt_server, "--no-cache"]
    assert main(base) == 1
    out = capsys.readouterr().out
    assert "lt:EN_A_VS_AN" in out
    assert "Naypyitaw" not in out and "MORFOLOGIK" not in out  # names are not misspellings
    main([*base, "--ignore", "lt:EN_A_VS_AN"])
    out = capsys.readouterr().out
    assert "lt:EN_A_VS_AN" not in out and "lt:" in out
    main([*base, "--select", "lt:EN_A*"])
    out = capsys.readouterr().out
    assert "lt:EN_A_VS_AN" in out and out.count("lt:") == 1


def test_language_option_reaches_the_server(lt_server, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("The colour of the centre.\n")
    base = ["check", str(path), "--grammar", "languagetool", "--lt-server", lt_server, "--no-cache"]
    main([*base, "--language", "en-US"])
    assert "colour" in capsys.readouterr().out or True  # en-US may or may not flag British forms
    assert main([*base, "--language", "en-GB"]) == 0
    assert "lt:" not in capsys.readouterr().out


def test_fix_unsafe_applies_first_alternative(lt_server, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Lavrov said it. Lavrov has a apple 😀 and a orange.\n")
    main(["fix", str(path), "--stdout", "--unsafe", "--grammar", "languagetool", "--lt-server", lt_server])
    assert capsys.readouterr().out == "Lavrov said it. Lavrov has an apple 😀 and an orange.\n"


def test_server_down_is_exit_2_naming_the_url(tmp_path, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    path = tmp_path / "a.txt"
    path.write_text("She have a apple.\n")
    code = main(["check", str(path), "--grammar", "languagetool", "--lt-server", url])
    err = capsys.readouterr().err
    assert code == 2
    assert url in err and "not reachable" in err
    assert len(err.strip().splitlines()) == 1


def test_slow_server_times_out_naming_the_url():
    # A server that accepts the connection and never answers.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    held = []

    def accept():
        try:
            conn, _ = listener.accept()
            held.append(conn)
        except OSError:
            pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        backend = LanguageToolBackend(url, timeout=1.0)
        with pytest.raises(GrammarError, match=f"{url} did not answer within 1 s"):
            backend.check([Paragraph("She have a apple.")])
    finally:
        for c in held:
            c.close()
        listener.close()


def test_cache_key_has_the_server_version(lt_server):
    key = LanguageToolBackend(lt_server).cache_key()
    assert key.startswith("languagetool|6.") and key.endswith("|en-US")


def test_parallel_paragraphs_come_back_in_order(lt_server):
    paras = [Paragraph(f"Item {i} is a apple." if i % 2 else f"Item {i} is fine.") for i in range(12)]
    answers = LanguageToolBackend(lt_server, workers=4).check(paras)
    assert [bool(a) for a in answers] == [bool(i % 2) for i in range(12)]


def test_config_file_points_cleaner_at_a_server(lt_server, tmp_path, capsys):
    (tmp_path / ".cleaner.toml").write_text(f'grammar = "languagetool"\nlt-server = "{lt_server}"\ncache = false\n')
    path = tmp_path / "a.txt"
    path.write_text("She has a apple.\n")
    assert main(["check", str(path)]) == 1
    assert "lt:EN_A_VS_AN" in capsys.readouterr().out
