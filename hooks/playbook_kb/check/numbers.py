"""Phone numbers, My Number and card numbers, however their digits are separated.

A run is digits with separators between them: spaces, dots, parentheses and every dash
people type or paste (‐‑‒–—―−ー－・). Inside a run the digit groups are tried from
left to right: a Japanese phone number (0 + 9 or 10 digits, area code first), an
international one (+country code), a 12-digit My Number with a valid check digit, a
card number (13-19 digits, Luhn), each also spelled one digit at a time (0 9 0 1 …).
Cost: one pass to find runs, then a fixed number of tries per digit group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, pairwise

SEPARATORS = " \t\u3000()（）+.\\-‐‑‒–—―−ー－・･．"
_RUN = re.compile(f"[0-9][0-9{SEPARATORS}]{{8,}}[0-9]")
_DIGITS = re.compile(r"[0-9]+")
MAX_GAP = 3  # separator characters between two groups of one number, e.g. ") " or " - "
TEST_CARDS = frozenset({"4111111111111111", "4242424242424242", "5555555555554444",
                        "378282246310005", "371449635398431", "4012888888881881",
                        "5105105105105100", "6011111111111117", "3530111333300000",
                        "4000056655665556", "2223003122003222"})
MOBILE = ("050", "060", "070", "080", "090", "0800", "020")

# catalog keys of the kinds (i18n/*.yml)
PHONE, MY_NUMBER, CARD = "sensitive.kind.phone", "sensitive.kind.my_number", "sensitive.kind.card"
_NOBODY = "placeholder"  # a documented dummy: its groups are not tried again


@dataclass(frozen=True, order=True)
class Hit:
    """One value found: where it is and what it is, and the value masked for display."""

    start: int  # offsets in the scanned text
    end: int
    kind: str  # catalog key: "sensitive.kind.phone"
    shown: str  # 090-****-5678


def number_hits(text: str) -> Iterator[Hit]:
    for run in _RUN.finditer(text):
        start = run.start()
        if start and text[start - 1] in "+(（":
            start -= 1
        yield from _in_run(text, start, run.end())


def _in_run(text: str, start: int, end: int) -> Iterator[Hit]:
    chunk = text[start:end]
    run = _Run(chunk)
    i = 0
    while i < run.count:
        found = run.at(i)
        if found is None:
            i += 1
            continue
        last, kind, head, tail = found
        s, e = run.groups[i][0], run.groups[last][1]
        i = last + 1
        if kind == _NOBODY:
            continue
        if kind == PHONE and s > 0 and chunk[s - 1] in "+(（":
            s -= 1
        yield Hit(start + s, start + e, kind, mask_digits(chunk[s:e], head, tail))


class _Run:
    """The digit groups of one run, with what every try needs computed once."""

    def __init__(self, chunk: str) -> None:
        self.chunk = chunk
        self.groups = [m.span() for m in _DIGITS.finditer(chunk)]
        self.count = len(self.groups)
        self.sizes = [e - s for s, e in self.groups]
        self.digits = "".join(_DIGITS.findall(chunk))
        self.offsets = [0, *accumulate(self.sizes)]
        # the separator before each group, and the length of the chain of one-digit groups
        # with one same separator that starts at each group (0 9 0 1 2 …), right to left
        self.gaps = [""] + [chunk[e:s] for (_, e), (s, _) in pairwise(self.groups)]
        self.chain = [0] * self.count
        for k in range(self.count - 1, -1, -1):
            if self.sizes[k] != 1:
                continue
            extends = k + 1 < self.count and self.sizes[k + 1] == 1 and (
                self.chain[k + 1] == 1 or self.gaps[k + 1] == self.gaps[k + 2])
            self.chain[k] = self.chain[k + 1] + 1 if extends else 1

    def joined(self, i: int) -> int:
        """How many groups from i on may belong to one number (gaps of MAX_GAP or less)."""
        j = i + 1
        while j < self.count and j - i < 20 and len(self.gaps[j]) <= MAX_GAP:
            j += 1
        return j - i

    def at(self, i: int) -> tuple[int, str, int, int] | None:
        """(last group, kind, digits shown at the head and at the tail) or None."""
        s0 = self.groups[i][0]
        if s0 > 0 and self.chunk[s0 - 1] == "+":
            found = _international(self.sizes[i:i + self.joined(i)], i)
            if found and _placeholder(self.digits[self.offsets[i + 1]:self.offsets[found[0] + 1]]):
                return found[0], _NOBODY, 0, 0  # +81 3-0000-0000
            return found
        if self.sizes[i] == 1:
            return self._spelled(i)
        if not _may_start(self.sizes[i], self.digits[self.offsets[i]]):
            return None
        for count in range(min(self.joined(i), 6), 0, -1):  # the longest number first
            total = self.offsets[i + count] - self.offsets[i]
            if not 10 <= total <= 19:
                continue
            first = self.offsets[i]
            kind = _kind(self.sizes[i:i + count], self.digits[first:first + total])
            if kind == _NOBODY:  # 4111 1111 1111 1111: none of its parts is a number either
                return i + count - 1, kind, 0, 0
            if kind:
                head = min(self.sizes[i], 4) if kind == PHONE else 0
                return i + count - 1, kind, head, 2 if kind == MY_NUMBER else 4
        return None

    def _spelled(self, i: int) -> tuple[int, str, int, int] | None:
        """0 9 0 1 2 3 4 5 6 7 8: one digit at a time, the same separator each time, as
        the whole chain (a chain starts where the previous group is not part of it)."""
        length = self.chain[i]
        if not 10 <= length <= 19 or (i > 0 and self.chain[i - 1] == length + 1):
            return None
        digits = self.digits[self.offsets[i]:self.offsets[i] + length]
        kind = _kind([length], digits).replace(_NOBODY, "")
        if length == 10 and digits[0] == "0" and digits[1] != "0" and not _placeholder(digits):
            kind = PHONE  # 0 3 1 2 3 4 5 6 7 8: a landline, spelled out
        if not kind:
            return None
        return i + length - 1, kind, 3 if kind == PHONE else 0, 2 if kind == MY_NUMBER else 4


def _may_start(size: int, first: str) -> bool:
    """Whether a group can open a number at all: an area code (0…), 4 or 12 digits of a
    My Number, a card's first group (2-6…). Most groups in a long run cannot."""
    return first == "0" or size in (4, 12) or (first in "23456" and (3 <= size <= 6
                                                                      or 13 <= size <= 19))


