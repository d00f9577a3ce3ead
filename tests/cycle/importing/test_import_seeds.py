"""The five seed documents imported: as text, and written as real .docx and .odt files with merged
table cells, each gives the same draft, which passes the checks and reproduces the hand-made plan."""

from __future__ import annotations

import datetime
import subprocess

import pytest
from office_files import write_docx, write_odt
from support import GONGKAI, PLANS, ROOT, SEED_PLANS, SEEDS

from gongkai.cycle.importing.importer import draft_of
from gongkai.cycle.importing.readers import read
from gongkai.cycle.importing.report import review
from gongkai.devtools import import_bench

TODAY = datetime.date(2026, 1, 5)
SEEDS_BY_NAME = {name: key for key, name in SEED_PLANS.items()}


def without_history(plan):
    return {k: v for k, v in plan.items() if k != "history"}


def test_the_benchmark_names_the_same_seeds_as_the_tests():
    assert import_bench.SEED_PLANS == SEED_PLANS


@pytest.fixture(scope="module")
def bench_rows():
    return {row["seed"]: row for row in import_bench.measure(SEEDS, PLANS)}


@pytest.mark.parametrize("name", sorted(SEEDS_BY_NAME))
def test_each_seed_reproduces_the_hand_made_items_and_actions(name, bench_rows):
    row = bench_rows[name]
    assert row["year_found"]
    assert row["matched"] / row["texts"] >= 0.95, row["missing"]
    assert row["unplaced"] <= 2


@pytest.mark.parametrize("name", sorted(SEEDS_BY_NAME))
@pytest.mark.parametrize("writer, suffix", [(write_docx, ".docx"), (write_odt, ".odt")], ids=["docx", "odt"])
def test_a_seed_written_as_a_document_imports_as_its_text_does(name, writer, suffix, tmp_path):
    agency, _ = SEEDS_BY_NAME[name]
    _, from_text = draft_of(SEEDS / name, agency, year=None, today=TODAY)
    document = tmp_path / f"plan{suffix}"
    writer(read(SEEDS / name), document)
    outline, from_document = draft_of(document, agency, year=None, today=TODAY)
    assert without_history(from_document.plan) == without_history(from_text.plan)
    assert from_document.agency == from_text.agency
    assert len(review(outline).unplaced) <= 2


def test_the_import_command_writes_a_draft_that_passes_the_check(tmp_path):
    plans = tmp_path / "plans"
    seed = SEEDS / SEED_PLANS[("nantou-social-affairs-bureau", 95)]
    result = subprocess.run([*GONGKAI, "import", str(seed), "--agency", "nantou-test", "--plans", str(plans)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "已放入草稿：163 / 163" in result.stdout and "Placed in the draft: 163 of 163" in result.stdout
    plan = (plans / "nantou-test" / "95" / "plan.yml").read_text(encoding="utf-8")
    assert plan.startswith("# yaml-language-server: $schema=../../../gongkai/schema/plan.schema.json\n# gongkai import:")
    assert "event: drafted" in plan and "# 請確認 / check:" in plan
    agency = (plans / "nantou-test" / "agency.yml").read_text(encoding="utf-8")
    assert "name: 南投縣政府社會局" in agency
    checked = subprocess.run([*GONGKAI, "check", "--plans", str(plans)], cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
