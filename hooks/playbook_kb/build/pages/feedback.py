"""The footer of every playbook page: "last updated" and feedback links.

Dates come from the build's git history (Context.history, read once before the
pipeline). A checkout without history builds the same pages without dates. The
feedback links work on an intranet: a prefilled GitHub issue form and/or a `mailto:`
address, from mkdocs.yml `extra.playbook_kb.feedback` (`issue_url`, `email`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

from ...model import Playbook
from ...routes import SAMPLES
from .context import Context


@dataclass(frozen=True)
class Footer:
    updated: dt.date | None = None
    issue: str = ""  # "report a problem" issue form, prefilled
    mail: dict[str, str] = field(default_factory=dict)  # answer -> mailto: link

    def __bool__(self) -> bool:
        return bool(self.updated or self.issue or self.mail)


def footer(context: Context, playbook: Playbook, src_uri: str) -> Footer:
    """What the footer of the playbook page built from `src_uri` shows."""
    settings = context.catalog.settings
    words = context.words
    return Footer(updated=last_changed(context, playbook, src_uri),
                  issue=_issue_link(settings.feedback_issue_url, playbook, src_uri, words),
                  mail=_mail_links(settings.feedback_email, playbook, src_uri, words))


def last_changed(context: Context, playbook: Playbook, src_uri: str) -> dt.date | None:
    """When the page's source last changed; a generated gallery: its newest sample."""
    if playbook.file(src_uri[len(playbook.rel_dir) + 1:]) is not None:
        return context.history.file(src_uri)
    if src_uri == f"{playbook.rel_dir}/{SAMPLES.file}":
        samples = [context.history.file(s.rel) for s in playbook.samples]
        return max((d for d in samples if d), default=None)
    return None


def _issue_link(base: str, playbook: Playbook, src_uri: str, words: dict[str, str]) -> str:
    """The "report a problem" issue form, its fields prefilled (GitHub reads them by id)."""
    if not base:
        return ""
    query = _query({"title": f"{words['feedback_issue_prefix']} {playbook.title}",
                    "playbook": playbook.slug, "file": src_uri})
    return f"{base}{'&' if '?' in base else '?'}{query}"


def _mail_links(address: str, playbook: Playbook, src_uri: str,
                words: dict[str, str]) -> dict[str, str]:
    """One mailto: per answer, so that a mailbox rule can count satisfaction."""
    if not address:
        return {}
    links = {}
    for answer in ("feedback_helpful", "feedback_improve"):
        subject = f"[{words[answer]}] {playbook.title} ({playbook.slug})"
        body = f"{words['feedback_mail_body']}\n\n{src_uri}\n"
        links[answer] = f"mailto:{address}?" + _query({"subject": subject, "body": body})
    return links


def _query(fields: dict[str, str]) -> str:
    """urlencode(fields, quote_via=quote), each text encoded once: a playbook's pages
    share its title and subjects (one quote per page instead of three)."""
    return "&".join(f"{_quoted(key)}={_quoted(value)}" for key, value in fields.items())


@lru_cache(maxsize=8192)
def _quoted(text: str) -> str:
    return quote(text, safe="")
