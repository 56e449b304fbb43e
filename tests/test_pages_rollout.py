"""The rollout rule, the phase arithmetic and the catalog JSON, without MkDocs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.build.pages import Context, SitePlan, build_site
from playbook_kb.build.pages.crossdept import months_between
from playbook_kb.build.pages.phases import add_months, entry
from playbook_kb.build.render import escape_md as md
from playbook_kb.derive import rollout
from playbook_kb.load.settings import settings_from
from playbook_kb.model import Catalog, Meta, Metrics, Playbook, Taxonomy, Term

FIXTURE = Path(__file__).parent / "fixtures" / "crossdept"
# department -> the other departments' playbooks it could adopt (see the fixture's taxonomy.yml)
EXPECTED_CANDIDATES = {
    "sales": ["marketing-proposal"],
    "marketing": ["sales-proposal"],
    "support": [],  # produces email, but adopted sales-email already
    "hr": [],  # adopted marketing-proposal without producing proposals: adopted, not a candidate
    "it": ["support-faq"],  # produces faq by declaration only
    "legal": [],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    catalog, findings = check(FIXTURE, settings_from(None, "ja"))
    assert not [f for f in findings if f.is_error], findings
    return catalog


def test_candidates_appear_exactly_where_the_rule_says(catalog: Catalog) -> None:
    grid = rollout.build_rollout(catalog)
    found = {d.key: [p.slug for p in grid.candidates(d.key)] for d in catalog.taxonomy.departments}
    assert found == EXPECTED_CANDIDATES


def test_cells_are_covered_adopted_candidate_or_empty(catalog: Catalog) -> None:
    grid = rollout.build_rollout(catalog)
    status = {key: cell.status for key, cell in grid.cells.items() if cell.status != "empty"}
    assert status == {
        ("sales", "email"): "covered", ("sales", "proposal"): "covered",
        ("marketing", "proposal"): "covered", ("support", "faq"): "covered",
        ("support", "email"): "adopted", ("hr", "proposal"): "adopted",
        ("it", "faq"): "candidate",
    }
    # covered does not hide the other department's playbook for the same output
    assert [p.slug for p in grid.cell("sales", "proposal").candidates] == ["marketing-proposal"]
    assert grid.produced["marketing"] == frozenset({"proposal"})  # from its own playbook
    assert grid.produced["legal"] == frozenset()


def test_rollout_scans_only_outputs_a_department_produces(monkeypatch) -> None:
    """1,000 playbooks × 15 departments: the rule runs per produced output, never P × D."""
    outputs = tuple(Term(f"o{i}", f"o{i}", f"o{i}") for i in range(20))
    departments = tuple(Term(f"d{i}", f"d{i}", f"d{i}", produces=(f"o{i}", f"o{i + 1}"))
                        for i in range(15))
    playbooks = tuple(
        Playbook(f"p{i}", f"playbooks/p{i}", Meta(department=f"d{i % 15}", output=f"o{i % 20}"), ())
        for i in range(1000))
    calls = []
    real = rollout.is_candidate
    monkeypatch.setattr(rollout, "is_candidate", lambda *a: calls.append(1) or real(*a))
    grid = rollout.build_rollout(
        Catalog(Path("."), Taxonomy("t", departments, outputs), playbooks), list(playbooks))
    produced = sum(len(grid.by_output.get(o, ())) for outs in grid.produced.values() for o in outs)
    assert len(calls) == produced  # one check per playbook of an output a department produces
    assert produced < 15 * 1000 / 3  # not one per playbook × department
    assert len(grid.cells) == 15 * 20


@pytest.mark.parametrize("start, today, months, overdue", [
    ("2026-07-01", "2026-11-25", 4, True),
    ("2026-08-25", "2026-11-25", 3, False),  # exactly 3 months: still within the typical span
    ("2026-08-24", "2026-11-25", 3, True),
    ("2026-10-01", "2026-11-25", 1, False),
    ("2026-11-30", "2027-02-28", 2, False),  # add_months clamps to February's last day
])
def test_pilot_overdue_after_three_months(start, today, months, overdue) -> None:
    meta = Meta(phase="pilot", started=dt.date.fromisoformat(start))
    result = entry(Playbook("x", "playbooks/x", meta, ()), dt.date.fromisoformat(today))
    assert (result.months, result.overdue) == (months, overdue)


def test_add_months_and_months_between() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 1, 1)) == 0


def test_hours_saved_arithmetic() -> None:
    assert Metrics(120, 30, 40).hours_saved_per_month == 60
    assert Metrics(90, 45, 10).hours_saved_per_month == 7.5


def test_markdown_escape_keeps_labels_literal() -> None:
    assert md("A*B_[x](y) {: .c}") == r"A\*B\_\[x\]\(y\) \{: \.c\}"


def test_catalog_json_is_deterministic_and_complete() -> None:
    first = build_site(*check(FIXTURE, settings_from(None, "ja"))).files["playbooks.json"]
    second = build_site(*check(FIXTURE, settings_from(None, "ja"))).files["playbooks.json"]
    assert first == second
    data = json.loads(first)
    assert first == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    by_slug = {p["slug"]: p for p in data["playbooks"]}
    assert list(by_slug) == sorted(by_slug)
    email = by_slug["sales-email"]
    assert email["title"] == "<b>提案</b>メール & 下書き"  # data, not markup: portals escape it
    assert email["hours_saved_per_month"] == 60.0 and email["metrics"]["reduction"] == 0.75
    assert email["url"] == "playbooks/sales-email/"
    assert email["parts"] == {"prompt_sheet": "playbooks/sales-email/prompt-sheet/",
                              "workflow": "playbooks/sales-email/workflow/",
                              "samples": "playbooks/sales-email/samples/"}
    assert by_slug["marketing-proposal"]["rollout_candidate_for"] == ["sales"]
    assert by_slug["sales-proposal"]["metrics"] is None
    assert by_slug["sales-proposal"]["findings"] == {"errors": 0, "warnings": 1}  # stale


def test_generators_fill_every_cross_department_page(catalog: Catalog) -> None:
    plan = SitePlan()
    context = Context(catalog, (), {}, "ja")
    from playbook_kb.build.pages import PIPELINE

    for func in PIPELINE:
        func(context, plan)
    for page in ("departments/index.md", "departments/legal.md", "outputs/index.md",
                 "outputs/report.md", "matrix/index.md", "phases/index.md", "impact/index.md",
                 "health/index.md"):
        assert page in plan.pages, page
    assert "playbooks.json" in plan.files
