"""End-to-end: the cross-department pages of a real `mkdocs build` of the crossdept fixture.

The fixture's taxonomy.yml says where each rollout candidate must appear; the metrics are
chosen so the hours saved are easy to check by hand: 60 + 30 + 7.5 = 97.5 h/month (whole
hours are shown without ".0", issue 13).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import Build, build_site, make_repo, set_language
from .test_pages_rollout import EXPECTED_CANDIDATES

GENERATED = ("departments/", "outputs/", "matrix/", "phases/", "impact/", "health/")
HTML_TITLE = "&lt;b&gt;提案&lt;/b&gt;メール &amp; 下書き"


@pytest.fixture(scope="module")
def ja(tmp_path_factory) -> Build:
    build = build_site(make_repo(tmp_path_factory.mktemp("ja"), "crossdept"), "--strict")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def en(tmp_path_factory) -> Build:
    root = make_repo(tmp_path_factory.mktemp("en"), "crossdept")
    set_language(root, "en")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def section(html: str, start_id: str, end_id: str | None = None) -> str:
    start = html.index(f'id="{start_id}"')
    end = html.index(f'id="{end_id}"', start) if end_id else len(html)
    return html[start:end]


def linked_playbooks(html: str) -> list[str]:
    return re.findall(r'href="(?:\.\./)+playbooks/([a-z0-9-]+)/"', html)


@pytest.mark.parametrize("department, expected", EXPECTED_CANDIDATES.items())
def test_department_page_lists_its_rollout_candidates(ja: Build, department, expected) -> None:
    html = ja.html(f"departments/{department}/")
    assert linked_playbooks(section(html, "rollout-candidates", "outputs")) == expected
    if not expected:
        assert "横展開の候補はありません。" in html


def test_department_page_lists_own_adopted_and_champions(ja: Build) -> None:
    sales = ja.html("departments/sales/")
    assert linked_playbooks(section(sales, "own", "adopted")) == ["sales-email", "sales-proposal"]
    assert "山田 太郎" in section(sales, "champions", "rollout-candidates")
    support = ja.html("departments/support/")
    assert linked_playbooks(section(support, "adopted", "champions")) == ["sales-email"]
    hr = ja.html("departments/hr/")
    assert "新しいパイロットが必要" in section(hr, "outputs")  # job-posting: nobody has one yet


def test_departments_without_playbook_or_champion_are_shown_as_such(ja: Build) -> None:
    index = ja.html("departments/")
    for key in ("hr", "it", "legal"):
        row = re.search(rf'<tr class="kb-row-empty"><th scope="row"><a [^>]*href="{key}/">.*?</tr>',
                        index, re.S)
        assert row and "未着手" in row.group(), key
    assert 'class="kb-row-empty"><th scope="row"><a href="sales/"' not in index
    legal = ja.html("departments/legal/")
    assert "まだ始まっていません" in legal and "この部門のチャンピオンはまだいません。" in legal


def test_output_page_lists_every_playbook_across_departments(ja: Build) -> None:
    proposal = ja.html("outputs/proposal/")
    assert linked_playbooks(section(proposal, "playbooks", "departments")) == [
        "marketing-proposal", "sales-proposal"]
    rows = section(proposal, "departments")
    assert 'id="dept-hr"' in rows and "採用済み" in rows
    assert "まだプレイブックがありません" in ja.html("outputs/report/")


def test_matrix_marks_each_cell_with_text_not_only_colour(ja: Build) -> None:
    html = ja.html("matrix/")
    candidates = re.findall(r'<td class="kb-cell kb-status-candidate"><a href="([^"]+)"', html)
    assert candidates == ["../outputs/faq/#dept-it"]  # sales/marketing are covered (+○1)
    covered = re.findall(r'<td class="kb-cell kb-status-covered"><a href="([^"]+)"', html)
    assert sorted(covered) == ["../outputs/email/#dept-sales", "../outputs/faq/#dept-support",
                               "../outputs/proposal/#dept-marketing",
                               "../outputs/proposal/#dept-sales"]
    for status, text in (("covered", "自部門あり"), ("adopted", "採用済み"),
                         ("candidate", "横展開候補"), ("empty", "なし")):
        assert f'kb-status-{status}" aria-hidden="true">' in html  # the legend
        assert f'<span class="kb-sr"> {text}</span>' in html or status == "empty"
    assert html.count("○1<span") == 2  # sales and marketing could also adopt the other's proposal
    assert 'class="kb-matrix-wrap" role="region"' in html


def test_phases_flag_the_overdue_pilot_only(ja: Build) -> None:
    html = ja.html("phases/")
    overdue = re.search(r'class="admonition warning kb-overdue-list".*?</div>', html, re.S).group()
    assert linked_playbooks(overdue) == ["sales-proposal"]
    assert "4 か月経過" in overdue
    assert html.count("kb-pcard-overdue") == 1
    for duration in ("1〜3 か月", "3〜6 か月", "6〜12 か月", "1 部門・1 業務", "3〜5 部門",
                     "全部門"):
        assert duration in html


def test_impact_arithmetic_per_playbook_department_and_total(ja: Build) -> None:
    html = ja.html("impact/")
    assert '<span class="kb-kpi-value" id="total-hours">97.5</span>' in html
    for slug, hours in (("sales-email", "60"), ("support-faq", "30"),
                        ("marketing-proposal", "7.5")):
        row = re.search(rf'<tr id="effect-{slug}">.*?</tr>', html, re.S).group()
        assert f"<strong>{hours}</strong>" in row
    departments = section(html, "by-department", "by-playbook")
    for label, hours in (("営業部", "60"), ("サポート部", "30"), ("マーケティング部", "7.5")):
        # used by the department = made by it: no adopter reports its own runs here
        used_made = rf'\s*<td class="kb-num" data-label="[^"]+">{re.escape(hours)}</td>' * 2
        assert re.search(rf">{label}</a>\s*</th>{used_made}", departments), label
    assert re.search(r"<tfoot>.*>97\.5<.*>97\.5<", departments, re.S)
    charts = re.findall(r'<svg [^>]*role="img"[^>]*>.*?</svg>', html, re.S)
    assert len(charts) == 2
    assert all("<title" in c and "<desc" in c and "時間/月</text>" in c for c in charts)
    assert "60 時間/月" in charts[0]
    assert linked_playbooks(section(html, "not-measured")) == ["sales-proposal"]


def test_health_lists_stale_playbooks_first(ja: Build) -> None:
    html = ja.html("health/")
    rows = re.findall(r'<tr id="([a-z0-9-]+)" class="kb-health-row-(\w+)( kb-stale)?"', html)
    assert rows[0] == ("sales-proposal", "warning", " kb-stale")
    assert {slug for slug, _, _ in rows} == {"sales-email", "sales-proposal", "support-faq",
                                             "marketing-proposal"}
    assert re.search(r"<code>stale</code></th><td[^>]*>0</td><td[^>]*>1</td>", html)


def test_metadata_is_escaped_on_every_page(ja: Build) -> None:
    pages = [ja.html(p) for p in ("departments/sales/", "departments/support/", "outputs/email/",
                                  "phases/", "impact/", "health/", "playbooks/sales-email/")]
    for html in pages:
        assert "<b>提案</b>" not in html
        assert HTML_TITLE in html
    assert "<b>提案</b>" not in ja.html("matrix/")


def test_script_in_a_title_stays_text(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "crossdept")
    index = root / "playbooks/sales-proposal/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "title: 提案書の骨子づくり", 'title: "<script>alert(1)</script>骨子"'), encoding="utf-8")
    build = build_site(root)  # unsafe-html is an error: not strict, the site is still built
    for page in GENERATED + ("departments/sales/", "outputs/proposal/", "departments/marketing/"):
        html = build.html(page)
        assert "<script>alert(1)" not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;骨子" in build.html("phases/")


def test_every_link_on_the_generated_pages_resolves(ja: Build) -> None:
    pages = [ja.site / p / "index.html" for p in GENERATED]
    pages += sorted((ja.site / "departments").glob("*/index.html"))
    pages += sorted((ja.site / "outputs").glob("*/index.html"))
    pages += [ja.site / "playbooks/sales-email/index.html"]  # the metadata panel
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#:]*)(?:#[^"]*)?"', html):
            if not href or href.startswith("/"):
                continue
            target = (page.parent / urlsplit(href).path).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (page, href)


def test_panel_links_department_output_and_tier(ja: Build) -> None:
    html = ja.html("playbooks/sales-proposal/")
    for href in ('href="../../departments/sales/"', 'href="../../outputs/proposal/"',
                 'href="../../curriculum/applied/#sales-proposal"'):
        assert href in html
    assert "kb-confidential" in html  # data: confidential carries a warning


def test_playbooks_json_is_served(ja: Build) -> None:
    data = json.loads((ja.site / "playbooks.json").read_text(encoding="utf-8"))
    assert [p["slug"] for p in data["playbooks"]] == [
        "marketing-proposal", "sales-email", "sales-proposal", "support-faq"]
    assert {d["key"]: d["produces"] for d in data["departments"]}["it"] == ["faq"]


def test_tools_are_listed_on_the_tools_page(ja: Build) -> None:
    """No playbooks/tools.yml in this fixture: /tools/ lists the names as written (the tag
    pages they replace are gone); test_tools_site.py covers the registry."""
    tools = ja.html("tools/")
    for tool in ("ChatGPT", "Microsoft Copilot"):
        assert tool in tools
    assert "playbooks/sales-email/" in tools
    assert not (ja.site / "tags").exists()


def test_nav_has_the_generated_indexes(ja: Build) -> None:
    html = ja.html("matrix/")
    links = dict(re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*'
                            r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html))
    for path, label in (("../departments/", "部門別"), ("../outputs/", "アウトプット別"),
                        ("./", "横展開マップ"), ("../phases/", "フェーズ"), ("../impact/", "効果"),
                        ("../health/", "ヘルスチェック")):
        assert links.get(path) == label, (path, links)
    playbook_pages = [h for h in links if re.search(r"playbooks/[^/]+/", h)]
    assert not playbook_pages  # the sidebar stays small: the catalog, no playbook


def test_english_site_labels(en: Build) -> None:
    sales = en.html("departments/sales/")
    assert "Rollout candidates" in sales and "横展開候補" not in sales
    assert "Marketing" in sales and HTML_TITLE in sales
    matrix = en.html("matrix/")
    assert re.search(r"<h1[^>]*>Rollout map", matrix) and "Candidate" in matrix
    phases = en.html("phases/")
    assert "Pilots running over 3 months" in phases and "1–3 months" in phases
    impact = en.html("impact/")
    assert "Total hours saved" in impact and "60 h/month" in impact
    assert "Health check" in en.html("health/")
    assert json.loads((en.site / "playbooks.json").read_text(encoding="utf-8"))["lang"] == "en"


def test_a_hand_written_page_wins_over_a_generated_one(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "crossdept")
    (root / "docs/matrix").mkdir()
    (root / "docs/matrix/index.md").write_text("# 手書きのマップ\n\n自分で書いたページです。\n",
                                               encoding="utf-8")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    html = build.html("matrix/")
    assert "手書きのマップ" in html and "kb-matrix" not in html
    assert "横展開候補" in build.html("departments/sales/")
