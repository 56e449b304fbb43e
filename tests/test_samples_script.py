"""The .docx/.xlsx samples in playbooks/ are what scripts/make_samples.py makes, byte for byte."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_committed_file_samples_match_the_script() -> None:
    result = subprocess.run([sys.executable, "scripts/make_samples.py", "--check"], cwd=REPO,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("up to date") >= 4
