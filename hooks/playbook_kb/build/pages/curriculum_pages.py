"""/curriculum/, one page per tier, and /curriculum.json for learning-management systems."""

from __future__ import annotations

import json

from ...derive.curriculum import Curriculum, Module, build_curriculum
from ...i18n import labels
from ...model import TIERS, Catalog
from ...routes import CURRICULUM_JSON, CURRICULUM_SRC, doc_link, tier_src, tier_url
from ..curriculum_view import CurriculumView
from ..render import escape_md
from .context import Context, SitePlan, render_page


def curriculum_pages(context: Context, plan: SitePlan) -> None:
    curriculum = build_curriculum(context.catalog)
    words = context.words
    view = CurriculumView(context.catalog, curriculum, context.lang)
    plan.pages[CURRICULUM_SRC] = render_page(
        context, "curriculum_index.md.j2", CURRICULUM_SRC, {"title": words["curriculum"]},
        tiers=[view.tier(tier, CURRICULUM_SRC) for tier in TIERS],
        json_link=doc_link(CURRICULUM_SRC, CURRICULUM_JSON))
    for tier in TIERS:
        title = words["tier_title"].format(tier=words[f"{tier}_tier"],
                                           audience=words[f"{tier}_audience"])
        src = tier_src(tier)
        plan.pages[src] = render_page(context, "curriculum_tier.md.j2", src, {"title": title},
                                      tier=view.tier(tier, src), title=escape_md(title))
    plan.files[CURRICULUM_JSON] = curriculum_json(curriculum, context.catalog, context.lang)


def curriculum_json(curriculum: Curriculum, catalog: Catalog, lang: str) -> str:
    """Tiers and modules for an LMS; URLs are relative to the JSON file (the site root)."""
    words = labels(lang)
    tiers, modules = [], []
    for tier in TIERS:
        members = curriculum.tiers[tier]
        tiers.append({
            "key": tier, "title": words[f"{tier}_tier"], "audience": words[f"{tier}_audience"],
            "goals": words[f"{tier}_goals"], "url": tier_url(tier),
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
