"""Build the catalog once: taxonomy plus every playbooks/<slug>/, with load findings."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..findings import Finding, error, printable, warning
from ..i18n import text
from ..model import SAMPLE_SUFFIXES, Catalog, Meta, Playbook, Settings, SourceFile, Taxonomy
from ..routes import PLAYBOOKS_DIR
from .archive import ARCHIVE_SUFFIXES
from .archive import inspect as inspect_archive
from .cache import ResultCache
from .company import load_company
from .fields import read_meta
from .filenames import screen_names
from .paragraphs import MAX_PARAGRAPH, long_paragraph
from .settings import settings_findings
from .taxonomy import KEY, load_taxonomy
from .textio import TEXT_SUFFIXES, decode, split_front_matter
from .tools import load_tools
from .training import load_module_pages
from .yamlsafe import YamlProblem, load_mapping

RESERVED_DIRS = frozenset({"metrics"})  # playbooks/metrics/: the monthly company numbers
PUBLISHED_SUFFIXES = SAMPLE_SUFFIXES | {".gif", ".webp", ".md"}


def load_catalog(root: Path | str, settings: Settings | None = None,
                 cache: ResultCache | None = None) -> tuple[Catalog, list[Finding]]:
    """Read taxonomy.yml and every playbook folder once. Never raises on bad content.
    With a cache, an unchanged folder is not read again (load/cache.py)."""
    root = Path(root).resolve()
    settings = settings or Settings()
    if cache is not None:
        cache.begin(root, settings)
    lang = settings.lang
    taxonomy, findings = load_taxonomy(root, lang)
    playbooks = []
    for entry in _folders(root):
        rel_dir = f"{PLAYBOOKS_DIR}/{entry.name}"
        if entry.is_symlink():
            findings.append(error("path-escape", rel_dir, 0, text(lang, "load.folder_symlink")))
            continue
        # a preview reads the other playbooks' front matter and file names only: their
        # pages are not built and their rules do not run (load/focus.py)
        light = bool(settings.preview) and entry.name not in settings.preview
        key, hit = cache.lookup(rel_dir, Path(entry.path), light) if cache else ("", None)
        if hit is not None:
            playbook, found = hit.playbook, list(hit.load_findings)
        else:
            playbook, found = _load_playbook(root, Path(entry.path), rel_dir, taxonomy,
                                             settings, light)
            if cache is not None:
                cache.store(rel_dir, key, playbook, found, light)
        playbooks.append(playbook)
        findings.extend(found)
    module_pages, found = load_module_pages(root, lang)  # docs/ training pages, read once here
    findings.extend(found)
    findings.extend(settings_findings(settings, root))
    company, found = load_company(root, [t.key for t in taxonomy.departments], settings.today,
                                   settings.lang)
    findings.extend(found)
    tools, found = load_tools(root, lang)  # playbooks/tools.yml, the data policy per AI tool
    findings.extend(found)
    return (Catalog(root, taxonomy, tuple(playbooks), settings, module_pages, company, tools),
            findings)


def playbook_folders(root: Path) -> list[str]:
    """The folder names under playbooks/ that load_catalog reads as playbooks."""
    return [e.name for e in _folders(root) if not e.is_symlink()]


def _folders(root: Path) -> list[os.DirEntry]:
    """The folders of playbooks/ by name, links to folders too (load_catalog refuses
    them with a finding); hidden ones and metrics/ skipped."""
    base = root / PLAYBOOKS_DIR
    if not base.is_dir():
        return []
    return sorted((e for e in os.scandir(base) if not e.name.startswith(".")
                   and e.is_dir(follow_symlinks=True) and e.name not in RESERVED_DIRS),
                  key=lambda e: e.name)


def _load_playbook(root: Path, folder: Path, rel_dir: str, taxonomy: Taxonomy,
                   settings: Settings, light: bool = False) -> tuple[Playbook, list[Finding]]:
    findings: list[Finding] = []
    lang = settings.lang
    files, named = screen_names(
        tuple(_read_files(root, folder, rel_dir, settings, findings, light)), lang)
    findings.extend(named)
    meta, body, body_line = Meta(), "", 1
    index = next((f for f in files if f.name == "index.md"), None)
    if index is not None and index.text is not None:
        split = split_front_matter(index.text)
        body, body_line = split.body, split.body_line
        if split.front is None:
            findings.append(error("front-matter", index.rel, 1, text(lang, "load.no_front_matter")))
        else:
            try:
                mapping = load_mapping(split.front, first_line=2)
                meta, found = read_meta(mapping, index.rel, taxonomy, lang)
                findings.extend(found)
            except YamlProblem as problem:
                findings.append(error("front-matter", index.rel, problem.line, text(
                    lang, "load.bad_front_matter", problem=problem.text(lang))))
    slug = folder.name
    if not KEY.fullmatch(slug):
        example = f"{PLAYBOOKS_DIR}/{suggest_slug(slug, meta)}"
        findings.append(error("slug", rel_dir, 0,
                              text(lang, "load.bad_slug", slug=printable(slug),
                                   example=example)))
    valid = KEY.fullmatch(slug) is not None
    return Playbook(slug, rel_dir, meta, files, body, body_line, valid), findings


def suggest_slug(name: str, meta: Meta) -> str:
    guess = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if guess:
        return guess
    parts = [p for p in (meta.department, meta.output) if p]
    return "-".join(parts) or "my-playbook"


def _read_files(root: Path, folder: Path, rel_dir: str, settings: Settings,
                findings: list[Finding], light: bool = False):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        prefix = os.path.relpath(dirpath, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                path = Path(dirpath, name)
                findings.append(_symlink_finding(f"{rel_dir}/{prefix}{name}", path, folder, root,
                                                 settings.lang))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            inner = prefix + name
            if light and inner != "index.md":  # listed, not read
                suffix = os.path.splitext(inner)[1].lower()
                yield SourceFile(f"{rel_dir}/{inner}", inner, Path(dirpath, name), 0,
                                 publishable=suffix in PUBLISHED_SUFFIXES)
                continue
            yield _read_one(root, folder, Path(dirpath, name), f"{rel_dir}/{inner}", inner,
                            settings, findings)


def _read_one(root: Path, folder: Path, path: Path, rel: str, inner: str, settings: Settings,
              findings: list[Finding]) -> SourceFile:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        findings.append(_symlink_finding(rel, path, folder, root, settings.lang))
        return SourceFile(rel, inner, path, 0, symlink=True, publishable=False)
    size = info.st_size
    suffix = os.path.splitext(inner)[1].lower()
    if size > settings.max_file_bytes:
        findings.append(error("file-size", rel, 0, text(
            settings.lang, "load.too_large", size=size / 1024 / 1024,
            limit=settings.max_file_bytes / 1024 / 1024)))
        return SourceFile(rel, inner, path, size, publishable=False, withheld="file-size")
    if suffix in ARCHIVE_SUFFIXES:
        problem = inspect_archive(path, lang=settings.lang)
        if problem:
            findings.append(error("file-size", rel, 0,
                                  problem + text(settings.lang, "archive.refused")))
            return SourceFile(rel, inner, path, size, publishable=False, withheld="file-size")
    publishable = suffix in PUBLISHED_SUFFIXES
    if not publishable:
        allowed = " ".join(sorted(SAMPLE_SUFFIXES))
        findings.append(warning("unsupported-file", rel, 0, text(
            settings.lang, "load.unsupported_file",
            suffix=suffix or text(settings.lang, "load.no_suffix"), allowed=allowed)))
    if suffix not in TEXT_SUFFIXES:
        return SourceFile(rel, inner, path, size, publishable=publishable)
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        findings.append(error("encoding", rel, decoded.bad_line,
                              text(settings.lang, "load.not_utf8")))
        return SourceFile(rel, inner, path, size, publishable=False)
    long = long_paragraph(decoded.text) if suffix == ".md" else None
    if long:  # Python-Markdown is quadratic in a paragraph's length: never rendered
        findings.append(error("file-size", rel, long[0], text(
            settings.lang, "load.long_paragraph", length=long[1], limit=MAX_PARAGRAPH)))
        return SourceFile(rel, inner, path, size, decoded.text, publishable=False,
                          withheld="file-size")
    return SourceFile(rel, inner, path, size, decoded.text, publishable=publishable)


def _symlink_finding(rel: str, path: Path, folder: Path, root: Path, lang: str) -> Finding:
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        where = "load.symlink_inside"
    elif target.is_relative_to(root):
        where = "load.symlink_outside_folder"
    else:
        where = "load.symlink_outside_repo"
    return error("path-escape", rel, 0, text(lang, "load.symlink", where=text(lang, where)))
