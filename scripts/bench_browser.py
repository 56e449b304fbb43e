"""Browser half of scripts/bench.py: search and /playbooks/ on a phone with a slow CPU.

Both sites are served on 127.0.0.1 by one counting server each; Chromium (Debian's,
/usr/bin/chromium) opens them at 390x844 with the CPU throttled 4x through CDP.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PHONE = {"width": 390, "height": 844}
THROTTLE = 4
READY = ("() => { const m = document.querySelector('.md-search-result__meta');"
         " return m && m.textContent.trim() === JSON.parse(document.getElementById('__config')"
         ".textContent).translations['search.result.placeholder'] }")


class Counting(SimpleHTTPRequestHandler):
    sent = 0  # replaced per server by a subclass attribute

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        type(self).sent += len(data)
        outputfile.write(data)


def serve(site: Path) -> tuple[str, type[Counting], ThreadingHTTPServer]:
    handler = type("Handler", (Counting,), {"sent": 0})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", handler, httpd


def phone_page(browser):
    context = browser.new_context(viewport=PHONE, locale="ja-JP", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.set_default_timeout(600_000)  # plain Material indexes 2,000 playbooks for minutes
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    return context, page


# The page's own clock: when the first result entered the document, and when the query
# did. Playwright notices both later: under a 4x CPU throttle each of its steps (fill,
# press) waits for the busy renderer, up to half a second after the results showed.
STAMPS = """
new MutationObserver((changes, observer) => {
  if (document.querySelector("li.md-search-result__item")) {
    window.kbFirstResult = performance.now(); observer.disconnect() }
}).observe(document, { subtree: true, childList: true });
for (const type of ["input", "keyup"])  // whichever Material answers first
  document.addEventListener(type, () => { window.kbTyped ??= performance.now() }, true);
"""


# The query typed by the page itself, as soon as the search box is ready: what "first
# results after page load" means without Playwright's own steps (0.3-0.45 s of them
# under the throttle before its first keystroke arrives).
TYPE_AT_LOAD = """async query => {
  const ready = """ + READY + """
  while (!ready()) await new Promise(resolve => setTimeout(resolve, 10))
  const box = document.querySelector("input.md-search__input")
  box.focus()
  box.value = query
  box.dispatchEvent(new Event("input", { bubbles: true }))
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }))
}"""


def first_results(browser, url: str, counter: type[Counting], query: str,
                  by_page: bool = False) -> tuple[float, float, int]:
    """(load event -> first result shown, query typed -> first result shown, bytes sent
    until then). The query is typed as soon as the search box says it is ready, by
    Playwright, or `by_page` by a script in the page (no Playwright step before it)."""
    context, page = phone_page(browser)
    page.add_init_script(STAMPS)
    counter.sent = 0
    page.goto(url, wait_until="load")
    if by_page:
        page.evaluate(TYPE_AT_LOAD, query)
    else:
        page.wait_for_function(READY, polling=20)
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")  # Material searches on keyup
    page.locator("li.md-search-result__item").first.wait_for()
    sent = counter.sent
    loaded, typed, shown = page.evaluate(
        "[performance.getEntriesByType('navigation')[0].loadEventStart, window.kbTyped,"
        " window.kbFirstResult]")
    context.close()
    return (shown - loaded) / 1000, (shown - typed) / 1000, sent


def catalog(browser, url: str, counter: type[Counting]) -> tuple[float, int]:
    context, page = phone_page(browser)
    counter.sent = 0
    start = time.perf_counter()
    page.goto(url + "playbooks/?phase=pilot", wait_until="commit")
    page.wait_for_function("() => { const f = document.getElementById('kb-catalog-form');"
                           " return f && !f.hidden && /\\d+.*\\d+/.test("
                           "document.getElementById('kb-catalog-status').textContent) }",
                           polling=20)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    sent = counter.sent
    context.close()
    return seconds, sent


def browser_figures(site: Path, plain: Path, query: str) -> dict[str, tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    ours, ours_count, ours_server = serve(site)
    base, base_count, base_server = serve(plain)
    figures: dict[str, tuple[str, str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        a = first_results(browser, ours, ours_count, query)
        b = first_results(browser, base, base_count, query)
        figures[f"search「{query}」: load → first results (s)"] = (f"{a[0]:.2f}", f"{b[0]:.2f}")
        figures["search: query typed → first results (s)"] = (f"{a[1]:.2f}", f"{b[1]:.2f}")
        c = first_results(browser, ours, ours_count, query, by_page=True)
        d = first_results(browser, base, base_count, query, by_page=True)
        figures[f"search「{query}」typed by the page at load: load → first results (s)"] = (
            f"{c[0]:.2f}", f"{d[0]:.2f}")
        figures["search: downloaded until first results (MB)"] = (mb(a[2]), mb(b[2]))
        e = catalog(browser, ours, ours_count)
        figures["/playbooks/?phase=pilot: navigation → filters applied (s)"] = (f"{e[0]:.2f}", "—")
        figures["/playbooks/: page and what it loads (MB)"] = (mb(e[1]), "—")
        browser.close()
    ours_server.shutdown()
    base_server.shutdown()
    return figures


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f}"
