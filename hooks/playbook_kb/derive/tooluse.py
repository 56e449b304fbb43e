"""Which playbooks use which registered tool, and which of them a retirement affects.

Read by the tool pages, the panel, the health page and playbooks.json, so that every
page says the same thing about a tool on the same build date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Catalog, Playbook, Tool, ToolRegistry


@dataclass(frozen=True)
class ToolUse:
    tool: Tool
    status: str  # on the build date: approved | trial | retired
    retiring: bool  # retired within the warning window, still usable
    playbooks: tuple[Playbook, ...] = ()
    today: dt.date = field(default=dt.date.min, compare=False)

    @property
    def days_left(self) -> int | None:
        return None if self.tool.retired is None else (self.tool.retired - self.today).days


@dataclass(frozen=True)
class Usage:
    uses: tuple[ToolUse, ...]
    unknown: dict[str, tuple[Playbook, ...]]  # a name no tool claims -> playbooks writing it

    def of(self, key: str) -> ToolUse | None:
        return next((u for u in self.uses if u.tool.key == key), None)

    @property
    def retirements(self) -> tuple[ToolUse, ...]:
        """Tools used by playbooks that are retired or about to be, soonest first."""
        hit = [u for u in self.uses if u.playbooks and (u.retiring or u.status == "retired")]
        return tuple(sorted(hit, key=lambda u: (u.tool.retired or dt.date.min, u.tool.key)))


def tool_usage(catalog: Catalog, playbooks: list[Playbook]) -> Usage | None:
    """None without a registry (tools stay free text)."""
    registry: ToolRegistry | None = catalog.tools
    if registry is None:
        return None
    today = catalog.settings.today
    days = catalog.settings.tool_retirement_warning_days
    users: dict[str, list[Playbook]] = {t.key: [] for t in registry.tools}
    unknown: dict[str, list[Playbook]] = {}
    for playbook in playbooks:
        found: set[str] = set()  # two spellings of one tool count once (not `in` a list:
        for name in dict.fromkeys(playbook.meta.tools):  # that compared whole playbooks)
            tool = registry.find(name)
            if tool is None:
                unknown.setdefault(name, []).append(playbook)
            elif tool.key not in found:
                found.add(tool.key)
                users[tool.key].append(playbook)
    uses = tuple(ToolUse(t, t.status_on(today), t.retiring(today, days), tuple(users[t.key]),
                         today) for t in registry.tools)
    return Usage(uses, {k: tuple(v) for k, v in sorted(unknown.items())})
