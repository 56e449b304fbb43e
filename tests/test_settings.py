"""Settings: what `extra.playbook_kb` may hold, a finding for a key nobody reads, edit_uri."""

from __future__ import annotations

import re
from pathlib import Path

from playbook_kb import check
from playbook_kb.load.settings import settings_from
from playbook_kb.tools.cli import main

from .conftest import build_site

CONFIG = """site_name: x
extra:
  playbook_kb:
    stale_days: 90
    stale_day: 30
    feedback:
      emial: kb@example.com
"""


def test_an_unknown_setting_is_a_warning_naming_the_closest_key(root: Path) -> None:
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    _, findings = check(root)
    found = [(f.path, f.line, f.severity) for f in findings if f.rule == "settings"]
    assert found == [("mkdocs.yml", 5, "warning"), ("mkdocs.yml", 7, "warning")]
    messages = [f.message for f in findings if f.rule == "settings"]
    assert "stale_day" in messages[0] and "「stale_days」" in messages[0]
    assert "feedback.emial" in messages[1] and "「email」" in messages[1]


def test_an_unknown_setting_does_not_fail_the_check(root: Path, capsys) -> None:
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 0
    assert "[settings]" in capsys.readouterr().out


def test_known_settings_give_no_finding(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        "extra:\n  playbook_kb:\n    stale_days: 90\n    edit_uri: blob/dev/\n"
        "    feedback: {email: kb@example.com}\n", encoding="utf-8")
    catalog, findings = check(root)
    assert not [f for f in findings if f.rule == "settings"]
    assert catalog.settings.edit_uri == "blob/dev/"


def test_edit_uri_defaults_to_edit_main() -> None:
    assert settings_from(None, "ja").edit_uri == "edit/main/"


def test_the_edit_button_follows_edit_uri_from_the_settings(repo) -> None:
    root = repo("minimal")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(\n    edit_uri: )edit/main/", r"\1edit/release/", text),
                      encoding="utf-8")
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert ('href="https://github.com/example-co/ai-playbooks/edit/release/'
            'playbooks/sales-email/workflow.md"') in build.html("playbooks/sales-email/workflow/")
