"""A champion's flow, run as a champion runs it: scaffold, break, check, follow the message."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playbook_kb import check
from playbook_kb.tools.cli import main, summary

from .conftest import build_site, make_repo

PB = "playbooks/sales-email"


def _new(root: Path, slug: str, *extra: str) -> int:
    return main(["new", slug, "--root", str(root), "--department", "hr",
                 "--output", "job-posting", *extra])


def test_missing_part_names_the_command_that_restores_it(root: Path, capsys) -> None:
    (root / PB / "workflow.md").unlink()
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    command = re.search(r"`(playbook-kb new [^`]+)`", out).group(1)
    assert command == "playbook-kb new sales-email --part workflow"
    prompt_sheet = (root / PB / "prompt-sheet.md").read_bytes()
    assert main([*command.split()[1:], "--root", str(root)]) == 0  # what the champion types
    assert "workflow.md" in capsys.readouterr().out
    assert "【要記入】" in (root / PB / "workflow.md").read_text(encoding="utf-8")
    assert (root / PB / "prompt-sheet.md").read_bytes() == prompt_sheet  # untouched
    catalog, findings = check(root)
    assert {f.rule for f in findings} == {"template-leftover"}  # no dead end any more


def test_restoring_a_part_never_overwrites(root: Path, capsys) -> None:
    before = (root / PB / "workflow.md").read_bytes()
    assert main(["new", "sales-email", "--part", "workflow", "--root", str(root)]) == 1
    assert "上書きはしません" in capsys.readouterr().err
    assert (root / PB / "workflow.md").read_bytes() == before
    assert main(["new", "sales-email", "--part", "samples", "--root", str(root)]) == 1
    assert not (root / PB / "samples" / "example.md").exists()  # it has a real sample


def test_restoring_samples_and_a_part_of_a_missing_folder(root: Path, capsys) -> None:
    for sample in (root / PB / "samples").iterdir():
        sample.unlink()
    assert main(["check", "--root", str(root)]) == 1
    assert "`playbook-kb new sales-email --part samples`" in capsys.readouterr().out
    assert main(["new", "sales-email", "--part", "samples", "--root", str(root)]) == 0
    assert (root / PB / "samples" / "example.md").is_file()
    assert main(["new", "no-such", "--part", "workflow", "--root", str(root)]) == 1
    assert "`playbook-kb new no-such`" in capsys.readouterr().err
    assert not (root / "playbooks" / "no-such").exists()


def test_a_new_pilot_stays_out_of_the_curriculum_and_check_says_why(root: Path,
                                                                     capsys) -> None:
    assert _new(root, "hr-new-pilot") == 0
    index = (root / "playbooks" / "hr-new-pilot" / "index.md").read_text(encoding="utf-8")
    assert "\ntier:" not in index and "# tier:" in index  # a trainer decides
    capsys.readouterr()
    main(["check", "--root", str(root)])
    lines = capsys.readouterr().out.splitlines()
    [note] = [line for line in lines if "カリキュラム外" in line]
    assert note.startswith("playbooks/hr-new-pilot/index.md:") and "tier がありません" in note
    main(["check", "--root", str(root), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert [n["slug"] for n in report["not_in_curriculum"]] == ["hr-new-pilot"]
    assert not [f for f in report["findings"] if f["rule"] == "field" and "tier" in f["message"]]


def test_a_scaffolded_pilot_with_a_template_tier_waits_for_a_trainer(root: Path,
                                                                      capsys) -> None:
    assert _new(root, "hr-basic-pilot", "--tier", "basic") == 0
    capsys.readouterr()
    main(["check", "--root", str(root), "--format", "json"])
    [note] = json.loads(capsys.readouterr().out)["not_in_curriculum"]
    assert note["slug"] == "hr-basic-pilot" and "duration_minutes" in note["reason"]
    index = root / "playbooks" / "hr-basic-pilot" / "index.md"
    text = index.read_text(encoding="utf-8").replace("tier: basic", "tier: basic\n"
                                                     "duration_minutes: 30")
    index.write_text(text, encoding="utf-8")
    main(["check", "--root", str(root), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["not_in_curriculum"] == []


def test_built_tier_page_leaves_out_a_playbook_without_tier(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    assert _new(root, "hr-new-pilot") == 0
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert "hr-new-pilot" not in build.html("curriculum/basic/")
    assert "sales-email" in build.html("curriculum/basic/")


def _drop_metrics(root: Path) -> None:
    index = root / PB / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text[: text.index("metrics:")] + text[text.index("reviewed:"):],
                     encoding="utf-8")


def test_metrics_example_stays_a_yaml_block_in_the_job_summary(root: Path) -> None:
    _drop_metrics(root)
    text = summary(*check(root))
    block = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    assert block.startswith("metrics:\n  baseline_minutes: 120")
    assert "\n  runs_per_month:" in block
    row = next(line for line in text.splitlines() if "`metrics`" in line)
    assert "baseline_minutes" not in row  # the table cell keeps only the sentence


def test_metrics_example_stays_a_yaml_block_in_the_banner(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    _drop_metrics(root)
    build = build_site(root)
    page = build.html("playbooks/sales-email/")
    block = re.search(r'<pre class="kb-example"><code>(.*?)</code></pre>', page, re.S)
    assert block and block.group(1).startswith("metrics:\n  baseline_minutes: 120")
