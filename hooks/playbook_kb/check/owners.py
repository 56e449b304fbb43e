"""`.github/CODEOWNERS` follows the taxonomy: owners that GitHub accepts, a file up to date."""

from __future__ import annotations

from collections.abc import Iterator

from ..derive.codeowners import CODEOWNERS_FILE, OWNER, codeowners
from ..findings import Finding, warning
from ..load.taxonomy import TAXONOMY_FILE
from ..model import Catalog
from .registry import catalog_rule

_FORMS = "@ユーザー名、@組織名/チーム名、またはメールアドレス（例: @example-co/sales-champions）"


@catalog_rule("codeowners")
def codeowners_up_to_date(catalog: Catalog) -> Iterator[Finding]:
    taxonomy = catalog.taxonomy
    for owner in taxonomy.maintainers:
        if not OWNER.fullmatch(owner):
            yield warning("codeowners", TAXONOMY_FILE, 0,
                          f"maintainers の「{owner}」は GitHub のオーナー形式ではありません。"
                          f"{_FORMS}")
    for term in taxonomy.departments:
        for owner in term.owners:
            if not OWNER.fullmatch(owner):
                yield warning("codeowners", TAXONOMY_FILE, term.line,
                              f"部門「{term.key}」の owners「{owner}」は GitHub のオーナー形式では"
                              f"ありません。{_FORMS}")
    path = catalog.root / CODEOWNERS_FILE
    if not path.is_file() or catalog.settings.preview:  # no CODEOWNERS, or a partial catalog
        return
    current = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    if current != codeowners(catalog):
        yield warning("codeowners", CODEOWNERS_FILE, 0,
                      "CODEOWNERS が taxonomy.yml やプレイブックの一覧と合っていません。"
                      "`playbook-kb codeowners --write` を実行して、"
                      "更新したファイルをコミットしてください。")
