"""Issue 11: a playbook pull request never runs script, covers the page or calls out.

The adversarial playbooks are tests/security/vectors.py; this module opens them in
Chromium (it lives here to share the suite's one browser).

Every page of the adversarial site (tests/security/vectors.py) is opened in Chromium;
titled elements are hovered (Material's tooltips use innerHTML), diagrams are drawn, and
the search box is used. Fails on any dialog, any request to another host, any element of
the page content with fixed or absolute position, and any content id or name that is
not prefixed or that the theme uses.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import make_repo
from tests.security.vectors import write_adversarial

from .conftest import build, open_shadow_roots, search, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory: pytest.TempPathFactory):
    """One playbook per attack class, built (not strict: its findings are the point)."""
    root = make_repo(tmp_path_factory.mktemp("adversarial"))
    write_adversarial(root)
    config = root / "mkdocs.yml"  # most catalog entries are built by catalog.js, from JSON
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  playbook_kb:\n", "  playbook_kb:\n    list_limit: 3\n", 1), encoding="utf-8")
    return serve(build(root, root / "site"))


def outside_requests(page, server, requests_seen) -> Callable[[], list[str]]:
    """Requests to another host that were not blocked by the page's CSP."""
    blocked: list[str] = []
    page.on("requestfailed", lambda r: blocked.append(r.url) if "csp" in (r.failure or "")
            else None)
    return lambda: [u for u in requests_seen.external(server) if u not in blocked]

# Positioned on purpose by the engine or the theme, never by a contributor: screen-reader
# labels, the edit button, the hidden radio/checkbox inputs of tabs and task lists.
POSITIONED_OK = (".kb-sr", ".md-content__button", ".tabbed-set > input",
                 ".task-list-control > input", ".task-list-indicator", ".md-code__nav")
# Ids the page's own scripts add after loading: Material's copy buttons, the prompt form.
RUNTIME_IDS = r"^(__code_\d+|kb-fill-[\w-]+)$"

INSPECT = """([ok, runtime, generated]) => {
  const article = document.querySelector("article.md-content__inner");
  const outside = new Set([...document.querySelectorAll("[id]")]
    .filter(e => !article.contains(e)).map(e => e.id));
  const positioned = [], ids = [], names = [];
  for (const el of article.querySelectorAll("*")) {
    const position = getComputedStyle(el).position;
    if ((position === "fixed" || position === "absolute") && !ok.some(s => el.matches(s)))
      positioned.push(el.outerHTML.slice(0, 120));
    if (el.id && (outside.has(el.id) || !(el.id.startsWith("user-content-")
                  || new RegExp(runtime).test(el.id) || generated)))
      ids.push(el.id);
    const name = el.getAttribute("name");
    if (name && !name.startsWith("user-content-")) names.push(name);
  }
  return {positioned, ids, names,
          configs: document.querySelectorAll("#__config").length,
          config: JSON.parse(document.getElementById("__config").textContent).base};
}"""


# Engine pages that list contributor titles (the catalog /playbooks/ has its own form ids)
GENERATED = ["", "playbooks/", "departments/sales/", "outputs/email/", "curriculum/basic/",
             "phases/", "impact/", "health/", "changes/", "matrix/"]


def pages(server) -> list[str]:
    playbooks = server.site / "playbooks"
    found = [p.parent.relative_to(server.site).as_posix() + "/"
             for p in sorted(playbooks.rglob("index.html")) if p.parent != playbooks]
    return found + [p for p in GENERATED if (server.site / p / "index.html").is_file()]


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    return dialogs


def test_no_page_runs_script_calls_out_or_covers_the_page(adversarial, page, requests_seen):
    page.set_default_timeout(60_000)  # a busy CI machine
    dialogs = watch_dialogs(page)
    external = outside_requests(page, adversarial, requests_seen)
    open_shadow_roots(page)
    problems = []
    visited = pages(adversarial)
    assert len([p for p in visited if p.startswith("playbooks/")]) >= 40
    for path in visited:
        page.goto(adversarial(path), wait_until="load")
        if page.locator("div.mermaid").count():
            page.locator("div.mermaid svg").first.wait_for()
        for titled in page.locator("article [title]").all()[:20]:
            for event in ("mouseenter", "mouseover", "focus"):  # what tooltips listen to
                titled.dispatch_event(event)
        if path.startswith("playbooks/") and path != "playbooks/":  # a playbook's own pages
            gallery = path.endswith("/samples/")  # generated by the engine, no contributor HTML
            seen = page.evaluate(INSPECT, [list(POSITIONED_OK), RUNTIME_IDS, gallery])
            if seen["positioned"] or seen["ids"] or seen["names"] or seen["configs"] != 1:
                problems.append((path, seen))
            assert "evil" not in seen["config"], (path, seen["config"])
    page.wait_for_load_state("networkidle")

    assert dialogs == []
    assert external() == []  # a Mermaid label's <img src=https://...> is stopped by the CSP
    assert problems == []


def test_searching_the_hostile_text_runs_nothing(adversarial, page, requests_seen):
    page.set_default_timeout(60_000)  # the search worker is slow on a busy CI machine
    dialogs = watch_dialogs(page)
    external = outside_requests(page, adversarial, requests_seen)
    for query in ("ログイン", "ダイアログ"):
        page.goto(adversarial(""))  # search() starts from a page that has not searched
        assert search(page, query)
    assert dialogs == []
    assert external() == []


def test_the_clobbering_page_still_loads_mermaid_from_the_site(adversarial, page,
                                                               requests_seen):
    page.set_default_timeout(60_000)
    open_shadow_roots(page)
    page.goto(adversarial("playbooks/clobbering/workflow/"))
    page.locator("div.mermaid svg").first.wait_for()
    assert any(u.endswith("/vendor/mermaid/mermaid.min.js") for u in requests_seen.urls)
    assert requests_seen.external(adversarial) == []  # not even one blocked by the CSP


def test_an_old_anchor_finds_the_prefixed_heading(adversarial, page):
    page.set_default_timeout(60_000)
    page.goto(adversarial("playbooks/clobbering/workflow/#末尾の見出し"))
    page.wait_for_load_state("networkidle")
    top = page.evaluate("document.getElementById('user-content-末尾の見出し')"
                        ".getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 0 and 0 <= top < 768  # scrolled into view


def test_unsafe_file_names_are_never_published(adversarial):
    samples = adversarial.site / "playbooks" / "file-names" / "samples"
    names = sorted(p.name for p in samples.iterdir())
    assert not [n for n in names if set(n) & set("\"'<>#?\u202e")], names
    assert "REPORT.MD" not in names and "evil.svg" not in names and "evil.html" not in names
    assert len([n for n in names if n.lower() == "mail"]) == 1  # one of the colliding pair
