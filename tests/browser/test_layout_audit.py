"""Issue 13: every page of the real site, at a phone, a tablet and a laptop width.

Pages come from the built site's sitemap.xml (plus the 404 page), so a new page type is
audited without anyone listing it. Each page is loaded once and laid out at the three
widths by resizing the viewport (media queries re-apply; a reload would only cost time).
At each width `audit.js` checks: no sideways page overflow, no text clipped by its box,
nothing covering text, no badge taller than its line, targets of at least 24 px (WCAG 2.2
2.5.8 with its inline and spacing exceptions); it costs about 0.1 s a width.

axe-core (WCAG 2.0-2.2 A/AA) costs 1-7 s a run on a busy 2-core machine, most of it in
the colour-contrast rule, so: the first page of each page type (its path with the slugs
replaced by "*": every department page is one template) gets the whole of axe on the
whole page at all three widths; every other page gets axe on its article at 390 px (the
phone layout, where tables stack and scroll) without colour contrast, which the page's
classes decide and its type already covered. Header, navigation and footer are the
same on every page. The geometric checks above run on every page at every width.

With KB_SCREENSHOTS=DIR, a full-page screenshot of every page at every width lands in
DIR/audit/, for a person to look at.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import open_shadow_roots
from .test_accessibility import AXE, SEVERE

pytestmark = pytest.mark.browser

AUDIT = Path(__file__).with_name("audit.js").read_text(encoding="utf-8")
WIDTHS = (1366, 768, 390)
PHONE_WIDTH = 390
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def site_pages(site_dir: Path) -> list[str]:
    """Every page the sitemap lists, as paths relative to the site root, plus 404.html."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    paths = [urlsplit(loc.text.strip()).path.lstrip("/") for loc in root.findall("s:url/s:loc", ns)]
    return sorted(set(paths)) + ["404.html"]


def page_type(path: str) -> str:
    """"playbooks/a/samples/x/" -> "playbooks/*/samples/*/": pages built from one template."""
    parts = path.split("/")
    for i in (1, 3):
        if len(parts) > i + 1:
            parts[i] = "*"
    return "/".join(parts)


def screenshot_name(path: str, width: int) -> str:
    return f"{re.sub(r'[^a-z0-9.-]+', '_', path.strip('/')) or 'home'}-{width}.png"


def axe_violations(page, full: bool = True) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""([tags, full]) => axe.run(
        full ? document : document.querySelector('article') || document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
        rules: full ? {} : {'color-contrast': {enabled: false}}})""", [AXE_TAGS, full])
    return [f"axe {v['id']} ({v['impact']}): "
            + "; ".join(str(node["target"][-1]) for node in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in SEVERE]


def settle(page) -> None:
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def audit_page(page, url: str, shots: Path | None, path: str, first_of_type: bool) -> list[str]:
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    if page.locator("pre.mermaid, div.mermaid").count():
        page.locator("div.mermaid svg").first.wait_for()
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        settle(page)
        found = page.evaluate(AUDIT)
        if first_of_type:
            found += axe_violations(page)
        elif width == PHONE_WIDTH:
            found += axe_violations(page, full=False)
        problems += [f"{width}px {p}" for p in found]
        if shots:
            page.screenshot(path=shots / screenshot_name(path, width), full_page=True)
    return problems


def test_the_sitemap_lists_every_page_type(site):
    pages = site_pages(site.site)
    for expected in ("", "404.html", "changes/", "matrix/", "phases/", "impact/", "outputs/",
                     "departments/", "curriculum/basic/", "health/", "contribute/",
                     "purpose/", "data-policy/", "training/prompt-basics/",
                     "playbooks/sales-proposal-email/", "playbooks/sales-proposal-email/workflow/",
                     "playbooks/sales-proposal-email/prompt-sheet/",
                     "playbooks/sales-proposal-email/samples/"):
        assert expected in pages
    assert len(pages) > 100


def test_every_page_at_three_widths(site, browser):
    shots = None
    if folder := os.environ.get("KB_SCREENSHOTS"):
        shots = Path(folder) / "audit"
        shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.set_default_timeout(60_000)  # one slow page on a busy CI machine is not a defect
    page.set_default_navigation_timeout(60_000)
    open_shadow_roots(page)
    problems, types = [], set()
    try:
        for path in site_pages(site.site):
            first_of_type = page_type(path) not in types
            types.add(page_type(path))
            problems += [f"/{path} {p}"
                         for p in audit_page(page, site(path), shots, path, first_of_type)]
    finally:
        context.close()
    assert not problems, f"{len(problems)} layout problems:\n" + "\n".join(problems[:200])
