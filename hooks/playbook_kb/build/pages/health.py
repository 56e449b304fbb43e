"""/health/: completeness of every playbook, for maintainers. Stale playbooks come first.

The seed's failure pattern "introduced and then left alone": a playbook nobody has
reviewed for months is the first thing a maintainer should see.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ...findings import Finding
from ...model import Playbook
from ...routes import HEALTH_SRC
from .context import Context, SitePlan
from .crossdept import Pages

SEVERITY_ORDER = {"error": 0, "warning": 1, "ok": 2}


@dataclass(frozen=True)
class Row:
    playbook: Playbook
    findings: tuple[Finding, ...]
    linked: bool  # has an overview page

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def status(self) -> str:
        return "error" if self.errors else "warning" if self.findings else "ok"

    @property
    def stale(self) -> bool:
        return any(f.rule == "stale" for f in self.findings)


def health_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    linked = {p.slug for p in context.published}
    rows = sorted(
        (Row(p, tuple(context.by_playbook.get(p.slug, ())), p.slug in linked)
         for p in context.catalog.playbooks),
        key=lambda r: (SEVERITY_ORDER[r.status], not r.stale,  # errors first: a long list
                       # is cut at list_limit, and no error may fall below the cut
                       r.playbook.meta.reviewed or dt.date.min, r.playbook.slug),
    )
    owned = {f for row in rows for f in row.findings}
    others = [f for f in context.findings if f not in owned]
    errors = Counter(f.rule for f in context.findings if f.is_error)
    warnings = Counter(f.rule for f in context.findings if not f.is_error)
    rules = sorted(set(errors) | set(warnings), key=lambda r: (-errors[r], -warnings[r], r))
    statuses = Counter(row.status for row in rows)
    plan.pages[HEALTH_SRC] = pages.render(
        "health_page.md.j2", HEALTH_SRC, pages.words["health_title"], hide=("toc",),
        rows=rows, others=others, rules=rules, errors=errors, warnings=warnings,
        statuses=statuses, stale_days=context.catalog.settings.stale_days,
        retirements=context.tool_usage.retirements if context.tool_usage else (),
        retirement_days=context.catalog.settings.tool_retirement_warning_days)
