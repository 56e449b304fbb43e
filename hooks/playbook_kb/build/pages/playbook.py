"""A playbook's own pages: overview with its panel, the parts, and the samples gallery."""

from __future__ import annotations

from ...findings import Finding
from ...labels import labels
from ...load.textio import split_front_matter
from ...model import PART_FILES, Playbook, SourceFile
from ..render import front_matter, render
from .context import Context, SitePlan
from .gallery import preview


def playbook_pages(context: Context, plan: SitePlan) -> None:
    for playbook in context.catalog.playbooks:
        if not playbook.slug_ok:
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
        gallery = f"{playbook.rel_dir}/samples/index.md"
        if gallery not in plan.pages:
            plan.pages[gallery] = _gallery(context, playbook, findings)


def _page(context: Context, playbook: Playbook, source: SourceFile,
          findings: list[Finding]) -> str:
    lang = context.lang
    words = labels(lang)
    part = source.name
    body = split_front_matter(source.text or "").body if part != "index.md" else playbook.body
    if part == "index.md":
        title = playbook.title
    elif part in ("prompt-sheet.md", "workflow.md"):
        title = f"{playbook.title} — {words[part[:-3]]}"
    else:
        title = f"{playbook.title} — {words['samples']}"
    meta = {"title": title, "render_macros": False}
    if part == "index.md":
        meta["description"] = playbook.meta.summary
        if playbook.meta.tools:
            meta["tags"] = list(playbook.meta.tools)
    return render("playbook_page.md.j2", front=front_matter(meta), words=words, part=part,
                  up=up_to_playbook(part), playbook=playbook, findings=findings,
                  panel=part == "index.md", body=body, lang=lang,
                  taxonomy=context.catalog.taxonomy)


def _gallery(context: Context, playbook: Playbook, findings: list[Finding]) -> str:
    words = labels(context.lang)
    meta = {"title": f"{playbook.title} — {words['samples']}", "render_macros": False}
    previews = [preview(s) for s in playbook.samples if s.name != "samples/index.md"]
    return render("samples_gallery.md.j2", front=front_matter(meta), words=words,
                  part="samples/index.md", up="../", playbook=playbook, findings=findings,
                  previews=previews, human_size=human_size)


def up_to_playbook(name: str) -> str:
    """Relative URL prefix from a page's directory URL back to /playbooks/<slug>/."""
    parts = name[:-3].split("/")
    if parts[-1] == "index":
        parts.pop()
    return "../" * len(parts)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


__all__ = ["PART_FILES", "human_size", "playbook_pages"]
