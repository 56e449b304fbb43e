"""Generated pages: pure functions from the catalog to `{src_uri: markdown}`.

PIPELINE is every generator, in the order they run: each reads the Context and adds
its own pages to the SitePlan, never edits another's. What needs the outside world
(git history) is read once before, into the Context. Where each page lives and how
pages link is decided in `playbook_kb.routes`. A page a person wrote at the same
path wins (the adapter decides).
"""

from __future__ import annotations

from ...check import findings_by_playbook
from ...derive.trend import first_month
from ...findings import Finding
from ...load.gitinfo import History, read_history
from ...model import Catalog
from .assets import engine_assets
from .catalog_json import catalog_json
from .catalog_page import catalog_page
from .changes import changes_page
from .context import Context, Generator, SitePlan, render_page
from .curriculum_pages import curriculum_pages
from .departments import department_pages
from .health import health_page
from .impact import impact_page
from .matrix import matrix_page
from .outputs import output_pages
from .phases import phases_page
from .playbook import playbook_pages
from .preview import mark_preview
from .redirects import alias_redirects
from .search_meta import search_meta
from .tools import tool_pages

PIPELINE: tuple[Generator, ...] = (
    engine_assets,  # the site's own CSS and scripts
    catalog_json,  # /playbooks.json
    catalog_page,  # /playbooks/: every playbook, filterable
    playbook_pages,  # each playbook's overview, parts and gallery, with their footers
    changes_page,  # /changes/
    curriculum_pages,  # /curriculum/, tiers, /curriculum.json
    department_pages,  # /departments/...
    health_page,  # /health/
    impact_page,  # /impact/
    matrix_page,  # /matrix/
    output_pages,  # /outputs/...
    phases_page,  # /phases/
    tool_pages,  # /tools/..., and /tags/ redirected to /tools/
    alias_redirects,  # old URLs of renamed playbooks
    search_meta,  # what the search index knows of each playbook page (after the pages)
)


def build_site(catalog: Catalog, findings: list[Finding],
               history: History | None = None) -> SitePlan:
    """Every generated page. `history`: when each file last changed (default: read from
    git once, here, before any generator runs, with the overview versions the trends need)."""
    if history is None:  # a preview stubs /impact/: no versions to read on every save
        trend_from = None if catalog.settings.preview else first_month(catalog.settings.today)
        history = read_history(catalog.root, trend_from=trend_from)
    context = Context(catalog, tuple(findings), findings_by_playbook(catalog, findings),
                      catalog.settings.lang, history)
    plan = SitePlan()
    for generate in PIPELINE:
        generate(context, plan)
    if catalog.settings.preview:
        mark_preview(context, plan)
    return plan


__all__ = ["PIPELINE", "Context", "SitePlan", "build_site", "render_page"]
