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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TERMS_FILE = Path(__file__).resolve().parent / "assets" / "search-terms.json"
EXCLUDE = (".kb-panel", ".kb-parts", ".kb-page-footer", ".kb-banner", ".headerlink",
           ".md-source-file", ".kb-confidential")
STUB = {"config": {"lang": ["ja"], "separator": r"[\s\-、。]+", "pipeline": []}, "docs": []}
_ASCII = re.compile(r"[0-9a-z&]+")


def normalise(text: str) -> str:
    """NFKC (full-width Latin and digits, half-width katakana) and lower case.

    CPython's NFKC costs about 0.1 µs a character, most of page generation's search
    work at 2,000 playbooks; Japanese prose is mostly characters NFKC keeps, so only the
    runs of other characters are normalised, each with the character before it (a
    half-width ﾞ or a combining mark joins the kana before it)."""
    pieces, done = [], 0
    for match in _UNSTABLE_RUN.finditer(text):
        start = max(match.start() - 1, done)
        pieces += (text[done:start], unicodedata.normalize("NFKC", text[start:match.end()]))
        done = match.end()
    pieces.append(text[done:])
    return "".join(pieces).lower()


# Characters NFKC leaves as they are and that never compose with the next one:
# ASCII, kana, ー・、。「」『』, CJK unified ideographs (compatibility ones are F900-FAFF).
_STABLE = "\t\n\r\x20-\x7e\u3001\u3002\u300c-\u300f\u3041-\u3096\u30a1-\u30fc\u4e00-\u9fff"
_UNSTABLE_RUN = re.compile(f"[^{_STABLE}]+")


def token(kind: str, index: int) -> str:
    """A fixed-length ASCII word per group: Pagefind matches query words as prefixes,
    so no token may be the prefix of another (qqs + three letters)."""
    a, rest = divmod(index, 26 * 26)
    b, c = divmod(rest, 26)
    return f"qq{kind}" + "".join(chr(97 + n) for n in (a, b, c))


_WORD = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class _Group:
    token: str
    words: frozenset[str]  # Latin words: whole words only (x is not the x of excel)
    patterns: tuple[re.Pattern[str], ...]  # Latin with `&` (q&a): the same, by a pattern
    inner: tuple[str, ...]  # Japanese: inside compounds too (日報 in 作業日報)


@lru_cache(maxsize=1)
def _groups() -> tuple[_Group, ...]:
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    groups = []
    for kind, key in (("v", "variants"), ("s", "synonyms")):
        for index, members in enumerate(data[key]):
            members = [normalise(m) for m in members]
            latin = [m for m in members if _ASCII.fullmatch(m)]
            groups.append(_Group(
                token(kind, index), frozenset(m for m in latin if _WORD.fullmatch(m)),
                tuple(re.compile(rf"(?<![0-9a-z]){re.escape(m)}(?![0-9a-z])")
                      for m in latin if not _WORD.fullmatch(m)),
                tuple(m for m in members if not _ASCII.fullmatch(m))))
    return tuple(groups)


def concept_tokens(text: str) -> list[str]:
    """The token of every group that `text` mentions, in file order. A Latin member
    is a whole word exactly when it is one of the text's maximal [0-9a-z] runs, so one
    pass collects those and each group is a set lookup; Japanese members are found by
    `_japanese_members`."""
    text = normalise(text)
    words = set(_WORD.findall(text))
    found = _japanese_members(text)
    return [group.token for group in _groups()
            if not group.words.isdisjoint(words) or not found.isdisjoint(group.inner)
            or any(p.search(text) for p in group.patterns)]


def _japanese_members(text: str) -> set[str]:
    """Every Japanese member that occurs in `text`, overlapping ones included, in one
    scan instead of a substring search per member: at every position where a member
    starts the alternation (longest first) names the longest one there, and each found
    member brings the members inside it (日報 inside 業務日報)."""
    pattern, inside = _member_scan()
    found: set[str] = set()
    match = pattern.search(text)
    while match is not None:
        found |= inside[match.group()]
        match = pattern.search(text, match.start() + 1)
    return found


