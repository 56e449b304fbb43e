"""What every page generator reads (Context) and writes (SitePlan)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ...derive.rollout import Rollout, build_rollout, published
from ...findings import Finding
from ...model import Catalog, Playbook


@dataclass(frozen=True)
class Context:
    """What every generator may read besides the catalog."""

    catalog: Catalog
    findings: tuple[Finding, ...]
    by_playbook: dict[str, list[Finding]]
    lang: str

    @cached_property
    def published(self) -> list[Playbook]:
        """Playbooks with an overview page to link to, by slug."""
        return published(self.catalog)

    @cached_property
    def rollout(self) -> Rollout:
        """The department × output grid, once per build for every page that shows it."""
        return build_rollout(self.catalog, self.published)


@dataclass
class SitePlan:
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    assets: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy as is
    untrusted: set[str] = field(default_factory=set)  # contributor pages: no macros, neutralised
    edit_paths: dict[str, str] = field(default_factory=dict)  # src_uri -> repo path to edit
    redirects: dict[str, str] = field(default_factory=dict)  # old src_uri -> new src_uri
    files: dict[str, str] = field(default_factory=dict)  # src_uri -> text of a non-page file


def page_url(src_uri: str) -> str:
    """The directory URL of a page: "departments/sales.md" -> "departments/sales/",
    "matrix/index.md" -> "matrix/", "index.md" -> ""; other files keep their path."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


Generator = Callable[[Context, SitePlan], None]
