"""/playbooks/: every playbook on one page, filterable, sortable, shareable by URL.

The page is a plain list that works without JavaScript. `assets/catalog.js` adds the
filters: it reads the facets of each entry from the JSON this generator writes into a
`<script type="application/json">` (never from the DOM's ids or contributor text), hides
the entries that do not match, keeps the state in the URL and shows counts per value.
"""

from __future__ import annotations

import json
from typing import Any

from ...model import DATA_CLASSES, PHASES, TIERS, Playbook
from ...routes import PLAYBOOKS_DIR
from .context import Context, SitePlan
from .crossdept import Pages, hours

SRC_URI = f"{PLAYBOOKS_DIR}/index.md"  # /playbooks/, beside every /playbooks/<slug>/
HOURS = ("none", "lt10", "10to50", "ge50")  # hours saved per month, as filter values
FACETS = ("department", "output", "phase", "tier", "tools", "data", "hours")


def catalog_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    entries = sorted(pages.playbooks, key=lambda p: (p.title, p.slug))
    data = catalog_data(pages, entries)
    plan.pages[SRC_URI] = pages.render(
        "catalog_page.md.j2", SRC_URI, pages.words["catalog_title"], hide=("toc",),
        entries=entries, facets=FACETS, data=script_json(data), hours_label=_hours_label)


def catalog_data(pages: Pages, entries: list[Playbook]) -> dict[str, Any]:
    words, lang = pages.words, pages.lang
    tools = sorted({t for p in entries for t in p.meta.tools}, key=str.casefold)
    return {
        "labels": {
            "department": {t.key: t.label(lang) for t in pages.taxonomy.departments},
            "output": {t.key: t.label(lang) for t in pages.taxonomy.outputs},
            "phase": {k: words[k] for k in PHASES}, "tier": {k: words[k] for k in TIERS},
            "data": {k: words[k] for k in DATA_CLASSES},
            "tools": {t: t for t in tools},
            "hours": {key: words[f"catalog_hours_{key}"] for key in HOURS},
        },
        "words": {key: words[f"catalog_{key}"] for key in ("all", "count", "shown", "none")},
        "items": [_facets(p) for p in entries],
    }


def _facets(playbook: Playbook) -> dict[str, Any]:
    m = playbook.meta
    saved = m.metrics.hours_saved_per_month if m.metrics else None
    newest = m.started or m.reviewed
    return {"department": m.department, "output": m.output, "phase": m.phase, "tier": m.tier,
            "data": m.data, "tools": list(m.tools), "hours": _bucket(saved),
            "saved": round(saved, 2) if saved is not None else None,
            "newest": newest.isoformat() if newest else ""}


def _bucket(saved: float | None) -> str:
    if saved is None or saved <= 0:
        return "none"
    return "lt10" if saved < 10 else "10to50" if saved < 50 else "ge50"


def _hours_label(playbook: Playbook) -> str:
    m = playbook.meta
    return hours(m.metrics.hours_saved_per_month) if m.metrics else ""


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no `<` at all, so no `</script>` or `<!--`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
