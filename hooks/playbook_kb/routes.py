"""The site's shape: which pages exist, where their sources live, their URLs, links.

Every page, template, rule, macro and JSON export names a page and links between two
pages through this module. Adding a part to a playbook or changing the URL scheme
touches this file only.

Two kinds of path, never mixed up:
- a *source* (`src`): the page's path inside the docs tree MkDocs builds, e.g.
  "playbooks/mail/prompt-sheet.md", "departments/sales.md";
- a *URL*: the page's directory URL relative to the site root, e.g.
  "playbooks/mail/prompt-sheet/", "departments/sales/", "" for the home page.

Two kinds of link between pages, for the two places a link is written:
- `link(from_src, to_url)` in raw HTML (tables, panels, nav): MkDocs leaves it as is,
  so it must be the final relative URL;
- `doc_link(from_src, to_src)` in a Markdown link: MkDocs checks that the target
  exists and turns it into the URL itself (a URL there would be reported as an
  "unrecognized relative link").
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

PLAYBOOKS_DIR = "playbooks"


@dataclass(frozen=True)
class Part:
    """One part of a playbook: the overview and the three-part set."""

    key: str  # the part's name in macros (`playbook_link(slug, part)`) and labels
    file: str  # its source inside the playbook folder
    suffix: str  # its URL below /playbooks/<slug>/
    label: str  # labels key of its name
    required: bool  # missing-part reports it when absent
    json_key: str = ""  # its name under "parts" in playbooks.json ("" = not listed)
    generated: bool = False  # the engine builds it when nobody wrote it (always exists)

    @property
    def folder(self) -> str:
        """The folder a generated part stands for ("samples"), else ""."""
        return posixpath.dirname(self.file)


PARTS: tuple[Part, ...] = (
    Part("overview", "index.md", "", "overview", True),
    Part("prompt-sheet", "prompt-sheet.md", "prompt-sheet/", "prompt-sheet", True,
         "prompt_sheet"),
    Part("workflow", "workflow.md", "workflow/", "workflow", True, "workflow"),
    Part("samples", "samples/index.md", "samples/", "samples", True, "samples",
         generated=True),
)
SAMPLES = PARTS[-1]  # the gallery: generated from samples/ unless written by hand


def parts() -> tuple[Part, ...]:
    """Every part, in the order pages list them (read at call time: one table)."""
    return PARTS


def written_parts() -> tuple[Part, ...]:
    """The parts a champion writes as files (all but the generated gallery)."""
    return tuple(p for p in PARTS if not p.generated)


def part_named(key: str) -> Part:
    for candidate in PARTS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def part_keys() -> list[str]:
    return [p.key for p in PARTS]

# Site-wide pages (sources); their URLs come from page_url().
HOME_SRC = "index.md"
CURRICULUM_SRC = "curriculum/index.md"
MATRIX_SRC = "matrix/index.md"
PHASES_SRC = "phases/index.md"
IMPACT_SRC = "impact/index.md"
HEALTH_SRC = "health/index.md"
CHANGES_SRC = "changes.md"
CATALOG_JSON = "playbooks.json"
CURRICULUM_JSON = "curriculum.json"
ASSETS_DIR = "assets/playbook-kb"
TERM_DIRS = {"department": "departments", "output": "outputs"}  # one page per taxonomy term


# --- pages of a playbook --------------------------------------------------------------


def playbook_dir(slug: str) -> str:
    return f"{PLAYBOOKS_DIR}/{slug}"


def playbook_src(slug: str, part: str = "overview") -> str:
    """"playbooks/<slug>/prompt-sheet.md": the page of a part, as a source."""
    return f"{playbook_dir(slug)}/{part_named(part).file}"


def playbook_url(slug: str, part: str = "overview") -> str:
    """"playbooks/<slug>/prompt-sheet/": the page of a part, as a URL."""
    return f"{playbook_dir(slug)}/{part_named(part).suffix}"


def part_of(name: str) -> Part | None:
    """The part a file inside the playbook folder is ("workflow.md" -> workflow)."""
    return next((p for p in PARTS if p.file == name), None)


# --- taxonomy terms, curriculum -------------------------------------------------------


def term_src(kind: str, key: str | None = None) -> str:
    """"departments/index.md" (key None) or "departments/<key>.md"."""
    return f"{TERM_DIRS[kind]}/{key if key is not None else 'index'}.md"


def term_url(kind: str, key: str | None = None) -> str:
    return page_url(term_src(kind, key))


def department_url(key: str | None = None) -> str:
    return term_url("department", key)


def output_url(key: str | None = None) -> str:
    return term_url("output", key)


def tier_src(tier: str) -> str:
    return f"curriculum/{tier}.md"


def tier_url(tier: str) -> str:
    return page_url(tier_src(tier))


def tier_anchor(tier: str, module_id: str) -> str:
    """"curriculum/basic/#<id>": a module's stable place, as a URL."""
    return f"{tier_url(tier)}#{module_id}"


