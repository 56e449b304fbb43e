"""`playbook-kb serve SLUG`: what a preview builds, and the notice on every other page.

The preview keeps the whole catalog, so the pages that show the focused playbook
with its neighbours (its department and those that adopt it, its output, the
matrix and both indexes) count every playbook as the published site does. Those
are built in full with the playbook's own pages; every other generated page is a
short stub saying it is not built in the preview, because rendering thousand-row
lists is what makes a build slow. Each page carries a notice: links to other
playbooks end at a 404, and only the focused playbooks were checked.
"""

from __future__ import annotations

from ...routes import MATRIX_SRC, link, playbook_dir, playbook_url, term_src
from ..render import front_matter, render
from .context import Context, SitePlan

ALWAYS = (term_src("department"), term_src("output"), MATRIX_SRC)


def shown_pages(context: Context) -> frozenset[str]:
    """The generated pages on which a focused playbook appears with its neighbours."""
    keep = set(ALWAYS)
    for slug in context.catalog.settings.preview:
        playbook = context.catalog.playbook(slug)
        if playbook is None:
            continue
        meta = playbook.meta
        keep |= {term_src("department", key) for key in (meta.department, *meta.adopted_by)}
        keep.add(term_src("output", meta.output))
    return frozenset(keep)


def stubbed(context: Context, src_uri: str) -> bool:
    """True when a preview replaces this generated page by a stub (never outside one)."""
    return bool(context.catalog.settings.preview) and src_uri not in context.preview_pages


def stub(context: Context, src_uri: str, title: str) -> str:
    """The page a preview builds instead of a long list: its title and the notice."""
    return front_matter({"title": title, "render_macros": False}) + _notice(context, src_uri,
                                                                            True)


def mark_preview(context: Context, plan: SitePlan) -> None:
    """The notice under the front matter of every generated page a preview built in full."""
    own = tuple(f"{playbook_dir(slug)}/" for slug in context.catalog.settings.preview)
    for src_uri, text in plan.pages.items():
        if src_uri.startswith(own) or src_uri not in context.preview_pages:
            continue
        head, body = _split(text)
        plan.pages[src_uri] = head + _notice(context, src_uri, False) + "\n" + body


def _notice(context: Context, src_uri: str, is_stub: bool) -> str:
    links = [(slug, link(src_uri, playbook_url(slug)))
             for slug in context.catalog.settings.preview]
    return render("_preview_notice.html.j2", words=context.words, links=links, stub=is_stub)


def _split(text: str) -> tuple[str, str]:
    """(front matter with its closing line, the rest); ("", text) without front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[:end + 5] + "\n", text[end + 5:]
    return "", text
