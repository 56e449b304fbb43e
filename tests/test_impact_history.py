"""Trends from the git history of the playbooks' front matter (issue 14, item 4).

A copy of the crossdept fixture committed at four dates (PLAYBOOK_KB_TODAY is 2026-11-25):

- 2026-08-10: sales-email is a pilot run 10 times a month ((120-30) x 10 / 60 = 15.0 h),
  sales-proposal and support-faq pilots ((30-10) x 90 / 60 = 30.0 h); no marketing-proposal.
- 2026-09-05: sales-email in rollout, 20 runs (30.0 h); 2026-09-20: 40 runs (60.0 h). The
  month-end snapshot of 2026-09 sees the second version only.
- 2026-10-12: marketing-proposal arrives, company-wide, 7.5 h; the office's monthly file
  for 2026-10 says 100 hours (it wins), 5 active users, and has no phases (git fills them).
- 2026-11: no commit, so the month keeps October's playbooks.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from playbook_kb import Settings, check
from playbook_kb.build.pages import build_site as build_pages
from playbook_kb.load import gitinfo
from playbook_kb.load.gitinfo import Change, needed_blobs, read_history

from .conftest import Build, build_site, make_repo
from .test_gitinfo import git

SALES = "playbooks/sales-email/index.md"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def history_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, "crossdept")
    marketing = tmp_path / "marketing-proposal"
    shutil.move(root / "playbooks" / "marketing-proposal", marketing)
    edit(root, SALES, "phase: rollout\n", "phase: pilot\n")
    edit(root, SALES, "runs_per_month: 40\n", "runs_per_month: 10\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "pilots", date="2026-08-10T10:00:00+09:00")
    edit(root, SALES, "phase: pilot\n", "phase: rollout\n")
    edit(root, SALES, "runs_per_month: 10\n", "runs_per_month: 20\n")
    git(root, "commit", "-q", "-am", "sales-email rolls out", date="2026-09-05T10:00:00+09:00")
    edit(root, SALES, "runs_per_month: 20\n", "runs_per_month: 40\n")
    git(root, "commit", "-q", "-am", "more runs", date="2026-09-20T10:00:00+09:00")
    shutil.move(marketing, root / "playbooks" / "marketing-proposal")
    (root / "playbooks" / "metrics").mkdir()
    (root / "playbooks" / "metrics" / "2026-10.yml").write_text(
        "hours_saved: 100\nactive_users: {sales: 5}\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "marketing", date="2026-10-12T10:00:00+09:00")
    return root


@pytest.fixture(scope="module")
def repo_with_history(tmp_path_factory) -> Path:
    return history_repo(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def built(repo_with_history: Path) -> Build:
    build = build_site(repo_with_history, "--strict")
    assert build.returncode == 0, build.output
    return build


def impact_json(build: Build) -> dict:
    return json.loads((build.site / "impact.json").read_text(encoding="utf-8"))


def test_month_end_snapshots_in_impact_json(built: Build) -> None:
    history = impact_json(built)["history"]
    assert history["status"] == "ok"
    months = {m["month"]: m for m in history["months"]}
    assert list(months) == ["2026-08", "2026-09", "2026-10", "2026-11"]
    phases = {month: tuple(m["playbooks_by_phase"][p] for p in ("pilot", "rollout",
                                                                "company-wide"))
              for month, m in months.items()}
    assert phases == {"2026-08": (3, 0, 0), "2026-09": (2, 1, 0), "2026-10": (2, 1, 1),
                      "2026-11": (2, 1, 1)}
    assert [m["hours_saved"] for m in months.values()] == [45.0, 90.0, 97.5, 97.5]
    assert [m["users"] for m in months.values()] == [12, 12, 17, 17]
    sales = next(p for p in history["playbooks"] if p["slug"] == "sales-email")
    assert sales["hours_saved"] == [15.0, 60.0, 60.0, 60.0]  # 2026-09-05's 30.0 is not a month end
    marketing = next(p for p in history["playbooks"] if p["slug"] == "marketing-proposal")
    assert marketing["hours_saved"] == [None, None, 7.5, 7.5]


def test_monthly_files_win_and_git_fills_the_rest(built: Build) -> None:
    trend = {t["month"]: t for t in impact_json(built)["trend"]}
    assert list(trend) == ["2026-08", "2026-09", "2026-10", "2026-11"]
    october = trend["2026-10"]
    assert (october["hours_saved"], october["source"]) == (100.0, "both")
    assert october["from_git"] == ["playbooks_by_phase"]
    assert october["playbooks_by_phase"] == {"pilot": 2, "rollout": 1, "company-wide": 1}
    assert (trend["2026-09"]["hours_saved"], trend["2026-09"]["source"]) == (90.0, "git")
    assert trend["2026-09"]["active_users"] is None  # only the office counts active users
    assert trend["2026-11"]["active_users"] is None
    html = built.html("impact/")
    total = html[html.index("<tfoot>", html.index('id="by-department"')):]
    total = total[:total.index("</tfoot>")].replace("\n", "")
    users = re.search(r'<td class="kb-num"[^>]*data-label="利用者（月間）">([^<]*)</td>', total)
    assert users.group(1) == "5"  # the latest monthly file's, not 2026-11's


def test_impact_page_shows_chart_and_tables(built: Build) -> None:
    html = built.html("impact/")
    section = html[html.index('id="history"'):html.index('id="by-department"')]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart" role="img"' in section
    assert 'id="trend-phases-title">フェーズ別のプレイブックの数（月末）</title>' in section
    assert "2026-08: パイロット 3, 横展開 0, 全社展開 0" in section  # the chart's description
    row = section[section.index('id="phases-2026-10"'):]
    row = row[:row.index("</tr>")].replace("\n", "")
    assert ('<td class="kb-num">2</td><td class="kb-num">1</td><td class="kb-num">1</td>'
            '<td class="kb-num">4</td><td class="kb-source kb-nowrap">git の履歴</td>') in row
    sales = section[section.index('id="history-sales-email"'):]
    sales = sales[:sales.index("</tr>")].replace("\n", "")
    assert ">15<" in sales and sales.count(">60<") == 3  # hours without a pointless ".0"
    assert "cdn" not in section.lower() and "<script" not in section
    trend = html[html.index('id="trend"'):html.index('id="history"')].replace("\n", "")
    assert ('<td class="kb-num kb-print-hide">17</td>'
            '<td class="kb-source kb-source-both">月次＋git</td>') in trend  # 2026-10


def test_history_csv(built: Build) -> None:
    raw = (built.site / "impact" / "history.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert rows[0] == ["プレイブック", "slug", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert ["sales-email", "15", "60", "60", "60"] == rows[1][1:]  # the biggest saver first
    assert 'href="history.csv"' in built.html("impact/")


def test_a_shallow_clone_builds_without_the_playbook_trend(repo_with_history: Path,
                                                          tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo_with_history.as_uri(), str(clone))
    build = build_site(clone, "--strict")
    assert build.returncode == 0, build.output
    html = build.html("impact/")
    assert 'id="history-note">このサイトは git の履歴の一部だけ（shallow clone）' in html
    assert 'id="phases-2026-08"' not in html and "trend-phases" not in html
    data = impact_json(build)
    assert data["history"] == {"status": "shallow", "months": [], "playbooks": []}
    assert [t["month"] for t in data["trend"]] == ["2026-10"]  # the monthly file still counts


def test_no_git_builds_without_the_playbook_trend_in_english(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "crossdept")
    edit(root, "mkdocs.yml", "  language: ja\n", "  language: en\n")
    build = build_site(root, "--strict", env={"PATH": str(tmp_path)})
    assert build.returncode == 0, build.output
    html = build.html("impact/")
    assert "Playbooks over time (from the git history)" in html
    assert 'id="history-note">This site was built where the git history could not be read' in html
    assert impact_json(build)["history"]["status"] == "no-git"


def test_a_renamed_playbook_keeps_its_history_and_a_removed_one_has_no_link(
        tmp_path: Path) -> None:
    root = make_repo(tmp_path, "crossdept")
    playbooks = root / "playbooks"
    shutil.move(playbooks / "support-faq", playbooks / "faq-from-inquiries")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first", date="2026-09-10T10:00:00+09:00")
    shutil.move(playbooks / "faq-from-inquiries", playbooks / "support-faq")
    edit(root, "playbooks/support-faq/index.md", "tier: basic\n",
         "tier: basic\naliases: [faq-from-inquiries]\n")
    shutil.rmtree(playbooks / "marketing-proposal")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "rename and remove", date="2026-10-10T10:00:00+09:00")
    build = build_site(root, "--strict")
    assert build.returncode == 0, build.output
    rows = {p["slug"]: p["hours_saved"] for p in impact_json(build)["history"]["playbooks"]}
    assert rows["support-faq"] == [30.0, 30.0, 30.0] and "faq-from-inquiries" not in rows
    assert rows["marketing-proposal"] == [7.5, None, None]
    html = build.html("impact/")
    removed = html[html.index('id="history-marketing-proposal"'):]
    assert removed[:removed.index("</tr>")].count("<a ") == 0
    assert '<a href="../playbooks/support-faq/">' in html


def subcommand(command: list[str]) -> str:
    """`git -c a=b log --raw` -> "log"."""
    args = list(command[1:])
    while args and args[0].startswith("-"):
        args = args[2:] if args[0] == "-c" else args[1:]
    return args[0] if args else ""


class Spawned:
    """Every process the engine starts (subprocess.run goes through Popen too), as
    "program subcommand"."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.commands: list[str] = []
        real_popen = subprocess.Popen

        def popen(command, *args, **kwargs):
            self.commands.append(f"{command[0]} {subcommand(command)}")
            return real_popen(command, *args, **kwargs)

        monkeypatch.setattr(subprocess, "Popen", popen)


