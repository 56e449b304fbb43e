"""A trainer's links: copied in full from the tier page, printed with a QR code that a
phone can read. The QR code is decoded from the printed page (Chromium's PDF rendered
by pdftoppm), not from the SVG the build wrote, so what is tested is what is on paper.

PNGs of the tier page and its print land in $KB_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import add_kb_setting, make_repo

from .conftest import build, open_shadow_roots, serve

pytestmark = pytest.mark.browser

SITE_URL = "https://kb.example.co.jp/"  # mkdocs.yml site_url
A4_WIDTH_PX = 794


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """(width, height, pixels) of the binary PGM pdftoppm -gray writes: "P5\nW H\n255\n"."""
    magic, size, maxval, pixels = path.read_bytes().split(b"\n", 3)
    assert (magic, maxval) == (b"P5", b"255")
    width, height = map(int, size.split())
    return width, height, pixels[:width * height]


def decoded_qr_codes(pdf: bytes, tmp_path: Path) -> list[str]:
    import zxingcpp

    (tmp_path / "tier.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "150", tmp_path / "tier.pdf", tmp_path / "p"],
                   check=True)
    texts = []
    for image in sorted(tmp_path.glob("p*.pgm")):
        width, height, pixels = _pgm(image)
        view = memoryview(pixels).cast("B", (height, width))
        texts += [code.text for code in zxingcpp.read_barcodes(view)
                  if code.format == zxingcpp.BarcodeFormat.QRCode]
    return texts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_printed_tier_page_has_full_urls_and_qr_codes_a_phone_can_read(site, page, tmp_path):
    open_shadow_roots(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site("curriculum/basic/"))
    page.wait_for_load_state("networkidle")
    links = page.locator(".kb-permalink code").all_inner_texts()
    assert f"{SITE_URL}m/what-is-ai/" in links  # the full, tier-independent URL
    copy = page.locator(".kb-copy-link").first
    assert copy.is_visible() and copy.get_attribute("data-clipboard-text") == links[0]
    assert not page.locator(".kb-qr").first.is_visible()  # QR codes are for paper
    folder = os.environ.get("KB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / "tier-basic.png"), full_page=True)
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    page.emulate_media(media="print")
    assert page.locator(".kb-qr").first.is_visible()
    assert not copy.is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    if folder:
        (tmp_path / "shot.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", tmp_path / "shot.pdf",
                        Path(folder) / "print-tier-basic"], check=True)
    decoded = decoded_qr_codes(pdf, tmp_path)
    assert set(links) <= set(decoded), f"QR codes on paper: {decoded}"
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert f"{SITE_URL}m/what-is-ai/" in text  # readable on paper without a phone


def test_permanent_module_url_lands_on_the_module(site, page):
    page.goto(site("m/what-is-ai/"))
    page.wait_for_url("**/curriculum/basic/#what-is-ai")
    assert page.locator("#what-is-ai").is_visible()


def test_an_anchor_on_the_wrong_page_of_a_long_tier_finds_its_module(
        tmp_path_factory, page):
    """A tier split into pages (modules_per_page): a link written before the split, or
    typed, to /curriculum/basic/#<id> of a module now on page 3 lands on that module; an
    anchor no module has stays on the page."""
    root = make_repo(tmp_path_factory.mktemp("split"), "curriculum")
    add_kb_setting(root, "modules_per_page: 2")
    server = serve(build(root, root / "site", strict=True))
    data = json.loads((server.site / "curriculum.json").read_text(encoding="utf-8"))
    third = next(m for m in data["modules"] if m["anchor_url"].startswith("curriculum/basic/3/"))
    page.goto(server(f"curriculum/basic/#{third['id']}"))
    page.wait_for_url(f"**/curriculum/basic/3/#{third['id']}")
    assert page.locator(f"[id='{third['id']}']").is_visible()
    page.goto(server("curriculum/basic/#no-such-module"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.url.endswith("/curriculum/basic/#no-such-module")
