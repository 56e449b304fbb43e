"""/tools/ and /tools/<key>/: the tool registry as pages, and the tool status the playbook
panel, the health page and the data policy table show.

Replaces Material's free-text tags for tools: the old /tags/ page redirects to /tools/,
and /tools/ keeps an anchor `tag:<name>` for every spelling, so /tags/#tag:chatgpt lands
on the ChatGPT row.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ...derive.tooluse import ToolUse
from ...i18n import labels
from ...model import DATA_CLASSES, Playbook, Tool
from ...routes import (
    POLICY_SRC,
    POLICY_TOOLS_ANCHOR,
    TAGS_SRC,
    TOOLS_SRC,
    doc_link,
    link,
    policy_tools_url,
    tool_src,
    tool_url,
)
from .context import Context, SitePlan
from .crossdept import Pages

_EXTERNAL = re.compile(r"^(?:https?:|mailto:)", re.I)


@dataclass(frozen=True)
class Badge:
    kind: str  # approved | trial | retired | retiring | unknown (a CSS class)
    symbol: str
    text: str


def badge(tool: Tool | None, today: dt.date, warning_days: int, lang: str) -> Badge:
    """What a page says about a tool's status on the build date, in symbols and words."""
    words = labels(lang)
    if tool is None:
        return Badge("unknown", "?", words["tool_unregistered"])
    status = tool.status_on(today)
    if status == "retired":
        text = (words["tool_retired_on"].format(date=tool.retired) if tool.retired
                else words["tool_status_retired"])
        return Badge("retired", words["tool_symbol_retired"], text)
    if tool.retiring(today, warning_days):
        text = words["tool_retiring"].format(date=tool.retired)
        return Badge("retiring", words["tool_symbol_retiring"], text)
    return Badge(status, words[f"tool_symbol_{status}"], words[f"tool_status_{status}"])


def cells(tool: Tool, today: dt.date, lang: str) -> list[str]:
    """The policy table's cells for one tool: ○, △ with its conditions, or ×, per class."""
    out = []
    for data in DATA_CLASSES:
        if tool.status_on(today) == "retired" or tool.data not in DATA_CLASSES \
                or not tool.allows(data):
            out.append("×")
        elif data == tool.data and tool.conditions:
            out.append(f"△ {tool.conditions.label(lang)}")
        else:
            out.append("○")
    return out


def tool_name(tool: Tool, lang: str) -> str:
    """The name as the policy table shows it: with its contract in brackets."""
    if tool.contract is None:
        return tool.label(lang)
    contract = tool.contract.label(lang)
    if lang == "ja":
        return f"{tool.label(lang)}（{contract}）"
    return f"{tool.label(lang)} ({contract})"


def tag_anchor(name: str) -> str:
    """The anchor Material's tags plugin gave a tag on /tags/ ("Microsoft Copilot" ->
    "tag:microsoft-copilot"), so old links still land on the tool."""
    text = unicodedata.normalize("NFC", name).lower()
    text = re.sub(r"[^\w\- ]", "", text).strip()
    return "tag:" + re.sub(r" +", "-", text)


def request_link(src_uri: str, target: str) -> str:
    """A tool's request link: external as written, a site path relative to the page."""
    return target if _EXTERNAL.match(target) else link(src_uri, target.lstrip("/"))


def panel_tools(context: Context, playbook: Playbook, src_uri: str) -> list[dict[str, Any]]:
    """The tools of a playbook for its metadata panel: name, link and status."""
    registry, settings = context.catalog.tools, context.catalog.settings
    out = []
    for name in dict.fromkeys(playbook.meta.tools):
        tool = registry.find(name) if registry else None
        out.append({
            "label": tool.label(context.lang) if tool else name,
            "href": link(src_uri, tool_url(tool.key)) if tool else "",
            "badge": badge(tool, settings.today, settings.tool_retirement_warning_days,
                           context.lang) if registry else None,
        })
    return out


def tool_pages(context: Context, plan: SitePlan) -> None:
    usage = context.tool_usage
    pages = Pages(context)
    if usage is None:  # no registry: the names as written, so links to /tools/ still work
        names: dict[str, list[Playbook]] = {}
        for playbook in context.published:
            for name in dict.fromkeys(playbook.meta.tools):
                names.setdefault(name, []).append(playbook)
        plan.pages[TOOLS_SRC] = pages.render(
            "tools_index.md.j2", TOOLS_SRC, pages.words["tools_title"], tools=[],
            unknown=dict(sorted(names.items())), policy="", retirements=(), days=0,
            missing=True)
        return
    settings = context.catalog.settings
    has_policy = (context.catalog.root / "docs" / POLICY_SRC).is_file()
    days = settings.tool_retirement_warning_days

    def view(use: ToolUse, src_uri: str) -> dict[str, Any]:
        tool = use.tool
        return {"use": use, "tool": tool, "name": tool.label(context.lang),
                "badge": badge(tool, settings.today, days, context.lang),
                "cells": cells(tool, settings.today, context.lang),
                "request": request_link(src_uri, tool.request) if tool.request else "",
                "anchors": sorted({tag_anchor(n) for n in (tool.ja, tool.en, *tool.aliases)})}

    index = TOOLS_SRC
    # a Markdown link in the intro: MkDocs checks the policy page and writes its URL
    policy = doc_link(index, f"{POLICY_SRC}#{POLICY_TOOLS_ANCHOR}") if has_policy else ""
    plan.pages[index] = pages.render(
        "tools_index.md.j2", index, pages.words["tools_title"],
        tools=[view(u, index) for u in usage.uses], unknown=usage.unknown, policy=policy,
        retirements=usage.retirements, days=days, missing=False)
    for use in usage.uses:
        src_uri = tool_src(use.tool.key)
        plan.pages[src_uri] = pages.render(
            "tools_page.md.j2", src_uri, use.tool.label(context.lang), t=view(use, src_uri),
            policy=link(src_uri, policy_tools_url()) if has_policy else "")
    if not (context.catalog.root / "docs" / TAGS_SRC).is_file():
        plan.redirects[TAGS_SRC] = index  # the tags plugin's page, before the registry
