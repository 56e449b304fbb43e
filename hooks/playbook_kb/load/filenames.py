"""File names that become URLs: a safe set, or a `file-name` finding and no publishing.

A file name reaches hrefs, the gallery, download links and the edit button. Names with
quotes, angle brackets, `#?%&\\`, control or bidi characters, names not in Unicode NFC,
upper-case `.MD` (MkDocs would copy it raw instead of rendering it), and names that differ
only by case or normalisation (IIS and macOS fold them into one file) are refused with a
proposed safe name.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from ..findings import Finding, error
from ..i18n import text
from ..model import SourceFile

# Besides letters, digits and combining marks: punctuation that means nothing to HTML,
# URLs, shells or Windows, ASCII and Japanese.
_PUNCTUATION = frozenset(" -_.()+~,@=!・（）「」【】、。〜～＿－＋")


def safe_name(segment: str) -> bool:
    if not segment or segment != unicodedata.normalize("NFC", segment):
        return False
    if segment != segment.strip() or segment.startswith("-"):
        return False
    return all(c in _PUNCTUATION or unicodedata.category(c)[0] in "LNM" for c in segment)


def proposed_name(name: str) -> str:
    """The name with every unsafe character replaced by "-" (and `.MD` as `.md`)."""
    parts = []
    for segment in unicodedata.normalize("NFC", name).split("/"):
        chars = [c if c in _PUNCTUATION or unicodedata.category(c)[0] in "LNM" else "-"
                 for c in segment]
        cleaned = re.sub(r"-*\.-*", ".", re.sub(r"-{2,}", "-", "".join(chars)))
        parts.append(cleaned.strip(" -") or "file")
    proposal = "/".join(parts)
    stem, dot, suffix = proposal.rpartition(".")
    return f"{stem}.{suffix.lower()}" if dot and stem else proposal


def screen_names(files: tuple[SourceFile, ...],
                 lang: str = "ja") -> tuple[tuple[SourceFile, ...], list[Finding]]:
    """The playbook's files, those with unsafe names made unpublishable, and findings."""
    findings, kept, seen = [], [], {}
    for source in files:
        folded = unicodedata.normalize("NFKC", source.name).casefold()
        problem = ""
        if not all(safe_name(s) for s in source.name.split("/")):
            problem = text(lang, "file_name.unsafe_characters")
        elif source.name.lower().endswith(".md") and not source.name.endswith(".md"):
            problem = text(lang, "file_name.upper_case_md")
        elif folded in seen:
            problem = text(lang, "file_name.collides", other=seen[folded])
        seen.setdefault(folded, source.name)
        if problem:
            findings.append(error(
                "file-name", source.rel, 0,
                text(lang, "file_name.refused", problem=problem,
                     example=proposed_name(source.name))))
            source = dataclasses.replace(source, publishable=False)
        kept.append(source)
    return tuple(kept), findings
