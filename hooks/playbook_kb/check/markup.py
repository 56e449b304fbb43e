"""Check mode = build mode: render a playbook file as the site does, sanitize, report.

`markup_removals(text)` renders Markdown with the site's extensions (the list below is
mkdocs.yml's `markdown_extensions`; a test keeps the two equal), runs the sanitizer the
build runs, and returns what it removed with the line it came from. A file with none of
the few constructs that can produce something the sanitizer removes is not rendered at
all (`may_change`), which keeps `playbook-kb check` fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .sanitize import ADMONITION_TYPES, Removal, removals

EXTENSIONS = ("toc", "tables", "fenced_code",  # MkDocs always adds these three
              "admonition", "attr_list", "md_in_html", "pymdownx.details",
              "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences",
              "pymdownx.tasklist", "pymdownx.tabbed")


def configs() -> dict:
    """mkdocs.yml's options for those extensions."""
    from pymdownx.slugs import slugify
    from pymdownx.superfences import fence_code_format

    return {
        "toc": {"permalink": True, "slugify": slugify(case="lower")},
        "pymdownx.highlight": {"anchor_linenums": False},
        "pymdownx.superfences": {"custom_fences": [
            {"name": "mermaid", "class": "mermaid", "format": fence_code_format}]},
        "pymdownx.tasklist": {"custom_checkbox": True},
        "pymdownx.tabbed": {"alternate_style": True},
    }


@lru_cache(maxsize=1)
def _markdown():  # imported only when a file needs rendering: most checks never do
    import markdown

    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=configs())


def render_markdown(text: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(text)


@dataclass(frozen=True)
class Located:
    line: int  # 1-based, in the text given
    removal: Removal


def markup_removals(text: str) -> list[Located]:
    """What the build's sanitizer removes from this Markdown, each with its line."""
    if not may_change(text):
        return []
    found = removals(render_markdown(text))
    cursor: dict[str, int] = {}
    return [Located(_line(text, removal, cursor), removal) for removal in found]


# --- the pre-check --------------------------------------------------------------------
# Python-Markdown writes markup the sanitizer would change only from: raw HTML and
# autolinks (both need "<"), attribute lists and fence attributes (need "{" where
# attr_list looks, see _attribute_list), admonition
# and details class names ("!!! x", "??? x"), and link or image URLs. Code is shown as
# text, so braces inside unambiguous code spans and inside top-level
# fences (opened and closed at column 0 after a blank line) do not count. Everything else
# the extensions write is on the allowlist (tests/security/test_sanitizer_properties.py).
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)(.*)$", re.M)
_ADMONITION_OK = re.compile(r"\s+([a-z]+)(?:\s+\"[^\"]*\")?\s*")
_URL = re.compile(r"\](?:\(|:)\s*(\S*)")
_PLAIN_URL = re.compile(r"(?:https?://|mailto:)?[^\s:<>\"'&\\{}\x00-\x1f\x7f]*")


def may_change(text: str) -> bool:
    """False only when the sanitizer cannot change this Markdown's HTML (but for ids)."""
    if "<" in text:
        return True
    if "{" in text:  # only braces need code told apart (prompts are full of {{x}})
        plain = _outside_code(text) if "`" in text or "~~~" in text else text
        if "{" in plain and _attribute_list(plain):
            return True
    if "!!!" in text or "???" in text:  # the rest looks at the whole text, code too
        for match in _ADMONITION.finditer(text):
            kind = _ADMONITION_OK.fullmatch(match.group(1))
            if not kind or kind.group(1) not in ADMONITION_TYPES:
                return True
    if "](" not in text and "]:" not in text:
        return False
    for match in _URL.finditer(text):
        url = match.group(1)
        if match.group().startswith("]("):
            url, rest = _link_destination(text, match.start(1))
            if not re.match(r"[ \t]*[)\"'(]", rest):
                return True  # the URL goes on past a line break or a space: [x](java\nscript:)
        if not _PLAIN_URL.fullmatch(url):
            return True
        if "![" in text and (":" in url or url.startswith("//")):
            return True  # maybe an image from another host
    return False


_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_HEADING = re.compile(r" {0,3}#{1,6}")


