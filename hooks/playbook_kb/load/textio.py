"""Read contributor files the way Windows editors and Japanese tools write them."""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".csv", ".yml", ".yaml", ".json"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Decoded:
    text: str | None  # normalised: no BOM, LF line endings; None when not UTF-8
    bad_line: int = 0  # where the first invalid byte sits, when text is None


def decode(data: bytes) -> Decoded:
    """UTF-8 with or without BOM, CRLF or CR line endings, into plain LF text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Decoded(None, data.count(b"\n", 0, exc.start) + 1)
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True)
class Split:
    front: str | None  # YAML text between the fences, None when absent
    body: str
    body_line: int  # 1-based line of the body's first line in the file


def split_front_matter(text: str) -> Split:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Split(None, text, 1)
    return Split(match.group(1) or "", text[match.end():], text.count("\n", 0, match.end()) + 1)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})")


def mask_code(text: str) -> str:
    """Blank out fenced blocks and inline code, keeping offsets and line numbers.

    Checks for links and raw HTML look at what Markdown renders as markup; code is
    shown escaped, so a prompt that talks about `<script>` is not a finding.
    """
    if "`" not in text and "~~~" not in text:
        return text
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")
            out.append(" " * len(line))
        elif fence is not None:
            closing = match and match.group("fence")[0] == fence[0] and len(
                match.group("fence")) >= len(fence) and not line.strip().strip(fence[0])
            if closing:
                fence = None
            out.append(" " * len(line))
        else:
            out.append(_INLINE_CODE.sub(_blank, line) if "`" in line else line)
    return "\n".join(out)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)


def find_links(masked: str) -> list[tuple[str, int]]:
    """(url, offset) of every link, image and HTML href/src in text with code masked."""
    lowered = masked.lower()  # case-insensitive search is slow: look for it first
    patterns = [_INLINE_LINK] if "](" in masked else []
    patterns += [_REFERENCE_LINK] if "]:" in masked else []
    patterns += [_HTML_LINK] if "href" in lowered or "src" in lowered else []
    return [(match.group(1), match.start(1))
            for pattern in patterns for match in pattern.finditer(masked)]
