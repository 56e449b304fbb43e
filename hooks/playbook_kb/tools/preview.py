"""`playbook-kb serve SLUG`: a live preview of one playbook, fast in any repository size.

The whole catalog is read, so the department, output and matrix pages count every
playbook; only the previewed playbook's pages and the lists it appears on are built
(build/pages/preview.py). `PLAYBOOK_KB_PREVIEW=slug[,slug]` carries the choice from
the CLI into `mkdocs serve`.

However the preview is stopped (Ctrl+C, SIGTERM from a process manager or an IDE,
closing the terminal), `mkdocs serve` is stopped with it, so the port is free again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..load.cache import ENV_VAR as CACHE_VAR
from ..load.focus import ENV_VAR

_FORWARDED = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGBREAK")
                   if hasattr(signal, name))


def serve(root: Path, slug: str, mkdocs_args: list[str]) -> int:
    """Run `mkdocs serve` in `root` with the catalog focused on `slug`."""
    env = {**os.environ, ENV_VAR: slug, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    if env.get(CACHE_VAR, "").lower() not in ("off", "0", "no"):
        env[CACHE_VAR] = "disk"  # the hooks read unchanged playbooks from the check's cache
    command = [sys.executable, "-m", "mkdocs", "serve", *mkdocs_args]
    child = subprocess.Popen(command, cwd=root, env=env)
    stopped: list[float] = []

    def forward(signum: int, frame: object) -> None:
        # Only pass it on here: waiting inside a signal handler would deadlock on the
        # lock that the interrupted `wait` below holds.
        stopped.append(time.monotonic())
        child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in _FORWARDED}
    try:
        return _wait(child, stopped)
    except KeyboardInterrupt:  # Ctrl+C is how a preview ends; the child got it too
        stopped.append(time.monotonic())
        return _wait(child, stopped)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:
            child.kill()
            child.wait()


def _wait(child: subprocess.Popen, stopped: list[float]) -> int:
    """The child's exit code, or 0 once the preview was stopped; kill it if it hangs."""
    while True:
        try:
            code = child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopped and time.monotonic() - stopped[0] > GRACE_SECONDS:
                child.kill()
            continue
        return 0 if stopped else code


GRACE_SECONDS = 10  # for mkdocs to close its server before it is killed
