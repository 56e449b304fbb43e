"""The catalog's types: frozen values that keep where each came from."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .load.textio import find_links, mask_code
from .routes import playbook_url

TIERS = ("basic", "applied", "expert")
PHASES = ("pilot", "rollout", "company-wide")
DATA_CLASSES = ("public", "internal", "confidential")  # from least to most sensitive
TOOL_STATUSES = ("approved", "trial", "retired")
SAMPLE_SUFFIXES = frozenset(
    {".md", ".docx", ".xlsx", ".pptx", ".pdf", ".png", ".jpg", ".jpeg", ".txt", ".csv"}
)


@dataclass(frozen=True)
class Term:
    """One entry of a controlled list (a department or an output type)."""

    key: str
    ja: str
    en: str
    line: int = 0
    owners: tuple[str, ...] = ()  # code owners of a department's playbooks
    produces: tuple[str, ...] = ()  # output keys a department declares it produces
    headcount: int | None = None  # people in the department: the base of its usage rate

    def label(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Taxonomy:
    path: str
    departments: tuple[Term, ...] = ()
    outputs: tuple[Term, ...] = ()
    maintainers: tuple[str, ...] = ()
    _by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {
            "department": {t.key: t for t in self.departments},
            "output": {t.key: t for t in self.outputs},
        })

    def department(self, key: str) -> Term | None:
        return self._by_key["department"].get(key)

    def output(self, key: str) -> Term | None:
        return self._by_key["output"].get(key)

    def label(self, kind: str, key: str, lang: str, missing: str = "") -> str:
        """The label of a department or output key in `lang`; `missing` when unknown."""
        term = self._by_key[kind].get(key)
        return term.label(lang) if term else missing


@dataclass(frozen=True)
class SourceFile:
    """A file of a playbook, read once. `text` is None for binary or undecodable files."""

    rel: str  # repository-relative POSIX path
    name: str  # path inside the playbook folder, e.g. "samples/mail.md"
    abs_path: Path
    size: int
    text: str | None = None
    symlink: bool = False
    publishable: bool = True  # false for symlinks, oversized and unsupported files
    withheld: str = ""  # the rule that keeps a sample off the site (file-size, sensitive-data)

    @cached_property
    def suffix(self) -> str:
        return os.path.splitext(self.name)[1].lower()

    @cached_property
    def masked(self) -> str:
        """The text with code blanked out, computed once for every rule that needs it."""
        return mask_code(self.text or "")

    @cached_property
    def links(self) -> list[tuple[str, int]]:
        """(url, offset) of each link outside code: read by the link and HTML rules."""
        return find_links(self.masked)

    def __getstate__(self) -> dict:
        """Pickled (load/cache.py) with its links, without the masked copy of its text,
        its path as text: a cached check rebuilt 5,000 Path objects it never read."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("masked", "abs_path")}
        state["_abs_path"] = os.fspath(self.__dict__.get("abs_path") or state["_abs_path"])
        return state

    def __getattr__(self, name: str) -> Any:
        """`abs_path` of an unpickled file, made when first read."""
        if name == "abs_path" and "_abs_path" in self.__dict__:
            path = self.__dict__["abs_path"] = Path(self.__dict__["_abs_path"])
            return path
        raise AttributeError(name)


@dataclass(frozen=True)
class AdopterUse:
    """An adopting department's own use of a playbook: `metrics.adopters.<key>`."""

    department: str
    runs_per_month: float
    users: int | None = None
    line: int = 0


@dataclass(frozen=True)
class Metrics:
    baseline_minutes: float
    current_minutes: float
    runs_per_month: float  # the owning department's runs
    users: int | None = None
    measured: dt.date | None = None
    adopters: tuple[AdopterUse, ...] = ()  # other departments' runs, reported by them

    @property
    def minutes_saved_per_run(self) -> float:
        return self.baseline_minutes - self.current_minutes

    @property
    def own_hours_per_month(self) -> float:
        """Hours the owning department saves itself."""
        return self.minutes_saved_per_run * self.runs_per_month / 60

    def hours_for(self, use: AdopterUse) -> float:
        return self.minutes_saved_per_run * use.runs_per_month / 60

    @property
    def hours_saved_per_month(self) -> float:
        """Every department's hours with this playbook: the owner's and the adopters'."""
        return self.own_hours_per_month + sum(self.hours_for(u) for u in self.adopters)

    @property
    def all_users(self) -> int | None:
        given = [u for u in (self.users, *(a.users for a in self.adopters)) if u is not None]
        return sum(given) if given else None

    @property
    def reduction(self) -> float:
        """Share of the baseline time saved, 0..1."""
        return 1 - self.current_minutes / self.baseline_minutes


