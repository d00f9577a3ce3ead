"""The plan's ODT file is a real OpenDocument text that lays out the body tables as the document draws
them: its headers in its order, each row's cells, and cells spanning rows and columns as on the page."""

import io

from bs4 import BeautifulSoup
from exported import example_plan, yaml_items
from odf.opendocument import load
from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow
from odf.text import H
from support import PLANS

from gongkai.data.load import load_portal
from gongkai.export.files import plan_downloads
from gongkai.pages.plan import render_plan
from gongkai.pages.renderer import renderer


def _document():
    content = next(d.content for d in plan_downloads(example_plan()) if d.format == "odt")
    document = load(io.BytesIO(content))
    assert document.mimetype == "application/vnd.oasis.opendocument.text"
    return document


def test_odt_has_the_title_in_each_language_it_is_written_in():
    headings = [str(h) for h in _document().text.getElementsByType(H)]
    assert headings[0] == example_plan().title["zh-TW"]
    assert example_plan().title["en"] in headings


def test_odt_table_headers_are_the_pages_in_the_same_order():
    plan = example_plan()
    portal, _ = load_portal(PLANS)
    page = BeautifulSoup(render_plan(renderer("zh-TW"), portal.agencies[plan.agency_id], plan, []).body, "html.parser")
    on_page = [th.get_text(strip=True) for th in page.select("table.gk-body-table thead th")]
    table = _document().text.getElementsByType(Table)[0]
    header = table.getElementsByType(TableHeaderRows)[0].getElementsByType(TableCell)
    assert [str(cell) for cell in header] == on_page


def test_odt_tables_are_rectangular_once_spans_are_counted():
    for table in _document().text.getElementsByType(Table):
        rows = table.getElementsByType(TableRow)
        widths = {len(row.getElementsByType(TableCell)) + len(row.getElementsByType(CoveredTableCell)) for row in rows}
        assert len(widths) == 1, widths


def test_odt_holds_every_item_of_the_body_with_its_number():
    cells = [str(c) for t in _document().text.getElementsByType(Table)[:1] for c in t.getElementsByType(TableCell)]
    for _, item in yaml_items():
        assert any(item["text"]["zh-TW"] in cell for cell in cells), item["text"]["zh-TW"]
    assert any(cell.startswith("一、") for cell in cells)
