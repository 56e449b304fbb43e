"""`.github/CODEOWNERS` follows the taxonomy: owners that GitHub accepts, a file up to date."""

from __future__ import annotations

from collections.abc import Iterator

from ..derive.codeowners import CODEOWNERS_FILE, OWNER, codeowners, taxonomy_lines
from ..findings import Finding, warning
from ..i18n import text
from ..load.taxonomy import TAXONOMY_FILE
from ..model import Catalog
from .registry import catalog_rule


@catalog_rule("codeowners")
def codeowners_up_to_date(catalog: Catalog) -> Iterator[Finding]:
    taxonomy, lang = catalog.taxonomy, catalog.settings.lang
    forms = text(lang, "owners.forms")
    for owner in taxonomy.maintainers:
        if not OWNER.fullmatch(owner):
            yield warning("codeowners", TAXONOMY_FILE, 0,
                          text(lang, "owners.bad_maintainer", owner=owner, forms=forms))
    for term in taxonomy.departments:
        for owner in term.owners:
            if not OWNER.fullmatch(owner):
                yield warning("codeowners", TAXONOMY_FILE, term.line, text(
                    lang, "owners.bad_owner", key=term.key, owner=owner, forms=forms))
    path = catalog.root / CODEOWNERS_FILE
    if not path.is_file() or catalog.settings.preview:  # no CODEOWNERS, or a partial catalog
        return
    # Only a maintainer's change (taxonomy.yml) is reported: the per-playbook lines are
    # rewritten on main after a merge (.github/workflows/update-generated.yml).
    current = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    if taxonomy_lines(current) != taxonomy_lines(codeowners(catalog)):
        yield warning("codeowners", CODEOWNERS_FILE, 0, text(lang, "owners.outdated"))
