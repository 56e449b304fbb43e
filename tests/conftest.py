"""Shared fixtures: fixture repositories copied into tmp_path, and real MkDocs builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
TODAY = "2026-11-25"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
os.environ["PLAYBOOK_KB_CACHE"] = "off"  # no test writes ~/.cache (test_cache.py does, in tmp)


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, url_path: str) -> str:
        """The HTML behind a directory URL such as "playbooks/x/" or a file path."""
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def add_kb_setting(root: Path, setting: str) -> None:
    """One more `extra.playbook_kb` line (e.g. "list_limit: 5") in root's copy of mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  playbook_kb:\n" in text, "mkdocs.yml has no extra.playbook_kb"
    config.write_text(text.replace("  playbook_kb:\n", f"  playbook_kb:\n    {setting}\n", 1),
                      encoding="utf-8")


def set_language(root: Path, lang: str) -> None:
    """theme.language of root's copy of mkdocs.yml (the repository's is ja)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: ja\n" in text, "mkdocs.yml has no theme.language: ja"
    config.write_text(text.replace("  language: ja\n", f"  language: {lang}\n", 1),
                      encoding="utf-8")


def make_repo(tmp_path: Path, fixture: str | Path | None = None) -> Path:
    """A repository in tmp_path: the real site config and hooks, a fixture's playbooks."""
    root = tmp_path / "repo"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "docs", root / "docs")
    if fixture is not None:
        source = FIXTURES / fixture if isinstance(fixture, str) else fixture
        shutil.copytree(source, root, dirs_exist_ok=True)
    return root


def build_site(root: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    site = root / "site"
    run_env = {**os.environ, "PLAYBOOK_KB_TODAY": TODAY, **(env or {})}
    result = subprocess.run(
        [*MKDOCS, "build", "--site-dir", str(site), *args],
        cwd=root, capture_output=True, text=True, encoding="utf-8", env=run_env,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture
def repo(tmp_path: Path):
    """Factory: `repo("minimal")` copies a fixture repo into tmp_path and returns its root."""
    return lambda fixture=None: make_repo(tmp_path, fixture)


def break_minimal(root: Path) -> None:
    """The two commonest mistakes in the minimal fixture: a mistyped output key
    (`emial`, line 6 of index.md) and a missing workflow.md."""
    index = root / "playbooks" / "sales-email" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("output: email", "output: emial"),
                     encoding="utf-8")
    (root / "playbooks" / "sales-email" / "workflow.md").unlink()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the minimal fixture repository (one complete playbook) to break at will."""
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    return tmp_path


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOK_KB_TODAY", TODAY)
