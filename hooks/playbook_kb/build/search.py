"""Japanese search that finds compounds: the search index, segmented at build time.

Material's search (lunr in the browser) cuts Japanese with TinySegmenter and a greedy
look-up, and misses compounds typed without spaces: 検収データ, 生成AI議事録,
問い合わせ回答 found nothing. Here a real morphological analyser (SudachiPy, core
dictionary, long units) cuts every title and text once, at build time:

- `title` and `text` keep their words, separated by U+200B (invisible in the results);
- a hidden `kw` field adds each noun compound and its parts (問い合わせ回答, 問い合わせ,
  回答), so a query that names a compound or only a part of one finds it;
- the browser gets no TinySegmenter (`lang: en` in the index's own config, no pipeline:
  nothing is stemmed, trimmed or dropped), and a separator that also cuts a query where
  the script changes (検収|データ, 生成|AI) and at a particle between kanji (提案書|骨子).

`rewrite_search_index(path)` rewrites `site/search/search_index.json` in place; the
MkDocs adapter calls it after Material's search plugin has written the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

WORD_BREAK = "\u200b"
_J = r"\u3041-\u309f\u3400-\u4dbf\u4e00-\u9fff々〆"  # hiragana and kanji
_K = r"\u30a1-\u30fa\u30fc-\u30ffｦ-ﾟ"  # katakana (not the middle dot ・)
_A = r"0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_KANJI = r"\u3400-\u4dbf\u4e00-\u9fff々"
SEPARATOR = (
    r"[\s\u200b\-　、。，．,.・:：;；/／\\|｜!！?？…「」『』【】〔〕（）()［］\[\]{}＜＞〈〉《》→]+"
    rf"|(?<=[{_J}])(?=[{_K}{_A}])|(?<=[{_K}])(?=[{_J}{_A}])|(?<=[{_A}])(?=[{_J}{_K}])"
    rf"|(?<=[{_KANJI}])[のをにはがとでへや](?=[{_KANJI}])"
)
KEYWORD_BOOST = 1.0
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
_CHUNK = re.compile(r"[^\n。]{1,4000}[\n。]?|[\n。]")
_JAPANESE = re.compile(rf"[{_J}{_K}]")
_SCRIPT = re.compile(rf"[{_J}]+|[{_K}]+|[{_A}]+")
_WORDISH = re.compile(r"\w")  # no break next to spaces and punctuation: they separate already
_NOUNISH = ("名詞", "接頭辞", "接尾辞")
MAX_PARTS = 4  # longest compound kept in `kw`, in analyser units


@lru_cache(maxsize=1)
def _tokenizers():
    """Long units (議事録, 生成AI) and their short parts, from SudachiPy's core dictionary."""
    from sudachipy import Dictionary, SplitMode  # 190 MB of dictionary: load only to build

    dictionary = Dictionary(dict="core")
    return dictionary.tokenizer(mode=SplitMode.C), dictionary.tokenizer(mode=SplitMode.B)


def _morphemes(text: str) -> list[tuple[str, bool]]:
    """(surface, is a noun, prefix or suffix) of each long unit."""
    long, _ = _tokenizers()
    found = []  # offsets, not surface(): the analyser rewrites a few characters (…)
    for m in long.tokenize(text):
        if m.end() > m.begin():
            found.append((text[m.begin():m.end()], m.part_of_speech()[0] in _NOUNISH))
    return found


@lru_cache(maxsize=65536)  # the same words come back on every page
def _parts(word: str) -> tuple[str, ...]:
    _, short = _tokenizers()
    if len(word) <= 2:
        return (word,)
    return tuple(word[m.begin():m.end()] for m in short.tokenize(word) if m.end() > m.begin())


def rewrite_search_index(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(segment_index(data), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


def segment_index(data: dict[str, Any]) -> dict[str, Any]:
    config = data["config"]
    config.update(lang=["en"], pipeline=[], separator=SEPARATOR)
    config["fields"]["kw"] = {"boost": KEYWORD_BOOST}
    for doc in data["docs"]:
        keywords: dict[str, None] = {}
        for name in ("title", "text"):
            if doc.get(name):
                doc[name] = _segment_markup(doc[name], keywords)
        if keywords:
            doc["kw"] = " ".join(keywords)
    return data


def _segment_markup(html: str, keywords: dict[str, None]) -> str:
    """Cut the text between tags and entities; markup passes through untouched."""
    out = []
    for piece in _MARKUP.split(html):
        if not piece or _MARKUP.fullmatch(piece):
            out.append(piece)
        else:
            out.extend(_segment_text(chunk.group(), keywords) for chunk in _CHUNK.finditer(piece))
    return "".join(out)


def _segment_text(text: str, keywords: dict[str, None]) -> str:
    if not _JAPANESE.search(text):
        return text  # code, English: the separator alone cuts it
    segmented, found = _segment_once(text)
    keywords.update(dict.fromkeys(found))
    return segmented


@lru_cache(maxsize=100_000)  # headings, labels and panels repeat on many pages and rebuilds
def _segment_once(text: str) -> tuple[str, tuple[str, ...]]:
    keywords: dict[str, None] = {}
    return _segment(text, keywords), tuple(keywords)


def _segment(text: str, keywords: dict[str, None]) -> str:
    words: list[str] = []
    run: list[tuple[str, ...]] = []  # the current noun compound, each unit as its short parts
    for surface, nounish in _morphemes(text):
        if nounish and len(surface) == 1 and words and run and _same_script(words[-1], surface):
            words[-1] += surface  # 手順+書, 品質保証+部: no one-kanji words to trip the query
        else:
            words.append(surface)
        if nounish and _SCRIPT.fullmatch(surface):
            run.append(_parts(surface))
        else:
            _add_compounds(run, keywords)
            run = []
    _add_compounds(run, keywords)
    return _join(words)


def _add_compounds(run: list[tuple[str, ...]], keywords: dict[str, None]) -> None:
    for unit in run:
        if len(unit) > 1:
            keywords.update(dict.fromkeys(unit))
    for start in range(len(run)):
        for end in range(start + 2, min(start + MAX_PARTS, len(run)) + 1):
            compound = "".join("".join(unit) for unit in run[start:end])
            for part in _SCRIPT.findall(compound):  # the browser cuts where scripts change
                if len(part) > 1:
                    keywords[part] = None


def _same_script(word: str, char: str) -> bool:
    return bool(_SCRIPT.fullmatch(word[-1] + char))


def _join(words: list[str]) -> str:
    out: list[str] = []
    for word in words:
        if out and _WORDISH.match(out[-1][-1]) and _WORDISH.match(word[0]):
            out.append(WORD_BREAK)
        out.append(word)
    return "".join(out)


def tokens(text: str) -> Iterator[str]:
    """The words the browser will index for `text` (for tests and for measuring)."""
    for piece in re.split(SEPARATOR, _segment_text(text, {})):
        if piece:
            yield piece.lower()
