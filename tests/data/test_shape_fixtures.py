"""The table shapes of tests/fixtures/shapes load and check clean; column declarations that cannot be right
are reported by `gongkai check` with file, line, field and a message in both languages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support import FIXTURES, GONGKAI, ROOT

from gongkai.data.load import load_portal
from gongkai.data.model import build_tables
from gongkai.data.status_summary import by_top_item, overall

SHAPES = FIXTURES / "shapes"
BROKEN = FIXTURES / "broken"
AGENCIES = ("indicator-office", "action-rows-office", "spanned-header-office", "sub-tables-office")


def check(plans: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*GONGKAI, "check", "--plans", str(plans)], cwd=ROOT, capture_output=True, text=True)


def test_every_shape_checks_clean_without_warnings():
    result = check(SHAPES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout + result.stderr
    assert "4 agencies, 4 plans, 4 results tables" in result.stdout


@pytest.fixture(scope="module")
def portal():
    portal, report = load_portal(SHAPES)
    assert report.ok and not report.warnings, report.format()
    return portal


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_shape_is_a_fictional_agency_with_a_plan_and_its_results(portal, agency):
    item = portal.agencies[agency]
    assert item.fictional
    assert item.plans[114].results is not None


def test_four_levels_load_as_a_tree_four_deep_with_leaves_at_levels_three_and_four(portal):
    [table] = portal.agencies["indicator-office"].plans[114].tables
    assert table.depth == 4
    assert {leaf.depth for leaf in table.leaves()} == {3, 4}
    assert [c.key for c in table.columns()] == ["levels"] * 4 + ["actions", "deadline", "cell:points"]


def test_a_header_over_two_levels_is_one_column_of_two_levels(portal):
    [table] = portal.agencies["spanned-header-office"].plans[114].tables
    assert [c.levels for c in table.columns()] == [(1, 2), (), ()]


def test_several_tables_take_the_bodys_settings_unless_they_give_their_own(portal):
    tables = portal.agencies["sub-tables-office"].plans[114].tables
    assert [t.heading["en"] for t in tables] == ["High-quality service to the public", "Information services",
                                                "Innovative added-value services"]
    assert [[c.key for c in t.columns()] for t in tables] == [
        ["levels", "actions", "units", "deadline"], ["levels", "actions", "units", "deadline"],
        ["levels", "actions", "deadline", "note"]]
    assert all(t.style(1) == "1." and t.action_style(1) == "(1)" for t in tables)


def test_a_body_of_one_table_has_no_heading_of_its_own():
    [table] = build_tables({"kind": "body", "heading": "實施要項", "items": [{"id": "a1", "text": "x"}]})
    assert table.heading is None


def test_results_keyed_per_action_report_on_each_action(portal):
    plan = portal.agencies["action-rows-office"].plans[114]
    assert [row.leaf_id for row in plan.rows()] == ["s1-1-a1", "s1-1-a2", "s1-2-a1", "s2-1-a1", "s2-1-a2"]
    assert [plan.results.status(row.leaf_id) for row in plan.rows()] == [
        "completed", "ongoing", "not-achieved", "completed", "not-reported"]


def test_completeness_counts_actions_where_results_are_keyed_per_action(portal):
    plan = portal.agencies["action-rows-office"].plans[114]
    tally = overall(plan)
    assert (tally.total, tally.completed, tally.reported) == (5, 2, 4)
    assert [(t.total, t.completed) for _, t in by_top_item(plan)] == [(3, 1), (2, 1)]


def test_completeness_counts_leaves_where_results_are_keyed_per_item(portal):
    plan = portal.agencies["sub-tables-office"].plans[114]
    tally = overall(plan)
    assert (tally.total, tally.completed) == (4, 2)


# Column declarations that cannot be right --------------------------------------------------------
# (broken fixture, line, field, words of the Chinese message, words of the English one)
COLUMN_MISTAKES = [
    ("columns-missing-level.plan.yml", 9, "sections[1].columns", "層級欄與項目的層數不符",
     "the level columns do not match the items' levels"),
    ("columns-apart.plan.yml", 9, "sections[1].columns", "層級欄必須相鄰", "the level columns must stand side by side"),
    ("unknown-cell.plan.yml", 24, "sections[1].items[0].items[1].cells.standrad", "columns 沒有名為「standrad」的欄",
     'no column is named "standrad" in columns'),
    ("action-without-id.plan.yml", 22, "sections[1].items[0].items[2].actions[1]", "每項作法都要有 id",
     "with results by action, every action needs an id"),
    ("five-levels.plan.yml", 28, "sections[1].items[1].items[0].items[0].items[0].items[0]", "實施要項最多 4 層",
     "the body has at most 4 levels"),
]


@pytest.mark.parametrize("case, line, field, zh, en", COLUMN_MISTAKES, ids=[c[0] for c in COLUMN_MISTAKES])
def test_a_wrong_table_declaration_is_reported_with_file_line_field_in_both_languages(minimal_plans, case, line,
                                                                                       field, zh, en):
    target = minimal_plans / "sample-office" / "114" / "plan.yml"
    shutil.copy(BROKEN / case, target)
    result = check(minimal_plans)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    report = result.stderr
    location = f"{target}:{line}:"
    assert location in report, report
    problem = report[report.index(location):].split("\n\n")[0]
    [summary] = [text for text in problem.splitlines() if "問題 problem：" in text]
    assert zh in summary.split(" / ")[0] and en in summary.split(" / ")[1], summary
    assert f"field：{field}" in problem, problem
    assert "1 problem(s) found" in report and "共 1 個問題" in report
