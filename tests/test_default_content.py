"""The repository's own content is the demo companies adopt: it must not silently rot.

Minimums from the default-content issue: a realistic taxonomy, at least 12 complete
playbooks across 6+ departments, every phase and tier, outputs shared across
departments (so the matrix shows rollout candidates), file samples made by the script,
3+ training modules per tier, and the management and contribution pages.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from playbook_kb import check
from playbook_kb.derive.curriculum import build_curriculum
from playbook_kb.derive.rollout import build_rollout, published
from playbook_kb.model import PHASES, TIERS

from .conftest import REPO


@pytest.fixture(scope="module")
def repo_check():
    return check(REPO)


def test_every_playbook_is_complete_and_clean(repo_check) -> None:
    _, findings = repo_check
    assert [str(f) for f in findings] == []


def test_taxonomy_is_that_of_a_typical_sme(repo_check) -> None:
    taxonomy = repo_check[0].taxonomy
    assert 8 <= len(taxonomy.departments) <= 12
    assert 12 <= len(taxonomy.outputs) <= 20
    terms = (*taxonomy.departments, *taxonomy.outputs)
    japanese = [t for t in terms if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t.ja)]
    assert len(japanese) >= 0.9 * len(terms)  # a few labels are acronyms: FAQ
    assert all(t.ja and t.en and t.en.isascii() for t in terms)
    assert all(d.owners for d in taxonomy.departments)


def test_playbooks_span_departments_phases_and_tiers(repo_check) -> None:
    playbooks = repo_check[0].playbooks
    assert len(playbooks) >= 12
    by_department = Counter(p.meta.department for p in playbooks)
    assert len(by_department) >= 6
    assert set(Counter(p.meta.phase for p in playbooks)) == set(PHASES)
    assert set(Counter(p.meta.tier for p in playbooks)) == set(TIERS)


def test_shared_outputs_make_real_rollout_candidates(repo_check) -> None:
    catalog = repo_check[0]
    rollout = build_rollout(catalog)
    shared = [o for o, owners in rollout.by_output.items()
              if len({p.meta.department for p in owners}) >= 2]
    assert len(shared) >= 2, "two departments' playbooks should share an output type"
    candidates = sum(len(rollout.candidates(d.key)) for d in catalog.taxonomy.departments)
    assert candidates >= 10
    assert sum(len(p.meta.adopted_by) for p in published(catalog)) >= 5


def test_metrics_are_plausible(repo_check) -> None:
    for playbook in repo_check[0].playbooks:
        metrics = playbook.meta.metrics
        if playbook.meta.phase != "pilot":
            assert metrics is not None, playbook.slug
        if metrics:
            assert 0 <= metrics.current_minutes < metrics.baseline_minutes, playbook.slug
            assert metrics.users and metrics.measured, playbook.slug


def test_parts_are_real(repo_check) -> None:
    for playbook in repo_check[0].playbooks:
        sheet = playbook.file("prompt-sheet.md").text
        assert re.search(r"\{\{[^{}]+\}\}", sheet), f"{playbook.slug}: no {{variable}}"
        assert "```mermaid" in playbook.file("workflow.md").text, playbook.slug
        assert any(s.suffix == ".md" for s in playbook.samples), playbook.slug
    office = [p.slug for p in repo_check[0].playbooks
              if any(s.suffix in (".docx", ".xlsx", ".pptx") for s in p.samples)]
    assert len(office) >= 3


def test_three_training_modules_per_tier_in_docs(repo_check) -> None:
    curriculum = build_curriculum(repo_check[0])
    for tier in TIERS:
        pages = [m for m in curriculum.tiers[tier] if m.playbook is None]
        assert len(pages) >= 3, tier


@pytest.mark.parametrize("page", ["index.md", "contribute.md", "purpose.md", "data-policy.md"])
def test_hand_written_pages_exist(page: str) -> None:
    assert len((REPO / "docs" / page).read_text(encoding="utf-8")) > 2000


def test_contribution_guide_explains_every_rule() -> None:
    from playbook_kb.check import CATALOG_RULES, PLAYBOOK_RULES

    guide = (REPO / "docs" / "contribute.md").read_text(encoding="utf-8")
    spec_rules = {"missing-part", "empty-part", "template-leftover", "front-matter", "field",
                  "unknown-field", "metrics", "stale", "broken-link", "path-escape",
                  "sensitive-data", "unsafe-html", "file-size", "encoding", "duplicate-url",
                  "slug", "unsupported-file", "settings"}
    for rule in (spec_rules | set(PLAYBOOK_RULES) | set(CATALOG_RULES)) - {"module-id"}:
        assert f"`{rule}`" in guide, rule
