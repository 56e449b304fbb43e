"""Generated pages pass axe-core with no serious or critical violations (WCAG 2.1 A/AA).

axe-core is vendored for the tests only (tests/vendor/axe-core, from the npm registry)
and injected into each page; the site itself never loads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PHONE, open_shadow_roots, search

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor/axe-core/axe.min.js"
PLAYBOOK = "playbooks/sales-proposal-email/"
PAGES = ["", PLAYBOOK, PLAYBOOK + "prompt-sheet/", PLAYBOOK + "workflow/",
         "playbooks/it-ai-usage-report/samples/", "departments/", "departments/sales/",
         "outputs/", "matrix/", "phases/", "impact/", "curriculum/", "curriculum/basic/",
         "playbooks/",
         "health/", "tools/", "tools/claude/", "data-policy/"]
SEVERE = ("serious", "critical")


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
        resultTypes: ['violations']})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str)
                        else str(node["target"]) for node in v["nodes"][:4])
            for v in result["violations"] if v["impact"] in SEVERE]


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_page_has_no_serious_violations(site, page, path):
    if not (site.site / path / "index.html").is_file():
        pytest.skip(f"/{path} is not built by this repository")
    open_shadow_roots(page)
    page.goto(site(path))
    page.wait_for_load_state("networkidle")
    if page.locator("pre.mermaid, div.mermaid").count():
        page.locator("div.mermaid svg").first.wait_for()
    page.locator("details.kb-fill").evaluate_all("forms => forms.forEach(f => f.open = true)")
    assert violations(page) == []


def test_search_results_have_no_serious_violations(site, browser):
    context = browser.new_context(viewport=PHONE, locale="ja-JP")
    page = context.new_page()
    page.goto(site(""))
    page.locator("label.md-header__button[for='__search']").click()
    search(page, "議事録")
    found = violations(page)
    context.close()
    assert found == []
