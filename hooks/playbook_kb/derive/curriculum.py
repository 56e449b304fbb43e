"""The training curriculum: modules of each tier, in the order they should be taught.

A module is a playbook (by its `tier`) or a training page under docs/ (load/training.py).
Its id never changes with its title: the playbook's slug, or the page's `id:`. Within a
tier, modules follow their prerequisites; ties go by `order`, then title, then id.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace

from ..findings import Finding, error, warning
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..model import TIERS, Catalog, Playbook, Training
from ..routes import module_permalink, page_url, playbook_src, tier_anchor, tier_anchor_src

TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}


@dataclass(frozen=True)
class Module:
    id: str
    tier: str
    title: str
    source: str  # repository path findings cite
    src_uri: str  # the module's own page in the site
    duration_minutes: int | None = None
    objectives: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()  # module ids, aliases resolved, unknown ids dropped
    order: int | None = None
    line: int = 0  # where `prerequisites` is written
    playbook: Playbook | None = None
    tier_line: int = 0  # where `tier` is written
    page: int = 1  # which page of its tier lists it (settings.modules_per_page to a page)
    number: int = 0  # its place in the tier's teaching order, from 1

    @property
    def permalink(self) -> str:
        """The URL that never changes with the tier: "m/<id>/" redirects to the tier page."""
        return module_permalink(self.id)

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, self.title, self.id)

    @property
    def anchor_uri(self) -> str:
        """The tier page and anchor, as a docs path: "curriculum/basic.md#<id>"."""
        return tier_anchor_src(self.tier, self.id, self.page)

    @property
    def anchor_url(self) -> str:
        """The same as a site URL, relative to the site root: "curriculum/basic/#<id>"."""
        return tier_anchor(self.tier, self.id, self.page)

    @property
    def url(self) -> str:
        """The module's own page as a site URL: "playbooks/x/", "training/what-is-ai/"."""
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Curriculum:
    tiers: dict[str, tuple[Module, ...]]  # tier -> modules in teaching order
    findings: tuple[Finding, ...] = ()
    by_id: dict[str, Module] = field(default_factory=dict)

    def module(self, module_id: str) -> Module | None:
        return self.by_id.get(module_id)

    def pages(self, tier: str) -> int:
        """How many pages list the tier (one, even when it is empty)."""
        return max((m.page for m in self.tiers[tier]), default=1)

    def minutes(self, tier: str) -> int:
        return sum(m.duration_minutes or 0 for m in self.tiers[tier])


_LAST: list = [None, None]  # (catalog, its curriculum): one slot, the build in progress


def curriculum_of(catalog: Catalog) -> Curriculum:
    """The catalog's curriculum, built once for its check, its pages and its macros."""
    if _LAST[0] is not catalog:
        _LAST[:] = [catalog, build_curriculum(catalog)]
    return _LAST[1]


def build_curriculum(catalog: Catalog) -> Curriculum:
    """Modules by tier in teaching order, and the prerequisite findings."""
    raw = _modules(catalog)
    by_id: dict[str, Module] = {}
    for module in raw:
        by_id.setdefault(module.id, module)  # a duplicate id is reported by module_id_findings
    aliases = {a: p.slug for p in catalog.playbooks for a in p.meta.aliases if p.slug in by_id}
    outside = {name: p for p in catalog.playbooks if not in_curriculum(p)
               for name in (p.slug, *p.meta.aliases)}
    findings: list[Finding] = []
    lang = catalog.settings.lang
    resolved = {mid: _resolve(m, by_id, aliases, outside, findings, lang)
                for mid, m in by_id.items()}
    by_id = {mid: replace(m, prerequisites=resolved[mid]) for mid, m in by_id.items()}
    findings.extend(_cycles(by_id, lang))
    size = catalog.settings.modules_per_page
    tiers = {tier: tuple(replace(m, number=i + 1, page=i // size + 1) for i, m in enumerate(
        _order([m for m in by_id.values() if m.tier == tier]))) for tier in TIERS}
    by_id |= {m.id: m for modules in tiers.values() for m in modules}
    return Curriculum(tiers, tuple(sorted(findings)), by_id)


def module_id_findings(catalog: Catalog) -> list[Finding]:
    """Two modules with one id would share one anchor: the second is an error."""
    owners: dict[str, str] = {}
    for playbook in catalog.playbooks:
        for url in (playbook.slug, *playbook.meta.aliases):
            owners.setdefault(url, f"{playbook.rel_dir}/index.md")  # the file, for findings
    findings = []
    for page in catalog.module_pages:
        owner = owners.setdefault(page.id, page.rel)
        if owner != page.rel:
            findings.append(error("duplicate-url", page.rel, page.lines.get("id", 1), text(
                catalog.settings.lang, "curriculum.duplicate_id", id=page.id, owner=owner)))
    return findings


def in_curriculum(playbook: Playbook) -> bool:
    """A trainer places a playbook by giving it a tier. A pilot also needs a trainer's
    marks (duration_minutes or objectives): a tier copied from a template is not a choice."""
    training = playbook.meta.training
    if not playbook.slug_ok or not training.tier:
        return False
    return (playbook.meta.phase != "pilot"
            or bool(training.duration_minutes or training.objectives))


