"""Month-end snapshots of the playbooks, from the git history of their front matter.

For each month of the window, every `playbooks/<slug>/index.md` as it stood at the end of
that month (its newest version committed by then), read with the same parser as the
catalog (load/fields.py): playbooks per phase, hours saved and users as recorded then. A
renamed playbook's former folder (one of today's `aliases`) counts under its new slug.
Commits count at their commit date, side branches included, so a pull request counts from
when its commits were made, not from its merge. A version whose front matter does not
parse counts as a playbook without phase or metrics, as the catalog would read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..load.fields import read_meta
from ..load.gitinfo import MAX_FILE_BYTES, OK, History
from ..load.taxonomy import KEY
from ..load.textio import decode, split_front_matter
from ..load.yamlsafe import YamlProblem, load_mapping
from ..model import PHASES, Catalog, Meta

TREND_MONTHS = 12  # a year: what a monthly report compares against


@dataclass(frozen=True)
class Snapshot:
    """The playbooks as recorded at the end of one month."""

    month: str
    by_phase: dict[str, int]
    hours_saved: float
    users: int | None  # metrics.users (owners' and adopters') recorded then; may overlap
    hours_by_playbook: dict[str, float] = field(default_factory=dict)  # slug -> hours/month

    @property
    def playbooks(self) -> int:
        return sum(self.by_phase.values())


@dataclass(frozen=True)
class GitTrend:
    status: str  # gitinfo's: OK, or why there is no trend (no git, shallow clone, too large)
    months: tuple[Snapshot, ...] = ()


def first_month(today: dt.date, count: int = TREND_MONTHS) -> str:
    """"YYYY-MM" of the window's first month: `count` months ending with today's."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def git_trend(catalog: Catalog, history: History) -> GitTrend:
    if history.status != OK:
        return GitTrend(history.status)
    today = catalog.settings.today
    months = _months(first_month(today), today.strftime("%Y-%m"))
    reader = _Reader(catalog, history)
    renamed = {alias: p.slug for p in catalog.playbooks for alias in p.meta.aliases}
    state: dict[str, str | None] = {}  # path -> blob of its newest version so far
    changes, index = history.changes, 0
    snapshots = []
    for month in months:
        while index < len(changes) and changes[index].month <= month:
            state[changes[index].path] = changes[index].blob
            index += 1
        slugs = ((path.split("/")[1], blob) for path, blob in state.items() if blob)
        metas = {renamed.get(slug, slug): reader.meta(blob) for slug, blob in slugs}
        metas = {slug: meta for slug, meta in metas.items() if KEY.match(slug)}
        if metas:  # months before the first playbook are not a trend
            snapshots.append(_snapshot(month, metas))
    return GitTrend(OK, tuple(snapshots))


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _snapshot(month: str, metas: dict[str, Meta]) -> Snapshot:
    by_phase = {phase: 0 for phase in PHASES}
    hours: dict[str, float] = {}
    users = []
    for slug, meta in sorted(metas.items()):
        if meta.phase in by_phase:
            by_phase[meta.phase] += 1
        if meta.metrics is not None:
            hours[slug] = meta.metrics.hours_saved_per_month
            if meta.metrics.all_users is not None:
                users.append(meta.metrics.all_users)
    return Snapshot(month, by_phase, sum(hours.values()), sum(users) if users else None, hours)


class _Reader:
    """Each front matter parsed once: versions that differ only in their body share it, and
    one equal to today's file reuses the catalog's."""

    def __init__(self, catalog: Catalog, history: History) -> None:
        self.catalog, self.versions = catalog, history.versions
        self.by_blob: dict[str, Meta] = {}
        self.by_front: dict[str, Meta] = {}
        for playbook in catalog.playbooks:
            index = playbook.file("index.md")
            front = split_front_matter(index.text).front if index and index.text else None
            if front is not None:
                self.by_front[front] = playbook.meta
            blob = history.current.get(f"{playbook.rel_dir}/index.md")
            if blob is not None:  # today's file, unread from git: the catalog's reading
                self.by_blob[blob] = playbook.meta

    def meta(self, blob: str) -> Meta:
        if blob not in self.by_blob:
            self.by_blob[blob] = self._parse(self.versions.get(blob, b""))
        return self.by_blob[blob]

    def _parse(self, data: bytes) -> Meta:
        if len(data) >= MAX_FILE_BYTES:  # cut by gitinfo: drop the last, partial line
            data = data[:data.rfind(b"\n") + 1]
        text = decode(data).text
        front = split_front_matter(text).front if text is not None else None
        if front is None:
            return Meta()
        if front not in self.by_front:
            self.by_front[front] = self._read(front)
        return self.by_front[front]

    def _read(self, front: str) -> Meta:
        try:
            mapping = load_mapping(front, first_line=2)
        except YamlProblem:
            return Meta()
        taxonomy, lang = self.catalog.taxonomy, self.catalog.settings.lang
        return read_meta(mapping, "", taxonomy, lang)[0]  # findings are for today's files
