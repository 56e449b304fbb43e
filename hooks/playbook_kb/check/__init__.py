"""check: every rule over the loaded catalog; findings are values.

Importing the rule modules registers them (one module per rule family)."""

from __future__ import annotations

from . import (  # noqa: F401  (importing registers the rules)
    html_rules,
    links,
    metadata,
    owners,
    parts,
    policy,
    prerequisites,
    sensitive,
    usage,
)
from .registry import CATALOG_RULES, PLAYBOOK_RULES, run_rules
from .run import check, findings_by_playbook

__all__ = ["CATALOG_RULES", "PLAYBOOK_RULES", "check", "findings_by_playbook", "run_rules"]
