"""Text catalogs: both languages complete and alike, and every text follows theme.language.

The English site is built from an English fixture repository (taxonomy labels in both
languages, as in real use): any Japanese character left in its HTML comes from the engine.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html import unescape
from pathlib import Path
from string import Formatter

import pytest

from playbook_kb import Settings, check
from playbook_kb.i18n import LANGUAGES, labels, text
from playbook_kb.i18n.suggest import closest, did_you_mean
from playbook_kb.tools.cli import main

from .conftest import FIXTURES, REPO, Build, build_site, make_repo
from .test_rules import FAILING

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
QUOTED = re.compile(r'"[^"\n]*"')  # values quoted from the repository may be Japanese
ENGINE = REPO / "hooks" / "playbook_kb"


def placeholders(entry: str) -> set[tuple[str, str]]:
    return {(name, spec or "") for _, name, spec, _ in Formatter().parse(entry)
            if name is not None}


def test_both_languages_have_the_same_keys() -> None:
    ja, en = set(labels("ja")), set(labels("en"))
    assert sorted(ja - en) == [] and sorted(en - ja) == []
    assert len(ja) > 300  # page labels and finding messages


@pytest.mark.parametrize("key", sorted(labels("ja")))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    assert placeholders(labels("ja")[key]) == placeholders(labels("en")[key]), key


def test_one_placeholder_style() -> None:
    for lang in LANGUAGES:
        for key, entry in labels(lang).items():
            assert not re.search(r"%[ds]", entry), (lang, key)  # no printf style left
            assert all(name.isidentifier() for name, _ in placeholders(entry)), (lang, key)


def test_every_key_the_engine_names_exists() -> None:
    """Keys written as literals in the code and templates: a typo fails here, not in use."""
    catalog = labels("ja")
    prefixes = {key.split(".")[0] for key in catalog if "." in key}
    names = "|".join(sorted(prefixes))
    literal = re.compile(rf'"((?:{names})\.(?!json"|yml"|md")[a-z_]+)"')  # not file names
    used = set()
    for path in ENGINE.rglob("*.py"):
        used |= {(path.name, key) for key in literal.findall(path.read_text(encoding="utf-8"))}
    for path in (ENGINE / "build" / "templates").glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        used |= {(path.name, key) for key in re.findall(r"\bwords\.([a-z_]+)\b", source)
                 if key not in ("format", "get")}
        used |= {(path.name, key) for key in re.findall(r'\bwords\["([a-z_-]+)"\]', source)}
    assert len(used) > 150
    assert sorted((name, key) for name, key in used if key not in catalog) == []


def test_text_fills_named_fields_and_labels_are_read_only() -> None:
    assert text("ja", "cli.totals", playbooks=19, errors=8, warnings=2) == \
        "プレイブック 19 件: エラー 8 件、警告 2 件"
    assert text("en", "cli.totals", playbooks=19, errors=8, warnings=2) == \
        "19 playbooks: 8 errors, 2 warnings"
    assert text("fr", "overview") == "概要"  # any other language: the Japanese default
    with pytest.raises(TypeError):
        labels("ja")["overview"] = "x"  # type: ignore[index]


@pytest.mark.parametrize("value, candidates, expected", [
    ("emial", ["email", "faq"], "email"),
    ("sale", ["sales", "support", "hr"], "sales"),
    ("basik", ("basic", "applied", "expert"), "basic"),
    ("reviwed", ["title", "reviewed", "started"], "reviewed"),
    ("fqa", ["email", "faq"], "faq"),
    ("prompt", ["overview", "prompt-sheet", "workflow"], "prompt-sheet"),
    ("zzz", ["email", "faq"], None),
    ("note", ["title", "tier", "tools"], None),  # alike by chance only
    ("email", [], None),
    ("営業", ["sales"], None),
])
def test_closest(value, candidates, expected) -> None:
    assert closest(value, candidates) == expected


HEAD = {"ja": "「output」の「emial」はありません。", "en": '"output": "emial" is unknown.'}
MANY = [f"key-{n:02d}" for n in range(25)]


@pytest.mark.parametrize("lang, value, allowed, options, expected", [
    ("ja", "emial", ["email", "faq"], {},
     "「output」の「emial」はありません。「email」のことですか？使える値: email, faq。"),
    ("en", "emial", ["email", "faq"], {},
     '"output": "emial" is unknown. Did you mean "email"? Allowed values: email, faq.'),
    ("ja", "zzz", ["email", "faq"], {"example": "output: email"},
     "「output」の「emial」はありません。使える値: email, faq。 例: output: email"),
    ("en", "zzz", ["email", "faq"], {"example": "output: email"},
     '"output": "emial" is unknown. Allowed values: email, faq. Example: output: email'),
    ("ja", "basik", ("basic", "applied"), {"sep": " | "},
     "「output」の「emial」はありません。「basic」のことですか？使える値: basic | applied。"),
    ("ja", "zzz", [], {}, "「output」の「emial」はありません。使える値: （なし）。"),
    ("en", "zzz", [], {}, '"output": "emial" is unknown. Allowed values: (none).'),
    ("ja", "zzz", ["a"], {"listed": False, "otherwise": "確認してください。"},
     "「output」の「emial」はありません。確認してください。"),
    ("ja", "emial", ["email"], {"listed": False, "otherwise": "確認してください。"},
     "「output」の「emial」はありません。「email」のことですか？"),
    ("ja", "emial", ["email"], {"advice": "追加できます。", "example": "x: y"},
     "「output」の「emial」はありません。「email」のことですか？使える値: email。追加できます。 例: x: y"),
    ("en", "zzz", MANY, {},
     '"output": "emial" is unknown. Allowed values: ' + ", ".join(MANY[:20]) + " ...."),
])
def test_did_you_mean(lang, value, allowed, options, expected) -> None:
    assert did_you_mean(lang, HEAD[lang], value, allowed, **options) == expected


@pytest.mark.parametrize(("rule", "mutate"), [case[:2] for case in FAILING],
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(FAILING)])
def test_every_finding_speaks_the_site_language(tmp_path: Path, rule, mutate) -> None:
    """The same findings in both languages; the English ones without Japanese words."""
    found = {}
    for lang in LANGUAGES:
        root = tmp_path / lang
        shutil.copytree(FIXTURES / "minimal", root)
        mutate(root)
        _, found[lang] = check(root, Settings(lang=lang, today=dt.date(2026, 11, 25)))
    where = {lang: [(f.path, f.line, f.rule, f.severity) for f in found[lang]] for lang in found}
    assert where["ja"] == where["en"]
    assert any(f.rule == rule for f in found["en"])
    for finding in found["en"]:
        assert not JAPANESE.search(QUOTED.sub("", finding.message)), str(finding)
    for finding in found["ja"]:
        assert JAPANESE.search(finding.message), str(finding)


# --- an English site, built ---------------------------------------------------------------

TAXONOMY = """\
departments:
  - {key: sales, ja: 営業部, en: Sales, produces: [email]}
  - {key: support, ja: カスタマーサポート, en: Customer support, produces: [email, faq]}
  - {key: hr, ja: 人事部, en: HR}
