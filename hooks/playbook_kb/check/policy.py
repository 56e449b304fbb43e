"""The data policy, checked on every playbook: its tools are registered, allowed for its
data class, not retired, and not on trial in a company-wide playbook.

The registry is playbooks/tools.yml (load/tools.py); without it there is nothing to check.
Messages follow the site language (i18n catalogs, keys `policy.*`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error, warning
from ..i18n import labels, text
from ..i18n.suggest import closest
from ..load.tools import TOOLS_FILE
from ..model import DATA_CLASSES, Catalog, Playbook, Tool, ToolRegistry, spelling
from ..routes import POLICY_SRC, POLICY_TOOLS_ANCHOR
from .registry import playbook_rule

POLICY_PAGE = f"docs/{POLICY_SRC}#{POLICY_TOOLS_ANCHOR}"


def used_tools(playbook: Playbook,
               registry: ToolRegistry) -> Iterator[tuple[str, int, Tool | None]]:
    """(name as written, its line, the registered tool or None) for each of `tools:`."""
    meta = playbook.meta
    for index, name in enumerate(meta.tools):
        line = meta.tool_lines[index] if index < len(meta.tool_lines) else 0
        yield name, line or meta.lines.get("tools", 1), registry.find(name)


def _index(playbook: Playbook) -> str:
    return f"{playbook.rel_dir}/index.md"


def alternatives(catalog: Catalog, data: str, but: Tool | None = None) -> str:
    """Keys of tools a playbook of class `data` may use instead, for the fix."""
    registry, today = catalog.tools, catalog.settings.today
    days = catalog.settings.tool_retirement_warning_days
    keys = [t.key for t in registry.tools if t is not but and t.data in DATA_CLASSES
            and (not data or t.allows(data)) and t.status_on(today) == "approved"
            and not t.retiring(today, days)] if registry else []
    return ", ".join(keys) or "—"


@playbook_rule("tool")
def unknown_tool(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    if catalog.tools is None:
        return
    spellings: dict[str, str] = {}
    for name in catalog.tools.spellings():
        spellings.setdefault(spelling(name), name)
    for name, line, tool in used_tools(playbook, catalog.tools):
        if tool is not None:
            continue
        near = spellings.get(closest(spelling(name), list(spellings)) or "")
        near_tool = catalog.tools.find(near) if near else None
        lang = catalog.settings.lang
        hint = ""
        if near_tool and near != near_tool.key:
            hint = text(lang, "policy.tool_near_key", near=near, key=near_tool.key)
        elif near_tool:
            hint = text(lang, "policy.tool_near", near=near)
        keys = ", ".join(t.key for t in catalog.tools.tools)
        yield error("tool", _index(playbook), line, text(
            lang, "policy.tool", name=name, file=TOOLS_FILE, hint=hint, keys=keys,
            policy=POLICY_PAGE))


@playbook_rule("tool-data")
def tool_data(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    data = playbook.meta.data
    if catalog.tools is None or not data:
        return
    for name, line, tool in used_tools(playbook, catalog.tools):
        if tool is None or tool.data not in DATA_CLASSES or tool.allows(data):
            continue
        others = alternatives(catalog, data, but=tool)
        words = labels(catalog.settings.lang)
        yield error("tool-data", _index(playbook), line, text(
            catalog.settings.lang, "policy.tool_data", data=data, data_label=words[data],
            name=name, key=tool.key, limit=tool.data, limit_label=words[tool.data],
            policy=POLICY_PAGE, others=others))


@playbook_rule("tool-retired")
def tool_retired(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    if catalog.tools is None:
        return
    today, days = catalog.settings.today, catalog.settings.tool_retirement_warning_days
    for name, line, tool in used_tools(playbook, catalog.tools):
        if tool is None:
            continue
        others = alternatives(catalog, playbook.meta.data, but=tool)
        lang = catalog.settings.lang
        if tool.status_on(today) == "retired":
            since = text(lang, "policy.retired_since", date=tool.retired) if tool.retired else ""
            yield error("tool-retired", _index(playbook), line, text(
                lang, "policy.tool_retired", name=name, key=tool.key, since=since,
                others=others))
        elif tool.retiring(today, days):
            left = (tool.retired - today).days
            yield warning("tool-retired", _index(playbook), line, text(
                lang, "policy.tool_retiring", name=name, key=tool.key, date=tool.retired,
                days=left, others=others))


@playbook_rule("tool-trial")
def tool_trial(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    if catalog.tools is None or playbook.meta.phase != "company-wide":
        return
    for name, line, tool in used_tools(playbook, catalog.tools):
        if tool is not None and tool.status_on(catalog.settings.today) == "trial":
            yield warning("tool-trial", _index(playbook), line, text(
                catalog.settings.lang, "policy.tool_trial", name=name, key=tool.key,
                file=TOOLS_FILE))
