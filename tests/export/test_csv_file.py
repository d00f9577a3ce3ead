"""CSV files open in Excel (UTF-8 with a BOM) and start with the documented column names."""

import csv
import io

from exported import example_plan, yaml_items, yaml_results

from gongkai.export.files import plan_downloads
from gongkai.export.tables import PLAN_COLUMNS, RESULTS_COLUMNS


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
    assert cells["a1-2"] == "--12-31"
