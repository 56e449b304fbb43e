"""How the build scales: a 1,000-playbook repository, timed four ways.

    .venv/bin/python scripts/bench.py [--playbooks 1000] [--template sales-proposal-email]
                                      [--only check]

Generates a repository in a temporary folder from this repository's taxonomy, site
configuration, docs/ and one template playbook (copied N times, cycling through the
departments and output types), commits it to git (so "last updated" is real work),
adds the adversarial playbooks of tests/security/vectors.py (raw HTML the sanitizer has
to render and report), then measures:

1. `mkdocs build` of the full site (the hooks: checks, generated pages);
2. plain Material building the same Markdown without hooks (the baseline): the
   hand-written pages plus every page the engine generates, exported as files;
3. `playbook-kb check` (what a champion runs before a pull request);
4. the single-playbook preview build behind `playbook-kb serve SLUG`;
5. `playbook-kb serve SLUG` as a champion runs it: seconds from the command until the
   playbook's page answers over HTTP, then from saving workflow.md until the served
   page shows the edit (`--only preview` runs just this one).

Wall-clock seconds of whole processes, Python start-up included. One run each: the
figures are for the README, not a test.

With `--browser` it then serves both built sites on 127.0.0.1 and measures, in Debian's
Chromium at phone size (390x844) with the CPU throttled 4x (CDP
`Emulation.setCPUThrottlingRate`), this site against plain Material in the same run:

5. search: from the home page's `load` event to the first results of a query typed as
   soon as the search box is ready, and the bytes the server sent until then;
6. the catalog page /playbooks/: bytes of the page and everything it loads, and the time
   from navigation to interactive (filters shown and applied by catalog.js).

Bytes are counted by the test server as it sends files (uncompressed: an intranet server
with gzip sends less).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
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
NO_SEGMENT_CONFIG = """\
INHERIT: mkdocs.yml
extra:
  playbook_kb:
    japanese_search: false
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--playbooks", type=int, default=1000)
    parser.add_argument("--template", default="",
                        help="folder under playbooks/ to copy (default: every playbook in turn)")
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    parser.add_argument("--only", choices=["all", "check", "preview"], default="all",
                        help="`check`: time `playbook-kb check` alone (seconds, not minutes); "
                             "`preview`: `playbook-kb serve` ready and rebuilt after a save")
    parser.add_argument("--browser", action="store_true",
                        help="also time search and /playbooks/ in throttled Chromium")
    parser.add_argument("--query", default="議事録", help="the query typed in --browser")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="playbook-kb-bench-"))
    try:
        templates = ([REPO / "playbooks" / args.template] if args.template else
                     sorted(p for p in (REPO / "playbooks").iterdir() if p.is_dir()))
        root = make_repo(work / "repo", args.playbooks, templates)
        figures = (measure_check(root) if args.only == "check"
                   else measure_serve(root, first_slug(root)) if args.only == "preview"
                   else measure(root, first_slug(root), sites_only=args.browser))
        if args.browser:
            from bench_browser import browser_figures  # scripts/bench_browser.py

            browser = browser_figures(root / "site", root / "plain-site", args.query)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{args.playbooks} playbooks ({os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}):\n")
    print("| run | seconds |\n|---|---:|")
    for name, seconds in figures.items():
        print(f"| {name} | {seconds:.1f} |")
    if args.browser:
        print("\n| phone, CPU 4x slower | this site | plain Material |\n|---|---:|---:|")
        for name, (ours, plain) in browser.items():
            print(f"| {name} | {ours} | {plain} |")
    if args.keep:
        print(f"\nrepository kept in {root}")
    return 0


def make_repo(root: Path, count: int, templates: list[Path]) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "playbooks").mkdir()
    shutil.copy(REPO / "playbooks" / "taxonomy.yml", root / "playbooks" / "taxonomy.yml")
    if (REPO / "playbooks" / "tools.yml").is_file():  # the tool checks run at scale too
        shutil.copy(REPO / "playbooks" / "tools.yml", root / "playbooks" / "tools.yml")
    taxonomy = yaml.safe_load((root / "playbooks" / "taxonomy.yml").read_text(encoding="utf-8"))
    departments = [d["key"] for d in taxonomy["departments"]]
    outputs = [o["key"] for o in taxonomy["outputs"]]
    samples = sorted(p for p in (REPO / "playbooks").iterdir() if p.is_dir())
    for sample in samples:  # the real ones too: the template's links to them resolve
        shutil.copytree(sample, root / "playbooks" / sample.name)
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
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
        (target / "index.md").write_text(text + body, encoding="utf-8")
    sys.path.insert(0, str(REPO))
    from tests.security.vectors import write_adversarial

    write_adversarial(root)  # reported, never published: the sanitizer's slow path
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


def measure(root: Path, slug: str, sites_only: bool = False) -> dict[str, float]:
    """The four runs; `sites_only`: only the two builds the browser half needs."""
    export_markdown(root, root / "plain-docs")
    (root / "plain.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (root / "nosegment.yml").write_text(NO_SEGMENT_CONFIG, encoding="utf-8")
    mkdocs = [str(BIN / "mkdocs"), "build", "--quiet"]
    sites = {
        "`mkdocs build` (full site, with the hooks)": timed(root, [*mkdocs]),
        "plain Material, same Markdown, no hooks": timed(root, [*mkdocs, "-f", "plain.yml"]),
    }
    if sites_only:
        return sites
    return {
        **sites,
        "`playbook-kb check`": timed(root, [str(BIN / "playbook-kb"), "check"], ok=(0, 1)),
        "`mkdocs build`, `japanese_search: false`":
            timed(root, [*mkdocs, "--site-dir", "nosegment-site", "-f", "nosegment.yml"]),
        f"`playbook-kb serve {slug}` build (one playbook)":
            timed(root, [*mkdocs, "--site-dir", "preview-site"], {"PLAYBOOK_KB_PREVIEW": slug}),
        **measure_serve(root, slug),
    }


def measure_check(root: Path) -> dict[str, float]:
    check = [str(BIN / "playbook-kb"), "check"]
    return {f"`playbook-kb check`, run {n}": timed(root, check, ok=(0, 1)) for n in (1, 2, 3)}


def measure_serve(root: Path, slug: str) -> dict[str, float]:
    """`playbook-kb serve SLUG` over HTTP: ready, then rebuilt after a save."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/playbooks/{slug}/"
    start = time.perf_counter()
    server = subprocess.Popen([str(BIN / "playbook-kb"), "serve", slug, "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=root, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _poll(url, "<h1", server)
        ready = time.perf_counter() - start
        marker = f"bench-edit-{time.time_ns()}"
        workflow = root / "playbooks" / slug / "workflow.md"
        saved = time.perf_counter()
        workflow.write_text(workflow.read_text(encoding="utf-8") + f"\n{marker}\n",
                            encoding="utf-8")
        _poll(url + "workflow/", marker, server)
        rebuilt = time.perf_counter() - saved
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"{ready:7.1f} s  serve ready, {rebuilt:.1f} s rebuilt after a save", file=sys.stderr)
    return {f"`playbook-kb serve {slug}`: page served": ready,
            "`playbook-kb serve`: rebuilt after a save": rebuilt}


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


def timed(root: Path, command: list[str], env: dict[str, str] | None = None,
          ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=root, env={**ENV, **(env or {})},
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n"
                 f"{(result.stdout + result.stderr)[-3000:]}")
    print(f"{seconds:7.1f} s  {Path(command[0]).name} {' '.join(command[1:])}", file=sys.stderr)
    return seconds


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True)


if __name__ == "__main__":
    sys.exit(main())
