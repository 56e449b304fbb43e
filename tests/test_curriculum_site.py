"""The built curriculum: tier pages with stable anchors, curriculum.json, print view."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playbook_kb.tools.cli import main

from .conftest import add_kb_setting, build_site


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_tier_pages_list_modules_in_order_with_anchors_and_links(repo):
    build = build_site(repo("curriculum"), "--strict")
    assert build.returncode == 0, build.output
    data = json.loads((build.site / "curriculum.json").read_text(encoding="utf-8"))
    for tier in data["tiers"]:
        html = build.html(tier["url"])
        assert set(tier["modules"]) <= ids(html)
        positions = [html.index(f'id="{m}"') for m in tier["modules"]]
        assert positions == sorted(positions)
    basic = build.html("curriculum/basic/")
    order = data["tiers"][0]["modules"]
    assert order.index("what-is-ai") < order.index("prompt-drill") < order.index("sales-email")
    email = basic[basic.index('id="sales-email"'):]
    email = email[:email.index("</div>\n<div class=\"kb-module\"")
                  if "kb-module\"" in email[10:] else len(email)]
    assert 'href="#prompt-drill"' in email  # a prerequisite in the same tier
    for part in ("", "prompt-sheet/", "workflow/", "samples/"):
        assert f'href="../../playbooks/sales-email/{part}"' in email
    assert "45 分" in email.replace("\u00a0", " ") and "提案メールの型を使える" in email
    assert 'href="../../departments/sales/"' in email
    applied = build.html("curriculum/applied/")
    assert 'href="../basic/#sales-email"' in applied  # a prerequisite in a lower tier
    assert 'href="../../training/data-handling-rules/"' in applied


def test_the_overview_shows_each_tier_with_audience_goals_count_and_time(repo):
    build = build_site(repo("curriculum"), "--strict")
    html = build.html("curriculum/").replace("\u00a0", " ")
    data = json.loads((build.site / "curriculum.json").read_text(encoding="utf-8"))
    for tier in data["tiers"]:
        row = html[html.index(f'href="{tier["key"]}/"'):]
        row = row[:row.index("</tr>")]
        assert tier["audience"] in row and tier["goals"] in row
        assert f">{len(tier['modules'])}<" in row
    for audience in ("全社員", "各部門のチャンピオン", "情報システム部門・推進担当"):
        assert audience in html
    assert 'href="../curriculum.json"' in html


def test_anchors_survive_a_title_change(repo):
    root = repo("curriculum")
    write(root, "docs/course/handout.md",
          "---\ntitle: 配布資料\n---\n\n[提案メール](../curriculum/basic.md#sales-email)\n"
          "[著作権](../curriculum/basic.md#ai-ethics)\n")
    before = build_site(root, "--strict")
    assert before.returncode == 0, before.output
    index = root / "playbooks/sales-email/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "title: 商談メモから提案メール", "title: 提案メールを 10 分で書く"), encoding="utf-8")
    course = root / "docs/course/ai-ethics.md"
    course.write_text(course.read_text(encoding="utf-8").replace(
        "title: AI と著作権", "title: 生成AIと著作権・商標"), encoding="utf-8")
    after = build_site(root, "--strict")
    assert after.returncode == 0, after.output
    html = after.html("curriculum/basic/")
    assert {"sales-email", "ai-ethics"} <= ids(html)
    assert "提案メールを 10 分で書く" in html and "生成AIと著作権・商標" in html
    assert "商談メモから提案メール<" not in html
    handout = after.html("course/handout/")
    assert 'href="../../curriculum/basic/#sales-email"' in handout
    assert 'href="../../curriculum/basic/#ai-ethics"' in handout


def test_curriculum_json_is_served_and_byte_identical_across_builds(repo):
    root = repo("curriculum")
    first = build_site(root, "--strict")
    text = (first.site / "curriculum.json").read_bytes()
    second = build_site(root, "--strict")
    assert (second.site / "curriculum.json").read_bytes() == text
    data = json.loads(text)
    for module in data["modules"]:
        page, _, anchor = module["anchor_url"].partition("#")
        assert anchor in ids(second.html(page))
        assert (second.site / module["url"] / "index.html").is_file()


def test_a_prerequisite_cycle_fails_the_strict_build_naming_the_files(repo):
    root = repo("curriculum")
    index = root / "playbooks/prompt-drill/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "order: 1\n", "order: 1\nprerequisites: [sales-email]\n"), encoding="utf-8")
    build = build_site(root, "--strict")
    assert build.returncode != 0
    assert "[prerequisite]" in build.output
    assert "prompt-drill → sales-email → prompt-drill" in build.output
    assert "playbooks/prompt-drill/index.md" in build.output
    assert "playbooks/sales-email/index.md" in build.output


def test_tier_pages_print_as_handouts(repo):
    build = build_site(repo("curriculum"), "--strict")
    html = build.html("curriculum/basic/")
    assert 'class="md-button kb-print"' in html and "window.print()" in html
    css = (build.site / "assets/playbook-kb/kb.css").read_text(encoding="utf-8")
    prints = "".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    for rule in (".kb-print", ".md-sidebar", ".md-header", "break-inside: avoid"):
        assert rule in prints


def built_with(repo, setting: str):
    """The curriculum fixture built (strict) with one more setting; (build, curriculum.json,
    the basic tier's module ids in teaching order)."""
    root = repo("curriculum")
    add_kb_setting(root, setting)
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    data = json.loads((build.site / "curriculum.json").read_text(encoding="utf-8"))
    return build, data, next(t for t in data["tiers"] if t["key"] == "basic")["modules"]


def anchor_map(html: str) -> dict[str, str]:
    """What anchors.js reads on a tier page: module id -> the page of the tier listing it."""
    return json.loads(html.split('id="kb_tier_anchors">')[1].split("</script>")[0])


def test_a_long_tier_is_split_into_pages_and_every_link_finds_its_module(repo):
    """`modules_per_page` modules to a tier page (50 by default: a tier of 800 modules with
    their QR codes was 2.9 MB). Anchors, prerequisites, /m/<id>/, curriculum.json and the
    map anchors.js follows all name the page that lists the module."""
    build, data, basic = built_with(repo, "modules_per_page: 1")
    assert len(basic) >= 3
    modules = {m["id"]: m for m in data["modules"]}
    for number, module_id in enumerate(basic, 1):
        here = "curriculum/basic/" + (f"{number}/" if number > 1 else "")
        assert modules[module_id]["anchor_url"] == f"{here}#{module_id}"
        html = build.html(here)
        assert [m for m in basic if f'id="{m}"' in html] == [module_id]  # its module only
        assert f">{number}. " in html  # numbered in the whole tier's teaching order
        assert f"<title>基礎層（全社員）（{number}/{len(basic)}） - " in html  # which page
        assert 'aria-current="page">' + f"{number}–{number}<" in html  # the pager
        assert f"モジュール数</strong>: {len(basic)} ·" in html  # the whole tier's count
        anchors = anchor_map(html)
        assert set(anchors) >= set(basic) - {module_id} and module_id not in anchors
        redirect = (build.site / "m" / module_id / "index.html").read_text(encoding="utf-8")
        assert f"{here}#{module_id}" in redirect  # /m/<id>/ follows the module's page
    third = build.html("curriculum/basic/3/")
    assert 'href="../2/"' in third and 'href="../"' in third
    email = build.html(f"curriculum/basic/{basic.index('sales-email') + 1}/")
    drill = basic.index("prompt-drill") + 1  # its prerequisite, on another page of the tier
    assert f'href="../{drill}/#prompt-drill"' in email or (
        drill == 1 and 'href="../#prompt-drill"' in email)
    assert anchor_map(build.html("curriculum/basic/"))[basic[2]] == "3/"


def test_the_overview_lists_a_long_tiers_first_modules_and_links_to_the_tier(repo):
    build, _, basic = built_with(repo, "list_limit: 2")
    html = build.html("curriculum/")
    section = html[html.index('id="basic"'):html.index('id="applied"')]
    assert [m for m in basic if f'#{m}"' in section] == basic[:2]
    assert f"{len(basic)} 件のうち 2 件" in section and 'href="basic/">この層のページですべて見る' in section


def test_a_module_moved_out_of_a_long_tier_is_found_from_any_of_its_pages(repo):
    """Its old anchor may be on page 3 of the old tier; the note saying where it went is
    on page 1, and every other page's map sends the anchor there."""
    root = repo("curriculum")
    add_kb_setting(root, "modules_per_page: 1")
    assert main(["curriculum", "--root", str(root), "--write"]) == 0
    index = root / "playbooks" / "prompt-drill" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "tier: basic" in text
    index.write_text(text.replace("tier: basic", "tier: applied"), encoding="utf-8")
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert 'id="prompt-drill"' in build.html("curriculum/basic/")  # the note
    assert "applied/" in build.html("curriculum/basic/").split('id="prompt-drill"')[1][:400]
    for page in (2, 3):
        html = build.html(f"curriculum/basic/{page}/")
        assert anchor_map(html)["prompt-drill"] == "../"
