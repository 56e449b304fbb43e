"""playbooks/tools.yml: the approved AI tools and the data each may receive (policy as data).

Optional: without the file, `tools:` in playbooks stays free text and check/policy.py
has nothing to check against. Every problem is a `tools-registry` finding with its line;
an entry that cannot be understood is left out, a bad alias is dropped, the rest stays.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..findings import Finding, error, warning
from ..i18n import text
from ..i18n.suggest import closest, did_you_mean
from ..model import DATA_CLASSES, TOOL_STATUSES, Bilingual, Tool, ToolRegistry, spelling
from .taxonomy import KEY
from .textio import decode
from .yamlsafe import YamlProblem, load_mapping

TOOLS_FILE = "playbooks/tools.yml"
RULE = "tools-registry"
FIELDS = ("key", "ja", "en", "aliases", "data", "conditions", "contract", "status",
          "approved", "retired", "request")
EXAMPLE = ("- {key: chatgpt, ja: ChatGPT, en: ChatGPT, aliases: [Chat GPT], "
           "data: internal, status: approved, approved: 2025-10-01}")
_URL = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+|[a-z0-9][\w./#-]*)$", re.I)


def load_tools(root: Path, lang: str = "ja") -> tuple[ToolRegistry | None, list[Finding]]:
    path = root / TOOLS_FILE
    if not path.is_file():
        return None, []
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        return ToolRegistry(TOOLS_FILE), [_bad(decoded.bad_line,
                                               text(lang, "registry.not_utf8"))]
    try:
        mapping = load_mapping(decoded.text)
    except YamlProblem as problem:
        return ToolRegistry(TOOLS_FILE), [_bad(problem.line, text(
            lang, "registry.yaml", problem=problem.text(lang)))]
    raw = mapping.data.get("tools")
    if not isinstance(raw, list) or not raw:
        return ToolRegistry(TOOLS_FILE), [_bad(mapping.lines.get("tools", 1), text(
            lang, "registry.no_list", example=EXAMPLE))]
    lines = _field_lines(decoded.text)
    reader = _Reader(lang)
    tools = [tool for index, item in enumerate(raw)
             if (tool := reader.tool(index, item, lines[index] if index < len(lines) else {}))]
    return ToolRegistry(TOOLS_FILE, _unique(tools, reader)), reader.findings


def _bad(line: int, message: str, severity: str = "error") -> Finding:
    make = error if severity == "error" else warning
    return make(RULE, TOOLS_FILE, line, message)


def _field_lines(text: str) -> list[dict[str, int]]:
    """For each entry of `tools`, the line of the entry ("") and of each of its fields."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)  # already parsed once: cannot fail
    items = next((v.value for k, v in root.value if k.value == "tools"), [])
    result = []
    for item in items:
        lines = {"": item.start_mark.line + 1}
        if isinstance(item, yaml.MappingNode):
            lines |= {str(k.value): k.start_mark.line + 1 for k, _ in item.value}
        result.append(lines)
    return result


