"""SPEC §5: an intranet has no internet. The site loads nothing from any other host."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import open_shadow_roots, search

pytestmark = pytest.mark.browser


def mermaid_workflow(site_dir: Path) -> str:
    """The URL path of a workflow page that has a Mermaid diagram."""
    for page in sorted(site_dir.glob("playbooks/*/workflow/index.html")):
        if 'class="mermaid"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site_dir).as_posix() + "/"
    pytest.fail("no workflow in playbooks/ has a ```mermaid block to test")


def test_every_kind_of_page_loads_only_from_the_site(site, page, requests_seen):
    workflow = mermaid_workflow(site.site)
    playbook = workflow.removesuffix("workflow/")
    open_shadow_roots(page)
    visits = ["", playbook, playbook + "prompt-sheet/", playbook + "samples/", workflow]
    visits += [p for p in ("matrix/", "departments/", "impact/") if (site.site / p).is_dir()]
    for path in visits:
        page.goto(site(path))
        page.wait_for_load_state("networkidle")
        if path == workflow:
            page.locator("div.mermaid svg").first.wait_for()
    assert search(page, "議事録")  # the search worker and the Pagefind index

    assert requests_seen.external(site) == []
    assert any(url.endswith("/vendor/mermaid/mermaid.min.js") for url in requests_seen.urls)
    assert any("/pagefind/" in url for url in requests_seen.urls)  # search answered locally


def test_mermaid_is_not_loaded_on_pages_without_a_diagram(site, page, requests_seen):
    page.goto(site(""))
    page.wait_for_load_state("networkidle")
    assert not any("mermaid.min.js" in url for url in requests_seen.urls)


def test_the_vendored_mermaid_records_its_version():
    vendor = Path(__file__).resolve().parents[2] / "hooks/playbook_kb/build/assets/vendor/mermaid"
    version = (vendor / "VERSION").read_text(encoding="utf-8")
    assert version.startswith("mermaid 11.")  # Material 9 calls the Mermaid 11 API
    assert (vendor / "mermaid.min.js").stat().st_size > 1_000_000
    assert (vendor / "LICENSE").is_file()
