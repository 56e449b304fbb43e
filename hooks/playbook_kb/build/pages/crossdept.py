"""What the cross-department pages share: relative links, escaping, formatting, rendering.

These pages are Markdown files whose tables and lists are raw HTML, so every value goes
through Jinja's autoescape; Markdown headings get `escape_md` so a label is never markup.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import Any

from ...derive.rollout import Rollout
from ...labels import labels
from ...model import Playbook, Taxonomy
from ..render import escape_md, front_matter, render
from .context import Context, page_url


def relative(src_uri: str, target: str) -> str:
    """A link from the page built from `src_uri` to the site path `target` ("x/y/#frag")."""
    path, hash_, fragment = target.partition("#")
    base = page_url(src_uri).rstrip("/") or "."
    rel = posixpath.relpath(path.rstrip("/") or ".", base)
    if path.endswith("/") or not path:
        rel += "/"
    return rel + hash_ + fragment


def hours(value: float) -> str:
    return f"{value:,.1f}"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end` (0 if end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


class Pages:
    """Per-build state of the cross-department pages: the rollout grid and the helpers."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.catalog = context.catalog
        self.taxonomy: Taxonomy = context.catalog.taxonomy
        self.lang = context.lang
        self.words = labels(context.lang)
        self.playbooks: list[Playbook] = context.published
        self.rollout: Rollout = context.rollout

    def department_label(self, key: str) -> str:
        return self.taxonomy.label("department", key, self.lang, key or "—")

    def output_label(self, key: str) -> str:
        return self.taxonomy.label("output", key, self.lang, key or "—")

    def render(self, template: str, src_uri: str, title: str, hide: tuple[str, ...] = (),
               **extra: Any) -> str:
        meta: dict[str, Any] = {"title": title, "render_macros": False}
        if hide:
            meta["hide"] = list(hide)
        return render(
            template, front=front_matter(meta), title=title, words=self.words, lang=self.lang,
            taxonomy=self.taxonomy, rollout=self.rollout, today=self.catalog.settings.today,
            url=lambda target: relative(src_uri, target), md=escape_md, hours=hours, number=number,
            dept=self.department_label, out=self.output_label, **extra,
        )
