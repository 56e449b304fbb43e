"""`playbook-kb serve SLUG`: which playbooks a preview builds in full.

The preview keeps the WHOLE catalog, so the cross-department pages (department,
output, matrix, curriculum) count every playbook as the published site does; only
the focused playbooks get their own pages built and their rules run, which is what
keeps the preview fast in a large repository.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Catalog, Playbook

ENV_VAR = "PLAYBOOK_KB_PREVIEW"  # set by tools/preview.py, read by load/settings.py


def focused(catalog: Catalog, playbook: Playbook) -> bool:
    """True when the playbook's own pages are built (always, outside a preview)."""
    wanted = catalog.settings.preview
    return not wanted or playbook.slug in wanted


def focus_findings(catalog: Catalog, findings: list[Finding]) -> list[Finding]:
    """In a preview: the focused playbooks' findings and the site-wide ones only."""
    wanted = set(catalog.settings.preview)
    if not wanted:
        return findings
    return [f for f in findings if not f.slug or f.slug in wanted]
