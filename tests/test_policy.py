"""The data policy as data: playbooks/tools.yml checked, and every playbook checked against it.

Table-driven like test_rules.py: a mutation of the minimal fixture plus a small registry
(tests/fixtures/tools) -> the findings expected, with path and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from playbook_kb import Settings, check
from playbook_kb.build.trainer_macros import TrainerMacros
from playbook_kb.check import PLAYBOOK_RULES
from playbook_kb.load.settings import read_settings
from tests.conftest import FIXTURES, REPO

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
QUOTED = re.compile(r'"[^"\n]*"')  # values quoted from the repository may be Japanese
PB = "playbooks/sales-email"
INDEX = f"{PB}/index.md"
TOOLS = "playbooks/tools.yml"
REGISTRY = (FIXTURES / "tools" / TOOLS).read_text(encoding="utf-8")
CLEAN = REGISTRY.replace("    retired: 2026-12-31\n", "")  # nothing retiring in the base case


@pytest.fixture
def base(root: Path) -> Path:
    (root / TOOLS).write_text(CLEAN, encoding="utf-8")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tools_line(old: str, new: str) -> Callable[[Path], None]:
    return lambda r: edit(r, TOOLS, old, new)


def findings(root: Path, **settings) -> list:
    """The check's findings; `settings` replace the defaults, on the tests' fixed date
    (a retirement 30 days ahead must not depend on the day the suite runs)."""
    if settings:
        settings = {"today": read_settings(root).today, **settings}
    _, found = check(root, Settings(**settings) if settings else None)
    return found


def test_the_base_case_is_clean(base: Path) -> None:
    assert findings(base) == []


def test_every_policy_rule_is_registered() -> None:
    assert {"tool", "tool-data", "tool-retired", "tool-trial"} <= set(PLAYBOOK_RULES)


Mutation = Callable[[Path], None]
CASES: list[tuple[str, Mutation, str, str, str, int, str]] = [
    # name, mutation, rule, severity, path, line, text the message must contain
    ("misspelt tool, closest name",
     lambda r: edit(r, INDEX, "[ChatGPT,", "[ChatGTP,"),
     "tool", "error", INDEX, 11, "「ChatGPT」（chatgpt）のことですか"),
    ("unknown tool lists the keys, English too",
     lambda r: edit(r, INDEX, "[ChatGPT,", "[Gemini,"),
     "tool", "error", INDEX, 11, "使えるツール: m365-copilot, chatgpt, claude。"),
    ("a block list cites the item's own line",
     lambda r: edit(r, INDEX, "tools: [ChatGPT, Microsoft Copilot]",
                    "tools:\n  - Microsoft Copilot\n  - Bard"),
     "tool", "error", INDEX, 13, "「Bard」"),
    ("confidential data into a tool limited to internal",
     lambda r: edit(r, INDEX, "data: internal", "data: confidential"),
     "tool-data", "error", INDEX, 11, "社内情報（internal）までです（docs/data-policy.md#tools）"),
    ("the fix names the tools allowed for that class",
     lambda r: edit(r, INDEX, "data: internal", "data: confidential"),
     "tool-data", "error", INDEX, 11, "機密情報を扱えるツール（m365-copilot）"),
    ("retired tool: an error from its date",
     tools_line("    approved: 2025-10-01\n  - key: claude",
                "    approved: 2025-10-01\n    retired: 2026-11-01\n  - key: claude"),
     "tool-retired", "error", INDEX, 11, "2026-11-01 に廃止されました"),
    ("retiring tool: a warning within the window",
     tools_line("    approved: 2025-10-01\n  - key: claude",
                "    approved: 2025-10-01\n    retired: 2026-12-31\n  - key: claude"),
     "tool-retired", "warning", INDEX, 11, "2026-12-31 に廃止されます（あと 36 日）"),
    ("status retired without a date",
     tools_line("    status: approved\n    approved: 2025-10-01\n  - key: claude",
                "    status: retired\n    approved: 2025-10-01\n  - key: claude"),
     "tool-retired", "error", INDEX, 11, "廃止されました"),
    ("trial tool in a company-wide playbook",
     lambda r: (edit(r, INDEX, "phase: rollout", "phase: company-wide"),
                edit(r, INDEX, "[ChatGPT,", "[Claude,")),
     "tool-trial", "warning", INDEX, 11, "試行中"),
    ("registry: unknown data class, with the closest",
     tools_line("    data: internal", "    data: internl"),
     "tools-registry", "error", TOOLS, 17, "「internal」のことですか"),
    ("registry: duplicate key",
     tools_line("  - key: claude", "  - key: chatgpt"),
     "tools-registry", "error", TOOLS, 20, "キー「chatgpt」が重複しています（12 行目と同じ）"),
    ("registry: alias equal to another tool's key",
     tools_line("[Chat GPT]", "[Chat GPT, claude]"),
     "tools-registry", "error", TOOLS, 12, "「claude」は「claude」のキーと同じ"),
    ("registry: the same alias on two tools",
     tools_line("[Chat GPT]", "[Chat GPT, copilot]"),
     "tools-registry", "error", TOOLS, 12, "「copilot」は「m365-copilot」の名前か別名と同じ"),
    ("registry: retired before approved",
     tools_line("    approved: 2026-04-01", "    approved: 2026-04-01\n    retired: 2026-01-31"),
     "tools-registry", "error", TOOLS, 27, "retired: 2026-01-31 が approved: 2026-04-01 より前"),
    ("registry: unknown status",
     tools_line("    status: trial", "    status: pilot"),
     "tools-registry", "error", TOOLS, 25, "approved | trial | retired"),
    ("registry: request must not be a script URL",
     tools_line("https://intra.example.co.jp/ai/request", "javascript:alert(1)"),
     "tools-registry", "error", TOOLS, 11, "request"),
    ("registry: unknown field, with the closest",
     tools_line("    aliases: [Chat GPT]", "    aliass: [Chat GPT]"),
     "tools-registry", "warning", TOOLS, 16, "「aliases」の書き間違い"),
    ("registry: YAML that does not parse",
     tools_line("    data: internal", "    data: [internal"),
     "tools-registry", "error", TOOLS, 18, "YAML"),
]


@pytest.mark.parametrize(("name", "mutate", "rule", "severity", "path", "line", "text"),
                         CASES, ids=[c[0] for c in CASES])
def test_policy_finding(base: Path, name: str, mutate: Mutation, rule: str, severity: str,
                        path: str, line: int, text: str) -> None:
    mutate(base)
    found = [f for f in findings(base) if f.rule == rule]
    assert found, f"no {rule} finding"
    hit = [f for f in found if text in f.message]
    assert hit, f"{text!r} not in {[f.message for f in found]}"
    assert (hit[0].severity, hit[0].path, hit[0].line) == (severity, path, line)
    # the same finding on an English site speaks English (i18n/en.yml), not Japanese
    english = [f for f in findings(base, lang="en", today=read_settings(base).today)
               if f.rule == rule]
    assert [(f.severity, f.path, f.line) for f in english] == [
        (f.severity, f.path, f.line) for f in found]
    for finding in english:
        assert not JAPANESE.search(QUOTED.sub("", finding.message)), finding.message


@pytest.mark.parametrize("written", ["ＣｈａｔＧＰＴ", "chatgpt", "Chat GPT", "chat  gpt"])
def test_spellings_that_name_a_registered_tool(base: Path, written: str) -> None:
    edit(base, INDEX, "[ChatGPT,", f"[{written},")
    assert findings(base) == []


def test_the_warning_window_is_a_setting(base: Path) -> None:
    edit(base, TOOLS, "    approved: 2025-10-01\n  - key: claude",
         "    approved: 2025-10-01\n    retired: 2026-12-31\n  - key: claude")
    assert [f.rule for f in findings(base)] == ["tool-retired"]
    assert findings(base, tool_retirement_warning_days=30) == []


def test_the_setting_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "extra:\n  playbook_kb:\n    tool_retirement_warning_days: 14\n", encoding="utf-8")
    assert read_settings(tmp_path).tool_retirement_warning_days == 14


def test_without_a_registry_tools_stay_free_text(root: Path) -> None:
    edit(root, INDEX, "[ChatGPT,", "[Anything Goes,")
    catalog, found = check(root)
    assert catalog.tools is None and found == []


def test_a_registry_error_keeps_the_rest_of_the_registry(base: Path) -> None:
    edit(base, TOOLS, "    data: internal", "    data: secret")
    catalog, found = check(base)
    assert [f.rule for f in found] == ["tools-registry"]
    assert [t.key for t in catalog.tools.tools] == ["m365-copilot", "chatgpt", "claude"]


SAMPLE_TABLE = """\
| ツール | 公開情報 | 社内情報 | 機密情報 | 入力禁止の情報 |
|---|:-:|:-:|:-:|:-:|
| Microsoft 365 Copilot（会社のテナント） | ○ | ○ | ○ | × |
| Claude（会社契約、学習に使われない設定） | ○ | ○ | △ 個人情報を除く | × |
| ChatGPT（会社契約の Team プラン） | ○ | ○ | × | × |
| 個人のアカウント・無料版の AI、会社が契約していない翻訳・要約サイト | ○ | × | × | × |
"""


def test_the_sample_registry_reproduces_the_hand_written_policy_table() -> None:
    """The table docs/data-policy.md had by hand before playbooks/tools.yml (commit 875ea95),
    character for character once the links to the tool pages are taken out."""
    catalog, found = check(REPO)
    assert [f for f in found if f.rule.startswith("tool")] == []
    table = TrainerMacros(catalog).tool_policy_table("data-policy.md")
    assert re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", table) == SAMPLE_TABLE
    assert "[Microsoft 365 Copilot（会社のテナント）](tools/m365-copilot.md)" in table


def test_every_sample_playbook_uses_registered_tools_within_their_limits() -> None:
    _, found = check(REPO)
    assert [str(f) for f in found if f.rule in ("tool", "tool-data", "tool-retired",
                                                  "tool-trial", "tools-registry")] == []


def test_a_registry_finding_belongs_to_no_playbook(base: Path) -> None:
    """The PR summary and the health page list it as site-wide, not as a playbook."""
    edit(base, TOOLS, "    data: internal", "    data: secret")
    (finding,) = findings(base)
    assert finding.path == TOOLS and finding.slug == ""
