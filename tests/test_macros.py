"""Trainer macros: each macro with good and bad arguments, the sandbox, fresh state per build."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError

from playbook_kb import check
from playbook_kb.build.trainer_macros import (
    MacroError,
    PageView,
    TrainerMacros,
    page_variables,
    sandboxed,
)
from playbook_kb.load.settings import read_settings

from .conftest import REPO, build_site
from .test_curriculum import rename_playbook

PAGE = "training/handout.md"  # macros link relative to the page that calls them


@pytest.fixture
def fixture_root(repo) -> Path:
    return repo("curriculum")


@pytest.fixture
def macros(fixture_root) -> TrainerMacros:
    return TrainerMacros(check(fixture_root)[0])


def set_front(root: Path, slug: str, old: str, new: str) -> None:
    index = root / "playbooks" / slug / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


# -- playbook_card / playbook_link ----------------------------------------------------

def test_playbook_card_shows_title_summary_facts_and_parts(macros):
    card = macros.playbook_card(PAGE, "sales-email")
    assert '<div class="kb-card" markdown>' in card
    assert "**[商談メモから提案メール](../playbooks/sales-email/index.md)**" in card
    assert "商談メモから提案メールの下書きを作る。営業担当向け。" in card
    assert "営業部 · メール文面 · 基礎 · パイロット" in card
    for part in ("prompt-sheet.md", "workflow.md", "samples/index.md"):
        assert f"(../playbooks/sales-email/{part})" in card


def test_playbook_card_escapes_what_a_contributor_wrote(fixture_root):
    set_front(fixture_root, "sales-email", "title: 商談メモから提案メール",
              'title: "<img src=x onerror=alert(1)> *提案* [x](javascript:1)"')
    card = TrainerMacros(check(fixture_root)[0]).playbook_card(PAGE, "sales-email")
    assert "<img" not in card and "&lt;img" in card
    assert r"\*提案\*" in card and r"\[x\]\(javascript:1\)" in card


def test_playbook_link_escapes_what_a_contributor_wrote(fixture_root):
    set_front(fixture_root, "sales-email", "title: 商談メモから提案メール",
              'title: "<svg/onload=alert(7)> [x](javascript:1)"')
    link = TrainerMacros(check(fixture_root)[0]).playbook_link(PAGE, "sales-email")
    assert "<svg" not in link and "&lt;svg/onload=alert\\(7\\)&gt;" in link
    assert link.endswith("](../playbooks/sales-email/index.md)")


@pytest.mark.parametrize("call, closest", [
    (lambda m: m.playbook_card(PAGE, "sales-mail"), "sales-email"),
    (lambda m: m.playbook_link(PAGE, "prompt-dril"), "prompt-drill"),
    (lambda m: m.playbook_link(PAGE, "sales-email", "prompt"), "prompt-sheet"),
    (lambda m: m.curriculum_table(PAGE, "basics"), "basic"),
    (lambda m: m.playbooks(PAGE, department="sale"), "sales"),
    (lambda m: m.playbooks(PAGE, output="mail"), "email"),
    (lambda m: m.playbooks(PAGE, tier="expart"), "expert"),
    (lambda m: m.playbooks(PAGE, phase="roll-out"), "rollout"),
    (lambda m: m.hours_saved(PAGE, "suport"), "support"),
])
def test_an_unknown_key_fails_naming_the_page_and_the_closest_key(macros, call, closest):
    with pytest.raises(MacroError) as caught:
        call(macros)
    message = str(caught.value)
    assert message.startswith(f"docs/{PAGE}: ")
    assert f"「{closest}」のことですか？" in message


def test_playbook_link_to_the_overview_and_to_each_part(macros):
    assert macros.playbook_link(PAGE, "sales-email") == (
        "[商談メモから提案メール](../playbooks/sales-email/index.md)")
    assert macros.playbook_link(PAGE, "sales-email", "workflow") == (
        "[商談メモから提案メール — 業務フロー](../playbooks/sales-email/workflow.md)")
    assert macros.playbook_link("index.md", "sales-email", "samples") == (
        "[商談メモから提案メール — アウトプット例](playbooks/sales-email/samples/index.md)")


def test_an_old_slug_in_a_trainer_page_still_finds_the_renamed_playbook(fixture_root):
    rename_playbook(fixture_root, "sales-email", "proposal-mail")
    macros = TrainerMacros(check(fixture_root)[0])
    assert macros.playbook_link(PAGE, "sales-email").endswith(
        "(../playbooks/proposal-mail/index.md)")


# -- curriculum_table / playbooks / hours_saved -----------------------------------------

def test_curriculum_table_lists_the_tier_in_teaching_order_with_stable_anchors(macros):
    table = macros.curriculum_table(PAGE, "basic")
    rows = [line for line in table.splitlines() if line.startswith("| ") and "](" in line]
    order = [m.id for m in macros.curriculum.tiers["basic"]]
    assert len(rows) == len(order)
    for row, module_id in zip(rows, order, strict=True):
        assert f"(../curriculum/basic.md#{module_id})" in row
    email = next(r for r in rows if "#sales-email" in r)
    assert "45\u00a0分" in email
    assert "[プロンプト演習](../curriculum/basic.md#prompt-drill)" in email


def test_playbooks_filters_by_department_output_tier_and_phase(macros):
    def titles(**filters):
        table = macros.playbooks(PAGE, **filters)
        return [line.split("](")[0][3:] for line in table.splitlines() if line.startswith("| [")]

    assert titles() == ["プロンプト演習", "商談メモから提案メール", "問い合わせ回答の下書き"]
    assert titles(department="support") == ["問い合わせ回答の下書き"]
    assert titles(tier="basic", output="email") == ["プロンプト演習", "商談メモから提案メール"]
    assert titles(phase="pilot", department="sales", tier="applied") == []
    assert "該当するプレイブックはありません。" in macros.playbooks(PAGE, phase="rollout")


def test_long_macro_lists_show_list_limit_rows_and_link_to_the_rest(fixture_root):
    """A trainer's `playbooks()` and `curriculum_table()` at 2,000 playbooks: the first
    list_limit rows, then a link to the catalog filtered the same way, or to the tier."""
    settings = dataclasses.replace(read_settings(fixture_root), list_limit=1)
    macros = TrainerMacros(check(fixture_root, settings)[0])
    table = macros.playbooks(PAGE, tier="basic")
    assert len([line for line in table.splitlines() if line.startswith("| [")]) == 1
    assert "2 件のうち 1 件を表示しています。" in table
    assert '<a href="../../playbooks/?tier=basic">プレイブック一覧ですべて見る</a>' in table  # raw HTML: from training/handout/
    modules = macros.curriculum_table(PAGE, "basic")
    assert len([line for line in modules.splitlines() if line.startswith("| 1 ")]) == 1
    assert "| 2 " not in modules and '<a href="../../curriculum/basic/">' in modules
    assert "件のうち" not in TrainerMacros(check(fixture_root)[0]).playbooks(PAGE, tier="basic")


def test_hours_saved_sums_the_metrics_in_total_and_per_department(fixture_root):
    set_front(fixture_root, "sales-email", "phase: pilot", "phase: rollout\nmetrics: "
              "{baseline_minutes: 120, current_minutes: 30, runs_per_month: 40}")
    set_front(fixture_root, "support-faq", "phase: pilot", "phase: rollout\nmetrics: "
              "{baseline_minutes: 20, current_minutes: 5, runs_per_month: 100}")
    macros = TrainerMacros(check(fixture_root)[0])
    assert macros.hours_saved(PAGE) == 85.0  # 90 x 40 / 60 + 15 x 100 / 60
    assert macros.hours_saved(PAGE, "sales") == 60.0
    assert macros.hours_saved(PAGE, "hr") == 0


def test_the_taxonomy_is_there_as_plain_variables(macros):
    variables = macros.variables()
    assert [d["key"] for d in variables["departments"]] == ["sales", "support", "hr"]
    assert variables["departments"][0] == {"key": "sales", "label": "営業部", "ja": "営業部",
                                           "en": "Sales"}
    assert [o["key"] for o in variables["outputs"]] == ["email", "proposal", "job-posting"]
    assert [(t["key"], t["audience"]) for t in variables["tiers"]] == [
        ("basic", "全社員"), ("applied", "各部門のチャンピオン"),
        ("expert", "情報システム部門・推進担当")]
    assert [p["key"] for p in variables["phases"]] == ["pilot", "rollout", "company-wide"]


# -- the sandbox ----------------------------------------------------------------------

ATTACKS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ joiner.__init__.__globals__['os'].environ['KB_SECRET'] }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ playbook_card.__globals__ }}",
    "{{ playbook_card.__closure__[0].cell_contents.catalog.root }}",
    "{{ page.__class__.__init__.__globals__ }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(page) }}",
    "{{ self._TemplateReference__context }}",
    "{{ environment }}",
    "{{ config.extra }}",
    "{{ plugin }}",
    "{{ git.author_email }}",
    "{{ macros_info() }}",
    "{{ context() }}",
    "{% set d = departments %}{{ d.append(1) }}",
    "{{ page.meta.update({'x': 1}) }}",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_trainer_page_cannot_reach_python_internals_or_the_config(macros, attack, monkeypatch):
    monkeypatch.setenv("KB_SECRET", "s3cr3t-value")
    env = sandboxed(Environment(undefined=StrictUndefined))
    variables = page_variables(macros, PageView(PAGE, "配布資料", "training/handout/", {"x": 0}))
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string(attack).render(**variables)


def test_the_sandbox_still_runs_ordinary_templates(macros):
    env = sandboxed(Environment(undefined=StrictUndefined))
    variables = page_variables(macros, PageView(PAGE, "配布資料", "training/handout/", {"n": 3}))
    text = ("{% for d in departments %}{{ d.label }}{% if not loop.last %}、{% endif %}{% endfor %}"
            " / {{ page.title }} {{ page.meta.n * 2 }} {{ '%.1f' | format(hours_saved()) }}")
    expected = "営業部、カスタマーサポート、人事部 / 配布資料 6 0.0"
    assert env.from_string(text).render(**variables) == expected


# -- state is rebuilt every build -----------------------------------------------------

def load_kb_macros():
    path = REPO / "hooks/kb_macros.py"
    spec = importlib.util.spec_from_file_location("kb_macros_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_macros_follow_the_catalog_of_the_current_build(fixture_root):
    kb_macros = load_kb_macros()
    first = {"playbook_kb_catalog": check(fixture_root)[0]}
    assert kb_macros._macros(first) is kb_macros._macros(first)
    set_front(fixture_root, "sales-email", "title: 商談メモから提案メール", "title: 新しい題名")
    second = {"playbook_kb_catalog": check(fixture_root)[0]}  # what kb_hooks sets next build
    assert "新しい題名" in kb_macros._macros(second).playbook_link(PAGE, "sales-email")
    with pytest.raises(RuntimeError, match="kb_hooks.py"):
        kb_macros._macros({})


def test_mkdocs_macros_own_helpers_are_removed():
    class FakeEnv:
        macros = {"context": print, "macros_info": print, "now": print}
        filters = {"pretty": print}

    env = FakeEnv()
    load_kb_macros().define_env(env)
    assert env.macros == {} and env.filters == {}


# -- end to end -----------------------------------------------------------------------

TRAINER_PAGE = """---
title: 配布資料
render_macros: true
---

