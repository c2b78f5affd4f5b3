"""Every --format, and --statistics: shapes other tools rely on."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ci_support import DIRTY, SOFT_HYPHEN, write

from cleaner.document import Document
from cleaner.edits import Edit, FixKind, Severity
from cleaner.report import FORMATS, FileReport, format_github

SCHEMAS = Path(__file__).parent / "schemas"
EMOJI = "\U0001f600"  # one code point, two UTF-16 units, four UTF-8 bytes


@pytest.fixture
def articles(tmp_path):
    """Two dirty files (one with an emoji before a finding) and a clean one."""
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "b.txt", f"{EMOJI} Talks in Naypyi{SOFT_HYPHEN}taw.\n")
    write(tmp_path / "c.txt", "Nothing wrong here.\n")
    return tmp_path


def check(run, fmt: str, folder: Path, *extra: str):
    res = run("check", "--format", fmt, *extra, str(folder))
    assert res.code == 1, res.err
    return res


def test_text_lists_each_finding_then_a_summary(run, articles):
    out = check(run, "text", articles).out.splitlines()
    assert out[0] == f"{articles / 'a.txt'}:1:21: duplicate-word 'the' is written twice: delete the second"
    assert out[-1] == "Found 3 findings in 3 files: 3 fixable with `cleaner fix`."


def test_json_lines_is_one_finding_per_line_matching_json(run, articles):
    lines = check(run, "json-lines", articles).out.splitlines()
    full = json.loads(check(run, "json", articles).out)
    expected = [{"path": f["path"], **x} for f in full["files"] for x in f["findings"]]
    assert [json.loads(line) for line in lines] == expected
    assert len(lines) == 3


def test_github_workflow_commands_annotate_each_finding(run, articles):
    out = check(run, "github", articles).out.splitlines()
    assert out[0] == (
        f"::warning file={articles / 'a.txt'},line=1,endLine=1,col=21,endColumn=25,"
        f"title=cleaner duplicate-word::'the' is written twice: delete the second"
    )
    assert len(out) == 3 and all(line.startswith("::warning file=") for line in out)


def test_github_escapes_what_would_end_a_property_or_the_message():
    doc = Document("abc\n")
    edit = Edit(0, 1, "x-rule", "c", "50% done\nnext line", fix=FixKind.NONE, severity=Severity.INFO)
    out = format_github([FileReport("dir,with:odd%name.txt", doc, [edit])])
    assert out == (
        "::notice file=dir%2Cwith%3Aodd%25name.txt,line=1,endLine=1,col=1,endColumn=2,"
        "title=cleaner x-rule::50%25 done%0Anext line\n"
    )


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("schema", "validator"),
    [("sarif-schema-2.1.0.json", jsonschema.Draft7Validator), ("sarif-2.1.0-rtm.5.json", jsonschema.Draft4Validator)],
)
def test_sarif_validates_against_the_official_schema(run, articles, schema, validator):
    log = json.loads(check(run, "sarif", articles).out)
    validator.check_schema(_schema(schema))
    errors = sorted(validator(_schema(schema)).iter_errors(log), key=str)
    assert not errors, errors[0]


def test_sarif_locations_rules_and_fixes(run, articles):
    log = json.loads(check(run, "sarif", articles).out)
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["duplicate-word", "invisible-characters"]
    assert rules[1]["name"] == "CL601" and "What it does:" in rules[1]["fullDescription"]["text"]
    by_file = {}
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        by_file.setdefault(loc["artifactLocation"]["uri"].rsplit("/", 1)[-1], []).append(result)
    (hyphen,) = by_file["b.txt"]
    region = hyphen["locations"][0]["physicalLocation"]["region"]
    # The emoji is one code point: the soft hyphen is column 18, not 19.
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 18, 19)
    assert region["snippet"]["text"] == SOFT_HYPHEN
    (change,) = hyphen["fixes"][0]["artifactChanges"]
    assert change["replacements"][0]["insertedContent"]["text"] == ""
    # Fingerprints tell findings apart and stay put across runs.
    again = json.loads(check(run, "sarif", articles).out)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == [r["partialFingerprints"] for r in sarif_run["results"]]
    assert len({r["partialFingerprints"]["cleaner/v1"] for r in again}) == 3


def test_rdjson_counts_columns_in_utf8_bytes(run, articles):
    data = json.loads(check(run, "rdjson", articles).out)
    assert data["source"]["name"] == "cleaner"
    diagnostics = {Path(d["location"]["path"]).name: d for d in data["diagnostics"] if "b.txt" in d["location"]["path"]}
    d = diagnostics["b.txt"]
    # Emoji (4 bytes) + space + "Talks in Naypyi" (15) = 20 bytes before the hyphen.
    assert d["location"]["range"] == {"start": {"line": 1, "column": 21}, "end": {"line": 1, "column": 23}}
    assert d["severity"] == "WARNING" and d["code"] == {"value": "invisible-characters"}
    assert d["suggestions"] == [{"range": d["location"]["range"], "text": ""}]


def test_gitlab_code_quality_report(run, articles):
    issues = json.loads(check(run, "gitlab", articles).out)
    assert len(issues) == 3
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_are_unique_for_identical_findings():
    doc = Document("x x\nx x\n")
    e1 = Edit(0, 1, "r", "c", "m", ("",), FixKind.SAFE)
    e2 = Edit(4, 5, "r", "c", "m", ("",), FixKind.SAFE)
    # Same rule, text and context: the keys coincide, the fingerprints must not.
    issues = json.loads(FORMATS["gitlab"]([FileReport("f.txt", doc, [e1, e2])]))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_statistics_counts_by_rule(run, articles):
    res = check(run, "text", articles, "--statistics")
    lines = res.out.splitlines()
    assert lines[0].split() == ["2", "invisible-characters", "[*]", "2", "fixable"]
    assert lines[1].split() == ["1", "duplicate-word", "[*]", "1", "fixable"]
    assert lines[-1].startswith("Found 3 findings in 3 files")
    rows = json.loads(check(run, "json", articles, "--statistics").out)
    assert rows == [
        {"rule": "invisible-characters", "count": 2, "fixable": 2},
        {"rule": "duplicate-word", "count": 1, "fixable": 1},
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_empty_or_valid_when_clean(run, tmp_path, fmt):
    clean = write(tmp_path / "ok.txt", "Nothing wrong here.\n")
    res = run("check", "--format", fmt, str(clean))
    assert res.code == 0
    if fmt == "text":
        assert res.out == "No findings in 1 file.\n"
    elif fmt in ("github", "json-lines"):
        assert res.out == ""
    else:
        json.loads(res.out)


def test_sarif_paths_relative_to_the_source_root(run, tmp_path, monkeypatch):
    write(tmp_path / "news" / "a b.txt", DIRTY + "<!-- cleaner: ignore glued-word -->\nQuiet.\n")
    monkeypatch.chdir(tmp_path)
    log = json.loads(run("check", "--format", "sarif", "news").out)
    (sarif_run,) = log["runs"]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif_run["results"]]
    assert {(loc["uri"], loc["uriBaseId"]) for loc in locations} == {("news/a%20b.txt", "%SRCROOT%")}
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    rules = {r["id"]: r for r in sarif_run["tool"]["driver"]["rules"]}
    assert "silences nothing" in rules["unused-suppression"]["shortDescription"]["text"]
    jsonschema.Draft7Validator(_schema("sarif-schema-2.1.0.json")).validate(log)
