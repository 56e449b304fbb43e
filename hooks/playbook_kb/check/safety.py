"""Nothing personal leaves a playbook: secrets and personal data (active HTML: markup.py)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

from ..findings import Finding, error
from ..i18n import text
from ..load.textio import line_of
from ..model import Catalog, Playbook, SourceFile
from .registry import playbook_rule

_PLACEHOLDER_DOMAINS = re.compile(
    r"(?:^|\.)(?:example\.(?:com|net|org|jp|co\.jp)|example|test|invalid|localhost)$", re.I)
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_PHONE_JP = re.compile(r"(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])|(?<!\d)0[5789]0\d{8}(?!\d)")
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,3}(?!\d)")
_DIGITS12 = re.compile(r"(?<![\d-])(?<!\d )\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-]| \d)")
_CARD = re.compile(r"(?<![\d-])(?<!\d )(?:\d[ -]?){12,18}\d(?![\d-]| \d)")
_TEST_CARDS = frozenset({"4111111111111111", "4242424242424242", "5555555555554444",
                         "378282246310005", "4012888888881881", "5105105105105100"})
_TOKENS = (  # (catalog key of the kind, pattern)
    ("safety.anthropic_key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}")),
    ("safety.openai_key", re.compile(r"\bsk-(?!ant-)(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}")),
    ("safety.aws_key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("safety.github_token",
     re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("safety.slack_token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("safety.google_key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("safety.private_key", re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
)
_TOKEN_KINDS = frozenset(kind for kind, _ in _TOKENS)
_TOKEN_PLACEHOLDER = re.compile(r"example|x{4,}|dummy|your|sample|0{8,}|\.\.\.", re.I)
_OFFICE_PARTS = re.compile(r"^(?:word/document|word/header\d*|word/footer\d*|xl/sharedStrings"
                           r"|xl/worksheets/sheet\d+|ppt/slides/slide\d+)\.xml$")



def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def my_number_valid(digits: str) -> bool:
    """Check digit of the Japanese Individual Number (My Number), 12 digits."""
    if len(digits) != 12 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    body = [int(c) for c in digits[:11]][::-1]
    total = sum(v * (n + 1 if n <= 6 else n - 5) for n, v in enumerate(body, 1))
    check = 0 if total % 11 <= 1 else 11 - total % 11
    return check == int(digits[11])


def _mostly_zero(digits: str) -> bool:
    return digits.strip("0") == "" or digits[-4:] == "0000" or len(set(digits.lstrip("0"))) <= 1


_TOKEN_HINT = re.compile(r"sk-|AKIA|ASIA|gh[pousr]_|github_pat_|xox|AIza|PRIVATE KEY")


# Full-width ASCII (０-９, ＠, －) and the dashes people type in phone numbers, mapped
# one character to one: offsets and lines stay those of the original text.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_NARROW.update({ord(c): ord("-") for c in "‐‑‒–—―−ー"})
_NARROW[0x3000] = ord(" ")


def normalise(text: str) -> str:
    """Full-width runs to ASCII; cheap on Japanese prose, which has few of them."""
    if text.isascii():
        return text
    return _WIDE_RUN.sub(lambda m: m.group().translate(_NARROW), text)


# a run starts at a full-width digit, letter, ＠ or ＋ (not at （）！？：, common in prose)
_WIDE_RUN = re.compile(r"[\uFF10-\uFF19\uFF20\uFF0B\uFF21-\uFF3A\uFF41-\uFF5A]"
                       r"[\uFF01-\uFF5E\u3000‐‑‒–—―−ー\s]*")


def scan_text(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, catalog key, value) for each piece of personal data or secret in a
    normalised text; `describe` turns the key and value into words.

    Each pattern runs once over the whole text, not once per line.
    """
    if "@" in text:
        yield from _emails(text)
    yield from _numbers(text)
    if _TOKEN_HINT.search(text):
        yield from _tokens(text)


def _emails(text: str) -> Iterator[tuple[int, str, str]]:
    for match in _EMAIL.finditer(text):
        if not _PLACEHOLDER_DOMAINS.search(match.group(1)):
            yield match.start(), "safety.email", match.group()


# Any number pattern fits in one run; it starts at a digit so the scan stays fast, and
# takes back a leading "+" or "(" by hand.
_NUMBER_RUN = re.compile(r"[0-9][0-9 ()+\-‐‑‒–—―−ー]{8,}[0-9]")


def _numbers(text: str) -> Iterator[tuple[int, str, str]]:
    for run in _NUMBER_RUN.finditer(text):
        start = run.start() - (run.start() > 0 and text[run.start() - 1] in "+(")
        for offset, key, value in _number_kinds(text[start:run.end()].translate(_NARROW)):
            yield start + offset, key, value


def _number_kinds(text: str) -> Iterator[tuple[int, str, str]]:
    for pattern in (_PHONE_JP, _PHONE_INTL):
        for match in pattern.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if not _mostly_zero(digits) and not _is_date(match.group()):
                yield match.start(), "safety.phone", match.group()
    for match in _DIGITS12.finditer(text):
        if my_number_valid(re.sub(r"\D", "", match.group())):
            yield match.start(), "safety.my_number", match.group()
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and _luhn(digits) and digits not in _TEST_CARDS \
                and digits[0] in "3456" and not _mostly_zero(digits):
            yield match.start(), "safety.card", match.group()


def _tokens(text: str) -> Iterator[tuple[int, str, str]]:
    for kind, pattern in _TOKENS:
        for match in pattern.finditer(text):
            if not _TOKEN_PLACEHOLDER.search(match.group()):
                yield match.start(), kind, match.group()[:12]


def describe(lang: str, key: str, value: str) -> str:
    """The words for one `scan_text` hit: "メールアドレス「...」", "an AWS access key ..."."""
    if key in _TOKEN_KINDS:
        return text(lang, "safety.token", kind=text(lang, key), value=value)
    return text(lang, key, value=value)


def _is_date(text: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text) is not None


def _office_text(source: SourceFile) -> str:
    try:
        with zipfile.ZipFile(source.abs_path) as archive:
            parts = [archive.read(n).decode("utf-8", "replace")
                     for n in archive.namelist() if _OFFICE_PARTS.match(n)]
    except (zipfile.BadZipFile, OSError, KeyError):
        return ""
    return "\n".join(re.sub(r"<[^>]+>", " ", p) for p in parts)


@playbook_rule("sensitive-data")
def sensitive_data(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for source in playbook.files:
        if source.symlink:
            continue
        content, office = source.text, False
        if content is None and source.suffix in (".docx", ".xlsx", ".pptx") \
                and source.publishable:
            content, office = _office_text(source), True
        if not content:
            continue
        normalised = normalise(content)
        lang = catalog.settings.lang
        for offset, key, value in sorted(scan_text(normalised)):
            line = 0 if office else line_of(normalised, offset)
            what = describe(lang, key, value)
            yield error("sensitive-data", source.rel, line,
                        text(lang, "safety.sensitive", what=what))