@dataclass(frozen=True)
class Training:
    """What makes a page a curriculum module: the front-matter fields playbooks and
    training pages share (load/fields.py reads them the same way for both)."""

    tier: str = ""
    prerequisites: tuple[str, ...] = ()  # module ids or playbook slugs, as written
    duration_minutes: int | None = None
    objectives: tuple[str, ...] = ()
    order: int | None = None


@dataclass(frozen=True)
class Meta:
    """Front matter of index.md after validation; invalid values are None/empty."""

    title: str = ""
    summary: str = ""
    department: str = ""
    task: str = ""
    output: str = ""
    industry: str = ""
    phase: str = ""
    champion: str = ""
    data: str = ""
    tools: tuple[str, ...] = ()
    tool_lines: tuple[int, ...] = field(default=(), compare=False)  # line of each tool
    adopted_by: tuple[str, ...] = ()
    metrics: Metrics | None = None
    reviewed: dt.date | None = None
    started: dt.date | None = None
    aliases: tuple[str, ...] = ()
    training: Training = field(default_factory=Training)
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def tier(self) -> str:
        return self.training.tier


@dataclass(frozen=True)
class Playbook:
    slug: str
    rel_dir: str  # "playbooks/<folder>"
    meta: Meta
    files: tuple[SourceFile, ...]
    body: str = ""  # index.md without its front matter
    body_line: int = 1
    slug_ok: bool = True  # an invalid folder name is checked but never published

    def file(self, name: str) -> SourceFile | None:
        for f in self.files:
            if f.name == name:
                return f
        return None

    @property
    def samples(self) -> tuple[SourceFile, ...]:
        return tuple(
            f for f in self.files
            if f.name.startswith("samples/") and f.suffix in SAMPLE_SUFFIXES and f.publishable
        )

    @property
    def withheld_samples(self) -> tuple[SourceFile, ...]:
        """Samples a check keeps off the site (the gallery says why, not what)."""
        return tuple(f for f in self.files if f.name.startswith("samples/") and f.withheld)

    @property
    def title(self) -> str:
        return self.meta.title or self.slug

    @property
    def url(self) -> str:
        return playbook_url(self.slug)


@dataclass(frozen=True)
class Settings:
    """What a site may tune; defaults follow SPEC §3."""

    stale_days: int = 180
    max_file_bytes: int = 10 * 1024 * 1024
    min_part_chars: int = 30
    lang: str = "ja"
    today: dt.date = field(default_factory=dt.date.today)
    preview: tuple[str, ...] = ()  # `playbook-kb serve SLUG`: only these playbooks (empty: all)
    feedback_issue_url: str = ""  # "report a problem" link on playbook pages (issue form)
    feedback_email: str = ""  # mailto: feedback, for intranets without GitHub access
    japanese_search: bool = True  # Pagefind search (build/findability.py); false: Material's own
    edit_uri: str = "edit/main/"  # playbook pages' edit button: repo_url + edit_uri + path
    unknown: tuple[str, ...] = ()  # extra.playbook_kb keys nobody reads (a `settings` finding)
    site_url: str = ""  # mkdocs.yml site_url, with a trailing slash: full links for trainers
    tool_retirement_warning_days: int = 60  # warn this long before a tool is retired
    list_limit: int = 100  # a generated list longer than this shows its top entries only
    modules_per_page: int = 50  # a tier page lists this many modules; more go on page 2 ...


@dataclass(frozen=True)
class ModulePage:
    """A hand-written training page: a page under docs/ whose front matter has `tier:`."""

    id: str  # stable anchor: `id:` of the front matter, else derived from the path
    rel: str  # repository-relative path, e.g. "docs/training/what-is-ai.md"
    src_uri: str  # path inside docs/, e.g. "training/what-is-ai.md"
    title: str
    training: Training
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def tier(self) -> str:
        return self.training.tier


TARGET_METRICS = ("hours_saved", "usage_rate", "satisfaction", "playbooks",
                  "departments_using", "inquiry_reduction")
PERCENT_METRICS = frozenset({"usage_rate", "satisfaction", "inquiry_reduction"})


