"""The /impact/ page's "playbooks over time": phases by month and hours per playbook.

Values come from the merged trend (derive/impact.py: monthly files win) and the month-end
snapshots of the git history (derive/trend.py). Each chart has its table beside it; the
same numbers go to /impact.json (`history`) and to impact/history.csv.
"""

from __future__ import annotations

from typing import Any

from ...derive.impact import ImpactReport, TrendPoint
from ...load.gitinfo import OK
from ...model import PHASES
from ..charts import Stack, stacked_chart
from .crossdept import Pages

TOP_PLAYBOOKS = 10  # rows of the per-playbook table; the CSV and the JSON have every one
SHOWN_MONTHS = 6  # columns of that table, so it fits a laptop without scrolling


def history_view(pages: Pages, report: ImpactReport) -> dict[str, Any]:
    """What impact_page.md.j2 needs for the section: note, chart, rows."""
    words, trend = pages.words, report.history
    phased = [t for t in report.trend if t.playbooks_by_phase]
    stacks = [Stack(t.month, tuple(float(t.playbooks_by_phase.get(p, 0)) for p in PHASES),
                    " / ".join(str(t.playbooks_by_phase.get(p, 0)) for p in PHASES))
              for t in phased]
    series = [words[p] for p in PHASES]
    description = "; ".join(f"{s.label}: " + ", ".join(
        f"{name} {value:.0f}" for name, value in zip(series, s.values, strict=True))
        for s in stacks)
    months = trend.months[-SHOWN_MONTHS:]
    titles = {p.slug: p.title for p in pages.playbooks}
    rows = [(slug, titles.get(slug), [m.hours_by_playbook.get(slug) for m in months])
            for slug in ranked(report)[:TOP_PLAYBOOKS]]  # no title: removed since, no link
    return {
        "history_note": "" if trend.status == OK else words[f"history_note_{trend.status}"],
        "phase_chart": stacked_chart("trend-phases", words["history_phase_chart"],
                                     description, series, stacks) if stacks else "",
        "phase_rows": phased,
        "history_months": [m.month for m in months],
        "history_rows": rows,
        "source_label": lambda point: words[f"source_{point.source}"],
        "phase_total": lambda point: sum(point.playbooks_by_phase.values()),
    }


def ranked(report: ImpactReport) -> list[str]:
    """Slugs with hours in any month, the biggest saver at the latest month first."""
    months = report.history.months
    if not months:
        return []
    latest = months[-1].hours_by_playbook
    slugs = {slug for m in months for slug in m.hours_by_playbook}
    return sorted(slugs, key=lambda slug: (-latest.get(slug, 0.0), slug))


def history_csv(pages: Pages, report: ImpactReport) -> list[list[Any]]:
    """Rows of impact/history.csv: one per playbook, one column per month of the window."""
    months = report.history.months
    titles = {p.slug: p.title for p in pages.playbooks}
    rows: list[list[Any]] = [[pages.words["playbook"], "slug", *(m.month for m in months)]]
    for slug in ranked(report):
        rows.append([titles.get(slug, slug), slug,
                     *(m.hours_by_playbook.get(slug) for m in months)])
    return rows


def history_json(report: ImpactReport, rounded) -> dict[str, Any]:
    """/impact.json `history` (fields in docs/reference/impact-json.md)."""
    trend = report.history
    return {
        "status": trend.status,
        "months": [{"month": m.month, "playbooks_by_phase": m.by_phase,
                    "hours_saved": rounded(m.hours_saved), "users": m.users}
                   for m in trend.months],
        "playbooks": [{"slug": slug, "hours_saved": [
            rounded(m.hours_by_playbook.get(slug)) for m in trend.months]}
            for slug in ranked(report)],
    }


def point_json(point: TrendPoint) -> dict[str, Any]:
    """What a trend point adds to /impact.json `trend[]` beside the monthly numbers."""
    return {"playbook_users": point.playbook_users, "source": point.source,
            "from_git": list(point.from_git)}
