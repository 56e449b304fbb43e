"""How the build scales: a generated repository of N playbooks, timed against plain Material.

    .venv/bin/python scripts/bench.py [--playbooks 1000] [--template sales-proposal-email]
        [--only all|builds|check|preview|serve] [--browser] [--profile] [--keep]
        [--patterns]

Generates a repository in a temporary folder from this repository's taxonomy, site
configuration, docs/ and its playbooks (copied N times, cycling through the departments
and output types), commits it to git (so "last updated" is real work), adds the
adversarial playbooks of tests/security/vectors.py (raw HTML the sanitizer has to render
and report), then measures (`--only` picks one group):

builds   `mkdocs build` of the full site (hooks, checks, generated pages) and two plain
         Material baselines without hooks, in the same run: the playbook pages alone (the
         hand-written pages and what contributors wrote) and the same Markdown (that plus
         every page the engine generates, exported as files). Wall and CPU seconds, peak
         memory, site size, the ratios, the largest pages and how many exceed 300 KB; then
         the engine's load+check and page generation in-process;
check    `playbook-kb check` (what a champion runs before a pull request) with
         `--no-cache`, then the run that fills its cache (load/cache.py, here in a private
         XDG_CACHE_HOME) and two that find it, then of the adversarial playbook alone,
         then every pattern over contributor text on a 1 MB pathological line
         (`--patterns` runs only that table);
preview  `playbook-kb serve SLUG` as a champion runs it, twice (an empty cache, then the
         one the first left): until the playbook's page answers over HTTP, then from
         saving workflow.md until the served page shows the edit; and the floor, `mkdocs
         serve` of a one-page Material site;
serve    `mkdocs serve` of the whole site: ready, then rebuilt after saving a hand-written
         page and after saving a playbook.
history  (only when asked) a year of history instead: the first commit a year ago, then one
         commit a month raising `runs_per_month` in a quarter of the playbooks; times, in
         this process, what the build reads for the trends on /impact/ (the one `git log
         --raw`, the one `git cat-file --batch`) and the month-end snapshots.

Adversarial files are added as one more playbook (`pb-adversarial`): 150 KB lines
built against each pattern, a zip bomb, an Office file with thousands of runs, a PDF, a
CSV.

`--profile` instead runs the full build in-process under cProfile and prints the top
entries by cumulative and by own time. Whole processes are timed, Python start-up
included; one run each: the figures are for the README, not a test. Compare the ratios
(both baselines run in the same minute), not seconds across runs.

With `--browser` it then serves the full site and plain Material (same Markdown) on
127.0.0.1 and measures, in Debian's Chromium at phone size (390x844) with the CPU
throttled 4x (CDP `Emulation.setCPUThrottlingRate`):

- search: from the home page's `load` event to the first results of a query typed as
  soon as the search box is ready, and the bytes the server sent until then;
- the catalog page /playbooks/: bytes of the page and everything it loads, and the time
  from navigation to interactive (filters shown and applied by catalog.js).

Bytes are counted by the test server as it sends files (uncompressed: an intranet server
with gzip sends less).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com"}
PLAIN_CONFIG = """\
INHERIT: mkdocs.yml
docs_dir: plain-docs
site_dir: plain-site
hooks: []
plugins:
  - search:
      lang: ja
  - tags
