"""The engine's front door: load once, check, and hand the results to any adapter."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..load.cache import ResultCache
from ..load.catalog import load_catalog
from ..load.focus import focus_findings
from ..load.settings import read_settings
from ..model import Catalog, Settings
from .registry import run_rules
from .sensitive import withhold


def check(root: Path | str, settings: Settings | None = None,
          cache: ResultCache | None = None) -> tuple[Catalog, list[Finding]]:
    """Every finding for the repository at `root`, sorted by file and line. A cache
    (load/cache.py) skips the folders and local rules whose files did not change."""
    root = Path(root).resolve()
    catalog, findings = load_catalog(root, settings or read_settings(root), cache)
    findings.extend(run_rules(catalog, cache))
    if cache is not None:  # after the rules: the masks and links they computed are kept
        cache.finish()
    catalog, findings = withhold(catalog, sorted(set(findings)))  # values stay off the site
    # `playbook-kb serve SLUG`: the whole catalog, the focused playbook's findings
    return catalog, focus_findings(catalog, findings)


def findings_by_playbook(catalog: Catalog, findings: list[Finding]) -> dict[str, list[Finding]]:
    """slug -> its findings, for banners and the health page."""
    grouped: dict[str, list[Finding]] = {p.slug: [] for p in catalog.playbooks}
    for finding in findings:
        if finding.slug in grouped:
            grouped[finding.slug].append(finding)
    return grouped
