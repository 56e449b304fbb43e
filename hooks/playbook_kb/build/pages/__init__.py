"""Generated pages: pure functions from the catalog to `{src_uri: markdown}`.

PIPELINE is every generator, in the order they run: each reads the Context and adds
to the SitePlan. A page a person wrote at the same path wins (the adapter decides).
"""

from __future__ import annotations

from ...check import findings_by_playbook
from ...findings import Finding
from ...model import Catalog
from .assets import engine_assets
from .catalog_json import catalog_json
from .changes import history_pages
from .context import Context, Generator, SitePlan, page_url
from .curriculum_pages import curriculum_pages
from .departments import department_pages
from .health import health_page
from .impact import impact_page
from .matrix import matrix_page
from .outputs import output_pages
from .phases import phases_page
from .playbook import playbook_pages
from .redirects import alias_redirects

PIPELINE: tuple[Generator, ...] = (
    engine_assets,  # the site's own CSS and scripts
    catalog_json,  # /playbooks.json
    playbook_pages,  # each playbook's overview, parts and gallery
    history_pages,  # footers of the playbook pages (after them), /changes/
    curriculum_pages,  # /curriculum/, tiers, /curriculum.json
    department_pages,  # /departments/...
    health_page,  # /health/
    impact_page,  # /impact/
    matrix_page,  # /matrix/
    output_pages,  # /outputs/...
    phases_page,  # /phases/
    alias_redirects,  # old URLs of renamed playbooks
)


def build_site(catalog: Catalog, findings: list[Finding]) -> SitePlan:
    context = Context(catalog, tuple(findings), findings_by_playbook(catalog, findings),
                      catalog.settings.lang)
    plan = SitePlan()
    for generate in PIPELINE:
        generate(context, plan)
    return plan


__all__ = ["PIPELINE", "Context", "SitePlan", "build_site", "page_url"]