extra_css: []
extra_javascript: []
watch: []
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--playbooks", type=int, default=1000)
    parser.add_argument("--template", default="",
                        help="folder under playbooks/ to copy (default: every playbook in turn)")
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    parser.add_argument("--only", choices=["all", "builds", "check", "preview", "serve",
                                           "history"],
                        default="all",
                        help="`builds`: the three site builds and page generation; `check`: "
                             "`playbook-kb check` alone; `preview`: `playbook-kb serve` ready "
                             "and rebuilt after a save; `serve`: `mkdocs serve` rebuilds")
    parser.add_argument("--browser", action="store_true",
                        help="also time search and /playbooks/ in throttled Chromium")
    parser.add_argument("--profile", action="store_true",
                        help="profile the full build in-process and print the top entries")
    parser.add_argument("--query", default="議事録", help="the query typed in --browser")
    parser.add_argument("--patterns", action="store_true",
                        help="time only each pattern on a 1 MB pathological line")
    args = parser.parse_args(argv)
    if args.patterns:
        print(patterns_table())
        return 0
    work = Path(tempfile.mkdtemp(prefix="playbook-kb-bench-"))
    # a champion's machine: Python keeps compiled modules (this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which made every run compile the engine: 0.1 s of `check`),
    for name in ("CI", "GITHUB_ACTIONS", "PLAYBOOK_KB_CACHE", "PYTHONDONTWRITEBYTECODE"):
        ENV.pop(name, None)  # and `check` and `serve` keep their cache (load/cache.py) ...
    ENV["XDG_CACHE_HOME"] = str(work / "cache")  # ... here, empty at the start
    try:
        templates = ([REPO / "playbooks" / args.template] if args.template else
                     sorted(p.parent for p in (REPO / "playbooks").glob("*/index.md")))
        root = make_repo(work / "repo", args.playbooks, templates)
        if args.profile:
            profile_build(root)
            return 0
        runs: dict[str, Run] = {}
        if args.only in ("all", "builds"):
            runs |= measure_builds(root)
        if args.only in ("all", "check"):
            runs |= measure_check(root)
            patterns = patterns_table()
        if args.only in ("all", "preview"):
            runs |= measure_serve(root, first_slug(root))
        if args.only in ("all", "serve"):
            runs |= measure_full_serve(root, first_slug(root))
        if args.only == "history":
            runs |= measure_history(root)
        if args.browser:
            from bench_browser import browser_figures  # scripts/bench_browser.py

            if not (root / "site").is_dir():
                runs |= measure_builds(root)
            browser = browser_figures(root / "site", root / "plain-site", args.query)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{args.playbooks} playbooks ({os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}, load average before: {LOAD_BEFORE}):\n")
    print(report(runs))
    if args.only in ("all", "check"):
        print(patterns)
    if args.browser:
        print("\n| phone, CPU 4x slower | this site | plain Material |\n|---|---:|---:|")
        for name, (ours, plain) in browser.items():
            print(f"| {name} | {ours} | {plain} |")
    if args.keep:
        print(f"\nrepository kept in {root}")
    return 0


LOAD_BEFORE = " ".join(f"{n:.1f}" for n in os.getloadavg())
FULL, PLAIN_PLAYBOOKS, PLAIN_SAME = ("`mkdocs build`, full site with the hooks",
                                     "plain Material, the playbook pages alone",
                                     "plain Material, the same Markdown (no hooks)")


@dataclass
class Run:
    """One measured step: wall seconds, and for builds peak memory and what was written."""
    seconds: float
    cpu: float = 0.0
    peak_mb: float = 0.0
    site_mb: float = 0.0
    pages: tuple[tuple[int, str], ...] = ()  # (bytes, path) of every HTML page, largest first

    def measure_site(self, site: Path) -> Run:
        self.site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
        self.pages = tuple(sorted(((p.stat().st_size, p.relative_to(site).as_posix())
                                   for p in site.rglob("*.html")), reverse=True))
        return self


def report(runs: dict[str, Run]) -> str:
    """The table for the README: seconds, CPU, peak memory, and ratios to both baselines."""
    lines = ["| run | wall s | CPU s | peak MB | site MB | ratio |",
             "|---|---:|---:|---:|---:|---|"]
    for name, run in runs.items():
        site = f"{run.site_mb:.0f}" if run.site_mb else ""
        peak = f"{run.peak_mb:.0f}" if run.peak_mb else ""
        lines.append(f"| {name} | {run.seconds:.1f} | {run.cpu:.1f} | {peak} | {site} | "
                     f"{ratios(name, run, runs)} |")
    if FULL in runs and runs[FULL].pages:
        pages = runs[FULL].pages
        lines.append("\nlargest pages of the full site: " + ", ".join(
            f"{page} {size / 1000:.0f} KB" for size, page in pages[:5]))
        lines.append(f"pages over 300 KB: {sum(size > 300_000 for size, _ in pages)} "
                     f"of {len(pages)}")
    return "\n".join(lines)


