"""Issue 13, defect 11: Office samples show their first words in the gallery, read with
bounded cost; a file that cannot be read falls back to the type tile, the download stays."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from playbook_kb.load.office import MAX_PART_BYTES, office_excerpt

from .conftest import build_site, make_repo

SAMPLES = "playbooks/sales-email/samples"
PRESENTATION = ('<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
                ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/>'
                '</p:sldIdLst></p:presentation>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="slides/slide1.xml"/>'
        '<Relationship Id="rId2" Target="slides/slide2.xml"/></Relationships>')


def slide(*paragraphs: str) -> str:
    body = "".join(f"<a:p><a:r><a:t>{p}</a:t></a:r></a:p>" for p in paragraphs)
    return ('<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f"<p:cSld><p:spTree><p:sp><p:txBody>{body}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>")


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("提案書（架空）", level=1)
    document.add_paragraph("株式会社サンプル商事 御中")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "提出日", "2026-10-01"
    document.add_page_break()
    document.add_paragraph("2 ページ目の本文")
    document.save(path)


def write_xlsx(path: Path) -> None:
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "集計"
    sheet.append(["月", "件数", "日付", "計算"])
    sheet.append(["10 月", 1520, dt.date(2026, 10, 31), "=B2*2"])
    for n in range(20):
        sheet.append([f"行 {n}", n])
    book.create_sheet("別のシート").append(["見えない"])
    book.save(path)


def write_pptx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as pptx:
        pptx.writestr("ppt/presentation.xml", PRESENTATION)
        pptx.writestr("ppt/_rels/presentation.xml.rels", RELS)
        pptx.writestr("ppt/slides/slide1.xml", slide("2 枚目"))
        pptx.writestr("ppt/slides/slide2.xml", slide("展示会のご案内", "11 月 5 日〜7 日"))


def test_a_word_document_shows_its_first_page(tmp_path: Path) -> None:
    write_docx(tmp_path / "a.docx")
    excerpt = office_excerpt(tmp_path / "a.docx")
    assert excerpt.paragraphs == ("提案書（架空）", "株式会社サンプル商事 御中", "提出日 | 2026-10-01")
    assert excerpt.more  # stopped at the page break


def test_a_workbook_shows_the_first_rows_of_its_first_sheet(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx")
    excerpt = office_excerpt(tmp_path / "a.xlsx")
    assert excerpt.sheet == "集計"
    assert excerpt.rows[:2] == (("月", "件数", "日付", "計算"),
                                ("10 月", "1,520", "2026-10-31", "=B2*2"))
    assert len(excerpt.rows) == 7 and excerpt.more


def test_a_presentation_shows_its_first_slide_in_presentation_order(tmp_path: Path) -> None:
    write_pptx(tmp_path / "a.pptx")
    assert office_excerpt(tmp_path / "a.pptx").paragraphs == ("展示会のご案内", "11 月 5 日〜7 日")


@pytest.mark.parametrize("content", [
    b"not a zip",
    "doctype",
    "huge",
])
def test_hostile_or_broken_files_give_no_excerpt_quickly(tmp_path: Path, content) -> None:
    path = tmp_path / "a.docx"
    if content == "doctype":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a '
                             '"aaaaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
                             'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a;</w:t></w:r>'
                             '</w:p></w:body></w:document>')
    elif content == "huge":  # one endless paragraph: 50 MB of XML that compresses to little
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.'
                             'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
                             "<w:t>" + "あ" * (MAX_PART_BYTES * 2) + "</w:t>")
    else:
        path.write_bytes(content)
    started = time.perf_counter()
    assert not office_excerpt(path)
    assert time.perf_counter() - started < 10  # bounded: at most MAX_PART_BYTES are parsed


def test_the_gallery_shows_office_excerpts_and_keeps_the_downloads(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    samples = root / SAMPLES
    write_docx(samples / "proposal.docx")
    write_xlsx(samples / "counts.xlsx")
    write_pptx(samples / "event.pptx")
    (samples / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    build = build_site(root)
    assert build.returncode == 0, build.output
    html = build.html(f"{SAMPLES}/")
    assert re.search(r'class="kb-preview kb-doc-preview"[^>]*>\s*<p>提案書（架空）</p>', html)
    assert "<caption>集計</caption>" in html and "<td>2026-10-31</td>" in html
    assert "<p>展示会のご案内</p>" in html
    assert 'class="kb-preview kb-filetile kb-filetile-docx" href="broken.docx"' in html
    for name in ("proposal.docx", "counts.xlsx", "event.pptx", "broken.docx"):
        assert f'<a href="{name}" download>' in html
    assert html.count('class="kb-more"') >= 2  # "only the beginning is shown"
