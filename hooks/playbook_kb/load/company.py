"""The promotion office's numbers: `playbooks/targets.yml` and `playbooks/metrics/*.yml`.

Targets are data, not prose: the purpose page, the impact page and the phases board read
them. Each monthly file carries what only the office can count (survey, help desk, active
users from the AI tools' admin consoles) and, once the month closes, a snapshot of the
hours saved: together the files are the history the trend charts draw, so a shallow
clone or a fresh repository shows the same trends.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from ..findings import Finding, error, warning
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..model import PERCENT_METRICS, PHASES, TARGET_METRICS, Company, MonthReport, Target
from .textio import decode
from .yamlsafe import Mapping, YamlProblem, load_mapping

TARGETS_FILE = "playbooks/targets.yml"
METRICS_DIR = "playbooks/metrics"
MONTH_FILE = re.compile(r"(\d{4})-(\d{2})\.yml")
MONTH_FIELDS = ("satisfaction", "responses", "helpdesk_inquiries", "active_users",
                "hours_saved", "playbooks_by_phase", "notes")
BASELINE_METRICS = (*TARGET_METRICS, "helpdesk_inquiries")  # a count: reductions are % of it
MAX_VALUE = 1_000_000_000  # no company number is larger: a bigger one is a typo
TARGET_EXAMPLE = ("targets:\n  - date: 2027-06-30\n"
                  "    label: {ja: 全社展開の完了, en: Company-wide}\n"
                  "    hours_saved: 1000\n    usage_rate: 70")
MONTH_EXAMPLE = ("satisfaction: {score: 78, responses: 112}\nhelpdesk_inquiries: 268\n"
                 "active_users: {sales: 20, hr: 8}\nhours_saved: 650")


def load_company(root: Path, departments: list[str], today: dt.date,
                 lang: str = "ja") -> tuple[Company, list[Finding]]:
    """Read targets.yml and every monthly file; missing files are fine (no company data)."""
    findings: list[Finding] = []
    company = Company()
    mapping = _read(root / TARGETS_FILE, TARGETS_FILE, findings, lang)
    if mapping is not None:
        company = _targets(mapping, findings, lang)
    months = []
    folder = root / METRICS_DIR
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = f"{METRICS_DIR}/{path.name}"
        report = _month(path, rel, departments, today, findings, lang)
        if report is not None:
            months.append(report)
    return Company(company.targets_path, company.baseline_date, company.baseline,
                   company.targets, tuple(months)), findings


def _read(path: Path, rel: str, findings: list[Finding], lang: str) -> Mapping | None:
    if not path.is_file():
        return None
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        findings.append(error("encoding", rel, decoded.bad_line,
                              text(lang, "taxonomy.not_utf8")))
        return None
    try:
        return load_mapping(decoded.text)
    except YamlProblem as problem:
        findings.append(error("front-matter", rel, problem.line,
                              text(lang, "taxonomy.bad_yaml", problem=problem.text(lang))))
        return None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value) and 0 <= value <= MAX_VALUE


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _values(raw: dict[str, Any], rel: str, line: int, findings: list[Finding], lang: str,
            allowed: tuple[str, ...] = TARGET_METRICS) -> dict[str, float]:
    """The metric values of a target or the baseline, each checked."""
    values: dict[str, float] = {}
    for name, value in raw.items():
        if name in ("date", "label"):
            continue
        if name not in allowed:
            head = text(lang, "company.unknown_target_field", name=name)
            findings.append(warning("targets", rel, line,
                                    did_you_mean(lang, head, str(name), list(allowed))))
            continue
        if not _number(value) or (name in PERCENT_METRICS and value > 100):
            key = "company.bad_percent" if name in PERCENT_METRICS else "company.bad_number"
            findings.append(error("targets", rel, line,
                                  text(lang, key, name=name, value=repr(value))))
            continue
        values[name] = float(value)
    return values


def _targets(mapping: Mapping, findings: list[Finding], lang: str) -> Company:
    rel = TARGETS_FILE
    data = mapping.data
    baseline_raw = data.get("baseline") or {}
    baseline_line = mapping.lines.get("baseline", 1)
    baseline_date = _date(baseline_raw.get("date")) if isinstance(baseline_raw, dict) else None
    if baseline_raw and baseline_date is None:
        findings.append(error("targets", rel, baseline_line,
                              text(lang, "company.no_baseline_date")))
    baseline = _values(baseline_raw, rel, baseline_line, findings, lang, BASELINE_METRICS) \
        if isinstance(baseline_raw, dict) else {}
    raw_targets = data.get("targets")
    item_lines = mapping.item_lines.get("targets", [])
    if not isinstance(raw_targets, list):
        findings.append(error("targets", rel, mapping.lines.get("targets", 1),
                              text(lang, "company.no_targets", example=TARGET_EXAMPLE)))
        raw_targets = []
    targets: list[Target] = []
    for index, item in enumerate(raw_targets):
        line = item_lines[index] if index < len(item_lines) else 1
        target = _target(item, line, baseline_date, findings, lang)
        if target is None:
            continue
        if targets and target.date <= targets[-1].date:
            findings.append(error("targets", rel, line,
                                  text(lang, "company.target_order", date=target.date,
                                       previous=targets[-1].date)))
            continue
        targets.append(target)
    return Company(rel, baseline_date, baseline, tuple(targets))


def _target(item: Any, line: int, baseline_date: dt.date | None,
            findings: list[Finding], lang: str) -> Target | None:
    rel = TARGETS_FILE
    day = _date(item.get("date")) if isinstance(item, dict) else None
    if day is None:
        findings.append(error("targets", rel, line,
                              text(lang, "company.target_no_date", example=TARGET_EXAMPLE)))
        return None
    if baseline_date and day <= baseline_date:
        findings.append(error("targets", rel, line,
                              text(lang, "company.target_before_baseline", date=day,
                                   baseline=baseline_date)))
        return None
    label = item.get("label") or {}
    label_ja, label_en = (str(label.get("ja", "")), str(label.get("en", ""))) \
        if isinstance(label, dict) else (str(label), str(label))
    values = _values(item, rel, line, findings, lang)
    if not values:
        findings.append(error("targets", rel, line,
                              text(lang, "company.target_empty", date=day,
                                   allowed=", ".join(TARGET_METRICS))))
        return None
    return Target(day, label_ja, label_en, values, line)


def _month(path: Path, rel: str, departments: list[str], today: dt.date,
           findings: list[Finding], lang: str) -> MonthReport | None:
    match = MONTH_FILE.fullmatch(path.name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        findings.append(error("monthly-metrics", rel, 0,
                              text(lang, "company.bad_month_file", name=path.name)))
        return None
    month = f"{match.group(1)}-{match.group(2)}"
    if month > today.strftime("%Y-%m"):
        findings.append(error("monthly-metrics", rel, 0,
                              text(lang, "company.future_month", month=month)))
        return None
    mapping = _read(path, rel, findings, lang)
    if mapping is None:
        return None
    return _month_values(mapping, rel, month, departments, findings, lang)


def _month_values(mapping: Mapping, rel: str, month: str, departments: list[str],
                  findings: list[Finding], lang: str) -> MonthReport:
    data, lines = mapping.data, mapping.lines

    def bad(name: str, message: str, **values: Any) -> None:
        what = text(lang, message, **values)
        findings.append(error("monthly-metrics", rel, lines.get(name, 1),
                              text(lang, "company.month_bad", name=name, what=what,
                                   example=MONTH_EXAMPLE)))

    for name in data:
        if name not in MONTH_FIELDS:
            head = text(lang, "company.unknown_month_field", name=name)
            findings.append(warning("monthly-metrics", rel, lines.get(name, 1),
                                    did_you_mean(lang, head, str(name), list(MONTH_FIELDS))))
    score = responses = inquiries = hours = None
    survey = data.get("satisfaction")
    if survey is not None:
        if isinstance(survey, dict) and _number(survey.get("score")) \
                and survey["score"] <= 100 and _whole(survey.get("responses", 0)):
            score, responses = float(survey["score"]), survey.get("responses")
        else:
            bad("satisfaction", "company.bad_survey")
    if (value := data.get("helpdesk_inquiries")) is not None:
        if _whole(value):
            inquiries = value
        else:
            bad("helpdesk_inquiries", "company.bad_inquiries")
    if (value := data.get("hours_saved")) is not None:
        if _number(value):
            hours = float(value)
        else:
            bad("hours_saved", "company.bad_month_hours")
    active = _counts(data.get("active_users"), departments, "active_users", bad, lang)
    phases = _counts(data.get("playbooks_by_phase"), list(PHASES), "playbooks_by_phase", bad,
                     lang)
    return MonthReport(month, rel, score, responses, inquiries, active, hours, phases,
                       dict(lines))


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VALUE


def _counts(raw: Any, keys: list[str], name: str, bad, lang: str) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        bad(name, "company.counts_not_mapping")
        return {}
    counts = {}
    for key, value in raw.items():
        if keys and str(key) not in keys:
            bad(name, "company.unknown_count_key", key=key,
                hint=did_you_mean(lang, "", str(key), keys, listed=False))
            continue
        if not _whole(value):
            bad(name, "company.bad_count", key=key, value=repr(value))
            continue
        counts[str(key)] = value
    return counts
