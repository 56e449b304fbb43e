"""The text inside Office files and PDFs, as a reader of the file would see it.

Word splits one typed number over several runs (`<w:t>090-12</w:t><w:t>34-5678</w:t>`),
so text is joined per paragraph before anything looks at it. Besides the body, a file
carries comments, headers and footers, notes, sheet names and document properties
(author, title, custom fields): all of them are read. Each part comes back as a
`Part(where, text)`, `where` the catalog key saying where in the file the text is.

Bounded: archives through `archive.read_members` (caps checked before reading), tags
removed with one linear pattern; PDFs with a page cap, a time cap and a cap on the
text kept.
"""

from __future__ import annotations

import html
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .archive import read_members

PDF_MAX_PAGES = 50
PDF_MAX_SECONDS = 5.0
PDF_MAX_CHARS = 2_000_000
TIME_CUTS = [0]  # PDFs whose scan the clock cut short: such results are never cached


@dataclass(frozen=True)
class Part:
    where: str  # catalog key: "sensitive.where.body", "sensitive.where.slide" (with number)
    text: str
    number: int = 0  # the slide, note or page number, for the keys that name one


# (member name pattern, where) in the order a reader meets them
_OFFICE_PARTS = (
    (re.compile(r"word/document\.xml"), "sensitive.where.body"),
    (re.compile(r"word/(?:header|footer)\d*\.xml"), "sensitive.where.header_footer"),
    (re.compile(r"word/(?:footnotes|endnotes)\.xml"), "sensitive.where.footnotes"),
    (re.compile(r"(?:word/comments\w*|xl/comments\d*|xl/threadedComments/\w+"
                r"|ppt/comments/\w+|ppt/commentAuthors)\.xml"), "sensitive.where.comments"),
    (re.compile(r"xl/sharedStrings\.xml|xl/worksheets/sheet\d+\.xml"), "sensitive.where.cells"),
    (re.compile(r"xl/workbook\.xml"), "sensitive.where.sheet_names"),
    (re.compile(r"ppt/slides/slide(\d+)\.xml"), "sensitive.where.slide"),
    (re.compile(r"ppt/notesSlides/notesSlide(\d+)\.xml"), "sensitive.where.notes"),
    (re.compile(r"docProps/(?:core|app|custom)\.xml"), "sensitive.where.properties"),
)
# a paragraph, a cell, a shared string, a property: one line each (str.replace: C speed)
_BREAKS = ("</w:p>", "</a:p>", "</si>", "</c>", "</is>", "</vt:lpwstr>", "</vt:lpstr>",
           "</property>", "</text>", "<w:br/>", "<w:tab/>", "<w:cr/>", "<a:br/>")
_PROPERTY_END = re.compile(r"</(?:dc|cp|dcterms):\w+>")
_TAG = re.compile(r"<[^<>]*>")
_SHEET_NAME = re.compile(r"<sheet\b[^<>]*?\bname=\"([^\"<>]*)\"")
_PROPERTY_NAME = re.compile(r"<property\b[^<>]*?\bname=\"([^\"<>]*)\"")


def office_parts(path: Path) -> list[Part]:
    """Text of a .docx/.xlsx/.pptx by where it sits. Raises archive.ArchiveProblem."""
    members = read_members(path, _wanted)
    parts: list[Part] = []
    for name in sorted(members, key=_reading_order):
        for pattern, where in _OFFICE_PARTS:
            match = pattern.fullmatch(name)
            if match:
                number = int(match.group(1)) if match.groups() else 0
                parts.append(Part(where, xml_text(members[name].decode("utf-8", "replace"),
                                                  name), number))
                break
    return [p for p in parts if p.text.strip()]


_ANY_PART = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _OFFICE_PARTS))


def _wanted(name: str) -> bool:
    return _ANY_PART.fullmatch(name) is not None


def _reading_order(name: str) -> tuple[int, int, str]:
    for index, (pattern, _) in enumerate(_OFFICE_PARTS):
        match = pattern.fullmatch(name)
        if match:
            number = int(match.group(1)) if match.groups() else 0
            return index, number, name
    return len(_OFFICE_PARTS), 0, name


def xml_text(xml: str, name: str = "") -> str:
    """Runs joined, one line per paragraph / cell / property; attributes that are text
    to a reader (sheet names, custom property names) kept."""
    extra = ""
    if name == "xl/workbook.xml":
        return "\n".join(html.unescape(n) for n in _SHEET_NAME.findall(xml))
    if name == "docProps/custom.xml":
        extra = "\n".join(html.unescape(n) for n in _PROPERTY_NAME.findall(xml)) + "\n"
    for tag in _BREAKS:
        if tag in xml:
            xml = xml.replace(tag, "\n")
    if name.startswith("docProps/"):
        xml = _PROPERTY_END.sub("\n", xml)
    text = _TAG.sub("", xml)
    return extra + (html.unescape(text) if "&" in text else text)


def pdf_parts(path: Path) -> list[Part]:
    """Text of each page (at most PDF_MAX_PAGES, PDF_MAX_SECONDS) and the document info."""
    from pypdf import PdfReader  # only when a PDF is there to read
    from pypdf.errors import PyPdfError

    # a damaged PDF makes pypdf log repairs ("incorrect startxref pointer") on stderr,
    # between the findings; its text is still read, and nothing there is for a champion
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    parts: list[Part] = []
    try:
        reader = PdfReader(path, strict=False)
        info = reader.metadata or {}
        values = [str(v) for v in info.values() if isinstance(v, str)]
        if values:
            parts.append(Part("sensitive.where.properties", "\n".join(values)))
        started, kept = time.monotonic(), 0
        for number, page in enumerate(reader.pages[:PDF_MAX_PAGES], 1):
            text = page.extract_text() or ""
            kept += len(text)
            parts.append(Part("sensitive.where.page", text[:PDF_MAX_CHARS], number))
            if kept > PDF_MAX_CHARS:
                break
            if time.monotonic() - started > PDF_MAX_SECONDS:  # depends on the machine
                TIME_CUTS[0] += 1
                break
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError,
            AttributeError, IndexError, ZeroDivisionError):
        pass  # an unreadable PDF has no text to scan; the reader's viewer will say so
    return [p for p in parts if p.text.strip()]
