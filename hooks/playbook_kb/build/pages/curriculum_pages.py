"""/curriculum/, one page per tier, and /curriculum.json for learning-management systems."""

from __future__ import annotations

import json
from typing import Any

from ...derive.curriculum import Curriculum, Module, curriculum_of
from ...i18n import labels
from ...load.focus import focused
from ...load.tier_record import read_tier_record
from ...model import TIERS, Catalog
from ...routes import CURRICULUM_JSON, CURRICULUM_SRC, doc_link, link, page_url, tier_src, tier_url
from ..curriculum_view import CurriculumView
from ..render import escape_md, render, script_json
from .context import Context, SitePlan, render_page
from .preview import stub, stubbed


def curriculum_pages(context: Context, plan: SitePlan) -> None:
    curriculum = curriculum_of(context.catalog)
    words = context.words
    if not stubbed(context, CURRICULUM_JSON):  # a preview serves no data for portals
        plan.files[CURRICULUM_JSON] = curriculum_json(curriculum, context.catalog, context.lang)
    for module in curriculum.by_id.values():  # /m/<id>/: one link whatever the tier
        if module.playbook is None or focused(context.catalog, module.playbook):
            plan.redirects[f"{module.permalink[:-1]}.md"] = module.anchor_uri
    if stubbed(context, CURRICULUM_SRC):  # a preview skips the long module lists
        plan.pages[CURRICULUM_SRC] = stub(context, CURRICULUM_SRC, words["curriculum"])
        for tier in TIERS:  # the first page, and those the /m/<id>/ written above open
            shown = {1} | {m.page for m in curriculum.tiers[tier]
                           if m.playbook is None or focused(context.catalog, m.playbook)}
            for page in sorted(shown):
                src = tier_src(tier, page)
                plan.pages[src] = stub(context, src, _tier_title(tier, words))
        return
    view = CurriculumView(context.catalog, curriculum, context.lang)
    plan.pages[CURRICULUM_SRC] = render_page(
        context, "curriculum_index.md.j2", CURRICULUM_SRC, {"title": words["curriculum"]},
        tiers=[{**view.tier(tier, CURRICULUM_SRC), "url": link(CURRICULUM_SRC, tier_url(tier))}
               for tier in TIERS],  # a tier longer than list_limit: its first modules
        json_link=doc_link(CURRICULUM_SRC, CURRICULUM_JSON))
    moved = moved_modules(curriculum, read_tier_record(context.catalog.root))
    for tier in TIERS:
        title = _tier_title(tier, words)
        pages = curriculum.pages(tier)
        for page in range(1, pages + 1):
            src = tier_src(tier, page)
            gone = [{"id": m.id, "title": m.title, "tier": words[f"{m.tier}_tier"],
                     "link": link(src, m.anchor_url)}  # raw HTML: a site URL
                    for m in moved.get(tier, [])] if page == 1 else []
            pager = tier_pager(curriculum, tier, page, src, words,
                               [m.id for m in moved.get(tier, [])])
            heading = title if pages == 1 else words["tier_page_title"].format(
                title=title, page=page, pages=pages)
            plan.pages[src] = render_page(
                context, "curriculum_tier.md.j2", src, {"title": heading},
                tier=view.tier(tier, src, links=True, page=page), title=escape_md(heading),
                moved=gone, **pager)
    for src_uri, html in module_nav(curriculum, context.lang).items():
        plan.appendix[src_uri] = html


def tier_pager(curriculum: Curriculum, tier: str, page: int, src: str,
               words: dict[str, str], moved: list[str]) -> dict[str, Any]:
    """A long tier's pages (`modules_per_page` modules each): links to them by module
    numbers, and where each module on the other pages is, so an old or hand-typed
    link to an anchor on the wrong page of the tier still finds its module; the
    modules `moved` to another tier, to page 1, which says where they went
    (assets/anchors.js reads it; module ids are slugs, the JSON is safe in <script>)."""
    count = curriculum.pages(tier)
    if count == 1:
        return {"pager": [], "anchors": ""}
    modules = curriculum.tiers[tier]
    pager = []
    for number in range(1, count + 1):
        on_page = [m for m in modules if m.page == number]
        pager.append({"label": words["tier_page_range"].format(
                          first=on_page[0].number, last=on_page[-1].number),
                      "link": link(src, tier_url(tier, number)), "current": number == page})
    elsewhere = {name: link(src, tier_url(tier, m.page))
                 for m in modules if m.page != page
                 for name in (m.id, *(m.playbook.meta.aliases if m.playbook else ()))}
    if page != 1:
        elsewhere |= {module_id: link(src, tier_url(tier)) for module_id in moved}
    return {"pager": pager, "anchors": script_json(elsewhere)}


def moved_modules(curriculum: Curriculum,
                  record: dict[str, tuple[str, ...]]) -> dict[str, list[Module]]:
    """former tier -> modules that were in it: their old anchors say where they went."""
    moved: dict[str, list[Module]] = {}
    for module in curriculum.by_id.values():
        for tier in record.get(module.id, ()):
            if tier != module.tier:
                moved.setdefault(tier, []).append(module)
    return {tier: sorted(modules, key=lambda m: m.id) for tier, modules in moved.items()}


def _tier_title(tier: str, words: dict[str, str]) -> str:
    return words["tier_title"].format(tier=words[f"{tier}_tier"],
                                      audience=words[f"{tier}_audience"])


def module_nav(curriculum: Curriculum, lang: str) -> dict[str, str]:
    """Each module's page -> a "next module" link in teaching order, and the tier's list.

    The last module of a tier leads to the first of the next tier that has modules; the
    last of all leads back to the curriculum. HTML, appended after the page's content.
    """
    words = labels(lang)
    order = [m for tier in TIERS for m in curriculum.tiers[tier]]
    result = {}
    for module, following in zip(order, [*order[1:], None], strict=True):
        here = module.src_uri
        view = {"list": link(here, module.anchor_url), "tier": words[f"{module.tier}_tier"],
                "next": None, "home": link(here, page_url(CURRICULUM_SRC))}
        if following is not None:
            view["next"] = {"title": following.title,
                            "href": link(here, page_url(following.src_uri)),
                            "same_tier": following.tier == module.tier,
                            "tier": words[f"{following.tier}_tier"]}
        result[here] = render("_module_nav.html.j2", words=words, nav=view)
    return result


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
    base = catalog.settings.site_url
    if base:  # an LMS outside the site needs full links
        for record in tiers:
            record["absolute_url"] = base + record["url"]
        for record in modules:
            for key in ("url", "anchor_url", "permalink"):
                record[f"absolute_{key}"] = base + record[key]
    document = {"version": 1, "lang": lang, "tiers": tiers, "modules": modules}
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _module_record(module: Module, position: int, catalog: Catalog, lang: str) -> dict:
    record = {
        "id": module.id, "tier": module.tier, "position": position, "title": module.title,
        "kind": "playbook" if module.playbook else "page",
        "url": module.url, "anchor_url": module.anchor_url, "permalink": module.permalink,
        "duration_minutes": module.duration_minutes,
        "objectives": list(module.objectives), "prerequisites": list(module.prerequisites),
        "source": module.source,
    }
    if module.playbook is not None:
        key = module.playbook.meta.department
        record["department"] = key
        record["department_label"] = catalog.taxonomy.label("department", key, lang)
    return record
