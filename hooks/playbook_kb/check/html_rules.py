"""`unsafe-html` and `external-resource`: what the build's sanitizer removes, with its line.

Both come from one call, `markup_removals`, which renders the file as the site does and
runs the same sanitizer: the check reports exactly what the build drops.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..findings import Finding, error
from ..i18n import text
from ..load.textio import split_front_matter
from ..model import Catalog, Playbook
from .markup import Located, markup_removals
from .registry import playbook_rule


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


@playbook_rule("unsafe-html", local=True)
def unsafe_html(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for rel, line, item in _located(playbook, "unsafe-html"):
        yield error("unsafe-html", rel, line, _message(catalog.settings.lang, item))


@playbook_rule("external-resource", local=True)
def external_resource(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for rel, line, item in _located(playbook, "external-resource"):
        yield error("external-resource", rel, line,
                    text(catalog.settings.lang, "markup.external",
                         value=_short(item.removal.value)))


def _message(lang: str, item: Located) -> str:
    removal = item.removal
    if removal.kind == "element":
        return text(lang, "markup.element", tag=removal.tag.split(":")[-1])
    if removal.kind == "url":
        return text(lang, "markup.url", value=_short(removal.value), tag=removal.tag,
                    name=removal.name)
    if removal.name == "class":
        return text(lang, "markup.class", value=_short(removal.value), tag=removal.tag)
    return text(lang, "markup.attribute", name=removal.name, tag=removal.tag)


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"
