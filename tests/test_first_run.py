"""A new user's first run: install, build, Windows commands — clean output only."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

from .conftest import REPO, build_site, make_repo

EXPECTED_INFO = ("Cleaning site directory", "Building documentation to directory",
                 "Documentation built in")


def test_a_clean_build_of_the_repository_prints_only_what_matters(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    shutil.copytree(REPO / "playbooks", root / "playbooks")
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert "not included in the \"nav\"" not in build.output
    assert "[macros]" not in build.output
    lines = [line for line in build.output.splitlines() if line.strip()]
    noise = [line for line in lines if not any(text in line for text in EXPECTED_INFO)]
    assert noise == [], "a clean build should print nothing else"


def test_pyproject_uses_the_spdx_license_string() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # a table makes setuptools warn on install
    [setuptools] = [r for r in project["build-system"]["requires"] if "setuptools" in r]
    assert int(re.search(r">=(\d+)", setuptools).group(1)) >= 77


def test_readme_windows_commands_silence_the_end_of_life_banners() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```powershell\n(.*?)```", readme, re.S).group(1)
    first_mkdocs = block.index("mkdocs")
    for setting in ('$env:NO_MKDOCS_2_WARNING = "1"', '$env:DISABLE_MKDOCS_2_WARNING = "true"'):
        assert setting in block and block.index(setting) < first_mkdocs
