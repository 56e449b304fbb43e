"""A prompt sheet and a workflow print cleanly on A4: no site chrome, code wrapped.

PNGs of the printed pages land in $KB_SCREENSHOTS when it is set (needs pdftoppm).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import open_shadow_roots
from .test_offline import mermaid_workflow

pytestmark = pytest.mark.browser

A4_WIDTH_PX = 794  # 210 mm at 96 dpi

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", ".kb-parts", "details.kb-fill", ".md-clipboard"]


def printed(page, site, path: str, name: str, tmp_path: Path) -> bytes:
    open_shadow_roots(page)
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    page.goto(site(path))
    page.wait_for_load_state("networkidle")
    if page.locator("pre.mermaid, div.mermaid").count():
        page.locator("div.mermaid svg").first.wait_for()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    folder = os.environ.get("KB_SCREENSHOTS")
    if folder and shutil.which("pdftoppm"):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        Path(folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", tmp_path / f"{name}.pdf",
                        Path(folder) / f"print-{name}"], check=True)
    return pdf


def assert_clean(page) -> None:
    for selector in HIDDEN_IN_PRINT:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    wide = page.evaluate("""() => [...document.querySelectorAll('.md-typeset pre')]
        .filter(pre => pre.scrollWidth > pre.clientWidth + 1).map(pre => pre.textContent.slice(0, 40))""")
    assert wide == [], f"code blocks cut off on paper: {wide}"
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH_PX


def test_prompt_sheet_prints_on_a4(site, page, tmp_path):
    path = mermaid_workflow(site.site).replace("workflow/", "prompt-sheet/")
    pdf = printed(page, site, path, "prompt-sheet", tmp_path)
    assert pdf.startswith(b"%PDF")
    assert_clean(page)
    assert page.locator("div.highlight").first.is_visible()


def test_workflow_prints_on_a4_with_its_diagram(site, page, tmp_path):
    pdf = printed(page, site, mermaid_workflow(site.site), "workflow", tmp_path)
    assert pdf.startswith(b"%PDF")
    assert_clean(page)
    diagram = page.locator("div.mermaid").first
    assert diagram.is_visible() and diagram.bounding_box()["width"] <= A4_WIDTH_PX


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF as Chromium writes it: one /Type /Page object per page."""
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def test_impact_page_prints_as_one_page_monthly_summary(site, page, tmp_path):
    pdf = printed(page, site, "impact/", "impact", tmp_path)
    assert_clean(page)
    assert pdf_pages(pdf) == 1
    for kept in ("#progress", "#trend", "#by-department"):
        assert page.locator(kept).is_visible(), kept
    for hidden in ("#by-playbook", "#not-measured", "#history", "figure.kb-chart-figure"):
        assert not page.locator(hidden).first.is_visible(), hidden
