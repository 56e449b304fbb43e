#!/usr/bin/env python3
"""Refresh the vendored Mermaid: the intranet has no internet, so the site serves its own copy.

Material for MkDocs loads Mermaid from unpkg.com unless a global `mermaid` exists; the
engine's `vendor/mermaid/loader.js` provides one that loads this file instead.

    python scripts/vendor_mermaid.py            # the version pinned below
    python scripts/vendor_mermaid.py 11.18.0    # another 11.x (Material 9 expects 11)

Needs `npm` (it only downloads the package tarball: `npm pack`, no install scripts run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "11.17.2"
TARGET = Path(__file__).resolve().parent.parent / "hooks/playbook_kb/build/assets/vendor/mermaid"
FILES = {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "LICENSE"}


def vendor(version: str = VERSION) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["npm", "pack", f"mermaid@{version}", "--json", "--silent"],
                             cwd=tmp, check=True, capture_output=True, text=True).stdout
        info = json.loads(out)[0]
        with tarfile.open(Path(tmp) / info["filename"]) as tar:
            for member, name in FILES.items():
                source = tar.extractfile(member)
                if source is None:
                    raise SystemExit(f"{member} is missing from mermaid@{version}")
                with source, open(TARGET / name, "wb") as target:
                    shutil.copyfileobj(source, target)
    (TARGET / "VERSION").write_text(
        f"mermaid {info['version']}\n"
        f"source: npm registry, {info['filename']} (dist/mermaid.min.js)\n"
        f"integrity: {info['integrity']}\n"
        "refresh: python scripts/vendor_mermaid.py [VERSION]\n", encoding="utf-8")
    return TARGET


if __name__ == "__main__":
    print(vendor(*sys.argv[1:2]))
