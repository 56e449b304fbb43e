"""Build the site with MkDocs and with ProperDocs and fail if the outputs differ.

Material for MkDocs and MkDocs 1.x are at the end of their life; ProperDocs is the
maintained MkDocs 1.x fork (mkdocs-redirects already depends on it). Both must build
this repository to the same bytes, except the `<meta name="generator">` tag that names
the engine. CI runs this script; run it locally the same way:

    .venv/bin/python scripts/compare_engines.py [--root DIR]

Exit 0: identical; 1: a build failed or a file differs (the first differences are listed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ENGINES = ("mkdocs", "properdocs")
TODAY = dt.date.today().isoformat()  # fixed once: a build across midnight still compares


def build(engine: str, root: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.setdefault("PLAYBOOK_KB_TODAY", TODAY)  # both builds measure against one date
    command = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{engine} build failed ({result.returncode}):\n{result.stderr[-3000:]}")


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two site folders, generator tag ignored."""
    files = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    files |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    found = []
    for rel in sorted(files):
        a, b = left / rel, right / rel
        if not (a.is_file() and b.is_file()):
            found.append(f"{rel}: only in {'mkdocs' if a.is_file() else 'properdocs'}")
        elif GENERATOR.sub(b"", a.read_bytes()) != GENERATOR.sub(b"", b.read_bytes()):
            found.append(f"{rel}: content differs")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sites = {engine: Path(tmp) / engine for engine in ENGINES}
        for engine, site in sites.items():
            build(engine, args.root, site)
        found = differences(*sites.values())
    for line in found[:20]:
        print(line)
    print(f"mkdocs vs properdocs: {len(found)} files differ")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
