"""Search hit rate of the query set in tests/browser/test_search.py, for the README.

    .venv/bin/mkdocs build --site-dir /tmp/site
    .venv/bin/python -m tests.browser.hit_rate /tmp/site

Types every query into the real search box in Chromium and prints where the expected
playbook lands. For the "before" figure, build once with `on_post_build` removed from
hooks/kb_hooks.py (Material's own TinySegmenter index).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, search, serve
from .test_search import QUERIES, rank


def main(site_dir: str) -> None:
    server = serve(Path(site_dir))
    ranks = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=DESKTOP)
        for query, slug, shape in QUERIES:
            page.goto(server(""))
            results = search(page, query)
            ranks.append(rank(results, slug))
            print(f"{str(ranks[-1]):>4}  {query}  ({shape}) -> {slug}")
        browser.close()
    for k in (1, 3, 5):
        hits = sum(1 for r in ranks if r is not None and r <= k)
        print(f"top-{k}: {hits}/{len(ranks)}")


if __name__ == "__main__":
    main(sys.argv[1])
