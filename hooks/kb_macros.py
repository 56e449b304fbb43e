"""mkdocs-macros module: trainer macros in a sandbox. Logic: playbook_kb.build.trainer_macros.

mkdocs-macros gives every page its whole config, `environment`, `git` and helper macros
that reach Python objects. Trainer pages get none of that: before each page, the
variables are replaced by plain data and the macros, and the Jinja environment by a
sandboxed one (mkdocs-macros builds its environment after define_env, so the swap
happens here, once per build: the plugin and its environment are new every build).
"""

from __future__ import annotations

from jinja2.sandbox import SandboxedEnvironment

from playbook_kb.build.trainer_macros import (
    LimitedSandbox,
    PageView,
    TrainerMacros,
    page_variables,
    sandboxed,
)
from playbook_kb.routes import page_url

_built: tuple[object, TrainerMacros] | None = None  # (catalog, macros) of the current build


def define_env(env):
    env.macros.clear()  # context(), macros_info(), now(), fix_url(): not for trainer pages
    env.filters.clear()


def on_pre_page_macros(env):
    page = env.variables["page"]
    if not _renders(env, page):
        return  # mkdocs-macros will not render this page: nothing to prepare (most pages)
    if not isinstance(env.env, SandboxedEnvironment):
        env._env = sandboxed(env.env)  # no public setter in mkdocs-macros 1.5
    macros = _macros(env.conf)
    if isinstance(env.env, LimitedSandbox):
        env.env.start_page(page.file.src_uri, macros.lang)  # limits per page, errors name it
    view = PageView(page.file.src_uri, str(page.title or ""), page_url(page.file.src_uri),
                    dict(page.meta))
    env.variables.clear()
    env.variables.update(page_variables(macros, view))


def _renders(env, page) -> bool:
    """Whether mkdocs-macros renders this page: opt-in pages only, with this site's
    settings; any other setting prepares every page, to be safe."""
    options = env.config  # the plugin's own options
    if options.get("render_by_default", True) or options.get("force_render_paths"):
        return True
    return bool(page.meta.get("render_macros"))


def _macros(config) -> TrainerMacros:
    global _built  # `mkdocs serve` keeps this module: rebuild when the catalog is new
    catalog = config.get("playbook_kb_catalog")
    if catalog is None:
        raise RuntimeError("hooks/kb_hooks.py must be listed under `hooks:` in mkdocs.yml")
    if _built is None or _built[0] is not catalog:
        _built = (catalog, TrainerMacros(catalog))
    return _built[1]
