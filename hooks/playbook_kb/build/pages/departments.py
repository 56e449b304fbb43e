"""/departments/ and /departments/<key>/: what each department owns, uses and could adopt."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...model import Playbook
from .context import Context, SitePlan
from .crossdept import Pages, term_pages

CANDIDATES_CAP = 10  # rollout candidates shown per output; the catalog lists them all


@dataclass(frozen=True)
class Champion:
    name: str
    playbooks: tuple[Playbook, ...]


@dataclass(frozen=True)
class Department:
    key: str
    label: str
    own: tuple[Playbook, ...]
    adopted: tuple[Playbook, ...]
    champions: tuple[Champion, ...]
    candidates: tuple[tuple[str, tuple[Playbook, ...]], ...]  # (output key, playbooks)
    produces: tuple[str, ...]  # output keys, in taxonomy order
    uncovered: tuple[str, ...]  # outputs it produces that no playbook produces yet

    @property
    def candidate_count(self) -> int:
        return sum(len(group) for _, group in self.candidates)

    @property
    def empty(self) -> bool:
        return not self.own and not self.champions


def department_pages(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    term_pages(pages, plan, "department", collect(pages), candidates_cap=CANDIDATES_CAP)


def collect(pages: Pages) -> list[Department]:
    own: dict[str, list[Playbook]] = defaultdict(list)
    adopted: dict[str, list[Playbook]] = defaultdict(list)
    for playbook in pages.playbooks:
        own[playbook.meta.department].append(playbook)
        for key in playbook.meta.adopted_by:
            adopted[key].append(playbook)
    rollout = pages.rollout
    result = []
    for term in pages.taxonomy.departments:
        produces = tuple(t.key for t in pages.taxonomy.outputs
                         if t.key in rollout.produced[term.key])
        cells = [rollout.cell(term.key, key) for key in produces]
        candidates = tuple((c.output, c.candidates) for c in cells if c.candidates)
        result.append(Department(
            term.key, term.label(pages.lang), tuple(own[term.key]), tuple(adopted[term.key]),
            champions(own[term.key]), candidates, produces,
            tuple(k for k in produces if not rollout.by_output.get(k)),
        ))
    return result


def champions(playbooks: list[Playbook]) -> tuple[Champion, ...]:
    by_name: dict[str, list[Playbook]] = defaultdict(list)
    for playbook in playbooks:
        if playbook.meta.champion:
            by_name[playbook.meta.champion].append(playbook)
    return tuple(Champion(name, tuple(items)) for name, items in sorted(by_name.items()))
