"""The allowlist sanitizer: contributor HTML keeps only what Markdown writes.

One policy, run by nh3 (ammonia on the html5ever parser, which parses as browsers do):
the elements, attributes, classes and URLs that Python-Markdown and the site's
extensions produce (see `markup.EXTENSIONS`). Everything else is dropped, never
"recognised and removed". `removals()` says what `sanitize()` took out of a text, so the
`unsafe-html` rule reports exactly what the build removes.

Contributor `id`, `name` and label `for` values get the prefix `user-content-` (as
GitHub does), so no contributor element can shadow `#__config` or a `document.*` /
`window.*` name the theme or the site's scripts read; in-page links `#x` follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

import nh3
from pygments.token import STANDARD_TYPES

PREFIX = "user-content-"

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "var",
})
# Dropped with everything inside: raw-text and foreign-content elements (whose insides a
# browser parses differently from the rest), embedded documents, forms' option lists.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
    "title", "plaintext", "template", "svg", "math", "object", "embed", "applet", "frameset",
    "frame", "select", "audio", "video",
})
ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href", "name", "target"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "td": {"colspan", "rowspan", "style"},
    "details": {"open"},
    "div": {"data-tabs"},  # pymdownx.tabbed (alternate style)
    "ol": {"start", "type"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
})
CLASSES = ADMONITION_TYPES | frozenset(filter(None, STANDARD_TYPES.values())) | frozenset({
    "admonition", "admonition-title", "inline", "end",  # admonition, details
    "headerlink", "toclink",  # toc
    "highlight", "highlighttable", "linenos", "linenodiv", "normal", "special", "code",
    "filename", "hll",  # pymdownx.highlight, inlinehilite
    "mermaid",  # superfences custom fence
    "task-list", "task-list-item", "task-list-control", "task-list-indicator",  # tasklist
    "tabbed-set", "tabbed-alternate", "tabbed-labels", "tabbed-content", "tabbed-block",
    "md-button", "md-button--primary",  # Material's documented link buttons
})
_LANGUAGE = re.compile(r"language-[\w#.+-]{1,40}")  # fenced code: ```python
_ALIGN = re.compile(r"text-align: (?:left|right|center);")  # tables: column alignment
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL


def _local(url: str) -> bool:
    """A URL on this site: a relative path, never another host (`//host`, `http:`)."""
    url = _URL_NOISE.sub("", url).strip("\x00-\x20")
    return not _SCHEME.match(url) and not re.match(r"[/\\]{2}", url)


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Value-level rules for the attributes the allowlist keeps (nh3 calls this)."""
    if name in ("id", "name", "for"):
        return value if value.startswith(PREFIX) else PREFIX + value
    if name == "href":
        if value.startswith("#") and not value.startswith("#" + PREFIX):
            return "#" + PREFIX + value[1:]
        return value
    if name == "class":
        kept = [c for c in value.split() if c in CLASSES or _LANGUAGE.fullmatch(c)]
        return " ".join(kept) or None
    if name == "src":
        return value if _local(value) else None
    if name == "style":
        return value if _ALIGN.fullmatch(value.strip()) else None
    if name == "title":
        return None if "<" in value else value  # Material's tooltips use innerHTML
    if name == "type" and tag == "input":
        return value if value.lower() in ("checkbox", "radio") else "checkbox"
    if name == "target":
        return value if value == "_blank" else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute, strip_comments=True, link_rel=None,
    url_schemes=set(URL_SCHEMES),
)


def sanitize(html: str) -> str:
    """The HTML a browser may show of contributor markup: allowlisted, ids prefixed."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Removal:
    """One thing `sanitize` took out: an element, an attribute, or a URL."""

    kind: str  # "element" | "attribute" | "url" | "external"
    tag: str  # the element concerned
    name: str = ""  # the attribute, for attribute/url/external
    value: str = ""  # the attribute's value as the browser reads it

    @property
    def rule(self) -> str:
        return "external-resource" if self.kind == "external" else "unsafe-html"


def removals(html: str) -> list[Removal]:
    """What `sanitize(html)` removes, in document order.

    Both texts are parsed by an HTML5 parser (html5lib, scripting on, as in a browser)
    and their element names aligned in document order (difflib): input elements with no
    partner were removed, and matched pairs are compared attribute by attribute. Elements
    only the output has (a parser closing what the input left open) are ignored.
    """
    before = _elements(html)
    after = _clean_elements(sanitize(html))
    matcher = SequenceMatcher(None, [e[1] for e in before], [e[1] for e in after],
                              autojunk=False)
    found: list[Removal] = []
    skip_until = -1
    for op, b1, b2, a1, _ in matcher.get_opcodes():
        for index in range(b1, b2):
            if index < skip_until:
                continue  # inside an element dropped with its content: reported once
            end, tag, attrs = before[index]
            if op == "equal":
                found.extend(_attribute_removals(tag, attrs, after[a1 + index - b1][2]))
                continue
            found.append(Removal("element", tag))
            if tag.split(":")[-1] in DROPPED_WITH_CONTENT:
                skip_until = end
    return found


def _attribute_removals(tag: str, before: dict[str, str],
                        after: dict[str, str]) -> list[Removal]:
    found = []
    for name, value in before.items():
        if name == "class":
            dropped = set(value.split()) - set(after.get("class", "").split())
            found.extend(Removal("attribute", tag, "class", c) for c in sorted(dropped))
        elif name not in after:
            kind = "attribute"
            if name in ("href", "src"):
                external = tag == "img" and name == "src" and not _bad_scheme(value)
                kind = "external" if external else "url"
            found.append(Removal(kind, tag, name, value))
    return found


def _bad_scheme(url: str) -> bool:
    """A URL no element may use (javascript:, data:, ...), as opposed to another host."""
    url = _URL_NOISE.sub("", url).strip("\x00-\x20")
    match = _SCHEME.match(url)
    return bool(match) and match.group()[:-1].lower() not in URL_SCHEMES


class _StartTags(HTMLParser):
    """Start tags in order. Enough for the sanitizer's own output, and only for it: that
    is well-formed and holds no raw-text element, so this reads it as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((0, tag, {k: v or "" for k, v in attrs}))


