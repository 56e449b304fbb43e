"""The three-part set: present, filled in, and no scaffold markers left."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, error
from ..i18n import text
from ..load.textio import Lines, split_front_matter
from ..model import Catalog, Playbook
from ..routes import written_parts
from .registry import playbook_rule

# The scaffold marks every place a champion must fill in with one of these.
LEFTOVER = re.compile(r"【要記入】|TODO\(playbook-kb\)")
_BARE = re.compile(r"[-*>|: ]+")  # bullets and table rules without text
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.M)


@playbook_rule("missing-part", local=True)
def missing_part(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    lang = catalog.settings.lang
    for part in written_parts():
        filename = part.file
        if part.required and playbook.file(filename) is None:
            path = f"{playbook.rel_dir}/{filename}"
            yield error("missing-part", path, 0, text(
                lang, "parts.missing", part=text(lang, part.label), file=filename,
                command=f"playbook-kb new {playbook.slug} --part {part.key}"))
    if not playbook.samples:
        yield error("missing-part", f"{playbook.rel_dir}/samples", 0,
                    text(lang, "parts.no_samples",
                         command=f"playbook-kb new {playbook.slug} --part samples"))


@playbook_rule("empty-part", local=True)
def empty_part(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    minimum = catalog.settings.min_part_chars
    names = [p.file for p in written_parts()] + [f.name for f in playbook.samples
                                                if f.suffix == ".md"]
    for name in names:
        source = playbook.file(name)
        if source is None or source.text is None:
            continue
        split = split_front_matter(source.text)
        chars = content_chars(split.body, enough=minimum)
        if chars < minimum:
            yield error("empty-part", source.rel, split.body_line, text(
                catalog.settings.lang, "parts.too_short", chars=chars, minimum=minimum))
        elif name == "prompt-sheet.md" and not _FENCE.search(split.body):
            yield error("empty-part", source.rel, split.body_line,
                        text(catalog.settings.lang, "parts.no_code_block"))


def content_chars(body: str, enough: int) -> int:
    """Characters of real content: not white space, headings, comments, bare bullets,
    fence lines or scaffold markers. Counting stops once there are `enough`."""
    if "<!--" in body:
        body = strip_comments(body)
    count = 0
    for line in body.split("\n"):
        line = line.strip()
        if not line or line[0] == "#" or line.startswith(("```", "~~~")) or _BARE.fullmatch(line):
            continue
        count += sum(map(len, LEFTOVER.sub("", line).split()))
        if count >= enough:
            break
    return count


def strip_comments(text: str) -> str:
    """Remove `<!-- ... -->`. With find(), not `<!--.*?-->`: that pattern reads to the end
    again from every unclosed `<!--`."""
    out, last = [], 0
    while True:
        start = text.find("<!--", last)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if end < 0:
            return "".join(out) + text[last:]
        out.append(text[last:start])
        last = end + 3


@playbook_rule("template-leftover", local=True)
def template_leftover(playbook: Playbook, catalog: Catalog) -> Iterator[Finding]:
    for source in playbook.files:
        if source.text is None or source.suffix != ".md":
            continue
        markers = [(m.start(), m.group()) for m in LEFTOVER.finditer(source.text)]
        index = Lines(source.text) if markers else None
        lines = sorted({(index.line(start), marker) for start, marker in markers if index})
        for number, marker in lines:
            yield error("template-leftover", source.rel, number,
                        text(catalog.settings.lang, "parts.leftover", marker=marker))
