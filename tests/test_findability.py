"""Search normalisation shared by the build and the browser (build/findability.py)."""

from __future__ import annotations

import json

import pytest

from playbook_kb.build.findability import TERMS_FILE, concept_tokens, token, unmark

TERMS = json.loads(TERMS_FILE.read_text(encoding="utf-8"))


def group_token(kind: str, member: str) -> str:
    key = {"v": "variants", "s": "synonyms"}[kind]
    index = next(i for i, g in enumerate(TERMS[key]) if member in g)
    return token(kind, index)


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("申し込みメール", "研修の申込み", "v"),  # okurigana
    ("見積もり", "見積書", "v"),  # okurigana and compound
    ("ＰＤＦの注文書", "pdf", "v"),  # full width
    ("ｴｸｾﾙ", "Excel関数", "v"),  # half-width katakana
    ("日報", "業務日誌をまとめる", "s"),  # synonym
    ("謝罪文", "お詫び状", "s"),
])
def test_spellings_and_synonyms_share_a_token(a, b, kind) -> None:
    assert set(concept_tokens(a)) & set(concept_tokens(b))


def test_latin_members_match_whole_words_only() -> None:
    x = group_token("v", "x")
    assert x in concept_tokens("X（旧Twitter）に投稿")
    assert x not in concept_tokens("xlookup と excel")


def test_the_fast_matcher_agrees_with_one_pattern_per_member() -> None:
    """Every member of the file, alone, inside Japanese text and glued to letters,
    digits or `&`: a group's token appears exactly when one of its members matches
    as the rule says (Latin: whole word; Japanese: anywhere)."""
    import re

    from playbook_kb.build.findability import normalise

    def rule(member: str) -> re.Pattern[str]:
        if re.fullmatch(r"[0-9a-z&]+", member):
            return re.compile(rf"(?<![0-9a-z]){re.escape(member)}(?![0-9a-z])")
        return re.compile(re.escape(member))

    groups = [(token(kind, index), [rule(normalise(m)) for m in members])
              for kind, key in (("v", "variants"), ("s", "synonyms"))
              for index, members in enumerate(TERMS[key])]
    texts = [wrap.format(normalise(m)) for key in ("variants", "synonyms")
             for members in TERMS[key] for m in members
             for wrap in ("{}", "今日は{}です", "({})", "z{}", "{}9", "&{}&", "{} と")]
    japanese = sorted({normalise(m) for key in ("variants", "synonyms")
                       for members in TERMS[key] for m in members
                       if not re.fullmatch(r"[0-9a-z&]+", normalise(m))})
    overlapping = [a + b[k:] for a in japanese for b in japanese if a != b  # 日報 + 報告
                   for k in range(1, min(len(a), len(b))) if a.endswith(b[:k])]
    assert len(texts) > 1000 and len(overlapping) > 10
    for text in texts + overlapping:
        expected = [name for name, rules in groups
                    if any(r.search(normalise(text)) for r in rules)]
        assert concept_tokens(text) == expected, text


def test_tokens_are_fixed_length_so_none_is_a_prefix_of_another() -> None:
    tokens = {token(kind, i) for kind in "vs" for i in range(800)}
    assert len(tokens) == 1600 and {len(t) for t in tokens} == {6}


def test_contributor_html_cannot_steer_the_index() -> None:
    html = '<p DATA-PAGEFIND-WEIGHT="10" data-pagefind-meta="title:x">a</p>'
    assert "pagefind" not in unmark(html).replace("kb-unmarked", "")


def test_an_index_document_keeps_the_title_and_the_whole_marked_part() -> None:
    """Pagefind falls back to <title> when the part has no <h1>; the part runs to the
    last end marker (a hand-written page may show the marker's text in raw HTML) and
    starts after <body (Material may copy a heading's text into <title>)."""
    from playbook_kb.build.findability import INDEX_END, INDEX_START, index_document

    page = (f"<html><head><title>{INDEX_START}手順 - サイト</title></head><body><nav>x</nav>"
            f"{INDEX_START}<p>前半</p>{INDEX_END}<p>後半</p></div>{INDEX_END}<footer>f</footer>"
            "</body></html>")
    document = index_document(page)
    assert document is not None
    assert f"<title>{INDEX_START}手順 - サイト</title>" in document
    body = document.split("<body>", 1)[1]
    assert body.startswith(f"{INDEX_START}<p>前半</p>") and "<p>後半</p></div>" in body
    assert "<nav>" not in document and "<footer>" not in document
    assert index_document("<html><body><p>no marker</p></body></html>") is None
