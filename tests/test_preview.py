"""`playbook-kb serve SLUG`: the whole catalog on the lists, one playbook built and checked."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.load.focus import watched
from playbook_kb.load.settings import read_settings
from playbook_kb.tools import preview
from playbook_kb.tools.cli import main

from .conftest import TODAY, add_kb_setting, build_site, make_repo

SLUG = "sales-email"
OTHER = "hr-posting"
OTHER_TITLE = "求人票の下書き（人事）"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Two playbooks; the other one (hr) is adopted by sales and is incomplete."""
    root = make_repo(tmp_path, "minimal")
    other = root / "playbooks" / OTHER
    shutil.copytree(root / "playbooks" / SLUG, other)
    index = other / "index.md"
    index.write_text(index.read_text(encoding="utf-8")
                     .replace("title: 商談メモから提案メールの下書き", f"title: {OTHER_TITLE}")
                     .replace("department: sales", "department: hr")
                     .replace("output: email", "output: job-posting")
                     .replace("adopted_by: [support]", "adopted_by: [sales]"), encoding="utf-8")
    (other / "workflow.md").unlink()
    return root


def pages_naming(site: Path, text: str) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if text in p.read_text(encoding="utf-8"))


def test_check_in_preview_keeps_the_catalog_and_reports_only_the_playbook(
        root: Path, monkeypatch) -> None:
    monkeypatch.setenv(preview.ENV_VAR, SLUG)
    catalog, findings = check(root, read_settings(root))
    assert sorted(p.slug for p in catalog.playbooks) == [OTHER, SLUG]
    assert findings == []  # the other playbook's missing workflow is not this preview's


def test_preview_reads_only_the_other_playbooks_front_matter(root: Path, monkeypatch) -> None:
    """Their pages are not built and their rules do not run: of the other playbooks a
    preview reads index.md and lists the rest (the speed of `serve` at 1,000)."""
    from playbook_kb.load import catalog as loader

    read: list[str] = []
    decode = loader.decode
    monkeypatch.setattr(loader, "decode", lambda data: read.append(data) or decode(data))
    monkeypatch.setenv(preview.ENV_VAR, SLUG)
    catalog, _ = check(root, read_settings(root))
    own = len([f for f in catalog.playbook(SLUG).files if f.suffix in (".md", ".csv", ".txt")])
    assert len(read) == own + 1  # every text file of the focused one, the other's index.md
    other = catalog.playbook(OTHER)
    assert other.meta.title == OTHER_TITLE and other.file("prompt-sheet.md") is not None
    monkeypatch.delenv(preview.ENV_VAR)
    read.clear()
    check(root, read_settings(root))
    assert len(read) > own + 1  # outside a preview every file is read


def test_preview_lists_every_playbook_but_builds_only_the_focused_one(root: Path) -> None:
    build = build_site(root, "--strict", env={preview.ENV_VAR: SLUG})
    assert build.returncode == 0, build.output  # the other playbook's error is not built
    site = build.site
    folders = sorted(p.name for p in (site / "playbooks").iterdir() if p.is_dir())
    assert folders == [SLUG]  # beside it: the catalog page, index.html, a stub
    assert "kb-preview-notice" in build.html("playbooks/")
    # no data computed for lists the preview does not show: the catalog's entries, the portal's JSON
    assert not (site / "playbooks" / "catalog.json").exists()
    assert not (site / "playbooks.json").exists()
    assert (site / "playbooks" / SLUG / "workflow" / "index.html").is_file()
    sales = build.html("departments/sales/")
    assert OTHER_TITLE in sales  # adopted by sales: the preview tells the truth about it
    assert f"playbooks/{SLUG}/" in sales
    assert "kb-preview-notice" in sales and "404" in sales  # and says what it left out
    assert "kb-preview-notice" in build.html("health/")  # a stub, not a list of 0 findings
    assert OTHER_TITLE not in build.html("health/")
    assert "kb-preview-notice" not in build.html(f"playbooks/{SLUG}/")


