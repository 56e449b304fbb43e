"""`.github/CODEOWNERS` from the taxonomy: who reviews which playbook.

Each playbook folder is owned by the `owners` of its department; the build code,
the site configuration and the taxonomy itself by the `maintainers`. A playbook
whose department has no owners falls back to the maintainers, so that every pull
request has a reviewer. Pure and deterministic: the same catalog, the same text.

The file has two kinds of lines. Those that follow `taxonomy.yml` (maintainers, each
department's owners, written as comments) change only when a maintainer edits the
taxonomy: the `codeowners` rule checks them. The per-playbook lines follow the
playbooks; `.github/workflows/update-generated.yml` rewrites them on main after a merge, so
a champion adding a playbook never has to touch this file (until then `/playbooks/`
falls to the maintainers, so a new playbook still has a reviewer).
"""

from __future__ import annotations

import re

from ..model import Catalog

CODEOWNERS_FILE = ".github/CODEOWNERS"
MAINTAINED = ("/.github/", "/hooks/", "/mkdocs.yml", "/playbooks/taxonomy.yml",
              "/pyproject.toml", "/requirements.lock")
# GitHub accepts @user, @org/team and e-mail addresses.
OWNER = re.compile(r"^(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+)\Z")

_HEADER = """\
# このファイルは playbooks/taxonomy.yml から自動生成されます。手で編集しないでください。
# 部門の owners や maintainers を変えたら `playbook-kb codeowners --write` で更新します。
# Generated from playbooks/taxonomy.yml by `playbook-kb codeowners --write`. Do not edit.
# GitHub uses the LAST matching line, so the more specific lines come later.
"""


def codeowners(catalog: Catalog) -> str:
    """The CODEOWNERS text for the catalog."""
    taxonomy = catalog.taxonomy
    maintainers = taxonomy.maintainers
    lines = [_HEADER, "# サイトの仕組み（maintainers）/ Build code and configuration"]
    lines += [_line(path, maintainers) for path in MAINTAINED]
    lines.append("\n# 部門の owners（taxonomy.yml）/ Department owners")
    lines += [f"# {_line(term.key + ':', term.owners or maintainers)}"
              for term in taxonomy.departments]
    lines.append("\n# プレイブック（部門の owners、main で自動更新）/ Playbooks, updated on main")
    lines.append(_line("/playbooks/", maintainers))  # a new playbook until the update
    for playbook in sorted(catalog.playbooks, key=lambda p: p.slug):
        if not playbook.slug_ok:  # an invalid folder name is never published either
            continue
        department = taxonomy.department(playbook.meta.department)
        owners = department.owners if department and department.owners else maintainers
        lines.append(_line(f"/{playbook.rel_dir}/", owners))
    return "\n".join(lines) + "\n"


PLAYBOOK_LINE = re.compile(r"^/playbooks/[a-z0-9-]+/(?: |$)")


def taxonomy_lines(text: str) -> list[str]:
    """The lines that follow taxonomy.yml: everything but the per-playbook lines."""
    return [line for line in text.replace("\r\n", "\n").split("\n")
            if not PLAYBOOK_LINE.match(line)]


def _line(pattern: str, owners: tuple[str, ...]) -> str:
    # An owner GitHub would not accept is left out (the codeowners rule says so): a value
    # with a line break in it must never add a line of its own to the file.
    return " ".join((pattern, *(o for o in owners if OWNER.fullmatch(o)))).rstrip()
