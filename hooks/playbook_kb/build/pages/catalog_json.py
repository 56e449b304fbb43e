"""/playbooks.json: the whole catalog for intranet portals.

Fields are documented in docs/reference/playbooks-json.md.

Deterministic: sorted keys, playbooks by slug, no build time in it, so the same sources
give the same bytes. URLs are relative to the site root, where this file lives.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ...derive.tooluse import Usage
from ...findings import count
from ...model import Bilingual, Metrics, Playbook
from ...routes import (
    CATALOG_JSON,
    department_url,
    output_url,
    parts,
    playbook_url,
    tool_url,
)
from .context import Context, SitePlan
from .crossdept import Pages
from .preview import stubbed

FORMAT_VERSION = 1


def catalog_json(context: Context, plan: SitePlan) -> None:
    if stubbed(context, CATALOG_JSON):  # a preview serves no data for portals
        return
    plan.files[CATALOG_JSON] = catalog_text(Pages(context), context)


def catalog_text(pages: Pages, context: Context) -> str:
    candidate_for: dict[str, list[str]] = defaultdict(list)
    for (department, _), cell in sorted(pages.rollout.cells.items()):
        for playbook in cell.candidates:
            candidate_for[playbook.slug].append(department)
    errors, warnings = count(list(context.findings))
    data = {
        "version": FORMAT_VERSION,
        "lang": pages.lang,
        "counts": {"playbooks": len(pages.playbooks), "errors": errors, "warnings": warnings},
        "departments": [
            {"key": t.key, "ja": t.ja, "en": t.en, "url": department_url(t.key),
             "produces": sorted(pages.rollout.produced[t.key])}
            for t in pages.taxonomy.departments],
        "outputs": [{"key": t.key, "ja": t.ja, "en": t.en, "url": output_url(t.key)}
                    for t in pages.taxonomy.outputs],
        "playbooks": [
            entry(p, context.by_playbook.get(p.slug, []), candidate_for.get(p.slug, []))
            for p in pages.playbooks],
    }
    if context.tool_usage is not None:  # playbooks/tools.yml: the registry and its use
        data["tools"] = tools_json(context.tool_usage)
        for item, playbook in zip(data["playbooks"], pages.playbooks, strict=True):
            item |= playbook_tools_json(playbook, context)
    # allow_nan=False: a non-finite number fails the build instead of writing `Infinity`,
    # which is not JSON (metrics are bounded in load/fields.py, so none gets here)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2,
                      allow_nan=False) + "\n"


def entry(playbook: Playbook, findings: list, candidates: list[str]) -> dict[str, Any]:
    meta = playbook.meta
    errors, warnings = count(findings)
    urls = {part.json_key: playbook_url(playbook.slug, part.key)
            if part.generated or playbook.file(part.file) else None
            for part in parts() if part.json_key}
    return {
        "slug": playbook.slug, "url": playbook.url, "parts": urls,
        "title": meta.title or playbook.slug, "summary": meta.summary,
        "department": meta.department or None, "output": meta.output or None,
        "task": meta.task, "industry": meta.industry or None,
        "tier": meta.tier or None, "phase": meta.phase or None,
        "champion": meta.champion, "data": meta.data or None,
        "tools": list(meta.tools), "adopted_by": list(meta.adopted_by),
        "rollout_candidate_for": candidates,
        "aliases": list(meta.aliases), "prerequisites": list(meta.training.prerequisites),
        "duration_minutes": meta.training.duration_minutes,
        "reviewed": _date(meta.reviewed), "started": _date(meta.started),
        "metrics": metrics(meta.metrics),
        "hours_saved_per_month": round(meta.metrics.hours_saved_per_month, 2)
        if meta.metrics else None,
        "findings": {"errors": errors, "warnings": warnings},
    }


def metrics(value: Metrics | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "baseline_minutes": value.baseline_minutes, "current_minutes": value.current_minutes,
        "runs_per_month": value.runs_per_month, "users": value.users,
        "measured": _date(value.measured),
        "hours_saved_per_month": round(value.hours_saved_per_month, 2),
        "own_hours_per_month": round(value.own_hours_per_month, 2),
        "adopters": [{"department": a.department, "runs_per_month": a.runs_per_month,
                      "users": a.users, "hours_saved_per_month": round(value.hours_for(a), 2)}
                     for a in value.adopters],
        "reduction": round(value.reduction, 4),
    }


def _date(value) -> str | None:
    return value.isoformat() if value else None


def tools_json(usage: Usage) -> list[dict[str, Any]]:
    def text(value: Bilingual | None) -> dict[str, str] | None:
        return {"ja": value.ja, "en": value.en} if value else None
    return [{
        "key": u.tool.key, "ja": u.tool.ja, "en": u.tool.en, "url": tool_url(u.tool.key),
        "aliases": list(u.tool.aliases), "data": u.tool.data or None,
        "conditions": text(u.tool.conditions), "contract": text(u.tool.contract),
        "status": u.tool.status, "status_today": u.status, "retiring": u.retiring,
        "approved": _date(u.tool.approved), "retired": _date(u.tool.retired),
        "request": u.tool.request or None, "playbooks": [p.slug for p in u.playbooks],
    } for u in usage.uses]


def playbook_tools_json(playbook: Playbook, context: Context) -> dict[str, Any]:
    """Which registered tool each of `tools` is, and the retirements that affect it."""
    usage = context.tool_usage
    keys = [t.key if (t := context.catalog.tools.find(name)) else None
            for name in playbook.meta.tools]
    affected = [{"tool": u.tool.key, "retired": _date(u.tool.retired), "status_today": u.status}
                for u in usage.retirements if playbook in u.playbooks]
    return {"tool_keys": keys, "tool_retirements": affected}
