"""Stable links: a renamed playbook keeps its old URLs through `aliases`."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from playbook_kb import check
from playbook_kb.build.pages import build_site as plan_site

from .conftest import build_site
from .test_curriculum import rename_playbook

PARTS = ("", "prompt-sheet/", "workflow/", "samples/", "samples/example/")


def follow(site: Path, url: str) -> str:
    """The URL a built redirect page sends the browser to, resolved from `url`."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
    return posixpath.normpath(posixpath.join(url, target)) + "/"


def test_the_plan_maps_every_page_of_the_old_slug_to_the_new_one(repo):
    root = repo("curriculum")
    rename_playbook(root, "sales-email", "proposal-mail")
    plan = plan_site(*check(root))
    assert aliases_only(plan.redirects) == {
        f"playbooks/sales-email/{name}": f"playbooks/proposal-mail/{name}"
        for name in ("index.md", "prompt-sheet.md", "samples/example.md", "samples/index.md",
                     "workflow.md")
    }


def test_old_urls_of_a_renamed_playbook_redirect_to_the_new_ones(repo):
    root = repo("curriculum")
    (root / "playbooks/sales-email/samples/table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    rename_playbook(root, "sales-email", "proposal-mail")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    for part in PARTS:
        old = f"playbooks/sales-email/{part}"
        assert follow(build.site, old) == f"playbooks/proposal-mail/{part}"
        assert (build.site / f"playbooks/proposal-mail/{part}index.html").is_file()
    # downloads keep their old address too
    assert (build.site / "playbooks/sales-email/samples/table.csv").read_text() == "a,b\n1,2\n"
    # the old module anchor still lands on the module in the curriculum
    html = build.html("curriculum/basic/")
    assert 'id="proposal-mail"' in html and 'id="sales-email"' in html


def test_an_alias_that_is_another_playbooks_slug_makes_no_redirect(repo):
    root = repo("curriculum")
    index = root / "playbooks/sales-email/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "\nreviewed:", "\naliases: [prompt-drill]\nreviewed:", 1), encoding="utf-8")
    catalog, findings = check(root)
    assert any(f.rule == "duplicate-url" for f in findings)
    assert aliases_only(plan_site(catalog, findings).redirects) == {}


def test_a_redirect_written_in_mkdocs_yml_wins(repo):
    root = repo("curriculum")
    rename_playbook(root, "sales-email", "proposal-mail")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      redirect_maps:  # renamed hand-written pages\n", "      redirect_maps:\n"
        "        playbooks/sales-email/index.md: playbooks/prompt-drill/index.md\n", 1),
        encoding="utf-8")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    assert follow(build.site, "playbooks/sales-email/") == "playbooks/prompt-drill/"
    workflow = follow(build.site, "playbooks/sales-email/workflow/")
    assert workflow == "playbooks/proposal-mail/workflow/"


def aliases_only(redirects: dict[str, str]) -> dict[str, str]:
    """The redirects of renamed playbooks, without the modules' permanent /m/<id>/ links."""
    return {old: new for old, new in redirects.items() if not old.startswith("m/")}
