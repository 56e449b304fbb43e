"""What a champion sees on a pull request: annotations and the job summary, per playbook."""

from __future__ import annotations

import shutil
from pathlib import Path

from playbook_kb.tools.cli import main

from .conftest import break_minimal

PB = "playbooks/sales-email"
TITLE = "商談メモから提案メールの下書き"


def break_it(root: Path) -> None:
    """A typo in a taxonomy key, a missing part, and active HTML in the prompt sheet."""
    break_minimal(root)
    with open(root / PB / "prompt-sheet.md", "a", encoding="utf-8") as handle:
        handle.write("\n<script>alert(1)</script>\n")


def run(root: Path, fmt: str, capsys) -> tuple[int, str]:
    code = main(["check", "--root", str(root), "--format", fmt])
    return code, capsys.readouterr().out


def test_github_annotations_point_at_file_and_line(root: Path, capsys) -> None:
    break_it(root)
    code, out = run(root, "github", capsys)
    assert code == 1
    lines = out.splitlines()
    assert f"::error file={PB}/index.md,line=6,title=playbook-kb field::" in out
    assert any(line.startswith(f"::error file={PB}/workflow.md,title=playbook-kb missing-part::")
               for line in lines)
    assert any(f"file={PB}/prompt-sheet.md,line=" in line and "unsafe-html" in line
               for line in lines)
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_summary_groups_findings_per_playbook(root: Path, capsys) -> None:
    break_it(root)
    code, out = run(root, "summary", capsys)
    assert code == 1
    assert out.startswith("## プレイブックのチェック結果 / Playbook check\n")
    assert "❌ **エラー 3 件・警告 0 件**（プレイブック 1 件中 1 件に指摘があります）" in out
    assert "3 error(s), 0 warning(s) in 1 of 1 playbooks." in out
    assert f"| ❌ | {TITLE} (`sales-email`) | 3 | 0 |" in out
    assert f"### ❌ {TITLE} (`sales-email`)" in out
    assert "| `index.md:6` | エラー / error | 「output」の「emial」は" in out
    assert "| `workflow.md` | エラー / error |" in out


def test_summary_escapes_markup_from_findings(root: Path, capsys) -> None:
    break_it(root)
    index = root / PB / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(f"title: {TITLE}",
                                                               "title: A | B <b>"),
                     encoding="utf-8")
    _, out = run(root, "summary", capsys)
    assert "A \\| B &lt;b&gt; (`sales-email`)" in out
    assert "<script" not in out and "<b>" not in out
    table_rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert all(line.count(" | ") == 3 for line in table_rows)  # no cell split by a "|"


def test_summary_site_wide_findings_and_clean_playbooks(root: Path, capsys) -> None:
    shutil.copytree(root / PB, root / "playbooks" / "sales-copy")
    taxonomy = root / "playbooks" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("produces: [email]",
                                                                     "produces: [emails]"),
                        encoding="utf-8")
    index = root / PB / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("reviewed: 2026-10-01",
                                                               "reviewed: 2025-01-01"),
                     encoding="utf-8")
    code, out = run(root, "summary", capsys)
    assert code == 1
    assert "| ❌ | サイト全体 / Site-wide | 1 | 0 |" in out
    assert f"| ⚠️ | {TITLE} (`sales-email`) | 0 | 1 |" in out
    assert "| ✅ | ほかの 1 件は問題なし / 1 other playbook(s) are clean | 0 | 0 |" in out
    assert "| `playbooks/taxonomy.yml:" in out  # site-wide paths stay repository-relative


def test_summary_when_everything_is_fine(root: Path, capsys) -> None:
    code, out = run(root, "summary", capsys)
    assert code == 0
    assert "✅ **問題はありません。** 1 件のプレイブックはすべて公開できる状態です。" in out
    assert "All 1 playbooks are ready to publish." in out
