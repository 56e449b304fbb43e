"""Second line of defence: neutralise active HTML in rendered contributor pages.

The `unsafe-html` rule reports it with file and line; this makes sure that even a
non-strict build never ships it. It works on the HTML that Markdown produced, where
code blocks are already escaped, so only real tags and attributes match.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<(/?)\s*(script|iframe|object|embed|frame|frameset|base|meta|link)\b", re.I)
_OPEN_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_HANDLER = re.compile(r"""\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_URL_ATTR = re.compile(
    r"""(\s(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?)\s*"""
    r"""(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data\s*:\s*text/html)\s*:?""", re.I)


def neutralize(html: str) -> str:
    html = _TAG.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}", html)
    return _OPEN_TAG.sub(_clean_tag, html)


def _clean_tag(match: re.Match[str]) -> str:
    tag = _HANDLER.sub("", match.group())
    return _URL_ATTR.sub(lambda m: f"{m.group(1)}#blocked:", tag)