class _Reader:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.findings: list[Finding] = []
        self.keys: dict[str, int] = {}

    def say(self, line: int, entry: str, severity: str = "error", /, **values: Any) -> None:
        """A finding at `line`: the catalog entry `registry.<entry>`, filled in."""
        self.findings.append(_bad(line, text(self.lang, f"registry.{entry}", **values), severity))

    def tool(self, index: int, item: Any, lines: dict[str, int]) -> Tool | None:
        line = lines.get("", 0)
        if not (isinstance(item, dict)
                and all(isinstance(item.get(k), str) for k in ("key", "ja", "en"))):
            self.say(line, "entry", n=index + 1, example=EXAMPLE)
            return None
        key = item["key"]
        if not KEY.fullmatch(key):
            self.say(line, "key", key=key)
            return None
        if key in self.keys:
            self.say(line, "duplicate", key=key, first=self.keys[key])
            return None
        self.keys[key] = line
        self._unknown_fields(item, lines)

        def at(name: str) -> int:  # the line of one field, else of the entry
            return lines.get(name, line)

        approved, retired = self.date(item, "approved", at), self.date(item, "retired", at)
        if approved and retired and retired < approved:
            self.say(at("retired"), "dates", key=key, retired=retired, approved=approved)
        return Tool(
            key=key, ja=item["ja"], en=item["en"], line=line,
            data=self.choice(item, "data", DATA_CLASSES, at, required=True),
            status=self.choice(item, "status", TOOL_STATUSES, at) or "approved",
            aliases=self.strings(item, "aliases", at), approved=approved, retired=retired,
            contract=self.bilingual(item, "contract", at),
            conditions=self.bilingual(item, "conditions", at),
            request=self.request(item, at),
        )

    def _unknown_fields(self, item: dict, lines: dict[str, int]) -> None:
        for name in item:
            if name in FIELDS:
                continue
            near = closest(str(name), list(FIELDS))
            hint = (text(self.lang, "registry.field_near", near=near) if near
                    else text(self.lang, "registry.field_remove"))
            self.say(lines.get(str(name), lines.get("", 0)), "unknown_field", "warning",
                     name=name, hint=hint)

    def choice(self, item: dict, name: str, allowed: tuple[str, ...], at,
               required: bool = False) -> str:
        value = item.get(name)
        if (value is None and not required) or value in allowed:
            return value or ""
        if value is None:
            head = text(self.lang, "registry.missing", key=item["key"], name=name)
        else:
            head = text(self.lang, "registry.not_allowed", key=item["key"], name=name,
                        value=value)
        message = did_you_mean(self.lang, head, "" if value is None else str(value),
                               list(allowed), sep=" | ")
        self.findings.append(_bad(at(name), message))
        return ""

    def date(self, item: dict, name: str, at) -> dt.date | None:
        value = item.get(name)
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.say(at(name), "date", key=item["key"], name=name, value=value)
            return None

    def strings(self, item: dict, name: str, at) -> tuple[str, ...]:
        value = item.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(v.strip() for v in value)
        self.say(at(name), "strings", key=item["key"], name=name)
        return ()

    def bilingual(self, item: dict, name: str, at) -> Bilingual | None:
        value = item.get(name)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return Bilingual(value.strip(), value.strip())
        if isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("ja", "en")):
            return Bilingual(value["ja"].strip(), value["en"].strip())
        self.say(at(name), "bilingual", key=item["key"], name=name)
        return None

    def request(self, item: dict, at) -> str:
        value = item.get("request")
        if value is None:
            return ""
        if isinstance(value, str) and _URL.match(value.strip()) and ".." not in value:
            return value.strip()
        self.say(at("request"), "request", key=item["key"], value=value)
        return ""


def _unique(tools: list[Tool], reader: _Reader) -> tuple[Tool, ...]:
    """Every spelling (key, name, alias) names one tool: a second claim is dropped."""
    owner: dict[str, Tool] = {spelling(t.key): t for t in tools}
    result = []
    for tool in tools:
        names = [n for n in (tool.ja, tool.en) if _claim(owner, tool, n, "name", reader)]
        aliases = tuple(a for a in tool.aliases if _claim(owner, tool, a, "alias", reader))
        if len(names) == 2 and aliases == tool.aliases:
            result.append(tool)
        else:
            result.append(dataclasses.replace(tool, aliases=aliases))
    return tuple(result)


def _claim(owner: dict[str, Tool], tool: Tool, name: str, kind: str, reader: _Reader) -> bool:
    other = owner.setdefault(spelling(name), tool)
    if other is tool:
        return True
    lang = reader.lang
    what = "key" if spelling(name) == spelling(other.key) else "name_or_alias"
    reader.say(tool.line, "claim", tool=tool.key, name=name, other=other.key,
               kind=text(lang, f"registry.kind_{kind}"), what=text(lang, f"registry.what_{what}"))
    return False
