"""Curriculum rules: prerequisites that exist, form no cycle and do not point upward."""

from __future__ import annotations

from collections.abc import Iterator

from ..derive.curriculum import curriculum_of, module_id_findings
from ..findings import Finding, warning
from ..i18n import text
from ..load.tier_record import RECORD_FILE, read_tier_record
from ..model import Catalog
from ..routes import tier_anchor
from .registry import catalog_rule


@catalog_rule("prerequisite")
def prerequisite(catalog: Catalog) -> Iterator[Finding]:
    yield from curriculum_of(catalog).findings


@catalog_rule("module-id")  # findings carry rule `duplicate-url`: an anchor is a URL
def module_id(catalog: Catalog) -> Iterator[Finding]:
    yield from module_id_findings(catalog)


@catalog_rule("tier-change")
def tier_change(catalog: Catalog) -> Iterator[Finding]:
    """A module in another tier than the committed record: its old links need a word."""
    record = read_tier_record(catalog.root)
    if not record:
        return
    curriculum = curriculum_of(catalog)
    for modules in curriculum.tiers.values():
        for module in modules:
            recorded = record.get(module.id, ())
            if recorded and recorded[0] != module.tier:
                yield warning("tier-change", module.source, module.tier_line, text(
                    catalog.settings.lang, "curriculum.tier_change", id=module.id,
                    old=recorded[0], new=module.tier, permalink=f"/{module.permalink}",
                    old_anchor=f"/{tier_anchor(recorded[0], module.id)}", record=RECORD_FILE))
