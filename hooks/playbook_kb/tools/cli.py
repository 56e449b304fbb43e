"""The `playbook-kb` console script: formats what the engine returns, nothing more."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..build.render import render
from ..check import check
from ..derive.codeowners import CODEOWNERS_FILE, codeowners
from ..derive.curriculum import build_curriculum, outside_curriculum
from ..findings import Finding, count
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..load.cache import ResultCache
from ..load.catalog import load_catalog, playbook_folders
from ..load.settings import read_settings
from ..load.tier_record import RECORD_FILE, read_tier_record, record_text, updated_record
from ..model import Catalog
from .preview import serve
from .scaffold import PARTS, Answers, Refused, new_playbook, restore_part


def _github(finding: Finding) -> str:
    def esc(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    where = f"file={esc(finding.path, True)}"
    if finding.line:
        where += f",line={finding.line}"
    title = esc(f"playbook-kb {finding.rule}", True)
    return f"::{finding.severity} {where},title={title}::{esc(finding.message)}"


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(text(read_settings(root).lang, "cli.not_a_folder", root=root), file=sys.stderr)
        return 2
    cache = None if args.no_cache else ResultCache.on_disk(root.resolve())
    catalog, findings = check(root, cache=cache)
    errors, warnings = count(findings)
    outside = outside_curriculum(catalog)
    if args.format == "json":
        print(json.dumps({"playbooks": len(catalog.playbooks), "errors": errors,
                          "warnings": warnings, "findings": [f.as_dict() for f in findings],
                          "not_in_curriculum": [{"slug": p.slug, "reason": why}
                                                for p, why in outside]},
                         ensure_ascii=False, indent=2))
    elif args.format == "github":
        for finding in findings:
            print(_github(finding))
    elif args.format == "summary":
        print(summary(catalog, findings), end="")
    else:
        for finding in findings:
            print(finding)
        lang = catalog.settings.lang
        for playbook, why in outside:
            print(text(lang, "cli.outside", path=f"{playbook.rel_dir}/index.md", reason=why))
        print(text(lang, "cli.totals", playbooks=len(catalog.playbooks),
                   errors=errors, warnings=warnings))
    return 1 if errors else 0


def summary(catalog: Catalog, findings: list[Finding]) -> str:
    """Markdown for a pull request's job summary: the findings grouped per playbook."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.slug, []).append(finding)
    rows = []
    for slug, found in groups.items():
        playbook = catalog.playbook(slug)
        errors, warnings = count(found)
        rows.append({"slug": slug, "title": playbook.title if playbook else slug,
                     "findings": found, "errors": errors, "warnings": warnings})
    rows.sort(key=lambda r: (r["errors"] == 0, r["slug"] != "", r["slug"]))
    errors, warnings = count(findings)
    total = len(catalog.playbooks)
    return render("check_summary.md.j2", findings=findings, groups=rows, total=total,
                  clean=total - sum(1 for r in rows if r["slug"]), errors=errors,
                  warnings=warnings, outside=outside_curriculum(catalog))


