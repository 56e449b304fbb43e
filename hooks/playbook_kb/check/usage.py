"""Usage numbers that only make sense together: users against headcount, adopters
against `adopted_by`, target dates against the first pilot."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error, warning
from ..i18n import text
from ..load.company import TARGETS_FILE
from ..load.taxonomy import TAXONOMY_FILE
from ..model import Catalog, Playbook
from .registry import catalog_rule, playbook_rule


@playbook_rule("usage")
def users_within_headcount(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    metrics = playbook.meta.metrics
    if metrics is None:
        return
    rel = f"{playbook.rel_dir}/index.md"
    line = playbook.meta.lines.get("metrics", 1)
    uses = [(playbook.meta.department, metrics.users, "metrics.users")]
    uses += [(a.department, a.users, f"metrics.adopters.{a.department}.users")
             for a in metrics.adopters]
    for key, users, name in uses:
        term = catalog.taxonomy.department(key)
        if term and term.headcount and users and users > term.headcount:
            yield error("usage", rel, line, text(
                catalog.settings.lang, "usage.over_headcount", name=name, users=users,
                department=term.label(catalog.settings.lang), headcount=term.headcount))
    adopted = set(playbook.meta.adopted_by)
    for use in metrics.adopters:
        if use.department not in adopted:
            yield error("usage", rel, line, text(
                catalog.settings.lang, "usage.not_adopted", key=use.department,
                example=", ".join([*adopted, use.department])))


@catalog_rule("usage-rate")
def active_users_within_headcount(catalog: Catalog) -> Iterator[Finding]:
    for month in catalog.company.months:
        for key, active in sorted(month.active_users.items()):
            term = catalog.taxonomy.department(key)
            line = month.lines.get("active_users", 1)
            if term is None:
                continue
            lang, department = catalog.settings.lang, term.label(catalog.settings.lang)
            if term.headcount is None:
                yield warning("usage-rate", TAXONOMY_FILE, term.line, text(
                    lang, "usage.no_headcount", department=department, key=key,
                    path=month.path))
            elif active > term.headcount:
                yield error("usage-rate", month.path, line, text(
                    lang, "usage.rate_over_100", key=key, active=active,
                    department=department, headcount=term.headcount))


@catalog_rule("targets")
def targets_after_first_pilot(catalog: Catalog) -> Iterator[Finding]:
    starts = [p.meta.started for p in catalog.playbooks if p.meta.started]
    if not starts:
        return
    first = min(starts)
    for target in catalog.company.targets:
        if target.date < first:
            yield error("targets", TARGETS_FILE, target.line, text(
                catalog.settings.lang, "usage.target_before_pilot", date=target.date,
                first=first))
