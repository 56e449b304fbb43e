"""What the search index knows of each playbook page besides its text.

For every published page of a playbook: the playbook (results are grouped by it), its
title, the part, the summary, department and phase (filters), and the concept tokens of
`findability.concept_tokens` over the whole playbook, so a synonym found in one part
reaches every part. The theme override (hooks/overrides/main.html) writes these as
Pagefind attributes; the search worker shows title, part and summary, never the panel.
"""

from __future__ import annotations

from ...labels import labels
from ...model import Playbook
from ..findability import concept_tokens
from .context import Context, SitePlan

PARTS = {"index.md": "overview", "prompt-sheet.md": "prompt-sheet", "workflow.md": "workflow"}


def search_meta(context: Context, plan: SitePlan) -> None:
    words = labels(context.lang)
    taxonomy = context.catalog.taxonomy
    by_folder: dict[str, list[str]] = {}  # once, not pages × playbooks
    for uri in plan.pages:
        folder, _, rest = uri.partition("/")[2].partition("/")
        if uri.startswith("playbooks/") and rest:
            by_folder.setdefault(folder, []).append(uri)
    for playbook in context.published:
        common = {
            "playbook": playbook.slug, "title": playbook.title,
            "summary": playbook.meta.summary,
            "department": taxonomy.label("department", playbook.meta.department, context.lang),
            "phase": words.get(playbook.meta.phase, "") if playbook.meta.phase else "",
            "keywords": " ".join(concept_tokens(_text(playbook))),
        }
        for src_uri in by_folder.get(playbook.rel_dir.partition("/")[2], []):
            name = src_uri[len(playbook.rel_dir) + 1:]
            part = PARTS.get(name, "samples")
            plan.search[src_uri] = {**common, "part": words[part]}


def _text(playbook: Playbook) -> str:
    meta = playbook.meta
    texts = [meta.title, meta.summary, meta.task, meta.industry, " ".join(meta.tools)]
    texts += [f.text for f in playbook.files if f.suffix == ".md" and f.text and f.publishable]
    return "\n".join(texts)
