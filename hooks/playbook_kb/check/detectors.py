"""Personal data and secrets in (normalised) text, each reported with a MASKED value.

`find(text)` returns `Hit(start, end, kind, shown)`: `shown` never holds the whole value
(090-****-5678, sk-proj-Q8…Wa2, t***@corp.co.jp), so a finding can be printed, logged,
annotated and published. Documented placeholders pass: example.com/.jp/.co.jp, .test,
.invalid, zero numbers (03-0000-0000), keys with EXAMPLE/xxxx/dummy, test card numbers.

Every pattern starts at a fixed prefix, a digit or the start of a word, and its repeats
are bounded or cannot restart inside their own match: one pass over the text each.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice

from .numbers import Hit, number_hits

_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
PLACEHOLDER_DOMAIN = re.compile(
    r"(?:^|\.)(?:example(?:\.(?:com|net|org|jp|co\.jp|ne\.jp|or\.jp))?|test|invalid|localhost"
    r"|local)\Z", re.I)
# key formats: (catalog key of the kind, pattern with `p` = the prefix that may be shown,
# `b` = the secret)
_TOKENS = (
    ("sensitive.kind.anthropic_key", re.compile(
        r"(?<![\w-])(?P<p>sk-ant-(?:[a-z]+\d\d-)?)(?P<b>[A-Za-z0-9_-]{20,})")),
    ("sensitive.kind.openai_key", re.compile(
        r"(?<![\w-])(?P<p>sk-(?!ant-)(?:proj-|svcacct-|admin-)?)(?P<b>[A-Za-z0-9_-]{20,})")),
    ("sensitive.kind.aws_key", re.compile(
        r"(?<![A-Z0-9])(?P<p>AKIA|ASIA|ABIA|ACCA)(?P<b>[A-Z0-9]{16})(?![A-Z0-9])")),
    ("sensitive.kind.aws_secret", re.compile(
        r"(?i:aws)[\w.-]{0,30}?(?i:secret)[\w.-]{0,30}?[\"']?\s{0,3}[:=]\s{0,3}[\"']?"
        r"(?P<p>)(?P<b>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])")),
    ("sensitive.kind.github_token", re.compile(
        r"(?<![\w-])(?P<p>gh[pousr]_|github_pat_)(?P<b>[A-Za-z0-9_]{22,})")),
    ("sensitive.kind.slack_token", re.compile(
        r"(?<![\w-])(?P<p>xox[abposre]-)(?P<b>[A-Za-z0-9-]{10,})")),
    ("sensitive.kind.slack_webhook", re.compile(
        r"(?P<p>hooks\.slack\.com/(?:services|workflows|triggers)/)(?P<b>[A-Za-z0-9_/-]{16,})")),
    ("sensitive.kind.google_key", re.compile(r"(?<![\w-])(?P<p>AIza)(?P<b>[0-9A-Za-z_-]{35})")),
)
_TOKEN_HINTS = ("sk-", "AKIA", "ASIA", "ABIA", "ACCA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
                "github_pat_", "xox", "hooks.slack", "AIza", "PRIVATE KEY")
PLACEHOLDER_VALUE = re.compile(
    r"example|x{4,}|\*{4,}|dummy|your|sample|placeholder|changeme|redacted|fake|hoge"
    r"|0{8,}|\.\.\.|…", re.I)
_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----")
_KEY_BODY = re.compile(r"[A-Za-z0-9+/=]{40,}")
# `key = <value>`: found from each key word with str.find (a case-insensitive alternation
# over the whole text cost more than every other pattern together), then matched there.
_ASSIGN_WORDS = ("key", "secret", "token", "passw", "pwd", "credential", "パスワード", "暗証番号",
                 "トークン", "キー")
_ASSIGNMENT = re.compile(r"[A-Za-z0-9_.-]{0,20}[\"']?\s{0,3}(?::=|=>|[:=：＝])\s{0,3}[\"']?"
                         r"(?P<b>[A-Za-z0-9_\-+/=.~!@#$%^&*]{16,256})")  # bounded: `key=key=…`
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


MAX_HITS = 1000  # per text and kind: a file is refused long before; the rest is not read


def find(text: str) -> list[Hit]:
    """Every piece of personal data or secret in `text` (up to MAX_HITS of a kind),
    masked, by offset."""
    hits: list[Hit] = []
    if "@" in text:
        hits.extend(islice(_emails(text), MAX_HITS))
    hits.extend(islice(number_hits(text), MAX_HITS))
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower to two characters: keep offsets
        lowered = text
    if any(hint in text for hint in _TOKEN_HINTS) or "secret" in lowered:
        hits.extend(islice(_tokens(text), MAX_HITS))
    if any(word in lowered for word in _ASSIGN_WORDS):
        hits.extend(islice(_not_inside(sorted(hits), _assignments(text, lowered)), MAX_HITS))
    return sorted(hits)


def _not_inside(taken: list[Hit], extra: Iterator[Hit]) -> Iterator[Hit]:
    """The extra hits that do not start inside one already found (a key found by its
    format is not reported again as `key = value`). A binary search each."""
    starts = [h.start for h in taken]
    reach, furthest = [], -1
    for hit in taken:
        furthest = max(furthest, hit.end)
        reach.append(furthest)
    for hit in extra:
        index = bisect.bisect_right(starts, hit.start) - 1
        if index < 0 or reach[index] <= hit.start:
            yield hit


def mask_text(text: str) -> str:
    """`text` (normalised) with every value found in it replaced by its masked form."""
    out, last = [], 0
    for hit in find(text):
        if hit.start >= last:
            out += [text[last:hit.start], hit.shown]
            last = hit.end
    return "".join(out) + text[last:] if out else text


def _emails(text: str) -> Iterator[Hit]:
    for match in _EMAIL.finditer(text):
        local, domain = match.groups()
        if not PLACEHOLDER_DOMAIN.search(domain):
            yield Hit(match.start(), match.end(), "sensitive.kind.email", f"{local[0]}***@{domain}")


def _tokens(text: str) -> Iterator[Hit]:
    for label, pattern in _TOKENS:
        for match in pattern.finditer(text):
            if not PLACEHOLDER_VALUE.search(match.group()):
                yield Hit(match.start("p"), match.end(), label,
                          secret_mask(match.group("p"), match.group("b")))
    for match in _PRIVATE_KEY.finditer(text):
        body = text[match.end():match.end() + 400]
        if _KEY_BODY.search(body) and not PLACEHOLDER_VALUE.search(body):
            yield Hit(match.start(), match.end(), "sensitive.kind.private_key", match.group())


def _assignments(text: str, lowered: str) -> Iterator[Hit]:
    for word in _ASSIGN_WORDS:
        at = lowered.find(word)
        while at >= 0:
            match = _ASSIGNMENT.match(text, at + len(word))
            if match is None:
                at = lowered.find(word, at + 1)
                continue
            value = match.group("b")
            if high_entropy(value) and not PLACEHOLDER_VALUE.search(value):
                shown = f"{_key_name(text, at, match.start('b'))}={secret_mask('', value)}"
                yield Hit(match.start("b"), match.end("b"),
                          "sensitive.kind.secret_value", shown)
            at = lowered.find(word, match.end())  # a value is read once, not from every `key`


def _key_name(text: str, at: int, value_start: int) -> str:
    """db_password, OPENAI_API_KEY, パスワード: the name before the value, as written."""
    start = at
    while start > max(0, at - 40) and text[start - 1] in _NAME_CHARS:
        start -= 1
    return text[start:value_start].strip(_SEPARATORS)


_SEPARATORS = " \t:=\"'：＝>"


def secret_mask(prefix: str, body: str) -> str:
    """sk-proj- + Q8…Wa2: the prefix says what it is, five characters say which one."""
    return f"{prefix}{body[:2]}…{body[-3:]}"


def high_entropy(value: str) -> bool:
    """Looks generated: letters and digits mixed, and about 3.5 bits per character or more."""
    if len(value) < 16 or not any(c.isdigit() for c in value) \
            or not any(c.isalpha() for c in value):
        return False
    counts = Counter(value)
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return entropy >= 3.5