def _attribute_list(plain: str) -> bool:
    """A `{` where attr_list may read one: its three patterns need the brace at a line's
    start (BLOCK_RE), after a space inside an element's text (HEADER_RE, for headings and
    table cells), or right after an inline element (INLINE_RE: emphasis, code, a link or
    image, inline HTML). Only a brace opening a heading's or a table cell's text is safe:
    `| {{変数}} |`, the prompt-sheet variable tables."""
    lines = plain.split("\n")
    for number, line in enumerate(lines):
        start = 0
        while (index := line.find("{", start)) >= 0:
            start = index + 1
            before = line[:index].rstrip(" \t")
            if not before:
                return True
            if len(before) == index:  # no space: right after an inline element?
                if before[-1] in "*_`)]>~":
                    return True
                continue
            following = lines[number + 1] if number + 1 < len(lines) else ""
            heading = _HEADING.match(line) or _SETEXT.fullmatch(following)
            if _HEADING.fullmatch(before) or (before.endswith("|") and not before.endswith(
                    "\\|") and not heading):
                continue  # the first thing of a heading or of a table cell
            return True
    return False


def _link_destination(text: str, start: int) -> tuple[str, str]:
    """An inline link's URL (up to a space or the `)` closing it, nested parentheses
    kept) and the next characters after it."""
    depth, end = 0, start
    while end < len(text) and not text[end].isspace():
        if text[end] == "(":
            depth += 1
        elif text[end] == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return text[start:end], text[end:end + 8]


def _outside_code(text: str) -> str:
    """The text with top-level fenced blocks emptied and unambiguous code spans reduced to
    one backtick (still an inline element for attr_list). Anything unsure stays as it is,
    which can only make `may_change` say True more often."""
    lines, out, fence, blank, opened = text.split("\n"), [], None, True, 0
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match and blank:
            fence, opened = match.group(1), len(out)
            out.append(line)  # the opening line keeps its options: ``` { .class }
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            out.append("")
        else:
            out.append(line)
        blank = not line.strip()
    if fence is not None:  # never closed: Markdown does not read it as code
        out[opened:] = lines[opened:]
    return "\n\n".join(_code_spans(block) for block in "\n".join(out).split("\n\n"))


def _code_spans(block: str) -> str:
    """Python-Markdown pairs each backtick run with the next run of the same length, across
    the lines of a paragraph. When every run is one backtick, none is escaped, and every
    line has an even number of them, the pairs are those of each line: mask them."""
    if "`" not in block or "``" in block or "\\`" in block:
        return block
    if any(line.count("`") % 2 for line in block.split("\n")):
        return block
    return _SINGLE_SPAN.sub("`", block)


_SINGLE_SPAN = re.compile(r"`[^`\n]*`")


# --- where a removal came from ----------------------------------------------------------

def _line(text: str, removal: Removal, cursor: dict[str, int]) -> int:
    """The line of the n-th source spelling of a removed element or attribute.

    Markdown keeps no source positions, so the removal is looked up in the text: `<tag`
    for an element, `name=` for an attribute (raw HTML or an attribute list), the URL
    itself for a Markdown link. Each needle continues after its previous hit.
    """
    for needle in _needles(removal):
        key = needle.lower()
        match = re.compile(needle, re.I).search(text, cursor.get(key, 0))
        if match:
            cursor[key] = match.end()
            return text.count("\n", 0, match.start()) + 1
    return 1


def _needles(removal: Removal) -> list[str]:
    tag = removal.tag.split(":")[-1]
    if removal.kind == "element":
        return [rf"<\s*{re.escape(tag)}\b"]
    if removal.name == "class":  # .x in an attribute list, "!!! note x", class="x"
        return [r"(?<![\w-])" + re.escape(removal.value) + r"(?![\w-])"]
    name = rf"\b{re.escape(removal.name)}\s*="
    value = [re.escape(removal.value[:40])] if removal.value else []
    if removal.kind in ("url", "external"):  # a Markdown link has no `href=`
        return [*value, name, r"\]\(|\]:"]  # or the next link, when entities hide it
    return [name, *value, rf"\b{re.escape(removal.name)}\b"]
