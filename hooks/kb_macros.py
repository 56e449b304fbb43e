"""mkdocs-macros module: trainer macros (filled in by the curriculum work)."""

from __future__ import annotations


def define_env(env):  # noqa: D103 - mkdocs-macros entry point
    return None
