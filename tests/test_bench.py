"""scripts/bench.py still runs (its figures go in the README, never in a test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_check_benchmark_runs_and_reports_cold_and_cached_runs() -> None:
    env = {**os.environ, "CI": "true"}  # the script itself turns the cache on, privately
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"),
                             "--playbooks", "25", "--only", "check"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    for row in ("`playbook-kb check --no-cache` (every file read)",
                "`playbook-kb check` again, run 2 (cache)",
                "of the adversarial playbook alone", "sensitive: full-width"):
        assert row in result.stdout
    assert "25 playbooks" in result.stdout