outputs:
  - {key: email, ja: メール文面, en: Email}
  - {key: faq, ja: よくある質問, en: FAQ}
"""

INDEX = """\
---
title: {title}
summary: Drafts {output} text from notes in one step. For {department} staff.
department: {department}
task: Drafting
output: {output}
tier: basic
phase: {phase}
champion: Taro Yamada
data: {data}
tools: [ChatGPT]
{extra}reviewed: 2026-10-01
started: 2026-03-01
---

## Why

Writing this by hand took two hours. Now a draft takes a few minutes to check.
See the [prompt sheet](prompt-sheet.md) and the [samples](samples/).
"""

METRICS = ("metrics: {baseline_minutes: 120, current_minutes: 30, runs_per_month: 40, "
           "users: 12, measured: 2026-09-30}\n")
PROMPT = "# Prompt\n\nPaste the notes below and ask for a draft.\n\n```text\n" \
         "You are a careful writer. Draft an answer to {{customer}} from these notes.\n```\n"
WORKFLOW = "# Workflow\n\n1. Paste the notes into the prompt.\n2. A person checks the draft " \
           "before it is sent.\n"
SAMPLE = "# Sample\n\nDear customer, thank you for your question about delivery dates.\n"
TRAINING = "---\ntitle: Prompt basics\nid: prompt-basics\ntier: basic\nduration_minutes: 30\n" \
           "objectives: [Write a clear prompt]\n---\n\n# Prompt basics\n\nWhat a prompt is.\n"
NAV = """nav:
  - Home: index.md
  - departments/index.md
  - outputs/index.md
  - matrix/index.md
  - phases/index.md
  - impact/index.md
  - curriculum/index.md
  - changes.md
  - health/index.md

