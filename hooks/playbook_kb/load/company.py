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
from ..i18n.suggest import closest
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


def load_company(root: Path, departments: list[str],
                 today: dt.date) -> tuple[Company, list[Finding]]:
    """Read targets.yml and every monthly file; missing files are fine (no company data)."""
    findings: list[Finding] = []
    company = Company()
    mapping = _read(root / TARGETS_FILE, TARGETS_FILE, findings)
    if mapping is not None:
        company = _targets(mapping, findings)
    months = []
    folder = root / METRICS_DIR
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = f"{METRICS_DIR}/{path.name}"
        report = _month(path, rel, departments, today, findings)
        if report is not None:
            months.append(report)
    return Company(company.targets_path, company.baseline_date, company.baseline,
                   company.targets, tuple(months)), findings


def _read(path: Path, rel: str, findings: list[Finding]) -> Mapping | None:
    if not path.is_file():
        return None
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        findings.append(error("encoding", rel, decoded.bad_line,
                              "UTF-8 ではありません。UTF-8 で保存し直してください。"))
        return None
    try:
        return load_mapping(decoded.text)
    except YamlProblem as problem:
        findings.append(error("front-matter", rel, problem.line,
                              f"YAML として読めません: {problem.text('ja')}。"
                              "インデントと「:」を確認してください。"))
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


def _values(raw: dict[str, Any], rel: str, line: int, findings: list[Finding],
            allowed: tuple[str, ...] = TARGET_METRICS) -> dict[str, float]:
    """The metric values of a target or the baseline, each checked."""
    values: dict[str, float] = {}
    for name, value in raw.items():
        if name in ("date", "label"):
            continue
        if name not in allowed:
            near = closest(str(name), list(allowed))
            hint = f"近い項目: 「{near}」。" if near else ""
            findings.append(warning("targets", rel, line,
                                    f"「{name}」は目標の項目にありません。{hint}"
                                    f"使える項目: {', '.join(allowed)}"))
            continue
        if not _number(value) or (name in PERCENT_METRICS and value > 100):
            bound = "0〜100 の数（%）" if name in PERCENT_METRICS else "0 以上の数"
            findings.append(error("targets", rel, line,
                                  f"{name} は{bound}で書いてください（今: {value!r}）。"))
            continue
        values[name] = float(value)
    return values


def _targets(mapping: Mapping, findings: list[Finding]) -> Company:
    rel = TARGETS_FILE
    data = mapping.data
    baseline_raw = data.get("baseline") or {}
    baseline_line = mapping.lines.get("baseline", 1)
    baseline_date = _date(baseline_raw.get("date")) if isinstance(baseline_raw, dict) else None
    if baseline_raw and baseline_date is None:
        findings.append(error("targets", rel, baseline_line,
                              "baseline.date（基準値を測った日）を YYYY-MM-DD で書いてください。"))
    baseline = _values(baseline_raw, rel, baseline_line, findings, BASELINE_METRICS) \
        if isinstance(baseline_raw, dict) else {}
    raw_targets = data.get("targets")
    item_lines = mapping.item_lines.get("targets", [])
    if not isinstance(raw_targets, list):
        findings.append(error("targets", rel, mapping.lines.get("targets", 1),
                              f"targets のリストがありません。例:\n{TARGET_EXAMPLE}"))
        raw_targets = []
    targets: list[Target] = []
    for index, item in enumerate(raw_targets):
        line = item_lines[index] if index < len(item_lines) else 1
        target = _target(item, line, baseline_date, findings)
        if target is None:
            continue
        if targets and target.date <= targets[-1].date:
            findings.append(error("targets", rel, line,
                                  f"目標の日付 {target.date} が前の目標 {targets[-1].date} より"
                                  "前か同じです。古い順に並べてください。"))
            continue
        targets.append(target)
    return Company(rel, baseline_date, baseline, tuple(targets))


