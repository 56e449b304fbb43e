"""The engine's own CSS and scripts, served under /assets/playbook-kb/."""

from __future__ import annotations

from pathlib import Path

from ...routes import ASSETS_DIR
from .context import Context, SitePlan

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def engine_assets(context: Context, plan: SitePlan) -> None:
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            plan.assets[f"{ASSETS_DIR}/{path.relative_to(ASSETS).as_posix()}"] = path
