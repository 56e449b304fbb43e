"""Rules are small generators registered by id; `run_rules` runs them all.

The rule modules register themselves when `check` imports them (see check/__init__.py).
A rule registered `local=True` reads only its playbook and `catalog.settings`: its
findings are kept with the playbook in load/cache.py and reused while nothing changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding
from ..load.cache import ResultCache
from ..load.doctext import TIME_CUTS
from ..load.focus import focused
from ..model import Catalog, Playbook

PlaybookRule = Callable[[Playbook, Catalog], Iterable[Finding]]
CatalogRule = Callable[[Catalog], Iterable[Finding]]

PLAYBOOK_RULES: dict[str, PlaybookRule] = {}
LOCAL_RULES: set[str] = set()  # rules of the playbook and the settings alone
CATALOG_RULES: dict[str, CatalogRule] = {}


def playbook_rule(rule_id: str, *, local: bool = False) -> Callable[[PlaybookRule],
                                                                     PlaybookRule]:
    def register(func: PlaybookRule) -> PlaybookRule:
        PLAYBOOK_RULES[rule_id] = func
        if local:
            LOCAL_RULES.add(rule_id)
        return func
    return register


def catalog_rule(rule_id: str) -> Callable[[CatalogRule], CatalogRule]:
    def register(func: CatalogRule) -> CatalogRule:
        CATALOG_RULES[rule_id] = func
        return func
    return register


def run_rules(catalog: Catalog, cache: ResultCache | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for playbook in catalog.playbooks:
        if not focused(catalog, playbook):  # a preview checks only what it shows
            continue
        local = cache.local_findings(playbook) if cache else None
        if local is None:
            cuts = TIME_CUTS[0]
            local = [f for rule, func in PLAYBOOK_RULES.items() if rule in LOCAL_RULES
                     for f in func(playbook, catalog)]
            if cache and TIME_CUTS[0] == cuts:  # a scan the clock cut short is redone
                cache.store_local(playbook, local)
        findings.extend(local)
        for rule, func in PLAYBOOK_RULES.items():
            if rule not in LOCAL_RULES:
                findings.extend(func(playbook, catalog))
    for func in CATALOG_RULES.values():
        findings.extend(func(catalog))
    return findings
