"""Issue 13: what a reader sees on a real `mkdocs build` of the crossdept fixture.

Sub-pages name their playbook, the summary comes before the metadata card, stale
playbooks say so on their own pages, modules link to the next one, and reader pages use
no developer words. Layout itself is checked in the browser (tests/browser/).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from .conftest import Build, build_site, make_repo, set_language

PB = "playbooks/sales-email/"  # basic tier, reviewed 2026-10-01
STALE = "playbooks/sales-proposal/"  # reviewed 2026-01-10: 319 days before 2026-11-25
HTML_TITLE = "&lt;b&gt;提案&lt;/b&gt;メール &amp; 下書き"


@pytest.fixture(scope="module")
def ja(tmp_path_factory) -> Build:
    build = build_site(make_repo(tmp_path_factory.mktemp("ja"), "crossdept"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def en(tmp_path_factory) -> Build:
    """The English site, with the repository link switched on."""
    root = make_repo(tmp_path_factory.mktemp("en"), "crossdept")
    set_language(root, "en")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "show_repo_link: false", "show_repo_link: true"), encoding="utf-8")
    build = build_site(root)
    assert build.returncode == 0, build.output
    return build


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", article(html))


def test_the_overview_shows_title_and_summary_before_the_metadata_card(ja: Build) -> None:
    html = article(ja.html(PB))
    order = [html.index(marker) for marker in
             ("<h1", 'class="kb-summary"', 'class="kb-parts"', 'class="kb-panel"')]
    assert order == sorted(order)


@pytest.mark.parametrize("part", ["prompt-sheet/", "workflow/", "samples/", "samples/example/"])
def test_every_part_names_its_playbook_on_screen_and_on_paper(ja: Build, part) -> None:
    html = article(ja.html(PB + part))
    up = "../../" if part == "samples/example/" else "../"
    crumb = re.search(r'<p class="kb-crumb"><a class="kb-crumb-link" href="([^"]+)">([^<]+)</a>',
                      html)
    assert crumb and crumb.groups() == (up, HTML_TITLE)
    assert html.index("kb-crumb") < html.index("<h1") < html.index('class="kb-parts"')
    if part != "samples/":  # a contributor's title line: moved up only once sanitized
        assert re.search(r'<h1 id="user-content-[^"]+">', html), html[:600]
        assert html.count("<h1") == 1 and "kb:title" not in html
    css = (ja.site / "assets/playbook-kb/kb.css").read_text(encoding="utf-8")
    hidden_in_print = re.findall(r"@media print \{([^@]*)\}", css)
    assert not any("kb-crumb" in block for block in hidden_in_print)


@pytest.mark.parametrize("part", ["", "prompt-sheet/", "workflow/", "samples/"])
def test_a_stale_playbook_tells_readers_on_each_of_its_pages(ja: Build, part) -> None:
    html = article(ja.html(STALE + part))
    notice = re.search(r'class="admonition warning kb-stale-notice".*?</div>', html, re.S)
    assert notice, part
    assert "2026-01-10" in notice.group(0) and "319 日" in notice.group(0)
    assert "山田 太郎" in notice.group(0)
    assert "reviewed" not in text(ja.html(STALE + part))  # the champion's fix is not shown
    assert "kb-stale-notice" not in ja.html(PB + part)


def test_each_module_links_to_the_next_in_curriculum_order(ja: Build) -> None:
    modules = json.loads((ja.site / "curriculum.json").read_text(encoding="utf-8"))["modules"]
    assert len(modules) >= 3
    for module, following in zip(modules, modules[1:], strict=False):
        html = ja.html(module["url"])
        nav = re.search(r'<nav class="kb-module-nav".*?</nav>', html, re.S)
        assert nav, module["url"]
        href = re.search(r'class="kb-module-next" href="([^"]+)"', nav.group(0)).group(1)
        assert urljoin(f"/{module['url']}", href) == f"/{following['url']}", module["url"]
        label = "次のモジュール" if following["tier"] == module["tier"] else "次の層へ"
        assert label in nav.group(0)
    last = ja.html(modules[-1]["url"])
    assert "研修カリキュラムに戻る" in re.search(r'<nav class="kb-module-nav".*?</nav>', last,
                                              re.S).group(0)


def test_permalinks_and_the_repository_link_speak_to_readers(ja: Build, en: Build) -> None:
    assert 'title="この見出しへのリンク"' in ja.html(PB)
    assert 'title="Link to this heading"' in en.html(PB)
    for build in (ja, en):
        assert "Permanent link" not in build.html(PB)
    assert 'class="md-source"' not in ja.html(PB)  # show_repo_link: false, the default
    assert 'class="md-source"' in en.html(PB)  # switched on
    assert 'class="md-content__button md-icon"' in ja.html(PB)  # the edit button stays


@pytest.mark.parametrize("page", ["departments/sales/", "departments/legal/", "matrix/",
                                  "impact/", "changes/", "outputs/", "outputs/email/"])
def test_reader_pages_use_no_developer_words(ja: Build, en: Build, page) -> None:
    field_names = ("adopted_by", "taxonomy.yml", "baseline_minutes", "current_minutes",
                   "runs_per_month", "git ")
    for build, words in ((ja, (*field_names, "produces", "metrics")), (en, field_names)):
        shown = text(build.html(page))  # "produces" and "metrics" are English words too
        if page == "impact/":  # the trend section (issue 14) names its source, git, to
            words = tuple(w for w in words if w != "git ")  # management, and why it is missing
        for developer_word in words:
            assert developer_word not in shown, (page, developer_word)


def test_the_matrix_legend_explains_the_numbers_in_its_cells(ja: Build) -> None:
    html = article(ja.html("matrix/"))
    assert re.search(r'class="kb-legend-note">記号の後の数字は、プレイブックが 2 件以上', html)


def test_hours_show_no_pointless_decimal(ja: Build) -> None:
    for page in ("impact/", "departments/sales/", PB, ""):
        assert not re.search(r"\d\.0 (時間|h)", text(ja.html(page))), page
    assert "97.5" in text(ja.html("impact/"))  # a real decimal stays