def test_full_strict_build_still_fails_on_the_other_playbook(root: Path) -> None:
    assert build_site(root, "--strict").returncode != 0  # strict writes no site (main's rule)
    assert "kb-preview-notice" not in build_site(root).html("departments/sales/")


def test_preview_watches_its_playbook_and_the_shared_files_not_every_playbook(
        tmp_path: Path) -> None:
    """MkDocs polls what it watches twice a second, and a watched file costs a walk of its
    folder: at 1,000 playbooks, watching `playbooks/` took a quarter of a rebuild's CPU."""
    for slug in (SLUG, OTHER):
        (tmp_path / "playbooks" / slug).mkdir(parents=True)
    hooks, docs = str(tmp_path / "hooks"), str(tmp_path / "docs")
    watch = [str(tmp_path / "playbooks"), hooks]
    deep, shallow = watched(tmp_path, watch, (SLUG,))
    assert deep == [hooks, str((tmp_path / "playbooks" / SLUG).resolve())]
    assert shallow == [str((tmp_path / "playbooks").resolve())]  # taxonomy.yml, tools.yml ...
    assert watched(tmp_path, watch, ()) == (watch, [])  # `mkdocs serve`: everything
    assert watched(tmp_path, [docs], (SLUG,)) == ([docs], [])  # not ours to narrow


def test_serve_names_the_closest_slug_when_the_folder_is_missing(root: Path, capsys) -> None:
    assert main(["serve", "sales-emial", "--root", str(root)]) == 1
    assert "「sales-email」のことですか？" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, seconds: float, server: subprocess.Popen) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        page = _get(url)
        if page is not None and text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


