"""History and feedback: "last updated" and feedback links on every playbook page, /changes/.

Dates come from ONE `git log` per build (gitinfo.py). A checkout without history
builds the same pages without dates. The feedback links work on an intranet: a
prefilled GitHub issue form and/or a `mailto:` address, from mkdocs.yml
`extra.playbook_kb.feedback` (`issue_url`, `email`).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from ...labels import labels
from ...load.gitinfo import History, read_history
from ...model import Playbook
from ..render import front_matter, render
from .context import Context, SitePlan

CHANGES_PAGE = "changes.md"  # URL /changes/: links from it start with "../"
RECENT = 50  # playbooks listed on /changes/


def history_pages(context: Context, plan: SitePlan) -> None:
    catalog = context.catalog
    history = read_history(catalog.root)
    for playbook in catalog.playbooks:
        for src_uri, updated in _playbook_page_dates(playbook, plan, history).items():
            plan.pages[src_uri] += footer(context, playbook, src_uri, updated)
    plan.pages[CHANGES_PAGE] = changes_page(context, history)


def _playbook_page_dates(playbook: Playbook, plan: SitePlan,
                         history: History) -> dict[str, dt.date | None]:
    """Each generated page of the playbook -> when its source last changed."""
    dates: dict[str, dt.date | None] = {}
    for source in playbook.files:
        if source.rel in plan.pages:
            dates[source.rel] = history.file(source.rel)
    gallery = f"{playbook.rel_dir}/samples/index.md"
    if gallery in plan.pages and gallery not in dates:
        samples = [history.file(s.rel) for s in playbook.samples]
        dates[gallery] = max((d for d in samples if d), default=None)
    return dates


def footer(context: Context, playbook: Playbook, src_uri: str, updated: dt.date | None) -> str:
    settings = context.catalog.settings
    words = labels(context.lang)
    issue = _issue_link(settings.feedback_issue_url, playbook, src_uri, words)
    mail = _mail_links(settings.feedback_email, playbook, src_uri, words)
    if not (updated or issue or mail):
        return ""
    return "\n\n" + render("_page_footer.html.j2", words=words, updated=updated,
                           issue=issue, mail=mail)


def _issue_link(base: str, playbook: Playbook, src_uri: str, words: dict[str, str]) -> str:
    """The "report a problem" issue form, its fields prefilled (GitHub reads them by id)."""
    if not base:
        return ""
    query = urlencode({"title": f"{words['feedback_issue_prefix']} {playbook.title}",
                       "playbook": playbook.slug, "file": src_uri}, quote_via=quote)
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
        links[answer] = f"mailto:{address}?" + urlencode({"subject": subject, "body": body},
                                                         quote_via=quote)
    return links


def changes_page(context: Context, history: History) -> str:
    words = labels(context.lang)
    catalog = context.catalog
    dated = [(history.folder(p.rel_dir), p) for p in catalog.playbooks if p.slug_ok]
    recent = sorted(((d, p) for d, p in dated if d), key=lambda x: (-x[0].toordinal(),
                                                                   x[1].slug))[:RECENT]
    rows = [{"date": date, "playbook": p,
             "url": f"../{p.url}",
             "department": catalog.taxonomy.label("department", p.meta.department, context.lang,
                                                  p.meta.department),
             "output": catalog.taxonomy.label("output", p.meta.output, context.lang,
                                              p.meta.output)} for date, p in recent]
    meta = {"title": words["changes_title"], "render_macros": False}
    return render("changes_page.md.j2", front=front_matter(meta), words=words, rows=rows,
                  history=bool(history), limit=RECENT)

