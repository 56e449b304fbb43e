"""The `playbook-kb` console script: formats what the engine returns, nothing more."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .engine import check
from .findings import Finding, count
from .scaffold import Answers, Refused, new_playbook


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
        print(f"playbook-kb: --root {root} はフォルダではありません。", file=sys.stderr)
        return 2
    catalog, findings = check(root)
    errors, warnings = count(findings)
    if args.format == "json":
        print(json.dumps({"playbooks": len(catalog.playbooks), "errors": errors,
                          "warnings": warnings, "findings": [f.as_dict() for f in findings]},
                         ensure_ascii=False, indent=2))
    elif args.format == "github":
        for finding in findings:
            print(_github(finding))
    else:
        for finding in findings:
            print(finding)
        print(f"{len(catalog.playbooks)} playbooks: {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def cmd_new(args: argparse.Namespace) -> int:
    answers = Answers(slug=args.slug, title=args.title or "", department=args.department or "",
                      output=args.output or "", task=args.task or "",
                      champion=args.champion or "", tier=args.tier, phase=args.phase,
                      data=args.data)
    try:
        target = new_playbook(Path(args.root).resolve(), answers)
    except Refused as refused:
        print(f"playbook-kb new: {refused}", file=sys.stderr)
        return 1
    print(f"作成しました: {target.relative_to(Path(args.root).resolve()).as_posix()}/")
    print("「【要記入】」をすべて書き換えてから `playbook-kb check` を実行してください。")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="playbook-kb", description="Check and scaffold gen-AI playbooks.")
    commands = main_parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="run every check without building the site")
    checker.add_argument("--root", default=".", help="repository root (default: .)")
    checker.add_argument("--format", choices=("text", "json", "github"), default="text")
    checker.set_defaults(func=cmd_check)
    maker = commands.add_parser("new", help="scaffold playbooks/SLUG/ from the template")
    maker.add_argument("slug")
    maker.add_argument("--root", default=".")
    for name in ("title", "department", "output", "task", "champion"):
        maker.add_argument(f"--{name}")
    maker.add_argument("--tier", default="basic")
    maker.add_argument("--phase", default="pilot")
    maker.add_argument("--data", default="internal")
    maker.set_defaults(func=cmd_new)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # argparse exits with 2 on usage errors
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