def _clean_elements(html: str) -> list[tuple[int, str, dict[str, str]]]:
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.found


def _elements(html: str) -> list[tuple[int, str, dict[str, str]]]:
    """(index after its last descendant, name, attributes) of each element, in order."""
    import html5lib  # only check mode compares trees; the build never needs it

    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False,
                                      scripting=True)  # as browsers (and html5ever) parse
    out: list[tuple[int, str, dict[str, str]]] = []

    def walk(node) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue  # a comment
            tag = child.tag
            if tag.startswith("{"):  # svg/math: keep the name, mark the namespace
                namespace, _, local = tag[1:].partition("}")
                tag = ("svg:" if "svg" in namespace else "math:") + local
            slot = len(out)
            out.append((0, tag, {str(k): v for k, v in child.attrib.items()}))
            walk(child)
            out[slot] = (len(out), tag, out[slot][2])

    walk(fragment)
    return out


# A playbook page is the engine's own HTML (parts nav, banner, panel, footer: templates,
# contributor values escaped) around the contributor's Markdown. The template marks where
# the contributor's part starts and ends; only that part is contributor markup. A TITLE
# slot before it receives the part's leading <h1> once sanitized: the contributor's title
# shows above the engine's summary and nav without ever leaving the sanitizer.
START, END = "<!--kb:contributor-->", "<!--/kb:contributor-->"
TITLE = "<!--kb:title-->"


def sanitize_page(html: str) -> str:
    """A rendered playbook page with its contributor part sanitized.

    The first START and the last END are the engine's: before the first START and after
    the last END there is only engine HTML, where contributor text is escaped and cannot
    spell a marker. A marker a contributor writes lies between them and is dropped with
    the other comments. Without both markers the whole page is sanitized. The first
    TITLE before START, if any, is replaced by the sanitized part's leading <h1> (its id
    prefixed like every other), or by nothing.
    """
    start, end = html.find(START), html.rfind(END)
    if start < 0 or end < start:
        return sanitize(html)
    head, inner, tail = html[:start], sanitize(html[start + len(START):end]), html[end + len(END):]
    slot = head.find(TITLE)
    if slot >= 0:
        title, inner = _leading_h1(inner)
        head = head[:slot] + title + head[slot + len(TITLE):]
    return head + inner + tail


class _EndOfH1(HTMLParser):
    """Where the first </h1> starts, in the sanitizer's own (well-formed) output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.at: tuple[int, int] | None = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.at is None:
            self.at = self.getpos()


def _leading_h1(html: str) -> tuple[str, str]:
    """(the <h1> element html starts with, the rest); ("", html) if it starts otherwise.

    An <h1> never contains another (the HTML5 parser closes the first), so the first end
    tag closes it; a parser, not a search, finds it (an attribute value may hold "</h1>").
    """
    begin = len(html) - len(html.lstrip())
    if not html.startswith("<h1", begin) or html[begin + 3:begin + 4] not in (" ", ">"):
        return "", html
    parser, fed = _EndOfH1(), 0
    while parser.at is None and fed < len(html):  # read up to the end tag, not the page
        found = html.find("</h1>", fed)
        upto = len(html) if found < 0 else found + len("</h1>")
        parser.feed(html[fed:upto])
        fed = upto
    if parser.at is None:
        return "", html
    line, column = parser.at
    line_start = 0  # HTMLParser counts lines by "\n" only (not str.splitlines' breaks)
    for _ in range(line - 1):
        line_start = html.index("\n", line_start) + 1
    stop = html.index(">", line_start + column) + 1
    return html[begin:stop], html[stop:]


def prefix_anchors(items) -> None:  # duck-typed: MkDocs' AnchorLink tree
    """The page's table of contents points at the prefixed heading ids."""
    for item in items:
        if not item.id.startswith(PREFIX):
            item.id = PREFIX + item.id
        prefix_anchors(item.children)
