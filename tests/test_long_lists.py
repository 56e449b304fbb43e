"""Generated lists stay light at 2,000 playbooks (issue 16): a list longer than
`list_limit` shows its first entries and links to the catalog, filtered to the rest."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from playbook_kb import check
from playbook_kb.build.pages import SitePlan, build_site
from playbook_kb.routes import CATALOG_DATA_SRC

from .conftest import FIXTURES, add_kb_setting, make_repo


@pytest.fixture
def plan(tmp_path) -> SitePlan:
    root = make_repo(tmp_path, "crossdept")
    shutil.copytree(FIXTURES / "tools", root, dirs_exist_ok=True)
    add_kb_setting(root, "list_limit: 1")
    catalog, findings = check(root)
    return build_site(catalog, findings)


def page(plan: SitePlan, prefix: str) -> str:
    return next(text for src, text in plan.pages.items() if src.startswith(prefix))


def rows(html: str) -> int:
    return len(re.findall(r"<tr><td><a href=", html))


def test_a_department_shows_its_first_playbook_and_links_to_the_rest(plan) -> None:
    sales = page(plan, "departments/sales")
    own = sales[:sales.index("{ #adopted }")]
    assert rows(own) == 1 and "2 件のうち 1 件を表示しています。" in own
    assert 'href="../../playbooks/?department=sales">プレイブック一覧ですべて見る</a>' in own


def test_a_tool_page_links_to_the_catalog_filtered_by_the_tool_key(plan) -> None:
    chatgpt = page(plan, "tools/chatgpt")
    assert rows(chatgpt) == 1 and "3 件のうち 1 件を表示しています。" in chatgpt
    assert 'href="../../playbooks/?tools=chatgpt"' in chatgpt
    items = json.loads(plan.files[CATALOG_DATA_SRC])["items"]
    email = next(i for i in items if i["url"] == "sales-email/")
    assert email["tools"] == ["chatgpt", "m365-copilot"]  # spellings folded to the tool's key
    assert email["adopted"] == ["support"]


def test_short_lists_are_whole_and_say_nothing(tmp_path) -> None:
    root = make_repo(tmp_path, "crossdept")
    catalog, findings = check(root)
    built = build_site(catalog, findings)
    assert all("件を表示しています。" not in text for text in built.pages.values())


def test_impact_shows_the_top_playbooks_and_offers_all_of_them_as_csv(plan) -> None:
    impact = page(plan, "impact/")
    table = impact[impact.index("{ #by-playbook }"):impact.index("{ #not-measured }")]
    assert len(re.findall(r'<tr id="effect-', table)) == 1
    assert '<a href="playbooks.csv">プレイブック別 (CSV)</a>' in table
    csv_rows = plan.files["impact/playbooks.csv"].strip().splitlines()
    measured = int(re.search(r"(\d+) 件のうち", table).group(1))
    assert measured > 1 and len(csv_rows) - 1 == measured  # the CSV has every one


def test_health_lists_problems_first_and_points_to_the_check(plan) -> None:
    health = page(plan, "health/")
    assert len(re.findall(r'class="kb-health-row-', health)) == 1
    assert "4 件のうち 1 件を表示しています。" in health and "playbook-kb check" in health


def test_rollout_candidates_show_the_first_ten_per_output(tmp_path) -> None:
    root = make_repo(tmp_path, "crossdept")
    base = root / "playbooks" / "marketing-proposal"  # a proposal sales could adopt
    for number in range(11):
        copy = root / "playbooks" / f"mkt-proposal-{number:02d}"
        shutil.copytree(base, copy)
        index = copy / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace(
            "title: ", f"title: 写し{number:02d} ", 1), encoding="utf-8")
    catalog, findings = check(root)
    sales = page(build_site(catalog, findings), "departments/sales")
    candidates = sales[sales.index("{ #rollout-candidates }"):]
    assert rows(candidates[:candidates.index("{ #outputs }")]) == 10
    assert "12 件のうち 10 件を表示しています。" in candidates
    assert 'href="../../playbooks/?output=proposal"' in candidates


def test_the_phase_board_shows_the_longest_running_and_links_to_the_rest(plan) -> None:
    board = page(plan, "phases")
    cards = re.findall(r'<li class="kb-pcard', board)
    columns = re.findall(r'<section class="kb-column', board)
    assert len(cards) <= len(columns)  # one card a column at list_limit: 1
    more = re.findall(r'href="(\.\./playbooks/\?phase=[a-z-]+)">プレイブック一覧ですべて見る', board)
    assert more and all(m.startswith("../playbooks/?phase=") for m in more)