@dataclass(frozen=True)
class Target:
    """The company's targets at one date (`playbooks/targets.yml`)."""

    date: dt.date
    label_ja: str
    label_en: str
    values: dict[str, float]
    line: int = 0

    def label(self, lang: str) -> str:
        return (self.label_ja if lang == "ja" else self.label_en) or self.date.isoformat()


@dataclass(frozen=True)
class MonthReport:
    """One month of company numbers (`playbooks/metrics/YYYY-MM.yml`)."""

    month: str  # "2026-11"
    path: str
    satisfaction: float | None = None  # % of survey answers "helpful"
    responses: int | None = None
    helpdesk_inquiries: int | None = None
    active_users: dict[str, int] = field(default_factory=dict)  # department -> people
    hours_saved: float | None = None  # snapshot taken when the month closed
    playbooks_by_phase: dict[str, int] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def total_active_users(self) -> int | None:
        return sum(self.active_users.values()) if self.active_users else None


@dataclass(frozen=True)
class Company:
    """Targets and monthly numbers of the promotion office; empty when not kept."""

    targets_path: str = ""
    baseline_date: dt.date | None = None
    baseline: dict[str, float] = field(default_factory=dict)
    targets: tuple[Target, ...] = ()
    months: tuple[MonthReport, ...] = ()  # oldest first

    @property
    def latest(self) -> MonthReport | None:
        return self.months[-1] if self.months else None


@dataclass(frozen=True)
class Bilingual:
    """A short text of the tool registry in both site languages."""

    ja: str
    en: str

    def label(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


def spelling(name: str) -> str:
    """How a tool name is compared: full-width, case and spaces do not matter."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class Tool:
    """One AI tool of playbooks/tools.yml and what data it may receive."""

    key: str
    ja: str
    en: str
    data: str  # the most sensitive class it may receive (one of DATA_CLASSES)
    status: str = "approved"  # as declared (one of TOOL_STATUSES)
    aliases: tuple[str, ...] = ()  # spellings champions use in `tools:`
    contract: Bilingual | None = None  # plan or setting, e.g. 会社のテナント
    conditions: Bilingual | None = None  # extra conditions at its highest class
    approved: dt.date | None = None  # approved (or trial started) on
    retired: dt.date | None = None  # retired from this day on
    request: str = ""  # URL of the request procedure (http(s), mailto: or a site path)
    line: int = 0

    def label(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def allows(self, data: str) -> bool:
        return DATA_CLASSES.index(data) <= DATA_CLASSES.index(self.data)

    def status_on(self, today: dt.date) -> str:
        """The status a build shows: retired from the retirement date on."""
        if self.retired is not None and today >= self.retired:
            return "retired"
        return self.status

    def retiring(self, today: dt.date, warning_days: int) -> bool:
        """Still usable, but retired within `warning_days` days."""
        return (self.retired is not None and today < self.retired
                and (self.retired - today).days <= warning_days)


@dataclass(frozen=True)
class ToolRegistry:
    path: str
    tools: tuple[Tool, ...] = ()
    _by_spelling: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names: dict[str, Tool] = {}
        for tool in self.tools:  # the first tool to claim a spelling keeps it
            for name in (tool.key, tool.ja, tool.en, *tool.aliases):
                names.setdefault(spelling(name), tool)
        object.__setattr__(self, "_by_spelling", names)

    def find(self, name: str) -> Tool | None:
        """The tool a playbook means by `name`: its key, a name or an alias."""
        return self._by_spelling.get(spelling(name))

    def tool(self, key: str) -> Tool | None:
        return next((t for t in self.tools if t.key == key), None)

    def spellings(self) -> list[str]:
        """Every name, key and alias, for "did you mean" (names first: they read best)."""
        return [name for t in self.tools for name in (t.ja, t.en, t.key, *t.aliases)]


@dataclass(frozen=True)
class Catalog:
    root: Path
    taxonomy: Taxonomy
    playbooks: tuple[Playbook, ...]
    settings: Settings = field(default_factory=Settings)
    module_pages: tuple[ModulePage, ...] = ()  # docs/ pages with `tier:` (curriculum.py)
    company: Company = field(default_factory=Company)  # targets.yml and metrics/*.yml
    tools: ToolRegistry | None = None  # playbooks/tools.yml; None: `tools:` stays free text
    _by_slug: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_slug", {p.slug: p for p in self.playbooks})

    def playbook(self, slug: str) -> Playbook | None:
        return self._by_slug.get(slug)
