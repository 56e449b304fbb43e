"""/changes/: the playbooks changed most recently, from the build's git history."""

from __future__ import annotations

from ...routes import CHANGES_SRC, link
from .context import Context, SitePlan, render_page

RECENT = 50  # playbooks listed on /changes/


def changes_page(context: Context, plan: SitePlan) -> None:
    catalog, history = context.catalog, context.history
    dated = [(history.folder(p.rel_dir), p) for p in catalog.playbooks if p.slug_ok]
    recent = sorted(((d, p) for d, p in dated if d), key=lambda x: (-x[0].toordinal(),
                                                                   x[1].slug))[:RECENT]
    rows = [{"date": date, "playbook": p,
             "url": link(CHANGES_SRC, p.url),
             "department": catalog.taxonomy.label("department", p.meta.department, context.lang,
                                                  p.meta.department),
             "output": catalog.taxonomy.label("output", p.meta.output, context.lang,
                                              p.meta.output)} for date, p in recent]
    meta = {"title": context.words["changes_title"], "render_macros": False}
    plan.pages[CHANGES_SRC] = render_page(context, "changes_page.md.j2", CHANGES_SRC, meta,
                                          rows=rows, history=bool(history), limit=RECENT)
