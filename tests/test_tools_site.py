"""A real build with playbooks/tools.yml: tool pages, the panel status, the generated policy
table, the retirement notice and playbooks.json (minimal fixture + tests/fixtures/tools,
built on 2026-11-25: ChatGPT retires on 2026-12-31, inside the 60-day window)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Build, build_site, make_repo


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_repo(tmp_path_factory.mktemp("tools"), "minimal")
    shutil.copytree(FIXTURES / "tools", root, dirs_exist_ok=True)
    build = build_site(root)
    assert build.returncode == 0, build.output
    return build


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_build_reports_the_upcoming_retirement(site: Build) -> None:
    assert "playbooks/sales-email/index.md:11: warning:" in site.output
    assert "2026-12-31 に廃止されます（あと 36 日）" in site.output


def test_one_page_per_tool_lists_its_playbooks(site: Build) -> None:
    chatgpt = site.html("tools/chatgpt/")
    assert '<h1 id="chatgpt">ChatGPT<a class="headerlink"' in chatgpt
    assert 'class="kb-tool-status kb-tool-retiring"' in chatgpt
    assert "2026-12-31 に廃止予定" in chatgpt
    assert '<a href="../../playbooks/sales-email/">商談メモから提案メールの下書き</a>' in chatgpt
    assert "社内情報まで" in text(chatgpt)
    claude = site.html("tools/claude/")
    assert "△ 試行中" in text(claude)
    assert "条件: 個人情報を除く" in text(claude)
    assert "このツールを使うプレイブックはまだありません。" in claude
    copilot = site.html("tools/m365-copilot/")
    assert '<a href="https://intra.example.co.jp/ai/request">申請の方法</a>' in copilot
    assert "<code>Microsoft Copilot</code>" in copilot


def test_the_index_keeps_the_old_tag_anchors(site: Build) -> None:
    index = site.html("tools/")
    for anchor in ("tag:microsoft-copilot", "tag:chatgpt", "tag:chat-gpt", "tag:claude"):
        assert f'id="{anchor}"' in index
    assert '<tr id="chatgpt">' in index
    redirect = site.html("tags/")
    assert 'location.href="../tools/"+(anchor?"#"+anchor:"")' in redirect


def test_the_panel_shows_each_tool_with_its_status(site: Build) -> None:
    page = site.html("playbooks/sales-email/")
    panel = page[page.index('class="kb-panel"'):page.index("</dl>")]
    assert '<a href="../../tools/chatgpt/">ChatGPT</a>' in panel
    assert "⚠ 2026-12-31 に廃止予定" in panel
    assert '<a href="../../tools/m365-copilot/">Microsoft 365 Copilot</a>' in panel
    assert "✓ 承認済み" in panel
    assert "tags/#tag:" not in page  # no free-text tags any more


def test_the_policy_page_table_comes_from_the_registry(site: Build) -> None:
    policy = site.html("data-policy/")
    table = policy[policy.index('id="tools"'):]
    table = table[table.index("<table"):table.index("</table>")]
    rows = [text(r).strip() for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    assert rows == [
        "ツール 公開情報 社内情報 機密情報 入力禁止の情報",
        "Microsoft 365 Copilot（会社のテナント） ○ ○ ○ ×",
        "ChatGPT（会社契約の Team プラン） — 2026-12-31 に廃止予定 ○ ○ × ×",
        "Claude — 試行中 ○ ○ △ 個人情報を除く ×",
    ]
    assert '<a href="../tools/chatgpt/">' in table
    assert "{{" not in policy  # the macro ran


def test_the_health_page_lists_playbooks_hit_by_a_retirement(site: Build) -> None:
    health = site.html("health/")
    section = health[health.index('id="retirements"'):health.index('id="rules"')]
    assert '<a href="../tools/chatgpt/">ChatGPT</a>' in section
    assert "2026-12-31" in section and "あと 36 日" in section
    assert '<a href="../playbooks/sales-email/">' in section


def test_playbooks_json_carries_the_registry(site: Build) -> None:
    data = json.loads((site.site / "playbooks.json").read_text(encoding="utf-8"))
    tools = {t["key"]: t for t in data["tools"]}
    assert list(tools) == ["m365-copilot", "chatgpt", "claude"]
    assert tools["chatgpt"] | {"playbooks": None} == {
        "key": "chatgpt", "ja": "ChatGPT", "en": "ChatGPT", "url": "tools/chatgpt/",
        "aliases": ["Chat GPT"], "data": "internal", "conditions": None,
        "contract": {"ja": "会社契約の Team プラン", "en": "company Team plan"},
        "status": "approved", "status_today": "approved", "retiring": True,
        "approved": "2025-10-01", "retired": "2026-12-31", "request": None, "playbooks": None}
    assert tools["chatgpt"]["playbooks"] == ["sales-email"]
    assert tools["claude"]["conditions"] == {"ja": "個人情報を除く", "en": "no personal data"}
    playbook = data["playbooks"][0]
    assert playbook["tools"] == ["ChatGPT", "Microsoft Copilot"]
    assert playbook["tool_keys"] == ["chatgpt", "m365-copilot"]
    assert playbook["tool_retirements"] == [
        {"tool": "chatgpt", "retired": "2026-12-31", "status_today": "approved"}]


def test_without_a_registry_the_tools_page_lists_the_names(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    index = build.html("tools/")
    assert "playbooks/tools.yml" in index and "ChatGPT" in index
    assert "tools" not in json.loads((build.site / "playbooks.json").read_text("utf-8"))
    assert "ツールの表を作れず" in build.html("data-policy/")


def test_english_pages_from_the_engine(tmp_path: Path) -> None:
    """The same registry on an English site: labels, names with their contract, the table."""
    from playbook_kb import Settings, check
    from playbook_kb.build.pages import build_site as plan_site
    from playbook_kb.build.trainer_macros import TrainerMacros

    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "tools", tmp_path, dirs_exist_ok=True)
    settings = Settings(lang="en", today=dt.date(2026, 11, 25))
    catalog, found = check(tmp_path, settings)
    plan = plan_site(catalog, found)
    page = plan.pages["tools/chatgpt.md"]
    assert "Retiring on 2026-12-31" in page and "up to Internal" in page
    assert "Playbooks using this tool" in page
    assert "AI tools" in plan.pages["tools/index.md"]
    panel = plan.pages["playbooks/sales-email/index.md"]
    assert "⚠ Retiring on 2026-12-31" in panel and "✓ Approved" in panel
    table = TrainerMacros(catalog).tool_policy_table("data-policy.md")
    assert "| Tool | Public | Internal | Confidential | Never allowed |" in table
    assert r"[ChatGPT \(company Team plan\)](tools/chatgpt.md) — Retiring on 2026-12-31" in table
    assert "△ no personal data" in table
