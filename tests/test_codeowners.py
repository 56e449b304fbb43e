"""CODEOWNERS from the taxonomy: department owners per playbook, maintainers for the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from playbook_kb import check, load_catalog
from playbook_kb.derive.codeowners import CODEOWNERS_FILE, codeowners
from playbook_kb.tools.cli import main

from .conftest import FIXTURES, REPO


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    support = tmp_path / "playbooks" / "support-reply"  # support has no owners in the fixture
    shutil.copytree(tmp_path / "playbooks" / "sales-email", support)
    index = support / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("department: sales",
                                                               "department: support")
                     .replace("adopted_by: [support]", "adopted_by: [sales]"), encoding="utf-8")
    return tmp_path


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_playbooks_owned_by_their_department_the_rest_by_maintainers(root: Path) -> None:
    catalog, _ = load_catalog(root)
    assert lines(codeowners(catalog)) == [
        "/.github/ @example-co/kb-maintainers",
        "/hooks/ @example-co/kb-maintainers",
        "/mkdocs.yml @example-co/kb-maintainers",
        "/playbooks/taxonomy.yml @example-co/kb-maintainers",
        "/pyproject.toml @example-co/kb-maintainers",
        "/requirements.lock @example-co/kb-maintainers",
        "/playbooks/ @example-co/kb-maintainers",  # a new playbook, until main updates it
        "/playbooks/sales-email/ @example-co/sales",
        "/playbooks/support-reply/ @example-co/kb-maintainers",  # no owners: maintainers
    ]


def test_generation_is_deterministic(root: Path) -> None:
    assert codeowners(load_catalog(root)[0]) == codeowners(load_catalog(root)[0])


def test_cli_prints_then_writes(root: Path, capsys) -> None:
    assert main(["codeowners", "--root", str(root)]) == 0
    printed = capsys.readouterr().out
    assert "/playbooks/sales-email/ @example-co/sales" in printed
    assert not (root / CODEOWNERS_FILE).exists()
    assert main(["codeowners", "--root", str(root), "--write"]) == 0
    assert "更新しました: .github/CODEOWNERS" in capsys.readouterr().out
    assert (root / CODEOWNERS_FILE).read_text(encoding="utf-8") == printed
    assert main(["codeowners", "--root", str(root), "--write"]) == 0
    assert "変更はありません" in capsys.readouterr().out


def rule_findings(root: Path) -> list:
    return [f for f in check(root)[1] if f.rule == "codeowners"]


def test_rule_is_silent_without_a_codeowners_file(root: Path) -> None:
    assert rule_findings(root) == []


def test_a_champion_adding_or_removing_a_playbook_is_not_asked_to_edit_it(root: Path,
                                                                          capsys) -> None:
    main(["codeowners", "--root", str(root), "--write"])
    assert rule_findings(root) == []
    shutil.rmtree(root / "playbooks" / "support-reply")
    assert main(["new", "sales-new-pilot", "--root", str(root), "--department", "sales"]) == 0
    assert rule_findings(root) == []  # main rewrites the playbook lines after the merge


def test_rule_warns_maintainers_when_the_taxonomy_owners_change(root: Path) -> None:
    main(["codeowners", "--root", str(root), "--write"])
    taxonomy = root / "playbooks" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        '"@example-co/sales"', '"@example-co/sales-champions"'), encoding="utf-8")
    [finding] = rule_findings(root)
    assert (finding.path, finding.severity) == (CODEOWNERS_FILE, "warning")
    assert "`playbook-kb codeowners --write`" in finding.message and "メンテナー" in finding.message


def test_rule_warns_about_an_owner_github_would_reject(root: Path) -> None:
    taxonomy = root / "playbooks" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        '"@example-co/sales"', '"sales team"'), encoding="utf-8")
    [finding] = rule_findings(root)
    assert finding.path == "playbooks/taxonomy.yml" and finding.line == 3
    assert "「sales team」" in finding.message


def test_an_owner_with_a_line_break_never_adds_a_line(root: Path) -> None:
    taxonomy = root / "playbooks" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        '"@example-co/sales"', '"@a\\n/hooks/ @mallory"'), encoding="utf-8")
    text = codeowners(load_catalog(root)[0])
    assert "@mallory" not in text and not any(ln.startswith("/hooks/ @a") for ln in lines(text))
    assert [f.rule for f in rule_findings(root)] == ["codeowners"]


def test_the_repository_codeowners_is_up_to_date() -> None:
    committed = (REPO / CODEOWNERS_FILE).read_text(encoding="utf-8")
    assert committed == codeowners(load_catalog(REPO)[0]), (
        "run `playbook-kb codeowners --write` and commit .github/CODEOWNERS")
