"""Search results at desktop and phone widths: nothing sticks out sideways.

Every page of the site, at three widths, is audited by test_layout_audit.py.
Screenshots land in $KB_SCREENSHOTS (a folder) when it is set, for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import DESKTOP, PHONE, search

pytestmark = pytest.mark.browser


def shoot(page, name: str) -> None:
    folder = os.environ.get("KB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}.png", full_page=True)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_search_results_fit_the_screen(site, browser, size):
    viewport = DESKTOP if size == "desktop" else PHONE
    context = browser.new_context(viewport=viewport, locale="ja-JP")
    page = context.new_page()
    page.goto(site(""))
    if size == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    assert search(page, "議事録作成")
    try:  # the result list slides in: wait for the layout to settle, up to 5 s on a busy CI
        page.wait_for_function(
            # a function, not an expression: Playwright evals an expression in the page at
            # each poll, and the site's CSP forbids eval
            "() => document.documentElement.scrollWidth <= window.innerWidth", timeout=5000)
    except PlaywrightTimeout:
        pass
    shoot(page, f"search-{size}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"search results are {overflow}px wider than a {size} screen"
