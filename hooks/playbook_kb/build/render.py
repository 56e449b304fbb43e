"""Jinja for the engine's own templates only. Contributor text is data, never a template."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

TEMPLATES = Path(__file__).parent / "templates"

try:  # the C emitter: 1,000 playbooks mean 5,000 front matters per build
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlpath"] = lambda value: quote(str(value))
    return env


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for a whole process, whatever Environment asks.

    MkDocs makes a new theme Environment on every build, so `mkdocs serve` compiled
    Material's 56 templates again after every save (0.3 s of a preview's rebuild).
    Jinja keys each entry by the template's file name and checks the source's digest,
    so an edited template is compiled again. The key does not hold the Environment's
    options (autoescape, delimiters): give it to one kind of Environment only (MkDocs'
    theme Environment, in hooks/kb_hooks.py).
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


# Python-Markdown's escapable characters, less `>`: templates HTML-escape it to `&gt;`,
# which Markdown already shows as text (a backslash before it would show too).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_md(text: object) -> str:
    """Contributor text placed in generated Markdown stays text: its syntax is escaped.

    For text that does not go through an autoescaping template, also `html.escape` it.
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML header MkDocs reads back; safe_dump quotes whatever a contributor wrote.

    Themes print page.title and meta values into HTML without escaping, so every string
    is HTML-escaped here: a title like `<img onerror=...>` shows as text.
    """
    text = yaml.dump(_escaped(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return "---\n" + text + "---\n\n"


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no `<` at all, so no `</script>` or `<!--`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
