"""/impact/: hours saved per month, per playbook, per department and in total.

The seed's last pattern: measure against a baseline and show the numbers. A playbook
without metrics is listed too — "no measurement" is one of the seed's failure patterns.
Hours count under the owning department: runs are not split by adopting department.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...model import Playbook
from ...routes import IMPACT_SRC
from ..charts import Bar, bar_chart
from .context import Context, SitePlan
from .crossdept import Pages, hours

TOP_PLAYBOOKS = 15  # the chart shows the biggest; the table below lists them all


@dataclass(frozen=True)
class DepartmentImpact:
    key: str
    playbooks: tuple[Playbook, ...]

    @property
    def hours(self) -> float:
        return sum(p.meta.metrics.hours_saved_per_month for p in self.playbooks)

    @property
    def users(self) -> int | None:
        given = [p.meta.metrics.users for p in self.playbooks if p.meta.metrics.users]
        return sum(given) if given else None


def impact_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    words = pages.words
    measured = sorted((p for p in pages.playbooks if p.meta.metrics),
                      key=lambda p: (-p.meta.metrics.hours_saved_per_month, p.slug))
    unmeasured = [p for p in pages.playbooks if not p.meta.metrics]
    departments = by_department(measured)
    total = sum(d.hours for d in departments)
    users = [p.meta.metrics.users for p in measured if p.meta.metrics.users]
    unit = words["hours_unit"]
    dept_chart = chart("impact-departments", words["impact_by_department"], [
        Bar(pages.department_label(d.key), d.hours, f"{hours(d.hours)} {unit}")
        for d in departments])
    top = measured[:TOP_PLAYBOOKS]
    playbook_chart = chart("impact-playbooks", words["impact_top_playbooks"] % len(top), [
        Bar(p.title, p.meta.metrics.hours_saved_per_month,
            f"{hours(p.meta.metrics.hours_saved_per_month)} {unit}") for p in top])
    plan.pages[IMPACT_SRC] = pages.render(
        "impact_page.md.j2", IMPACT_SRC, words["impact_title"], hide=("toc",),
        measured=measured, unmeasured=unmeasured, departments=departments, total=total,
        users_total=sum(users) if users else None, dept_chart=dept_chart,
        playbook_chart=playbook_chart)


def by_department(measured: list[Playbook]) -> list[DepartmentImpact]:
    grouped: dict[str, list[Playbook]] = defaultdict(list)
    for playbook in measured:
        grouped[playbook.meta.department].append(playbook)
    result = [DepartmentImpact(key, tuple(items)) for key, items in grouped.items()]
    return sorted(result, key=lambda d: (-d.hours, d.key))


def chart(chart_id: str, title: str, bars: list[Bar]) -> str:
    if not bars:
        return ""
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    return bar_chart(chart_id, title, description, bars)
