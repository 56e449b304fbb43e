"""Stable links: a renamed playbook lists its former slugs in `aliases`; they keep working.

Each page of the playbook gets a redirect from its old path (served by mkdocs-redirects,
which kb_hooks feeds with `plan.redirects`); downloads are copied under the old path too.
"""

from __future__ import annotations

from ...load.focus import focused
from ...routes import PLAYBOOKS_DIR, SAMPLES
from .context import Context, SitePlan


def alias_redirects(context: Context, plan: SitePlan) -> None:
    taken = {p.slug for p in context.catalog.playbooks}
    for playbook in context.catalog.playbooks:
        if not playbook.slug_ok or not focused(context.catalog, playbook):
            continue
        pages = [f.name for f in playbook.files if f.publishable and f.suffix == ".md"]
        if SAMPLES.file not in pages:
            pages.append(SAMPLES.file)  # the generated gallery
        downloads = [f for f in playbook.files if f.publishable and f.suffix != ".md"]
        for alias in playbook.meta.aliases:
            if alias in taken:  # reported as duplicate-url; the live playbook keeps its URL
                continue
            taken.add(alias)
            old, new = f"{PLAYBOOKS_DIR}/{alias}", playbook.rel_dir
            for name in sorted(pages):
                plan.redirects[f"{old}/{name}"] = f"{new}/{name}"
            for source in downloads:
                plan.assets[f"{old}/{source.name}"] = source.abs_path
