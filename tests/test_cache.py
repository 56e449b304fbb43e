"""The result cache of `playbook-kb check` and `mkdocs serve` (load/cache.py): the same
findings as a cold run, nothing read again that did not change, never stale, never
trusted from the repository or in CI."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(autouse=True)
def _settled(monkeypatch):
    """Files aged with utime still have a fresh change time (utime moves it): the tests
    that are not about settling take every folder as settled."""
    monkeypatch.setattr(cache_module, "SETTLED_NS", 0)
    yield
    cache_module.engine_digest.cache_clear()


def test_the_engine_is_the_code_this_process_runs_not_the_files_on_disk(
        tmp_path: Path, monkeypatch) -> None:
    """`git pull` under a running `mkdocs serve`: its results stay filed under the code
    it runs, and a new process sees the new code."""
    engine = tmp_path / "engine"
    shutil.copytree(cache_module.ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "ENGINE", engine)
    cache_module.engine_digest.cache_clear()
    running = cache_module.engine_digest()
    rule = engine / "check" / "parts.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# pulled\n", encoding="utf-8")
    assert cache_module.engine_digest() == running
    cache_module.engine_digest.cache_clear()  # the next process
    assert cache_module.engine_digest() != running


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


def test_a_file_comes_back_from_the_cache_equal_with_its_path_made_when_read(root: Path):
    import pickle

    catalog, _ = check(root, read_settings(root))
    source = catalog.playbook(SLUG).file("prompt-sheet.md")
    assert source.links is not None  # computed, and kept with it
    back = pickle.loads(pickle.dumps(source))
    assert "abs_path" not in back.__dict__ and "links" in back.__dict__
    assert back.abs_path == source.abs_path and isinstance(back.abs_path, Path)
    assert back == source and pickle.loads(pickle.dumps(back)) == source


def test_an_edit_is_seen_on_the_next_run(root: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.pickle")
    assert not any("sensitive-data" in f for f in run(root, cache))
    sample = root / "playbooks" / SLUG / "prompt-sheet.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("\n", "\n連絡先 090-1234-5678\n", 1), encoding="utf-8")
    age(root)  # even an edit dated in the past: the size and the inode's time differ
    assert any("sensitive-data" in f for f in run(root, ResultCache(tmp_path / "c.pickle")))


def test_a_folder_changed_in_the_last_seconds_is_read_every_time(
        root: Path, reads: list[bytes], monkeypatch) -> None:
    """A file system's clock ticks coarsely: an edit of the same size in the same tick
    keeps size and time. Such a folder is not cached until it has settled."""
    monkeypatch.setattr(cache_module, "SETTLED_NS", 2_000_000_000)
    sheet = root / "playbooks" / SLUG / "prompt-sheet.md"
    sheet.write_text(sheet.read_text(encoding="utf-8"), encoding="utf-8")  # just now
    cache = ResultCache()
    run(root, cache)
    reads.clear()
    run(root, cache)
    assert len(reads) >= 3  # the fresh folder again, every text file of it
    assert cache_module.folder_key(sheet.parent, light=False) == ""
    age(root)  # an old modification time, a fresh change time: a copy with `cp -p`
    assert cache_module.folder_key(sheet.parent, light=False) == ""
    monkeypatch.setattr(cache_module, "SETTLED_NS", 0)
    assert cache_module.folder_key(sheet.parent, light=False) != ""


def test_a_file_vanishing_while_the_key_is_read_leaves_the_folder_uncached(
        root: Path, monkeypatch) -> None:
    folder = root / "playbooks" / SLUG
    (folder / ".#prompt-sheet.md").symlink_to("user@host.1234")  # an editor's lock link
    assert cache_module.folder_key(folder, light=False) != ""

    def vanished(path):
        raise FileNotFoundError(path)  # removed between the listing and the read

    monkeypatch.setattr(cache_module.os, "readlink", vanished)
    assert cache_module.folder_key(folder, light=False) == ""


def test_a_preview_and_a_full_check_keep_their_own_entries(
        root: Path, tmp_path: Path, reads: list[bytes], monkeypatch) -> None:
    """A preview reads the other playbooks lightly; the next full check still finds
    their full entries, and a light entry never stands in for a full one."""
    other = root / "playbooks" / "hr-posting"
    shutil.copytree(root / "playbooks" / SLUG, other)
    (other / "samples" / "customer.md").write_text(
        "# 顧客\n\n担当の山田さんの携帯は 090-1234-5678 です。\n", encoding="utf-8")
    age(root)
    cold = run(root, ResultCache(tmp_path / "c.pickle"))
    assert any("hr-posting" in f and "sensitive-data" in f for f in cold)
    monkeypatch.setenv("PLAYBOOK_KB_PREVIEW", SLUG)
    preview = run(root, ResultCache(tmp_path / "c.pickle"))
    assert not any("hr-posting" in f for f in preview)
    monkeypatch.delenv("PLAYBOOK_KB_PREVIEW")
    reads.clear()
    assert run(root, ResultCache(tmp_path / "c.pickle")) == cold
    assert reads == []


def test_a_pdf_scan_the_clock_cut_short_is_not_kept(root: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    from playbook_kb.load import doctext

    from .security.documents import pdf

    (root / "playbooks" / SLUG / "samples" / "form.pdf").write_bytes(pdf("090-1234-5678"))
    age(root)
    monkeypatch.setattr(doctext, "PDF_MAX_SECONDS", -1.0)  # every page over the budget
    cache = ResultCache()
    run(root, cache)
    assert cache.current[f"playbooks/{SLUG}"].local_findings is None
    monkeypatch.setattr(doctext, "PDF_MAX_SECONDS", 5.0)
    run(root, cache)
    assert cache.current[f"playbooks/{SLUG}"].local_findings is not None


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
    monkeypatch.setattr(cache_module, "LIBRARIES", ("yaml", "not_installed_here"))
    cache_module.engine_digest.cache_clear()  # a new process with other libraries
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


def test_a_cache_reached_through_a_link_or_in_a_shared_directory_is_not_read(
        root: Path, tmp_path: Path, reads: list[bytes]) -> None:
    real = tmp_path / "own" / "c.pickle"
    real.parent.mkdir(mode=0o700)
    run(root, ResultCache(real))
    link = tmp_path / "own" / "link.pickle"
    link.symlink_to(real)  # e.g. to a file a pull request checked out
    reads.clear()
    run(root, ResultCache(link))
    assert reads
    real.parent.chmod(0o777)  # a directory others may write into
    reads.clear()
    run(root, ResultCache(real))
    assert reads


def test_the_disk_cache_is_never_in_the_repository_nor_in_ci(root: Path, tmp_path: Path,
                                                             monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for name in ("CI", "GITHUB_ACTIONS", cache_module.ENV_VAR):
        monkeypatch.delenv(name, raising=False)
    mine = ResultCache.on_disk(root)
    assert mine.path is not None and mine.path.is_relative_to(tmp_path / "xdg")
    assert not mine.path.is_relative_to(root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache")  # relative: the XDG rule ignores it
    assert not ResultCache.on_disk(root).path.is_relative_to(root)
    assert ResultCache.on_disk(root).path.is_relative_to(Path.home())
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
    time.sleep(2.1)  # a separate process: the real two-second window (change times)
    command = [sys.executable, "-m", "playbook_kb.tools.cli", "check", "--root", str(root)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    cached = list((tmp_path / "xdg" / "playbook-kb").glob("*.pickle"))
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == second.returncode == 1 and "sensitive-data" in first.stdout
    assert first.stdout == second.stdout and len(cached) == 1
    env["XDG_CACHE_HOME"] = str(tmp_path / "other")
    subprocess.run([*command, "--no-cache"], env=env, capture_output=True, check=False)
    assert not (tmp_path / "other").exists()
