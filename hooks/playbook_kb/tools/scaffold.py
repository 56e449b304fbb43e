"""`playbook-kb new`: copy the archetype folder, fill what was given, never overwrite."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..load.taxonomy import KEY, load_taxonomy
from ..model import DATA_CLASSES, PHASES, TIERS

BUILTIN_ARCHETYPE = Path(__file__).parent / "archetype"
REPO_ARCHETYPE = "archetypes/playbook"  # a repository may override the template (Hugo style)
MARKER = "【要記入】"
_SLOT = re.compile(r"\[\[kb:([a-z_]+)\]\]")


class Refused(Exception):
    """The scaffold was not made; the message says why and what to do."""


@dataclass(frozen=True)
class Answers:
    slug: str
    title: str = ""
    department: str = ""
    output: str = ""
    task: str = ""
    champion: str = ""
    tier: str = "basic"
    phase: str = "pilot"
    data: str = "internal"


def archetype_for(root: Path) -> Path:
    custom = root / REPO_ARCHETYPE
    return custom if (custom / "index.md").is_file() else BUILTIN_ARCHETYPE


def new_playbook(root: Path, answers: Answers, today: dt.date | None = None,
                 lang: str = "ja") -> Path:
    """Create playbooks/<slug>/ from the archetype. Raises Refused, writes nothing then."""
    _validate(root, answers, lang)
    target = root / "playbooks" / answers.slug
    if target.exists() or target.is_symlink():
        raise Refused(text(lang, "scaffold.exists", slug=answers.slug))
    values = {
        "title": answers.title or f"{MARKER}タイトル",
        "department": answers.department or MARKER,
        "output": answers.output or MARKER,
        "task": answers.task or f"{MARKER}業務の名前",
        "champion": answers.champion or f"{MARKER}担当者名",
        "tier": answers.tier, "phase": answers.phase, "data": answers.data,
        "today": (today or dt.date.today()).isoformat(), "slug": answers.slug,
    }
    source = archetype_for(root)
    staging = target.with_name(f".{answers.slug}.new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for path in sorted(source.rglob("*")):
            dest = staging / path.relative_to(source)
            if path.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".md":
                content = path.read_text(encoding="utf-8-sig")
                dest.write_text(_SLOT.sub(lambda m: values.get(m.group(1), m.group()), content),
                                encoding="utf-8", newline="\n")
            else:
                shutil.copyfile(path, dest)
        staging.rename(target)  # all or nothing: no half-made folder is left behind
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _validate(root: Path, answers: Answers, lang: str) -> None:
    if not KEY.match(answers.slug):
        guess = re.sub(r"[^a-z0-9]+", "-", answers.slug.lower()).strip("-") or "my-playbook"
        raise Refused(text(lang, "scaffold.bad_slug", slug=answers.slug, example=guess))
    for name, allowed in (("tier", TIERS), ("phase", PHASES), ("data", DATA_CLASSES)):
        value = getattr(answers, name)
        if value not in allowed:
            head = text(lang, "scaffold.bad_choice", name=name, value=value)
            raise Refused(did_you_mean(lang, head, value, allowed, sep=" | "))
    taxonomy, _ = load_taxonomy(root, lang)
    for name, terms in (("department", taxonomy.departments), ("output", taxonomy.outputs)):
        value = getattr(answers, name)
        keys = [t.key for t in terms]
        if value and value not in keys:
            head = text(lang, "scaffold.unknown_key", name=name, value=value)
            raise Refused(did_you_mean(lang, head, value, keys))
