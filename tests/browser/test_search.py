"""SPEC §5: search works for Japanese text, in the browser.

Readers type compounds without spaces (議事録作成, 提案メール). Each query below must put
the right playbook among the first TOP results of Material's search box. The queries
are about the repository's real sample playbooks.
"""

from __future__ import annotations

import pytest

from .conftest import search

pytestmark = pytest.mark.browser

TOP = 5  # what the search panel shows without scrolling at 1366x768
QUERIES = [  # (query, playbook slug, shape)
    ("議事録作成", "meeting-minutes", "kanji compound"),
    ("生成AI議事録", "meeting-minutes", "mixed 生成AI + kanji"),
    ("提案メール", "sales-proposal-email", "kanji + katakana"),
    ("商談メモ", "sales-proposal-email", "kanji + katakana"),
    ("提案書の骨子", "sales-proposal-outline", "phrase with particle"),
    ("請求書照合", "accounting-invoice-check", "kanji compound"),
    ("検収データ", "accounting-invoice-check", "kanji + katakana"),
    ("求人票", "hr-job-posting", "kanji word"),
    ("面接評価", "hr-interview-summary", "kanji compound"),
    ("作業手順書", "mfg-work-instruction", "kanji compound"),
    ("作業標準書", "mfg-work-instruction", "kanji compound"),
    ("なぜなぜ分析", "qa-defect-report-8d", "hiragana + kanji"),
    ("8Dレポート", "qa-defect-report-8d", "digits + katakana"),
    ("社内通知文", "ga-internal-notice", "kanji compound"),
    ("ヘルプデスク", "it-helpdesk-faq", "katakana word"),
    ("FAQ作成", "it-helpdesk-faq", "latin + kanji"),
    ("問い合わせ回答", "cs-inquiry-reply", "kanji + okurigana"),
    ("Claude 提案書", "sales-proposal-outline", "English tool name + word"),
    ("ChatGPT 求人票", "hr-job-posting", "English tool name + word"),
    ("契約書レビュー", "legal-contract-first-review", "kanji + katakana"),
    ("プレスリリース", "mkt-press-release", "katakana compound"),
    ("メールマガジン", "mkt-newsletter", "katakana compound"),
    ("月次業績報告", "cp-monthly-report", "kanji compound"),
    ("AI利用状況", "it-ai-usage-report", "latin + kanji"),
    ("営業週報", "sales-weekly-report", "kanji compound"),
    ("操作マニュアル", "it-system-manual", "kanji + katakana"),
    ("Gemini", "mkt-newsletter", "English tool name"),
    ("経理部", "accounting-invoice-check", "department name"),
    ("品質保証部", "qa-defect-report-8d", "department name"),
    ("法務部 契約書", "legal-contract-first-review", "department name + word"),
]


def rank(results: list[str], slug: str) -> int | None:
    """1-based position of the first result inside the playbook, None if absent."""
    for position, path in enumerate(results, 1):
        if f"/playbooks/{slug}/" in path:
            return position
    return None


@pytest.fixture
def home(site, page):
    page.goto(site(""))
    return page


@pytest.mark.parametrize(("query", "slug", "shape"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_the_playbook(site, home, query, slug, shape):
    if not (site.site / "playbooks" / slug).is_dir():
        pytest.fail(f"the query set names playbooks/{slug}/, which the repository no longer has")
    results = search(home, query)
    position = rank(results, slug)
    assert position is not None and position <= TOP, (
        f"{query!r} ({shape}): {slug} is at {position}; top results: {results[:TOP]}")
