"""Rules are small generators registered by id; `run_rules` runs them all.

The rule modules register themselves when `check` imports them (see check/__init__.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding
from ..load.focus import focused
from ..model import Catalog, Playbook

PlaybookRule = Callable[[Playbook, Catalog], Iterable[Finding]]
CatalogRule = Callable[[Catalog], Iterable[Finding]]

PLAYBOOK_RULES: dict[str, PlaybookRule] = {}
CATALOG_RULES: dict[str, CatalogRule] = {}


def playbook_rule(rule_id: str) -> Callable[[PlaybookRule], PlaybookRule]:
    def register(func: PlaybookRule) -> PlaybookRule:
        PLAYBOOK_RULES[rule_id] = func
        return func
    return register


def catalog_rule(rule_id: str) -> Callable[[CatalogRule], CatalogRule]:
    def register(func: CatalogRule) -> CatalogRule:
        CATALOG_RULES[rule_id] = func
        return func
    return register


def run_rules(catalog: Catalog) -> list[Finding]:
    findings: list[Finding] = []
    for playbook in catalog.playbooks:
        if not focused(catalog, playbook):  # a preview checks only what it shows
            continue
        for func in PLAYBOOK_RULES.values():
            findings.extend(func(playbook, catalog))
    for func in CATALOG_RULES.values():
        findings.extend(func(catalog))
    return findings

