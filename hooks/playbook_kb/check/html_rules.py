"""`unsafe-html` and `external-resource`: what the build's sanitizer removes, with its line.

Both come from one call, `markup_removals`, which renders the file as the site does and
runs the same sanitizer: the check reports exactly what the build drops.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..findings import Finding, error
from ..load.textio import split_front_matter
from ..model import Catalog, Playbook
from .markup import Located, markup_removals
from .registry import playbook_rule

_FIX_CODE = ("コードとして見せたいときは ` で囲むか、コードブロックに入れてください。"
             " (Only the HTML that Markdown writes is shown; put code in backticks.)")


@lru_cache(maxsize=16)
def _removed(text: str) -> tuple[int, tuple[Located, ...]]:
    split = split_front_matter(text)
    return split.body_line - 1, tuple(markup_removals(split.body))


def _located(playbook: Playbook, rule: str) -> Iterator[tuple[str, int, Located]]:
    for source in playbook.files:
        if source.suffix != ".md" or source.text is None or not source.publishable:
            continue
        offset, found = _removed(source.text)
        for item in found:
            if item.removal.rule == rule:
                yield source.rel, offset + item.line, item


@playbook_rule("unsafe-html")
def unsafe_html(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for rel, line, item in _located(playbook, "unsafe-html"):
        yield error("unsafe-html", rel, line, _message(item))


@playbook_rule("external-resource")
def external_resource(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for rel, line, item in _located(playbook, "external-resource"):
        yield error("external-resource", rel, line,
                    f"外部の画像「{_short(item.removal.value)}」は表示されません"
                    "（サイトは外部に通信しません）。画像ファイルをプレイブックのフォルダ"
                    "（samples/ など）に置き、相対パスで参照してください。"
                    " Images from other hosts are never loaded: add the file to the playbook.")


def _message(item: Located) -> str:
    removal = item.removal
    if removal.kind == "element":
        return (f"HTML の <{removal.tag.split(':')[-1]}> 要素は表示されません"
                "（使える HTML は Markdown が書くものだけです）。削除してください。" + _FIX_CODE)
    if removal.kind == "url":
        return (f"URL「{_short(removal.value)}」は使えません（<{removal.tag}> の {removal.name}）。"
                "リンクは相対パス、https://、mailto: だけ、画像は相対パスだけです。"
                " Links may be relative, http(s) or mailto.")
    if removal.name == "class":
        return (f"class「{_short(removal.value)}」は使えません（<{removal.tag}>）。"
                "使える class は admonition の種類（note, tip, warning など）と md-button です。"
                "削除してください。")
    return (f"{removal.name} 属性（<{removal.tag}>）は削除されます。イベント属性"
            "（onclick など）、style、form 用の属性などは使えません。削除してください。"
            + _FIX_CODE)


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"
