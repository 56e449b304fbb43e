"""When each file last changed, and every version of each overview's front matter, from
ONE `git log` over the whole folder.

One call for the repository, not one per file: with 1,000 playbooks a per-file
`git log` would dominate the build. Without git, outside a repository, or in a
shallow clone's unknown past, files simply have no date: the site still builds.

The same pass lists the blob of every `playbooks/<slug>/index.md` version (`--raw`), so
the month-end trends (derive/trend.py) need only one more process, `git cat-file
--batch`, reading the versions a window of months needs, each cut to its first bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

_RECORD = "\x1e"  # starts each commit in the log output
_FIELD = "\x1f"  # separates the date, the time stamp and the decorations
_DELETED = "0" * 40
MAX_VERSIONS = 20_000  # blobs read for the trends; more means no trends, not a slow build
MAX_FILE_BYTES = 32_768  # front matter sits at the top: the rest of a version is skipped
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # what cat-file may send in all

OK, NO_GIT, SHALLOW, TOO_LARGE, NOT_READ = "ok", "no-git", "shallow", "too-large", "not-read"


@dataclass(frozen=True)
class Change:
    """One commit's change to a playbook overview; `blob` None when the file went away."""

    when: int  # committer time stamp, for the order
    month: str  # "YYYY-MM" of the commit date, in the committer's zone
    path: str  # "playbooks/<slug>/index.md"
    blob: str | None


@dataclass(frozen=True)
class History:
    """Repository path -> date of the newest commit that touched it."""

    files: dict[str, dt.date] = field(default_factory=dict)
    folders: dict[str, dt.date] = field(default_factory=dict)  # "playbooks/<slug>" -> date
    changes: tuple[Change, ...] = ()  # overview versions, oldest first
    versions: dict[str, bytes] = field(default_factory=dict)  # blob -> its first bytes
    status: str = NO_GIT  # OK when `changes` is the whole history and `versions` were read
    current: dict[str, str] = field(default_factory=dict)  # path -> blob of today's file
    created: dict[str, dt.date] = field(default_factory=dict)  # folder -> its first commit

    def file(self, rel: str) -> dt.date | None:
        return self.files.get(rel)

    def folder(self, rel_dir: str) -> dt.date | None:
        return self.folders.get(rel_dir)

    def folder_created(self, rel_dir: str) -> dt.date | None:
        """The date of the oldest commit that touched the folder: when it was added (as far
        as the history goes back: a shallow clone's boundary is not read at all)."""
        return self.created.get(rel_dir)

    def __bool__(self) -> bool:
        return bool(self.files)


def read_history(root: Path | str, under: str = "playbooks", timeout: float = 60,
                 trend_from: str | None = None) -> History:
    """Dates for every file under `under`, relative to `root`; empty when git cannot say.

    `trend_from` ("YYYY-MM"): also read the overview versions the months from then on
    need (the last version before, and every one after); None reads no versions.
    """
    command = ["git", "-c", "log.showSignature=false", "log", "--relative", "--no-renames",
               "--raw", "--no-abbrev", "-z",
               f"--format={_RECORD}%cs{_FIELD}%ct{_FIELD}%D", "--", under]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):  # no git binary, or it hung
        return History()
    if result.returncode != 0:  # not a repository, no commits yet, unsafe directory
        return History()
    history = parse_log(result.stdout.decode("utf-8", errors="replace"))
    if history.status != OK:
        return history
    if trend_from is None:
        return _with(history, {}, NOT_READ)
    current = worktree_blobs(Path(root), {c.path for c in history.changes})
    today = set(current.values())  # the catalog has read these: no need to ask git
    wanted = [b for b in needed_blobs(history.changes, trend_from) if b not in today]
    if len(wanted) > MAX_VERSIONS:
        return _with(history, {}, TOO_LARGE)
    versions = read_blobs(root, wanted, timeout)
    return _with(history, versions or {}, OK if versions is not None else TOO_LARGE, current)


def _with(history: History, versions: dict[str, bytes], status: str,
          current: dict[str, str] | None = None) -> History:
    return History(history.files, history.folders, history.changes, versions, status,
                   current or {}, history.created)


def worktree_blobs(root: Path, paths: set[str]) -> dict[str, str]:
    """Git's blob id of each file as it is on disk (sha1 of "blob <size>\\0" + bytes): a
    version equal to today's file is the one the catalog parsed. A checkout that converts
    line endings gives other ids, and those versions are simply read from git."""
    blobs = {}
    for rel in paths:
        path = root / rel
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            blobs[rel] = hashlib.sha1(b"blob %d\0" % len(data) + data,
                                      usedforsecurity=False).hexdigest()
    return blobs


