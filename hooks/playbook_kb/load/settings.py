"""Site settings for the engine, read from mkdocs.yml without importing MkDocs.

A key of `extra.playbook_kb` the engine does not read is a `settings` warning naming
the closest known key: a misspelt `stale_day` would otherwise be ignored in silence.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from ..findings import Finding, warning
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..model import Settings
from .yamlsafe import load_permissive

CONFIG_FILE = "mkdocs.yml"
KEYS = ("stale_days", "max_file_mb", "min_part_chars", "japanese_search", "edit_uri",
        "feedback", "tool_retirement_warning_days", "list_limit", "modules_per_page",
        "show_repo_link")  # show_repo_link: read by overrides/partials/source.html
FEEDBACK_KEYS = ("issue_url", "email")


def settings_from(extra: dict[str, Any] | None, language: str | None,
                  site_url: str | None = None) -> Settings:
    """`extra.playbook_kb` of mkdocs.yml plus the theme language and site_url."""
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
        edit_uri=str(options.get("edit_uri") or "edit/main/"),
        unknown=unknown_keys(options),
        site_url=_site_url(site_url),
        tool_retirement_warning_days=int(options.get("tool_retirement_warning_days", 60)),
        list_limit=max(1, int(options.get("list_limit", 100))),
        modules_per_page=max(1, int(options.get("modules_per_page", 50))),
    )


def unknown_keys(options: dict[str, Any]) -> tuple[str, ...]:
    """Keys of `extra.playbook_kb` (and of its `feedback`) that no setting reads."""
    unknown = [str(k) for k in options if k not in KEYS]
    feedback = options.get("feedback")
    if isinstance(feedback, dict):
        unknown += [f"feedback.{k}" for k in feedback if k not in FEEDBACK_KEYS]
    return tuple(unknown)


def settings_findings(settings: Settings, root: Path) -> list[Finding]:
    """One `settings` warning per unknown key, at its line of mkdocs.yml when found."""
    findings = []
    config = _config_text(root) if settings.unknown else ""
    lang = settings.lang
    for key in settings.unknown:
        parent, _, name = key.rpartition(".")
        known = FEEDBACK_KEYS if parent else KEYS
        prefix = f"extra.playbook_kb.{parent}." if parent else "extra.playbook_kb."
        head = text(lang, "settings.unknown", file=CONFIG_FILE, key=f"{prefix}{name}")
        findings.append(warning(
            "settings", CONFIG_FILE, _line_of_key(config, name),
            did_you_mean(lang, head, name, list(known),
                         otherwise=text(lang, "field.delete_if_unused"))))
    return findings


def _config_text(root: Path) -> str:
    try:
        return (root / CONFIG_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of_key(text: str, key: str) -> int:
    """The line of the first indented `key:` after `playbook_kb:`, 0 when not found."""
    start = text.find("playbook_kb:")
    if start < 0:
        return 0
    match = re.compile(rf"^[ \t]+{re.escape(key)}[ \t]*:", re.M).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _site_url(value: object) -> str:
    """An http(s) site_url with a trailing slash, or "" (then links stay site-relative)."""
    url = str(value or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return ""
    return url if url.endswith("/") else url + "/"


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
    path = root / CONFIG_FILE
    if not path.is_file():
        return settings_from(None, None)
    config = load_permissive(path.read_text(encoding="utf-8-sig")) or {}
    theme = config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, dict) else None
    return settings_from(config.get("extra"), language, config.get("site_url"))
