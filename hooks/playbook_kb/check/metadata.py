"""Metadata beyond a single field: metrics by phase, review age, unique URLs."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error, warning
from ..i18n import text
from ..model import Catalog, Playbook
from .registry import catalog_rule, playbook_rule


def _index_rel(playbook: Playbook) -> str:
    return f"{playbook.rel_dir}/index.md"


@playbook_rule("metrics")
def metrics(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    meta = playbook.meta
    if meta.phase in ("rollout", "company-wide") and meta.metrics is None \
            and "metrics" not in meta.lines:
        yield error("metrics", _index_rel(playbook), meta.lines.get("phase", 1),
                    text(catalog.settings.lang, "metrics.required", phase=meta.phase))


@playbook_rule("stale")
def stale(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    reviewed = playbook.meta.reviewed
    if reviewed is None:
        return
    limit = catalog.settings.stale_days
    age = (catalog.settings.today - reviewed).days
    if age > limit:
        yield warning("stale", _index_rel(playbook), playbook.meta.lines.get("reviewed", 1),
                      text(catalog.settings.lang, "metadata.stale", reviewed=reviewed, age=age,
                           limit=limit, today=catalog.settings.today))


@catalog_rule("duplicate-url")
def duplicate_url(catalog: Catalog) -> Iterator[Finding]:
    claimed: dict[str, Playbook] = {p.slug: p for p in catalog.playbooks}
    for playbook in catalog.playbooks:
        line = playbook.meta.lines.get("aliases", 1)
        for alias in playbook.meta.aliases:
            owner = claimed.get(alias)
            if owner is None:
                claimed[alias] = playbook
                continue
            lang = catalog.settings.lang
            other = text(lang, "metadata.alias_self") if owner is playbook \
                else text(lang, "metadata.alias_other", folder=owner.rel_dir)
            yield error("duplicate-url", _index_rel(playbook), line,
                        text(lang, "metadata.alias_clash", alias=alias, other=other))
