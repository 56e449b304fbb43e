""""Last updated" from git, /changes/, and the edit button, on fixture repositories in git."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from playbook_kb.load.gitinfo import parse_log, read_history

from .conftest import build_site, make_repo

PB = "playbooks/sales-email"
EDIT = "https://github.com/example-co/ai-playbooks/edit/main/"


def git(root: Path, *args: str, date: str = "2026-01-15T10:00:00+09:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Champion", "GIT_AUTHOR_EMAIL": "c@example.com",
           "GIT_COMMITTER_NAME": "Champion", "GIT_COMMITTER_EMAIL": "c@example.com",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout


def fixture_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path, "minimal")


def commit_history(root: Path) -> None:
    """Everything on 2026-01-15, then the workflow edited on 2026-03-20."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    with open(root / PB / "workflow.md", "a", encoding="utf-8") as handle:
        handle.write("\n確認の手順を追加しました。\n")
    git(root, "commit", "-q", "-am", "edit workflow", date="2026-03-20T18:00:00+09:00")


@pytest.fixture
def repo_in_git(tmp_path: Path) -> Path:
    root = fixture_repo(tmp_path)
    commit_history(root)
    return root


def test_one_git_log_gives_every_file_and_folder_its_latest_date(repo_in_git: Path) -> None:
    history = read_history(repo_in_git)
    assert history.file(f"{PB}/workflow.md") == dt.date(2026, 3, 20)
    assert history.file(f"{PB}/index.md") == dt.date(2026, 1, 15)
    assert history.folder(PB) == dt.date(2026, 3, 20)
    assert history.file("mkdocs.yml") is None  # only playbooks/ is read


def test_a_shallow_clone_knows_only_what_it_saw(repo_in_git: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo_in_git.as_uri(), str(clone))
    history = read_history(clone)  # the boundary commit lists every file: no dates
    assert (history.files, history.folders, history.status) == ({}, {}, "shallow")


def test_no_repository_or_no_git_means_no_dates(tmp_path: Path, monkeypatch) -> None:
    assert not read_history(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not read_history(tmp_path)


def test_parse_log_keeps_the_newest_date() -> None:
    blob = ":100644 100644 " + "1" * 40 + " " + "2" * 40 + " M"
    log = (f"\x1e2026-03-20\x1f1774000000\x1fHEAD -> main\0\n{blob}\0playbooks/a/x.md\0"
           f"\x1e2026-01-15\x1f1768000000\x1f\0\n{blob}\0playbooks/a/x.md\0"
           f"{blob}\0playbooks/b/y.md\0")
    history = parse_log(log)
    assert history.files == {"playbooks/a/x.md": dt.date(2026, 3, 20),
                             "playbooks/b/y.md": dt.date(2026, 1, 15)}
    assert history.folders == {"playbooks/a": dt.date(2026, 3, 20),
                               "playbooks/b": dt.date(2026, 1, 15)}
    assert history.created == {"playbooks/a": dt.date(2026, 1, 15),
                               "playbooks/b": dt.date(2026, 1, 15)}


def updated(html: str) -> str | None:
    found = re.search(r'class="kb-updated">[^<]*<time datetime="([0-9-]+)"', html)
    return found.group(1) if found else None


def edit_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"',
                      html)
    return found.group(1) if found else None


def test_playbook_pages_show_last_updated_and_edit_the_real_file(repo_in_git: Path) -> None:
    build = build_site(repo_in_git, "--strict")
    assert build.returncode == 0, build.output
    assert updated(build.html(f"{PB}/")) == "2026-01-15"
    assert updated(build.html(f"{PB}/workflow/")) == "2026-03-20"
    assert updated(build.html(f"{PB}/samples/")) == "2026-01-15"  # newest sample
    assert edit_link(build.html(f"{PB}/")) == f"{EDIT}{PB}/index.md"
    assert edit_link(build.html(f"{PB}/workflow/")) == f"{EDIT}{PB}/workflow.md"
    assert edit_link(build.html(f"{PB}/samples/mail/")) == f"{EDIT}{PB}/samples/mail.md"
    assert edit_link(build.html("")) == f"{EDIT}docs/index.md"  # hand-written: docs/


def test_changes_page_lists_the_latest_playbooks(repo_in_git: Path) -> None:
    build = build_site(repo_in_git)
    changes = build.html("changes/")
    assert re.search(r'<time datetime="2026-03-20">2026-03-20</time></td><td[^>]*>'
                     r'<span class="kb-pill kb-pill-updated">更新</span> '
                     r'<a href="\.\./playbooks/sales-email/">商談メモから提案メールの下書き</a>',
                     changes), changes
    article = changes.split("<article", 1)[1].split("</article>", 1)[0]
    assert "git" not in re.sub(r"<[^>]+>", "", article)  # readers are not told about git


def test_a_playbook_added_lately_is_new_on_changes_and_on_its_page(repo_in_git: Path) -> None:
    """Issue 13: each playbook has its own date, and 新着 tells new from updated."""
    new = repo_in_git / "playbooks/sales-email-2"
    shutil.copytree(repo_in_git / PB, new)
    index = new / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "title: 商談メモから提案メールの下書き", "title: 展示会後のお礼メール"), encoding="utf-8")
    git(repo_in_git, "add", "-A")
    git(repo_in_git, "commit", "-q", "-m", "new playbook", date="2026-11-20T09:00:00+09:00")
    history = read_history(repo_in_git)
    assert history.folder_created("playbooks/sales-email-2") == dt.date(2026, 11, 20)
    assert history.folder_created(PB) == dt.date(2026, 1, 15)
    build = build_site(repo_in_git)
    rows = re.findall(r'<time datetime="([0-9-]+)">[^<]*</time></td><td[^>]*>'
                      r'<span class="kb-pill kb-pill-(\w+)">', build.html("changes/"))
    assert rows == [("2026-11-20", "new"), ("2026-03-20", "updated")]
    assert '<span class="kb-pill kb-pill-new">新着</span>' in build.html("playbooks/sales-email-2/")
    assert "kb-pill-new" not in build.html(f"{PB}/")


def test_feedback_links_on_every_playbook_page(repo_in_git: Path) -> None:
    html = build_site(repo_in_git).html(f"{PB}/workflow/")
    issue = re.search(r'class="kb-feedback-issue" href="([^"]+)"', html).group(1)
    assert issue.startswith("https://github.com/example-co/ai-playbooks/issues/new?"
                            "template=report-problem.yml&amp;title=")
    assert "&amp;playbook=sales-email&amp;file=playbooks%2Fsales-email%2Fworkflow.md" in issue
    assert re.search(r'class="kb-feedback-helpful" href="mailto:[^"?]+\?subject=', html)


def test_a_checkout_without_git_still_builds(tmp_path: Path) -> None:
    root = fixture_repo(tmp_path)
    build = build_site(root, "--strict", env={"PATH": str(tmp_path)})  # no git on PATH
    assert build.returncode == 0, build.output
    assert updated(build.html(f"{PB}/")) is None
    assert "kb-feedback" in build.html(f"{PB}/")
    assert "更新日の記録がない" in build.html("changes/")
