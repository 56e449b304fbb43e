"""/matrix/: departments × output types, where each output is covered and can be rolled out."""

from __future__ import annotations

from ...derive.rollout import STATUSES
from ...routes import MATRIX_SRC
from .context import Context, SitePlan
from .crossdept import Pages


def matrix_page(context: Context, plan: SitePlan) -> None:
    pages = Pages(context)
    counts = {status: 0 for status in STATUSES}
    for cell in pages.rollout.cells.values():
        counts[cell.status] += 1
    plan.pages[MATRIX_SRC] = pages.render(
        "matrix_page.md.j2", MATRIX_SRC, pages.words["matrix_title"], hide=("toc",),
        departments=pages.taxonomy.departments, outputs=pages.taxonomy.outputs,
        statuses=STATUSES, counts=counts,
    )
