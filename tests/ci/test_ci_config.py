"""Configuration: discovery by walking up, --config, CLI overrides, strict validation."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from ci_support import DIRTY, write

from cleaner.config import ConfigResolver, Settings, find_config, load_config
from cleaner.errors import UsageError


def rules_found(out: str) -> set[str]:
    return {f["rule"] for f in json.loads(out)["files"][0]["findings"]}


def test_cleaner_toml_in_a_parent_folder_applies(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'ignore = ["duplicate-word"]\n')
    article = write(tmp_path / "site" / "2024" / "a.txt", DIRTY)
    res = run("check", "--format", "json", str(article))
    assert res.code == 1
    assert rules_found(res.out) == {"invisible-characters"}


def test_pyproject_tool_cleaner_is_found_and_one_without_it_is_passed_over(run, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nignore = ["invisible-characters"]\n')
    # A project's own pyproject.toml with no [tool.cleaner] does not hide the one above.
    write(tmp_path / "news" / "pyproject.toml", '[project]\nname = "news"\n')
    article = write(tmp_path / "news" / "a.txt", DIRTY)
    assert find_config(article) == tmp_path / "pyproject.toml"
    res = run("check", "--format", "json", str(article))
    assert rules_found(res.out) == {"duplicate-word"}


def test_cleaner_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nfail-on = "error"\n')
    write(tmp_path / ".cleaner.toml", 'fail-on = "warning"\n')
    assert find_config(tmp_path / "x.txt") == tmp_path / ".cleaner.toml"


def test_nearest_config_wins_per_file(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'ignore = ["duplicate-word"]\n')
    write(tmp_path / "b" / ".cleaner.toml", 'ignore = ["invisible-characters"]\n')
    a = write(tmp_path / "a" / "x.txt", DIRTY)
    b = write(tmp_path / "b" / "y.txt", DIRTY)
    res = run("check", "--format", "json", str(a), str(b))
    files = {Path(f["path"]).parent.name: {x["rule"] for x in f["findings"]} for f in json.loads(res.out)["files"]}
    assert files == {"a": {"invisible-characters"}, "b": {"duplicate-word"}}


def test_explicit_config_overrides_discovery(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'ignore = ["duplicate-word"]\n')
    other = write(tmp_path / "elsewhere" / "ci.toml", 'ignore = ["invisible-characters"]\n')
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", "--config", str(other), "--format", "json", str(article))
    assert rules_found(res.out) == {"duplicate-word"}


def test_command_line_select_replaces_and_ignore_extends_the_config(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'select = ["duplicate-word"]\nignore = ["CL601"]\n')
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", "--format", "json", str(article))
    assert rules_found(res.out) == {"duplicate-word"}
    # --select replaces the config's select, but the config's ignore still holds ...
    res = run("check", "--select", "invisible-characters,duplicate-word", "--format", "json", str(article))
    assert rules_found(res.out) == {"duplicate-word"}
    # ... and --ignore adds to it.
    res = run("check", "--ignore", "duplicate-word", str(article))
    assert res.code == 0


def test_severity_table_and_fail_on_from_config(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'fail-on = "error"\n[severity]\ninvisible-characters = "error"\n')
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", "--format", "json", str(article))
    by_rule = {f["rule"]: f["severity"] for f in json.loads(res.out)["files"][0]["findings"]}
    assert by_rule == {"duplicate-word": "warning", "invisible-characters": "error"}
    assert res.code == 1
    write(tmp_path / ".cleaner.toml", 'fail-on = "error"\n')
    assert run("check", str(article)).code == 0  # only warnings now


def test_include_and_exclude_globs_apply_when_walking(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'include = ["*.article"]\nexclude = ["drafts"]\n')
    write(tmp_path / "a.article", DIRTY)
    write(tmp_path / "b.txt", DIRTY)
    write(tmp_path / "drafts" / "c.article", DIRTY)
    res = run("check", "--format", "json", str(tmp_path))
    assert [Path(f["path"]).name for f in json.loads(res.out)["files"]] == ["a.article"]


def test_paths_in_a_config_are_relative_to_its_folder(tmp_path, monkeypatch):
    write(tmp_path / "cfg" / "words.txt", "Naypyitaw\n")
    write(tmp_path / "cfg" / ".cleaner.toml", 'dictionary = "words.txt"\nbaseline = "base.json"\n')
    monkeypatch.chdir(tmp_path)  # run from elsewhere: the meaning must not change
    settings = load_config(Path("cfg/.cleaner.toml"))
    assert settings.dictionary.resolve() == (tmp_path / "cfg" / "words.txt").resolve()
    assert settings.baseline.resolve() == (tmp_path / "cfg" / "base.json").resolve()
    assert settings.config_path == Path("cfg/.cleaner.toml")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('fial-on = "error"\n', "unknown key 'fial-on' (did you mean 'fail-on'?)"),
        ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ('colour = "red"\n', "unknown key 'colour'; known keys:"),
        ('fail-on = "sometimes"\n', "bad value for 'fail-on': expected one of error, warning, info, never"),
        ('grammar = "grammarly"\n', "bad value for 'grammar'"),
        ('select = "duplicate-word"\n', "bad value for 'select': expected a list of strings"),
        ('select = ["no-such-rule"]\n', "bad value for 'select': unknown rule 'no-such-rule'"),
        ('jobs = 0\n', "bad value for 'jobs': expected a whole number of at least 1"),
        ('jobs = true\n', "bad value for 'jobs'"),
        ('boilerplate-threshold = 1.5\n', "bad value for 'boilerplate-threshold'"),
        ('lt-server = "localhost:8081"\n', "bad value for 'lt-server': expected an http:// or https:// URL"),
        ('dictionary = "missing.txt"\n', "bad value for 'dictionary':"),
        ('[severity]\nduplicate-word = "fatal"\n', "bad value for 'severity': rule 'duplicate-word'"),
        ('fail-on = \n', "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_exit_2_naming_key_and_file(run, tmp_path, content, expected):
    config = write(tmp_path / ".cleaner.toml", content)
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", str(article))
    assert res.code == 2
    assert res.out == ""
    (line,) = res.err.strip().splitlines()
    assert str(config) in line and expected in line


def test_bad_pyproject_key_names_the_table(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.cleaner]\nselekt = ["glued-word"]\n')
    with pytest.raises(UsageError, match=r"pyproject\.toml: \[tool\.cleaner\] unknown key 'selekt'"):
        load_config(config)
    assert str(config) in str(pytest.raises(UsageError, load_config, config).value)


def test_missing_explicit_config_is_an_error(run, tmp_path):
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("check", "--config", str(tmp_path / "nope.toml"), str(article))
    assert res.code == 2 and "nope.toml: configuration file not found" in res.err


def test_pseudo_rule_ids_can_be_selected_and_ignored(run, tmp_path):
    article = write(
        tmp_path / "a.txt",
        "The talks went on for hours.\n<!-- cleaner: ignore duplicate-word -->\nNobody spoke to the press.\n",
    )
    res = run("check", str(article))
    assert res.code == 1 and "unused-suppression" in res.out
    write(tmp_path / ".cleaner.toml", 'ignore = ["unused-suppression", "site-boilerplate"]\n')
    assert run("check", str(article)).code == 0
    # Selected alone, it runs no rule, so the suppression cannot be judged stale.
    assert run("check", "--select", "unused-suppression", "--config", str(write(tmp_path / "e.toml", "")),
               str(article)).code == 0
    assert run("check", "--select", "unused-suppression,duplicate-word", "--config", str(tmp_path / "e.toml"),
               str(article)).code == 1


def test_resolver_loads_each_config_once_and_applies_overrides(tmp_path):
    write(tmp_path / ".cleaner.toml", 'fail-on = "warning"\n')
    a = write(tmp_path / "x" / "a.txt", "a\n")
    b = write(tmp_path / "x" / "b.txt", "b\n")
    resolver = ConfigResolver(overrides=lambda s: replace(s, grammar="none"))
    sa, sb = resolver.settings_for(str(a)), resolver.settings_for(str(b))
    assert sa is sb  # one object per config: the batch groups files by it
    assert sa.fail_on == "warning" and sa.grammar == "none"
    assert resolver.settings_for(str(tmp_path.parent / "elsewhere.txt")).fail_on == Settings().fail_on


def test_fix_reads_the_config_of_the_file_it_fixes(run, tmp_path):
    write(tmp_path / ".cleaner.toml", 'ignore = ["invisible-characters"]\n')
    article = write(tmp_path / "a.txt", DIRTY)
    res = run("fix", "--in-place", str(article))
    assert res.code == 0
    fixed = article.read_text(encoding="utf-8")
    assert "met the envoy" in fixed and "\u00ad" in fixed  # the ignored rule's finding was left alone