# 配布資料

## 提案メール {#start}

{{ playbook_card("sales-email") }}

{{ playbook_link("sales-email", "prompt-sheet") }}

{{ curriculum_table("basic") }}

{{ playbooks(department="support") }}

{% set names = departments | map(attribute="label") | join("、") %}
月 {{ hours_saved() }} 時間 / {{ names }} / {{ page.title }}
"""


def test_a_trainer_page_renders_every_macro_and_playbook_pages_stay_verbatim(fixture_root):
    (fixture_root / "docs/training/handout.md").write_text(TRAINER_PAGE, encoding="utf-8")
    build = build_site(fixture_root, "--strict")
    assert build.returncode == 0, build.output
    html = build.html("training/handout/")
    assert 'class="kb-card"' in html and 'href="../../playbooks/sales-email/"' in html
    assert 'id="start"' in html  # `{#` opens a Markdown anchor here, not a Jinja comment
    assert 'href="../../playbooks/sales-email/prompt-sheet/"' in html
    assert 'href="../../curriculum/basic/#sales-email"' in html
    assert 'href="../../playbooks/support-faq/"' in html
    assert "月 0.0 時間 / 営業部、カスタマーサポート、人事部 / 配布資料" in html
    assert "{{会社名}}" in build.html("playbooks/sales-email/prompt-sheet/")


def test_a_page_without_render_macros_is_not_a_template(fixture_root):
    (fixture_root / "docs/training/plain.md").write_text(
        "# そのまま\n\n{{ config.extra }} と {{ playbook_card('x') }}\n", encoding="utf-8")
    build = build_site(fixture_root, "--strict")
    assert build.returncode == 0, build.output
    html = build.html("training/plain/").replace("&#39;", "'")
    assert "{{ config.extra }} と {{ playbook_card('x') }}" in html


def test_an_unknown_slug_fails_the_build_naming_the_page_and_the_closest_slug(fixture_root):
    (fixture_root / "docs/training/typo.md").write_text(
        "---\nrender_macros: true\n---\n# 誤字\n\n{{ playbook_card('sales-emial') }}\n",
        encoding="utf-8")
    build = build_site(fixture_root)
    assert build.returncode != 0
    assert "docs/training/typo.md: playbook_card() の slug「sales-emial」" in build.output
    assert "「sales-email」のことですか？" in build.output


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.environ['KB_SECRET'] }}",
    "{{ environment }}",
    "{{ config.extra }}",
])
def test_an_injection_in_a_trainer_page_fails_without_leaking(fixture_root, attack):
    (fixture_root / "docs/training/evil.md").write_text(
        f"---\nrender_macros: true\n---\n# 研修\n\n{attack}\n", encoding="utf-8")
    build = build_site(fixture_root, env={"KB_SECRET": "s3cr3t-value"})
    assert build.returncode != 0
    assert "s3cr3t-value" not in build.output
    assert "<class 'subprocess.Popen'>" not in build.output
    page = build.site / "training/evil/index.html"
    assert not page.exists() or "s3cr3t-value" not in page.read_text(encoding="utf-8")
