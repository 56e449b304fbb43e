"""/playbooks/ (build/pages/catalog_page.py): a plain list plus the JSON its script reads."""

from __future__ import annotations

import json
import re

from playbook_kb import check
from playbook_kb.build.pages import build_site
from playbook_kb.build.pages.catalog_page import SRC_URI

HOSTILE = 'x</script><script>alert(1)</script><!--'


def catalog(root) -> str:
    found, findings = check(root)
    return build_site(found, findings).pages[SRC_URI]


def test_every_playbook_is_listed_with_its_facts(root) -> None:
    page = catalog(root)
    assert page.count('<li class="kb-catalog-item"') == 1
    assert "商談メモから提案メールの下書き" in page and "営業部" in page
    data = json.loads(re.search(r'id="kb-catalog-json">(.*)</script>', page).group(1))
    assert data["items"] == [{
        "data": "internal", "department": "sales", "hours": "ge50", "newest": "2026-03-01",
        "output": "email", "phase": "rollout", "saved": 60.0, "tier": "basic",
        "tools": ["ChatGPT", "Microsoft Copilot"]}]
    assert data["labels"]["tools"] == {"ChatGPT": "ChatGPT", "Microsoft Copilot": "Microsoft Copilot"}


def test_contributor_text_cannot_leave_the_json_or_the_list(root) -> None:
    index = root / "playbooks" / "sales-email" / "index.md"
    text = index.read_text(encoding="utf-8").replace(
        "tools: [ChatGPT, Microsoft Copilot]", f"tools: ['{HOSTILE}']").replace(
        "title: 商談メモから提案メールの下書き", f"title: '{HOSTILE}'")
    index.write_text(text, encoding="utf-8")
    page = catalog(root)
    script = re.search(r'id="kb-catalog-json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and json.loads(script)["items"][0]["tools"] == [HOSTILE]
    assert "<script>alert" not in page  # the list escapes it too