@lru_cache(maxsize=1)
def _member_scan() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    members = sorted({m for group in _groups() for m in group.inner}, key=len, reverse=True)
    inside = {m: frozenset(n for n in members if n in m) for m in members}
    return re.compile("|".join(map(re.escape, members))), inside


def pagefind_executable() -> Path:
    from pagefind_bin_extended import get_executable  # the binary ships in the wheel

    return get_executable()


def pagefind_command(pages_dir: Path, output: Path) -> list[str]:
    return [str(pagefind_executable()), "--site", str(pages_dir), "--output-path",
            str(output), "--force-language", "ja", "--silent",
            "--exclude-selectors", ", ".join(EXCLUDE)]


# What hooks/overrides/main.html writes around the part of a page the index reads.
INDEX_START = "<div data-pagefind-body>"
INDEX_END = "<!--/kb:pagefind-body-->"


def index_document(html: str) -> str | None:
    """What Pagefind needs of a built page, or None for a page it does not index: the
    page's <title> and the part main.html marks (its data-pagefind-body) in a minimal
    document.

    Once a site has a data-pagefind-body, Pagefind reads nothing else of a page but the
    <title> (its fallback title when the body has no <h1>), so the index built from these
    documents is byte for byte the one built from the whole site (a test compares), and
    Pagefind parses a fifth less: Material's header, nav and footer. The part starts at
    the first marker after <body (Material may put the text in <title>) and ends at the
    last end marker (a hand-written page may show one). Contributors cannot open or end
    it: their data-pagefind-* attributes are renamed (`unmark`) and their comments
    dropped (check/sanitize.py)."""
    body = html.find("<body")
    start = html.find(INDEX_START, body) if body >= 0 else -1
    end = html.rfind(INDEX_END)
    if start < 0 or end < start:
        return None
    title_start, title_end = html.find("<title>", 0, body), html.find("</title>", 0, body)
    title = html[title_start:title_end + len("</title>")] if 0 <= title_start < title_end \
        else ""
    return (f'<!doctype html><html lang="ja"><head><meta charset="utf-8">{title}</head>'
            f"<body>{html[start:end]}</body></html>\n")


def write_index_document(pages_dir: Path, rel: str, html: str) -> None:
    """The index document of the built page `html` at `pages_dir`/`rel`, if it has one."""
    document = index_document(html)
    if document is not None:
        target = pages_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")


def write_index_documents(site_dir: Path, pages_dir: Path) -> None:
    """The index document of every built page that has none in `pages_dir` yet: all of
    them for the benchmark, the pages a `--dirty` build did not write again for the
    build (MkDocs skips them, so `on_post_page` never saw them)."""
    for page in site_dir.rglob("*.html"):
        rel = page.relative_to(site_dir).as_posix()
        if not (pages_dir / rel).exists():
            write_index_document(pages_dir, rel,
                                 page.read_text(encoding="utf-8", errors="replace"))


def index_site(site_dir: Path, pages_dir: Path) -> None:
    """Pagefind over the index documents of the built site (`index_document`, written to
    `pages_dir` at each page's path) into site/pagefind/; Material's own index becomes a
    stub so its search box and keyboard stay, and nothing large is downloaded."""
    with tempfile.TemporaryDirectory() as cwd:  # no pagefind.yml of anyone else is read
        subprocess.run(pagefind_command(pages_dir, site_dir / "pagefind"), cwd=cwd,
                       check=True, capture_output=True)
    stub = site_dir / "search" / "search_index.json"
    if stub.parent.is_dir():
        stub.write_text(json.dumps(STUB, ensure_ascii=False), encoding="utf-8")


_PAGEFIND_ATTR = re.compile(r"data-pagefind-", re.IGNORECASE)


def unmark(html: str) -> str:
    """Contributors' pages may not steer the index (data-pagefind-weight, -meta, -ignore):
    every Pagefind attribute in their HTML is renamed before the theme adds its own."""
    return _PAGEFIND_ATTR.sub("data-kb-unmarked-", html)
