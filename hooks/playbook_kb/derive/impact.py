"""The management numbers, computed once per build from the catalog and the office's files.

Hours count twice on purpose, in two columns: for the department that *uses* a playbook
(its own runs: the owner's `runs_per_month`, an adopter's `metrics.adopters.<key>`), and
for the department that *made* it (every run of its playbooks, company-wide). Totals add
the first column only, so nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..load.gitinfo import NOT_READ
from ..model import PHASES, Catalog, MonthReport, Playbook, Target
from .trend import GitTrend, Snapshot

ON_TRACK, BEHIND, MET, NO_DATA = "on-track", "behind", "met", "no-data"


@dataclass(frozen=True)
class DepartmentNumbers:
    key: str
    hours_used: float  # hours this department saves itself, with any playbook
    hours_made: float  # hours its own playbooks save, in every department
    playbooks_made: int
    playbooks_adopted: int
    playbook_users: int | None  # users reported in playbooks' metrics (may overlap)
    active_users: int | None  # latest monthly file: people who used an AI tool
    headcount: int | None

    @property
    def usage_rate(self) -> float | None:
        if self.active_users is None or not self.headcount:
            return None
        return 100 * self.active_users / self.headcount


@dataclass(frozen=True)
class Progress:
    metric: str
    current: float | None
    target: float
    expected: float | None  # where a straight line from the baseline says we should be now
    status: str  # ON_TRACK, BEHIND, MET or NO_DATA

    @property
    def gap(self) -> float | None:
        return None if self.current is None else max(self.target - self.current, 0.0)


@dataclass(frozen=True)
class TrendPoint:
    month: str
    hours_saved: float | None
    active_users: int | None
    usage_rate: float | None
    satisfaction: float | None
    helpdesk_inquiries: int | None
    playbooks_by_phase: dict[str, int]
    playbook_users: int | None = None  # users recorded in the front matter at month end (git)
    from_git: tuple[str, ...] = ()  # fields the git history filled: no monthly value for them
    source: str = "monthly"  # "monthly", "git" (no monthly file), "both" (git filled some)


@dataclass(frozen=True)
class ImpactReport:
    departments: tuple[DepartmentNumbers, ...]
    current: dict[str, float | None]
    target: Target | None  # the next target from today (the last one once all have passed)
    progress: tuple[Progress, ...]
    trend: tuple[TrendPoint, ...]
    phase_counts: dict[str, int]
    headcount: int | None
    latest_month: str | None
    history: GitTrend = GitTrend(NOT_READ)  # month-end snapshots of the front matter

    @property
    def total_hours(self) -> float:
        return self.current.get("hours_saved") or 0.0


def build_impact(catalog: Catalog, playbooks: list[Playbook],
                 history: GitTrend | None = None) -> ImpactReport:
    """`playbooks`: the published ones (valid slug), as every cross-department page;
    `history`: the git series, which fills the months and fields no monthly file has."""
    history = history or GitTrend(NOT_READ)
    company = catalog.company
    latest = company.latest
    departments = _departments(catalog, playbooks, latest)
    headcount = sum(t.headcount for t in catalog.taxonomy.departments if t.headcount) or None
    active = latest.total_active_users if latest else None
    phase_counts = Counter(p.meta.phase for p in playbooks if p.meta.phase in PHASES)
    current = {
        "hours_saved": sum(p.meta.metrics.hours_saved_per_month
                           for p in playbooks if p.meta.metrics),
        "usage_rate": 100 * active / headcount if active is not None and headcount else None,
        "satisfaction": _latest(company.months, "satisfaction"),
        "playbooks": float(len(playbooks)),
        "departments_using": float(sum(1 for d in departments
                                       if d.playbooks_adopted or _uses_own(d.key, playbooks))),
        "inquiry_reduction": _reduction(company.baseline.get("helpdesk_inquiries"),
                                        _latest(company.months, "helpdesk_inquiries")),
    }
    target = _next_target(company.targets, catalog.settings.today)
    progress = tuple(_progress(name, current.get(name), target, company.baseline,
                               company.baseline_date, catalog.settings.today)
                     for name in target.values) if target else ()
    trend = _trend(company.months, history.months, headcount)
    return ImpactReport(tuple(departments), current, target, progress, trend,
                        {phase: phase_counts.get(phase, 0) for phase in PHASES}, headcount,
                        latest.month if latest else None, history)


def _departments(catalog: Catalog, playbooks: list[Playbook],
                 latest: MonthReport | None) -> list[DepartmentNumbers]:
    used: dict[str, float] = defaultdict(float)
    made: dict[str, float] = defaultdict(float)
    users: dict[str, int] = defaultdict(int)
    made_count: Counter[str] = Counter()
    adopted_count: Counter[str] = Counter()
    for playbook in playbooks:
        owner = playbook.meta.department
        made_count[owner] += 1
        for key in playbook.meta.adopted_by:
            adopted_count[key] += 1
        metrics = playbook.meta.metrics
        if metrics is None:
            continue
        made[owner] += metrics.hours_saved_per_month
        used[owner] += metrics.own_hours_per_month
        users[owner] += metrics.users or 0
        for use in metrics.adopters:
            used[use.department] += metrics.hours_for(use)
            users[use.department] += use.users or 0
    result = []
    for term in catalog.taxonomy.departments:
        key = term.key
        active = latest.active_users.get(key) if latest else None
        result.append(DepartmentNumbers(key, used[key], made[key], made_count[key],
                                        adopted_count[key], users[key] or None, active,
                                        term.headcount))
    return sorted(result, key=lambda d: (-d.hours_used, -d.hours_made, d.key))


def _uses_own(key: str, playbooks: list[Playbook]) -> bool:
    return any(p.meta.department == key and p.meta.phase != "pilot" for p in playbooks)


def _latest(months: tuple[MonthReport, ...], name: str) -> float | None:
    for month in reversed(months):
        value = getattr(month, name)
        if value is not None:
            return float(value)
    return None


def _reduction(baseline: float | None, latest: float | None) -> float | None:
    if not baseline or latest is None:
        return None
    return 100 * (baseline - latest) / baseline


def _next_target(targets: tuple[Target, ...], today: dt.date) -> Target | None:
    upcoming = [t for t in targets if t.date >= today]
    return upcoming[0] if upcoming else (targets[-1] if targets else None)


def _progress(name: str, current: float | None, target: Target, baseline: dict[str, float],
              baseline_date: dt.date | None, today: dt.date) -> Progress:
    goal = target.values[name]
    expected = None
    if baseline_date is not None and target.date > baseline_date:
        share = (today - baseline_date).days / (target.date - baseline_date).days
        start = baseline.get(name, 0.0)
        expected = start + (goal - start) * min(max(share, 0.0), 1.0)
    if current is None:
        status = NO_DATA
    elif current >= goal:
        status = MET
    elif expected is None or current >= expected:
        status = ON_TRACK
    else:
        status = BEHIND
    return Progress(name, current, goal, expected, status)


def _trend(months: tuple[MonthReport, ...], snapshots: tuple[Snapshot, ...],
           headcount: int | None) -> tuple[TrendPoint, ...]:
    """One point per month of either source: the office's monthly file wins for each value
    it has; the month-end snapshot from git fills hours and playbooks per phase."""
    by_month = {m.month: m for m in months}
    from_git = {s.month: s for s in snapshots}
    return tuple(_point(by_month.get(month), from_git.get(month), month, headcount)
                 for month in sorted(by_month.keys() | from_git.keys()))


def _point(report: MonthReport | None, snapshot: Snapshot | None, month: str,
           headcount: int | None) -> TrendPoint:
    source = "git" if report is None else "monthly"
    report = report or MonthReport(month, "")
    active = report.total_active_users
    rate = 100 * active / headcount if active is not None and headcount else None
    hours, phases, filled = report.hours_saved, dict(report.playbooks_by_phase), []
    if snapshot is not None and hours is None:
        hours, filled = snapshot.hours_saved, [*filled, "hours_saved"]
    if snapshot is not None and not phases:
        phases, filled = dict(snapshot.by_phase), [*filled, "playbooks_by_phase"]
    if filled and source == "monthly":
        source = "both"
    return TrendPoint(month, hours, active, rate, report.satisfaction,
                      report.helpdesk_inquiries, phases,
                      snapshot.users if snapshot else None, tuple(filled), source)
