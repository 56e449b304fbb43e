"""scripts/compare_engines.py: only the generator tag may differ between engines."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "compare_engines.py"
spec = importlib.util.spec_from_file_location("compare_engines", SCRIPT)
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_generator_tag_is_the_only_allowed_difference(tmp_path: Path) -> None:
    left, right = tmp_path / "a", tmp_path / "b"
    write(left, "index.html", '<meta name="generator" content="mkdocs-1.6.1">本文')
    write(right, "index.html", '<meta name="generator" content="mkdocs-ProperDocs 1.6.7">本文')
    assert compare.differences(left, right) == []


def test_content_and_missing_files_are_reported(tmp_path: Path) -> None:
    left, right = tmp_path / "a", tmp_path / "b"
    write(left, "index.html", "本文")
    write(right, "index.html", "本文!")
    write(left, "only.html", "x")
    assert compare.differences(left, right) == ["index.html: content differs",
                                                "only.html: only in mkdocs"]
