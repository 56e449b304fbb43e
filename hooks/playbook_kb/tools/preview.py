"""`playbook-kb serve SLUG`: a live preview of one playbook, fast in any repository size.

The catalog keeps only the previewed playbooks (taxonomy and docs stay whole), so
the build renders their pages plus the generated pages that list them, instead of
every playbook: an edit shows in about a second even with 1,000 playbooks.
`PLAYBOOK_KB_PREVIEW=slug[,slug]` carries the choice from the CLI into `mkdocs serve`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..load.focus import ENV_VAR


def serve(root: Path, slug: str, mkdocs_args: list[str]) -> int:
    """Run `mkdocs serve` in `root` with the catalog focused on `slug`."""
    env = {**os.environ, ENV_VAR: slug, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", *mkdocs_args]
    try:
        return subprocess.call(command, cwd=root, env=env)
    except KeyboardInterrupt:  # Ctrl+C is how a preview ends
        return 0
