"""/curriculum/, one page per tier, and /curriculum.json for learning-management systems."""

from __future__ import annotations

import json
import posixpath

from ...derive.curriculum import Curriculum, Module, build_curriculum
from ...labels import labels
from ...model import TIERS, Catalog
from ..render import escape_md, front_matter, render
from .context import Context, SitePlan, page_url

PART_PAGES = (("overview", "index.md"), ("prompt-sheet", "prompt-sheet.md"),
              ("workflow", "workflow.md"), ("samples", "samples/index.md"))


def curriculum_pages(context: Context, plan: SitePlan) -> None:
    curriculum = build_curriculum(context.catalog)
    words = labels(context.lang)
    tiers = [_tier_view(curriculum, tier, "curriculum/index.md", context) for tier in TIERS]
    plan.pages["curriculum/index.md"] = render(
        "curriculum_index.md.j2", front=front_matter({"title": words["curriculum"]}),
        words=words, tiers=tiers)
    for view in tiers:
        tier = view["key"]
        title = f"{words[tier + '_tier']}（{words[tier + '_audience']}）" if context.lang == "ja" \
            else f"{words[tier + '_tier']} ({words[tier + '_audience']})"
        page = _tier_view(curriculum, tier, f"curriculum/{tier}.md", context)
        plan.pages[f"curriculum/{tier}.md"] = render(
            "curriculum_tier.md.j2", front=front_matter({"title": title}), words=words,
            tier=page, title=escape_md(title))
    plan.files["curriculum.json"] = curriculum_json(curriculum, context.catalog, context.lang)


def curriculum_json(curriculum: Curriculum, catalog: Catalog, lang: str) -> str:
    """Tiers and modules for an LMS; URLs are relative to the JSON file (the site root)."""
    words = labels(lang)
    tiers, modules = [], []
    for tier in TIERS:
        members = curriculum.tiers[tier]
        tiers.append({
            "key": tier, "title": words[f"{tier}_tier"], "audience": words[f"{tier}_audience"],
            "goals": words[f"{tier}_goals"], "url": f"curriculum/{tier}/",
            "duration_minutes": curriculum.minutes(tier),
            "modules": [m.id for m in members],
        })
        for position, module in enumerate(members, start=1):
            modules.append(_module_record(module, position, catalog, lang))
    document = {"version": 1, "lang": lang, "tiers": tiers, "modules": modules}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _module_record(module: Module, position: int, catalog: Catalog, lang: str) -> dict:
    record = {
        "id": module.id, "tier": module.tier, "position": position, "title": module.title,
        "kind": "playbook" if module.playbook else "page",
        "url": module.url, "anchor_url": module.anchor_url,
        "duration_minutes": module.duration_minutes,
        "objectives": list(module.objectives), "prerequisites": list(module.prerequisites),
        "source": module.source,
    }
    if module.playbook is not None:
        key = module.playbook.meta.department
        record["department"] = key
        record["department_label"] = catalog.taxonomy.label("department", key, lang)
    return record


def _tier_view(curriculum: Curriculum, tier: str, here: str, context: Context) -> dict:
    """What the templates show of a tier, with links relative to the page `here`."""
    members = curriculum.tiers[tier]
    return {
        "key": tier, "link": relative(here, f"curriculum/{tier}.md"),
        "count": len(members),
        "duration": format_minutes(curriculum.minutes(tier), context.lang),
        "modules": [module_view(m, curriculum, here, context) for m in members],
    }


def module_view(module: Module, curriculum: Curriculum, here: str, context: Context) -> dict:
    words = labels(context.lang)
    view = {
        "id": module.id, "title": escape_md(module.title),
        "anchor": relative(here, module.anchor_uri),
        "duration": format_minutes(module.duration_minutes, context.lang),
        "objectives": [escape_md(o) for o in module.objectives],
        "prerequisites": [
            {"title": escape_md(p.title), "link": relative(here, p.anchor_uri)}
            for p in (curriculum.module(i) for i in module.prerequisites) if p is not None
        ],
        "department": "", "department_link": "", "parts": [], "aliases": [],
        "page": relative(here, module.src_uri),
    }
    if module.playbook is not None:
        meta = module.playbook.meta
        view["department"] = escape_md(
            context.catalog.taxonomy.label("department", meta.department, context.lang))
        # a site URL, not a docs path: the departments pages come from another generator
        up = "../" * page_url(here).count("/")
        view["department_link"] = f"{up}departments/{meta.department}/"
        view["aliases"] = list(meta.aliases)  # a renamed playbook keeps its old anchor too
        base = module.playbook.rel_dir
        view["parts"] = [{"label": words[key], "link": relative(here, f"{base}/{name}")}
                         for key, name in PART_PAGES]
    return view


def relative(here: str, target: str) -> str:
    """A docs path as a link from page `here`; MkDocs turns it into the right URL."""
    path, _, anchor = target.partition("#")
    if path == here:
        return f"#{anchor}" if anchor else ""
    link = posixpath.relpath(path, posixpath.dirname(here) or ".")
    return f"{link}#{anchor}" if anchor else link


def format_minutes(minutes: int | None, lang: str) -> str:
    if not minutes:
        return "—"
    hours, rest = divmod(minutes, 60)
    units = ("h", "min") if lang == "en" else ("時間", "分")
    parts = [f"{n}\u00a0{unit}" for n, unit in zip((hours, rest), units, strict=True) if n]
    return "\u00a0".join(parts)  # no-break spaces: "1 時間 30 分" never wraps in a table cell