def _kind(sizes: list[int], digits: str) -> str:
    total = len(digits)
    if digits in TEST_CARDS:
        return _NOBODY if len(sizes) > 1 else ""
    kind = ""
    if total in (10, 11) and digits[0] == "0" and digits[1] != "0":
        shape = len(sizes) == 1 or (len(sizes) == 3 and 2 <= sizes[0] <= 5 and sizes[1] <= 4
                                    and 3 <= sizes[2] <= 4) \
            or (len(sizes) == 2 and 2 <= sizes[0] <= 4 and sizes[1] >= 6)
        if shape and (total == 10 and len(sizes) > 1 or digits.startswith(MOBILE)):
            kind = PHONE
    elif total == 12 and (sizes == [12] or sizes == [4, 4, 4]):
        kind = MY_NUMBER if my_number_valid(digits) else ""
    elif 13 <= total <= 19 and (len(sizes) == 1 or all(3 <= n <= 6 for n in sizes)):
        kind = CARD if digits[0] in "23456" and luhn(digits) else ""
    if kind and _placeholder(digits):
        return _NOBODY if len(sizes) > 1 else ""
    return kind


def _international(sizes: list[int], i: int) -> tuple[int, str, int, int] | None:
    if sizes[0] > 3 or len(sizes) < 2:
        return None
    best = None
    for count in range(2, len(sizes) + 1):
        national = sum(sizes[1:count])
        if national > 12:
            break
        if national >= 8:
            best = count
    if best is None:
        return None
    return i + best - 1, PHONE, sizes[0] + min(sizes[1], 3), 4


def _placeholder(digits: str) -> bool:
    """000-0000-0000, 03-0000-0000, 1111…, 0123456789: numbers nobody owns."""
    body = digits.lstrip("0")
    if not body or len(set(body)) <= 1 or digits[-4:] == "0000":
        return True
    steps = {(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:], strict=False)}
    return len(steps) == 1


def mask_digits(text: str, head: int, tail: int) -> str:
    """090-1234-5678 -> 090-****-5678: separators kept, middle digits starred."""
    total = sum(c.isdigit() for c in text)
    out, seen = [], 0
    for char in text:
        if char.isdigit():
            out.append(char if seen < head or seen >= total - tail else "*")
            seen += 1
        else:
            out.append(char)
    return "".join(out)


def luhn(digits: str) -> bool:
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
