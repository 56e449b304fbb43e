"""playbooks/taxonomy.yml: the controlled lists of departments and output types."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..findings import Finding, error
from ..model import Taxonomy, Term
from .textio import decode
from .yamlsafe import Mapping, YamlProblem, load_mapping

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAXONOMY_FILE = "playbooks/taxonomy.yml"
_EXAMPLE = "- {key: sales, ja: 営業部, en: Sales}"


def closest(value: str, keys: list[str]) -> str | None:
    found = difflib.get_close_matches(value, keys, n=1, cutoff=0.5)
    return found[0] if found else None


def load_taxonomy(root: Path) -> tuple[Taxonomy, list[Finding]]:
    path = root / TAXONOMY_FILE
    if not path.is_file():
        message = (f"{TAXONOMY_FILE} がありません。"
                   f"departments と outputs を定義してください。例: {_EXAMPLE}")
        return Taxonomy(TAXONOMY_FILE), [error("field", TAXONOMY_FILE, 0, message)]
    decoded = decode(path.read_bytes())
    if decoded.text is None:
        message = "UTF-8 ではありません。UTF-8 で保存し直してください。"
        return Taxonomy(TAXONOMY_FILE), [
            error("encoding", TAXONOMY_FILE, decoded.bad_line, message)]
    try:
        mapping = load_mapping(decoded.text)
    except YamlProblem as problem:
        message = f"YAML として読めません: {problem.message}。インデントと「:」を確認してください。"
        return Taxonomy(TAXONOMY_FILE), [
            error("front-matter", TAXONOMY_FILE, problem.line, message)]
    findings: list[Finding] = []
    departments = _terms(mapping, "departments", findings)
    outputs = _terms(mapping, "outputs", findings)
    output_keys = [t.key for t in outputs]
    for term in departments:
        for key in term.produces:
            if key not in output_keys:
                findings.append(
                    _unknown_key(TAXONOMY_FILE, term.line, "produces", key, output_keys))
    maintainers = _strings(mapping.data.get("maintainers"))
    return Taxonomy(TAXONOMY_FILE, departments, outputs, maintainers), findings


def _terms(mapping: Mapping, name: str, findings: list[Finding]) -> tuple[Term, ...]:
    raw = mapping.data.get(name)
    line = mapping.lines.get(name, 1)
    item_lines = mapping.item_lines.get(name, [])
    if not isinstance(raw, list) or not raw:
        message = f"「{name}」のリストがありません。例:\n{name}:\n  {_EXAMPLE}"
        findings.append(error("field", TAXONOMY_FILE, line, message))
        return ()
    terms: list[Term] = []
    for index, item in enumerate(raw):
        item_line = item_lines[index] if index < len(item_lines) else line
        labelled = isinstance(item, dict) and all(
            isinstance(item.get(k), str) for k in ("key", "ja", "en"))
        if not labelled:
            message = f"{name} の {index + 1} 番目には key, ja, en が必要です。例: {_EXAMPLE}"
            findings.append(error("field", TAXONOMY_FILE, item_line, message))
            continue
        key = item["key"]
        if not KEY.match(key):
            message = (f"キー「{key}」は英小文字・数字・ハイフンだけにしてください。"
                       "例: customer-support")
            findings.append(error("field", TAXONOMY_FILE, item_line, message))
            continue
        if any(t.key == key for t in terms):
            findings.append(
                error("field", TAXONOMY_FILE, item_line, f"キー「{key}」が重複しています。"))
            continue
        terms.append(Term(key, item["ja"], item["en"], item_line,
                          _strings(item.get("owners")), _strings(item.get("produces")),
                          _headcount(item, key, item_line, findings)))
    return tuple(terms)


def _headcount(item: dict, key: str, line: int, findings: list[Finding]) -> int | None:
    """Optional `headcount`: the people of a department, the base of its usage rate."""
    value = item.get("headcount")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 1_000_000:
        message = (f"{key} の headcount は 1 以上の整数（部門の人数）で書いてください"
                   f"（今: {value!r}）。例: headcount: 25")
        findings.append(error("field", TAXONOMY_FILE, line, message))
        return None
    return value


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _unknown_key(path: str, line: int, field_name: str, value: str, keys: list[str]) -> Finding:
    near = closest(value, keys)
    hint = f"近いキー: 「{near}」。" if near else ""
    message = (f"{field_name}: 「{value}」は taxonomy.yml にありません。{hint}"
               f"使えるキー: {', '.join(keys)}")
    return error("field", path, line, message)
