"""The result cache of `playbook-kb check` and `mkdocs serve` (load/cache.py): the same
findings as a cold run, nothing read again that did not change, never stale, never
trusted from the repository or in CI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.load import cache as cache_module
from playbook_kb.load import catalog as loader
from playbook_kb.load.cache import ResultCache
from playbook_kb.load.settings import read_settings

from .conftest import make_repo

SLUG = "sales-email"


def age(root: Path, seconds: int = 60) -> None:
    """Every file older than the cache's two-second settling window."""
    then = time.time() - seconds
    for path in [root, *root.rglob("*")]:
        os.utime(path, (then, then), follow_symlinks=False)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, "minimal")
    age(root)
    return root


@pytest.fixture
def reads(monkeypatch) -> list[bytes]:
    """Every file the loader decodes."""
    seen: list[bytes] = []
    decode = loader.decode
    monkeypatch.setattr(loader, "decode", lambda data: seen.append(data) or decode(data))
    return seen


def run(root: Path, cache: ResultCache) -> list[str]:
    _, findings = check(root, read_settings(root), cache)
    return [str(f) for f in findings]


def test_a_warm_run_reads_nothing_and_finds_the_same(root: Path, tmp_path: Path,
                                                     reads: list[bytes]) -> None:
    sample = root / "playbooks" / SLUG / "samples" / "customer.md"
    sample.write_text("# 顧客\n\n担当: 山田 090-1234-5678\n", encoding="utf-8")
    age(root)
    cold = run(root, ResultCache(tmp_path / "c.pickle"))
    assert any("sensitive-data" in f for f in cold)
    first = len(reads)
    reads.clear()
    warm_cache = ResultCache(tmp_path / "c.pickle")  # a new process: from the disk copy
    assert run(root, warm_cache) == cold
    assert reads == [] and warm_cache.hits == 1 and first > 3


def test_an_edit_is_seen_on_the_next_run(root: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.pickle")
    assert not any("sensitive-data" in f for f in run(root, cache))
    sample = root / "playbooks" / SLUG / "prompt-sheet.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("\n", "\n連絡先 090-1234-5678\n", 1), encoding="utf-8")
    age(root)  # even an edit dated in the past: the size and the inode's time differ
    assert any("sensitive-data" in f for f in run(root, ResultCache(tmp_path / "c.pickle")))


def test_a_folder_changed_in_the_last_seconds_is_read_every_time(
        root: Path, reads: list[bytes]) -> None:
    """A file system's clock ticks coarsely: an edit of the same size in the same tick
    keeps size and time. Such a folder is not cached until it has settled."""
    sheet = root / "playbooks" / SLUG / "prompt-sheet.md"
    sheet.write_text(sheet.read_text(encoding="utf-8"), encoding="utf-8")  # just now
    cache = ResultCache()
    run(root, cache)
    reads.clear()
    run(root, cache)
    assert len(reads) >= 3  # the fresh folder again, every text file of it
    assert cache_module.folder_key(sheet.parent, light=False) == ""
    age(root)
    assert cache_module.folder_key(sheet.parent, light=False) != ""


def test_serve_rebuilds_keep_unchanged_playbooks_in_memory(
        root: Path, reads: list[bytes]) -> None:
    cache = ResultCache()  # the hook module's cache lives as long as `mkdocs serve`
    first = run(root, cache)
    reads.clear()
    assert run(root, cache) == first and reads == []
    (root / "playbooks" / SLUG / "workflow.md").unlink()  # a part removed
    assert any("missing-part" in f for f in run(root, cache))


def test_shared_data_settings_or_engine_changes_read_everything_again(
        root: Path, tmp_path: Path, reads: list[bytes], monkeypatch) -> None:
    cache = ResultCache(tmp_path / "c.pickle")
    run(root, cache)
    taxonomy = root / "playbooks" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("sales", "eigyo"),
                        encoding="utf-8")
    age(root)
    reads.clear()
    after = run(root, ResultCache(tmp_path / "c.pickle"))
    assert reads and any("department" in f or "field" in f for f in after)
    monkeypatch.setattr(cache_module, "LIBRARIES", ("PyYAML", "not-installed-here"))
    reads.clear()
    run(root, ResultCache(tmp_path / "c.pickle"))
    assert reads  # another library version: another context


def test_a_broken_cache_file_is_ignored(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.pickle"
    cold = run(root, ResultCache(path))
    path.write_bytes(b"\x80\x05not a pickle")
    assert run(root, ResultCache(path)) == cold
    path.write_bytes(b"")
    assert run(root, ResultCache(path)) == cold


def test_a_cache_file_others_may_write_is_not_read(root: Path, tmp_path: Path,
                                                   reads: list[bytes]) -> None:
    path = tmp_path / "c.pickle"
    run(root, ResultCache(path))
    assert path.stat().st_mode & 0o077 == 0
    path.chmod(0o666)  # a pickle runs code when it is read: only the user's own is
    reads.clear()
    run(root, ResultCache(path))
    assert reads


def test_the_disk_cache_is_never_in_the_repository_nor_in_ci(root: Path, tmp_path: Path,
                                                             monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for name in ("CI", "GITHUB_ACTIONS", cache_module.ENV_VAR):
        monkeypatch.delenv(name, raising=False)
    mine = ResultCache.on_disk(root)
    assert mine.path is not None and mine.path.is_relative_to(tmp_path / "xdg")
    assert not mine.path.is_relative_to(root)
    monkeypatch.setenv("CI", "true")  # a shared runner's home is not ours to trust
    assert ResultCache.on_disk(root).path is None
    monkeypatch.delenv("CI")
    monkeypatch.setenv(cache_module.ENV_VAR, "off")
    assert ResultCache.on_disk(root).path is None


def test_the_cli_twice_prints_the_same_and_no_cache_writes_nothing(
        root: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CI", "GITHUB_ACTIONS", cache_module.ENV_VAR)}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    sample = root / "playbooks" / SLUG / "samples" / "customer.md"
    sample.write_text("# 顧客\n\n担当の山田さんの携帯は 090-1234-5678 です。\n", encoding="utf-8")
    age(root)
    command = [sys.executable, "-m", "playbook_kb.tools.cli", "check", "--root", str(root)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    cached = list((tmp_path / "xdg" / "playbook-kb").glob("*.pickle"))
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == second.returncode == 1 and "sensitive-data" in first.stdout
    assert first.stdout == second.stdout and len(cached) == 1
    env["XDG_CACHE_HOME"] = str(tmp_path / "other")
    subprocess.run([*command, "--no-cache"], env=env, capture_output=True, check=False)
    assert not (tmp_path / "other").exists()
