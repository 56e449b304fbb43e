"""Training pages under docs/: every page whose front matter has `tier:` is a module.

Trainers write these by hand. They are read once, with the catalog, so the curriculum,
the macros and the checks all see the same modules.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from ..findings import Finding, error, warning
from ..i18n import text
from ..model import ModulePage, Taxonomy
from .fields import FieldReader, read_training
from .taxonomy import KEY
from .textio import decode, split_front_matter
from .yamlsafe import YamlProblem, load_mapping

DOCS_DIR = "docs"
_HAS_TIER = re.compile(r"^tier[ \t]*:", re.M)
_H1 = re.compile(r"^#[ \t]+(.*\S)", re.M)  # closing #s stripped in Python: `.+?[ \t#]*$`
# tried the rest of the line at every character of a long heading


def load_module_pages(root: Path, lang: str) -> tuple[tuple[ModulePage, ...], list[Finding]]:
    """Every docs/**/*.md with `tier:` in its front matter, sorted by path."""
    docs = root / DOCS_DIR
    pages: list[ModulePage] = []
    findings: list[Finding] = []
    for path in _markdown_files(docs):
        src_uri = path.relative_to(docs).as_posix()
        decoded = decode(path.read_bytes())
        split = split_front_matter(decoded.text or "")
        if split.front is None or not _HAS_TIER.search(split.front):
            continue  # not a module page; MkDocs reports undecodable files itself
        page, found = _read_page(f"{DOCS_DIR}/{src_uri}", src_uri, split.front, split.body, lang)
        findings.extend(found)
        if page is not None:
            pages.append(page)
    return tuple(pages), findings


def _markdown_files(docs: Path):
    if not docs.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(docs):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".md") and not name.startswith("."):
                yield Path(dirpath) / name


def _read_page(rel: str, src_uri: str, front: str, body: str,
               lang: str) -> tuple[ModulePage | None, list[Finding]]:
    try:
        mapping = load_mapping(front, first_line=2)
    except YamlProblem as problem:
        message = text(lang, "load.bad_front_matter", problem=problem.text(lang)) + text(
            lang, "unknown.example_block", example=text(lang, "training.example"))
        return None, [error("front-matter", rel, problem.line, message)]
    if mapping.data.get("tier") is None:
        return None, []
    r = FieldReader(mapping, rel, Taxonomy(rel), lang)
    training = read_training(r)
    title = r.text("title") or _first_heading(body)
    if not title:
        r.findings.append(error("field", rel, mapping.line, text(lang, "training.no_title")))
    module_id = _module_id(r, src_uri)
    page = ModulePage(id=module_id, rel=rel, src_uri=src_uri, title=title or module_id,
                      training=training, lines=dict(mapping.lines))
    return (page if training.tier else None), r.findings


def _module_id(r: FieldReader, src_uri: str) -> str:
    explicit = r.text("id")
    if explicit and KEY.fullmatch(explicit):
        stem = _file_stem(src_uri)
        if explicit != stem:  # one name per module: its page URL and its curriculum anchor
            folder = posixpath.dirname(src_uri)
            renamed = posixpath.join(folder, f"{explicit}.md")
            r.findings.append(warning("module-id", r.path, r.line("id"), text(
                r.lang, "training.id_mismatch", id=explicit, stem=stem,
                url=f"/{posixpath.join(folder, stem)}/", renamed=renamed)))
        return explicit
    if explicit:
        r.bad("id", "training.bad_id", value=explicit)
    derived = path_id(src_uri)
    if not explicit and not KEY.fullmatch(derived):
        r.findings.append(warning("field", r.path, r.line("tier"),
                                  text(r.lang, "training.derived_id", anchor=derived)))
    return derived


def _file_stem(src_uri: str) -> str:
    """The last part of the page's URL: `training/x.md` -> `x`, `course/index.md` -> `course`."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    parts = stem.split("/")
    if parts[-1] == "index" and len(parts) > 1:
        parts.pop()
    return parts[-1]


def path_id(src_uri: str) -> str:
    """`training/what-is-ai.md` -> `training-what-is-ai`: a page's id when it sets none."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")].rstrip("/") or "index"
    return stem.replace("/", "-").lower()


def _first_heading(body: str) -> str:
    match = _H1.search(body)
    return match.group(1).rstrip(" \t#").strip() if match else ""
