"""Results reused while a playbook's files are unchanged: `playbook-kb check` run again,
and every rebuild of `mkdocs serve`.

A playbook's entry holds what loading it produced (the Playbook, with the code masks and
links its rules computed, and the load findings) and the findings of its local rules
(rules that read only the playbook and the settings: `local=True` in check/registry.py).
An entry is used only when its key matches: the name, kind, size, inode and both times
(a write always moves the change time) of every file in the folder, and a context key:
the engine's own files, the library versions, the settings and the shared data files
beside the playbooks (taxonomy.yml, tools.yml ...). Any other change and the playbook is
read again. A folder changed in the last two seconds is not kept: a file system's clock
ticks coarsely, and an edit within one tick could keep every stamp ("racy git").

Two lifetimes:
- in memory, for the life of the process (`mkdocs serve` keeps the hook module alive);
- on disk, for `playbook-kb check` and `playbook-kb serve` on a champion's machine: a
  pickle in the user's cache directory, never in the repository (a pull request could
  plant one there) and never in CI (`CI` or `GITHUB_ACTIONS` set: a shared runner's
  home directory is not ours to trust). A published build never reads the disk cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..findings import Finding
from ..model import Playbook, Settings
from ..routes import PLAYBOOKS_DIR

FORMAT = 1
ENV_VAR = "PLAYBOOK_KB_CACHE"  # "off": no disk cache; "disk": the hooks use it (serve)
LIBRARIES = ("PyYAML", "Markdown", "nh3", "pypdf", "pymdown-extensions")
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
    entries: dict[str, Entry] = field(default_factory=dict)  # rel_dir -> entry
    current: dict[str, Entry] = field(default_factory=dict)  # entries valid for this run
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
        key = folder_key(folder, light)
        entry = self.entries.get(rel_dir)
        if key and entry is not None and entry.key == key:
            self.current[rel_dir] = entry
            self.hits += 1
            return key, entry
        return key, None

    def store(self, rel_dir: str, key: str, playbook: Playbook,
              found: list[Finding]) -> None:
        if key:  # "": changed a moment ago, read again next time
            self.current[rel_dir] = self.entries[rel_dir] = Entry(key, playbook, tuple(found))
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
        if len(self.entries) != len(self.current):
            self.entries = dict(self.current)
            self.dirty = True
        if self.path is not None and self.dirty:
            self._save()
        self.dirty = False

    def _load(self) -> tuple[str, dict[str, Entry]]:
        assert self.path is not None
        try:
            with self.path.open("rb") as stream:
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
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".check-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:  # a read-only home directory: the check still works, uncached
            return


def _ours(info: os.stat_result) -> bool:
    """Written by this user and by nobody else (a pickle runs code when it is read)."""
    if not hasattr(os, "getuid"):  # Windows: %LOCALAPPDATA% is the user's own
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def ci() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"))


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else "") \
        or str(Path.home() / ".cache")
    return Path(base) / "playbook-kb"


def context_key(root: Path, settings: Settings) -> str:
    """What every playbook's results depend on besides its own folder."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.version}\0{root}\0".encode())
    digest.update(repr(dataclasses.replace(settings, preview=())).encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=-".encode())
    for path in sorted(ENGINE.rglob("*")):
        if path.suffix in (".py", ".yml", ".json") and "__pycache__" not in path.parts:
            digest.update(_stat(path, path.relative_to(ENGINE).as_posix())[0])
    shared = root / PLAYBOOKS_DIR
    if shared.is_dir():
        for entry in sorted(os.scandir(shared), key=lambda e: e.name):
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                digest.update(_stat(entry.path, entry.name)[0])
    if (root / "mkdocs.yml").exists():
        digest.update(_stat(root / "mkdocs.yml", "mkdocs.yml")[0])
    return digest.hexdigest()


SETTLED_NS = 2_000_000_000  # younger files are not cached: a file system's clock ticks
# coarsely, so an edit within the same tick keeps size and time ("racy git")


def folder_key(folder: Path, light: bool) -> str:
    """Every file and folder below `folder`, dot files included: name, kind, size, time.
    "" (not cacheable) while one of them was changed in the last two seconds."""
    digest = hashlib.sha256(b"light" if light else b"full")
    newest = 0
    top = str(folder)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        inner = dirpath[len(top):]
        for name in [*dirnames, *sorted(filenames)]:
            line, mtime = _stat(os.path.join(dirpath, name), f"{inner}/{name}")
            digest.update(line)
            newest = max(newest, mtime)
    return "" if newest > time.time_ns() - SETTLED_NS else digest.hexdigest()


def _stat(path: str | Path, rel: str) -> tuple[bytes, int]:
    info = os.lstat(path)
    link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else ""
    line = (f"{rel}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}"
            f"\0{info.st_ino}\0{link}\n").encode("utf-8", "surrogateescape")
    return line, info.st_mtime_ns
