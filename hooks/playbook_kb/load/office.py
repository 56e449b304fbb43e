"""The first words of an Office sample (.docx, .xlsx, .pptx), read with bounded cost.

Samples are contributor files: a zip may claim any size and its XML may be huge or
hostile. So every part is streamed (64 KB at a time, at most MAX_PART_BYTES
uncompressed) through expat, which stops as soon as enough text is found; a part
that declares a DOCTYPE or entities is refused (Office never writes one); the zip's
directory is capped at MAX_MEMBERS entries. Anything unexpected gives an empty
excerpt, and the gallery falls back to a plain download tile.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

MAX_MEMBERS = 2000
MAX_PART_BYTES = 8 * 1024 * 1024
CHUNK = 64 * 1024
MAX_CHARS = 480  # words of a document or slide shown in the gallery
MAX_PARAGRAPHS = 12
MAX_ROWS, MAX_COLUMNS = 7, 6

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_FORBIDDEN = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}  # Excel's built-in date/time formats
_DATE_CODE = re.compile(r"\[[^\]]*\]|\"[^\"]*\"|\\.")  # colours, quoted text, escapes


@dataclass(frozen=True)
class Excerpt:
    paragraphs: tuple[str, ...] = ()  # .docx / .pptx: the first paragraphs
    rows: tuple[tuple[str, ...], ...] = ()  # .xlsx: the first rows of the first sheet
    sheet: str = ""  # .xlsx: that sheet's name
    more: bool = False  # there is more than the excerpt shows

    def __bool__(self) -> bool:
        return bool(self.paragraphs or self.rows)


def office_excerpt(path: Path) -> Excerpt:
    """The start of a .docx (first paragraphs), .xlsx (first sheet) or .pptx (first slide)."""
    reader = {".docx": _docx, ".xlsx": _xlsx, ".pptx": _pptx}.get(path.suffix.lower())
    if reader is None:
        return Excerpt()
    try:
        with zipfile.ZipFile(path) as archive:
            if len(archive.infolist()) > MAX_MEMBERS:
                return Excerpt()
            return reader(archive)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, ParseError, EOFError,
            RuntimeError, NotImplementedError):  # unreadable, encrypted, odd compression
        return Excerpt()


def _events(archive: zipfile.ZipFile, name: str) -> Iterator[tuple[str, Element]]:
    """("start"|"end", element) of one part, streamed; a DOCTYPE or ENTITY stops it."""
    parser = XMLPullParser(events=("start", "end"))
    read, tail = 0, b""
    with archive.open(name) as stream:
        while read < MAX_PART_BYTES:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            if _FORBIDDEN.search(tail + chunk):
                raise ValueError(f"{name}: DOCTYPE or ENTITY in an Office part")
            read, tail = read + len(chunk), chunk[-16:]
            parser.feed(chunk)
            yield from parser.read_events()


def _target(archive: zipfile.ZipFile, part: str, rel_id: str) -> str:
    """The part a relationship id of `part` points to, as a path in the zip."""
    folder, name = posixpath.split(part)
    for event, element in _events(archive, f"{folder}/_rels/{name}.rels"):
        if event == "end" and element.tag == f"{REL}Relationship" \
                and element.get("Id") == rel_id:
            target = element.get("Target", "")
            if target.startswith("/"):  # absolute inside the package (openpyxl writes these)
                return posixpath.normpath(target.lstrip("/"))
            return posixpath.normpath(posixpath.join(folder, target))
    raise KeyError(rel_id)


def _paragraphs(events: Iterator[tuple[str, Element]], text_tag: str, para_tag: str,
                stop: Callable[[Element], bool] | None = None) -> Excerpt:
    """Paragraphs of text; a table row (.docx) becomes one line, its cells joined by " | "."""
    paragraphs: list[str] = []
    current: list[str] = []
    row: list[str] | None = None
    for event, element in events:
        if element.tag == f"{W}tr":
            if event == "start":
                row = []
                continue
            text, row = " | ".join(row or []), None
        elif event != "end":
            continue
        elif element.tag == text_tag:
            current.append(element.text or "")
            continue
        elif element.tag == f"{W}tab":
            current.append("\t")
            continue
        elif element.tag == para_tag:
            text, current = "".join(current).strip(), []
            if row is not None:
                if text:
                    row.append(text)
                continue
        elif stop is not None and stop(element):
            return Excerpt(tuple(paragraphs), more=True)
        else:
            continue
        element.clear()
        if text:
            paragraphs.append(text)
        if sum(map(len, paragraphs)) >= MAX_CHARS or len(paragraphs) >= MAX_PARAGRAPHS:
            return Excerpt(tuple(paragraphs), more=True)
    return Excerpt(tuple(paragraphs))


def _page_break(element: Element) -> bool:
    return element.tag == f"{W}br" and element.get(f"{W}type") == "page"


def _docx(archive: zipfile.ZipFile) -> Excerpt:
    """The first paragraphs of the body, up to the first hard page break."""
    return _paragraphs(_events(archive, "word/document.xml"), f"{W}t", f"{W}p", _page_break)


def _pptx(archive: zipfile.ZipFile) -> Excerpt:
    """The text of the first slide, in presentation order."""
    main = "ppt/presentation.xml"
    first = next((e.get(f"{R}id") for ev, e in _events(archive, main)
                  if ev == "end" and e.tag == f"{P}sldId"), None)
    if first is None:
        return Excerpt()
    return _paragraphs(_events(archive, _target(archive, main, first)), f"{A}t", f"{A}p")


def _xlsx(archive: zipfile.ZipFile) -> Excerpt:
    """The first rows and columns of the first sheet, values as Excel shows them (roughly)."""
    main = "xl/workbook.xml"
    sheet = next((e for ev, e in _events(archive, main)
                  if ev == "end" and e.tag == f"{S}sheet"), None)
    if sheet is None:
        return Excerpt()
    cells, more = _cells(archive, _target(archive, main, sheet.get(f"{R}id", "")))
    shared = _shared_strings(archive, {int(v) for kind, v, _ in cells.values()
                                       if kind == "s" and v.isdigit()})
    dates = _date_styles(archive)
    width = min(MAX_COLUMNS, 1 + max((c for _, c in cells), default=-1))
    rows = []
    for row in sorted({r for r, _ in cells}):
        values = [_value(cells.get((row, col)), shared, dates) for col in range(width)]
        rows.append(tuple(values))
    return Excerpt(rows=tuple(rows), sheet=sheet.get("name", ""), more=more)


def _column(ref: str) -> int:
    number = 0
    for char in ref:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number - 1


def _cells(archive: zipfile.ZipFile, part: str) -> tuple[dict, bool]:
    """(row, column) -> (type, raw value, style) of the first MAX_ROWS non-empty rows."""
    cells: dict[tuple[int, int], tuple[str, str, int]] = {}
    rows_seen = 0
    for event, element in _events(archive, part):
        if event != "end":
            continue
        if element.tag == f"{S}row":
            row_cells = {}
            for c in element.iter(f"{S}c"):
                col = _column(c.get("r", ""))
                if not 0 <= col < MAX_COLUMNS:
                    continue
                kind = c.get("t", "n")
                value = c.findtext(f"{S}v")
                if kind == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter(f"{S}t"))
                elif not value and c.findtext(f"{S}f"):
                    value, kind = "=" + c.findtext(f"{S}f"), "str"  # never calculated
                if value:
                    row_cells[(rows_seen, col)] = (kind, value, int(c.get("s", "0") or 0))
            element.clear()
            if row_cells:
                if rows_seen == MAX_ROWS:
                    return cells, True
                cells.update(row_cells)
                rows_seen += 1
    return cells, False


def _shared_strings(archive: zipfile.ZipFile, wanted: set[int]) -> dict[int, str]:
    if not wanted or "xl/sharedStrings.xml" not in archive.namelist():
        return {}
    found, index, last = {}, 0, max(wanted)
    for event, element in _events(archive, "xl/sharedStrings.xml"):
        if event == "end" and element.tag == f"{S}si":
            if index in wanted:
                found[index] = "".join(t.text or "" for t in element.iter(f"{S}t"))
            element.clear()
            index += 1
            if index > last:
                break
    return found


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of cell styles (cellXfs) whose number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    custom: dict[int, bool] = {}
    styles: set[int] = set()
    inside, index = False, 0
    for event, element in _events(archive, "xl/styles.xml"):
        if element.tag == f"{S}cellXfs":
            inside = event == "start"
            if not inside:
                break
        elif event == "end" and element.tag == f"{S}numFmt":
            code = _DATE_CODE.sub("", element.get("formatCode", "")).lower()
            custom[int(element.get("numFmtId", "0"))] = bool(re.search(r"[ymd]", code))
        elif event == "end" and inside and element.tag == f"{S}xf":
            fmt = int(element.get("numFmtId", "0"))
            if fmt in _DATE_FORMATS or custom.get(fmt):
                styles.add(index)
            index += 1
    return styles


def _value(cell: tuple[str, str, int] | None, shared: dict[int, str], dates: set[int]) -> str:
    if cell is None:
        return ""
    kind, value, style = cell
    if kind == "s":
        return shared.get(int(value), "") if value.isdigit() else ""
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    if kind == "n":
        try:
            number = float(value)
        except ValueError:
            return value
        if style in dates and 0 < number < 2958466:
            day = dt.date(1899, 12, 30) + dt.timedelta(days=int(number))
            return day.isoformat()
        return f"{number:,.0f}" if number.is_integer() else f"{number:,.10g}"
    return value

