"""The committed record of each training module's tier: how a tier change is noticed.

`playbooks/module-tiers.yml` maps each module id to its tiers, current first, then
the tiers it was in before. The check compares the curriculum with it (a module in
another tier than recorded is reported), and each former tier page keeps an anchor
that says where the module went. `playbook-kb curriculum --write` rewrites it; on main
`.github/workflows/update-generated.yml` does so after every merge, so nobody has to.

Why a record and not the git history: the build and the check must work in a
shallow clone, a zip download or a fresh repository, and one small file is read in
microseconds where walking the history of every playbook is not.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model import TIERS

RECORD_FILE = "playbooks/module-tiers.yml"
_HEADER = """\
# 研修モジュールごとの層（今の層、その前の層の順）。`playbook-kb curriculum --write` が書きます。
# main にマージすると自動で更新されます。層を変えたモジュールの古いリンクを案内するのに使います。
# Each training module's tier, current first, then former ones. Written by
# `playbook-kb curriculum --write` (on main after each merge); do not edit by hand.
"""


def read_tier_record(root: Path) -> dict[str, tuple[str, ...]]:
    """module id -> (current tier, former tiers...); {} without a readable record."""
    path = root / RECORD_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}
    modules = data.get("modules") if isinstance(data, dict) else None
    if not isinstance(modules, dict):
        return {}
    record = {}
    for module_id, tiers in modules.items():
        tiers = [tiers] if isinstance(tiers, str) else tiers
        if isinstance(tiers, list):
            kept = tuple(t for t in tiers if t in TIERS)
            if kept:
                record[str(module_id)] = kept
    return record


def updated_record(record: dict[str, tuple[str, ...]],
                   current: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The record after this curriculum: current tier first, former tiers kept."""
    return {module_id: (tier, *(t for t in record.get(module_id, ()) if t != tier))
            for module_id, tier in sorted(current.items())}


def record_text(record: dict[str, tuple[str, ...]]) -> str:
    lines = [_HEADER, "modules:"]
    lines += [f"  {module_id}: [{', '.join(tiers)}]" for module_id, tiers in record.items()]
    return "\n".join(lines) + "\n"
