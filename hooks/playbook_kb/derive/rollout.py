"""Where a playbook can be rolled out: the seed's rule "same output, roll it out as is".

A department produces an output when taxonomy.yml says so (`produces`) or when one of
its own playbooks produces it. Another department's playbook for an output it produces,
not yet in its `adopted_by`, is a rollout candidate; a different output needs a new pilot.

Everything is indexed by output once, so the cost is playbooks + departments × outputs,
never playbooks × departments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Catalog, Playbook, Taxonomy

STATUSES = ("covered", "adopted", "candidate", "empty")


@dataclass(frozen=True)
class Cell:
    """One department × output: the playbooks it owns, has adopted, could adopt."""

    department: str
    output: str
    produces: bool
    own: tuple[Playbook, ...] = ()
    adopted: tuple[Playbook, ...] = ()
    candidates: tuple[Playbook, ...] = ()

    @property
    def status(self) -> str:
        if self.own:
            return "covered"
        if self.adopted:
            return "adopted"
        return "candidate" if self.candidates else "empty"


@dataclass(frozen=True)
class Rollout:
    """The department × output grid, computed once per build."""

    by_output: dict[str, tuple[Playbook, ...]]
    produced: dict[str, frozenset[str]]  # department key -> output keys it produces
    cells: dict[tuple[str, str], Cell]

    def cell(self, department: str, output: str) -> Cell:
        return self.cells[(department, output)]

    def candidates(self, department: str) -> list[Playbook]:
        """Other departments' playbooks this department could adopt, by output then slug."""
        return [p for output in sorted(self.produced.get(department, ()))
                for p in self.cells[(department, output)].candidates]


def published(catalog: Catalog) -> list[Playbook]:
    """Playbooks that have an overview page to link to, sorted by slug."""
    return sorted((p for p in catalog.playbooks if p.slug_ok and _has_index(p)),
                  key=lambda p: p.slug)


def _has_index(playbook: Playbook) -> bool:
    index = playbook.file("index.md")
    return index is not None and index.publishable


def index_by_output(playbooks: list[Playbook]) -> dict[str, tuple[Playbook, ...]]:
    grouped: dict[str, list[Playbook]] = defaultdict(list)
    for playbook in playbooks:
        if playbook.meta.output:
            grouped[playbook.meta.output].append(playbook)
    return {key: tuple(items) for key, items in grouped.items()}


def produced_outputs(taxonomy: Taxonomy, playbooks: list[Playbook]) -> dict[str, frozenset[str]]:
    """Department key -> outputs it produces: declared in taxonomy.yml or by its playbooks."""
    known = {t.key for t in taxonomy.outputs}
    found: dict[str, set[str]] = {t.key: {k for k in t.produces if k in known}
                                  for t in taxonomy.departments}
    for playbook in playbooks:
        if playbook.meta.department in found and playbook.meta.output:
            found[playbook.meta.department].add(playbook.meta.output)
    return {key: frozenset(outputs) for key, outputs in found.items()}


def is_candidate(playbook: Playbook, department: str, produces: frozenset[str]) -> bool:
    """The rule: another department's playbook, for an output this one produces, not adopted."""
    meta = playbook.meta
    return (meta.output in produces and meta.department != department
            and department not in meta.adopted_by)


def build_rollout(catalog: Catalog, playbooks: list[Playbook] | None = None) -> Rollout:
    playbooks = published(catalog) if playbooks is None else playbooks
    by_output = index_by_output(playbooks)
    produced = produced_outputs(catalog.taxonomy, playbooks)
    own: dict[tuple[str, str], list[Playbook]] = defaultdict(list)
    adopted: dict[tuple[str, str], list[Playbook]] = defaultdict(list)
    for playbook in playbooks:  # one pass: each playbook lands in its owner's and adopters' cells
        meta = playbook.meta
        own[(meta.department, meta.output)].append(playbook)
        for key in meta.adopted_by:
            adopted[(key, meta.output)].append(playbook)
    cells = {}
    for department in catalog.taxonomy.departments:
        outputs = produced[department.key]
        for output in catalog.taxonomy.outputs:
            key = (department.key, output.key)
            # only outputs the department produces are scanned: the result is the cost
            scanned = by_output.get(output.key, ()) if output.key in outputs else ()
            candidates = tuple(p for p in scanned if is_candidate(p, department.key, outputs))
            cells[key] = Cell(department.key, output.key, output.key in outputs,
                              tuple(own.get(key, ())), tuple(adopted.get(key, ())), candidates)
    return Rollout(by_output, produced, cells)
