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
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..model import DATA_CLASSES, PHASES, TIERS, AdopterUse, Meta, Metrics, Taxonomy, Training
from .taxonomy import KEY
from .yamlsafe import Mapping


@dataclass(frozen=True)
class Field:
    """One front-matter field; its example, shown in every message about it, is the
    catalog entry `example.<name>` (i18n/ja.yml, en.yml).
    Playbooks read them all; training pages the Training ones (read_training) and title."""

    name: str
    playbook: str = "optional"  # on a playbook's index.md: "required" | "optional"


FIELDS: tuple[Field, ...] = (
    Field("title", "required"), Field("summary", "required"), Field("department", "required"),
    Field("task", "required"), Field("output", "required"),
    Field("phase", "required"), Field("champion", "required"), Field("data", "required"),
    Field("reviewed", "required"),
    # `tier` is a trainer's decision (curriculum membership), so a new playbook has none.
    Field("tier"), Field("industry"), Field("tools"), Field("adopted_by"), Field("metrics"),
    Field("started"), Field("aliases"), Field("prerequisites"), Field("duration_minutes"),
    Field("objectives"), Field("order"),
)
REQUIRED = tuple(f.name for f in FIELDS if f.playbook == "required")
OPTIONAL = tuple(f.name for f in FIELDS if f.playbook == "optional")
EXAMPLED = frozenset(REQUIRED + OPTIONAL + ("id",))  # fields with an `example.<name>` text


class FieldReader:
    """Reads one front matter: raw values into typed ones, problems into `findings`."""

    def __init__(self, mapping: Mapping, path: str, taxonomy: Taxonomy, lang: str) -> None:
        self.data, self.lines, self.path = mapping.data, mapping.lines, path
        self.item_lines = mapping.item_lines
        self.taxonomy = taxonomy
        self.lang = lang
        self.findings: list[Finding] = []

    def line(self, name: str) -> int:
        return self.lines.get(name, 1)

    def example(self, name: str) -> str:
        name = name.split(".")[0]
        return text(self.lang, f"example.{name}") if name in EXAMPLED else ""

    def bad(self, name: str, key: str, line: int = 0, **values: Any) -> None:
        """A `field` error from the catalog entry `key`, with the field's example."""
        message = text(self.lang, key, name=name, **values)
        if example := self.example(name):
            message += text(self.lang, "unknown.example", example=example)
        self.findings.append(error("field", self.path, line or self.line(name), message))

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if value is None:
            return ""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
        self.bad(name, "field.not_text")
        return ""

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        value = self.text(name)
        if value and value not in allowed:
            head = text(self.lang, "field.bad_choice", name=name, value=value)
            message = did_you_mean(self.lang, head, value, allowed, sep=" | ",
                                   example=self.example(name))
            self.findings.append(error("field", self.path, self.line(name), message))
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
        head = text(self.lang, "field.unknown_key", name=name, value=value, kind=f"{kind}s")
        message = did_you_mean(self.lang, head, str(value), keys,
                               advice=text(self.lang, "field.add_key"), example=self.example(name))
        self.findings.append(error("field", self.path, line or self.line(name), message))
        return ""

    def strings(self, name: str, check: Callable[[str, int], str] | None = None) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.bad(name, "field.not_list")
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
            self.bad(name, "field.bad_date", value=value)
            return None

    def integer(self, name: str, minimum: int = 0) -> int | None:
        value = self.data.get(name)
        if value is None:
            return None
        maximum = INTEGER_LIMITS.get(name, 1_000_000)
        if isinstance(value, bool) or not isinstance(value, int) or not \
                minimum <= value <= maximum:
            self.bad(name, "field.bad_integer", minimum=minimum, maximum=maximum,
                     value=_shown(value))
            return None
        return value


