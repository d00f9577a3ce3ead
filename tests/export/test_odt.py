"""The plan's ODT file is a real OpenDocument text that lays out the body tables as the document draws
them: its headers in its order, each row's cells, and cells spanning rows and columns as on the page."""

import io

import pytest
from bs4 import BeautifulSoup
from exported import example_plan, yaml_items
from odf import teletype
from odf.opendocument import load
from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow
from odf.text import H
from read_back import assert_lays_out, document, downloads_of, plan_ids, plan_of
from support import PLANS

from gongkai.data.load import load_portal
from gongkai.data.translation_coverage import file_coverage
from gongkai.export.document_tables import document_tables
from gongkai.export.files import plan_downloads
from gongkai.export.tables import title_of
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


@pytest.mark.parametrize("key", plan_ids())
def test_every_odt_holds_each_languages_title_headings_and_tables_as_the_page_draws_them(key):
    """Each ODT of the demo plans and the table shapes: per language (English where the plan is translated),
    the plan's title, then each body table under its own heading, laid out as on the page."""
    plan = plan_of(key)
    langs = ["zh-TW", "en"] if file_coverage(plan.data, "plan", "en").translated else ["zh-TW"]
    expected: list[tuple[str, str]] = []
    tables = []
    for lang in langs:
        expected.append(("h1", title_of(plan, "plan", lang)))
        for n, table in enumerate(document_tables(plan, lang), start=1):
            expected += [("h2", table.heading)] if table.heading else []
            expected.append(("table", f"{lang}-{n}"))
            tables.append(table)
    body = document(downloads_of(key)["plan", "odt"].content).text
    found = [("table", node.getAttribute("name")) if node.qname[1] == "table"
             else (f"h{node.getAttribute('outlinelevel')}", teletype.extractText(node)) for node in body.childNodes]
    assert found == expected
    for written, table in zip(body.getElementsByType(Table), tables, strict=True):
        assert_lays_out(written, table)
