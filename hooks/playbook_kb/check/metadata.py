"""Metadata beyond a single field: metrics by phase, review age, unique URLs."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error, warning
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
                    f"phase が {meta.phase} のときは効果の数字（metrics）が必要です。例:\n"
                    "metrics:\n  baseline_minutes: 120  # 導入前の 1 回あたりの時間\n"
                    "  current_minutes: 30    # 今の時間\n  runs_per_month: 20     # 月の実施回数\n"
                    "  measured: 2026-05-01")


@playbook_rule("stale")
def stale(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    reviewed = playbook.meta.reviewed
    if reviewed is None:
        return
    limit = catalog.settings.stale_days
    age = (catalog.settings.today - reviewed).days
    if age > limit:
        yield warning("stale", _index_rel(playbook), playbook.meta.lines.get("reviewed", 1),
                      f"最終確認日 reviewed: {reviewed} から {age} 日たっています"
                      f"（目安 {limit} 日）。今も使えるか確かめて、"
                      f"reviewed を今日の日付（{catalog.settings.today}）にしてください。")


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
            other = "このプレイブック自身の" if owner is playbook else f"{owner.rel_dir} の"
            yield error("duplicate-url", _index_rel(playbook), line,
                        f"aliases の「{alias}」は {other} URL /playbooks/{alias}/ と重なります。"
                        "別の名前にするか、aliases から外してください。")
