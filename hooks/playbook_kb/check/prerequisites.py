"""Curriculum rules: prerequisites that exist, form no cycle and do not point upward."""

from __future__ import annotations

from collections.abc import Iterator

from ..derive.curriculum import build_curriculum, module_id_findings
from ..findings import Finding
from ..model import Catalog
from .registry import catalog_rule


@catalog_rule("prerequisite")
def prerequisite(catalog: Catalog) -> Iterator[Finding]:
    yield from build_curriculum(catalog).findings


@catalog_rule("module-id")  # findings carry rule `duplicate-url`: an anchor is a URL
def module_id(catalog: Catalog) -> Iterator[Finding]:
    yield from module_id_findings(catalog)
