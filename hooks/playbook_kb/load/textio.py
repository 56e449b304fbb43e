"""Read contributor files the way Windows editors and Japanese tools write them."""

from __future__ import annotations

import bisect
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


class Lines:
    """Line numbers of many offsets in one text: one pass, then a binary search each
    (line_of per finding would read the text again for every finding)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        index = text.find("\n")
        while index >= 0:
            self._starts.append(index + 1)
            index = text.find("\n", index + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


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
            out.append(_mask_inline_code(line) if "`" in line else line)
    return "\n".join(out)


_BACKTICKS = re.compile(r"`+")


def _mask_inline_code(line: str) -> str:
    """Blank each code span: a run of backticks up to the next run of the same length.

    One pass: runs are listed once and each is paired with the next run of its length
    through a table built from the right (a regex with a lazy `.+?` and a back-reference
    read the rest of the line again from every unmatched run)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    following: list[int] = [-1] * len(runs)
    seen: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = seen.get(length, -1)
        seen[length] = index
    spans, index = [], 0
    while index < len(runs):
        close = following[index]
        if close < 0:
            index += 1
            continue
        spans.append((runs[index][0], runs[close][1]))
        index = close + 1
    if not spans:
        return line
    out, last = [], 0
    for start, end in spans:
        out += [line[last:start], " " * (end - start)]
        last = end
    return "".join(out) + line[last:]


# Each repeat stops at the character a new match could start with (`[`, a quote, `(`),
# so no text is read again from every opening bracket: linear on any input.
_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?"
                          r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]*<?([^\s<>]+)>?(?=\s|\Z)", re.M)
_HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)


def find_links(masked: str) -> list[tuple[str, int]]:
    """(url, offset) of every link, image and HTML href/src in text with code masked."""
    lowered = masked.lower()  # case-insensitive search is slow: look for it first
    patterns = [_INLINE_LINK] if "](" in masked else []
    patterns += [_REFERENCE_LINK] if "]:" in masked else []
    patterns += [_HTML_LINK] if "href" in lowered or "src" in lowered else []
    return [(match.group(1), match.start(1))
            for pattern in patterns for match in pattern.finditer(masked)]
