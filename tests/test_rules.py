"""Every rule id of SPEC §3: a failing case with its path and line, and a passing case."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from playbook_kb import Settings, check
from playbook_kb.check import CATALOG_RULES, PLAYBOOK_RULES
from playbook_kb.load.settings import read_settings

PB = "playbooks/sales-email"
SPEC_RULES = {"missing-part", "empty-part", "template-leftover", "front-matter", "field",
              "unknown-field", "metrics", "stale", "broken-link", "path-escape",
              "sensitive-data", "unsafe-html", "file-size", "encoding", "duplicate-url", "slug",
              "external-resource", "file-name"}


def write(root: Path, rel: str, text: str, encoding: str = "utf-8") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / PB / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, rel: str, text: str) -> None:
    with open(root / PB / rel, "a", encoding="utf-8") as handle:
        handle.write(text)


def findings_for(root: Path, **settings) -> list:
    """The check's findings; `settings` replace the defaults, on the tests' fixed date."""
    if settings:
        settings = {"today": read_settings(root).today, **settings}
    _, findings = check(root, Settings(**settings) if settings else None)
    return findings


def test_fixture_is_clean(root: Path) -> None:
    assert findings_for(root) == []


def test_every_spec_rule_is_registered_or_produced_by_the_loader() -> None:
    loader_rules = {"front-matter", "field", "unknown-field", "slug", "file-size", "encoding",
                    "file-name",
                    "path-escape"}
    assert SPEC_RULES - loader_rules <= set(PLAYBOOK_RULES) | set(CATALOG_RULES)


Mutation = Callable[[Path], None]

FAILING: list[tuple[str, Mutation, str, str, int, str]] = [
    # rule, mutation, severity, path, line, text the message must contain
    ("missing-part", lambda r: os.remove(r / PB / "workflow.md"),
     "error", f"{PB}/workflow.md", 0, "workflow.md"),
    ("missing-part", lambda r: shutil.rmtree(r / PB / "samples"),
     "error", f"{PB}/samples", 0, "samples/"),
    ("missing-part", lambda r: os.remove(r / PB / "index.md"),
     "error", f"{PB}/index.md", 0, "index.md"),
    ("empty-part", lambda r: write(r, f"{PB}/workflow.md", "# 業務フロー\n\n## 手順\n\n- \n"),
     "error", f"{PB}/workflow.md", 1, "最低 30 文字"),
    ("empty-part", lambda r: write(r, f"{PB}/prompt-sheet.md",
                                   "# プロンプト\n\nあなたは営業担当です。商談メモから提案メールを書いてください。丁寧に。\n"),
     "error", f"{PB}/prompt-sheet.md", 1, "```"),
    ("template-leftover", lambda r: append(r, "workflow.md", "\n- 【要記入】確認する人\n"),
     "error", f"{PB}/workflow.md", 12, "【要記入】"),
    ("front-matter", lambda r: write(r, f"{PB}/index.md", "# タイトルだけ\n\n" + "本文。" * 20),
     "error", f"{PB}/index.md", 1, "---"),
    ("front-matter", lambda r: edit(r, "index.md", "task: 提案メール作成", "task: [提案メール作成"),
     "error", f"{PB}/index.md", 6, "YAML"),
    ("front-matter", lambda r: edit(r, "index.md", "tools: [ChatGPT, Microsoft Copilot]",
                                    "tools: &a [ChatGPT]\nindustry: *a"),
     "error", f"{PB}/index.md", 11, "エイリアス"),
    ("field", lambda r: edit(r, "index.md", "department: sales", "department: sale"),
     "error", f"{PB}/index.md", 4, "「sales」"),
    ("field", lambda r: edit(r, "index.md", "tier: basic", "tier: basics"),
     "error", f"{PB}/index.md", 7, "basic | applied | expert"),
    ("field", lambda r: edit(r, "index.md", "reviewed: 2026-10-01", "reviewed: 2026/10/01"),
     "error", f"{PB}/index.md", 19, "YYYY-MM-DD"),
    ("field", lambda r: edit(r, "index.md", "title: 商談メモから提案メールの下書き\n", ""),
     "error", f"{PB}/index.md", 2, "title"),
    ("field", lambda r: edit(r, "index.md", "adopted_by: [support]", "adopted_by:\n  - supprt"),
     "error", f"{PB}/index.md", 13, "support"),
    ("front-matter", lambda r: edit(r, "index.md", "reviewed: 2026-10-01", "reviewed: 2026-13-01"),
     "error", f"{PB}/index.md", 19, "読めない値"),
    ("front-matter", lambda r: edit(r, "index.md", "  measured: 2026-09-30", "  measured: 2026-02-30"),
     "error", f"{PB}/index.md", 18, "読めない値"),
    ("metrics", lambda r: edit(r, "index.md", "baseline_minutes: 120", "baseline_minutes: .inf"),
     "error", f"{PB}/index.md", 13, "baseline_minutes"),
    ("metrics", lambda r: edit(r, "index.md", "runs_per_month: 40", "runs_per_month: .nan"),
     "error", f"{PB}/index.md", 13, "runs_per_month"),
    ("unknown-field", lambda r: edit(r, "index.md", "champion:", "champoin:"),
     "warning", f"{PB}/index.md", 9, "champion"),
    ("metrics", lambda r: edit(r, "index.md", "  baseline_minutes: 120\n", ""),
     "error", f"{PB}/index.md", 13, "baseline_minutes"),
    ("metrics", lambda r: edit(r, "index.md", "phase: rollout", "phase: company-wide\nmetrics_note: x")
     or _drop_metrics(r), "error", f"{PB}/index.md", 8, "metrics"),
    ("stale", lambda r: edit(r, "index.md", "reviewed: 2026-10-01", "reviewed: 2025-01-10"),
     "warning", f"{PB}/index.md", 19, "2026-11-25"),
    ("broken-link", lambda r: append(r, "workflow.md", "\n詳しくは [チェック表](checklist.md) へ。\n"),
     "error", f"{PB}/workflow.md", 12, "checklist.md"),
    ("broken-link", lambda r: append(r, "index.md", "\n![図](images/flow.png)\n"),
     "error", f"{PB}/index.md", 33, "images/flow.png"),
    ("path-escape", lambda r: append(r, "workflow.md", "\n[設定](../../mkdocs.yml)\n"),
     "error", f"{PB}/workflow.md", 12, "playbooks/"),
    ("path-escape", lambda r: os.symlink("/etc/hostname", r / PB / "samples" / "host.txt"),
     "error", f"{PB}/samples/host.txt", 0, "リポジトリの外"),
    ("sensitive-data", lambda r: append(r, "samples/mail.md", "\n担当: taro.yamada@sample-shoji.co.jp\n"),
     "error", f"{PB}/samples/mail.md", 9, "メールアドレス"),
    ("sensitive-data", lambda r: append(r, "samples/mail.md", "\n携帯 ０９０－１２３４－５６７８\n"),
     "error", f"{PB}/samples/mail.md", 9, "電話番号"),
    ("sensitive-data", lambda r: append(r, "samples/mail.md", "\nTel: +81 3-1234-5678\n"),
     "error", f"{PB}/samples/mail.md", 9, "電話番号"),
    ("sensitive-data", lambda r: append(r, "samples/mail.md", "\n個人番号 1234 5678 9018\n"),
     "error", f"{PB}/samples/mail.md", 9, "マイナンバー"),
    ("sensitive-data", lambda r: append(r, "samples/mail.md", "\nカード 4539-1488-0343-6467\n"),
     "error", f"{PB}/samples/mail.md", 9, "クレジットカード"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md",
                                        "\nOPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "OpenAI"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md", "\nsk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "Anthropic"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md", "\naws_access_key_id = AKIA2E0A8F3B244C9986\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "AWS"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md",
                                        "\ntoken: ghp_R2d2C3p0R2d2C3p0R2d2C3p0R2d2C3p0R2d2\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "GitHub"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md", "\nxoxb-2048-4096-AbCdEfGhIjKl\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "Slack"),
    ("sensitive-data", lambda r: append(r, "prompt-sheet.md",
                                        "\nkey=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n"),
     "error", f"{PB}/prompt-sheet.md", 15, "Google"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n<script>alert(document.cookie)</script>\n"),
     "error", f"{PB}/workflow.md", 12, "<script>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n<img src="x.png" onerror="steal()">\n'),
     "error", f"{PB}/workflow.md", 12, "イベント属性"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n[押してね](javascript:alert(1))\n"),
     "error", f"{PB}/workflow.md", 12, "javascript:"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n<iframe src="https://evil.example"></iframe>\n'),
     "error", f"{PB}/workflow.md", 12, "<iframe>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n<noscript><p title="</noscript><img src=x onerror=alert(4)>"></noscript>\n'),
     "error", f"{PB}/workflow.md", 12, "<noscript>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n!!! note md-dialog md-dialog--active\n    偽のダイアログ\n"),
     "error", f"{PB}/workflow.md", 12, "md-dialog"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n本文\n{ style="position:fixed;inset:0" }\n'),
     "error", f"{PB}/workflow.md", 13, "style"),
    ("external-resource", lambda r: append(r, "workflow.md", "\n\n![図](https://evil.example/track.png)\n"),
     "error", f"{PB}/workflow.md", 13, "evil.example"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n<svg/onload=alert(2)>\n"),
     "error", f"{PB}/workflow.md", 12, "<svg>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n<div>\n<img alt=">" src=x onerror=alert(21)>\n</div>\n'),
     "error", f"{PB}/workflow.md", 13, "イベント属性"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n<a href="jav&#x61;script&colon;alert(31)//{x}">x</a>\n'),
     "error", f"{PB}/workflow.md", 12, "javascript:"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n[b](jav&#x61;script&colon;alert&lpar;32&rpar;//{y})\n"),
     "error", f"{PB}/workflow.md", 12, "javascript:"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n"),
     "error", f"{PB}/workflow.md", 12, "<meta>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", "\n<style>body{display:none}</style>\n"),
     "error", f"{PB}/workflow.md", 12, "<style>"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n[x](https://example.com){ onclick="alert(1)" }\n'),
     "error", f"{PB}/workflow.md", 12, "イベント属性"),
    ("unsafe-html", lambda r: append(r, "workflow.md", '\n[y](https://example.com){ href="javascript:alert(3)" }\n'),
     "error", f"{PB}/workflow.md", 12, "javascript:"),
    ("file-name", lambda r: write(r, f"{PB}/samples/\"><img src=x onerror=alert(5)>.txt", "例\n"),
     "error", f"{PB}/samples/\"><img src=x onerror=alert(5)>.txt", 0, "例: samples/img src=x onerror=alert(5).txt"),
    ("file-name", lambda r: write(r, f"{PB}/samples/REPORT.MD", "# 報告\n\n本文です。\n"),
     "error", f"{PB}/samples/REPORT.MD", 0, "REPORT.md"),
    ("file-name", lambda r: write(r, f"{PB}/samples/Mail.md", "# 別のメール\n\n本文です。\n"),
     "error", f"{PB}/samples/mail.md", 0, "Mail.md"),
    ("file-name", lambda r: write(r, f"{PB}/samples/\u30cf\u3099ック.txt", "例\n"),
     "error", f"{PB}/samples/\u30cf\u3099ック.txt", 0, "\u30d0ック.txt"),
    ("file-name", lambda r: write(r, f"{PB}/samples/invoice\u202etxt.exe.txt", "例\n"),
     "error", f"{PB}/samples/invoice\u202etxt.exe.txt", 0, "invoice-txt.exe.txt"),
    ("encoding", lambda r: write(r, f"{PB}/samples/sjis.txt", "一行目\n営業部の報告\n", "shift_jis"),
     "error", f"{PB}/samples/sjis.txt", 1, "UTF-8"),
    ("duplicate-url", lambda r: _copy_with_alias(r),
     "error", f"{PB}/index.md", 21, "playbooks/support-email"),
    ("slug", lambda r: shutil.move(r / PB, r / "playbooks/Sales_Email"),
     "error", "playbooks/Sales_Email", 0, "playbooks/sales-email"),
]


def _copy_with_alias(root: Path) -> None:
    shutil.copytree(root / PB, root / "playbooks/support-email")
    edit(root, "index.md", "started: 2026-03-01", "started: 2026-03-01\naliases: [support-email]")


def _drop_metrics(root: Path) -> None:
    path = root / PB / "index.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [ln for ln in lines if not ln.startswith(("metrics", "  "))]
    path.write_text("\n".join(kept), encoding="utf-8")


@pytest.mark.parametrize(("rule", "mutate", "severity", "path", "line", "says"), FAILING,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(FAILING)])
def test_rule_fails(root: Path, rule, mutate, severity, path, line, says) -> None:
    mutate(root)
    found = [f for f in findings_for(root) if f.rule == rule]
    assert found, f"no {rule} finding"
    match = [f for f in found if f.path == path and f.line == line]
    assert match, f"expected {path}:{line}, got {[str(f) for f in found]}"
    assert match[0].severity == severity
    assert says in match[0].message


def test_file_size_over_the_limit(root: Path) -> None:
    (root / PB / "samples" / "big.pdf").write_bytes(b"%PDF" + b"0" * 3000)
    found = findings_for(root, max_file_bytes=2000)
    assert [(f.rule, f.path) for f in found] == [("file-size", f"{PB}/samples/big.pdf")]
    assert "上限" in found[0].message
    assert findings_for(root, max_file_bytes=10_000) == []


PASSING: list[tuple[str, Mutation]] = [
    ("placeholders are not personal data", lambda r: append(r, "samples/mail.md",
     "\n連絡先: user@example.com / info@example.co.jp / 03-0000-0000 / 000-0000-0000 / 090-0000-0000\n"
     "キー: sk-xxxxxxxxxxxxxxxxxxxxxxxx / AKIAIOSFODNN7EXAMPLE / テストカード 4111 1111 1111 1111\n"
     "日付 2026-11-25、金額 1,200,000 円、注文番号 123456789012\n")),
    ("HTML inside code is shown, not run", lambda r: append(r, "prompt-sheet.md",
     "\n```html\n<script>alert(1)</script>\n<a href=\"javascript:x()\" onclick=\"y()\">x</a>\n```\n"
     "\nインラインの `<iframe>` も説明できる。\n")),
    ("links to parts, samples and other playbooks resolve", lambda r: append(r, "workflow.md",
     "\n[概要](index.md) [例](samples/mail.md) [一覧](samples/) [自分](../sales-email/index.md)"
     " [ギャラリー](samples/index.md)"
     " [外部](https://example.com) [節](#手順) [サイト](/departments/)\n")),
    ("front-matter text is shown as text, never markup", lambda r: edit(
        r, "index.md", "summary: 商談メモ", "summary: <script>x()</script>商談メモ")),
    ("prompt placeholders in links are ignored", lambda r: append(r, "prompt-sheet.md",
     "\n[資料]({{資料URL}})\n")),
    ("BOM and CRLF files are read", lambda r: _to_bom_crlf(r)),
    ("full-width text and quoted dates", lambda r: edit(r, "index.md", "reviewed: 2026-10-01",
                                                         "reviewed: \"2026-10-01\"  # ＡＩで確認")),
    ("pilot needs no metrics", lambda r: _drop_metrics(r) or edit(r, "index.md", "phase: rollout",
                                                                   "phase: pilot")),
]


def _to_bom_crlf(root: Path) -> None:
    for path in (root / PB).rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


@pytest.mark.parametrize(("why", "mutate"), PASSING, ids=[case[0] for case in PASSING])
def test_rule_passes(root: Path, why: str, mutate: Mutation) -> None:
    mutate(root)
    assert [str(f) for f in findings_for(root)] == []


def test_findings_are_all_reported_and_sorted(root: Path) -> None:
    edit(root, "index.md", "department: sales", "department: sale")
    edit(root, "index.md", "tier: basic", "tier: basics")
    os.remove(root / PB / "workflow.md")
    found = findings_for(root)
    assert {f.rule for f in found} == {"field", "missing-part"}
    assert len(found) == 3
    assert found == sorted(found)
    assert str(found[0]).startswith(f"{PB}/index.md:4: error: ")


def test_a_missing_samples_folder_is_one_finding_not_two(root: Path) -> None:
    shutil.rmtree(root / PB / "samples")
    assert [(f.rule, f.path) for f in findings_for(root)] == [("missing-part", f"{PB}/samples")]


def test_sanitizer_leaves_ordinary_pages_alone_but_prefixes_ids() -> None:
    from playbook_kb.check.sanitize import sanitize

    page = ('<h2 id="x">手順</h2>\n<p>A &amp; B &lt;C&gt; <a href="../workflow/" title="業務">業務フロー</a>'
            '</p>\n<pre class="mermaid"><code>A --&gt; B</code></pre>\n<img alt="図" src="a.png">')
    assert sanitize(page) == page.replace('id="x"', 'id="user-content-x"')
    assert sanitize(page + "<a href='java\tscript:x'>y</a>").endswith("<a>y</a>")