def test_one_git_log_and_one_cat_file_however_long_the_history(
        repo_with_history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    longer = tmp_path / "longer"
    shutil.copytree(repo_with_history, longer)
    for day in range(1, 9):  # eight more commits over November
        edit(longer, SALES, f"runs_per_month: {40 + day - 1}\n", f"runs_per_month: {40 + day}\n")
        git(longer, "commit", "-q", "-am", f"day {day}", date=f"2026-11-0{day}T10:00:00+09:00")
    for root, commits in ((repo_with_history, 4), (longer, 12)):
        spawned = Spawned(monkeypatch)
        catalog, findings = check(root)
        plan = build_pages(catalog, findings)  # every generated page of the site
        assert spawned.commands == ["git log", "git cat-file"], root
        history = json.loads(plan.files["impact.json"])["history"]
        assert len({c.when for c in read_history(root).changes}) == commits
        assert history["months"][-1]["hours_saved"] == (97.5 if commits == 4 else 109.5)
    single = make_repo(tmp_path / "single", "crossdept")
    git(single, "init", "-q", "-b", "main")
    git(single, "add", "-A")
    git(single, "commit", "-q", "-m", "one", date="2026-10-01T10:00:00+09:00")
    spawned = Spawned(monkeypatch)
    plan = build_pages(*check(single))
    assert spawned.commands == ["git log"]  # every version is today's file: no cat-file
    assert [m["hours_saved"] for m in json.loads(plan.files["impact.json"])["history"]["months"]
            ] == [97.5, 97.5]


def test_only_the_versions_the_window_needs_are_read() -> None:
    changes = (Change(1, "2025-10", "playbooks/a/index.md", "a1"),
               Change(2, "2025-11", "playbooks/a/index.md", "a2"),
               Change(3, "2025-11", "playbooks/b/index.md", "b1"),
               Change(4, "2025-12", "playbooks/b/index.md", None),
               Change(5, "2026-02", "playbooks/a/index.md", "a3"))
    # a1 was replaced before the window opened; a2 and b1 stood when it opened
    assert needed_blobs(changes, "2025-12") == ["a3", "a2", "b1"]
    assert needed_blobs(changes, "2025-11") == ["a2", "b1", "a3", "a1"]


def test_versions_are_cut_and_the_cap_turns_the_trend_off(
        repo_with_history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    history = read_history(repo_with_history, trend_from="2025-12")
    assert len(history.current) == 4  # today's four overviews: the catalog has read them
    assert history.status == "ok" and len(history.versions) == 2  # sales-email's older two
    monkeypatch.setattr(gitinfo, "MAX_FILE_BYTES", 40)
    cut = read_history(repo_with_history, trend_from="2025-12")
    assert {len(v) for v in cut.versions.values()} == {40}
    monkeypatch.setattr(gitinfo, "MAX_VERSIONS", 1)
    assert read_history(repo_with_history, trend_from="2025-12").status == "too-large"


def test_a_preview_reads_no_versions(repo_with_history: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    spawned = Spawned(monkeypatch)
    catalog, findings = check(repo_with_history, Settings(preview=("sales-email",)))
    plan = build_pages(catalog, findings)  # `playbook-kb serve`: rebuilt on every save
    assert spawned.commands == ["git log"]  # dates for the page footers, no cat-file
    assert json.loads(plan.files["impact.json"])["history"]["status"] == "not-read"