def read_meta(mapping: Mapping, path: str, taxonomy: Taxonomy,
              lang: str) -> tuple[Meta, list[Finding]]:
    r = FieldReader(mapping, path, taxonomy, lang)
    for name in REQUIRED:
        if r.data.get(name) in (None, "", []):
            r.findings.append(error("field", path, mapping.line, text(
                lang, "field.missing", name=name, example=r.example(name))))
    for name in r.data:
        if name not in REQUIRED and name not in OPTIONAL:
            message = did_you_mean(lang, text(lang, "field.unknown", name=name), name,
                                   REQUIRED + OPTIONAL, listed=False,
                                   otherwise=text(lang, "field.delete_if_unused"))
            r.findings.append(warning("unknown-field", path, r.line(name), message))
    department = r.key("department", "department")
    tool_lines: list[int] = []  # check/policy.py cites the line of each tool
    tools = r.strings("tools", lambda v, ln: (tool_lines.append(ln) or v) if v else v)
    meta = Meta(
        title=r.text("title"), summary=r.text("summary"), department=department,
        task=r.text("task"), output=r.key("output", "output"), industry=r.text("industry"),
        phase=r.choice("phase", PHASES),
        champion=r.text("champion"), data=r.choice("data", DATA_CLASSES),
        tools=tools, tool_lines=tuple(tool_lines),
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
        r.bad("adopted_by", "field.own_department", line, value=value)
        return ""
    return r.key("adopted_by", "department", value, line)


def _slug(r: FieldReader, name: str, value: str, line: int) -> str:
    if KEY.fullmatch(value):
        return value
    r.bad(name, "field.bad_slug", line, value=value)
    return ""


# Stated bounds: every sum and ratio over 1,000s of playbooks stays a finite number
# (1e308 minutes gave `inf` hours, `Infinity` in playbooks.json and `nan` bar widths).
METRIC_LIMITS = {"baseline_minutes": 100_000, "current_minutes": 100_000,
                 "runs_per_month": 1_000_000, "users": 1_000_000}
INTEGER_LIMITS = {"duration_minutes": 100_000, "order": 1_000_000}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _metrics(r: FieldReader) -> Metrics | None:
    raw = r.data.get("metrics")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.bad("metrics", "field.not_mapping")
        return None
    numbers: dict[str, float] = {}
    for name, positive in (("baseline_minutes", True), ("current_minutes", False),
                           ("runs_per_month", True)):
        value = raw.get(name)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value) and value <= METRIC_LIMITS[name]
        if not ok or value < 0 or (positive and value == 0):
            key = "metrics.positive" if positive else "metrics.not_negative"
            message = text(r.lang, key, name=name, maximum=METRIC_LIMITS[name],
                           value=_shown(value)) + text(
                r.lang, "unknown.example", example=r.example("metrics"))
            r.findings.append(error("metrics", r.path, r.line("metrics"), message))
            continue
        numbers[name] = float(value)
    users = raw.get("users")
    if users is not None and (isinstance(users, bool) or not isinstance(users, int) or users < 0
                              or users > METRIC_LIMITS["users"]):
        r.findings.append(error("metrics", r.path, r.line("metrics"),
                                text(r.lang, "metrics.users", maximum=METRIC_LIMITS["users"],
                                     value=_shown(users))))
        users = None
    measured = raw.get("measured")
    if isinstance(measured, dt.datetime):
        measured = measured.date()
    elif measured is not None and not isinstance(measured, dt.date):
        try:
            measured = dt.date.fromisoformat(str(measured))
        except ValueError:
            r.findings.append(error("metrics", r.path, r.line("metrics"),
                                    text(r.lang, "metrics.measured", value=measured)))
            measured = None
    if len(numbers) < 3:
        return None
    return Metrics(numbers["baseline_minutes"], numbers["current_minutes"],
                   numbers["runs_per_month"], users, measured, _adopters(r, raw))


def _adopters(r: FieldReader, raw: dict[str, Any]) -> tuple[AdopterUse, ...]:
    """`metrics.adopters`: each adopting department's own runs (and users), so that its
    hours count for it. Its champion edits this one block of the owner's playbook."""
    given = raw.get("adopters")
    if given is None:
        return ()
    line = r.line("metrics")
    if not isinstance(given, dict):
        r.findings.append(error("metrics", r.path, line, text(r.lang, "metrics.adopters")))
        return ()
    uses = []
    keys = [t.key for t in r.taxonomy.departments]
    for key, value in given.items():
        key = str(key)
        if keys and key not in keys:
            head = text(r.lang, "metrics.adopter_unknown", key=key)
            r.findings.append(error("metrics", r.path, line,
                                    did_you_mean(r.lang, head, key, keys)))
            continue
        runs = value.get("runs_per_month") if isinstance(value, dict) else None
        users = value.get("users") if isinstance(value, dict) else None
        runs_ok = _finite(runs) and 0 <= runs <= MAX_RUNS
        users_ok = users is None or (isinstance(users, int) and not isinstance(users, bool)
                                     and 0 <= users <= MAX_PEOPLE)
        if not (runs_ok and users_ok):
            r.findings.append(error("metrics", r.path, line,
                                    text(r.lang, "metrics.adopter_bad", key=key)))
            continue
        uses.append(AdopterUse(key, float(runs), users, line))
    return tuple(uses)


MAX_RUNS = 1_000_000  # runs a month: more is a typo, not a department
MAX_PEOPLE = 1_000_000


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)
