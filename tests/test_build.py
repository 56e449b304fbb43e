"""End-to-end: real `mkdocs build` runs on fixture repositories in tmp_path."""

from __future__ import annotations

import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from .conftest import break_minimal, build_site

PB = "playbooks/sales-email"


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for base in ("docs", "playbooks") for p in sorted((root / base).rglob("*"))
            if p.is_file() and not p.is_symlink()}


def tags_in(markup: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(markup)
    return found


def test_clean_repo_builds_strict_with_playbook_pages(repo) -> None:
    root = repo("minimal")
    before = tree_digest(root)
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    assert tree_digest(root) == before  # nothing written into docs/ or playbooks/
    overview = build.html(f"{PB}/")
    assert "<h1>商談メモから提案メールの下書き</h1>" in overview
    assert "1 回 120 分 → 30 分、月 40 回" in overview and "月 60 時間の削減" in overview
    assert 'href="https://github.com/example-co/ai-playbooks/edit/main/playbooks/sales-email/index.md"' in overview
    for part in ("prompt-sheet/", "workflow/", "samples/", "samples/mail/"):
        assert (build.site / PB / part / "index.html").is_file()
    assert "kb-banner" not in overview
    for page in (build.site / PB).rglob("index.html"):  # part tabs resolve from every page
        for href in re.findall(r'class="kb-part[^"]*"(?: aria-current="page")? href="([^"]+)"',
                               page.read_text(encoding="utf-8")):
            assert (page.parent / href / "index.html").resolve().is_file(), (page, href)
    # the sidebar stays small: no playbook in the navigation
    assert "sales-email" not in re.search(r'<nav class="md-nav md-nav--primary".*?</nav>',
                                          overview, re.S).group()


def test_prompt_braces_reach_the_reader_verbatim(repo) -> None:
    build = build_site(repo("minimal"), "--strict")
    sheet = build.html(f"{PB}/prompt-sheet/")
    for placeholder in ("{{会社名}}", "{{顧客名}}", "{{商談メモ}}", "{price}"):
        assert placeholder in sheet
    assert '<pre class="mermaid"><code>' in build.html(f"{PB}/workflow/")


def test_broken_repo_fails_strict_naming_every_problem(repo) -> None:
    root = repo("minimal")
    break_minimal(root)
    with open(root / PB / "prompt-sheet.md", "a", encoding="utf-8") as handle:
        handle.write("\n- 【要記入】確認すること\n")

    strict = build_site(root, "--strict")
    assert strict.returncode == 1
    assert "3 error finding(s)" in strict.output  # the adapter stops the strict build itself
    for expected in (f"{PB}/index.md:6: error:", f"{PB}/workflow.md: error:",
                     f"{PB}/prompt-sheet.md:15: error:"):
        assert expected in strict.output

    quiet = build_site(root, "-q", "--strict")  # MkDocs alone would count no warning here
    assert quiet.returncode == 1
    assert "3 error finding(s)" in quiet.output and f"{PB}/index.md:6: error:" in quiet.output

    relaxed = build_site(root)
    assert relaxed.returncode == 0, relaxed.output
    for page in (f"{PB}/", f"{PB}/prompt-sheet/", f"{PB}/samples/"):
        html = relaxed.html(page)
        assert "このプレイブックは未完成です" in html
        assert "業務フロー（workflow.md）がありません" in html
        assert "emial" in html


def test_injection_attempts_never_run(repo) -> None:
    root = repo("minimal")
    index = root / PB / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace("reviewed: 2026-10-01", "reviewed: 2026-10-01\nrender_macros: true")
    text = text.replace("title: 商談メモから提案メールの下書き", 'title: "<img src=x onerror=alert(1)>提案メール"')
    text += ("\n{{ config.site_name }} {{ environment }} "
             "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
             "{% for x in range(3) %}loop{% endfor %}\n")
    index.write_text(text, encoding="utf-8")
    with open(root / PB / "workflow.md", "a", encoding="utf-8") as handle:
        handle.write('\n<script>alert("xss")</script>\n\n<img src="a.png" onerror="steal()">\n\n'
                     "[押す](javascript:alert(1))\n\n<iframe src=\"https://evil.example/\"></iframe>\n"
                     "\n<svg/onload=alert(2)>\n\n<div>\n<img alt=\">\" src=x onerror=alert(21)>\n</div>\n"
                     '\n<a href="jav&#x61;script&colon;alert(31)//{x}">x</a>\n'
                     "\n[b](jav&#x61;script&colon;alert&lpar;32&rpar;//{y})\n"
                     "\n<style>body{display:none}</style>\n"
                     '\n[x](https://example.com){ onclick="alert(1)" }\n'
                     '\n[y](https://example.com){ href="javascript:alert(3)" }\n'
                     "\nend <img src=x onerror=alert(9)")
    (root / PB / "samples" / "[z](javascript:alert(6)).txt").write_text("サンプル\n", encoding="utf-8")
    (root / PB / "samples" / "big.png").write_bytes(b"\x89PNG" + b"0" * (11 * 1024 * 1024))
    os.symlink("/etc/hostname", root / PB / "samples" / "host.txt")

    strict = build_site(root, "--strict")
    assert strict.returncode == 1
    for rule in ("[unsafe-html]", "[file-size]", "[path-escape]"):
        assert rule in strict.output

    build = build_site(root)
    assert build.returncode == 0, build.output
    overview = build.html(f"{PB}/")
    assert "{{ config.site_name }}" in overview and "{{ environment }}" in overview
    assert "{% for x in range(3) %}loop{% endfor %}" in overview
    assert "<img src=x onerror" not in overview
    assert "&lt;img src=x onerror=alert(1)&gt;提案メール" in overview
    workflow = build.html(f"{PB}/workflow/")
    for page in (workflow, build.html(f"{PB}/samples/")):
        article = page[page.index('<nav class="kb-parts"'):page.index("</article>")]  # our content
        for tag, attrs in tags_in(article):  # as a browser reads them
            assert tag not in ("script", "iframe", "svg", "style", "object", "embed"), tag
            for name, value in attrs:
                assert not name.startswith("on"), (tag, name)
                if name in ("href", "src", "data", "action", "formaction", "xlink:href"):
                    assert "script:" not in (value or "").lower().replace(" ", ""), (tag, value)
    assert not (build.site / PB / "samples" / "big.png").exists()
    assert not (build.site / PB / "samples" / "host.txt").exists()


def test_japanese_bom_crlf_files_build(repo) -> None:
    root = repo("minimal")
    for path in (root / "playbooks").rglob("*"):
        if path.suffix in (".md", ".yml"):
            text = path.read_text(encoding="utf-8")
            path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    overview = build.html(f"{PB}/")
    assert "<h1>商談メモから提案メールの下書き</h1>" in overview
    assert "\ufeff" not in overview and "\r" not in build.html(f"{PB}/prompt-sheet/")
    assert "{{顧客名}}" in build.html(f"{PB}/prompt-sheet/")


def test_hand_written_page_wins_over_generated(repo) -> None:
    root = repo("minimal")
    page = root / "docs" / PB / "samples" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 手書きのギャラリー\n\n[例](mail.md)\n", encoding="utf-8")
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert "手書きのギャラリー" in build.html(f"{PB}/samples/")


def test_same_sources_build_identical_output(repo, tmp_path) -> None:
    root = repo("minimal")
    first = build_site(root, "--strict")
    digest_one = {p.relative_to(first.site).as_posix(): p.read_bytes()
                  for p in first.site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    os.rename(first.site, tmp_path / "first-site")
    second = build_site(root, "--strict")
    digest_two = {p.relative_to(second.site).as_posix(): p.read_bytes()
                  for p in second.site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    assert digest_one.keys() == digest_two.keys()
    differing = [k for k in digest_one if digest_one[k] != digest_two[k]]
    assert differing == []


def test_the_index_read_from_index_documents_is_the_whole_sites_index(repo, tmp_path) -> None:
    """The build gives Pagefind only each page's data-pagefind-body (index_document), in a
    temporary folder it removes: the bundle must be byte for byte what Pagefind writes
    from the whole built site, for the repository's own playbooks (images, Office and
    PDF samples, hand-written pages)."""
    import shutil
    import subprocess

    from playbook_kb.build.findability import pagefind_command

    from .conftest import REPO

    root = repo()
    shutil.copytree(REPO / "playbooks", root / "playbooks")
    temp = tmp_path / "tmp"
    temp.mkdir()
    build = build_site(root, "--strict", env={"TMPDIR": str(temp)})
    assert build.returncode == 0, build.output
    assert not [p for p in temp.iterdir() if p.name.startswith("playbook-kb-index-")]
    # what the build did before: Pagefind over the whole built site
    subprocess.run(pagefind_command(build.site, tmp_path / "whole"), cwd=tmp_path, check=True)

    def bundle(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in folder.rglob("*") if p.is_file()}

    ours, whole = bundle(build.site / "pagefind"), bundle(tmp_path / "whole")
    assert len([n for n in ours if n.startswith("fragment/")]) > 80
    assert ours.keys() == whole.keys()
    assert [name for name in ours if ours[name] != whole[name]] == []

    # --dirty writes only changed pages again: the others are indexed from the site
    dirty = build_site(root, "--dirty", env={"TMPDIR": str(temp)})
    assert dirty.returncode == 0, dirty.output
    assert bundle(build.site / "pagefind") == whole


def test_pagefind_indexes_playbook_pages_unless_switched_off(repo) -> None:
    import json

    root = repo("minimal")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    assert (build.site / "pagefind" / "pagefind.js").is_file()
    stub = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []  # Material's box stays, its whole-site index is not downloaded
    overview = build.html("playbooks/sales-email/")
    assert "data-pagefind-body" in overview and 'data-pagefind-meta="part"' in overview
    assert "assets/playbook-kb/search-worker.js" in overview
    assert "data-pagefind-body" not in build.html("departments/")  # lists are not results
    assert "\u200b" not in overview  # nothing invisible in what a reader copies

    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  playbook_kb:\n", "  playbook_kb:\n    japanese_search: false\n", 1), encoding="utf-8")
    plain = build_site(root, "--strict")
    index = json.loads((plain.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ja"] and index["docs"]
    assert not (plain.site / "pagefind").exists()
    assert "search-worker.js" not in plain.html("playbooks/sales-email/")