extra:"""


def english_repo(tmp_path: Path) -> Path:
    """The real config and hooks, theme.language en, English docs and playbooks; one
    playbook is broken: output `fqa`, an unknown field, workflow.md missing."""
    root = make_repo(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  language: ja\n", "  language: en\n")
    config = re.sub(r"(?m)^site_name: .*$", "site_name: Gen-AI playbooks", config)
    config = re.sub(r"(?m)^site_description: .*$", "site_description: Playbooks", config)
    config = re.sub(r"(?m)^copyright: .*$", "copyright: Internal use only", config)
    config = re.sub(r"(?ms)^nav:.*?^extra:", NAV, config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.rmtree(root / "docs")
    files = {
        "docs/index.md": "# Home\n\nThe playbook knowledge base.\n",
        "docs/training/prompt-basics.md": TRAINING,
        "playbooks/taxonomy.yml": TAXONOMY,
        "playbooks/sales-email/index.md": INDEX.format(
            title="Proposal email from meeting notes", department="sales", output="email",
            phase="rollout", data="confidential", extra=METRICS),
        "playbooks/sales-email/workflow.md": WORKFLOW,
        "playbooks/support-faq/index.md": INDEX.format(
            title="FAQ answers", department="support", output="fqa", phase="pilot",
            data="internal", extra="note: draft\n"),
    }
    for slug in ("sales-email", "support-faq"):
        files[f"playbooks/{slug}/prompt-sheet.md"] = PROMPT
        files[f"playbooks/{slug}/samples/answer.md"] = SAMPLE
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def en_root(tmp_path_factory) -> Path:
    return english_repo(tmp_path_factory.mktemp("en"))


@pytest.fixture(scope="module")
def en_site(en_root: Path, tmp_path_factory) -> Build:
    build = build_site(en_root)  # not --strict: the broken playbook is on purpose
    assert build.returncode == 0, build.output
    return build


def test_the_english_banner_lists_english_findings(en_site: Build) -> None:
    html = unescape(en_site.html("playbooks/support-faq/"))
    assert "This playbook is incomplete" in html
    assert "Workflow (workflow.md) is missing." in html
    assert '"output": "fqa" is not in the outputs of taxonomy.yml. Did you mean "faq"? ' \
           "Allowed values: email, faq. Add new keys to taxonomy.yml. Example: output: email" in html
    assert 'Unknown field "note". Delete it if it is not needed.' in html
    assert "Handles confidential data" in en_site.html("playbooks/sales-email/")


def test_no_japanese_on_any_page_of_the_english_site(en_site: Build) -> None:
    pages = sorted(en_site.site.rglob("*.html"))
    assert len(pages) > 20
    found = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        hits = [html[max(0, m.start() - 40):m.end() + 40] for m in JAPANESE.finditer(html)]
        if hits:
            found[page.relative_to(en_site.site).as_posix()] = hits[:3]
    assert found == {}
    assert "Basic tier (All employees)" in en_site.html("curriculum/basic/")
    assert "30\u00a0min" in en_site.html("curriculum/basic/")


def test_check_on_an_english_site_prints_english(en_root: Path, capsys) -> None:
    assert main(["check", "--root", str(en_root)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "2 playbooks: 2 errors, 1 warnings"
    assert "playbooks/support-faq/workflow.md: error: Workflow (workflow.md) is missing." in out
    assert not JAPANESE.search(out), out