def ratios(name: str, run: Run, runs: dict[str, Run]) -> str:
    if name != FULL:
        return ""
    parts = []
    for base, label in ((PLAIN_PLAYBOOKS, "playbook pages"), (PLAIN_SAME, "same Markdown")):
        if base in runs:
            other = runs[base]
            parts.append(f"{run.cpu / other.cpu:.2f}x CPU, {run.seconds / other.seconds:.2f}x "
                         f"wall, {run.peak_mb / other.peak_mb:.2f}x memory, "
                         f"{run.site_mb / other.site_mb:.2f}x size vs {label}")
    return "; ".join(parts)


def make_repo(root: Path, count: int, templates: list[Path]) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "playbooks").mkdir()
    for data in (REPO / "playbooks").glob("*.yml"):  # taxonomy, tools, targets, tiers
        shutil.copy(data, root / "playbooks" / data.name)
    taxonomy = yaml.safe_load((root / "playbooks" / "taxonomy.yml").read_text(encoding="utf-8"))
    for department in taxonomy["departments"]:  # a company big enough for N playbooks' users
        if "headcount" in department:
            department["headcount"] *= 100
    (root / "playbooks" / "taxonomy.yml").write_text(
        yaml.safe_dump(taxonomy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    departments = [d["key"] for d in taxonomy["departments"]]
    outputs = [o["key"] for o in taxonomy["outputs"]]
    samples = sorted(p.parent for p in (REPO / "playbooks").glob("*/index.md"))
    for folder in (p for p in (REPO / "playbooks").iterdir() if p.is_dir()):
        shutil.copytree(folder, root / "playbooks" / folder.name)  # the real ones, metrics/
    for number in range(1, count - len(samples) + 1):
        template = templates[number % len(templates)]
        front, body = split(template / "index.md")
        slug = f"pb-{number:04d}"
        target = root / "playbooks" / slug
        shutil.copytree(template, target)
        meta = {k: v for k, v in front.items() if k not in ("aliases", "prerequisites")}
        meta.update(title=f"{front.get('title', slug)} #{number}",
                    department=departments[number % len(departments)],
                    output=outputs[number % len(outputs)], adopted_by=[])
        if isinstance(meta.get("metrics"), dict):  # adopters must be in adopted_by
            meta["metrics"] = {k: v for k, v in meta["metrics"].items() if k != "adopters"}
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
        (target / "index.md").write_text(text + body, encoding="utf-8")
    sys.path.insert(0, str(REPO))
    from tests.security.vectors import write_adversarial

    write_adversarial(root, taxonomy=False)  # reported, never published: the sanitizer's slow path
    add_adversarial(root / "playbooks" / "pb-adversarial", samples[0])
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "bench")
    return root


def split(index: Path) -> tuple[dict, str]:
    text = index.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def first_slug(root: Path) -> str:
    return sorted(p.name for p in (root / "playbooks").iterdir() if p.name.startswith("pb-"))[0]


def measure_builds(root: Path) -> dict[str, Run]:
    """The full build against plain Material twice (playbook pages alone; the same
    Markdown), alternated so a change in the machine's load hits all three, plus the
    engine's page generation in-process."""
    export_markdown(root, root / "plain-docs")
    export_playbook_pages(root, root / "playbook-docs")
    (root / "plain.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (root / "playbooks.yml").write_text(
        PLAIN_CONFIG.replace("plain-docs", "playbook-docs").replace("plain-site",
                                                                    "playbook-site"),
        encoding="utf-8")
    mkdocs = [str(BIN / "mkdocs"), "build", "--quiet"]
    commands = {FULL: ([*mkdocs], "site"), PLAIN_PLAYBOOKS: ([*mkdocs, "-f", "playbooks.yml"],
                                                            "playbook-site"),
                PLAIN_SAME: ([*mkdocs, "-f", "plain.yml"], "plain-site")}
    runs = {}
    for name, (command, site) in commands.items():
        runs[name] = timed(root, command).measure_site(root / site)
    runs[PAGEFIND] = measure_pagefind(root / "site")
    runs |= measure_generation(root)
    return runs


PAGEFIND = "of which Pagefind indexing the full site (its own process)"


def measure_pagefind(site: Path) -> Run:
    """Pagefind alone, run again as the build runs it (on the index documents of the
    built pages): its share of the full build's time, and its memory (the full build's
    peak is the larger of the MkDocs process and this one)."""
    from playbook_kb.build.findability import pagefind_command, write_index_documents

    with tempfile.TemporaryDirectory() as cwd:
        pages = Path(cwd) / "pages"
        write_index_documents(site, pages)
        return timed(Path(cwd), pagefind_command(pages, Path(cwd) / "pagefind-bench"))


def measure_generation(root: Path) -> dict[str, Run]:
    """What the engine adds before MkDocs renders anything: load + check, then the
    generated pages (the issue's "page generation ≤ 1 s at 2,000")."""
    from playbook_kb import check
    from playbook_kb.build.pages import build_site

    start, cpu = time.perf_counter(), time.process_time()
    catalog, findings = check(root)
    checked, checked_cpu = time.perf_counter(), time.process_time()
    build_site(catalog, findings)
    return {"engine: load and check (in-process)": Run(checked - start, checked_cpu - cpu),
            "engine: page generation (in-process)": Run(time.perf_counter() - checked,
                                                        time.process_time() - checked_cpu)}


def measure_history(root: Path, months: int = 12) -> dict[str, Run]:
    """A year of monthly commits, then the trend read as `build_site` reads it."""
    from playbook_kb import check
    from playbook_kb.derive.trend import first_month, git_trend
    from playbook_kb.load.gitinfo import read_history

    def dated(months_ago: int) -> dict[str, str]:
        when = time.localtime(time.time() - months_ago * 30.4 * 86400)
        date = time.strftime("%Y-%m-15T10:00:00+09:00", when)
        return {**ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}

    subprocess.run(["git", "commit", "-q", "--amend", "--no-edit", "--reset-author"],
                   cwd=root, env=dated(months), check=True)  # the first commit, a year ago
    indexes = sorted((root / "playbooks").glob("pb-*/index.md"))
    for month in range(1, months):
        for index in indexes[month % 4::4]:
            text = index.read_text(encoding="utf-8")
            index.write_text(re.sub(r"runs_per_month: (\d+)",
                                    lambda m: f"runs_per_month: {int(m[1]) + 1}", text,
                                    count=1), encoding="utf-8")
        subprocess.run(["git", "commit", "-qam", f"month {month}"], cwd=root,
                       env=dated(months - month), check=True)
    catalog, _ = check(root)
    start, cpu = time.perf_counter(), time.process_time()
    history = read_history(root, trend_from=first_month(catalog.settings.today))
    read, read_cpu = time.perf_counter(), time.process_time()
    trend = git_trend(catalog, history)
    print(f"{len(history.changes)} overview changes, {len(history.versions)} versions read "
          f"from git, {len(trend.months)} months, status {trend.status}", file=sys.stderr)
    return {"history: `git log --raw` + `git cat-file --batch` (in-process)":
            Run(read - start, read_cpu - cpu),
            "history: month-end snapshots (in-process)":
            Run(time.perf_counter() - read, time.process_time() - read_cpu)}


def measure_check(root: Path) -> dict[str, Run]:
    """Without the cache (every file read), the run that fills it, and two runs that
    find it (what a champion sees when checking again: unchanged folders are not read)."""
    check = [str(BIN / "playbook-kb"), "check"]
    runs = {"`playbook-kb check --no-cache` (every file read)":
            timed(root, [*check, "--no-cache"], ok=(0, 1))}
    runs["`playbook-kb check`, first run (fills the cache)"] = timed(root, check, ok=(0, 1))
    for n in (1, 2):
        runs[f"`playbook-kb check` again, run {n} (cache)"] = timed(root, check, ok=(0, 1))
    runs["`playbook-kb check --no-cache` of the adversarial playbook alone"] = timed(
        root, [*check, "--no-cache"], {"PLAYBOOK_KB_PREVIEW": "pb-adversarial"}, ok=(1,))
    return runs


LINE = 150_000  # the size of the line that took 1 min 56 s before the patterns were fixed
PATHOLOGICAL = {  # file -> one line built against a pattern that could backtrack
    "attr-list.md": "{" + "a" * LINE + "}",  # attribute names restarting inside a word
    "brackets.md": "[" * LINE + "](x)",  # link text reread from every `[`
    "link-titles.md": '[a](x "' * (LINE // 7),  # titles reread to the end of the text
    "backticks.md": "a" + "`" * (LINE // 2) + "a" * (LINE // 2),  # code spans never closed
    "comments.md": "<!--" * (LINE // 4),  # comments never closed
    "entities.md": "&#48;9" * (LINE // 6),  # entities the scan decodes
    "numbers.md": "0 9-0.1(2)3" * (LINE // 11),  # one long run of digits and separators
    "phones.md": "090-1234-5678 " * (LINE // 14),  # a value in every 14 characters
    "keys.md": "key=" * (LINE // 4) + "sk-" * (LINE // 3),  # assignments, key prefixes
    "wide.md": "０－" * (LINE // 2),  # full-width digits folded
    "invisible.md": "0\u200b" * (LINE // 2),  # zero-width characters inside a number
}


def add_adversarial(target: Path, template: Path) -> None:
    """One more playbook: a complete copy of `template` plus files built to be expensive."""
    import io
    import zipfile

    from tests.security.documents import pdf

    shutil.copytree(template, target)
    samples = target / "samples"
    for name, line in PATHOLOGICAL.items():
        (samples / name).write_text(f"# {name}\n\n{line}\n", encoding="utf-8")
    with zipfile.ZipFile(samples / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(b"\0" * (1024 * 1024))
    runs = "".join(f"<w:r><w:t>{n % 10}</w:t></w:r>" for n in range(20_000))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document><w:body><w:p>{runs}</w:p>"
                         "</w:body></w:document>")
        archive.writestr("docProps/core.xml", "<cp:coreProperties><dc:creator>x"
                         "</dc:creator></cp:coreProperties>")
    (samples / "runs.docx").write_bytes(buffer.getvalue())
    (samples / "table.csv").write_text("a,b\n" + "1,2\n" * 20_000, encoding="utf-8")
    (samples / "doc.pdf").write_bytes(pdf(*["0 9 0 - 1 2 3 4 - 5 6 7 8 . . ."] * 50))


def measure_patterns() -> dict[str, tuple[float, float]]:
    """Each pattern over contributor text, on a 1 MB line built to make it backtrack."""
    from playbook_kb.build.findability import concept_tokens
    from playbook_kb.build.pages.gallery import _markdown
    from playbook_kb.check.detectors import find
    from playbook_kb.check.markup import markup_removals
    from playbook_kb.check.normalize import for_scan
    from playbook_kb.check.parts import content_chars
    from playbook_kb.load.doctext import xml_text
    from playbook_kb.load.paragraphs import long_paragraph
    from playbook_kb.load.textio import find_links, mask_code
    from playbook_kb.load.training import _first_heading

    mb = 1_000_000
    cases = {
        "inline code (`mask_code`)": (mask_code, "a" + "`" * (mb // 2) + "a" * (mb // 2)),
        "links: `[` (`find_links`)": (find_links, "[" * mb + "](x)"),
        "links: titles (`find_links`)": (find_links, '[a](x "' * (mb // 7)),
        "attribute lists (`markup_removals`)":
            (lambda t: list(markup_removals(t)), "{" + "a" * mb + "}"),
        "comments (`content_chars`)": (lambda t: content_chars(t, 30), "<!--" * (mb // 4)),
        "gallery excerpt": (_markdown, "[" * mb),
        "paragraph length (`long_paragraph`)": (long_paragraph, "a\n```\n" * (mb // 6)),
        "search concept tokens (`concept_tokens`)": (concept_tokens, "excel" * (mb // 5)),
        "training heading": (_first_heading, "# a" + " " * mb + "b"),
        "Office XML": (xml_text, "<w:p" * (mb // 4)),
        "sensitive: entities": (lambda t: find(for_scan(t)), "&#48;" * (mb // 5)),
        "sensitive: number run": (lambda t: find(for_scan(t)), "0 9-0.1(2)3" * (mb // 11)),
        "sensitive: a phone every 14 chars": (lambda t: find(for_scan(t)),
                                              "090-1234-5678 " * (mb // 14)),
        "sensitive: key prefixes": (lambda t: find(for_scan(t)),
                                    "key=" * (mb // 8) + "sk-" * (mb // 6)),
        "sensitive: full-width": (lambda t: find(for_scan(t)), "０－" * (mb // 2)),
    }
    figures = {}
    for name, (func, text) in cases.items():
        start, cpu = time.perf_counter(), time.process_time()
        func(text)
        figures[name] = (time.perf_counter() - start, time.process_time() - cpu)
    return figures


def patterns_table() -> str:
    lines = ["\npatterns over contributor text, 1 MB pathological line (in-process):\n",
             "| pattern | wall s | CPU s |", "|---|---:|---:|"]
    lines += [f"| {name} | {wall:.2f} | {cpu:.2f} |"
              for name, (wall, cpu) in measure_patterns().items()]
    return "\n".join(lines)


def measure_serve(root: Path, slug: str) -> dict[str, Run]:
    """`playbook-kb serve SLUG` over HTTP: ready with an empty cache and with the cache a
    first preview left, then rebuilt after a save; beside them, the floor: `mkdocs serve`
    of a one-page Material site, ready."""
    runs = {}
    for label in ("empty cache", "cache of the previous preview"):
        ready, rebuilt = _serve_once(root, slug)
        runs[f"`playbook-kb serve {slug}`: page served ({label})"] = Run(ready)
    runs["`playbook-kb serve`: rebuilt after a save"] = Run(rebuilt)
    floor = root / "floor"
    (floor / "docs").mkdir(parents=True, exist_ok=True)
    (floor / "docs" / "index.md").write_text("# floor\n", encoding="utf-8")
    (floor / "mkdocs.yml").write_text("site_name: floor\ntheme:\n  name: material\n"
                                      "  language: ja\n", encoding="utf-8")
    runs["floor: `mkdocs serve` of a one-page Material site, page served"] = Run(
        _serve_ready([str(BIN / "mkdocs"), "serve"], floor, ""))
    return runs


@contextlib.contextmanager
def serving(command: list[str], cwd: Path) -> Iterator[tuple[str, subprocess.Popen, float]]:
    """`command --dev-addr` on a free local port: (its base URL, the process, when it
    started); stopped with SIGTERM on the way out."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.perf_counter()
    server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=cwd,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/", server, start
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def _edit_until_served(path: Path, url: str, server: subprocess.Popen,
                       limit: float = 300) -> float:
    """Seconds from appending a marker line to `path` until `url` shows it."""
    marker = f"bench-edit-{time.time_ns()}"
    saved = time.perf_counter()
    path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    _poll(url, marker, server, limit=limit)
    return time.perf_counter() - saved


def _serve_ready(command: list[str], cwd: Path, path: str) -> float:
    with serving(command, cwd) as (base, server, start):
        _poll(base + path, "<h1", server)
        return time.perf_counter() - start


def _serve_once(root: Path, slug: str) -> tuple[float, float]:
    with serving([str(BIN / "playbook-kb"), "serve", slug], root) as (base, server, start):
        url = base + f"playbooks/{slug}/"
        _poll(url, "<h1", server)
        ready = time.perf_counter() - start
        rebuilt = _edit_until_served(root / "playbooks" / slug / "workflow.md",
                                     url + "workflow/", server)
    print(f"{ready:7.1f} s  serve ready, {rebuilt:.1f} s rebuilt after a save", file=sys.stderr)
    return ready, rebuilt


def measure_full_serve(root: Path, slug: str) -> dict[str, Run]:
    """`mkdocs serve` of the whole site, as a maintainer runs it: ready, then rebuilt
    after saving a hand-written page and after saving a playbook (until the served page
    shows the edit: MkDocs serves nothing stale)."""
    runs = {}
    command = [str(BIN / "mkdocs"), "serve"]  # --no-livereload would stop it watching
    with serving(command, root) as (base, server, start):
        _poll(base + f"playbooks/{slug}/", "<h1", server, limit=1800)
        runs["`mkdocs serve`: site served"] = Run(time.perf_counter() - start)
        for name, path, url in (
                ("`mkdocs serve`: rebuilt after saving a hand-written page",
                 root / "docs" / "purpose.md", base + "purpose/"),
                ("`mkdocs serve`: rebuilt after saving a playbook",
                 root / "playbooks" / slug / "workflow.md", base + f"playbooks/{slug}/workflow/")):
            runs[name] = Run(_edit_until_served(path, url, server, limit=1800))
            print(f"{runs[name].seconds:7.1f} s  {name}", file=sys.stderr)
    return runs


def profile_build(root: Path, top: int = 30) -> None:
    """The full build under cProfile, in this process: where the time goes."""
    import cProfile
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update({k: v for k, v in ENV.items() if k.endswith("_WARNING")})
    cwd = Path.cwd()
    os.chdir(root)
    try:
        profiler = cProfile.Profile()
        config = load_config(str(root / "mkdocs.yml"))
        profiler.enable()
        build(config)
        profiler.disable()
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"\nTop {top} by cumulative time (the build of {root}):")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"Top {top} by own time:")
    stats.sort_stats("tottime").print_stats(top)


def _poll(url: str, text: str, server: subprocess.Popen, limit: float = 300) -> None:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            sys.exit(f"playbook-kb serve stopped ({server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    sys.exit(f"{url} did not show {text!r} within {limit} s")


def export_markdown(root: Path, target: Path) -> None:
    """The same Markdown the hooked build renders, as plain files for plain Material:
    the hand-written pages, then every page, file and asset the engine generates."""
    from playbook_kb import check
    from playbook_kb.build.pages import build_site

    shutil.copytree(root / "docs", target)
    catalog, findings = check(root)
    plan = build_site(catalog, findings)
    for src_uri, text in {**plan.pages, **plan.files}.items():
        path = target / src_uri
        if not path.exists():  # a hand-written page wins, as in the hooked build
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for src_uri, source in plan.assets.items():
        path = target / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)


def export_playbook_pages(root: Path, target: Path) -> None:
    """Only what contributors wrote, as plain Material would publish it without the
    engine: the hand-written pages and every playbook's own files (Markdown and samples)
    that the full build publishes too. Files the check withholds stay out: the
    adversarial playbook's 150 KB lines keep Python-Markdown busy for a quarter of an hour
    (its link patterns are quadratic), which the full build never pays either."""
    from playbook_kb import check

    shutil.copytree(root / "docs", target)
    catalog, _ = check(root)
    for playbook in catalog.playbooks:
        for source in playbook.files:
            if source.publishable and not source.symlink:
                path = target / source.rel
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source.abs_path, path)


def timed(root: Path, command: list[str], env: dict[str, str] | None = None,
          ok: tuple[int, ...] = (0,)) -> Run:
    """Wall and CPU seconds of one process, and its peak resident memory (the largest of
    it and the children it waited for, e.g. Pagefind's binary: ru_maxrss, not a sum)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=root, env={**ENV, **(env or {})},
                                   stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if process.returncode not in ok:
            output.seek(0)
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n"
                     f"{output.read().decode('utf-8', 'replace')[-3000:]}")
    run = Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    print(f"{seconds:7.1f} s  {run.cpu:6.1f} CPU-s  {run.peak_mb:5.0f} MB  "
          f"{Path(command[0]).name} {' '.join(command[1:])}", file=sys.stderr)
    return run


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True)


if __name__ == "__main__":
    sys.exit(main())
