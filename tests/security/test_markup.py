"""Check mode = build mode: the same Markdown extensions, and nothing lost from real pages."""

from __future__ import annotations

from pathlib import Path

import yaml

from playbook_kb.check.markup import EXTENSIONS, markup_removals, may_change, render_markdown
from playbook_kb.check.sanitize import removals, sanitize, sanitize_page
from playbook_kb.load.textio import split_front_matter

REPO = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_the_check_renders_with_the_extensions_of_mkdocs_yml() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert sorted(EXTENSIONS) == sorted({"toc", "tables", "fenced_code", *names})


def test_the_repository_playbooks_lose_nothing_to_the_sanitizer() -> None:
    files = sorted((REPO / "playbooks").glob("*/**/*.md"))
    assert len(files) >= 72
    for path in files:
        body = split_front_matter(path.read_text(encoding="utf-8")).body
        html = render_markdown(body)
        assert removals(html) == [], path  # rendered in full, pre-check or not
        assert not may_change(body) or markup_removals(body) == [], path


def test_the_engine_part_of_a_page_is_left_alone_and_markers_are_the_engines() -> None:
    engine = '<nav class="kb-parts" data-search-exclude><a aria-current="page">概要</a></nav>'
    page = (engine + "<!--kb:contributor-->" + '<p id="a" onclick="x()">本文</p>'
            "<!--/kb:contributor--><script>alert(1)</script><!--kb:contributor-->"
            '<p style="position:fixed">x</p>' + "<!--/kb:contributor-->" + engine)
    out = sanitize_page(page)
    assert out.startswith(engine) and out.endswith(engine)  # the first START, the last END
    assert "<script>" not in out and "onclick" not in out and "position" not in out
    assert '<p id="user-content-a">本文</p>' in out
    assert sanitize_page("<p onclick=x>no markers</p>") == sanitize("<p onclick=x>no markers</p>")


def test_the_leading_title_moves_to_the_engines_slot_only_once_sanitized() -> None:
    engine = '<p class="kb-crumb">提案</p>\n'
    summary = '\n<p class="kb-summary">要約</p>\n'
    title = ('<h1 id="__config" onclick="x()">業務フロー<img src=x onerror=alert(1)>'
             '<a class="headerlink" href="#__config">¶</a></h1>')
    page = (engine + "<!--kb:title-->" + summary + "<!--kb:contributor-->\n" + title
            + "\n<p>本文</p>\n<!--kb:title--><h1>二つ目</h1>\n<!--/kb:contributor-->")
    out = sanitize_page(page)
    moved = ('<h1 id="user-content-__config">業務フロー<img src="x">'
             '<a class="headerlink" href="#user-content-__config">¶</a></h1>')
    assert out.startswith(engine + moved + summary)
    assert out.count("<h1") == 2 and "<!--" not in out  # the contributor's slot is a comment
    assert "onclick" not in out and "onerror" not in out


def test_a_part_without_a_leading_title_leaves_the_slot_empty() -> None:
    page = ("<!--kb:title--><p class=kb-summary>s</p><!--kb:contributor-->"
            "<p>前文</p><h1>後の見出し</h1><!--/kb:contributor-->")
    assert sanitize_page(page) == '<p class=kb-summary>s</p><p>前文</p><h1>後の見出し</h1>'
