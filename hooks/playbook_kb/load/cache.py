"""Results reused while a playbook's files are unchanged: `playbook-kb check` run again,
and every rebuild of `mkdocs serve`.

A playbook's entry holds what loading it produced (the Playbook, with the code masks and
links its rules computed, and the load findings) and the findings of its local rules
(rules that read only the playbook and the settings: `local=True` in check/registry.py).
An entry is used only when its key matches: the name, kind, size, inode and both times
(on POSIX a write always moves the change time) of every file in the folder, and a
context key: the engine's own files and the libraries as this process first saw them, the
settings and the shared data files beside the playbooks (taxonomy.yml, tools.yml ...).
Any other change and the playbook is read again. A folder changed (or copied with its
times kept) in the last two seconds is not kept: a file system's clock ticks coarsely,
and an edit within one tick could keep every stamp ("racy git"). Nor are the findings of
a PDF scan that the clock cut short (load/doctext.py).

Two lifetimes:
- in memory, for the life of the process (`mkdocs serve` keeps the hook module alive);
- on disk, for `playbook-kb check` and `playbook-kb serve` on a champion's machine: a
  pickle in the user's cache directory, never in the repository (a pull request could
  plant one there) and never in CI (`CI` or `GITHUB_ACTIONS` set: a shared runner's
  home directory is not ours to trust). A pickle runs code when it is read, so it is
  read only from an absolute directory that is the user's own and writable by nobody
  else, never through a symbolic link, and only if the user owns it and nobody else may
  write it. A published build never reads the disk cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..model import Playbook, Settings
from ..routes import PLAYBOOKS_DIR

FORMAT = 1
ENV_VAR = "PLAYBOOK_KB_CACHE"  # "off": no disk cache; "disk": the hooks use it (serve)
LIBRARIES = ("yaml", "markdown", "nh3", "pypdf", "pymdownx", "html5lib", "pygments")
ENGINE = Path(__file__).resolve().parents[1]  # hooks/playbook_kb/


@dataclass
class Entry:
    key: str
    playbook: Playbook
    load_findings: tuple[Finding, ...]
    local_findings: tuple[Finding, ...] | None = None  # None: its local rules have not run


@dataclass
class ResultCache:
    path: Path | None = None  # the pickle on disk; None: in memory only
    context: str = ""
    entries: dict[tuple[str, bool], Entry] = field(default_factory=dict)  # (rel_dir, light)
    current: dict[str, Entry] = field(default_factory=dict)  # rel_dir -> valid in this run
    hits: int = 0
    dirty: bool = False
    _read: bool = False

    @classmethod
    def on_disk(cls, root: Path) -> ResultCache:
        """The champion's cache; in memory only in CI or with PLAYBOOK_KB_CACHE=off."""
        if os.environ.get(ENV_VAR, "").lower() in ("off", "0", "no") or ci():
            return cls()
        name = hashlib.sha256(str(root).encode()).hexdigest()[:16]
        return cls(cache_dir() / f"check-{name}.pickle")

    def begin(self, root: Path, settings: Settings) -> None:
        """Start a run: entries of another context (engine, settings, shared data) go."""
        context = context_key(root, settings)
        if self.path is not None and not self._read:
            self._read = True
            self.context, self.entries = self._load()
        if context != self.context:
            self.context, self.entries = context, {}
        self.current, self.hits, self.dirty = {}, 0, False

    def lookup(self, rel_dir: str, folder: Path, light: bool) -> tuple[str, Entry | None]:
        """(the folder's key, its entry when the key matches); store() takes the key."""
        key = folder_key(folder, light)
        entry = self.entries.get((rel_dir, light))
        if key and entry is not None and entry.key == key:
            self.current[rel_dir] = entry
            self.hits += 1
            return key, entry
        return key, None

    def store(self, rel_dir: str, key: str, playbook: Playbook, found: list[Finding],
              light: bool = False) -> None:
        if key:  # "": changed a moment ago, read again next time
            entry = Entry(key, playbook, tuple(found))
            self.current[rel_dir] = self.entries[(rel_dir, light)] = entry
            self.dirty = True

    def local_findings(self, playbook: Playbook) -> tuple[Finding, ...] | None:
        entry = self.current.get(playbook.rel_dir)
        return None if entry is None else entry.local_findings

    def store_local(self, playbook: Playbook, found: list[Finding]) -> None:
        entry = self.current.get(playbook.rel_dir)
        if entry is not None and entry.playbook is playbook:
            entry.local_findings = tuple(found)
            self.dirty = True

    def finish(self) -> None:
        """Entries of folders gone since go; the disk copy is rewritten when it changed."""
        kept = {k: e for k, e in self.entries.items() if k[0] in self.current}
        if len(kept) != len(self.entries):
            self.entries, self.dirty = kept, True
        if self.path is not None and self.dirty:
            self._save()
        self.dirty = False

    def _load(self) -> tuple[str, dict[tuple[str, bool], Entry]]:
        assert self.path is not None
        try:
            if not _ours(os.stat(self.path.parent, follow_symlinks=False), directory=True):
                return "", {}
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(self.path, flags), "rb") as stream:
                if not _ours(os.fstat(stream.fileno())):
                    return "", {}
                data = pickle.load(stream)  # noqa: S301 - our own file, see the module doc
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return "", {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return "", {}
        return str(data.get("context", "")), dict(data.get("entries", {}))

    def _save(self) -> None:
        assert self.path is not None
        data = {"format": FORMAT, "context": self.context, "entries": self.entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _ours(os.stat(self.path.parent, follow_symlinks=False), directory=True):
                return  # somebody else's directory: nothing of ours goes there
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".check-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:  # a read-only home directory: the check still works, uncached
            return


def _ours(info: os.stat_result, directory: bool = False) -> bool:
    """The user's own, writable by nobody else (a pickle runs code when it is read); a
    directory, not a link to one, when `directory`."""
    if directory and not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):  # Windows: %LOCALAPPDATA% is the user's own
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def ci() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"))


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/playbook-kb when absolute (the XDG rule: a relative one would put
    it inside the working directory, the repository), else ~/.cache/playbook-kb;
    %LOCALAPPDATA%/playbook-kb on Windows."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        return Path(base if base and os.path.isabs(base) else Path.home() / "AppData" /
                    "Local") / "playbook-kb"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return Path(xdg if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "playbook-kb"


def context_key(root: Path, settings: Settings) -> str:
    """What every playbook's results depend on besides its own folder."""
    digest = hashlib.sha256(engine_digest().encode())
    digest.update(f"\0{root}\0".encode())
    digest.update(repr(dataclasses.replace(settings, preview=())).encode())
    shared = root / PLAYBOOKS_DIR
    if shared.is_dir():
        for entry in sorted(os.scandir(shared), key=lambda e: e.name):
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                digest.update(_stat(entry.path, entry.name)[0])
    if (root / "mkdocs.yml").exists():
        digest.update(_stat(root / "mkdocs.yml", "mkdocs.yml")[0])
    return digest.hexdigest()


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """The engine's files (their bytes) and library versions as this process first saw
    them: a `git pull` under a running `mkdocs serve` changes the files on disk, not the
    code that serve runs, so its results must not be filed under the new code."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}".encode())
    for name in LIBRARIES:  # where each is installed and its file's size and time:
        spec = importlib.util.find_spec(name)  # an upgrade rewrites it (cheaper than
        origin = spec.origin if spec and spec.origin else "-"  # importlib.metadata)
        digest.update(f"\0{name}={origin}".encode())
        if os.path.exists(origin):
            digest.update(_stat(origin, name)[0])
    for path in sorted(ENGINE.rglob("*")):
        if path.suffix in (".py", ".yml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ENGINE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


SETTLED_NS = 2_000_000_000  # younger files are not cached: a file system's clock ticks
# coarsely, so an edit within the same tick keeps size and time ("racy git")


def folder_key(folder: Path, light: bool) -> str:
    """Every file and folder below `folder`, dot files included: name, kind, size, inode,
    times. "" (not cacheable) while one of them changed in the last two seconds, or when
    one vanished while it was read (an editor's swap file)."""
    digest = hashlib.sha256(b"light" if light else b"full")
    try:
        newest = _walk(str(folder), "", digest)
    except OSError:
        return ""
    return "" if newest > time.time_ns() - SETTLED_NS else digest.hexdigest()


def _walk(path: str, rel: str, digest: Any) -> int:
    """One lstat per entry (os.scandir), folders after their files, names sorted."""
    newest = 0
    with os.scandir(path) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        info = entry.stat(follow_symlinks=False)
        inner = f"{rel}/{entry.name}"
        link = os.readlink(entry.path) if stat.S_ISLNK(info.st_mode) else ""
        digest.update(_line(inner, info, link))
        newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
        if stat.S_ISDIR(info.st_mode):
            newest = max(newest, _walk(entry.path, inner, digest))
    return newest


def _stat(path: str | Path, rel: str) -> tuple[bytes, int]:
    """The line of the key for one file, and when it last changed (either time: a copy
    that keeps its modification time is still new)."""
    info = os.lstat(path)
    link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else ""
    return _line(rel, info, link), max(info.st_mtime_ns, info.st_ctime_ns)


def _line(rel: str, info: os.stat_result, link: str) -> bytes:
    return (f"{rel}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}"
            f"\0{info.st_ino}\0{link}\n").encode("utf-8", "surrogateescape")
