"""ODS files are real OpenDocument spreadsheets whose cells hold the YAML's data."""

import csv
import io

import pytest
from exported import example_plan, yaml_items, yaml_results
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P
from read_back import assert_lays_out, document, downloads_of, plan_ids, plan_of, read_rows

from gongkai.export.csv_file import neutralised
from gongkai.export.document_tables import document_tables
from gongkai.export.files import plan_downloads
from gongkai.export.tables import COLUMNS, PLAN_COLUMNS, RESULTS_COLUMNS


def _sheet(content: bytes) -> list[list[str]]:
    document = load(io.BytesIO(content))
    assert document.mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    table = document.spreadsheet.getElementsByType(Table)[0]
    return [["\n".join(str(p) for p in cell.getElementsByType(P)) for cell in row.getElementsByType(TableCell)]
            for row in table.getElementsByType(TableRow)]


def _file(part: str) -> bytes:
    return next(d.content for d in plan_downloads(example_plan()) if d.part == part and d.format == "ods")


def test_plan_sheet_has_the_documented_header_and_every_item_of_the_yaml():
    rows = _sheet(_file("plan"))
    assert rows[0] == [c.name for c in PLAN_COLUMNS]
    cells = [dict(zip(rows[0], row)) for row in rows[1:]]
    items = yaml_items()
    assert [c["position"] for c in cells] == [position for position, _ in items]
    for cell, (_, item) in zip(cells, items):
        assert cell["id"] == item.get("id", "")
        assert cell["text_zh"] == item["text"]["zh-TW"]
        assert cell["text_en"] == item["text"]["en"]
        assert cell["units_zh"] == "\n".join(u["zh-TW"] for u in item.get("units", []))
        actions = cell["actions_zh"].split("\n") if item.get("actions") else []
        assert [line.startswith(a["text"]["zh-TW"]) for line, a in zip(actions, item.get("actions", []))] \
            == [True] * len(item.get("actions", []))
        assert len(cell["targets_zh"].split("\n") if cell["targets_zh"] else []) == len(item.get("targets", []))


def test_results_sheet_gives_each_leaf_its_status_from_the_yaml():
    rows = _sheet(_file("results"))
    assert rows[0] == [c.name for c in RESULTS_COLUMNS]
    cells = {row[rows[0].index("id")]: dict(zip(rows[0], row)) for row in rows[1:]}
    leaves = [item["id"] for _, item in yaml_items() if not item.get("items")]
    assert list(cells) == leaves
    results = yaml_results()["results"]
    for leaf in leaves:
        expected = results[leaf]["status"] if leaf in results else "not-reported"
        assert cells[leaf]["status"] == expected
        if leaf in results and "narrative" in results[leaf]:
            assert cells[leaf]["narrative_zh"] == results[leaf]["narrative"]["zh-TW"]
    assert {leaf for leaf, cell in cells.items() if cell["status"] == "not-reported"} == {"a4-2", "a6-2"}


def test_year_cells_are_numbers():
    document = load(io.BytesIO(_file("plan")))
    second_row = document.spreadsheet.getElementsByType(TableRow)[1]
    year_cell = second_row.getElementsByType(TableCell)[1]
    assert (year_cell.getAttribute("valuetype"), year_cell.getAttribute("value")) == ("float", "114")


@pytest.mark.parametrize("key", plan_ids())
def test_every_ods_holds_the_csvs_rows_then_the_documents_tables(key):
    """Each ODS of the demo plans and the table shapes: its first sheet the CSV's header and rows, integers as
    numbers and dates as dates; then, in a plan's file, a sheet per body table as the page draws it."""
    plan, files = plan_of(key), downloads_of(key)
    for part in ("plan", "results") if plan.results else ("plan",):
        sheets = document(files[part, "ods"].content).spreadsheet.getElementsByType(Table)
        tables = document_tables(plan, "zh-TW") if part == "plan" else []
        assert [s.getAttribute("name") for s in sheets] \
            == [f"{plan.year}-{part}"] + [f"{plan.year}-{part}-{n}" for n in range(1, len(tables) + 1)]
        columns = COLUMNS[part]
        csv_rows = list(csv.reader(io.StringIO(files[part, "csv"].content.decode("utf-8-sig"), newline="")))
        sheet = read_rows(sheets[0])
        assert [[cell.text for cell in row] for row in sheet[:1]] == csv_rows[:1]
        assert len(sheet) == len(csv_rows)
        for row, written in zip(sheet[1:], csv_rows[1:], strict=True):
            assert [neutralised(cell.text, column) for cell, column in zip(row, columns, strict=True)] == written
            for cell, column in zip(row, columns, strict=True):
                if column.kind == "integer" and cell.text:
                    assert (cell.value_type, cell.value) == ("float", cell.text)
                elif column.kind == "date" and cell.text:
                    assert (cell.value_type, cell.value) == ("date", cell.text)
                else:
                    assert (cell.value_type, cell.value) == ("string", None)
        for sheet_table, table in zip(sheets[1:], tables, strict=True):
            assert_lays_out(sheet_table, table)
