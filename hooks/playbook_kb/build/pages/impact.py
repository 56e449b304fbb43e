"""/impact/: the monthly report — progress against targets, trends, departments, playbooks.

The seed's last pattern: measure against a baseline and show the numbers. A playbook
without metrics is listed too — "no measurement" is one of the seed's failure patterns.
The same numbers go to /impact.json (portals) and to CSV files (a manager's report).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ...derive.impact import ImpactReport
from ...model import Playbook
from ...routes import IMPACT_SRC, department_url
from ..charts import Bar, bar_chart
from .context import Context, SitePlan
from .crossdept import Pages, hours, metric_value
from .impact_history import history_csv, history_json, history_view, point_json

TOP_PLAYBOOKS = 15  # the chart shows the biggest; the table below lists them all
IMPACT_JSON_VERSION = 1
CSV_FILES = ("departments", "playbooks", "trend", "history")


def impact_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    report = context.impact
    words = pages.words
    measured = sorted((p for p in pages.playbooks if p.meta.metrics),
                      key=lambda p: (-p.meta.metrics.hours_saved_per_month, p.slug))
    unmeasured = [p for p in pages.playbooks if not p.meta.metrics]
    unit = words["hours_unit"]
    departments = [d for d in report.departments if d.hours_used or d.hours_made
                   or d.active_users is not None]
    dept_chart = chart("impact-departments", words["impact_by_department"], [
        Bar(pages.department_label(d.key), d.hours_used, f"{hours(d.hours_used)} {unit}")
        for d in departments if d.hours_used])
    top = measured[:TOP_PLAYBOOKS]
    playbook_chart = chart("impact-playbooks", words["impact_top_playbooks"].format(n=len(top)), [
        Bar(p.title, p.meta.metrics.hours_saved_per_month,
            f"{hours(p.meta.metrics.hours_saved_per_month)} {unit}") for p in top])
    trend_charts = [
        chart("trend-hours", words["trend_hours_chart"], [
            Bar(t.month, t.hours_saved, f"{hours(t.hours_saved)} {unit}")
            for t in report.trend if t.hours_saved is not None]),
        chart("trend-usage", words["trend_usage_chart"], [
            Bar(t.month, t.usage_rate, f"{t.usage_rate:.0f}%")
            for t in report.trend if t.usage_rate is not None]),
    ]
    plan.pages[IMPACT_SRC] = pages.render(
        "impact_page.md.j2", IMPACT_SRC, words["impact_title"], hide=("toc",),
        report=report, measured=measured, unmeasured=unmeasured, departments=departments,
        total=report.total_hours, users_total=_users_total(measured), dept_chart=dept_chart,
        playbook_chart=playbook_chart, trend_charts=[c for c in trend_charts if c],
        metric_value=metric_value, csv_files=CSV_FILES, active_total=_active_total(report),
        **history_view(pages, report))
    for name, text in csv_files(pages, report, measured).items():
        plan.files[f"impact/{name}.csv"] = text
    plan.files["impact.json"] = impact_json(pages, report)


def _active_total(report: ImpactReport) -> int | None:
    """The latest monthly file's active users: a later month from git has none."""
    return next((t.active_users for t in report.trend if t.month == report.latest_month), None)


def _users_total(measured: list[Playbook]) -> int | None:
    given = [p.meta.metrics.all_users for p in measured if p.meta.metrics.all_users]
    return sum(given) if given else None


def chart(chart_id: str, title: str, bars: list[Bar]) -> str:
    if not bars:
        return ""
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    return bar_chart(chart_id, title, description, bars)


def csv_files(pages: Pages, report: ImpactReport, measured: list[Playbook]) -> dict[str, str]:
    """The page's tables as CSV: UTF-8 with a BOM, so Japanese Excel opens them as is."""
    words = pages.words
    departments = [[words["department"], words["hours_used_col"], words["hours_made_col"],
                    words["active_users_col"], words["headcount_col"], words["usage_rate_col"]]]
    for d in report.departments:
        departments.append([pages.department_label(d.key), _num(d.hours_used),
                            _num(d.hours_made), _num(d.active_users), _num(d.headcount),
                            _num(d.usage_rate)])
    playbooks = [[words["playbook"], words["department"], "baseline_minutes", "current_minutes",
                  words["runs"], words["hours_saved"], words["users"], words["measured"]]]
    for p in measured:
        m = p.meta.metrics
        playbooks.append([p.title, pages.department_label(p.meta.department),
                          _num(m.baseline_minutes), _num(m.current_minutes),
                          _num(m.runs_per_month + sum(a.runs_per_month for a in m.adopters)),
                          _num(m.hours_saved_per_month), _num(m.all_users),
                          m.measured.isoformat() if m.measured else ""])
    trend = [[words["month_col"], words["hours_saved"], words["active_users_col"],
              words["usage_rate_col"], words["metric_satisfaction"], words["inquiries_col"],
              words["pilot"], words["rollout"], words["company-wide"],
              words["history_users_col"], words["source_col"]]]
    for t in report.trend:
        trend.append([t.month, _num(t.hours_saved), _num(t.active_users), _num(t.usage_rate),
                      _num(t.satisfaction), _num(t.helpdesk_inquiries),
                      *(_num(t.playbooks_by_phase.get(phase)) for phase in
                        ("pilot", "rollout", "company-wide")),
                      _num(t.playbook_users), words[f"source_{t.source}"]])
    header, *rows = history_csv(pages, report)
    history = [header, *([row[0], row[1], *map(_num, row[2:])] for row in rows)]
    return {"departments": _csv(departments), "playbooks": _csv(playbooks), "trend": _csv(trend),
            "history": _csv(history)}


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, what Excel writes
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _cell(value: str) -> str:
    """Titles are contributor text: a leading = + - @ would be a formula in Excel."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def impact_json(pages: Pages, report: ImpactReport) -> str:
    """/impact.json: the page's numbers for portals (fields in docs/reference/impact-json.md)."""
    target = report.target
    data: dict[str, Any] = {
        "version": IMPACT_JSON_VERSION,
        "lang": pages.lang,
        "as_of_month": report.latest_month,
        "current": {k: _round(v) for k, v in report.current.items()},
        "headcount": report.headcount,
        "phases": report.phase_counts,
        "target": None if target is None else {
            "date": target.date.isoformat(), "label": target.label(pages.lang),
            "values": target.values,
            "progress": [{"metric": p.metric, "current": _round(p.current), "target": p.target,
                          "expected": _round(p.expected), "status": p.status,
                          "gap": _round(p.gap)} for p in report.progress]},
        "departments": [
            {"key": d.key, "hours_used": _round(d.hours_used), "hours_made": _round(d.hours_made),
             "playbooks_made": d.playbooks_made, "playbooks_adopted": d.playbooks_adopted,
             "active_users": d.active_users, "headcount": d.headcount,
             "usage_rate": _round(d.usage_rate), "url": department_url(d.key)}
            for d in report.departments],
        "trend": [
            {"month": t.month, "hours_saved": _round(t.hours_saved),
             "active_users": t.active_users, "usage_rate": _round(t.usage_rate),
             "satisfaction": _round(t.satisfaction),
             "helpdesk_inquiries": t.helpdesk_inquiries,
             "playbooks_by_phase": t.playbooks_by_phase, **point_json(t)}
            for t in report.trend],
        "history": history_json(report, _round),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2,
                      allow_nan=False) + "\n"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
