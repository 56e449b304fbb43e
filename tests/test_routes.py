"""routes owns the site's shape: one table of parts, one way to name and link pages.

The tests add a part or read a link in routes alone and look for it in every page,
export and macro that shows parts: none of them may keep a list of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from playbook_kb import check, routes
from playbook_kb.build.pages import PIPELINE, Context, SitePlan, build_site
from playbook_kb.build.render import TEMPLATES
from playbook_kb.build.trainer_macros import TrainerMacros
from playbook_kb.load.gitinfo import History
from playbook_kb.routes import Part, doc_link, link, page_url, part_link

PAGE = "training/handout.md"


@pytest.mark.parametrize("src_uri, expected", [
    ("index.md", ""), ("matrix/index.md", "matrix/"), ("departments/sales.md", "departments/sales/"),
    ("playbooks/x/samples/index.md", "playbooks/x/samples/"), ("playbooks.json", "playbooks.json"),
])
def test_page_url_is_the_directory_url(src_uri, expected) -> None:
    assert page_url(src_uri) == expected


@pytest.mark.parametrize("src_uri, target, expected", [
    ("departments/sales.md", "playbooks/x/", "../../playbooks/x/"),
    ("departments/index.md", "departments/sales/#rollout-candidates", "sales/#rollout-candidates"),
    ("matrix/index.md", "outputs/email/#dept-hr", "../outputs/email/#dept-hr"),
    ("impact/index.md", "playbooks.json", "../playbooks.json"),
    ("index.md", "departments/sales/", "departments/sales/"),
    ("changes.md", "playbooks/x/", "../playbooks/x/"),
])
def test_link_is_a_url_relative_to_the_page(src_uri, target, expected) -> None:
    assert link(src_uri, target) == expected


def test_link_agrees_with_relpath_on_every_kind_of_path() -> None:
    """link() computes relative paths itself (relpath was a third of page generation):
    on odd paths too ("..", ".", empty segments, dots in names) it must say what
    posixpath.relpath says."""
    import itertools
    import posixpath

    segments = ["a", "b", "x.md", "..", ".", "", "日本語", "a.b"]
    paths = {"/".join(p).strip("/") for n in range(4)
             for p in itertools.product(segments, repeat=n)}
    for path, base in itertools.product(sorted(paths), repeat=2):
        try:
            expected = posixpath.relpath(path or ".", base or ".")
        except ValueError:
            continue
        assert routes._relative(path, base) == expected, (path, base)


@pytest.mark.parametrize("src_uri, target, expected", [
    ("curriculum/basic.md", "curriculum/basic.md#x", "#x"),  # the same page: the anchor only
    ("curriculum/index.md", "curriculum/basic.md#x", "basic.md#x"),
    ("training/handout.md", "playbooks/x/workflow.md", "../playbooks/x/workflow.md"),
    ("curriculum/index.md", "curriculum.json", "../curriculum.json"),
])
def test_doc_link_is_a_source_path_mkdocs_resolves(src_uri, target, expected) -> None:
    assert doc_link(src_uri, target) == expected


@pytest.mark.parametrize("src_uri, part, expected", [
    ("playbooks/x/index.md", "overview", "./"),
    ("playbooks/x/index.md", "workflow", "workflow/"),
    ("playbooks/x/workflow.md", "workflow", "../workflow/"),
    ("playbooks/x/samples/mail.md", "samples", "../../samples/"),
])
def test_part_links_go_through_the_playbook_folder(src_uri, part, expected) -> None:
    assert part_link(src_uri, "x", part) == expected


def test_templates_spell_no_url() -> None:
    """Templates receive finished URLs: no path of the site is written in one."""
    spelled = re.compile(r"\.\./|(?:departments|outputs|curriculum|playbooks)/['\"{]")
    for template in TEMPLATES.glob("*.j2"):
        assert not spelled.search(template.read_text(encoding="utf-8")), template.name


@pytest.fixture
def with_checklist(monkeypatch):
    """routes with one more (optional) part: checklist.md at /playbooks/<slug>/checklist/."""
    checklist = Part("checklist", "checklist.md", "checklist/", "workflow", False, "checklist")
    monkeypatch.setattr(routes, "PARTS", (*routes.PARTS[:-1], checklist, routes.PARTS[-1]))


def test_a_part_added_to_routes_reaches_every_page_export_and_macro(repo, with_checklist):
    root = repo("curriculum")
    pb = root / "playbooks" / "sales-email"
    (pb / "checklist.md").write_text("# チェックリスト\n\n送る前に金額と納期と宛先を確かめる。\n"
                                     "添付ファイルの版が最新か確かめる。\n", encoding="utf-8")
    catalog, findings = check(root)
    assert not [f for f in findings if f.rule == "missing-part"]  # optional: not required
    plan = build_site(catalog, findings, History())
    # the parts nav: a tab on every page, a link where the file exists
    assert 'href="checklist/"' in plan.pages["playbooks/sales-email/index.md"]
    assert 'aria-current="page" href="../checklist/"' in \
        plan.pages["playbooks/sales-email/checklist.md"]
    assert plan.pages["playbooks/prompt-drill/index.md"].count("kb-missing") == 1
    # playbooks.json
    parts = {p["slug"]: p["parts"] for p in json.loads(plan.files["playbooks.json"])["playbooks"]}
    assert parts["sales-email"]["checklist"] == "playbooks/sales-email/checklist/"
    assert parts["prompt-drill"]["checklist"] is None
    # the curriculum's materials and the trainer macros
    assert "(../playbooks/sales-email/checklist.md)" in plan.pages["curriculum/basic.md"]
    macros = TrainerMacros(catalog)
    assert "(../playbooks/sales-email/checklist.md)" in \
        macros.playbook_link(PAGE, "sales-email", "checklist")
    assert "(../playbooks/sales-email/checklist.md)" in macros.playbook_card(PAGE, "sales-email")


def test_a_new_url_for_a_part_changes_nav_json_and_panel_links(repo, monkeypatch):
    root = repo("curriculum")
    moved = [Part(p.key, p.file, "steps/", p.label, p.required, p.json_key)
             if p.key == "workflow" else p for p in routes.PARTS]
    monkeypatch.setattr(routes, "PARTS", tuple(moved))
    catalog, findings = check(root)
    plan = build_site(catalog, findings, History())
    assert 'href="steps/"' in plan.pages["playbooks/sales-email/index.md"]
    data = json.loads(plan.files["playbooks.json"])
    assert {p["parts"]["workflow"] for p in data["playbooks"]} == {
        f"playbooks/{slug}/steps/" for slug in ("prompt-drill", "sales-email", "support-faq")}


class _WriteOnce(dict):
    """A page dict that fails when a generator writes a page another one wrote."""

    def __setitem__(self, key, value):
        assert key not in self, f"{key} written twice"
        super().__setitem__(key, value)


def test_each_page_is_written_once_and_the_template_renders_the_footer(repo) -> None:
    root = repo("curriculum")
    catalog, findings = check(root)
    day = History(files={"playbooks/sales-email/workflow.md": dt.date(2026, 3, 20)})
    context = Context(catalog, tuple(findings), {}, "ja", day)
    plan = SitePlan(pages=_WriteOnce())
    for generate in PIPELINE:
        generate(context, plan)
    workflow = plan.pages["playbooks/sales-email/workflow.md"]
    assert '<aside class="kb-page-footer">' in workflow
    assert '<time datetime="2026-03-20">' in workflow
    assert '_page_footer.html.j2' in (TEMPLATES / "playbook_page.md.j2").read_text("utf-8")


def test_git_history_is_read_before_the_pipeline_not_by_a_generator(repo, monkeypatch):
    root = repo("curriculum")
    catalog, findings = check(root)

    def no_git(*args, **kwargs):
        raise AssertionError("a generator ran git")

    monkeypatch.setattr("playbook_kb.load.gitinfo.subprocess.run", no_git)
    plan = build_site(catalog, findings, History())  # given: nobody asks git again
    assert "changes.md" in plan.pages


def test_every_generated_playbook_page_is_named_by_routes(repo) -> None:
    catalog, findings = check(repo("curriculum"))
    plan = build_site(catalog, findings, History())
    for slug in ("prompt-drill", "sales-email", "support-faq"):
        for part in routes.parts():
            assert routes.playbook_src(slug, part.key) in plan.pages
    assert Path(routes.playbook_src("x", "samples")).name == "index.md"
