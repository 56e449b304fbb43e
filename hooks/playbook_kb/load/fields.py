"""Front matter: one field table for playbooks and training pages, and its reader.

A playbook's index.md is validated into a Meta, a training page's Training fields
the same way (load/training.py); problems are findings."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, error, warning
from ..model import DATA_CLASSES, PHASES, TIERS, AdopterUse, Meta, Metrics, Taxonomy, Training
from .taxonomy import KEY, closest
from .yamlsafe import Mapping


@dataclass(frozen=True)
class Field:
    """One front-matter field and how it is written (the example every message shows).
    Playbooks read them all; training pages the Training ones (read_training) and title."""

    name: str
    example: str
    playbook: str = "optional"  # on a playbook's index.md: "required" | "optional"


FIELDS: tuple[Field, ...] = (
    Field("title", "title: 営業提案メールの下書き", "required"),
    Field("summary", "summary: 商談メモから提案メールの下書きを作る。営業担当向け。", "required"),
    Field("department", "department: sales", "required"),
    Field("task", "task: 提案メール作成", "required"),
    Field("output", "output: email", "required"),
    Field("tier", "tier: basic", "required"),
    Field("phase", "phase: pilot", "required"),
    Field("champion", "champion: 山田 太郎", "required"),
    Field("data", "data: internal", "required"),
    Field("reviewed", "reviewed: 2026-04-01", "required"),
    Field("industry", "industry: 製造業"),
    Field("tools", "tools: [ChatGPT, Copilot]"),
    Field("adopted_by", "adopted_by: [marketing, hr]"),
    Field("metrics", "metrics: {baseline_minutes: 120, current_minutes: 30, "
                     "runs_per_month: 20, users: 5, measured: 2026-05-01}"),
    Field("started", "started: 2026-01-15"),
    Field("aliases", "aliases: [old-slug]"),
    Field("prerequisites", "prerequisites: [prompt-basics]"),
    Field("duration_minutes", "duration_minutes: 30"),
    Field("objectives", "objectives: [提案メールの型を使える]"),
    Field("order", "order: 1"),
)
REQUIRED = tuple(f.name for f in FIELDS if f.playbook == "required")
OPTIONAL = tuple(f.name for f in FIELDS if f.playbook == "optional")
EXAMPLES = {f.name: f.example for f in FIELDS}


class FieldReader:
    """Reads one front matter: raw values into typed ones, problems into `findings`."""

    def __init__(self, mapping: Mapping, path: str, taxonomy: Taxonomy) -> None:
        self.data, self.lines, self.path = mapping.data, mapping.lines, path
        self.item_lines = mapping.item_lines
        self.taxonomy = taxonomy
        self.findings: list[Finding] = []

    def line(self, name: str) -> int:
        return self.lines.get(name, 1)

    def bad(self, name: str, what: str, line: int = 0) -> None:
        example = EXAMPLES.get(name.split(".")[0], "")
        hint = f" 例: {example}" if example else ""
        message = f"「{name}」{what}{hint}"
        self.findings.append(error("field", self.path, line or self.line(name), message))

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if value is None:
            return ""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
        self.bad(name, "は文字列で書いてください。")
        return ""

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        value = self.text(name)
        if value and value not in allowed:
            near = closest(value, list(allowed))
            hint = f"「{near}」のことですか？" if near else ""
            self.bad(name, f"の値「{value}」は使えません。{hint}使える値: {' | '.join(allowed)}。")
            return ""
        return value

    def key(self, name: str, kind: str, value: Any = None, line: int = 0) -> str:
        value = self.text(name) if value is None else value
        if not value:
            return ""
        terms = self.taxonomy.departments if kind == "department" else self.taxonomy.outputs
        keys = [t.key for t in terms]
        if value in keys:
            return value
        near = closest(str(value), keys)
        hint = f"近いキー: 「{near}」。" if near else ""
        shown = ", ".join(keys) if len(keys) <= 20 else ", ".join(keys[:20]) + " ..."
        self.bad(name, f"の「{value}」は taxonomy.yml の {kind}s にありません。{hint}"
                 f"使えるキー: {shown}。新しいキーは taxonomy.yml に追加してください。", line)
        return ""

    def strings(self, name: str, check: Callable[[str, int], str] | None = None) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.bad(name, "は文字列のリストで書いてください。")
            return ()
        lines = self.item_lines.get(name) or [self.line(name)] * len(value)
        out = []
        for item, line in zip(value, lines, strict=False):
            item = str(item).strip()
            checked = check(item, line) if check else item
            if checked:
                out.append(checked)
        return tuple(out)

    def date(self, name: str) -> dt.date | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.bad(name, f"の「{value}」は日付として読めません。YYYY-MM-DD で書いてください。")
            return None

    def integer(self, name: str, minimum: int = 0) -> int | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.bad(name, f"は {minimum} 以上の整数で書いてください（今: {value!r}）。")
            return None
        return value


def read_meta(mapping: Mapping, path: str, taxonomy: Taxonomy) -> tuple[Meta, list[Finding]]:
    r = FieldReader(mapping, path, taxonomy)
    for name in REQUIRED:
        if r.data.get(name) in (None, "", []):
            r.findings.append(error("field", path, mapping.line,
                                    f"必須項目「{name}」がありません。例: {EXAMPLES[name]}"))
    for name in r.data:
        if name not in REQUIRED and name not in OPTIONAL:
            near = closest(name, list(REQUIRED + OPTIONAL))
            hint = (f"「{near}」の書き間違いではありませんか？" if near
                    else "不要なら削除してください。")
            r.findings.append(warning("unknown-field", path, r.line(name),
                                      f"知らない項目「{name}」です。{hint}"))
    department = r.key("department", "department")
    meta = Meta(
        title=r.text("title"), summary=r.text("summary"), department=department,
        task=r.text("task"), output=r.key("output", "output"), industry=r.text("industry"),
        phase=r.choice("phase", PHASES),
        champion=r.text("champion"), data=r.choice("data", DATA_CLASSES),
        tools=r.strings("tools"),
        adopted_by=r.strings("adopted_by", lambda v, ln: _adopter(r, v, ln, department)),
        metrics=_metrics(r), reviewed=r.date("reviewed"), started=r.date("started"),
        aliases=r.strings("aliases", lambda v, ln: _slug(r, "aliases", v, ln)),
        training=read_training(r), lines=dict(mapping.lines),
    )
    return meta, r.findings


def read_training(r: FieldReader) -> Training:
    """The Training fields, read the same way on a playbook and on a training page."""
    return Training(tier=r.choice("tier", TIERS), prerequisites=r.strings("prerequisites"),
                    duration_minutes=r.integer("duration_minutes", 1),
                    objectives=r.strings("objectives"), order=r.integer("order"))


def _adopter(r: FieldReader, value: str, line: int, owner: str) -> str:
    if value == owner:
        r.bad("adopted_by", f"に所有部門「{value}」自身は書けません。"
              "他の部門だけを書いてください。", line)
        return ""
    return r.key("adopted_by", "department", value, line)


def _slug(r: FieldReader, name: str, value: str, line: int) -> str:
    if KEY.match(value):
        return value
    r.bad(name, f"の「{value}」はスラッグではありません。"
          "英小文字・数字・ハイフンだけにしてください。", line)
    return ""


def _metrics(r: FieldReader) -> Metrics | None:
    raw = r.data.get("metrics")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.bad("metrics", "は項目の集まり（マッピング）で書いてください。")
        return None
    numbers: dict[str, float] = {}
    for name, positive in (("baseline_minutes", True), ("current_minutes", False),
                           ("runs_per_month", True)):
        value = raw.get(name)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value)
        if not ok or value < 0 or (positive and value == 0):
            rule = "0 より大きい数" if positive else "0 以上の数"
            r.findings.append(error("metrics", r.path, r.line("metrics"),
                                    f"metrics.{name} は{rule}で書いてください（今: {value!r}）。"
                                    f" 例: {EXAMPLES['metrics']}"))
            continue
        numbers[name] = float(value)
    users = raw.get("users")
    if users is not None and (isinstance(users, bool) or not isinstance(users, int) or users < 0):
        r.findings.append(error("metrics", r.path, r.line("metrics"),
                                f"metrics.users は 0 以上の整数で書いてください"
                                f"（今: {users!r}）。"))
        users = None
    measured = raw.get("measured")
    if isinstance(measured, dt.datetime):
        measured = measured.date()
    elif measured is not None and not isinstance(measured, dt.date):
        try:
            measured = dt.date.fromisoformat(str(measured))
        except ValueError:
            r.findings.append(error("metrics", r.path, r.line("metrics"),
                                    f"metrics.measured の「{measured}」は"
                                    " YYYY-MM-DD で書いてください。"))
            measured = None
    if len(numbers) < 3:
        return None
    return Metrics(numbers["baseline_minutes"], numbers["current_minutes"],
                   numbers["runs_per_month"], users, measured, _adopters(r, raw))


ADOPTER_EXAMPLE = "adopters: {support: {runs_per_month: 20, users: 6}}"


def _adopters(r: FieldReader, raw: dict[str, Any]) -> tuple[AdopterUse, ...]:
    """`metrics.adopters`: each adopting department's own runs (and users), so that its
    hours count for it. Its champion edits this one block of the owner's playbook."""
    given = raw.get("adopters")
    if given is None:
        return ()
    line = r.line("metrics")
    if not isinstance(given, dict):
        r.findings.append(error("metrics", r.path, line,
                                f"metrics.adopters は部門キーごとの項目で書いてください。"
                                f" 例: {ADOPTER_EXAMPLE}"))
        return ()
    uses = []
    keys = [t.key for t in r.taxonomy.departments]
    for key, value in given.items():
        key = str(key)
        if keys and key not in keys:
            near = closest(key, keys)
            hint = f"近いキー: 「{near}」。" if near else ""
            r.findings.append(error("metrics", r.path, line,
                                    f"metrics.adopters の「{key}」は taxonomy.yml の部門に"
                                    f"ありません。{hint}"))
            continue
        runs = value.get("runs_per_month") if isinstance(value, dict) else None
        users = value.get("users") if isinstance(value, dict) else None
        runs_ok = _finite(runs) and 0 <= runs <= MAX_RUNS
        users_ok = users is None or (isinstance(users, int) and not isinstance(users, bool)
                                     and 0 <= users <= MAX_PEOPLE)
        if not (runs_ok and users_ok):
            r.findings.append(error("metrics", r.path, line,
                                    f"metrics.adopters.{key} には runs_per_month（0 以上の数）と、"
                                    f"必要なら users（0 以上の整数）を書いてください。"
                                    f" 例: {ADOPTER_EXAMPLE}"))
            continue
        uses.append(AdopterUse(key, float(runs), users, line))
    return tuple(uses)


MAX_RUNS = 1_000_000  # runs a month: more is a typo, not a department
MAX_PEOPLE = 1_000_000


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)