def outside_curriculum(catalog: Catalog) -> list[tuple[Playbook, str]]:
    """Each playbook the curriculum leaves out, with the reason (theme language)."""
    lang = catalog.settings.lang
    out = []
    for playbook in catalog.playbooks:
        if not playbook.slug_ok or in_curriculum(playbook):
            continue
        tier = playbook.meta.training.tier
        reason = (text(lang, "curriculum.outside_pilot", tier=tier) if tier
                  else text(lang, "curriculum.outside_no_tier"))
        out.append((playbook, reason))
    return out


def _modules(catalog: Catalog) -> list[Module]:
    modules = [_module(p.slug, p.title, playbook_src(p.slug), playbook_src(p.slug),
                       p.meta.training, p.meta.lines, p)
               for p in catalog.playbooks if in_curriculum(p)]
    modules.extend(_module(page.id, page.title, page.rel, page.src_uri, page.training,
                           page.lines) for page in catalog.module_pages)
    return modules


def _module(module_id: str, title: str, source: str, src_uri: str, training: Training,
            lines: dict[str, int], playbook: Playbook | None = None) -> Module:
    return Module(id=module_id, tier=training.tier, title=title, source=source,
                  src_uri=src_uri, duration_minutes=training.duration_minutes,
                  objectives=training.objectives, prerequisites=training.prerequisites,
                  order=training.order, line=lines.get("prerequisites", 1), playbook=playbook,
                  tier_line=lines.get("tier", 1))


def _resolve(module: Module, by_id: dict[str, Module], aliases: dict[str, str],
             outside: dict[str, Playbook], findings: list[Finding],
             lang: str) -> tuple[str, ...]:
    out: list[str] = []
    for wanted in module.prerequisites:
        target = wanted if wanted in by_id else aliases.get(wanted)
        if target is None and wanted in outside:
            findings.append(warning("prerequisite", module.source, module.line, text(
                lang, "curriculum.prerequisite_outside", value=wanted,
                folder=outside[wanted].rel_dir)))
            continue
        if target is None:
            head = text(lang, "curriculum.unknown_prerequisite", value=wanted)
            message = did_you_mean(lang, head, wanted, sorted(by_id), listed=False,
                                   otherwise=text(lang, "curriculum.write_an_id"))
            findings.append(error("prerequisite", module.source, module.line, message))
            continue
        required = by_id[target]
        if TIER_RANK[required.tier] > TIER_RANK[module.tier]:
            findings.append(warning("prerequisite", module.source, module.line, text(
                lang, "curriculum.higher_tier", target=target, required=required.tier,
                tier=module.tier, source=required.source)))
        if target not in out:
            out.append(target)
    return tuple(out)


def _order(modules: list[Module]) -> tuple[Module, ...]:
    """Kahn's algorithm on the prerequisites inside one tier, smallest sort key first.

    Modules caught in a cycle cannot be placed by it: they follow the rest, by sort key,
    so the page still lists them (the cycle itself is an error finding).
    """
    ids = {m.id for m in modules}
    waiting = {m.id: {p for p in m.prerequisites if p in ids and p != m.id} for m in modules}
    followers: dict[str, list[Module]] = {m.id: [] for m in modules}
    for m in modules:
        for p in waiting[m.id]:
            followers[p].append(m)
    ready = [(m.sort_key, m.id, m) for m in modules if not waiting[m.id] and m.id not in
             m.prerequisites]
    heapq.heapify(ready)
    placed: list[Module] = []
    while ready:
        _, _, module = heapq.heappop(ready)
        placed.append(module)
        for follower in followers[module.id]:
            waiting[follower.id].discard(module.id)
            if not waiting[follower.id] and follower.id not in follower.prerequisites:
                heapq.heappush(ready, (follower.sort_key, follower.id, follower))
    done = {m.id for m in placed}
    stuck = sorted((m for m in modules if m.id not in done), key=lambda m: m.sort_key)
    return tuple(placed + stuck)


def _cycles(by_id: dict[str, Module], lang: str) -> list[Finding]:
    """One error per module in a prerequisite cycle, naming every file of the cycle."""
    findings = []
    for group in _strongly_connected(by_id):
        members = sorted(group)
        if len(members) == 1 and members[0] not in by_id[members[0]].prerequisites:
            continue
        chain = " → ".join([*members, members[0]])
        files = text(lang, "list_sep").join(by_id[m].source for m in members)
        message = text(lang, "curriculum.cycle", chain=chain, files=files)
        for member in members:
            module = by_id[member]
            findings.append(error("prerequisite", module.source, module.line, message))
    return findings


def _strongly_connected(by_id: dict[str, Module]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: a long prerequisite chain must not hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(by_id):
        if start in index:
            continue
        work = [(start, iter(by_id[start].prerequisites))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(by_id[nxt].prerequisites)))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups
