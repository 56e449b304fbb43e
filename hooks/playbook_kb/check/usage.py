"""Usage numbers that only make sense together: users against headcount, adopters
against `adopted_by`, target dates against the first pilot."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error, warning
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
            yield error("usage", rel, line,
                        f"{name} の {users} 人が、{term.ja}の人数（taxonomy.yml の headcount:"
                        f" {term.headcount}）を超えています。"
                        "利用者数か headcount を直してください。")
    adopted = set(playbook.meta.adopted_by)
    for use in metrics.adopters:
        if use.department not in adopted:
            yield error("usage", rel, line,
                        f"metrics.adopters に「{use.department}」がありますが、adopted_by に"
                        f"ありません。adopted_by: [{', '.join([*adopted, use.department])}]"
                        " のように追加してください。")


@catalog_rule("usage-rate")
def active_users_within_headcount(catalog: Catalog) -> Iterator[Finding]:
    for month in catalog.company.months:
        for key, active in sorted(month.active_users.items()):
            term = catalog.taxonomy.department(key)
            line = month.lines.get("active_users", 1)
            if term is None:
                continue
            if term.headcount is None:
                yield warning("usage-rate", TAXONOMY_FILE, term.line,
                              f"{term.ja}（{key}）の利用率を出すには headcount（部門の人数）が"
                              f"必要です（{month.path} に利用者数があります）。例: headcount: 25")
            elif active > term.headcount:
                yield error("usage-rate", month.path, line,
                            f"active_users.{key} の {active} 人が{term.ja}の人数 "
                            f"{term.headcount} 人を超え、利用率が 100% を超えます。"
                            "人数か taxonomy.yml の headcount を直してください。")


@catalog_rule("targets")
def targets_after_first_pilot(catalog: Catalog) -> Iterator[Finding]:
    starts = [p.meta.started for p in catalog.playbooks if p.meta.started]
    if not starts:
        return
    first = min(starts)
    for target in catalog.company.targets:
        if target.date < first:
            yield error("targets", TARGETS_FILE, target.line,
                        f"目標の日付 {target.date} が、最初のパイロットの開始日 {first} より"
                        "前です。日付を確認してください。")
