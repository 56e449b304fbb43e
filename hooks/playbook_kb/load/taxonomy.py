"""playbooks/taxonomy.yml: the controlled lists of departments and output types."""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Finding, error
from ..i18n import text
from ..i18n.suggest import did_you_mean
from ..model import Taxonomy, Term
from .textio import decode
from .yamlsafe import Mapping, YamlProblem, load_mapping

# fullmatch only: `$` would also match before a final line break ("sales\n")
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TAXONOMY_FILE = "playbooks/taxonomy.yml"


def load_taxonomy(root: Path, lang: str) -> tuple[Taxonomy, list[Finding]]:
    path = root / TAXONOMY_FILE
    example = text(lang, "taxonomy.example")
    if not path.is_file():
        message = text(lang, "taxonomy.missing", file=TAXONOMY_FILE, example=example)
        return Taxonomy(TAXONOMY_FILE), [error("field", TAXONOMY_FILE, 0, message)]
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        message = text(lang, "taxonomy.not_utf8")
        return Taxonomy(TAXONOMY_FILE), [
            error("encoding", TAXONOMY_FILE, decoded.bad_line, message)]
    try:
        mapping = load_mapping(decoded.text)
    except YamlProblem as problem:
        message = text(lang, "taxonomy.bad_yaml", problem=problem.text(lang))
        return Taxonomy(TAXONOMY_FILE), [
            error("front-matter", TAXONOMY_FILE, problem.line, message)]
    findings: list[Finding] = []
    departments = _terms(mapping, "departments", findings, lang)
    outputs = _terms(mapping, "outputs", findings, lang)
    output_keys = [t.key for t in outputs]
    for term in departments:
        for key in term.produces:
            if key not in output_keys:
                findings.append(
                    _unknown_key(lang, term.line, "produces", key, output_keys))
    maintainers = _strings(mapping.data.get("maintainers"))
    return Taxonomy(TAXONOMY_FILE, departments, outputs, maintainers), findings


def _terms(mapping: Mapping, name: str, findings: list[Finding],
           lang: str) -> tuple[Term, ...]:
    raw = mapping.data.get(name)
    line = mapping.lines.get(name, 1)
    item_lines = mapping.item_lines.get(name, [])
    if not isinstance(raw, list) or not raw:
        message = text(lang, "taxonomy.no_list", name=name, example=text(lang, "taxonomy.example"))
        findings.append(error("field", TAXONOMY_FILE, line, message))
        return ()
    terms: list[Term] = []
    for index, item in enumerate(raw):
        item_line = item_lines[index] if index < len(item_lines) else line
        labelled = isinstance(item, dict) and all(
            isinstance(item.get(k), str) for k in ("key", "ja", "en"))
        if not labelled:
            message = text(lang, "taxonomy.bad_item", name=name, number=index + 1,
                           example=text(lang, "taxonomy.example"))
            findings.append(error("field", TAXONOMY_FILE, item_line, message))
            continue
        key = item["key"]
        if not KEY.fullmatch(key):
            message = text(lang, "taxonomy.bad_key", key=key)
            findings.append(error("field", TAXONOMY_FILE, item_line, message))
            continue
        if any(t.key == key for t in terms):
            message = text(lang, "taxonomy.duplicate_key", key=key)
            findings.append(error("field", TAXONOMY_FILE, item_line, message))
            continue
        terms.append(Term(key, item["ja"], item["en"], item_line,
                          _strings(item.get("owners")), _strings(item.get("produces")),
                          _headcount(item, key, item_line, findings, lang)))
    return tuple(terms)


def _headcount(item: dict, key: str, line: int, findings: list[Finding],
               lang: str) -> int | None:
    """Optional `headcount`: the people of a department, the base of its usage rate."""
    value = item.get("headcount")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 1_000_000:
        message = text(lang, "taxonomy.bad_headcount", key=key, value=repr(value))
        findings.append(error("field", TAXONOMY_FILE, line, message))
        return None
    return value


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _unknown_key(lang: str, line: int, name: str, value: str, keys: list[str]) -> Finding:
    head = text(lang, "taxonomy.unknown_key", name=name, value=value)
    return error("field", TAXONOMY_FILE, line, did_you_mean(lang, head, value, keys))
