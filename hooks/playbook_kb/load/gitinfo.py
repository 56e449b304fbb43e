"""When each file last changed, from ONE `git log` over the whole folder.

One call for the repository, not one per file: with 1,000 playbooks a per-file
`git log` would dominate the build. Without git, outside a repository, or in a
shallow clone's unknown past, files simply have no date: the site still builds.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_RECORD = "\x1e"  # starts each commit in the log output
_FIELD = "\x1f"  # separates the date from the decorations


@dataclass(frozen=True)
class History:
    """Repository path -> date of the newest commit that touched it."""

    files: dict[str, dt.date] = field(default_factory=dict)
    folders: dict[str, dt.date] = field(default_factory=dict)  # "playbooks/<slug>" -> date

    def file(self, rel: str) -> dt.date | None:
        return self.files.get(rel)

    def folder(self, rel_dir: str) -> dt.date | None:
        return self.folders.get(rel_dir)

    def __bool__(self) -> bool:
        return bool(self.files)


def read_history(root: Path | str, under: str = "playbooks", timeout: float = 60) -> History:
    """Dates for every file under `under`, relative to `root`; empty when git cannot say."""
    command = ["git", "-c", "log.showSignature=false", "log", "--relative", "--no-renames",
               "--name-only", "-z", f"--format={_RECORD}%cs{_FIELD}%D", "--", under]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):  # no git binary, or it hung
        return History()
    if result.returncode != 0:  # not a repository, no commits yet, unsafe directory
        return History()
    return parse_log(result.stdout.decode("utf-8", errors="replace"))


def parse_log(output: str) -> History:
    """Parse `git log --name-only -z --format=<RS>%cs<US>%D`, newest commit first."""
    files: dict[str, dt.date] = {}
    for record in output.split(_RECORD)[1:]:
        header, _, names = record.partition("\0")
        date_text, _, decorations = header.partition(_FIELD)
        if "grafted" in (d.strip() for d in decorations.split(",")):
            break  # a shallow clone's boundary lists every file: their real dates are unknown
        try:
            date = dt.date.fromisoformat(date_text.strip())
        except ValueError:
            continue
        for name in names.split("\0"):
            name = name.strip("\n")
            if name and name not in files:  # the first sighting is the newest change
                files[name] = date
    return History(files, _folders(files))


def _folders(files: dict[str, dt.date]) -> dict[str, dt.date]:
    folders: dict[str, dt.date] = {}
    for name, date in files.items():
        parts = name.split("/")
        if len(parts) > 2:
            key = f"{parts[0]}/{parts[1]}"
            if key not in folders or date > folders[key]:
                folders[key] = date
    return folders
