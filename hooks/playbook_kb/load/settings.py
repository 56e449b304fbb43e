"""Site settings for the engine, read from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ..model import Settings
from .yamlsafe import load_permissive


def settings_from(extra: dict[str, Any] | None, language: str | None) -> Settings:
    """`extra.playbook_kb` of mkdocs.yml plus the theme language."""
    options = (extra or {}).get("playbook_kb") or {}
    today = build_date()
    feedback = options.get("feedback") or {}
    return Settings(
        stale_days=int(options.get("stale_days", 180)),
        max_file_bytes=int(float(options.get("max_file_mb", 10)) * 1024 * 1024),
        min_part_chars=int(options.get("min_part_chars", 30)),
        lang="en" if str(language or "ja").startswith("en") else "ja",
        today=today,
        preview=preview_slugs(os.environ.get("PLAYBOOK_KB_PREVIEW", "")),
        feedback_issue_url=str(feedback.get("issue_url") or ""),
        feedback_email=str(feedback.get("email") or ""),
        japanese_search=bool(options.get("japanese_search", True)),
    )


def build_date() -> dt.date:
    """The date reviews and pilots are measured against: today, unless pinned for a
    reproducible build (PLAYBOOK_KB_TODAY=YYYY-MM-DD, or the standard SOURCE_DATE_EPOCH)."""
    if pinned := os.environ.get("PLAYBOOK_KB_TODAY"):
        return dt.date.fromisoformat(pinned)
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def preview_slugs(value: str) -> tuple[str, ...]:
    """`PLAYBOOK_KB_PREVIEW=slug[,slug]`, set by `playbook-kb serve SLUG`."""
    return tuple(s.strip() for s in value.split(",") if s.strip())


def read_settings(root: Path) -> Settings:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return settings_from(None, None)
    config = load_permissive(path.read_text(encoding="utf-8-sig")) or {}
    theme = config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, dict) else None
    return settings_from(config.get("extra"), language)
