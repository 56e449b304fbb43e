"""Active HTML in contributor text: found by the `unsafe-html` rule, neutralised in pages.

One parser serves both, so what the check reports is what the build removes. It reads
tags the way a browser does (html.parser: quoted `>` inside attributes, `<svg/onload>`,
character references in URLs), not with regular expressions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that run code, load other documents or restyle the whole page.
BLOCKED_TAGS = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "base",
                          "meta", "link", "style", "svg", "math", "applet", "form", "template"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "srcset", "cite", "longdesc"})
_SCHEME_NOISE = re.compile(r"[\s\x00-\x1f\x7f]+")
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.I)
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpe?g|gif|webp);", re.I)


def bad_url(value: str, tag: str = "a") -> bool:
    """A URL that runs script: `javascript:` however it is spelled or encoded."""
    plain = _SCHEME_NOISE.sub("", html.unescape(value))
    if tag == "img" and _SAFE_DATA_IMAGE.match(plain):
        return False
    return bool(_BAD_SCHEME.match(plain))


@dataclass(frozen=True)
class Problem:
    offset: int  # in the text given
    what: str  # catalog key of the finding's subject: "html.tag", "html.event", ...
    tag: str = ""  # for "html.tag": "<script> タグ"


def problems(text: str) -> list[Problem]:
    """Every piece of active HTML in a text (Markdown with code blanked out, or HTML)."""
    parser = _Parser(text)
    return parser.problems


# Anything the parser could act on, spelled as loosely as a browser reads it. Pages
# without any of it (most pages) are returned as they are, without a Python parse.
_MAYBE_ACTIVE = re.compile(
    r"<\s*/?\s*(?:" + "|".join(sorted(BLOCKED_TAGS)) + r")\b"  # a blocked element
    r"|[\s/\"']on[a-z]+\s*="  # an event handler, however the attributes are separated
    r"|s\s*c\s*r\s*i\s*p\s*t\s*[:&]|d\s*a\s*t\s*a\s*[:&]"  # javascript:, data:
    r"|&(?!(?:amp|lt|gt|quot|#39|#x27|nbsp|para|copy|hellip|times|rarr);)",  # other references
    re.I)


def neutralize(text: str) -> str:
    """The same HTML with active parts turned into visible text or dropped."""
    if not _MAYBE_ACTIVE.search(text):
        return text
    return _Parser(text).output()


class _Parser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[Problem] = []
        self._out: list[str] = []
        self._lines = [0]
        self._lines.extend(m.end() for m in re.finditer("\n", text))
        self._raw_text = False  # inside a blocked <script>/<style>: everything is text
        self.feed(text)
        # An unfinished tag at the end (`<img src=x onerror=...` with no `>`) would join
        # the theme's next tag in the browser: it stays text.
        leftover, self.rawdata = self.rawdata, ""
        if re.match(r"<[a-zA-Z/!?]", leftover):
            self.problems.append(Problem(len(text) - len(leftover), "html.unclosed"))
        self._out.append(html.escape(leftover, quote=False))
        self.close()

    def output(self) -> str:
        return "".join(self._out)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " /")

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        raw = self.get_starttag_text() or ""
        if tag in BLOCKED_TAGS:
            self.problems.append(Problem(self._offset(), "html.tag", tag))
            self._out.append(html.escape(raw))
            self._raw_text = tag in ("script", "style") and not close
            return
        kept = []
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(Problem(self._offset(), "html.event"))
            elif name in URL_ATTRIBUTES and value is not None and bad_url(value, tag):
                self.problems.append(Problem(self._offset(), "html.javascript"))
            else:
                kept.append(name if value is None else f'{name}="{html.escape(value)}"')
        self._out.append(f"<{' '.join([tag, *kept])}{close}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKED_TAGS:
            self._raw_text = False
            self._out.append(html.escape(f"</{tag}>"))
        else:
            self._out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._out.append(html.escape(data, quote=False) if self._raw_text else data)

    def handle_entityref(self, name: str) -> None:
        self._out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._out.append(html.escape(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self._out.append(html.escape(f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self._out.append(html.escape(f"<![{data}]>"))


_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")  # attr_list: [x](y){ onclick="..." }
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")


def markdown_problems(masked: str, links: Iterator[tuple[str, int]]) -> Iterator[Problem]:
    """Active HTML in Markdown source (code masked), `javascript:` Markdown links, and
    event handlers or script URLs set through attribute lists."""
    yield from problems(masked)
    for url, offset in links:
        if bad_url(url):
            yield Problem(offset, "html.javascript")
    for block in _ATTR_LIST.finditer(masked):
        for name, value in _ATTR.findall(block.group(1)):
            if name.lower().startswith("on"):
                yield Problem(block.start(), "html.event")
            elif name.lower() in URL_ATTRIBUTES and bad_url(value.strip("\"'")):
                yield Problem(block.start(), "html.javascript")
