"""/changes/: the playbooks changed most recently, from the build's git history."""

from __future__ import annotations

from ...model import Playbook
from ...routes import CHANGES_SRC, link
from .context import Context, SitePlan, render_page

RECENT = 50  # playbooks listed on /changes/
NEW_DAYS = 30  # a playbook first committed this many days before the build is "new"


def is_new(context: Context, playbook: Playbook) -> bool:
    """Added to the repository within NEW_DAYS of the build date (as far as git knows)."""
    created = context.history.folder_created(playbook.rel_dir)
    return created is not None and (context.catalog.settings.today - created).days <= NEW_DAYS


def changes_page(context: Context, plan: SitePlan) -> None:
    catalog, history = context.catalog, context.history
    dated = [(history.folder(p.rel_dir), p) for p in catalog.playbooks if p.slug_ok]
    recent = sorted(((d, p) for d, p in dated if d), key=lambda x: (-x[0].toordinal(),
                                                                   x[1].slug))[:RECENT]
    rows = [{"date": date, "playbook": p, "new": is_new(context, p),
             "url": link(CHANGES_SRC, p.url),
             "department": catalog.taxonomy.label("department", p.meta.department, context.lang,
                                                  p.meta.department),
             "output": catalog.taxonomy.label("output", p.meta.output, context.lang,
                                              p.meta.output)} for date, p in recent]
    meta = {"title": context.words["changes_title"], "render_macros": False}
    plan.pages[CHANGES_SRC] = render_page(context, "changes_page.md.j2", CHANGES_SRC, meta,
                                          rows=rows, history=bool(history), limit=RECENT,
                                          new_days=NEW_DAYS)