def _port_is_free(port: int) -> bool:
    """Whether a new server could listen there (as mkdocs does: SO_REUSEADDR, so closed
    connections in TIME_WAIT do not count, only a socket still listening)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_serve_over_http_reloads_on_save_and_sigterm_frees_the_port(root: Path) -> None:
    port = _free_port()
    script = Path(sys.executable).with_name("playbook-kb")
    env = {**os.environ, "PLAYBOOK_KB_TODAY": TODAY}
    server = subprocess.Popen([str(script), "serve", SLUG, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + f"playbooks/{SLUG}/", "商談メモ", 120, server)
        assert OTHER_TITLE in _get(base + "departments/sales/")  # the whole catalog
        workflow = root / "playbooks" / SLUG / "workflow.md"
        workflow.write_text(workflow.read_text(encoding="utf-8") + "\n保存したら反映される手順\n",
                            encoding="utf-8")
        _wait_for(base + f"playbooks/{SLUG}/workflow/", "保存したら反映される手順", 120, server)
        taxonomy = root / "playbooks" / "taxonomy.yml"  # beside the playbooks: watched too
        taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("営業部", "営業本部"),
                            encoding="utf-8")
        _wait_for(base + "departments/sales/", "営業本部", 120, server)
    finally:
        server.send_signal(signal.SIGTERM)  # what an IDE or a process manager sends
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    deadline = time.monotonic() + 10
    while not _port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _port_is_free(port), "mkdocs serve still holds the port after SIGTERM"
    assert _get(base) is None


def test_serve_compiles_the_theme_templates_once_not_after_every_save(
        root: Path, monkeypatch) -> None:
    """MkDocs makes a new theme Environment for every build; the adapter gives each the
    same compiled templates, so a rebuild does not compile Material's 56 templates again
    (an edited template still is)."""
    from jinja2 import Environment
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    compiled: list[str] = []
    real = Environment._compile
    monkeypatch.setattr(Environment, "_compile", lambda self, source, filename: (
        compiled.append(filename), real(self, source, filename))[1])
    monkeypatch.setenv("PLAYBOOK_KB_TODAY", TODAY)
    monkeypatch.setenv(preview.ENV_VAR, SLUG)
    monkeypatch.chdir(root)
    counts = []
    for _ in range(2):  # what `mkdocs serve` does on a save: load the config, build
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
        counts.append(sorted(name for name in compiled if "material" in name))
        compiled.clear()
    # left: the language partials Material's search plugin reads in its own Environment
    assert len(counts[0]) > 30 and len(counts[1]) <= 6, counts
    assert not [name for name in counts[1] if "base.html" in name or "main.html" in name]
    assert "商談メモ" in (root / "site" / "playbooks" / SLUG / "index.html").read_text("utf-8")


def test_a_preview_of_a_split_tier_writes_no_redirect_to_a_page_it_left_out(
        tmp_path: Path) -> None:
    """/m/<id>/ of the training pages and of the focused playbook open stubs the preview
    built; no 'Redirect target ... does not exist' on every save."""
    root = make_repo(tmp_path, "curriculum")
    add_kb_setting(root, "modules_per_page: 1")
    build = build_site(root, "--strict", env={preview.ENV_VAR: "sales-email"})
    assert build.returncode == 0, build.output
    assert "does not exist" not in build.output


@pytest.mark.parametrize("focus", [SLUG, ""], ids=["preview", "whole-site"])
def test_serve_converts_again_only_the_pages_whose_markdown_changed(
        root: Path, monkeypatch, focus: str) -> None:
    """kb_render_cache: a save converts the changed pages' Markdown, the other pages come
    from the last build, and the site is byte for byte what a fresh build writes. A
    build that is not `mkdocs serve` keeps nothing."""
    import markdown
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    converted: list[str] = []
    real = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda self, text: (
        converted.append(text[:80]), real(self, text))[1])
    monkeypatch.setenv("PLAYBOOK_KB_TODAY", TODAY)
    monkeypatch.setenv(preview.ENV_VAR, focus)
    monkeypatch.chdir(root)
    if not focus:  # the whole site: Pagefind indexes it after each build, not the subject
        add_kb_setting(root, "japanese_search: false")
        shutil.copy(root / "playbooks" / SLUG / "workflow.md",  # links to it warn otherwise,
                    root / "playbooks" / OTHER / "workflow.md")  # and a warning is not kept

    def save_and_build(site: str) -> int:  # what `mkdocs serve` does on a save
        converted.clear()
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site))
        if site == "first":  # once, as `mkdocs serve` starts (the hook module stays)
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        return len(converted)

    first = save_and_build("first")
    assert first > 20 and save_and_build("second") == 0  # nothing changed: nothing converted
    assert _pages(root / "first") == _pages(root / "second")

    workflow = root / "playbooks" / SLUG / "workflow.md"
    workflow.write_text(workflow.read_text(encoding="utf-8") + "\n保存した手順\n", encoding="utf-8")
    other = root / "playbooks" / OTHER / "index.md"  # listed on the department pages
    other.write_text(other.read_text(encoding="utf-8").replace(OTHER_TITLE, "求人票を書き直す"),
                     encoding="utf-8")
    again = save_and_build("third")
    assert 0 < again < first / 2, (again, first)
    assert "保存した手順" in (root / "third" / "playbooks" / SLUG / "workflow" /
                          "index.html").read_text(encoding="utf-8")
    assert "求人票を書き直す" in (root / "third" / "departments" / "sales" /
                             "index.html").read_text(encoding="utf-8")
    fresh = build_site(root, env={preview.ENV_VAR: focus})  # another process: no cache
    assert fresh.returncode == 0, fresh.output
    assert _pages(root / "third") == _pages(fresh.site)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "built"))
    config.plugins.on_startup(command="build", dirty=False)  # `mkdocs build`
    assert [save_and_build("built"), save_and_build("built")] == [first, first]


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_serve_warns_of_a_broken_link_on_every_save_not_only_the_first(
        root: Path, monkeypatch) -> None:
    """A conversion that logged something is not reused: `--strict` serving stops again on
    the next save while the link is still broken."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    page = root / "docs" / "purpose.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[どこにもない](missing-page.md)\n",
                    encoding="utf-8")
    monkeypatch.setenv("PLAYBOOK_KB_TODAY", TODAY)
    monkeypatch.setenv(preview.ENV_VAR, SLUG)
    monkeypatch.chdir(root)
    told: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: told.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        for save in range(3):
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
            if save == 0:
                config.plugins.on_startup(command="serve", dirty=False)
            build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert len([m for m in told if "missing-page.md" in m]) == 3, told
