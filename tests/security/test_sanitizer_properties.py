"""Properties of the sanitizer, on random markup (Hypothesis).

1. Whatever goes in, the output re-parsed by an HTML5 parser (html5lib, scripting on, as
   in a browser) holds only allowlisted elements, attributes, classes and URLs, no
   comments, and only prefixed ids and names.
2. Sanitising twice changes nothing.
3. The check's pre-check is conservative: whenever the sanitizer would remove something
   from rendered Markdown, `may_change` said so (so skipping a file never hides a finding).
"""

from __future__ import annotations

import re

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook_kb.check.markup import may_change, render_markdown
from playbook_kb.check.sanitize import (
    ATTRIBUTES,
    CLASSES,
    PREFIX,
    TAGS,
    URL_SCHEMES,
    removals,
    sanitize,
)

TAG_NAMES = sorted(TAGS | {
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
    "title", "plaintext", "template", "svg", "math", "mtext", "mglyph", "mi", "path",
    "foreignObject", "desc", "annotation-xml", "object", "embed", "form", "input", "button",
    "select", "option", "base", "meta", "link", "img", "a", "video", "source", "dialog",
    "frameset", "table", "image", "x-custom", "isindex", "listing", "keygen"})
ATTR_NAMES = sorted({name for names in ATTRIBUTES.values() for name in names} | {
    "onclick", "onerror", "onload", "ONmouseover", "style", "src", "srcset", "href",
    "xlink:href", "action", "formaction", "data", "background", "ping", "srcdoc", "is",
    "autofocus", "tabindex", "popover", "form", "value", "xmlns", "encoding"})
URLS = ["javascript:alert(1)", "jav&#x61;script:alert(1)", " &#x09;javascript:x",
        "java\nscript:x", "JaVaScRiPt:x", "vbscript:x", "data:text/html,<script>",
        "https://evil.example/x.png", "//evil.example/x", "\\\\evil.example/x", "#frag",
        "x.png", "../a/b/", "mailto:a@example.com", "http://example.com/", "&colon;x",
        "javascript&colon;x"]
TEXT = st.sampled_from(["x", "本文", "a&b", "&lt;", "&amp;lt;", "&#60;img&#62;", "&#x3c;",
                        "{{変数}}", "--", "-->", "<", ">", "'", '"', "`", "]]>", "\u202e",
                        "&NotANamedEntity;", "&#0;", "\x00"])
COMMENTS = st.sampled_from(["<!--", "-->", "<!-->", "<!--->", "<!--!>", "--!>", "<!-- x -->",
                            "<![CDATA[", "]]>", "<?x", "<!x>", "</", "<!--<!-->"])


@st.composite
def attribute(draw) -> str:
    name = draw(st.sampled_from(ATTR_NAMES))
    value = draw(st.one_of(st.sampled_from(URLS), TEXT,
                           st.sampled_from(["md-dialog admonition note", "__config",
                                            "position:fixed", "text-align: center;",
                                            "<img src=x onerror=alert(1)>", "radio"])))
    quote = draw(st.sampled_from(['"', "'", ""]))
    if not quote:
        value = re.sub(r"[\s\"'=<>`]", "", value) or "x"
    return f" {name}={quote}{value}{quote}"


def markup(depth: int = 3):
    leaf = st.one_of(TEXT, COMMENTS)
    if depth == 0:
        return leaf

    @st.composite
    def element(draw) -> str:
        tag = draw(st.sampled_from(TAG_NAMES))
        attrs = "".join(draw(st.lists(attribute(), max_size=3)))
        inner = "".join(draw(st.lists(markup(depth - 1), max_size=3)))
        close = draw(st.sampled_from([f"</{tag}>", "", "</p>", "</svg>"]))
        return f"<{tag}{attrs}>{inner}{close}"

    return st.one_of(leaf, element())


