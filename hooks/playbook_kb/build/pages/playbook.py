"""A playbook's own pages: overview with its panel, the parts, and the samples gallery.

Every page carries the parts nav, the banner of the playbook's findings and, at its
end, its footer (last change, feedback): the templates render all three.
"""

from __future__ import annotations

from ...check.sensitive import shown_name
from ...findings import Finding
from ...load.focus import focused
from ...load.textio import split_front_matter
from ...model import Playbook, SourceFile
from ...routes import SAMPLES, part_link, part_of, parts
from .changes import is_new
from .context import Context, SitePlan, render_page
from .crossdept import hours
from .feedback import footer
from .gallery import preview
from .tools import panel_tools


def playbook_pages(context: Context, plan: SitePlan) -> None:
    for playbook in context.catalog.playbooks:
        if not playbook.slug_ok or not focused(context.catalog, playbook):  # preview: one
            continue
        findings = context.by_playbook.get(playbook.slug, [])
        for source in playbook.files:
            if not source.publishable:
                continue
            if source.suffix != ".md":
                plan.assets[source.rel] = source.abs_path
                continue
            plan.pages[source.rel] = _page(context, playbook, source, findings)
            plan.untrusted.add(source.rel)
            plan.edit_paths[source.rel] = source.rel
        gallery = f"{playbook.rel_dir}/{SAMPLES.file}"
        if gallery not in plan.pages:
            plan.pages[gallery] = _gallery(context, playbook, findings, gallery)


def parts_nav(playbook: Playbook, here: str) -> list[dict]:
    """The parts as the nav shows them from page `here`: a link, or missing (no href)."""
    name = here[len(playbook.rel_dir) + 1:]
    return [{"label": part.label, "current": part.file == name,
             "href": part_link(here, playbook.slug, part.key)
             if part.generated or playbook.file(part.file) else ""}
            for part in parts()]


def _page(context: Context, playbook: Playbook, source: SourceFile,
          findings: list[Finding]) -> str:
    words = context.words
    part = part_of(source.name)
    overview = part is not None and part.key == "overview"
    body = playbook.body if overview else split_front_matter(source.text or "").body
    if overview:
        title = playbook.title
    elif part is not None and not part.generated:
        title = f"{playbook.title} — {words[part.label]}"
    else:
        title = f"{playbook.title} — {words[SAMPLES.label]}"
    meta = {"title": title, "render_macros": False}
    if overview:
        meta["description"] = playbook.meta.summary
    tool_views = panel_tools(context, playbook, source.rel) if overview else []
    return render_page(context, "playbook_page.md.j2", source.rel, meta,
                       parts=parts_nav(playbook, source.rel), playbook=playbook,
                       findings=_banner(findings), panel=overview, body=body,
                       part=source.name, taxonomy=context.catalog.taxonomy, hours=hours,
                       tool_views=tool_views, footer=footer(context, playbook, source.rel),
                       **_reader_notes(context, playbook))


def _gallery(context: Context, playbook: Playbook, findings: list[Finding], src: str) -> str:
    meta = {"title": f"{playbook.title} — {context.words[SAMPLES.label]}",
            "render_macros": False}
    previews = [preview(s) for s in playbook.samples if s.name != SAMPLES.file]
    withheld = [(shown_name(s.name.split("/", 1)[1]), s.withheld)
                for s in playbook.withheld_samples]
    return render_page(context, "samples_gallery.md.j2", src, meta,
                       parts=parts_nav(playbook, src), playbook=playbook,
                       findings=_banner(findings), part=SAMPLES.file,
                       previews=previews, human_size=human_size, withheld=withheld,
                       footer=footer(context, playbook, src),
                       **_reader_notes(context, playbook))


def _banner(findings: list[Finding]) -> list[Finding]:
    """What the maintainers' banner lists: the stale warning has its own notice for readers."""
    return [f for f in findings if f.rule != "stale"]


def _reader_notes(context: Context, playbook: Playbook) -> dict:
    """What a reader is told on every page of the playbook: new, or possibly out of date."""
    settings = context.catalog.settings
    reviewed = playbook.meta.reviewed
    age = (settings.today - reviewed).days if reviewed else 0
    return {"new": is_new(context, playbook), "stale_age": age if age > settings.stale_days else 0}


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


__all__ = ["human_size", "parts_nav", "playbook_pages"]
