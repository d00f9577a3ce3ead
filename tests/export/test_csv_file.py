"""CSV files open in Excel (UTF-8 with a BOM) and start with the documented column names."""

import csv
import io
import shutil

import pytest
from exported import example_plan, yaml_items, yaml_results
from support import FIXTURES

from gongkai.data.load import load_portal
from gongkai.export.csv_file import csv_bytes
from gongkai.export.files import plan_downloads
from gongkai.export.tables import PLAN_COLUMNS, RESULTS_COLUMNS, Column


def _csv(part: str) -> bytes:
    return next(d.content for d in plan_downloads(example_plan()) if d.part == part and d.format == "csv")


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_csv_starts_with_a_byte_order_mark_and_the_documented_header():
    for part, columns in (("plan", PLAN_COLUMNS), ("results", RESULTS_COLUMNS)):
        content = _csv(part)
        assert content.startswith(b"\xef\xbb\xbf")
        assert _rows(content)[0] == [c.name for c in columns]


def test_csv_rows_hold_the_yaml_text_including_line_breaks_inside_cells():
    rows = _rows(_csv("plan"))
    header = rows[0]
    items = yaml_items()
    assert len(rows) - 1 == len(items)
    for row, (position, item) in zip(rows[1:], items):
        cell = dict(zip(header, row))
        assert (cell["position"], cell["text_zh"]) == (position, item["text"]["zh-TW"])
        actions = item.get("actions", [])
        lines = cell["actions_en"].split("\n") if actions else []
        assert len(lines) == len(actions)
        for line, action in zip(lines, actions):
            # Each action keeps its own unit beside its text, as the plan page shows it.
            assert line.startswith(action["text"]["en"])
            assert all(unit["en"] in line for unit in action.get("units", []))


def test_csv_rows_give_quantified_targets_frequency_and_measured_values():
    plan_rows = _rows(_csv("plan"))
    plan_cells = {row[4]: dict(zip(plan_rows[0], row)) for row in plan_rows[1:]}
    items = dict(yaml_items())
    for cell in plan_cells.values():
        item = items[cell["position"]]
        targets = cell["targets_zh"].split("\n") if cell["targets_zh"] else []
        assert len(targets) == len(item.get("targets", []))
        for line, target in zip(targets, item.get("targets", [])):
            assert line.startswith(target["metric"]["zh-TW"]) and f"{target['value']:g}" in line
        assert bool(cell["frequency_en"]) == ("frequency" in item)
    results_rows = _rows(_csv("results"))
    results_cells = {row[3]: dict(zip(results_rows[0], row)) for row in results_rows[1:]}
    for leaf_id, entry in yaml_results()["results"].items():
        measured = results_cells[leaf_id]["measured_zh"].split("\n") if entry.get("measured") else []
        assert len(measured) == len(entry.get("measured", []))
        assert all(f"{m['value']:g}" in line for line, m in zip(measured, entry.get("measured", [])))


def test_csv_deadlines_are_machine_readable():
    cells = {row[4]: row[12] for row in _rows(_csv("plan"))[1:]}
    assert cells["a1-1"] == "2025-06-30"
    # --12-31 starts like a formula (Excel shows it as -19): the CSV writes it as text, the JSON file as it is.
    assert cells["a1-2"] == "'--12-31"


FORMULAS = ["=HYPERLINK(\"http://example.org\",\"x\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)",
            "\tleading tab", "\rleading return", "--12-31"]


@pytest.mark.parametrize("value", FORMULAS)
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(value):
    columns = (Column("year", "年度", "Year", "integer"), Column("text_zh", "內容", "Text"))
    rows = _rows(csv_bytes(columns, [{"year": 114, "text_zh": value}]))
    assert rows[1] == ["114", "'" + value]


def test_ordinary_text_and_numbers_are_unchanged_and_negative_numbers_stay_numbers():
    columns = (Column("level", "層級", "Level", "integer"), Column("text_zh", "內容", "Text"))
    rows = _rows(csv_bytes(columns, [{"level": -3, "text_zh": "提升服務品質 = 滿意度"}, {"level": 1, "text_zh": "'引號"}]))
    assert rows[1:] == [["-3", "提升服務品質 = 滿意度"], ["1", "'引號"]]


def test_a_plan_text_starting_like_a_formula_is_neutralised_in_its_download(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "plans")
    path = tmp_path / "plans" / "sample-office" / "114" / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("text: 設置單一窗口。", "text: '=HYPERLINK(\"http://x\")'"),
                    encoding="utf-8")
    portal, report = load_portal(tmp_path / "plans")
    assert report.ok, report.format()
    content = next(d.content for d in plan_downloads(portal.agencies["sample-office"].plans[114])
                   if d.part == "plan" and d.format == "csv")
    cells = {row[4]: row[6] for row in _rows(content)[1:]}
    assert cells["a1-1"] == "'=HYPERLINK(\"http://x\")"
