"""CSV files open in Excel (UTF-8 with a BOM) and start with the documented column names."""

import csv
import io

from exported import example_plan, yaml_items
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
        assert cell["actions_en"] == "\n".join(a["text"]["en"] for a in item.get("actions", []))


def test_csv_deadlines_are_machine_readable():
    cells = {row[4]: row[12] for row in _rows(_csv("plan"))[1:]}
    assert cells["a1-1"] == "2025-06-30"
    assert cells["a1-2"] == "--12-31"
