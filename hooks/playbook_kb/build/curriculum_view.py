"""What pages show of the curriculum: tiers and modules as plain values with finished links.

Used by the curriculum pages and by the trainer macros (`curriculum_table`), so a module
looks the same wherever it is listed. Links are relative to the page `here` (a source):
Markdown links (routes.doc_link) that MkDocs checks, or URLs for raw HTML (routes.link).
"""

from __future__ import annotations

from ..derive.curriculum import Curriculum, Module
from ..i18n import labels
from ..load.focus import focused
from ..model import Catalog, Playbook
from ..routes import department_url, doc_link, link, parts, playbook_src, playbook_url, tier_src
from .qr import qr_svg
from .render import escape_md


class CurriculumView:
    def __init__(self, catalog: Catalog, curriculum: Curriculum, lang: str) -> None:
        self.catalog, self.curriculum, self.lang = catalog, curriculum, lang
        self.words = labels(lang)

    def tier(self, tier: str, here: str, links: bool = False, page: int = 0) -> dict:
        """A tier with its modules (those of one `page` of the tier's pages, or all);
        `links`: each module's permanent link too, in full and as a QR code (the tier
        pages trainers print). Counts and duration are the whole tier's."""
        everything = self.curriculum.tiers[tier]
        members = [m for m in everything if not page or m.page == page]
        modules = [self.module(m, here) for m in members]
        if links:
            for view, module in zip(modules, members, strict=True):
                view["permalink"] = permanent_link(module, self.catalog.settings.site_url)
                view["qr"] = qr_svg(view["permalink"])
        return {
            "key": tier, "link": doc_link(here, tier_src(tier)), "count": len(everything),
            "duration": format_minutes(self.curriculum.minutes(tier), self.lang),
            "modules": modules,
        }

    def module(self, module: Module, here: str) -> dict:
        view = {
            "id": module.id, "number": module.number, "title": escape_md(module.title),
            "anchor": doc_link(here, module.anchor_uri),
            "duration": format_minutes(module.duration_minutes, self.lang),
            "objectives": [escape_md(o) for o in module.objectives],
            "prerequisites": [
                {"title": escape_md(p.title), "link": doc_link(here, p.anchor_uri)}
                for p in map(self.curriculum.module, module.prerequisites) if p is not None
            ],
            "department": "", "department_link": "", "parts": [], "aliases": [],
            "page": doc_link(here, module.src_uri),
        }
        if module.playbook is not None:
            meta = module.playbook.meta
            view["department"] = escape_md(
                self.catalog.taxonomy.label("department", meta.department, self.lang))
            # a URL, not a source: the department pages are generated, MkDocs may not know them
            view["department_link"] = link(here, department_url(meta.department))
            view["aliases"] = list(meta.aliases)  # a renamed playbook keeps its old anchor too
            view["parts"] = [{"label": self.words[p.label],
                              "link": self.playbook_target(here, module.playbook, p.key)}
                             for p in parts()]
        return view

    def playbook_target(self, here: str, playbook: Playbook, part: str = "overview") -> str:
        """A link from page `here` to a part of `playbook`. A preview does not build other
        playbooks' pages, so the link is their site URL then: MkDocs leaves it as is."""
        if focused(self.catalog, playbook):
            return doc_link(here, playbook_src(playbook.slug, part))
        return link(here, playbook_url(playbook.slug, part))


def permanent_link(module: Module, site_url: str) -> str:
    """What a trainer copies and prints: the full /m/<id>/ URL when site_url is set."""
    return (site_url or "/") + module.permalink


def format_minutes(minutes: int | None, lang: str) -> str:
    if not minutes:
        return "—"
    hours, rest = divmod(minutes, 60)
    words = labels(lang)
    units = (words["hours"], words["min"])
    parts = [f"{n}\u00a0{unit}" for n, unit in zip((hours, rest), units, strict=True) if n]
    return "\u00a0".join(parts)  # no-break spaces: "1 時間 30 分" never wraps in a table cell
