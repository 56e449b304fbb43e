"""What the cross-department pages share: formatting, rendering, the term pages.

These pages are Markdown files whose tables and lists are raw HTML, so every value goes
through Jinja's autoescape; Markdown headings get `escape_md` so a label is never markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from ...derive.rollout import Rollout
from ...model import PERCENT_METRICS, Playbook, Taxonomy
from ...routes import term_src
from .context import Context, SitePlan, render_page
from .preview import stub, stubbed


def hours(value: float) -> str:
    """One decimal where it says something: "495", "12.5", "1,234" (not "495.0")."""
    return f"{value:,.1f}".removesuffix(".0")


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def metric_value(name: str, value: float | None) -> str:
    """A target metric as a reader reads it: hours with one decimal, % and counts whole."""
    if value is None:
        return "—"
    if name == "hours_saved":
        return number(round(value, 1))
    if name in PERCENT_METRICS:
        return f"{value:.0f}%"
    return f"{value:,.0f}"


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
        self.words = context.words
        self.playbooks: list[Playbook] = context.published
        self.rollout: Rollout = context.rollout

    def department_label(self, key: str) -> str:
        return self.taxonomy.label("department", key, self.lang, key or "—")

    def output_label(self, key: str) -> str:
        return self.taxonomy.label("output", key, self.lang, key or "—")

    def render(self, template: str, src_uri: str, title: str, hide: tuple[str, ...] = (),
               **extra: Any) -> str:
        if stubbed(self.context, src_uri):  # a preview skips long lists it does not need
            return stub(self.context, src_uri, title)
        meta: dict[str, Any] = {"title": title, "render_macros": False}
        if hide:
            meta["hide"] = list(hide)
        return render_page(
            self.context, template, src_uri, meta, title=title, taxonomy=self.taxonomy,
            rollout=self.rollout, today=self.catalog.settings.today, hours=hours,
            number=number, dept=self.department_label, out=self.output_label, **extra,
        )


class Term(Protocol):
    key: str
    label: str


def term_pages(pages: Pages, plan: SitePlan, kind: str, terms: Sequence[Term],
               **extra: Any) -> None:
    """A taxonomy's list page and one page per term: /departments/..., /outputs/...

    Templates `<dir>_index.md.j2` (gets the list as `<dir>`) and `<dir>_page.md.j2` (gets
    one term as `<kind>`), e.g. departments_index.md.j2 with `departments`.
    """
    index = term_src(kind)
    folder = index.split("/")[0]
    plan.pages[index] = pages.render(f"{folder}_index.md.j2", index,
                                     pages.words[f"{folder}_title"], **{folder: terms}, **extra)
    for term in terms:
        src = term_src(kind, term.key)
        plan.pages[src] = pages.render(f"{folder}_page.md.j2", src, term.label,
                                       **{kind: term}, **extra)
