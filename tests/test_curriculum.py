"""Curriculum modules: reading training pages, teaching order, prerequisite findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.build.pages.curriculum_pages import curriculum_json
from playbook_kb.derive.curriculum import build_curriculum
from playbook_kb.load.training import load_module_pages, path_id
from playbook_kb.model import Catalog, ModulePage, Taxonomy, Training


def page(module_id: str, tier: str = "basic", *, title: str | None = None, order=None,
         prerequisites=(), minutes: int | None = None) -> ModulePage:
    return ModulePage(id=module_id, rel=f"docs/t/{module_id}.md", src_uri=f"t/{module_id}.md",
                      title=title or module_id,
                      training=Training(tier=tier, prerequisites=tuple(prerequisites),
                                        order=order, duration_minutes=minutes),
                      lines={"prerequisites": 5} if prerequisites else {})


def catalog(*pages: ModulePage) -> Catalog:
    return Catalog(Path("/repo"), Taxonomy("playbooks/taxonomy.yml"), (), module_pages=pages)


def order_of(*pages: ModulePage, tier: str = "basic") -> list[str]:
    return [m.id for m in build_curriculum(catalog(*pages)).tiers[tier]]


# -- teaching order ------------------------------------------------------------------

@pytest.mark.parametrize("pages, expected", [
    # no prerequisites, no order: by title
    ([page("b", title="いろは"), page("a", title="あいう")], ["a", "b"]),
    # an explicit order beats the title; modules without one come after
    ([page("a", title="あ"), page("b", title="い", order=2), page("c", title="う", order=1)],
     ["c", "b", "a"]),
    # equal order: title, then id
    ([page("z", title="Same", order=1), page("y", title="Same", order=1),
      page("x", title="Before", order=1)], ["x", "y", "z"]),
    # prerequisites win over order and title
    ([page("first", order=1, prerequisites=["second"]), page("second", order=9)],
     ["second", "first"]),
    # a chain, listed backwards
    ([page("c", prerequisites=["b"]), page("b", prerequisites=["a"]), page("a")], ["a", "b", "c"]),
    # a diamond: ties inside it still go by order
    ([page("top"), page("left", order=2, prerequisites=["top"]),
      page("right", order=1, prerequisites=["top"]), page("end", prerequisites=["left", "right"])],
     ["top", "right", "left", "end"]),
])
def test_modules_follow_prerequisites_then_order_then_title(pages, expected):
    assert order_of(*pages) == expected


def test_a_prerequisite_in_another_tier_does_not_hold_a_module_back():
    pages = (page("rules", "applied"), page("intro", "basic"),
             page("usage", "applied", prerequisites=["intro"], order=0))
    assert order_of(*pages, tier="applied") == ["usage", "rules"]
    assert build_curriculum(catalog(*pages)).findings == ()


def test_a_cycle_is_an_error_naming_every_file_and_the_modules_still_appear():
    pages = (page("a", prerequisites=["c"]), page("b", prerequisites=["a"]),
             page("c", prerequisites=["b"]), page("free"))
    result = build_curriculum(catalog(*pages))
    assert [m.id for m in result.tiers["basic"]] == ["free", "a", "b", "c"]
    cycle = [f for f in result.findings if f.rule == "prerequisite"]
    assert sorted(f.path for f in cycle) == ["docs/t/a.md", "docs/t/b.md", "docs/t/c.md"]
    for finding in cycle:
        assert finding.severity == "error" and finding.line == 5
        assert "a → b → c → a" in finding.message
        assert all(f"docs/t/{x}.md" in finding.message for x in "abc")


def test_a_module_that_requires_itself_is_a_cycle():
    findings = build_curriculum(catalog(page("self", prerequisites=["self"]))).findings
    assert [(f.rule, f.severity, f.path) for f in findings] == [
        ("prerequisite", "error", "docs/t/self.md")]


def test_a_missing_prerequisite_is_an_error_with_the_closest_id():
    findings = build_curriculum(catalog(page("what-is-ai"),
                                        page("rules", prerequisites=["what-is-a"]))).findings
    assert len(findings) == 1
    assert (findings[0].rule, findings[0].severity, findings[0].path, findings[0].line) == (
        "prerequisite", "error", "docs/t/rules.md", 5)
    assert "「what-is-a」" in findings[0].message and "「what-is-ai」" in findings[0].message


def test_a_prerequisite_in_a_higher_tier_is_a_warning():
    findings = build_curriculum(catalog(page("admin", "expert"),
                                        page("intro", "basic", prerequisites=["admin"]))).findings
    assert [(f.rule, f.severity, f.path) for f in findings] == [
        ("prerequisite", "warning", "docs/t/intro.md")]
    assert "expert" in findings[0].message


def test_total_minutes_per_tier():
    result = build_curriculum(catalog(page("a", minutes=30), page("b", minutes=45), page("c")))
    assert result.minutes("basic") == 75 and result.minutes("expert") == 0


# -- training pages under docs/ ------------------------------------------------------

def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_pages_with_tier_are_modules_and_keep_their_fields(tmp_path):
    write(tmp_path, "docs/index.md", "# ホーム\n")
    write(tmp_path, "docs/other.md", "---\ntitle: ただのページ\n---\n# x\n")
    write(tmp_path, "docs/training/what-is-ai.md", "---\ntitle: 生成AIとは\nid: what-is-ai\ntier: basic\n"
          "order: 2\nduration_minutes: 40\nprerequisites: [x]\nobjectives:\n  - 説明できる\n---\n")
    write(tmp_path, "docs/training/untitled.md", "---\ntier: expert\n---\n\n# 見出しが題名\n")
    pages, findings = load_module_pages(tmp_path, "ja")
    assert findings == []
    assert [(p.id, p.title, p.tier, p.src_uri) for p in pages] == [
        ("training-untitled", "見出しが題名", "expert", "training/untitled.md"),
        ("what-is-ai", "生成AIとは", "basic", "training/what-is-ai.md"),
    ]
    assert pages[1].training == Training(tier="basic", prerequisites=("x",), duration_minutes=40,
                                         objectives=("説明できる",), order=2)


@pytest.mark.parametrize("field, value", [
    ("duration_minutes", "0"), ("order", "最初"), ("prerequisites", "{a: 1}"), ("tier", "basik"),
])
def test_playbooks_and_training_pages_read_the_training_fields_alike(repo, field, value):
    """One field table, one reader: the same mistake gets the same message in both."""
    root = repo("curriculum")
    for path in (root / "playbooks/sales-email/index.md", root / "docs/course/ai-ethics.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?m)^{field}:.*\n", "", text).replace(
            "\ntier:", f"\n{field}: {value}\ntier:", 1) if field != "tier" else
            text.replace("tier: basic", f"tier: {value}", 1), encoding="utf-8")
    _, findings = check(root)
    messages = {f.path: f.message for f in findings if f.rule == "field" and field in f.message}
    assert set(messages) == {"playbooks/sales-email/index.md", "docs/course/ai-ethics.md"}
    assert len(set(messages.values())) == 1, messages


def test_a_page_whose_id_differs_from_its_file_name_is_told_to_rename(tmp_path):
    write(tmp_path, "docs/training/data-handling.md",
          "---\ntitle: データ取扱い\nid: data-handling-rules\ntier: applied\n---\n")
    _, [finding] = load_module_pages(tmp_path, "ja")
    assert (finding.rule, finding.severity, finding.line) == ("module-id", "warning", 3)
    assert "training/data-handling-rules.md" in finding.message
    assert "id: data-handling" in finding.message


@pytest.mark.parametrize("front, rule, line, words", [
    ("title: x\ntier: basic\nid: a: b\n", "front-matter", 4, "YAML"),
    ("title: x\ntier: basik\n", "field", 3, "「basic」"),
    ("title: x\ntier: basic\nduration_minutes: 半日\n", "field", 4, "duration_minutes"),
    ("title: x\ntier: basic\nid: What Is AI\n", "field", 4, "id"),
    ("tier: basic\n", "field", 2, "title"),
    ("title: x\ntier: basic\nobjectives: {a: 1}\n", "field", 4, "objectives"),
])
def test_bad_front_matter_of_a_training_page_is_a_finding_with_its_line(
        tmp_path, front, rule, line, words):
    write(tmp_path, "docs/training/bad.md", f"---\n{front}---\n\n本文\n")
    _, findings = load_module_pages(tmp_path, "ja")
    assert [(f.rule, f.severity, f.path, f.line) for f in findings] == [
        (rule, "error", "docs/training/bad.md", line)]
    assert words in findings[0].message


def test_a_page_id_comes_from_its_path_when_it_sets_none():
    assert path_id("training/what-is-ai.md") == "training-what-is-ai"
    assert path_id("training/index.md") == "training"
    assert path_id("index.md") == "index"


def test_a_page_id_that_is_not_a_slug_gets_a_warning(tmp_path):
    write(tmp_path, "docs/研修/生成AI.md", "---\ntitle: 生成AI\ntier: basic\n---\n")
    pages, findings = load_module_pages(tmp_path, "ja")
    assert pages[0].id == "研修-生成ai"
    assert [(f.rule, f.severity) for f in findings] == [("field", "warning")]
    assert "id:" in findings[0].message


# -- the real engine, on a fixture repository -----------------------------------------

def test_check_reports_curriculum_findings_once(repo):
    root = repo("curriculum")
    write(root, "docs/course/loop-a.md", "---\ntitle: A\nid: loop-a\ntier: basic\n"
          "prerequisites: [loop-b]\n---\n")
    write(root, "docs/course/loop-b.md", "---\ntitle: B\nid: loop-b\ntier: basic\n"
          "prerequisites: [loop-a, nothing-here]\n---\n")
    write(root, "docs/course/sales-email.md", "---\ntitle: 重複\nid: sales-email\ntier: basic\n---\n")
    _, findings = check(root)
    mine = sorted((f.rule, f.path) for f in findings if f.path.startswith("docs/course/"))
    assert mine == [
        ("duplicate-url", "docs/course/sales-email.md"),
        ("prerequisite", "docs/course/loop-a.md"),
        ("prerequisite", "docs/course/loop-b.md"),
        ("prerequisite", "docs/course/loop-b.md"),
    ]


def test_a_prerequisite_may_name_a_renamed_playbook_by_its_old_slug(repo):
    root = repo("curriculum")
    rename_playbook(root, "sales-email", "proposal-mail")
    catalog_, findings = check(root)
    assert not [f for f in findings if f.rule == "prerequisite"]
    faq = build_curriculum(catalog_).module("support-faq")
    assert faq.prerequisites == ("proposal-mail", "data-handling-rules")


def rename_playbook(root: Path, old: str, new: str) -> None:
    """Move a fixture playbook to a new slug and keep the old one in `aliases`."""
    (root / "playbooks" / old).rename(root / "playbooks" / new)
    index = root / "playbooks" / new / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("\nreviewed:", f"\naliases: [{old}]\nreviewed:", 1),
                     encoding="utf-8")


# -- curriculum.json -----------------------------------------------------------------

def test_curriculum_json_shape_is_stable(repo):
    catalog_, _ = check(repo("curriculum"))
    text = curriculum_json(build_curriculum(catalog_), catalog_, "ja")
    assert text == curriculum_json(build_curriculum(catalog_), catalog_, "ja")
    data = json.loads(text)
    assert set(data) == {"version", "lang", "tiers", "modules"}
    assert [t["key"] for t in data["tiers"]] == ["basic", "applied", "expert"]
    basic = data["tiers"][0]
    assert set(basic) == {"key", "title", "audience", "goals", "url", "duration_minutes", "modules",
                          "absolute_url"}  # site_url is set in mkdocs.yml: full links too
    assert basic["url"] == "curriculum/basic/" and basic["title"] == "基礎層"
    assert basic["absolute_url"] == "https://kb.example.co.jp/curriculum/basic/"
    ids = [m["id"] for m in data["modules"]]
    assert len(ids) == len(set(ids))
    assert sum((t["modules"] for t in data["tiers"]), []) == ids
    email = next(m for m in data["modules"] if m["id"] == "sales-email")
    assert email == {
        "id": "sales-email", "tier": "basic", "position": email["position"],
        "title": "商談メモから提案メール", "kind": "playbook", "url": "playbooks/sales-email/",
        "anchor_url": "curriculum/basic/#sales-email", "permalink": "m/sales-email/",
        "absolute_url": "https://kb.example.co.jp/playbooks/sales-email/",
        "absolute_anchor_url": "https://kb.example.co.jp/curriculum/basic/#sales-email",
        "absolute_permalink": "https://kb.example.co.jp/m/sales-email/", "duration_minutes": 45,
        "objectives": ["提案メールの型を使える", "送る前に金額と納期を確かめられる"],
        "prerequisites": ["prompt-drill"], "source": "playbooks/sales-email/index.md",
        "department": "sales", "department_label": "営業部",
    }
    assert ids.index("prompt-drill") < ids.index("sales-email")
    ethics = next(m for m in data["modules"] if m["id"] == "ai-ethics")
    assert (ethics["kind"], ethics["url"], ethics["source"]) == (
        "page", "course/ai-ethics/", "docs/course/ai-ethics.md")
    assert basic["duration_minutes"] == sum(
        m["duration_minutes"] or 0 for m in data["modules"] if m["tier"] == "basic")


def test_curriculum_pages_follow_the_site_language(repo):
    from playbook_kb.build.pages import build_site
    from playbook_kb.model import Settings

    catalog_, findings = check(repo("curriculum"), Settings(lang="en"))
    plan = build_site(catalog_, findings)
    assert "# Basic tier \\(All employees\\)" in plan.pages["curriculum/basic.md"]
    assert "45\u00a0min" in plan.pages["curriculum/basic.md"]
    assert "| [Basic tier](basic.md) | All employees |" in plan.pages["curriculum/index.md"]
    assert json.loads(plan.files["curriculum.json"])["tiers"][2]["audience"] == (
        "IT and program staff")
