"""Macros for trainers' pages, and the sandbox those pages render in.

Trainer pages (docs/ pages with `render_macros: true`) are Jinja templates. They get the
functions and plain-data variables below and nothing else: no config, no environment,
no Python objects. `hooks/kb_macros.py` wires this into mkdocs-macros.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from ..derive.curriculum import curriculum_of
from ..derive.impact import build_impact
from ..derive.rollout import published
from ..i18n import labels, text
from ..i18n.suggest import did_you_mean
from ..model import PHASES, TARGET_METRICS, TIERS, Catalog, Playbook
from ..routes import Links, doc_link, link, part_keys, part_named, parts, tier_url, tool_src
from .curriculum_view import CurriculumView
from .pages.crossdept import metric_value
from .pages.tools import badge, cells, tool_name
from .render import escape_md, render
from .sandbox import LimitedSandbox, MacroLimit


class MacroError(ValueError):
    """A macro called with a key that does not exist: the build stops and says which."""


@dataclass(frozen=True)
class PageView:
    """What a trainer page may read about itself: plain values only."""

    src_uri: str
    title: str = ""
    url: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


class TrainerMacros:
    """The macros of one build, over that build's catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.curriculum = curriculum_of(catalog)
        self.lang = catalog.settings.lang
        self.words = labels(self.lang)
        self.view = CurriculumView(catalog, self.curriculum, self.lang)
        self._slugs = {p.slug: p for p in catalog.playbooks if p.slug_ok}
        for p in catalog.playbooks:
            for alias in p.meta.aliases:  # an old slug in a trainer's page keeps working
                self._slugs.setdefault(alias, p)

    def variables(self) -> dict[str, Any]:
        """The taxonomy as plain data: `departments`, `outputs`, `tiers`, `phases`."""
        def terms(items):
            return [{"key": t.key, "label": t.label(self.lang), "ja": t.ja, "en": t.en}
                    for t in items]
        w = self.words
        return {
            "departments": terms(self.catalog.taxonomy.departments),
            "outputs": terms(self.catalog.taxonomy.outputs),
            "tiers": [{"key": t, "label": w[f"{t}_tier"], "audience": w[f"{t}_audience"],
                       "goals": w[f"{t}_goals"]} for t in TIERS],
            "phases": [{"key": p, "label": w[p]} for p in PHASES],
        }

    def functions(self, page: str) -> dict[str, Callable[..., Any]]:
        """The macros, bound to the page they are called from (links are relative to it)."""
        def playbook_card(slug):
            return self.playbook_card(page, slug)

        def playbook_link(slug, part=None):
            return self.playbook_link(page, slug, part)

        def curriculum_table(tier):
            return self.curriculum_table(page, tier)

        def playbooks(department=None, output=None, tier=None, phase=None):
            return self.playbooks(page, department, output, tier, phase)

        def hours_saved(department=None):
            return self.hours_saved(page, department)

        def targets_table():
            return self.targets_table()

        def tool_policy_table():
            return self.tool_policy_table(page)

        return {f.__name__: f for f in (playbook_card, playbook_link, curriculum_table,
                                        playbooks, hours_saved, targets_table,
                                        tool_policy_table)}

    def playbook_card(self, page: str, slug: str) -> str:
        playbook = self._playbook(page, "playbook_card", slug)
        slug = playbook.slug  # an alias links the playbook's pages under its new slug
        meta, taxonomy = playbook.meta, self.catalog.taxonomy
        department, output = taxonomy.department(meta.department), taxonomy.output(meta.output)
        facts = [t.label(self.lang) for t in (department, output) if t]
        facts += [self.words[v] for v in (meta.tier, meta.phase) if v]
        links = [{"label": self.words[p.label], "link": self._link(page, playbook, p.key)}
                 for p in parts() if p.key != "overview"]
        return render("macro_card.md.j2", title=escape_md(playbook.title),
                      link=self._link(page, playbook),
                      summary=escape_md(meta.summary), facts=facts, parts=links)

    def playbook_link(self, page: str, slug: str, part: str | None = None) -> str:
        playbook = self._playbook(page, "playbook_link", slug)
        key = part or "overview"
        if key not in part_keys():
            raise self._unknown(page, "playbook_link", "part", key, part_keys())
        title = html.escape(escape_md(playbook.title))  # no template escapes this one
        text = title if key == "overview" else f"{title} — {self.words[part_named(key).label]}"
        return f"[{text}]({self._link(page, playbook, key)})"

    def curriculum_table(self, page: str, tier: str) -> str:
        if tier not in TIERS:
            raise self._unknown(page, "curriculum_table", "tier", tier, list(TIERS))
        if self.catalog.settings.preview:
            return self._omitted()
        cap = self.catalog.settings.list_limit  # the rest on the tier's page
        everything = self.curriculum.tiers[tier]
        modules = [self.view.module(m, page) for m in everything[:cap]]
        more = link(page, tier_url(tier)) if len(everything) > cap else ""
        return render("macro_curriculum.md.j2", words=self.words, modules=modules,
                      total=len(everything), more=more)

    def playbooks(self, page: str, department: str | None = None, output: str | None = None,
                  tier: str | None = None, phase: str | None = None) -> str:
        taxonomy = self.catalog.taxonomy
        wanted = {"department": department, "output": output, "tier": tier, "phase": phase}
        allowed = {"department": [t.key for t in taxonomy.departments],
                   "output": [t.key for t in taxonomy.outputs],
                   "tier": list(TIERS), "phase": list(PHASES)}
        for name, value in wanted.items():
            if value is not None and value not in allowed[name]:
                raise self._unknown(page, "playbooks", name, value, allowed[name])
        if self.catalog.settings.preview:
            return self._omitted()
        order = {key: i for i, key in enumerate(allowed["department"])}
        chosen = sorted(
            (p for p in self.catalog.playbooks if p.slug_ok and all(
                v is None or getattr(p.meta, k) == v for k, v in wanted.items())),
            key=lambda p: (order.get(p.meta.department, len(order)), p.title, p.slug))
        cap = self.catalog.settings.list_limit  # the rest in the catalog, filtered the same
        rows = [self._row(page, p) for p in chosen[:cap]]
        more = Links(page).catalog(**{k: v for k, v in wanted.items() if v}) \
            if len(chosen) > cap else ""
        return render("macro_playbooks.md.j2", words=self.words, rows=rows, total=len(chosen),
                      more=more)

    def hours_saved(self, page: str, department: str | None = None) -> float:
        """Hours saved per month, summed over playbooks with metrics (one decimal)."""
        if department is not None and self.catalog.taxonomy.department(department) is None:
            keys = [t.key for t in self.catalog.taxonomy.departments]
            raise self._unknown(page, "hours_saved", "department", department, keys)
        total = sum(p.meta.metrics.hours_saved_per_month for p in self.catalog.playbooks
                    if p.slug_ok and p.meta.metrics is not None
                    and department in (None, p.meta.department))
        return round(float(total), 1)

    def targets_table(self) -> str:
        """The company's targets (playbooks/targets.yml) with today's numbers beside them."""
        company = self.catalog.company
        report = build_impact(self.catalog, published(self.catalog))
        names = [n for n in TARGET_METRICS
                 if n in company.baseline or any(n in t.values for t in company.targets)]
        rows = [{"label": self.words[f"metric_{n}"],
                 "baseline": metric_value(n, company.baseline.get(n)),
                 "targets": [metric_value(n, t.values.get(n)) for t in company.targets],
                 "current": metric_value(n, report.current.get(n))} for n in names]
        if "helpdesk_inquiries" in company.baseline:  # a count: its targets are reductions
            latest = next((m.helpdesk_inquiries for m in reversed(company.months)
                           if m.helpdesk_inquiries is not None), None)
            base = company.baseline["helpdesk_inquiries"]
            rows.append({"label": self.words["metric_helpdesk_inquiries"],
                         "baseline": metric_value("playbooks", base),
                         "targets": ["—" for _ in company.targets],
                         "current": metric_value("playbooks", latest)})
        heads = [{"date": t.date.isoformat(), "label": escape_md(t.label(self.lang))}
                 for t in company.targets]
        return render("macro_targets.md.j2", words=self.words, rows=rows,
                      baseline_date=company.baseline_date, targets=heads)

    def tool_policy_table(self, page: str) -> str:
        """The data policy's tool × data-class table, from playbooks/tools.yml."""
        registry, settings = self.catalog.tools, self.catalog.settings
        if registry is None:
            return render("macro_tool_policy.md.j2", words=self.words, rows=None)
        rows = []
        for tool in registry.tools:
            status = badge(tool, settings.today, settings.tool_retirement_warning_days,
                           self.lang)
            rows.append({"name": escape_md(tool_name(tool, self.lang)),
                         "link": doc_link(page, tool_src(tool.key)),
                         "cells": [escape_md(c) for c in cells(tool, settings.today, self.lang)],
                         "status": "" if status.kind == "approved" else status.text})
        return render("macro_tool_policy.md.j2", words=self.words, rows=rows)

    def _row(self, page: str, playbook: Playbook) -> dict[str, str]:
        meta, taxonomy = playbook.meta, self.catalog.taxonomy
        return {
            "title": escape_md(playbook.title),
            "link": self._link(page, playbook),
            "department": escape_md(taxonomy.label("department", meta.department, self.lang)),
            "output": escape_md(taxonomy.label("output", meta.output, self.lang)),
            "phase": self.words.get(meta.phase, ""), "tier": self.words.get(meta.tier, ""),
            "hours": f"{meta.metrics.hours_saved_per_month:,.1f}".removesuffix(".0")
            if meta.metrics else "—",
        }

    def _omitted(self) -> str:
        """A preview (`playbook-kb serve SLUG`) skips long lists: they are what costs time."""
        return f"*{html.escape(self.words['preview_omitted'])}*"

    def _link(self, page: str, playbook: Playbook, part: str = "overview") -> str:
        return self.view.playbook_target(page, playbook, part)

    def _playbook(self, page: str, macro: str, slug: Any) -> Playbook:
        playbook = self._slugs.get(slug) if isinstance(slug, str) else None
        if playbook is None:
            raise self._unknown(page, macro, "slug", slug, sorted(self._slugs))
        return playbook

    def _unknown(self, page: str, macro: str, name: str, value: Any,
                 allowed: list[str]) -> MacroError:
        head = text(self.lang, "macros.unknown", page=page, macro=macro, name=name, value=value)
        return MacroError(did_you_mean(self.lang, head, str(value), allowed))


def page_variables(macros: TrainerMacros, page: PageView) -> dict[str, Any]:
    """Everything a trainer page sees: itself, the taxonomy and the macros."""
    return {"page": page, **macros.variables(), **macros.functions(page.src_uri)}


def sandboxed(base: Environment) -> LimitedSandbox:
    """A sandbox with the delimiters, loader and undefined policy of mkdocs-macros' own,
    and limits on size and time (build/sandbox.py)."""
    return LimitedSandbox(
        loader=base.loader, undefined=base.undefined, extensions=list(base.extensions),
        block_start_string=base.block_start_string, block_end_string=base.block_end_string,
        variable_start_string=base.variable_start_string,
        variable_end_string=base.variable_end_string,
        comment_start_string=base.comment_start_string,
        comment_end_string=base.comment_end_string, keep_trailing_newline=True,
    )


__all__ = ["LimitedSandbox", "MacroError", "MacroLimit", "PageView", "TrainerMacros",
           "page_variables", "sandboxed"]
