"""Compare the playbook pages of two built sites as HTML5 trees (issue 11's before/after).

    .venv/bin/python scripts/site_diff.py SITE_BEFORE SITE_AFTER

Each page's <article> is parsed with html5lib and printed one element per line (tag,
sorted attributes, text), so serialisation details (`<hr />` or `<hr>`, `&para;` or ¶)
do not count. The `user-content-` prefix of contributor ids is removed from the second
site first. Prints the differences and a count; exits 1 when any page differs.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import html5lib


def outline(path: Path, strip_prefix: bool) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = text[text.find("<article"):text.find("</article>") + 10]
    if strip_prefix:
        text = text.replace("user-content-", "")
    tree = html5lib.parseFragment(text, treebuilder="etree", namespaceHTMLElements=False)
    lines: list[str] = []

    def walk(node, depth: int) -> None:
        for child in node:
            if isinstance(child.tag, str):
                attrs = " ".join(f'{k}="{v}"' for k, v in sorted(child.attrib.items()))
                lines.append("  " * depth + f"<{child.tag} {attrs}".rstrip() + ">")
                if child.text and child.text.strip():
                    lines.append("  " * depth + "  " + child.text.strip())
                walk(child, depth + 1)
            if child.tail and child.tail.strip():
                lines.append("  " * depth + child.tail.strip())

    walk(tree, 0)
    return lines


def main(before: str, after: str) -> int:
    same = changed = 0
    for page in sorted(Path(before).glob("playbooks/**/index.html")):
        rel = page.relative_to(before)
        other = Path(after) / rel
        old = outline(page, False)
        new = outline(other, True) if other.is_file() else ["(missing)"]
        if old == new:
            same += 1
            continue
        changed += 1
        print(f"== {rel}")
        for line in difflib.unified_diff(old, new, lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print("  ", line[:240])
    print(f"playbook pages identical as trees (ids aside): {same}, different: {changed}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
