"""What every page generator reads (Context) and writes (SitePlan), and the one renderer
every generated page goes through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ...derive.impact import ImpactReport, build_impact
from ...derive.rollout import Rollout, build_rollout, published
from ...derive.tooluse import Usage, tool_usage
from ...derive.trend import git_trend
from ...findings import Finding
from ...i18n import labels
from ...load.gitinfo import History
from ...model import Catalog, Playbook
from ...routes import Links
from ..render import escape_md, front_matter, render


@dataclass(frozen=True)
class Context:
    """What every generator may read besides the catalog. Everything that needs the
    outside world (git history) is read before the pipeline runs and passed in here."""

    catalog: Catalog
    findings: tuple[Finding, ...]
    by_playbook: dict[str, list[Finding]]
    lang: str
    history: History = field(default_factory=History)  # when each file last changed

    @cached_property
    def words(self) -> dict[str, str]:
        return labels(self.lang)

    @cached_property
    def published(self) -> list[Playbook]:
        """Playbooks with an overview page to link to, by slug."""
        return published(self.catalog)

    @cached_property
    def preview_pages(self) -> frozenset[str]:
        """`playbook-kb serve SLUG`: the generated list pages built in full (preview.py)."""
        from .preview import shown_pages  # preview.py renders with this Context

        return shown_pages(self)

    @cached_property
    def rollout(self) -> Rollout:
        """The department × output grid, once per build for every page that shows it."""
        return build_rollout(self.catalog, self.published)

    @cached_property
    def impact(self) -> ImpactReport:
        """The management numbers, once per build for the impact, phases and JSON pages."""
        return build_impact(self.catalog, self.published, git_trend(self.catalog, self.history))

    @cached_property
    def tool_usage(self) -> Usage | None:
        """Registered tools and the playbooks using each; None without playbooks/tools.yml."""
        return tool_usage(self.catalog, self.published)


@dataclass
class SitePlan:
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    assets: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy as is
    untrusted: set[str] = field(default_factory=set)  # contributor pages: no macros, neutralised
    edit_paths: dict[str, str] = field(default_factory=dict)  # src_uri -> repo path to edit
    redirects: dict[str, str] = field(default_factory=dict)  # old src_uri -> new src_uri
    files: dict[str, str] = field(default_factory=dict)  # src_uri -> text of a non-page file
    search: dict[str, dict[str, str]] = field(default_factory=dict)  # src_uri -> index fields
    appendix: dict[str, str] = field(default_factory=dict)  # src_uri -> HTML after its content


def render_page(context: Context, template: str, here: str, meta: dict[str, Any],
                **values: Any) -> str:
    """A generated page: its front matter (`meta`, title included) and its template.

    Every template gets the site's `words` and `lang`, `md` (escape for Markdown),
    `to`, the links from this page (routes.Links): templates never spell a URL, and
    `limit`, how many entries a long list shows before it links onwards.
    """
    shared = {"words": context.words, "lang": context.lang, "md": escape_md, "to": Links(here),
              "limit": context.catalog.settings.list_limit}
    return render(template, front=front_matter(meta), **{**shared, **values})


Generator = Callable[[Context, SitePlan], None]

__all__ = ["Context", "Generator", "SitePlan", "render_page"]