def parse_log(output: str) -> History:
    """Parse `git log --raw -z --format=<RS>%cs<US>%ct<US>%D`, newest commit first."""
    files: dict[str, dt.date] = {}
    changes: list[Change] = []
    status = OK
    created: dict[str, dt.date] = {}
    for record in output.split(_RECORD)[1:]:
        header, _, entries = record.partition("\0")
        date_text, _, rest = header.partition(_FIELD)
        stamp, _, decorations = rest.partition(_FIELD)
        if "grafted" in (d.strip() for d in decorations.split(",")):
            status = SHALLOW  # a shallow clone's boundary lists every file: dates unknown
            break
        try:
            date = dt.date.fromisoformat(date_text.strip())
            when = int(stamp)
        except ValueError:
            continue
        for blob, name in _entries(entries):
            if name not in files:  # the first sighting is the newest change
                files[name] = date
            parts = name.split("/")
            if len(parts) > 2:  # the last sighting is the oldest: when the folder was added
                created[f"{parts[0]}/{parts[1]}"] = date
            if _is_overview(name):
                changes.append(Change(when, date_text.strip()[:7], name, blob))
    changes.reverse()  # git lists the newest first; same-second commits keep their order
    changes.sort(key=lambda c: c.when)  # side branches interleave by date
    return History(files, _folders(files), tuple(changes), {}, status, created=created)


def _entries(entries: str):
    """(new blob or None, path) per `:<modes> <old> <new> <status>\\0<path>\\0` entry."""
    meta = None
    for token in entries.split("\0"):
        token = token.lstrip("\n")
        if token.startswith(":"):
            meta = token
        elif token and meta is not None:
            fields = meta.split(" ")
            blob = fields[3] if len(fields) > 4 else _DELETED
            yield (None if blob == _DELETED else blob), token
            meta = None


def _is_overview(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 3 and parts[2] == "index.md"


def needed_blobs(changes: tuple[Change, ...], first_month: str) -> list[str]:
    """The last version of each overview before `first_month`, and every one from then."""
    before: dict[str, str | None] = {}
    wanted: dict[str, None] = {}
    for change in changes:
        if change.month < first_month:
            before[change.path] = change.blob
        elif change.blob:
            wanted[change.blob] = None
    for blob in before.values():
        if blob:
            wanted[blob] = None
    return list(wanted)


def read_blobs(root: Path | str, blobs: list[str], timeout: float) -> dict[str, bytes] | None:
    """ONE `git cat-file --batch` for every blob; each cut to MAX_FILE_BYTES. None when git
    fails or sends more than MAX_TOTAL_BYTES."""
    if not blobs:
        return {}
    # GIT_NO_LAZY_FETCH: a blobless partial clone would fetch each missing version over the
    # network; git 2.45+ reports it missing instead (older git is stopped by the timeout).
    with tempfile.TemporaryFile() as stdin:  # a file, not a pipe: no deadlock on big input
        stdin.write("".join(f"{b}\n" for b in blobs).encode("ascii"))
        stdin.seek(0)
        try:
            process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=stdin,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                       env={**os.environ, "GIT_NO_LAZY_FETCH": "1"})
        except OSError:
            return None
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            return _read_batch(process.stdout, len(blobs))
        finally:
            timer.cancel()
            process.kill()
            process.wait()


def _read_batch(stream, count: int) -> dict[str, bytes] | None:
    versions: dict[str, bytes] = {}
    total = 0
    for _ in range(count):
        header = stream.readline(200).split()
        if len(header) != 3 or header[1] != b"blob":  # "<sha> missing", or git died
            return None
        size = int(header[2])
        total += size
        if total > MAX_TOTAL_BYTES:
            return None
        head = stream.read(min(size, MAX_FILE_BYTES))
        _skip(stream, size - len(head) + 1)  # the rest, and the newline after the content
        versions[header[0].decode("ascii")] = head
    return versions


def _skip(stream, size: int) -> None:
    while size > 0:
        chunk = stream.read(min(size, 1 << 16))
        if not chunk:
            return
        size -= len(chunk)


def _folders(files: dict[str, dt.date]) -> dict[str, dt.date]:
    folders: dict[str, dt.date] = {}
    for name, date in files.items():
        parts = name.split("/")
        if len(parts) > 2:
            key = f"{parts[0]}/{parts[1]}"
            if key not in folders or date > folders[key]:
                folders[key] = date
    return folders
