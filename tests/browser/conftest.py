"""Browser fixtures: the real site built once, served on 127.0.0.1, read with Chromium.

Debian's Chromium drives the tests (Playwright never downloads a browser). Without
/usr/bin/chromium the browser tests are skipped on a workstation and FAIL in CI.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
TODAY = "2026-11-25"


def _need_browser() -> None:
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is missing: pip install -c requirements.lock -e '.[test]'"
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)


def build(root: Path, site: Path, strict: bool = False) -> Path:
    """`mkdocs build` of the repository at `root` into `site`; fails the test on an error."""
    env = {**os.environ, "PLAYBOOK_KB_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"),
            "--site-dir", str(site), *(["--strict"] if strict else [])]
    result = subprocess.run(args, cwd=root, capture_output=True, text=True, env=env)
    if result.returncode:
        pytest.fail(f"mkdocs build failed in {root}:\n{result.stderr[-3000:]}", pytrace=False)
    return site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@dataclass
class Server:
    url: str  # "http://127.0.0.1:PORT/" with a trailing slash
    site: Path

    def __call__(self, path: str = "") -> str:
        return self.url + path.lstrip("/")


@functools.cache
def _serve(site: Path) -> Server:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{httpd.server_address[1]}/", site)


def serve(site: Path) -> Server:
    """A static HTTP server for `site` on a random local port, for the whole session."""
    return _serve(site)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Server:
    """The REAL repository's site, built once and served."""
    _need_browser()
    return serve(build(REPO, tmp_path_factory.mktemp("real") / "site"))


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Requests:
    """Every URL the page asked for, to prove nothing leaves the intranet."""

    urls: list[str] = field(default_factory=list)

    def external(self, server: Server) -> list[str]:
        local = urlsplit(server.url).netloc
        return [u for u in self.urls
                if urlsplit(u).scheme not in ("data", "blob", "about")
                and urlsplit(u).netloc != local]


@pytest.fixture
def requests_seen() -> Requests:
    return Requests()


@pytest.fixture
def page(browser, requests_seen: Requests) -> Iterator:
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP")
    context.on("request", lambda request: requests_seen.urls.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def open_shadow_roots(page) -> None:
    """Material renders Mermaid into a closed shadow root; open it so tests can look inside."""
    page.add_init_script(
        "const attach = Element.prototype.attachShadow;"
        "Element.prototype.attachShadow = function (init) {"
        "  return attach.call(this, {...init, mode: 'open'}); };")


# The search worker sends a list as soon as its first entries are known, then again as
# more arrive; the last, with `done`, is complete. This records the latest list's query,
# length and `done`, so a test reads the complete list, not whichever came first.
# Plain Material's own worker (the comparison in hit_rate.py) sends one complete list
# and no query: recorded as done, for any query.
WATCH_SEARCH = """(() => {
  const Native = window.Worker
  window.kbSearch = null
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    worker.addEventListener("message", ({ data }) => {
      if (data && data.type === 3 && data.data && Array.isArray(data.data.items))
        window.kbSearch = "query" in data.data
          ? { query: data.data.query, done: !!data.data.done, count: data.data.items.length }
          : { query: null, done: true, count: data.data.items.length }
    })
    return worker
  }
})()"""


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box; the result pages' paths, best first,
    once the worker has sent its complete list and Material has shown it."""
    if not page.evaluate("'kbSearch' in window"):  # watch the worker from its start
        page.add_init_script(WATCH_SEARCH)
        page.reload()
    placeholder = page.evaluate(  # shown once the search worker is ready
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']")
    meta = "document.querySelector('.md-search-result__meta').textContent.trim()"
    page.wait_for_function(f"text => {meta} === text", arg=placeholder)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup, and fill() only sends input events
    page.wait_for_function(
        "([query, text]) => { const s = window.kbSearch; return s && (s.query === query ||"
        " s.query === null) &&"
        f" s.done && {meta} !== text && document.querySelectorAll("
        "'li.md-search-result__item').length === Math.min(s.count, 10) }",  # Material shows 10
        arg=[query, placeholder])
    return page.eval_on_selector_all(  # e.g. "/playbooks/meeting-minutes/"
        "li.md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.pathname)")
