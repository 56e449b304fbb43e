"""`playbook-kb serve SLUG`: the catalog restricted to the previewed playbooks."""

from __future__ import annotations

import dataclasses

from ..findings import Finding
from ..model import Catalog

ENV_VAR = "PLAYBOOK_KB_PREVIEW"  # set by tools/preview.py, read by load/settings.py

def focus(catalog: Catalog, findings: list[Finding]) -> tuple[Catalog, list[Finding]]:
    """The catalog and load findings restricted to `settings.preview`; unchanged if empty."""
    wanted = set(catalog.settings.preview)
    if not wanted:
        return catalog, findings
    others = {p.slug for p in catalog.playbooks if p.slug not in wanted}
    kept = tuple(p for p in catalog.playbooks if p.slug in wanted)
    return (dataclasses.replace(catalog, playbooks=kept),
            [f for f in findings if f.slug not in others])