def cmd_codeowners(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    settings = read_settings(root)
    catalog, _ = load_catalog(root, settings)
    return _print_or_write(root, CODEOWNERS_FILE, codeowners(catalog), args.write, settings.lang)


def cmd_curriculum(args: argparse.Namespace) -> int:
    """Print or --write the record of each module's tier (load/tier_record.py)."""
    root = Path(args.root).resolve()
    settings = read_settings(root)
    catalog, _ = load_catalog(root, settings)
    current = {m.id: m.tier for m in build_curriculum(catalog).by_id.values()}
    content = record_text(updated_record(read_tier_record(root), current))
    return _print_or_write(root, RECORD_FILE, content, args.write, settings.lang)


def _print_or_write(root: Path, rel: str, content: str, write: bool, lang: str) -> int:
    """A generated maintainers' file: printed, or written when it changed (--write)."""
    if not write:
        print(content, end="")
        return 0
    target = root / rel
    if target.is_file() and target.read_text(encoding="utf-8") == content:
        print(text(lang, "cli.unchanged", file=rel))
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8", newline="\n")
    print(text(lang, "cli.updated", file=rel))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    settings = read_settings(root)
    lang = settings.lang
    folders = playbook_folders(root)  # names only: MkDocs reads the catalog once, cached
    if args.slug not in folders:
        head = text(lang, "cli.no_such_playbook", slug=args.slug)
        print(did_you_mean(lang, head, args.slug, folders,
                           listed=False, otherwise=text(lang, "cli.check_folder_name")),
              file=sys.stderr)
        return 1
    address = args.dev_addr or "127.0.0.1:8000"
    print(text(lang, "cli.preview", url=f"http://{address}/playbooks/{args.slug}/"))
    print(text(lang, "cli.preview_note"))
    return serve(root, args.slug, ["--dev-addr", address] + (["--open"] if args.open else []))


def cmd_new(args: argparse.Namespace) -> int:
    answers = Answers(slug=args.slug, title=args.title or "", department=args.department or "",
                      output=args.output or "", task=args.task or "",
                      champion=args.champion or "", tier=args.tier or "", phase=args.phase,
                      data=args.data)
    root = Path(args.root).resolve()
    lang = read_settings(root).lang
    try:
        if args.part:
            made = restore_part(root, answers, args.part, lang=lang)
        else:
            made = [new_playbook(root, answers, lang=lang)]
    except Refused as refused:
        print(f"playbook-kb new: {refused}", file=sys.stderr)
        return 1
    for path in made:
        suffix = "/" if path.is_dir() else ""
        print(text(lang, "cli.created", path=f"{path.relative_to(root).as_posix()}{suffix}"))
    print(text(lang, "cli.fill_in"))
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="playbook-kb", description="Check and scaffold gen-AI playbooks.")
    commands = main_parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="run every check without building the site")
    checker.add_argument("--root", default=".", help="repository root (default: .)")
    checker.add_argument("--format", choices=("text", "json", "github", "summary"),
                         default="text", help="summary: Markdown for $GITHUB_STEP_SUMMARY")
    checker.add_argument("--no-cache", action="store_true",
                         help="read every file again (the cache lives in ~/.cache/playbook-kb "
                              "and is never used in CI)")
    checker.set_defaults(func=cmd_check)
    owners = commands.add_parser("codeowners", help="print or --write .github/CODEOWNERS")
    owners.add_argument("--root", default=".", help="repository root (default: .)")
    owners.add_argument("--write", action="store_true", help=f"update {CODEOWNERS_FILE}")
    owners.set_defaults(func=cmd_codeowners)
    record = commands.add_parser("curriculum",
                                 help=f"print or --write {RECORD_FILE} (tier of each module)")
    record.add_argument("--root", default=".", help="repository root (default: .)")
    record.add_argument("--write", action="store_true", help=f"update {RECORD_FILE}")
    record.set_defaults(func=cmd_curriculum)
    server = commands.add_parser("serve", help="live preview of one playbook (mkdocs serve)")
    server.add_argument("slug")
    server.add_argument("--root", default=".", help="repository root (default: .)")
    server.add_argument("--dev-addr", help="IP:PORT to serve on (default: 127.0.0.1:8000)")
    server.add_argument("--open", action="store_true", help="open the page in a browser")
    server.set_defaults(func=cmd_serve)
    maker = commands.add_parser("new", help="scaffold playbooks/SLUG/ from the template")
    maker.add_argument("slug")
    maker.add_argument("--root", default=".")
    for name in ("title", "department", "output", "task", "champion"):
        maker.add_argument(f"--{name}")
    maker.add_argument("--part", choices=tuple(PARTS),
                       help="restore one missing part of an existing playbook (never overwrites)")
    maker.add_argument("--tier", help="training tier; default: none (a trainer decides)")
    maker.add_argument("--phase", default="pilot")
    maker.add_argument("--data", default="internal")
    maker.set_defaults(func=cmd_new)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # argparse exits with 2 on usage errors
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
