"""Search that finds playbooks it has never seen: Pagefind, plus one normalisation
shared by the build and the browser.

Pagefind (extended build, pinned in requirements.lock) indexes the built site after
MkDocs has written it: it segments Japanese at index time and the same way at query
time, and writes a fragmented index under site/pagefind/ that the browser loads a piece
at a time. What Pagefind cannot know is that 申し込み and 申込み, or 日報 and 業務日誌,
mean the same thing. `assets/search-terms.json` lists such groups; `concept_tokens`
gives a page one ASCII token per group it mentions (indexed, hidden from readers), and
the search worker (`assets/search-worker.js`) adds the same token for a query that
mentions the group. Both sides read the same file and apply the same rules.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

TERMS_FILE = Path(__file__).resolve().parent / "assets" / "search-terms.json"
EXCLUDE = (".kb-panel", ".kb-parts", ".kb-page-footer", ".kb-banner", ".headerlink",
           ".md-source-file", ".kb-confidential")
STUB = {"config": {"lang": ["ja"], "separator": r"[\s\-、。]+", "pipeline": []}, "docs": []}
_ASCII = re.compile(r"[0-9a-z&]+")


def normalise(text: str) -> str:
    """NFKC (full-width Latin and digits, half-width katakana) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def token(kind: str, index: int) -> str:
    """A fixed-length ASCII word per group: Pagefind matches query words as prefixes,
    so no token may be the prefix of another (qqs + three letters)."""
    a, rest = divmod(index, 26 * 26)
    b, c = divmod(rest, 26)
    return f"qq{kind}" + "".join(chr(97 + n) for n in (a, b, c))


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, tuple[re.Pattern[str] | str, ...]], ...]:
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    groups = []
    for kind, key in (("v", "variants"), ("s", "synonyms")):
        for index, members in enumerate(data[key]):
            matchers = tuple(_matcher(normalise(m)) for m in members)
            groups.append((token(kind, index), matchers))
    return tuple(groups)


def _matcher(member: str) -> re.Pattern[str] | str:
    """Latin words match whole words (x is not the x of excel); Japanese matches inside
    compounds (日報 in 作業日報)."""
    if _ASCII.fullmatch(member):
        return re.compile(rf"(?<![0-9a-z]){re.escape(member)}(?![0-9a-z])")
    return member


def concept_tokens(text: str) -> list[str]:
    """The token of every group that `text` mentions, in file order."""
    text = normalise(text)
    found = []
    for name, matchers in _groups():
        if any(m.search(text) if isinstance(m, re.Pattern) else m in text for m in matchers):
            found.append(name)
    return found


def pagefind_executable() -> Path:
    from pagefind_bin_extended import get_executable  # the binary ships in the wheel

    return get_executable()


def pagefind_command(site_dir: Path, output_subdir: str = "pagefind") -> list[str]:
    return [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir",
            output_subdir, "--force-language", "ja", "--silent",
            "--exclude-selectors", ", ".join(EXCLUDE)]


def index_site(site_dir: Path) -> None:
    """Pagefind over the built site, into site/pagefind/; Material's own index becomes a
    stub so its search box and keyboard stay, and nothing large is downloaded."""
    with tempfile.TemporaryDirectory() as cwd:  # no pagefind.yml of anyone else is read
        subprocess.run(pagefind_command(site_dir), cwd=cwd, check=True, capture_output=True)
    stub = site_dir / "search" / "search_index.json"
    if stub.parent.is_dir():
        stub.write_text(json.dumps(STUB, ensure_ascii=False), encoding="utf-8")


_PAGEFIND_ATTR = re.compile(r"data-pagefind-", re.IGNORECASE)


def unmark(html: str) -> str:
    """Contributors' pages may not steer the index (data-pagefind-weight, -meta, -ignore):
    every Pagefind attribute in their HTML is renamed before the theme adds its own."""
    return _PAGEFIND_ATTR.sub("data-kb-unmarked-", html)
