"""/outputs/ and /outputs/<key>/: every playbook producing an output, across departments.

The seed's rule: the same output is reused as is; a different output needs a new pilot.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...derive.rollout import Cell
from ...model import Playbook
from .context import Context, SitePlan
from .crossdept import Pages


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
    outputs = collect(pages)
    title = pages.words["outputs_title"]
    plan.pages["outputs/index.md"] = pages.render(
        "outputs_index.md.j2", "outputs/index.md", title, outputs=outputs)
    for output in outputs:
        src_uri = f"outputs/{output.key}.md"
        plan.pages[src_uri] = pages.render("outputs_page.md.j2", src_uri, output.label,
                                           output=output)


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
