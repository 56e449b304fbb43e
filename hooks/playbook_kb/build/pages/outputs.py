"""/outputs/ and /outputs/<key>/: every playbook producing an output, across departments.

The seed's rule: the same output is reused as is; a different output needs a new pilot.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...derive.rollout import Cell
from ...model import Playbook
from .context import Context, SitePlan
from .crossdept import Pages, term_pages


@dataclass(frozen=True)
class Output:
    key: str
    label: str
    playbooks: tuple[Playbook, ...]
    cells: tuple[Cell, ...]  # departments that produce it or hold a playbook for it

    @property
    def owners(self) -> tuple[str, ...]:
        return tuple(c.department for c in self.cells if c.own)

    @property
    def candidate_departments(self) -> tuple[str, ...]:
        return tuple(c.department for c in self.cells if c.candidates)


def output_pages(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    term_pages(pages, plan, "output", collect(pages))


def collect(pages: Pages) -> list[Output]:
    rollout = pages.rollout
    result = []
    for term in pages.taxonomy.outputs:
        cells = tuple(
            cell for cell in (rollout.cell(d.key, term.key) for d in pages.taxonomy.departments)
            if cell.produces or cell.status != "empty"
        )
        result.append(Output(term.key, term.label(pages.lang),
                             rollout.by_output.get(term.key, ()), cells))
    return result
