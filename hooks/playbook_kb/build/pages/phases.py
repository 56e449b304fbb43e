"""/phases/: the pilot → rollout → company-wide board, with the seed's typical durations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...model import PHASES, Playbook
from ...routes import IMPACT_SRC, PHASES_SRC, link, page_url
from .context import Context, SitePlan
from .crossdept import Pages, months_between

PILOT_MONTHS = 3  # the seed: a pilot proves a concrete result in 1–3 months


@dataclass(frozen=True)
class Entry:
    playbook: Playbook
    months: int | None = None  # whole months since `started`, when given
    overdue: bool = False  # a pilot past its typical 3 months


def phases_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    today = context.catalog.settings.today
    columns = {phase: [] for phase in PHASES}
    for playbook in pages.playbooks:
        if playbook.meta.phase in columns:
            columns[playbook.meta.phase].append(entry(playbook, today))
    for entries in columns.values():  # longest-running first: what needs a decision
        entries.sort(key=lambda e: (e.months is None, -(e.months or 0), e.playbook.slug))
    overdue = [e for e in columns["pilot"] if e.overdue]
    plan.pages[PHASES_SRC] = pages.render(
        "phases_page.md.j2", PHASES_SRC, pages.words["phases_title"], hide=("toc",),
        phases=PHASES, columns=columns, overdue=overdue, pilot_months=PILOT_MONTHS,
        report=context.impact, impact_progress=link(PHASES_SRC, page_url(IMPACT_SRC)) + "#progress",
        cap=context.catalog.settings.list_limit)  # longest-running first, then the catalog


def entry(playbook: Playbook, today: dt.date) -> Entry:
    started = playbook.meta.started
    if started is None:
        return Entry(playbook)
    overdue = playbook.meta.phase == "pilot" and today > add_months(started, PILOT_MONTHS)
    return Entry(playbook, months_between(started, today), overdue)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):  # clamp to the month's last day
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
