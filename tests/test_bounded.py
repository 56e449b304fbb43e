"""Bounded work on contributor text: every pattern gets a 1 MB line built to make a
backtracking regex read the rest of the line again from every position.

These tests assert results only. A quadratic pattern would not fail them quickly, it
would make them hang (hours at 1 MB): the speed itself is measured by
`scripts/bench.py --only check` (the `adversarial` row), not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.build.findability import concept_tokens, unmark
from playbook_kb.build.pages.gallery import _markdown
from playbook_kb.check.detectors import find
from playbook_kb.check.normalize import for_scan
from playbook_kb.check.parts import content_chars, strip_comments
from playbook_kb.i18n import text as i18n_text
from playbook_kb.load.doctext import xml_text
from playbook_kb.load.paragraphs import long_paragraph
from playbook_kb.load.taxonomy import KEY
from playbook_kb.load.textio import find_links, mask_code, split_front_matter
from playbook_kb.load.training import _first_heading

MB = 1_000_000
PB = "playbooks/sales-email"


def line(unit: str, tail: str = "") -> str:
    return unit * (MB // len(unit)) + tail


def test_inline_code_runs_without_partners() -> None:
    text = "a" + line("`", "a" * MB)  # openers of every length, no closer of one
    assert mask_code(text) == text
    text = "``" + line("a`") + "a``"
    assert mask_code(text) == " " * len(text)


@pytest.mark.parametrize(("text", "links"), [
    (line("[", "](x)"), [("x", MB + 2)]),
    (line("[a"), []),
    (line('[a](x "'), []),
    (line("[a](x ("), []),
    (line("href='"), [("href=", 6)]),
    ("[" + line("a") + "]: y", [("y", MB + 4)]),
    (line("[\n"), []),
])
def test_links(text: str, links: list[tuple[str, int]]) -> None:
    assert find_links(text)[:1] == links


def test_comments_without_an_end() -> None:
    text = line("<!--")
    assert strip_comments(text) == text
    assert content_chars(text, enough=30) >= 30


def test_gallery_excerpt_of_brackets() -> None:
    title, excerpt = _markdown(line("["))
    assert title == "" and excerpt.startswith("[[[") and excerpt.endswith("…")


def test_search_concepts_and_pagefind_attributes() -> None:
    assert concept_tokens(line("<")) == []
    assert unmark(line("data-pagefind-")) == "data-kb-unmarked-" * (MB // 14)


def test_training_heading_with_trailing_spaces() -> None:
    assert _first_heading("# a" + " " * MB + "b\n") == "a" + " " * MB + "b"


def test_front_matter_never_closed() -> None:
    assert split_front_matter("---\n" + line("a")).front is None


def test_slug_of_a_million_hyphens() -> None:
    assert KEY.fullmatch(line("a-", "!")) is None
    assert KEY.fullmatch(line("a-", "a"))


def test_office_xml_of_open_tags() -> None:
    assert xml_text(line("<")) == line("<")
    assert xml_text(line("<w:p")) == line("<w:p")


@pytest.mark.parametrize(("text", "kinds"), [
    (line("&#48;"), []),
    (line("&#4"), []),
    (line("<a"), []),
    (line("%4"), []),
    (line("%30"), []),
    (line("0-"), []),
    (line("1 "), []),
    (line("0"), []),
    (line("0 0-0.0(0)"), []),
    (line("a@"), []),
    (line("x@a."), ["メールアドレス"] * 1000),  # x@a.x, @a.x@… mid-word; the first 1,000
    ("x@" + line("a.", "jp"), ["メールアドレス"]),
    (line("sk-"), ["OpenAI API キー"]),
    (line("AKIA"), []),
    (line("key="), []),
    (line("key=a"), []),
    (line("password: "), []),
    (line("-----BEGIN "), []),
    (line("aws_secret"), []),
    (line("\u200b"), []),
    (line("０"), []),
    (line("０-"), []),
    (line("090-1234-5678 "), ["電話番号"] * 1000),  # the first 1,000: the file is refused
])
def test_sensitive_data_scan(text: str, kinds: list[str]) -> None:
    assert [i18n_text("ja", h.kind) for h in find(for_scan(text))] == kinds


def test_check_of_pathological_lines(root: Path) -> None:
    """The rules end to end (links, HTML, attribute lists, parts, leftovers, sensitive
    data) over a workflow made of 1 MB lines."""
    lines = [line("{a"), "{" + line("a") + "}", line("[a](b "), line("<a "), line("`"),
             line("<!--"), line("{ onclick"), "x" * MB, line("[a](index.md) "),
             line("【要記入】"), line("key=Xk9mQ2vL7pR4wZ8b3N ")]
    path = root / PB / "workflow.md"
    before = path.read_text(encoding="utf-8") + "\n"
    path.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    leftover_line = before.count("\n") + 1 + lines.index(line("【要記入】"))
    from playbook_kb import Settings

    catalog, findings = check(root, Settings(max_file_bytes=64 * MB))
    assert {f.rule for f in findings} == {"file-size", "template-leftover", "sensitive-data"}
    # Python-Markdown is quadratic in a paragraph: the file is refused, never rendered
    assert [(f.path, f.line) for f in findings if f.rule == "file-size"] == [
        (f"{PB}/workflow.md", before.count("\n") + 1)]
    assert not catalog.playbook("sales-email").file("workflow.md").publishable
    assert [f.line for f in findings if f.rule == "template-leftover"] == [leftover_line]
    assert len([f for f in findings if f.rule == "sensitive-data"]) == 2  # one value, a count


@pytest.mark.parametrize(("text", "found"), [
    ("段落の一行目\n" * 2000, (1, 8_001)),  # lines with no blank line: one paragraph
    ("段落\n\n" * 5000, None),
    ("- 項目\n" * 5000, None),  # each list item, table row or heading renders alone
    ("| a | b |\n" * 2000, None),
    ("```\n" + "code\n" * 5000 + "```\n", None),
    ("```\n" + "text\n" * 5000, (1, 8_004)),  # never closed: Markdown reads it as text
    ("ok\n\n" + line("[a](b "), (3, MB - MB % 6 + 1)),
    (line("```\n"), None),
])
def test_long_paragraphs(text: str, found: tuple[int, int] | None) -> None:
    assert long_paragraph(text) == found


# -- archives, numbers, slugs, trainer macros -------------------------------------------

def _bomb(path: Path, megabytes: int) -> None:
    """A .docx whose one member expands to `megabytes` of zeros (compressed ~1000:1)."""
    import zipfile

    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)


def test_a_zip_bomb_is_a_finding_and_is_never_read(root: Path, monkeypatch) -> None:
    import zipfile

    bomb = root / PB / "samples" / "bomb.docx"
    _bomb(bomb, 64)  # 64 KB on disk, 64 MB expanded: the ratio gives it away
    assert bomb.stat().st_size < 100 * 1024

    def no_reading(*args, **kwargs):
        raise AssertionError("a member was read")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    catalog, findings = check(root)
    assert [(f.rule, f.path) for f in findings] == [("file-size", f"{PB}/samples/bomb.docx")]
    assert "64.0 MB に展開されます" in findings[0].message
    source = catalog.playbook("sales-email").file("samples/bomb.docx")
    assert not source.publishable and source.withheld == "file-size"


def test_archive_caps_are_checked_on_the_declared_sizes(tmp_path: Path) -> None:
    """600 MB declared (the 0.6 MB .docx of the report): refused on the total alone."""
    from playbook_kb.load.archive import Limits, inspect

    bomb = tmp_path / "bomb.docx"
    _bomb(bomb, 6)
    assert "6 MB になります" in inspect(bomb, Limits(total=5 * 1024 * 1024, ratio=10**9))
    assert inspect(bomb, Limits(total=7 * 1024 * 1024, ratio=10**9)) == ""


def test_an_archive_with_too_many_members_is_a_finding(root: Path) -> None:
    import zipfile

    with zipfile.ZipFile(root / PB / "samples" / "many.xlsx", "w") as archive:
        for number in range(5001):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", "")
    _, findings = check(root)
    assert [(f.rule, f.path) for f in findings] == [("file-size", f"{PB}/samples/many.xlsx")]
    assert "5001 個" in findings[0].message


def _set(root: Path, old: str, new: str) -> None:
    index = root / PB / "index.md"
    text = index.read_text(encoding="utf-8")
    assert old in text
    index.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "says"), [
    ("baseline_minutes: 120", "baseline_minutes: 1.0e+308", "100,000 以下"),
    ("current_minutes: 30", "current_minutes: 100001", "100,000 以下"),
    ("runs_per_month: 40", "runs_per_month: 1.0e+7", "1,000,000 以下"),
    ("users: 12", "users: 10000000", "1,000,000 以下"),
])
def test_metrics_out_of_bounds(root: Path, old: str, new: str, says: str) -> None:
    _set(root, old, new)
    _, findings = check(root)
    assert [(f.rule, f.line) for f in findings] == [("metrics", 13)]
    assert says in findings[0].message


def test_huge_metrics_never_give_infinity_or_nan(tmp_path: Path) -> None:
    import json

    from playbook_kb.build.pages import build_site

    from .conftest import make_repo

    root = make_repo(tmp_path, "minimal")
    _set(root, "baseline_minutes: 120", "baseline_minutes: 1.0e+308")
    _set(root, "runs_per_month: 40", "runs_per_month: 1.0e+308")
    catalog, findings = check(root)
    plan = build_site(catalog, findings)
    catalog_json = plan.files["playbooks.json"]
    assert "Infinity" not in catalog_json and "NaN" not in catalog_json
    assert json.loads(catalog_json)["playbooks"][0]["metrics"] is None
    assert "nan" not in plan.pages["impact/index.md"] and "inf" not in plan.pages["impact/index.md"]


def test_json_refuses_non_finite_numbers() -> None:
    import json

    with pytest.raises(ValueError):
        json.dumps({"x": float("inf")}, allow_nan=False)


def test_a_slug_with_a_trailing_newline_is_refused(root: Path, capsys) -> None:
    from playbook_kb.tools.cli import main

    (root / PB).rename(root / "playbooks" / "sales-email\n")
    _, findings = check(root)
    assert ("slug", "playbooks/sales-email\n") in [(f.rule, f.path) for f in findings]
    assert main(["codeowners", "--root", str(root)]) in (0, 1)
    assert "sales-email" not in capsys.readouterr().out
    assert main(["check", "--root", str(root)]) == 1  # one finding per line, newline shown
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("playbooks/sales-email\\n: error: ") for line in lines)
    assert all(line.startswith(("playbooks/", "プレイブック")) for line in lines), lines


@pytest.mark.parametrize(("template", "says"), [
    ("{{ 'x' * 300000000 }}", "繰り返しが大きすぎます"),
    ("{{ 'x' | center(300000000) }}", "引数の数が大きすぎます"),
    ("{{ 'x'.ljust(300000000) }}", "引数の数が大きすぎます"),
    ("{{ '%999999999d' % 1 }}", "書式の幅"),
    ("{{ '{:>999999999}'.format(1) }}", "書式の幅"),
    ("{% set n = 10 %}{{ n ** 1000000 }}", "べき乗"),
    ("{{ range(100000) | list * 100 }}", "繰り返し"),
    ("{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "一つの値が大きすぎます"),
    ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "ページが大きすぎます"),
])
def test_trainer_templates_have_size_and_arithmetic_limits(template: str, says: str) -> None:
    from jinja2 import Environment, StrictUndefined

    from playbook_kb.build.trainer_macros import MacroLimit, sandboxed

    env = sandboxed(Environment(undefined=StrictUndefined))
    env.start_page("training/big.md")
    with pytest.raises(MacroLimit) as caught:
        env.from_string(template).render()
    assert str(caught.value).startswith("docs/training/big.md: ")
    assert says in str(caught.value)
    ok = "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ 'x' | center(5) }} {{ '%3d' % 7 }}"
    assert env.from_string(ok).render() == "ababab 1024   x     7"


def test_a_huge_trainer_page_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    from .conftest import build_site, make_repo

    root = make_repo(tmp_path, "curriculum")
    (root / "docs/training/big.md").write_text(
        "---\nrender_macros: true\n---\n# 大きい\n\n{{ 'x' * 300000000 }}\n", encoding="utf-8")
    build = build_site(root)
    assert build.returncode != 0
    assert "docs/training/big.md" in build.output and "繰り返しが大きすぎます" in build.output
