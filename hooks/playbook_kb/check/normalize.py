"""Text as a reader sees it, for the sensitive-data scan: the tricks that hide a value
from a pattern but not from a person are undone first.

- HTML character references (`&#48;90`, `&commat;`) and percent-encoding (`%40`) decoded;
- markup inside a value removed (`090-<b>1234</b>-5678`, `**1234**`, `\\-`);
- zero-width and other invisible characters (U+200B, U+00AD, bidi controls) removed;
- widths and compatibility forms folded (NFKC of runs: `０９０`, `＠`, `①`, `𝟎𝟗𝟎`).

Look-alike punctuation inside numbers (‐‑‒–—―−ー・) is folded by the number scan itself,
where it is a separator; in prose a katakana ー is a letter.

Line breaks are never added or removed, so a line of the result is the same line of the
file. Every step is one linear pass, and is skipped when the text has nothing for it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

# Format characters a reader does not see: zero-width, soft hyphen, bidi controls, BOM,
# variation selectors, the Mongolian vowel separator, tag characters.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f]")
# Compatibility forms of letters, digits and ＠ (full-width, circled, superscript,
# mathematical): a run that starts with one is folded with NFKC, with the full-width
# punctuation and spaces after it. Prose punctuation alone (（）：！) starts no run, so
# ordinary Japanese text costs one search.
_COMPAT = ("\uff10-\uff19\uff20-\uff3a\uff41-\uff5a\u2070-\u209f\u2150-\u218f"
           "\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
           "\U0001d400-\U0001d7ff\U0001f100-\U0001f1ff")
_COMPAT_RUN = re.compile(f"[{_COMPAT}][{_COMPAT}\uff01-\uff5e\u3000 ]*")
_ODD = re.compile(f"[{_COMPAT}{INVISIBLE.pattern[1:-1]}]")
# A tag as far as the scan cares: `<`, a letter or `/`, anything but `<`, `>` and a line
# break, `>`. Bounded by the next `<`, so one pass over the text.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")  # Markdown's backslash escapes: \- \.


def for_scan(text: str) -> str:
    """The text with hidden forms undone; same number of lines as `text`."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(_decode_entity, text)
    if "%" in text:
        text = _PERCENT.sub(_decode_percent, text)
    if "*" in text or "`" in text or "~~" in text:  # str.replace: a C loop, not a regex
        text = text.replace("*", "").replace("`", "").replace("~~", "")
    if "\\" in text:
        text = _ESCAPE.sub("", text)
    if not text.isascii() and _ODD.search(text):
        text = INVISIBLE.sub("", text)
        text = _COMPAT_RUN.sub(_fold, text)
    return text


def _fold(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _decode_entity(match: re.Match[str]) -> str:
    return _flat(html.unescape(match.group()))


def _decode_percent(match: re.Match[str]) -> str:
    return _flat(unquote(match.group(), errors="replace"))


def _flat(text: str) -> str:
    """A decoded value never makes a new line (line numbers stay the file's)."""
    return text.replace("\n", " ").replace("\r", " ") if "\n" in text or "\r" in text else text

