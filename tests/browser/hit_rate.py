"""Search hit rate on the evaluation set in tests/search/, for the README.

    .venv/bin/python -m tests.browser.hit_rate            # tuning half, Pagefind and plain
    .venv/bin/python -m tests.browser.hit_rate --held-out # both halves: run once, at the end

Builds the evaluation site (the repository's 18 playbooks plus the 14 of
tests/search/playbooks/, which the repository does not have) twice in one run: with this
site's search (Pagefind) and with plain Material (`japanese_search: false`: Material's
`lang: ja` index, no hooks on search). Every query is typed into the real search box in
Chromium; a hit is the expected playbook among the first five entries.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, REPO, build, search, serve

SEARCH = REPO / "tests" / "search"
TOP = 5


@dataclass(frozen=True)
class Query:
    text: str
    slug: str
    shape: str
    held_out: bool


def queries() -> list[Query]:
    """Rows of queries.tsv; odd rows (1st, 3rd, ...) tune, even rows are held out."""
    rows = [line.split("\t") for line in
            (SEARCH / "queries.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [Query(text, slug, shape, held_out=bool(n % 2))
            for n, (text, slug, shape) in enumerate(rows)]


def tuning() -> list[Query]:
    return [q for q in queries() if not q.held_out]


def held_out() -> list[Query]:
    return [q for q in queries() if q.held_out]


def evaluation_repo(dest: Path, plain: bool = False) -> Path:
    """The real site's config, hooks and docs, its playbooks and the evaluation ones."""
    root = dest / "repo"
    root.mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if plain:
        config = config.replace("  playbook_kb:\n", "  playbook_kb:\n    japanese_search: false\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("hooks", "docs", "playbooks"):
        shutil.copytree(REPO / name, root / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(SEARCH / "playbooks", root / "playbooks", dirs_exist_ok=True)
    return root


def rank(results: list[str], slug: str) -> int | None:
    for position, path in enumerate(results, 1):
        if f"/playbooks/{slug}/" in path:
            return position
    return None


def playbook_of(path: str) -> str:
    parts = path.strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] == "playbooks" else path


@dataclass
class Outcome:
    query: Query
    results: list[str]

    @property
    def rank(self) -> int | None:
        return rank(self.results, self.query.slug)

    @property
    def crowded(self) -> bool:
        """More than two of the first five entries from one playbook."""
        top = [playbook_of(p) for p in self.results[:TOP]]
        return any(top.count(p) > 2 for p in set(top))


def run(page, server, items: list[Query]) -> list[Outcome]:
    """Every query typed into one page's search box (emptied between queries, which brings
    back Material's placeholder that `search` waits for)."""
    outcomes = []
    page.goto(server(""))
    box = page.locator("input.md-search__input")
    for query in items:
        box.fill("")
        box.press("End")
        outcomes.append(Outcome(query, search(page, query.text)))
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    hits = {k: sum(1 for o in outcomes if o.rank is not None and o.rank <= k) for k in (1, 3, 5)}
    zero = sum(1 for o in outcomes if not o.results)
    crowded = sum(1 for o in outcomes if o.crowded)
    return (f"top-1 {hits[1]}/{n}  top-3 {hits[3]}/{n}  top-5 {hits[5]}/{n} "
            f"({100 * hits[5] / n:.1f} %)  no result {zero}/{n}  >2 from one playbook {crowded}/{n}")


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    halves = [("tuning", tuning())] + ([("held-out", held_out())] if "--held-out" in argv else [])
    verbose = "-v" in argv
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=DESKTOP)
        for label, plain in (("this site (Pagefind)", False), ("plain Material", True)):
            site = build(evaluation_repo(Path(tmp) / label[:4], plain), Path(tmp) / label[:4] / "site")
            server = serve(site)
            for half, items in halves:
                outcomes = run(page, server, items)
                print(f"{label:22} {half:9} {summary(outcomes)}", flush=True)
                if verbose:
                    for o in outcomes:
                        print(f"   {str(o.rank):>4}  {o.query.text}  ({o.query.shape}) -> "
                              f"{o.query.slug}  {[playbook_of(p) for p in o.results[:5]]}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
