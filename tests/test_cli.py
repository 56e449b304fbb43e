"""`playbook-kb check` and `playbook-kb new`, run as a champion would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from playbook_kb.tools.cli import main

from .conftest import break_minimal

PB = "playbooks/sales-email"


break_it = break_minimal


def test_check_clean_text(root: Path, capsys) -> None:
    assert main(["check", "--root", str(root)]) == 0
    assert capsys.readouterr().out.strip() == "プレイブック 1 件: エラー 0 件、警告 0 件"


def test_check_errors_text(root: Path, capsys) -> None:
    break_it(root)
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{PB}/index.md:6: error: 「output」の「emial」は")
    assert "「email」" in out[0] and out[0].endswith("[field]")
    assert out[1].startswith(f"{PB}/workflow.md: error: 業務フロー（workflow.md）がありません")
    assert out[-1] == "プレイブック 1 件: エラー 2 件、警告 0 件"


def test_check_warnings_only_exit_zero(root: Path, capsys) -> None:
    index = root / PB / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("reviewed: 2026-10-01",
                                                                "reviewed: 2025-10-01"),
                     encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 0
    assert "[stale]" in capsys.readouterr().out


def test_check_json(root: Path, capsys) -> None:
    break_it(root)
    assert main(["check", "--root", str(root), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["playbooks"] == 1 and report["errors"] == 2 and report["warnings"] == 0
    first = report["findings"][0]
    assert set(first) == {"rule", "severity", "path", "line", "message"}
    assert (first["rule"], first["severity"], first["path"], first["line"]) == \
        ("field", "error", f"{PB}/index.md", 6)
    assert report["findings"][1]["line"] is None


def test_check_github(root: Path, capsys) -> None:
    break_it(root)
    assert main(["check", "--root", str(root), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::error file={PB}/index.md,line=6,title=playbook-kb field::")
    assert lines[1].startswith(f"::error file={PB}/workflow.md,title=playbook-kb missing-part::")
    assert all("\n" not in line for line in lines)


def test_check_github_escapes_newlines(root: Path, capsys) -> None:
    index = root / PB / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text[: text.index("metrics:")] + text[text.index("reviewed:"):],
                     encoding="utf-8")
    assert main(["check", "--root", str(root), "--format", "github"]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith("::error file=") and "%0Ametrics:%0A" in line


def test_usage_errors_exit_2(root: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2
    assert main(["check", "--root", str(root / "nowhere")]) == 2


def test_console_script_runs_from_cwd(root: Path) -> None:
    script = Path(sys.executable).with_name("playbook-kb")
    result = subprocess.run([str(script), "check"], cwd=root, capture_output=True, text=True,
                            encoding="utf-8", env={**os.environ})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "プレイブック 1 件: エラー 0 件" in result.stdout


# --- new ---------------------------------------------------------------------------------

def test_new_scaffold_then_check_reports_leftovers(root: Path, capsys) -> None:
    assert main(["new", "hr-job-posting", "--root", str(root), "--department", "hr",
                 "--output", "job-posting", "--title", "求人票の下書き"]) == 0
    folder = root / "playbooks" / "hr-job-posting"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "index.md", "prompt-sheet.md", "samples", "samples/example.md", "workflow.md"]
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert 'title: "求人票の下書き"' in index and "department: hr" in index
    assert "{{変数名}}" in (folder / "prompt-sheet.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in report["findings"] if "hr-job-posting" in f["path"]}
    assert rules == {"template-leftover"}


def test_new_fills_every_file_and_leaves_no_slot(root: Path) -> None:
    assert main(["new", "x-report", "--root", str(root)]) == 0
    for path in (root / "playbooks" / "x-report").rglob("*.md"):
        assert "[[kb:" not in path.read_text(encoding="utf-8")


def test_new_never_overwrites(root: Path, capsys) -> None:
    before = (root / PB / "index.md").read_bytes()
    assert main(["new", "sales-email", "--root", str(root)]) == 1
    assert "上書きはしません" in capsys.readouterr().err
    assert (root / PB / "index.md").read_bytes() == before


@pytest.mark.parametrize(("args", "says"), [
    (["Sales Mail"], "sales-mail"),
    (["ok-slug", "--department", "sale"], "「sales」"),
    (["ok-slug", "--tier", "advanced"], "basic | applied | expert"),
])
def test_new_refuses_bad_options(root: Path, capsys, args, says) -> None:
    assert main(["new", *args, "--root", str(root)]) == 1
    assert says in capsys.readouterr().err
    assert not (root / "playbooks" / "ok-slug").exists()


def test_new_uses_the_repository_template(root: Path) -> None:
    custom = root / "archetypes" / "playbook"
    (custom / "samples").mkdir(parents=True)
    (custom / "index.md").write_text("---\ntitle: \"[[kb:title]]\"\n---\n社内版ひな形\n",
                                     encoding="utf-8")
    (custom / "samples" / "a.md").write_text("例\n", encoding="utf-8")
    assert main(["new", "custom-one", "--root", str(root), "--title", "独自"]) == 0
    text = (root / "playbooks" / "custom-one" / "index.md").read_text(encoding="utf-8")
    assert text == "---\ntitle: \"独自\"\n---\n社内版ひな形\n"