HTML = st.lists(markup(), min_size=1, max_size=6).map("".join)
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _allowed_url(tag: str, name: str, value: str) -> bool:
    plain = re.sub(r"[\t\n\r]", "", value).strip("\x00 ").lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", plain)
    if tag == "img" and name == "src":
        return not scheme and not re.match(r"[/\\]{2}", plain)
    return not scheme or scheme.group(1) in URL_SCHEMES


def assert_allowlisted(html: str) -> None:
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=True,
                                  scripting=True)
    for node in tree.iter():
        if node is tree:
            continue
        assert isinstance(node.tag, str), f"comment survived: {html!r}"
        namespace, _, tag = node.tag[1:].partition("}")
        assert namespace == "http://www.w3.org/1999/xhtml", (node.tag, html)
        assert tag in TAGS, (tag, html)
        for name, value in node.attrib.items():
            assert isinstance(name, str) and name in ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()), \
                (tag, name, html)
            if name in ("href", "src"):
                assert _allowed_url(tag, name, value), (tag, name, value)
            if name in ("id", "name", "for"):
                assert value.startswith(PREFIX), (tag, name, value)
            if name == "class":
                assert all(c in CLASSES or c.startswith("language-") for c in value.split())
            if name == "style":
                assert re.fullmatch(r"text-align: (left|right|center);", value), value
            if name == "title":
                assert "<" not in value


@PROPERTY
@given(HTML)
def test_output_holds_only_the_allowlist(html: str) -> None:
    assert_allowlisted(sanitize(html))


@PROPERTY
@given(HTML)
def test_sanitising_twice_changes_nothing(html: str) -> None:
    once = sanitize(html)
    assert sanitize(once) == once


# Markdown from the constructs playbooks use, with hostile values mixed in.
LINK_URLS = st.sampled_from(URLS + ["prompt-sheet.md", "samples/", "#手順", "a.png"])
INLINE = st.one_of(
    TEXT, st.sampled_from(["**強調**", "`<code>`", "`{{変数}}`", "\\`<b>\\`", "{{変数}}",
                           "{ .md-dialog }", "{: onclick=x }", "<b>", "a < b", "<x>", "|",
                           "`a`{.x}", "``b``{.x}", "`", "``", "{.x}", "C#", "\\", "*",
                           "_x_{.y}", "~~", "\\|"]),
    st.builds(lambda t, u: f"[{t}]({u})", TEXT, LINK_URLS),
    st.builds(lambda t, u: f"![{t}]({u})", TEXT, LINK_URLS),
)
LINE = st.lists(INLINE, min_size=1, max_size=4).map(" ".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda s: "## " + s),
    st.builds(lambda k, s: f"!!! {k}\n    {s}", st.sampled_from(
        ["note", "tip", "warning", "md-dialog", "note md-dialog", 'note "題"']), LINE),
    st.builds(lambda k, s: f"??? {k}\n    {s}", st.sampled_from(["success", "x y"]), LINE),
    LINE.map(lambda s: f"```text\n{s}\n```"),
    LINE.map(lambda s: f"```mermaid\nflowchart LR\n  A[{s}] --> B\n```"),
    LINE.map(lambda s: f"| a | b |\n|:-:|--:|\n| {s} | x |"),
    LINE.map(lambda s: f"| `{{{{変数}}}}` | {s} |\n|---|---|\n| {{{{変数}}}} | {s} |"),
    LINE.map(lambda s: f"{s}\n==="),
    LINE.map(lambda s: f"{s}\n{s}"),
    LINE.map(lambda s: f"- [x] {s}\n- [ ] b"),
    LINE.map(lambda s: f'=== "タブ"\n\n    {s}'),
    st.builds(lambda t, u: f"[{t}]: {u}", TEXT, LINK_URLS),
    LINE.map(lambda s: s + "\n{ style=\"position:fixed\" }"),
)
MARKDOWN = st.lists(BLOCK, min_size=1, max_size=5).map("\n\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN)
def test_the_pre_check_never_skips_a_file_the_sanitizer_would_change(text: str) -> None:
    if not may_change(text):
        assert removals(render_markdown(text)) == [], text
