"""`sensitive-data`: personal data and secrets in any playbook file, its name included.

Every text is read as a reader sees it (normalize.for_scan) and scanned once
(detectors.find). Office files and PDFs are read through load.doctext (bounded). The
finding shows the value masked; a file name holding a value is masked in every finding's
path too. After all rules ran, `withhold` takes the files with such a finding out of the
site, as an oversized file is: the gallery says why, never what.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import lru_cache

from ..findings import Finding, error
from ..i18n import text
from ..load.archive import ARCHIVE_SUFFIXES, ArchiveProblem
from ..load.doctext import Part, office_parts, pdf_parts
from ..load.textio import Lines
from ..model import Catalog, Meta, Playbook, SourceFile
from ..routes import PLAYBOOKS_DIR
from .detectors import MAX_HITS, find, mask_text
from .normalize import for_scan
from .registry import playbook_rule

RULE = "sensitive-data"
MAX_PER_FILE = 20  # a file full of addresses: the first ones and a count, not 50,000 lines


@playbook_rule(RULE, local=True)
def sensitive_data(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    lang = catalog.settings.lang
    name_hits = find(for_scan(playbook.slug))
    if name_hits:
        where = text(lang, "sensitive.where.folder_name")
        yield error(RULE, playbook.rel_dir, 0,
                    _message(lang, where, name_hits[0].kind, name_hits[0].shown))
    for source in playbook.files:
        if not source.symlink:
            yield from _in_file(source, lang)


def _in_file(source: SourceFile, lang: str) -> Iterator[Finding]:
    found: list[tuple[int, str, str, str]] = []  # (line, where, kind, shown)
    for hit in find(for_scan(source.name)):
        found.append((0, text(lang, "sensitive.where.file_name"), hit.kind, hit.shown))
    if source.text is not None:
        scanned = for_scan(source.text)
        hits = find(scanned)
        lines = Lines(scanned) if hits else None
        found += [(lines.line(h.start), "", h.kind, h.shown) for h in hits if lines]
    elif source.publishable and source.suffix in ARCHIVE_SUFFIXES | {".pdf"}:
        try:
            parts = pdf_parts(source.abs_path) if source.suffix == ".pdf" \
                else office_parts(source.abs_path)
        except ArchiveProblem:
            parts = []  # the loader already refused it (file-size)
        found += _in_parts(parts, lang)
    for line, where, kind, shown in found[:MAX_PER_FILE]:
        yield error(RULE, source.rel, line, _message(lang, where, kind, shown))
    if len(found) > MAX_PER_FILE:
        more = len(found) - MAX_PER_FILE
        key = "sensitive.more_at_least" if len(found) >= MAX_HITS else "sensitive.more"
        yield error(RULE, source.rel, 0,
                    text(lang, key, count=more) + text(lang, "sensitive.fix"))


def _in_parts(parts: list[Part], lang: str) -> list[tuple[int, str, str, str]]:
    return [(0, text(lang, part.where, number=part.number), hit.kind, hit.shown)
            for part in parts for hit in find(for_scan(part.text))]


def _message(lang: str, where: str, kind: str, shown: str) -> str:
    """`kind` is a catalog key (detectors, numbers); `where` already in words, or ""."""
    found = text(lang, "sensitive.found_in" if where else "sensitive.found",
                 where=where, kind=text(lang, kind), shown=shown)
    return found + text(lang, "sensitive.fix")


@lru_cache(maxsize=8192)  # every playbook has an index.md, a workflow.md ...
def shown_name(name: str) -> str:
    """A file or folder name as it may be shown: values in it masked."""
    plain = for_scan(name)
    masked = mask_text(plain)
    return name if masked == plain else masked


def withhold(catalog: Catalog, findings: list[Finding]) -> tuple[Catalog, list[Finding]]:
    """Files with a sensitive-data error leave the site; names holding a value are masked
    in every finding. A playbook whose index.md or folder name holds one leaves whole."""
    bad = {f.path for f in findings if f.rule == RULE and f.is_error}
    if not bad:
        return catalog, findings
    renamed: dict[str, str] = {}
    playbooks = []
    for playbook in catalog.playbooks:
        files = []
        for source in playbook.files:
            if source.rel in bad:
                source = dataclasses.replace(source, publishable=False, withheld=RULE)
            shown = shown_name(source.name)
            if shown != source.name:
                renamed[source.rel] = f"{playbook.rel_dir}/{shown}"
            files.append(source)
        changes: dict = {"files": tuple(files)}
        if playbook.rel_dir in bad or f"{playbook.rel_dir}/index.md" in bad:
            changes |= {"slug_ok": False, "meta": Meta(lines=playbook.meta.lines)}
        if playbook.rel_dir in bad:
            renamed[playbook.rel_dir] = f"{PLAYBOOKS_DIR}/{shown_name(playbook.slug)}"
        playbooks.append(dataclasses.replace(playbook, **changes))
    catalog = dataclasses.replace(catalog, playbooks=tuple(playbooks))
    return catalog, sorted({_renamed(f, renamed) for f in findings})


def _renamed(finding: Finding, renamed: dict[str, str]) -> Finding:
    if not renamed:
        return finding
    path, message = finding.path, finding.message
    for old in sorted(renamed, key=len, reverse=True):  # a file before its folder
        new = renamed[old]
        if path == old or path.startswith(old + "/"):
            path = new + path[len(old):]
        if old in message:
            message = message.replace(old, new)
        name = old.split("/", 2)[-1]
        if name in message:
            message = message.replace(name, new.split("/", 2)[-1])
    return dataclasses.replace(finding, path=path, message=message)
