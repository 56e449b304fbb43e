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
from ..model import DATA_CLASSES, PHASES, SAMPLE_SUFFIXES, TIERS

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
    tier: str = ""  # curriculum membership is a trainer's decision: none by default
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
    values = _values(answers, today)
    source = archetype_for(root)
    staging = target.with_name(f".{answers.slug}.new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for path in sorted(source.rglob("*")):
            dest = staging / path.relative_to(source)
            if path.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            _copy(path, dest, values)
        staging.rename(target)  # all or nothing: no half-made folder is left behind
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def restore_part(root: Path, answers: Answers, part: str,
                 today: dt.date | None = None, lang: str = "ja") -> list[Path]:
    """Put one missing part of an existing playbook back from the archetype.

    `part` is a key of PARTS. Only files that do not exist are written; when every file
    of the part is already there, Refused says so and nothing changes.
    """
    _validate(root, answers, lang)
    target = root / "playbooks" / answers.slug
    if not target.is_dir() or target.is_symlink():
        raise Refused(text(lang, "scaffold.no_playbook", slug=answers.slug))
    source = archetype_for(root)
    wanted = PARTS[part]
    files = [p for p in sorted(source.rglob("*")) if p.is_file()
             and p.relative_to(source).as_posix().startswith(wanted)]
    missing = [p for p in files if not _exists(target / p.relative_to(source))]
    if part == "samples" and any(_is_sample(p) for p in (target / "samples").glob("*")):
        missing = []  # a playbook with a real sample needs no example file
    if not missing:
        raise Refused(text(lang, "scaffold.part_exists", path=f"playbooks/{answers.slug}/{wanted}"))
    values = _values(answers, today)
    written = []
    for path in missing:
        dest = target / path.relative_to(source)
        _copy(path, dest, values)
        written.append(dest)
    return written


# `--part` names: the file (or folder) of the archetype each one restores
PARTS = {"overview": "index.md", "prompt-sheet": "prompt-sheet.md", "workflow": "workflow.md",
         "samples": "samples/"}


def _values(answers: Answers, today: dt.date | None) -> dict[str, str]:
    tier = answers.tier
    return {
        "title": answers.title or f"{MARKER}タイトル",
        "department": answers.department or MARKER,
        "output": answers.output or MARKER,
        "task": answers.task or f"{MARKER}業務の名前",
        "champion": answers.champion or f"{MARKER}担当者名",
        "tier": tier, "phase": answers.phase, "data": answers.data,
        "tier_line": f"tier: {tier}" if tier else TIER_COMMENT,
        "today": (today or dt.date.today()).isoformat(), "slug": answers.slug,
    }


# Without --tier, the playbook stays out of the curriculum until a trainer places it.
TIER_COMMENT = "# tier: 研修の層（basic | applied | expert）は研修担当者が決めて書きます"


def _copy(path: Path, dest: Path, values: dict[str, str]) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".md":
        content = path.read_text(encoding="utf-8-sig")
        content = _SLOT.sub(lambda m: values.get(m.group(1), m.group()), content)
        with open(dest, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(content)
    else:
        with open(path, "rb") as data, open(dest, "xb") as out:
            shutil.copyfileobj(data, out)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _is_sample(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SAMPLE_SUFFIXES and path.name != "index.md"


def _validate(root: Path, answers: Answers, lang: str) -> None:
    if not KEY.fullmatch(answers.slug):
        guess = re.sub(r"[^a-z0-9]+", "-", answers.slug.lower()).strip("-") or "my-playbook"
        raise Refused(text(lang, "scaffold.bad_slug", slug=answers.slug, example=guess))
    for name, allowed in (("tier", TIERS), ("phase", PHASES), ("data", DATA_CLASSES)):
        value = getattr(answers, name)
        if value not in allowed and not (name == "tier" and value == ""):
            head = text(lang, "scaffold.bad_choice", name=name, value=value)
            raise Refused(did_you_mean(lang, head, value, allowed, sep=" | "))
    taxonomy, _ = load_taxonomy(root, lang)
    for name, terms in (("department", taxonomy.departments), ("output", taxonomy.outputs)):
        value = getattr(answers, name)
        keys = [t.key for t in terms]
        if value and value not in keys:
            head = text(lang, "scaffold.unknown_key", name=name, value=value)
            raise Refused(did_you_mean(lang, head, value, keys))
