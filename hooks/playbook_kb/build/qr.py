"""QR codes for printed handouts: inline SVG made at build time, nothing loaded later.

segno (pure Python, maintained, no dependencies) encodes the module's permanent URL;
the SVG is drawn with one path, scales to any print size and needs no image file.
"""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)  # `mkdocs serve` rebuilds: the same URLs, the same codes
def qr_svg(url: str) -> str:
    """An inline <svg> QR code of `url` (error correction M, quiet zone of 4 modules)."""
    # a fixed mask: choosing the best of eight is most of the cost and any mask decodes
    code = segno.make_qr(url, error="m", mask=0)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="kb-qr-code",
                           lineclass=None, title=url)