def _target(item: Any, line: int, baseline_date: dt.date | None,
            findings: list[Finding]) -> Target | None:
    rel = TARGETS_FILE
    day = _date(item.get("date")) if isinstance(item, dict) else None
    if day is None:
        findings.append(error("targets", rel, line,
                              f"目標には date（YYYY-MM-DD）が必要です。例:\n{TARGET_EXAMPLE}"))
        return None
    if baseline_date and day <= baseline_date:
        findings.append(error("targets", rel, line,
                              f"目標の日付 {day} が基準値の日付 {baseline_date} より前です。"))
        return None
    label = item.get("label") or {}
    label_ja, label_en = (str(label.get("ja", "")), str(label.get("en", ""))) \
        if isinstance(label, dict) else (str(label), str(label))
    values = _values(item, rel, line, findings)
    if not values:
        findings.append(error("targets", rel, line,
                              f"{day} の目標に数値がありません。使える項目: "
                              f"{', '.join(TARGET_METRICS)}"))
        return None
    return Target(day, label_ja, label_en, values, line)


def _month(path: Path, rel: str, departments: list[str], today: dt.date,
           findings: list[Finding]) -> MonthReport | None:
    match = MONTH_FILE.fullmatch(path.name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        findings.append(error("monthly-metrics", rel, 0,
                              f"ファイル名「{path.name}」は YYYY-MM.yml にしてください。"
                              " 例: playbooks/metrics/2026-11.yml"))
        return None
    month = f"{match.group(1)}-{match.group(2)}"
    if month > today.strftime("%Y-%m"):
        findings.append(error("monthly-metrics", rel, 0,
                              f"{month} はまだ来ていない月です。"
                              "締めた月のファイルだけを置いてください。"))
        return None
    mapping = _read(path, rel, findings)
    if mapping is None:
        return None
    return _month_values(mapping, rel, month, departments, findings)


def _month_values(mapping: Mapping, rel: str, month: str, departments: list[str],
                  findings: list[Finding]) -> MonthReport:
    data, lines = mapping.data, mapping.lines

    def bad(name: str, what: str) -> None:
        findings.append(error("monthly-metrics", rel, lines.get(name, 1),
                              f"{name}: {what} 例:\n{MONTH_EXAMPLE}"))

    for name in data:
        if name not in MONTH_FIELDS:
            near = closest(str(name), list(MONTH_FIELDS))
            hint = f"近い項目: 「{near}」。" if near else ""
            findings.append(warning("monthly-metrics", rel, lines.get(name, 1),
                                    f"「{name}」は月次ファイルの項目にありません。{hint}"))
    score = responses = inquiries = hours = None
    survey = data.get("satisfaction")
    if survey is not None:
        if isinstance(survey, dict) and _number(survey.get("score")) \
                and survey["score"] <= 100 and _whole(survey.get("responses", 0)):
            score, responses = float(survey["score"]), survey.get("responses")
        else:
            bad("satisfaction", "score は 0〜100（「役に立った」の %）、"
                                "responses は回答数（0 以上の整数）で書いてください。")
    if (value := data.get("helpdesk_inquiries")) is not None:
        if _whole(value):
            inquiries = value
        else:
            bad("helpdesk_inquiries", "問い合わせ件数は 0 以上の整数で書いてください。")
    if (value := data.get("hours_saved")) is not None:
        if _number(value):
            hours = float(value)
        else:
            bad("hours_saved", "その月の削減時間は 0 以上の数で書いてください。")
    active = _counts(data.get("active_users"), departments, "active_users", bad)
    phases = _counts(data.get("playbooks_by_phase"), list(PHASES), "playbooks_by_phase", bad)
    return MonthReport(month, rel, score, responses, inquiries, active, hours, phases,
                       dict(lines))


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VALUE


def _counts(raw: Any, keys: list[str], name: str, bad) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        bad(name, "キーごとの人数・件数（マッピング）で書いてください。")
        return {}
    counts = {}
    for key, value in raw.items():
        if keys and str(key) not in keys:
            near = closest(str(key), keys)
            bad(name, f"「{key}」は使えるキーにありません"
                      f"{f'（近いキー: 「{near}」）' if near else ''}。")
            continue
        if not _whole(value):
            bad(name, f"{key} の値は 0 以上の整数で書いてください（今: {value!r}）。")
            continue
        counts[str(key)] = value
    return counts
