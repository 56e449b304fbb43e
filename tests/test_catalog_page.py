"""/playbooks/ (build/pages/catalog_page.py): a plain list plus the JSON its script reads."""

from __future__ import annotations

import json
import re

from playbook_kb import check
from playbook_kb.build.pages import build_site
from playbook_kb.build.pages.catalog_page import SRC_URI
from playbook_kb.routes import CATALOG_DATA_SRC

HOSTILE = 'x</script><script>alert(1)</script><!--'


def catalog(root) -> str:
    found, findings = check(root)
    return build_site(found, findings).pages[SRC_URI]


def catalog_items(root) -> list[dict]:
    found, findings = check(root)
    return json.loads(build_site(found, findings).files[CATALOG_DATA_SRC])["items"]


def test_every_playbook_is_listed_with_its_facts(root) -> None:
    page = catalog(root)
    assert page.count('<li class="kb-catalog-item"') == 1
    assert "商談メモから提案メールの下書き" in page and "営業部" in page
    data = json.loads(re.search(r'id="kb-catalog-json">(.*)</script>', page).group(1))
    assert data["source"].startswith("catalog.json?v=")  # beside the page, by content
    items = catalog_items(root)
    hours_text = items[0].pop("hours_text")  # the same words as the page's own entry
    assert hours_text.startswith("60") and f"<dd>{hours_text}</dd>" in page
    assert items == [{
        "data": "internal", "department": "sales", "hours": "ge50", "newest": "2026-03-01",
        "output": "email", "phase": "rollout", "saved": 60.0, "tier": "basic",
        "tools": ["ChatGPT", "Microsoft Copilot"], "adopted": ["support"],
        "title": "商談メモから提案メールの下書き", "summary": "商談メモを貼るだけで、お客様に送る提案メールの下書きを作る。営業担当向け。",
        "url": "sales-email/"}]
    assert data["labels"]["tools"] == {"ChatGPT": "ChatGPT", "Microsoft Copilot": "Microsoft Copilot"}


def test_contributor_text_cannot_leave_the_json_or_the_list(root) -> None:
    index = root / "playbooks" / "sales-email" / "index.md"
    text = index.read_text(encoding="utf-8").replace(
        "tools: [ChatGPT, Microsoft Copilot]", f"tools: ['{HOSTILE}']").replace(
        "title: 商談メモから提案メールの下書き", f"title: '{HOSTILE}'")
    index.write_text(text, encoding="utf-8")
    page = catalog(root)
    script = re.search(r'id="kb-catalog-json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and HOSTILE in json.loads(script)["labels"]["tools"]
    assert catalog_items(root)[0]["tools"] == [HOSTILE]  # a JSON file: never read as HTML
    assert "<script>alert" not in page  # the list escapes it too


def test_a_long_catalog_lists_the_newest_and_says_how_to_reach_the_rest(root) -> None:
    base = root / "playbooks" / "sales-email"
    for number, started in enumerate(("2026-01-05", "2026-05-01", "2025-12-24")):
        copy = root / "playbooks" / f"copy-{number}"
        copy.mkdir()
        for part in base.rglob("*"):
            target = copy / part.relative_to(base)
            if part.is_dir():
                target.mkdir(exist_ok=True)
            else:
                target.write_bytes(part.read_bytes())
        index = copy / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace(
            "title: 商談メモから", f"title: 写し{number} 商談メモから").replace(
            "started: 2026-03-01", f"started: {started}"), encoding="utf-8")
    (root / "mkdocs.yml").write_text("extra:\n  playbook_kb:\n    list_limit: 2\n",
                                     encoding="utf-8")
    page = catalog(root)
    assert re.findall(r'<li class="kb-catalog-item" data-i="(\d)">', page) == ["1", "3"]
    assert "写し1" in page and "sales-email/" in page  # 2026-05-01, then 2026-03-01
    assert "新しい順に 2 件を表示しています（全 4 件）" in page
    assert len(catalog_items(root)) == 4  # the script adds the other two
