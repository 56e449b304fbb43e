"""A finding is a value: where, which rule, how bad, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
SITE_FILES = ("taxonomy.yml", "tools.yml")  # files under playbooks/ that are no playbook


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # repository-relative, POSIX separators
    line: int  # 1-based; 0 when no line applies
    rule: str
    severity: str
    message: str

    def __str__(self) -> str:
        path = printable(self.path)  # a folder named "x\n" must not start a new line
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {self.message} [{self.rule}]"

    @property
    def slug(self) -> str:
        """The playbook folder the finding is about; "" for taxonomy.yml, tools.yml, docs/,
        .github/."""
        parts = self.path.split("/")
        if len(parts) > 1 and parts[0] == "playbooks" and parts[1] not in SITE_FILES:
            return parts[1]
        return ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line or None,
            "message": self.message,
        }


def error(rule: str, path: str, line: int, message: str) -> Finding:
    return Finding(path, line or 0, rule, ERROR, message)


def warning(rule: str, path: str, line: int, message: str) -> Finding:
    return Finding(path, line or 0, rule, WARNING, message)


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)"""
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors


def printable(value: str) -> str:
    """`value` with control and invisible characters written as escapes (\\n, \\u200b):
    one finding per line, and a name that differs only by them shows the difference."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
