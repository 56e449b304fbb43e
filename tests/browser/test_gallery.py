"""SPEC §4: the samples page is a gallery with previews and download links."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from .conftest import REPO, build, serve

pytestmark = pytest.mark.browser

FIXTURE = REPO / "tests/fixtures/minimal"
CSV = "月,件数,平均時間（分）\n2026-08,120,38\n2026-09,140,21\n2026-10,160,12\n"
TEXT = "\n".join(f"{n} 行目: 件名の案と本文の下書き" for n in range(1, 21)) + "\n"


@pytest.fixture(scope="session")
def gallery(browser, tmp_path_factory):
    """A fixture repository whose playbook has one sample of every kind, built and served."""
    root = tmp_path_factory.mktemp("gallery") / "repo"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    for folder in ("hooks", "docs"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(FIXTURE / "playbooks", root / "playbooks")
    samples = root / "playbooks/sales-email/samples"
    page = browser.new_page(viewport={"width": 800, "height": 500})
    page.set_content("<h1 style='font:48px sans-serif'>提案メール 完成例</h1><p>お礼と次の提案</p>")
    page.screenshot(path=samples / "screen.png")
    (samples / "report.pdf").write_bytes(page.pdf(format="A4"))
    page.close()
    (samples / "counts.csv").write_text(CSV, encoding="utf-8")
    (samples / "draft.txt").write_text(TEXT, encoding="utf-8")
    with zipfile.ZipFile(samples / "proposal.docx", "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
    site = serve(build(root, root / "site"))
    return site, site("playbooks/sales-email/samples/")


def sample(page, name: str):
    return page.locator(".kb-sample").filter(has=page.locator("h3", has_text=name))


def test_markdown_samples_show_their_first_words_and_open_as_pages(page, gallery):
    site, url = gallery
    page.goto(url)
    card = page.locator(".kb-sample-markdown").first
    assert "佐藤様" in card.locator(".kb-excerpt").inner_text()
    card.locator("h3 a:not(.headerlink)").click()
    assert page.url.endswith("/samples/mail/")


def test_images_show_the_picture(page, gallery):
    site, url = gallery
    page.goto(url)
    image = sample(page, "screen.png").locator("img")
    image.scroll_into_view_if_needed()
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=image.element_handle())
    assert "screen.png" in image.get_attribute("alt")


def test_pdf_is_previewed_inline_with_a_link_when_the_browser_cannot(page, gallery):
    page.set_default_timeout(60_000)  # the inline PDF viewer is slow on a busy CI machine
    site, url = gallery
    page.goto(url)
    pdf = sample(page, "report.pdf").locator("object.kb-pdf")
    assert pdf.get_attribute("type") == "application/pdf"
    assert pdf.get_attribute("data").startswith("report.pdf#page=1")
    response = page.request.get(url + "report.pdf")
    assert response.ok and response.body().startswith(b"%PDF")
    assert pdf.locator("a").get_attribute("href") == "report.pdf"  # the fallback inside


def test_csv_becomes_a_table_and_text_its_first_lines(page, gallery):
    site, url = gallery
    page.goto(url)
    table = sample(page, "counts.csv").locator("table")
    assert table.locator("thead th").all_inner_texts() == ["月", "件数", "平均時間（分）"]
    assert table.locator("tbody tr").count() == 3
    text = sample(page, "draft.txt")
    assert text.locator("pre").inner_text().splitlines()[0] == "1 行目: 件名の案と本文の下書き"
    assert "ほか 8 行" in text.locator(".kb-more").inner_text()


def test_office_files_are_download_links_with_type_and_size(page, gallery):
    site, url = gallery
    page.goto(url)
    card = sample(page, "proposal.docx")
    assert card.locator(".kb-type").inner_text() == "Word 文書"
    assert card.locator(".kb-size").inner_text().endswith(" B")
    link = card.locator(".kb-sample-meta a[download]")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "proposal.docx"


def test_the_real_sample_files_have_previews(site, page):
    samples = sorted(site.site.glob("playbooks/*/samples/*.*"))
    kinds = {path.suffix for path in samples}
    for gallery_page in sorted(site.site.glob("playbooks/*/samples/index.html")):
        html = gallery_page.read_text(encoding="utf-8")
        assert 'class="kb-gallery"' in html, gallery_page
    if ".csv" in kinds:
        csv_page = next(p for p in samples if p.suffix == ".csv").parent
        page.goto(site(csv_page.relative_to(site.site).as_posix() + "/"))
        assert page.locator(".kb-table-preview table tbody tr").count() > 0
