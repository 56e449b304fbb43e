"""What the samples gallery shows for each file, worked out once at build time.

Markdown: its first words; images: the picture; PDF: the first page in the browser's
viewer; CSV: the first rows as a table; text: the first lines; Word and PowerPoint: the
first paragraphs (up to a page break) or the first slide's text; Excel: the first rows
of the first sheet (load/office.py, bounded); anything else, or an Office file that
cannot be read: a tile with its type. Every card keeps its download link. Everything
comes from the file, and the template escapes it: a sample is contributor data, never
markup.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from ...load.office import office_excerpt
from ...load.textio import split_front_matter
from ...model import SourceFile

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
OFFICE_TYPES = {".docx": "type_docx", ".xlsx": "type_xlsx", ".pptx": "type_pptx"}
EXCERPT_CHARS = 160
TABLE_ROWS, TABLE_COLUMNS, TEXT_LINES = 6, 6, 12
_MARKUP = re.compile(  # block markers at the start of a line, emphasis, links (text kept);
    # link text and URL stop at the next bracket, so no `[` reads the line again
    r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+|\|)|[*_`|]|!?\[([^\[\]]*)\]\([^()]*\)")


@dataclass(frozen=True)
class Preview:
    source: SourceFile
    kind: str  # markdown | image | pdf | table | text | document | sheet | office | file
    file: str  # path inside samples/, e.g. "mail.md"
    title: str = ""
    excerpt: str = ""
    rows: list[list[str]] = field(default_factory=list)  # rows[0] is the header
    more_rows: int = 0
    type_key: str = ""  # labels key for the file type, e.g. "type_docx"
    paragraphs: tuple[str, ...] = ()  # document: its first paragraphs
    sheet: str = ""  # sheet: the name of the sheet shown
    more: bool = False  # document, sheet: the file holds more than the preview


def preview(source: SourceFile) -> Preview:
    file = source.name.split("/", 1)[1]
    suffix = source.suffix
    if suffix == ".md":
        title, excerpt = _markdown(source.text or "")
        return Preview(source, "markdown", file, title or file[:-3], excerpt, type_key="type_md")
    if suffix in IMAGE_SUFFIXES:
        return Preview(source, "image", file, type_key="type_image")
    if suffix == ".pdf":
        return Preview(source, "pdf", file, type_key="type_pdf")
    if suffix == ".csv" and source.text is not None:
        rows = list(csv.reader(source.text.splitlines()))
        shown = [row[:TABLE_COLUMNS] for row in rows[:TABLE_ROWS + 1]]
        return Preview(source, "table", file, rows=shown,
                       more_rows=max(0, len(rows) - len(shown)), type_key="type_csv")
    if suffix == ".txt" and source.text is not None:
        lines = source.text.splitlines()
        return Preview(source, "text", file, excerpt="\n".join(lines[:TEXT_LINES]),
                       more_rows=max(0, len(lines) - TEXT_LINES), type_key="type_txt")
    if suffix in OFFICE_TYPES:
        return _office(source, file)
    return Preview(source, "file", file, type_key="type_file")


def _office(source: SourceFile, file: str) -> Preview:
    excerpt = office_excerpt(source.abs_path)
    type_key = OFFICE_TYPES[source.suffix]
    if excerpt.rows:
        return Preview(source, "sheet", file, rows=[list(r) for r in excerpt.rows],
                       sheet=excerpt.sheet, more=excerpt.more, type_key=type_key)
    if excerpt.paragraphs:
        return Preview(source, "document", file, paragraphs=excerpt.paragraphs,
                       more=excerpt.more, type_key=type_key)
    return Preview(source, "office", file, type_key=type_key)


def _markdown(text: str) -> tuple[str, str]:
    """The first heading and the first words of the body, as plain text."""
    title, words, fenced = "", [], False
    for line in split_front_matter(text).body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not line.strip() or set(line.strip()) <= set("-|: "):
            continue
        if not title and line.startswith("#"):
            title = line.lstrip("#").strip()
            continue
        words.append(_MARKUP.sub(lambda m: m.group(1) or "", line).strip())
        if sum(len(w) for w in words) > EXCERPT_CHARS:
            break
    excerpt = " ".join(w for w in words if w)
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS].rstrip() + "…"
    return title, excerpt
