"""A trainer's flow: link a module from slides, then move it to another tier."""

from __future__ import annotations

import json
from pathlib import Path

from playbook_kb import check
from playbook_kb.load.tier_record import RECORD_FILE
from playbook_kb.tools.cli import main

from .conftest import build_site, make_repo

INDEX = "playbooks/sales-email/index.md"


def _move_to_applied(root: Path) -> None:
    index = root / INDEX
    index.write_text(index.read_text(encoding="utf-8").replace("tier: basic", "tier: applied"),
                     encoding="utf-8")


def test_moving_a_module_is_reported_and_its_links_keep_working(tmp_path: Path, capsys) -> None:
    root = make_repo(tmp_path, "minimal")
    assert main(["curriculum", "--root", str(root), "--write"]) == 0
    assert "sales-email: [basic]" in (root / RECORD_FILE).read_text(encoding="utf-8")
    _move_to_applied(root)
    [finding] = [f for f in check(root)[1] if f.rule == "tier-change"]
    assert (finding.path, finding.line, finding.severity) == (INDEX, 7, "warning")
    assert "basic から applied" in finding.message and "/m/sales-email/" in finding.message
    build = build_site(root, "--strict")  # a warning: the move itself is allowed
    assert build.returncode == 0, build.output
    redirect = build.html("m/sales-email/")
    assert 'url=../../curriculum/applied/#sales-email"' in redirect
    basic = build.html("curriculum/basic/")  # the old anchor says where the module went
    assert 'id="sales-email"' in basic and 'href="../applied/#sales-email"' in basic
    assert "https://kb.example.co.jp/m/sales-email/" in build.html("curriculum/applied/")
    capsys.readouterr()
    assert main(["curriculum", "--root", str(root), "--write"]) == 0  # what main does
    assert "sales-email: [applied, basic]" in (root / RECORD_FILE).read_text(encoding="utf-8")
    assert not [f for f in check(root)[1] if f.rule == "tier-change"]


def test_curriculum_json_gives_an_lms_full_links(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    build = build_site(root)
    data = json.loads((build.site / "curriculum.json").read_text(encoding="utf-8"))
    [module] = [m for m in data["modules"] if m["id"] == "sales-email"]
    assert module["absolute_permalink"] == "https://kb.example.co.jp/m/sales-email/"
    assert module["permalink"] == "m/sales-email/"
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://kb.example.co.jp/\n", ""), encoding="utf-8")
    build = build_site(root)
    data = json.loads((build.site / "curriculum.json").read_text(encoding="utf-8"))
    assert "absolute_permalink" not in data["modules"][0]  # no site_url: site-relative only
    assert "/m/sales-email/" in build.html("curriculum/basic/")
