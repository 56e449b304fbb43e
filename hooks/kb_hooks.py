"""MkDocs adapter for the playbook engine: one engine call per event, nothing else.

mkdocs.yml names this file under `hooks:`. All parsing, checking and page generation
live in the `playbook_kb` package, which knows nothing of MkDocs.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from kb_render_cache import RenderCache
from playbook_kb import Settings, check
from playbook_kb.build.findability import (
    index_site,
    unmark,
    write_index_document,
    write_index_documents,
)
from playbook_kb.build.pages import SitePlan, build_site
from playbook_kb.build.render import CompiledTemplates
from playbook_kb.check.sanitize import prefix_anchors, sanitize_page
from playbook_kb.i18n import labels
from playbook_kb.load.cache import ENV_VAR as CACHE_VAR
from playbook_kb.load.cache import ResultCache
from playbook_kb.load.focus import watched
from playbook_kb.load.settings import settings_from

log = logging.getLogger("mkdocs.hooks.playbooks")  # a mkdocs.* logger: --strict counts it
# mkdocs-macros announces its module and variables at INFO on every build: noise that
# buries the findings a champion needs. Its warnings and errors still show.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
_plan = SitePlan()
_settings = Settings()
_cache: ResultCache | None = None  # kept across `mkdocs serve` rebuilds (load/cache.py)
_templates = CompiledTemplates()  # the theme's templates, compiled once per process
_renders = RenderCache()  # `mkdocs serve`: pages whose Markdown did not change (kb_render_cache)
_serving = False  # `mkdocs serve` (and `playbook-kb serve`), from on_startup
_dirty = False  # `--dirty`: MkDocs writes only the pages whose source changed
_index_dir: Path | None = None  # this build's index documents, for Pagefind (on_post_page)


def on_startup(*, command, dirty):
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty
    atexit.register(_drop_index_dir)  # Ctrl+C in the middle of a build


def on_config(config):
    global _plan, _settings, _cache  # rebuilt on every build: `mkdocs serve` keeps this module
    root = Path(config.config_file_path).parent.resolve()
    _settings = settings_from(config.extra, config.theme.get("language"), config.site_url)
    if _cache is None:  # on disk only for `playbook-kb serve` (never a published build)
        _cache = ResultCache.on_disk(root) if os.environ.get(CACHE_VAR) == "disk" \
            else ResultCache()
    catalog, findings = check(root, _settings, _cache)
    for finding in findings:  # errors fail --strict; warnings are shown, not counted
        (log.warning if finding.is_error else log.info)("%s", finding)
    errors = [str(f) for f in findings if f.is_error]
    if errors and config.strict:  # MkDocs counts only warnings shown at the log level (-q)
        raise PluginError(f"{len(errors)} error finding(s) / エラー {len(errors)} 件: "
                          "strict build stops\n" + "\n".join(errors))
    _plan = build_site(catalog, findings)
    if _serving:
        _renders.begin(config)
    if _settings.preview:  # links into pages a preview leaves out are not the champion's
        config.validation.links.anchors = logging.DEBUG
        config.validation.links.unrecognized_links = logging.DEBUG
    toc = config.mdx_configs.get("toc")  # Python-Markdown's default title is "Permanent link"
    if toc is not None and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = labels(_settings.lang)["permalink_title"]
    config["playbook_kb_catalog"] = catalog  # hooks/kb_macros.py reads this build's catalog
    config.extra["kb_pagefind"] = _settings.japanese_search  # the theme swaps the search worker
    redirects = config.plugins.get("redirects")  # old URLs of renamed playbooks (aliases)
    if redirects is not None:  # a map written in mkdocs.yml wins over a generated one
        redirects.config["redirect_maps"] = {**_plan.redirects, **redirects.config["redirect_maps"]}
    elif _plan.redirects:
        log.warning("aliases need the redirects plugin: "
                    "add `- redirects` under plugins in mkdocs.yml")


@event_priority(100)  # before mkdocs-redirects reads the file list
def on_files(files, *, config):
    generated = {uri: {"content": text} for uri, text in (_plan.pages | _plan.files).items()}
    generated |= {uri: {"abs_src_path": str(path)} for uri, path in _plan.assets.items()}
    for src_uri, source in generated.items():
        if files.get_file_from_path(src_uri) is None:  # a hand-written page wins
            # reached through the generated indexes, never the nav: no "not in nav" notice
            files.append(File.generated(config, src_uri, inclusion=InclusionLevel.NOT_IN_NAV,
                                        **source))
    return files


@event_priority(100)  # before mkdocs-macros: contributor pages are never Jinja templates
def on_page_markdown(markdown, *, page, config, files):
    src_uri = page.file.src_uri
    if src_uri in _plan.untrusted:
        page.meta["render_macros"] = False
    if src_uri in _plan.search:  # read by hooks/overrides/main.html (Pagefind attributes)
        page.meta["kb_search"] = _plan.search[src_uri]
    elif src_uri not in _plan.pages:  # hand-written pages are searched too; generated lists not
        page.meta["kb_search"] = {}
    if _settings.japanese_search:  # Pagefind indexes the site (not a preview, which is
        page.meta["search"] = {"exclude": True}  # not searched): Material's plugin skips it
    if _serving:  # pages whose Markdown did not change since the last save
        _renders.wrap(page)
    if src_uri in _plan.edit_paths and config.repo_url:
        path = quote(_plan.edit_paths[src_uri])  # a file name is contributor input
        page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", _settings.edit_uri + path)
    return markdown


@event_priority(-100)  # after every other plugin has produced the page's HTML
def on_page_content(html, *, page, config, files):
    src_uri = page.file.src_uri
    if src_uri in _plan.untrusted:
        prefix_anchors(page.toc)
        html = unmark(sanitize_page(html))
    return html + _plan.appendix.get(src_uri, "")  # the engine's own HTML (module order)


def on_env(env, *, config, files):
    env.bytecode_cache = _templates
    return env


def on_serve(server, *, config, builder):
    root = Path(config.config_file_path).parent.resolve()  # `watch:` is read after this event
    config.watch, shallow = watched(root, list(config.watch), _settings.preview)
    for path in shallow:
        server.watch(path, recursive=False)
    return server


def on_pre_build(*, config):
    global _index_dir
    _drop_index_dir()
    if _settings.japanese_search and not _settings.preview:  # a preview is not searched
        _index_dir = Path(tempfile.mkdtemp(prefix="playbook-kb-index-"))


@event_priority(-100)  # the page as written, after every other plugin
def on_post_page(output, *, page, config):
    if _index_dir is not None:
        write_index_document(_index_dir, page.file.dest_uri, output)
    return output


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(*, config):
    try:
        if _index_dir is not None:
            if _dirty:  # the pages MkDocs did not write again are indexed from the site
                write_index_documents(Path(config.site_dir), _index_dir)
            index_site(Path(config.site_dir), _index_dir)
    finally:
        _drop_index_dir()


def on_build_error(*, error):
    _drop_index_dir()


def _drop_index_dir():
    global _index_dir
    if _index_dir is not None:
        shutil.rmtree(_index_dir, ignore_errors=True)
        _index_dir = None
