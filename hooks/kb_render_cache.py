"""`mkdocs serve`: a page's Markdown is converted again only when its text changed.

A save changes one page or one playbook; MkDocs still converts every page on every
rebuild. In a champion's preview (`playbook-kb serve`) most pages are the department,
output and curriculum pages, whose text a saved workflow does not change (Markdown with
raw HTML tables: Python's HTML parser reads each twice); serving the whole site, all the
other playbooks' pages are. This cache
keeps what `Page.render` produced for a page and gives it back while the conversion's
inputs are the same:

- the page (source and URL) and the Markdown text after every `on_page_markdown`;
- the site: every file's source and URL (links resolve against them) and the parsed
  Markdown settings (extensions, their options, URL style, link validation);
- extensions that read nothing but the text: with any other (pymdownx.snippets reads
  files) nothing is cached.

What comes back is a copy: the table of contents is rebuilt from its tokens (hooks
prefix a contributor page's anchors in place) and links to anchors name this build's
files. A conversion that logged anything (a broken link) is not kept, so the warning
comes again on the next save, as --strict expects. Everything after `render`
(on_page_content: the sanitizer, the appendix; the theme) runs on every build as before.
Entries not used by the last build are dropped, so the cache holds one build's pages.
Only `mkdocs serve` uses it (the adapter's on_startup): a published build converts every
page once anyway.

MkDocs has no event that replaces `render`; the hook sets it on the page object in
`on_page_markdown` (MkDocs 1.6 and ProperDocs call `page.render(config, files)` right
after that event).
"""

from __future__ import annotations

import functools
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.toc import AnchorLink, get_toc

# Python-Markdown and pymdownx extensions whose output depends on the text and their
# settings only; MkDocs adds toc, tables and fenced_code itself.
PURE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
    "meta", "sane_lists", "smarty", "tables", "toc", "wikilinks",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
    "pymdownx.emoji", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
    "pymdownx.mark", "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed",
    "pymdownx.tasklist", "pymdownx.tilde",
})


@dataclass(frozen=True)
class _Rendered:
    content: str
    toc: list[dict[str, Any]]
    title: str | None
    anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri -> anchors


class RenderCache:
    def __init__(self) -> None:
        self._pure = False  # every extension reads nothing but the text: cache
        self._site = ""  # the conversion's settings and every file, from the first page
        self._entries: dict[tuple[str, str, str, str], _Rendered] = {}
        self._used: dict[tuple[str, str, str, str], _Rendered] = {}

    def begin(self, config: Any) -> None:
        """Start a build (from on_config): entries of the last build are kept."""
        self._entries, self._used = self._used or self._entries, {}
        self._site = ""
        self._pure = all(isinstance(e, str) and e in PURE
                         for e in config["markdown_extensions"])
        if not self._pure:
            self._entries = {}

    def _site_key(self, config: Any, files: Any) -> str:
        """Once per build, when the first page renders: the parsed settings (after every
        on_config, wherever mkdocs.yml INHERITs them from) and the final file list."""
        if not self._site:
            digest = hashlib.sha256(_stable((
                config["markdown_extensions"], config["mdx_configs"],
                config.use_directory_urls, config.validation)).encode())
            for file in files:
                digest.update(f"\0{file.src_uri}\0{file.url}".encode())
            self._site = digest.hexdigest()
        return self._site

    def wrap(self, page: Any) -> None:
        """Make `page.render` answer from the cache (from on_page_markdown)."""
        if not self._pure:
            return
        convert = page.render

        def render(config: Any, files: Any) -> None:
            key = (page.file.src_uri, page.file.url, page.markdown or "",
                   self._site_key(config, files))
            kept = self._entries.get(key)
            if kept is None:
                with _Told() as told:
                    convert(config, files)
                if told.anything:  # a broken link says so again on the next save
                    return
                kept = _Rendered(
                    page.content, _tokens(page.toc.items), page._title_from_render,
                    frozenset(page.present_anchor_ids)
                    if page.present_anchor_ids is not None else None,
                    {target.src_uri: dict(anchors)
                     for target, anchors in page.links_to_anchors.items()}
                    if page.links_to_anchors is not None else None)
            else:
                page.content, page.toc = kept.content, get_toc(kept.toc)
                page._title_from_render = kept.title
                page.present_anchor_ids = (set(kept.anchor_ids)
                                           if kept.anchor_ids is not None else None)
                page.links_to_anchors = None if kept.links_to_anchors is None else {
                    target: dict(anchors) for uri, anchors in kept.links_to_anchors.items()
                    if (target := files.get_file_from_path(uri)) is not None}
            self._used[key] = kept

        page.render = render


class _Told(logging.Handler):
    """Whether a conversion logged anything at INFO or above (MkDocs' "mkdocs" logger
    does not propagate, so both it and the root logger are listened to)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.anything = False

    def emit(self, record: logging.LogRecord) -> None:
        self.anything = True

    def __enter__(self) -> _Told:
        for name in ("mkdocs", ""):
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in ("mkdocs", ""):
            logging.getLogger(name).removeHandler(self)


def _stable(value: Any, depth: int = 0) -> str:
    """A text of settings that is the same for the same settings in every build: a
    function (slugify, a fence formatter) by its name, its defaults and what it closes
    over, not by its address. Anything else by its repr: an address in it only means
    that nothing is reused."""
    if depth > 8:
        return repr(value)

    def inner(item: Any) -> str:
        return _stable(item, depth + 1)

    if isinstance(value, (str, int, float, bool, type(None))):
        return repr(value)
    if isinstance(value, dict) or callable(getattr(value, "items", None)):
        return "{" + ",".join(f"{inner(k)}:{inner(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(map(inner, value))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(map(inner, value)) + "]"
    if isinstance(value, functools.partial):
        return f"partial({inner(value.func)},{inner(value.args)},{inner(value.keywords)})"
    if callable(value) and hasattr(value, "__qualname__"):
        cells = [c.cell_contents for c in getattr(value, "__closure__", None) or ()]
        defaults = getattr(value, "__defaults__", None) or ()
        return (f"{getattr(value, '__module__', '')}.{value.__qualname__}"
                f"({inner(defaults)},{inner(cells)})")
    return repr(value)


def _tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    return [{"level": item.level, "id": item.id, "name": item.title,
             "children": _tokens(item.children)} for item in items]
