"""`playbook-kb serve SLUG`: the preview builds one playbook and the pages that list it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.load.settings import read_settings
from playbook_kb.tools import preview
from playbook_kb.tools.cli import main

from .conftest import build_site, make_repo

SLUG = "sales-email"
OTHER = "hr-posting"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Two playbooks; the other one is incomplete (no workflow.md)."""
    root = make_repo(tmp_path, "minimal")
    other = root / "playbooks" / OTHER
    shutil.copytree(root / "playbooks" / SLUG, other)
    index = other / "index.md"
    index.write_text(index.read_text(encoding="utf-8")
                     .replace("department: sales", "department: hr")
                     .replace("output: email", "output: job-posting")
                     .replace("adopted_by: [support]", "adopted_by: []"), encoding="utf-8")
    (other / "workflow.md").unlink()
    return root


def pages_naming(site: Path, text: str) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if text in p.read_text(encoding="utf-8"))


def test_check_in_preview_sees_only_the_playbook(root: Path, monkeypatch) -> None:
    monkeypatch.setenv(preview.ENV_VAR, SLUG)
    catalog, findings = check(root, read_settings(root))
    assert [p.slug for p in catalog.playbooks] == [SLUG]
    assert findings == []  # the other playbook's missing workflow is not this preview's


def test_preview_build_has_only_the_playbook_and_the_pages_listing_it(root: Path) -> None:
    full = build_site(root)
    assert pages_naming(full.site, f"playbooks/{OTHER}/") != []
    shutil.rmtree(full.site)
    build = build_site(root, "--strict", env={preview.ENV_VAR: SLUG})
    assert build.returncode == 0, build.output  # the other playbook's error is not built
    site = build.site
    assert sorted(p.name for p in (site / "playbooks").iterdir()) == [SLUG]
    assert pages_naming(site, OTHER) == []
    assert (site / "playbooks" / SLUG / "workflow" / "index.html").is_file()
    for listing in ("departments/sales/index.html", "outputs/email/index.html"):
        page = site / listing
        if page.is_file():  # the generated indexes, where the site has them, still list it
            assert f"playbooks/{SLUG}/" in page.read_text(encoding="utf-8")


def test_full_strict_build_still_fails_on_the_other_playbook(root: Path) -> None:
    assert build_site(root, "--strict").returncode != 0


def test_serve_runs_mkdocs_serve_focused_on_the_slug(root: Path, monkeypatch, capsys) -> None:
    calls = []
    monkeypatch.setattr(preview.subprocess, "call",
                        lambda command, cwd, env: calls.append((command, cwd, env)) or 0)
    assert main(["serve", SLUG, "--root", str(root), "--dev-addr", "127.0.0.1:8765"]) == 0
    [(command, cwd, env)] = calls
    assert command[-4:] == ["mkdocs", "serve", "--dev-addr", "127.0.0.1:8765"]
    assert (Path(cwd), env[preview.ENV_VAR]) == (root, SLUG)
    assert f"http://127.0.0.1:8765/playbooks/{SLUG}/" in capsys.readouterr().out


def test_serve_names_the_closest_slug_when_the_folder_is_missing(root: Path, capsys) -> None:
    assert main(["serve", "sales-emial", "--root", str(root)]) == 1
    assert "「sales-email」のことですか？" in capsys.readouterr().err
