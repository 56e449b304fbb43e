"""/playbooks/: every playbook on one page, filterable, sortable, shareable by URL.

Without JavaScript the page is a plain list of the newest `list_limit` playbooks (all of
them in a small company), so the page stays light at 2,000 playbooks. `assets/catalog.js`
adds the filters: it reads the labels from the JSON this generator writes into a
`<script type="application/json">` and every playbook's facets and text from
/playbooks/catalog.json (never from the DOM's ids or contributor HTML), adds the entries
the page left out (their text set as text, never as HTML), hides the entries that do not
match, keeps the state in the URL and shows counts per value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from ...model import DATA_CLASSES, PHASES, TIERS, Playbook
from ...routes import CATALOG_DATA_SRC, PLAYBOOKS_DIR, Links
from ..render import script_json
from .context import Context, SitePlan
from .crossdept import Pages, hours
from .preview import stub, stubbed

SRC_URI = f"{PLAYBOOKS_DIR}/index.md"  # /playbooks/, beside every /playbooks/<slug>/
HOURS = ("none", "lt10", "10to50", "ge50")  # hours saved per month, as filter values
FACETS = ("department", "output", "adopted", "phase", "tier", "tools", "data", "hours")


def catalog_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    if stubbed(context, SRC_URI):  # a preview: the stub only, no entry data to compute
        plan.pages[SRC_URI] = stub(context, SRC_URI, pages.words["catalog_title"])
        return
    entries = sorted(pages.playbooks, key=lambda p: (p.title, p.slug))
    tool = _tool_key(pages)
    items = [_item(pages, p, tool) for p in entries]
    # newest first, ties in title order (a stable sort): the order catalog.js starts in
    newest = sorted(range(len(entries)), key=lambda i: items[i]["newest"], reverse=True)
    shown = [(i, entries[i]) for i in newest[:context.catalog.settings.list_limit]]
    text = script_json({"items": items})  # `<` escaped even in a file: a mistyped server
    plan.files[CATALOG_DATA_SRC] = text
    data = catalog_data(pages, entries)
    # the page names the very file it was built with: a cached older one is never paired
    data["source"] += "?v=" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    labels = data["labels"]["tools"]
    plan.pages[SRC_URI] = pages.render(
        "catalog_page.md.j2", SRC_URI, pages.words["catalog_title"], hide=("toc",),
        entries=shown, total=len(entries), facets=FACETS, hours_label=_hours_label,
        tool_names=lambda i: ", ".join(labels.get(t, t) for t in items[i]["tools"]),
        data=script_json(data))


def catalog_data(pages: Pages, entries: list[Playbook]) -> dict[str, Any]:
    """What catalog.js needs before it loads the entries: labels and words."""
    words, lang = pages.words, pages.lang
    tool = _tool_key(pages)
    tools = sorted({tool(t) for p in entries for t in p.meta.tools}, key=str.casefold)
    registry = pages.catalog.tools
    return {
        "labels": {
            "department": {t.key: t.label(lang) for t in pages.taxonomy.departments},
            "output": {t.key: t.label(lang) for t in pages.taxonomy.outputs},
            "adopted": {t.key: t.label(lang) for t in pages.taxonomy.departments},
            "phase": {k: words[k] for k in PHASES}, "tier": {k: words[k] for k in TIERS},
            "data": {k: words[k] for k in DATA_CLASSES},
            "tools": {t: (registry.tool(t).label(lang) if registry and registry.tool(t) else t)
                      for t in tools},
            "hours": {key: words[f"catalog_hours_{key}"] for key in HOURS},
        },
        "fields": {key: words[key] for key in ("department", "output", "phase", "tier",
                                                "data", "tools", "catalog_facet_hours")},
        "words": {key: words[f"catalog_{key}"]
                  for key in ("all", "count", "shown", "none", "more")},
        "page": pages.catalog.settings.list_limit,  # entries shown at a time by catalog.js
        "source": Links(SRC_URI).to(CATALOG_DATA_SRC),
    }


def _tool_key(pages: Pages) -> Callable[[str], str]:
    """A tool as the catalog filters it: its key in playbooks/tools.yml (every spelling
    of one tool is one value, the value its tool page links with), else the name."""
    registry = pages.catalog.tools

    def key(name: str) -> str:
        found = registry.find(name) if registry else None
        return found.key if found else name
    return key


def _item(pages: Pages, playbook: Playbook, tool: Callable[[str], str]) -> dict[str, Any]:
    """One entry of catalog.json: its facets, and the text catalog.js shows for it."""
    m = playbook.meta
    return {**_facets(playbook, tool), "title": playbook.title, "summary": m.summary or "",
            "url": Links(SRC_URI).playbook(playbook.slug),
            "hours_text": (pages.words["catalog_hours_fmt"].format(hours=_hours_label(playbook))
                           if m.metrics else "")}


def _facets(playbook: Playbook, tool: Callable[[str], str]) -> dict[str, Any]:
    m = playbook.meta
    saved = m.metrics.hours_saved_per_month if m.metrics else None
    newest = m.started or m.reviewed
    return {"department": m.department, "output": m.output, "phase": m.phase, "tier": m.tier,
            "data": m.data, "tools": list(dict.fromkeys(tool(t) for t in m.tools)),
            "adopted": list(m.adopted_by), "hours": _bucket(saved),
            "saved": round(saved, 2) if saved is not None else None,
            "newest": newest.isoformat() if newest else ""}


def _bucket(saved: float | None) -> str:
    if saved is None or saved <= 0:
        return "none"
    return "lt10" if saved < 10 else "10to50" if saved < 50 else "ge50"


def _hours_label(playbook: Playbook) -> str:
    m = playbook.meta
    return hours(m.metrics.hours_saved_per_month) if m.metrics else ""

