"""The longest paragraph of a Markdown file, measured before anything renders it.

Python-Markdown's inline patterns (links, raw HTML) are quadratic in the length of one
paragraph: 12,000 characters of `[a](b ` take 2 s to render, 1 MB would take hours, in the
build and in check mode alike. Our own patterns are linear; Python-Markdown's are not
ours to change, so a Markdown file with a paragraph over MAX_PARAGRAPH characters is
refused (`file-size`) and neither rendered nor published. A paragraph here is a run of
non-blank lines outside fenced code; a list item, table row, heading or quote line
starts a new run (Python-Markdown renders each of them on its own), and one line always
counts whole. A fence that is never closed is text, as Markdown reads it.
"""

from __future__ import annotations

MAX_PARAGRAPH = 8_000  # characters; a long paragraph of prose is 1,500
_NEW_BLOCK = ("-", "*", "+", "|", "#", ">")


def long_paragraph(text: str, limit: int = MAX_PARAGRAPH) -> tuple[int, int] | None:
    """(first line, length) of the first paragraph over `limit` characters, or None."""
    if len(text) <= limit:  # nearly every file: no paragraph can be longer than it
        return None
    lines = text.split("\n")
    fenced = "```" in text or "~~~" in text
    fences = [_fence(line) for line in lines] if fenced else [""] * len(lines)
    after = _next_same(fences)
    start, length, close = 0, 0, -1
    for number, line in enumerate(lines):
        if close >= 0:
            if number == close:
                close = -1
            continue
        if fences[number] and after[number] >= 0:  # opens a fence that closes later
            close, length = after[number], 0
            continue
        stripped = line.strip()
        if not stripped:
            length = 0
            continue
        if length == 0 or stripped.startswith(_NEW_BLOCK) or stripped[:1].isdigit():
            start, length = number, 0
        length += len(line) + 1
        if length > limit:
            return start + 1, length
    return None


def _fence(line: str) -> str:
    stripped = line.lstrip(" ")
    for char in "`~":
        if stripped.startswith(char * 3):
            return char
    return ""


def _next_same(fences: list[str]) -> list[int]:
    """For each fence line, the next fence line of the same character (-1: none)."""
    after, seen = [-1] * len(fences), {"`": -1, "~": -1}
    for number in range(len(fences) - 1, -1, -1):
        if fences[number]:
            after[number] = seen[fences[number]]
            seen[fences[number]] = number
    return after
