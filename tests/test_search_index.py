"""The search index is segmented at build time; the browser tests show the effect."""

from __future__ import annotations

import json
import re

import pytest

from playbook_kb.build.search import SEPARATOR, WORD_BREAK, segment_index, tokens


def index(*texts: str) -> dict:
    return {"config": {"lang": ["ja"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": [{"location": f"p{i}/", "title": "会議の議事録を作る", "text": t}
                     for i, t in enumerate(texts)]}


@pytest.mark.parametrize(("text", "words"), [
    ("会議の議事録作成を生成AIで", {"議事録", "作成", "生成", "ai"}),
    ("請求書と検収データを照合する", {"請求書", "検収", "データ", "照合"}),
    ("品質不良の 8D レポートとなぜなぜ分析", {"品質", "不良", "8d", "レポート", "なぜなぜ分析"}),
    ("作業手順書（作業標準書）", {"作業", "手順書", "標準書"}),
])
def test_text_is_cut_into_words_the_browser_indexes(text, words):
    assert words <= set(tokens(text))


def test_noun_compounds_and_their_parts_become_hidden_keywords():
    doc = segment_index(index("<p>お客様からの問い合わせ回答を作る。品質保証部</p>"))["docs"][0]
    keywords = doc["kw"].split()
    assert {"問い合わせ回答", "品質保証部", "品質", "保証"} <= set(keywords)


def test_markup_and_characters_are_kept_only_word_breaks_are_added():
    text = "<p>商談メモから<code>{{顧客名}}</code>の&lt;提案&gt;メールを…作る</p>"
    out = segment_index(index(text))["docs"][0]["text"]
    assert out.replace(WORD_BREAK, "") == text
    assert "<p>" in out and "&lt;" in out and "<code>" in out


def test_the_browser_gets_no_tinysegmenter_and_a_separator_that_cuts_scripts():
    config = segment_index(index("テキスト"))["config"]
    assert config["lang"] == ["en"] and config["pipeline"] == []
    assert config["fields"]["kw"]["boost"] > 0
    # the query side: a compound typed without spaces is cut where the script changes
    assert [p for p in re.split(config["separator"], "検収データ") if p] == ["検収", "データ"]
    assert [p for p in re.split(SEPARATOR, "生成AI議事録") if p] == ["生成", "AI", "議事録"]
    assert [p for p in re.split(SEPARATOR, "提案書の骨子") if p] == ["提案書", "骨子"]
    assert [p for p in re.split(SEPARATOR, "問い合わせ") if p] == ["問い合わせ"]


def test_the_same_index_is_segmented_the_same_way():
    first = json.dumps(segment_index(index("議事録を作る", "提案メール")), ensure_ascii=False)
    assert first == json.dumps(segment_index(index("議事録を作る", "提案メール")),
                               ensure_ascii=False)
