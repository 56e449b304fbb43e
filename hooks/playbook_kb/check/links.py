"""Relative links and images must land on a published file inside playbooks/."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from ..findings import Finding, error
from ..i18n import text
from ..load.focus import focused
from ..load.textio import Lines
from ..model import Catalog
from ..routes import PLAYBOOKS_DIR, SAMPLES, written_parts
from .registry import catalog_rule

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")


@catalog_rule("broken-link")
def broken_links(catalog: Catalog) -> Iterator[Finding]:
    published = {f.rel for p in catalog.playbooks for f in p.files if f.publishable}
    # a folder is a link target once it holds a page, and samples/ once it holds a sample
    folders = {p.rel_dir for p in catalog.playbooks}
    for playbook in catalog.playbooks:
        if playbook.samples:  # the generated gallery page
            folders |= _gallery(playbook.rel_dir)
    for playbook in catalog.playbooks:
        if not focused(catalog, playbook):  # a preview checks only what it shows
            continue
        for source in playbook.files:
            if source.suffix != ".md" or source.text is None:
                continue
            base = posixpath.dirname(source.rel)
            lines = Lines(source.text) if source.links else None
            for url, offset in source.links:
                if not url or _EXTERNAL.match(url) or "{" in url:
                    continue
                path = unquote(url.split("#")[0].split("?")[0])
                if not path:
                    continue
                target = posixpath.normpath(posixpath.join(base, path))
                line = lines.line(offset) if lines else 0
                if not target.startswith(f"{PLAYBOOKS_DIR}/") or target.count("/") < 1:
                    yield error("path-escape", source.rel, line,
                                text(catalog.settings.lang, "links.escape", url=url))
                elif _is_missing_part(target, playbook.rel_dir):
                    continue  # missing-part already says so, with the file name to create
                elif not _resolves(target, published, folders):
                    yield error("broken-link", source.rel, line, text(
                        catalog.settings.lang, "links.broken", url=url, target=target))


def _is_missing_part(target: str, rel_dir: str) -> bool:
    """A link to a part (or to samples/) that missing-part already reports."""
    if target in _gallery(rel_dir):
        return True
    written = {p.file for p in written_parts()}
    return posixpath.dirname(target) == rel_dir and posixpath.basename(target) in written


def _gallery(rel_dir: str) -> set[str]:
    """The ways a page links the samples gallery: its folder or its index page."""
    return {f"{rel_dir}/{SAMPLES.folder}", f"{rel_dir}/{SAMPLES.file}"}


def _resolves(target: str, published: set[str], folders: set[str]) -> bool:
    if target in published or f"{target}.md" in published or f"{target}/index.md" in published:
        return True
    return target in folders
