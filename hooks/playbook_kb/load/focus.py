"""`playbook-kb serve SLUG`: which playbooks a preview builds in full.

The preview keeps the WHOLE catalog, so the cross-department pages (department,
output, matrix, curriculum) count every playbook as the published site does; only
the focused playbooks get their own pages built and their rules run, which is what
keeps the preview fast in a large repository.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..model import Catalog, Playbook
from ..routes import PLAYBOOKS_DIR

ENV_VAR = "PLAYBOOK_KB_PREVIEW"  # set by tools/preview.py, read by load/settings.py


def focused(catalog: Catalog, playbook: Playbook) -> bool:
    """True when the playbook's own pages are built (always, outside a preview)."""
    wanted = catalog.settings.preview
    return not wanted or playbook.slug in wanted


def focus_findings(catalog: Catalog, findings: list[Finding]) -> list[Finding]:
    """In a preview: the focused playbooks' findings and the site-wide ones only."""
    wanted = set(catalog.settings.preview)
    if not wanted:
        return findings
    return [f for f in findings if not f.slug or f.slug in wanted]


def watched(root: Path, watch: list[str],
            preview: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """What a preview's `mkdocs serve` watches: (folders and files watched with all they
    hold, folders watched for their own files only), from mkdocs.yml's `watch:`.

    MkDocs polls what it watches twice a second. `playbooks/` at 1,000 playbooks is
    10,000 files, and walking them took a quarter of the CPU the rebuild needed; a
    watched file costs a walk of its whole folder. A preview watches the focused
    playbooks' folders in full and `playbooks/` itself for its own files only
    (taxonomy.yml, tools.yml ...), so another playbook's edit shows at the next save.
    Outside a preview, or when `playbooks/` is not watched, `watch` is kept as it is.
    """
    folder = (root / PLAYBOOKS_DIR).resolve()
    if not preview or all(Path(item).resolve() != folder for item in watch):
        return watch, []
    kept = [item for item in watch if Path(item).resolve() != folder]
    return [*kept, *(str(folder / slug) for slug in preview if (folder / slug).is_dir())], \
        [str(folder)]
