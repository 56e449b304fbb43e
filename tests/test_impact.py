"""Management numbers (issue: usage rate, satisfaction, targets and trends).

A copy of the crossdept fixture gets headcounts, an adopter block, targets and two monthly
files. Hours by hand: sales-email saves (120-30) min x 40 runs = 60.0 h for sales and
(120-30) x 20 runs = 30.0 h for support, which adopted it; marketing-proposal 7.5 h;
support-faq (30-10) x 90 = 30.0 h. Total 127.5 h/month.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from playbook_kb import check

from .conftest import Build, build_site, make_repo, set_language

TARGETS = """\
baseline:
  date: 2026-01-31
  hours_saved: 0
  usage_rate: 10
  helpdesk_inquiries: 200
targets:
  - date: 2026-12-31
    label: {ja: 年末, en: Year end}
    hours_saved: 200
    usage_rate: 52
    satisfaction: 70
    inquiry_reduction: 10
"""
MONTHS = {
    "2026-10": "satisfaction: {score: 65, responses: 40}\nhelpdesk_inquiries: 190\n"
               "active_users: {sales: 5, support: 4}\nhours_saved: 100\n"
               "playbooks_by_phase: {pilot: 1, rollout: 2, company-wide: 0}\n",
    "2026-11": "satisfaction: {score: 72, responses: 51}\nhelpdesk_inquiries: 170\n"
               "active_users: {sales: 6, support: 6, marketing: 2}\nhours_saved: 127.5\n",
}


def company_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, "crossdept")
    taxonomy = root / "playbooks" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    for key, people in (("sales", 15), ("marketing", 5), ("support", 8)):
        text = text.replace(f"{{key: {key}, ", f"{{key: {key}, headcount: {people}, ")
    taxonomy.write_text(text, encoding="utf-8")
    index = root / "playbooks" / "sales-email" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "  measured: 2026-09-30\n" in text
    index.write_text(text.replace("  measured: 2026-09-30\n", "  measured: 2026-09-30\n"
                                  "  adopters:\n    support: {runs_per_month: 20, users: 4}\n"),
                     encoding="utf-8")
    (root / "playbooks" / "targets.yml").write_text(TARGETS, encoding="utf-8")
    (root / "playbooks" / "metrics").mkdir()
    for month, body in MONTHS.items():
        (root / "playbooks" / "metrics" / f"{month}.yml").write_text(body, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Build:
    build = build_site(company_repo(tmp_path_factory.mktemp("company")), "--strict")
    assert build.returncode == 0, build.output
    return build


def row(html: str, row_id: str) -> str:
    start = html.index(f'id="{row_id}"')
    return html[start:html.index("</tr>", start)]


def test_hours_count_for_the_department_that_uses_them(built: Build) -> None:
    html = built.html("impact/")
    sales, support = row(html, "dept-sales"), row(html, "dept-support")
    # sales made 90.0 (60 own + 30 by support) and used 60.0; support used 30 + 30 = 60.0
    # (whole hours print without ".0")
    cell = r'<td class="kb-num" data-label="[^"]+">{}</td>'  # labelled: rows stack on phones
    assert re.search(cell.format(60) + cell.format(90), sales)
    assert re.search(cell.format(60) + cell.format(30), support)
    assert 'id="total-hours">127.5<' in html


def test_usage_rate_per_department_and_company(built: Build) -> None:
    html = built.html("impact/")
    assert "40%" in row(html, "dept-sales")  # 6 of 15
    assert "75%" in row(html, "dept-support")  # 6 of 8
    assert 'id="usage-rate">50%<' in html  # 14 of 28 people


def test_progress_against_the_next_target(built: Build) -> None:
    html = built.html("impact/")
    hours = row(html, "progress-hours_saved")  # expected by 2026-11-25: 200 x 298/334 = 178.4
    assert "127.5" in hours and "178.4" in hours and "72.5" in hours and "遅れ" in hours
    assert "順調" in row(html, "progress-usage_rate")  # 50% >= 10 + 42 x 0.89 = 47.5%
    assert "達成" in row(html, "progress-satisfaction")  # 72% >= 70%
    assert "達成" in row(html, "progress-inquiry_reduction")  # (200-170)/200 = 15% >= 10%


def test_trend_table_and_csv_downloads(built: Build) -> None:
    html = built.html("impact/")
    assert "2026-10" in html and "2026-11" in html and 'href="trend.csv"' in html
    raw = (built.site / "impact" / "trend.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "月" and rows[1][:6] == ["2026-10", "100", "9", "32.1", "65", "190"]
    departments = (built.site / "impact" / "departments.csv").read_text(encoding="utf-8-sig")
    assert "営業部,60,90,6,15,40" in departments


def test_impact_json_carries_the_same_numbers(built: Build) -> None:
    data = json.loads((built.site / "impact.json").read_text(encoding="utf-8"))
    assert data["current"]["hours_saved"] == 127.5 and data["as_of_month"] == "2026-11"
    progress = {p["metric"]: p for p in data["target"]["progress"]}
    assert progress["hours_saved"]["status"] == "behind"
    assert progress["hours_saved"]["gap"] == 72.5
    sales = next(d for d in data["departments"] if d["key"] == "sales")
    assert (sales["hours_used"], sales["hours_made"], sales["usage_rate"]) == (60.0, 90.0, 40.0)
    assert [t["month"] for t in data["trend"]] == ["2026-10", "2026-11"]


def test_purpose_page_target_table_comes_from_targets_yml(built: Build) -> None:
    html = built.html("purpose/")
    assert "2026-12-31<br />年末" in html or "2026-12-31<br>年末" in html
    assert "<strong>127.5</strong>" in html


def test_english_site_labels(tmp_path: Path) -> None:
    root = company_repo(tmp_path)
    set_language(root, "en")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    html = build.html("impact/")
    assert "Progress against targets" in html and "Behind" in html and "Saved (user)" in html


BAD = {
    "targets.yml": (
        "baseline: {date: 2026-01-31, usage_rate: 120}\ntargets:\n"
        "  - {date: 2026-12-31, hours_saved: .inf, usage_rate: 40}\n  - {date: 2026-06-30, usage_rate: 50}\n"
        "  - {date: 2025-12-31, hours_saved: 10}\n  - {date: 2027-03-31, hours_savd: 10}\n",
        ["targets.yml:1: error: usage_rate は 0〜100 の数（%）で書いてください（今: 120）。 [targets]",
         "targets.yml:3: error: hours_saved は 0 以上の数で書いてください（今: inf）。 [targets]",
         "targets.yml:4: error: 目標の日付 2026-06-30 が前の目標 2026-12-31 より前か同じです。"
         "古い順に並べてください。 [targets]",
         "targets.yml:5: error: 目標の日付 2025-12-31 が基準値の日付 2026-01-31 より前です。 [targets]",
         "targets.yml:6: warning: 「hours_savd」は目標の項目にありません。「hours_saved」のことですか？"]),
}


def findings_text(root: Path) -> list[str]:
    _, findings = check(root)
    return [str(f) for f in findings]


def test_bad_targets_are_findings_with_line_and_fix(tmp_path: Path) -> None:
    root = company_repo(tmp_path)
    text, expected = BAD["targets.yml"]
    (root / "playbooks" / "targets.yml").write_text(text, encoding="utf-8")
    found = [f for f in findings_text(root) if "targets.yml" in f]
    for line in expected:
        assert any(f.startswith("playbooks/" + line) for f in found), (line, found)


def test_bad_monthly_files_and_headcounts(tmp_path: Path) -> None:
    root = company_repo(tmp_path)
    folder = root / "playbooks" / "metrics"
    (folder / "2026-12.yml").write_text("helpdesk_inquiries: 10\n", encoding="utf-8")
    (folder / "november.yml").write_text("helpdesk_inquiries: 10\n", encoding="utf-8")
    (folder / "2026-09.yml").write_text(
        "satisfaction: {score: 130, responses: 5}\nhelpdesk_inquiries: -3\n"
        "active_users: {sales: 16, sails: 2}\n", encoding="utf-8")
    index = root / "playbooks" / "marketing-proposal" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("  users: 5\n", "  users: 9\n"
                     "  adopters:\n    it: {runs_per_month: 2}\n"), encoding="utf-8")
    found = findings_text(root)

    def has(prefix: str, *words: str) -> bool:
        return any(f.startswith(prefix) and all(w in f for w in words) for f in found)

    assert has("playbooks/metrics/2026-12.yml: error:", "まだ来ていない月")
    assert has("playbooks/metrics/november.yml: error:", "YYYY-MM.yml")
    assert has("playbooks/metrics/2026-09.yml:1: error: satisfaction:", "0〜100")
    assert has("playbooks/metrics/2026-09.yml:2: error: helpdesk_inquiries:")
    assert has("playbooks/metrics/2026-09.yml:3: error: active_users:", "sails", "sales")
    assert has("playbooks/metrics/2026-09.yml:3: error:", "active_users.sales の 16 人",
               "100% を超え", "[usage-rate]")
    assert has("playbooks/marketing-proposal/index.md", "metrics.users の 9 人", "headcount: 5")
    assert has("playbooks/marketing-proposal/index.md", "adopted_by にありません", "[usage]")


def test_target_before_the_first_pilot(tmp_path: Path) -> None:
    root = company_repo(tmp_path)
    (root / "playbooks" / "targets.yml").write_text(
        "targets:\n  - {date: 2025-11-30, hours_saved: 10}\n", encoding="utf-8")
    found = findings_text(root)  # marketing-proposal started 2025-12-01
    assert any("targets.yml:2: error: 目標の日付 2025-11-30 が、最初のパイロットの開始日 2025-12-01"
               in f for f in found), found


def test_no_company_files_still_builds_an_impact_page(tmp_path: Path) -> None:
    build = build_site(make_repo(tmp_path, "crossdept"), "--strict")
    assert build.returncode == 0, build.output
    html = build.html("impact/")
    assert "数値目標はまだ決まっていません" in html and "月ごとの数字はまだありません" in html
    assert json.loads((build.site / "impact.json").read_text())["target"] is None
