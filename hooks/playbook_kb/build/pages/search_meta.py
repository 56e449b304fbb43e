"""What the search index knows of each playbook page besides its text.

For every published page of a playbook: the playbook (results are grouped by it), its
title, the part, the summary, and the concept tokens of
`findability.concept_tokens` over the whole playbook, so a synonym found in one part
reaches every part. The theme override (hooks/overrides/main.html) writes these as
Pagefind attributes; the search worker shows title, part and summary, never the panel.
"""

from __future__ import annotations

from ...model import Playbook
from ...routes import PLAYBOOKS_DIR, part_of
from ..findability import concept_tokens
from .context import Context, SitePlan


def search_meta(context: Context, plan: SitePlan) -> None:
    words = context.words
    by_folder: dict[str, list[str]] = {}  # once, not pages × playbooks
    for uri in plan.pages:
        top, _, below = uri.partition("/")
        folder, _, rest = below.partition("/")
        if top == PLAYBOOKS_DIR and rest:
            by_folder.setdefault(folder, []).append(uri)
    for playbook in context.published:
        if playbook.slug not in by_folder:  # a preview builds only the focused playbook
            continue
        common = {
            "playbook": playbook.slug, "title": playbook.title,
            "summary": playbook.meta.summary,
            "keywords": " ".join(concept_tokens(_text(playbook))),
        }
        for src_uri in by_folder.get(playbook.slug, []):
            part = part_of(src_uri.split("/", 2)[2])
            plan.search[src_uri] = {**common, "part": words[part.label if part else "samples"]}


def _text(playbook: Playbook) -> str:
    meta = playbook.meta
    texts = [meta.title, meta.summary, meta.task, meta.industry, " ".join(meta.tools)]
    texts += [f.text for f in playbook.files if f.suffix == ".md" and f.text and f.publishable]
    return "\n".join(texts)
