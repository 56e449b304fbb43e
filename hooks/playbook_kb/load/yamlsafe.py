"""YAML for untrusted front matter: one compose, line numbers kept, no aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..i18n import text

try:  # the C loader is several times faster at 1,000 playbooks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class YamlProblem(Exception):
    """Where the YAML breaks and why: PyYAML's own words, or a catalog key (`yaml.*`)."""

    def __init__(self, line: int, detail: str, key: str = "") -> None:
        super().__init__(detail or key)
        self.line = line
        self.detail = detail
        self.key = key

    def text(self, lang: str) -> str:
        return text(lang, self.key, detail=self.detail) if self.key else self.detail


@dataclass
class Mapping:
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line
    line: int = 1
    item_lines: dict[str, list[int]] = field(default_factory=dict)  # key -> line per list item


def load_mapping(text: str, first_line: int = 1) -> Mapping:
    """Parse a YAML mapping; keys keep the line they were written on.

    Anchors and aliases are refused: a few lines of them expand into gigabytes.
    """
    if "&" in text or "*" in text:
        _refuse_anchors(text, first_line)
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        if node is None:
            return Mapping({}, {}, first_line)
        _refuse_aliases(node, first_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlProblem(line, f"{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, str(exc)) from None
    except ValueError as exc:  # e.g. `reviewed: 2026-13-01`: PyYAML builds the date and fails
        raise YamlProblem(_bad_value_line(node, first_line), str(exc), "yaml.bad_value") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise YamlProblem(first_line, "", "yaml.not_mapping")
    lines, item_lines = {}, {}
    for key_node, value_node in node.value:
        lines[str(key_node.value)] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[str(key_node.value)] = [
                first_line + n.start_mark.line for n in value_node.value]
    return Mapping({str(k): v for k, v in data.items()}, lines, first_line, item_lines)


def _bad_value_line(node: yaml.Node | None, first_line: int) -> int:
    """The line of the first value that does not construct (a date such as 2026-02-30)."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(current, deep=True)
            except ValueError:
                return first_line + current.start_mark.line
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return first_line


def _refuse_anchors(text: str, first_line: int) -> None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = first_line + event.start_mark.line
                raise YamlProblem(line, "", "yaml.anchors")
    except yaml.YAMLError:
        return  # the real parse below reports it with its line


def _refuse_aliases(node: yaml.Node, first_line: int) -> None:
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            line = first_line + current.start_mark.line
            raise YamlProblem(line, "", "yaml.anchors")
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def load_permissive(text: str) -> Any:
    """mkdocs.yml with its `!!python/name:` and `!ENV` tags, read as plain data."""

    class _Permissive(_Loader):  # type: ignore[misc,valid-type]
        pass

    def _any(loader: Any, suffix: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_scalar(node)

    _Permissive.add_multi_constructor("", _any)
    return yaml.load(text, Loader=_Permissive)  # noqa: S506 - only plain data is built