def tier_anchor_src(tier: str, module_id: str) -> str:
    """"curriculum/basic.md#<id>": the same, as a source for Markdown links."""
    return f"{tier_src(tier)}#{module_id}"


MODULE_DIR = "m"  # permanent module links: "m/<id>/" redirects to the module's tier anchor


def module_permalink(module_id: str) -> str:
    """"m/<id>/": the URL of a module that never changes with its tier (a redirect)."""
    return f"{MODULE_DIR}/{module_id}/"


# --- URLs and links -------------------------------------------------------------------


def page_url(src_uri: str) -> str:
    """The directory URL of a page: "departments/sales.md" -> "departments/sales/",
    "matrix/index.md" -> "matrix/", "index.md" -> ""; other files keep their path."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def link(from_src: str, to_url: str) -> str:
    """A relative URL from the page built from `from_src` to the site URL `to_url`
    ("x/y/#frag"), for raw HTML: the browser resolves it, MkDocs does not touch it."""
    path, hash_, fragment = to_url.partition("#")
    base = page_url(from_src).rstrip("/") or "."
    rel = posixpath.relpath(path.rstrip("/") or ".", base)
    if path.endswith("/") or not path:
        rel += "/"
    return rel + hash_ + fragment


def part_link(from_src: str, slug: str, part: str) -> str:
    """A link from one page of a playbook to one of its parts, always through the
    playbook's folder ("../workflow/", "./" for the overview from itself): every tab of
    the parts nav reads the same on every page."""
    up = link(from_src, playbook_url(slug)).removeprefix("./")
    return up + part_named(part).suffix or "./"


def doc_link(from_src: str, to_src: str) -> str:
    """A relative path from source `from_src` to source `to_src` ("x.md#frag"), for a
    Markdown link: MkDocs checks the target exists and writes its URL."""
    path, _, anchor = to_src.partition("#")
    if path == from_src:
        return f"#{anchor}" if anchor else ""
    rel = posixpath.relpath(path, posixpath.dirname(from_src) or ".")
    return f"{rel}#{anchor}" if anchor else rel


@dataclass(frozen=True)
class Links:
    """Links from one page, for its template: the page never spells a URL itself."""

    here: str  # the page's source

    def to(self, url: str) -> str:
        return link(self.here, url)

    def playbook(self, slug: str, part: str = "overview") -> str:
        return link(self.here, playbook_url(slug, part))

    def department(self, key: str | None = None, anchor: str = "") -> str:
        return link(self.here, department_url(key) + (f"#{anchor}" if anchor else ""))

    def output(self, key: str | None = None, anchor: str = "") -> str:
        return link(self.here, output_url(key) + (f"#{anchor}" if anchor else ""))

    def tier(self, tier: str, module_id: str = "") -> str:
        url = tier_anchor(tier, module_id) if module_id else tier_url(tier)
        return link(self.here, url)
