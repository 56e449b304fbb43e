"""Office files are zip archives: opened with caps, checked BEFORE anything is read.

A .docx of 0.6 MB can declare 600 MB of XML (a zip bomb). The central directory says
how many members there are and how big each one says it is; both are checked first, and
every read is cut at the size the member declared (zipfile stops there and checks the
CRC), so a lying header cannot make a read bigger either.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import text

MAX_MEMBERS = 5000
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed, all members together
MAX_RATIO = 200  # uncompressed / compressed, the whole archive (XML packs 5-20x)
MAX_READ_BYTES = 32 * 1024 * 1024  # what the scan reads of one archive's text parts
ARCHIVE_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx"})


class ArchiveProblem(Exception):
    """The archive is refused; `text(lang)` says why, for a finding (i18n key `archive.*`)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        return text(lang, self.key, **self.values)


@dataclass(frozen=True)
class Limits:
    members: int = MAX_MEMBERS
    total: int = MAX_TOTAL_BYTES
    ratio: int = MAX_RATIO
    read: int = MAX_READ_BYTES


def inspect(path: Path, limits: Limits = Limits(), lang: str = "ja") -> str:
    """"" when the archive is within the caps, else why it is refused (in `lang`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check(archive, path.stat().st_size, limits)
    except ArchiveProblem as problem:
        return problem.text(lang)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ""  # not a zip: nothing inside to expand (the file is served as it is)
    return ""


def read_members(path: Path, wanted: Callable[[str], bool],
                 limits: Limits = Limits()) -> dict[str, bytes]:
    """The members `wanted` picks, each read at most up to what it declared, all together
    at most `limits.read` bytes. Raises ArchiveProblem for a bomb, {} for a broken zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check(archive, path.stat().st_size, limits)
            out: dict[str, bytes] = {}
            budget = limits.read
            for info in archive.infolist():
                if info.is_dir() or not wanted(info.filename):
                    continue
                if info.file_size > budget:
                    raise _too_big(limits.read)
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
                if len(data) > info.file_size:
                    raise ArchiveProblem("archive.lying_member")
                budget -= len(data)
                out[info.filename] = data
            return out
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return {}


def _check(archive: zipfile.ZipFile, packed: int, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ArchiveProblem("archive.too_many_members", count=len(infos),
                             limit=limits.members)
    total = sum(info.file_size for info in infos)
    if total > limits.total:
        raise ArchiveProblem("archive.too_large", size=total / 1024 / 1024,
                             limit=limits.total / 1024 / 1024)
    if total > 1024 * 1024 and total > limits.ratio * max(packed, 1):
        raise ArchiveProblem("archive.ratio", packed=packed / 1024, size=total / 1024 / 1024)


def _too_big(limit: int) -> ArchiveProblem:
    return ArchiveProblem("archive.text_too_large", limit=limit / 1024 / 1024)
