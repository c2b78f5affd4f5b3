"""A non-editable install gets every subpackage and data file."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "cleaner").rglob("__init__.py")
    } | {"cleaner.rules"}
    assert found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"


def test_rule_data_files_match_the_package_data_globs():
    data = ROOT / "rules" / "data"
    for f in data.iterdir():
        assert f.suffix in (".txt", ".tsv"), f"{f.name} would not be installed (package-data globs)"
