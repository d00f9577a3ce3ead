"""The ODF downloads read back with odfpy, the way an office suite reads them, and every plan whose files the
read-back tests check: the demo plans and the table shapes of tests/fixtures/shapes."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from odf import teletype
from odf.element import Element
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import OpenDocument, load
from odf.table import Table, TableHeaderRows, TableRow
from odf.text import P
from support import FIXTURES, PLANS

from gongkai.data.load import load_portal
from gongkai.data.model import Plan
from gongkai.export import Download
from gongkai.export.document_tables import DocumentTable
from gongkai.export.files import plan_downloads

PORTALS = {"plans": PLANS, "shapes": FIXTURES / "shapes"}


@functools.cache
def portal_plans(name: str) -> dict[str, Plan]:
    portal, report = load_portal(PORTALS[name])
    assert report.ok, report
    return {f"{name}/{plan.agency_id}/{plan.year}": plan for plan in portal.plans()}


def plan_ids() -> list[str]:
    return [key for name in PORTALS for key in portal_plans(name)]


def plan_of(key: str) -> Plan:
    return portal_plans(key.split("/")[0])[key]


def downloads_of(key: str) -> dict[tuple[str, str], Download]:
    """A plan's files by (part, format)."""
    return {(d.part or "", d.format): d for d in plan_downloads(plan_of(key))}


def document(content: bytes) -> OpenDocument:
    return load(io.BytesIO(content))


@dataclass(frozen=True)
class ReadCell:
    """A cell as read back; a covered cell has `covered` and nothing else."""

    text: str = ""
    value_type: str | None = None
    value: str | None = None
    rows: int = 1
    columns: int = 1
    covered: bool = False


def _attribute(element: Element, name: str) -> str | None:
    namespace = OFFICENS if name in ("value-type", "value", "date-value") else TABLENS
    return element.getAttrNS(namespace, name)


def read_rows(table: Table) -> list[list[ReadCell]]:
    """Every row of `table`, its header rows included, cell by cell."""
    rows = []
    for row in table.getElementsByType(TableRow):
        cells = []
        for cell in row.childNodes:
            if cell.qname == (TABLENS, "covered-table-cell"):
                cells.append(ReadCell(covered=True))
                continue
            assert cell.qname == (TABLENS, "table-cell"), cell.qname
            value_type = _attribute(cell, "value-type")
            cells.append(ReadCell(
                "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)), value_type,
                _attribute(cell, "date-value" if value_type == "date" else "value"),
                int(_attribute(cell, "number-rows-spanned") or 1), int(_attribute(cell, "number-columns-spanned") or 1)))
        rows.append(cells)
    return rows


def assert_lays_out(table: Table, expected: DocumentTable) -> None:
    """`table` holds `expected` as the page draws it: its header row (repeated on every page), then each row's
    cells in order, as wide and as tall as they span, ODF's covered cells exactly in the places they cover,
    every row as wide as the table, and nothing but empty cells after a row's own."""
    headers = table.getElementsByType(TableHeaderRows)
    assert len(headers) == 1 and len(headers[0].getElementsByType(TableRow)) == 1
    rows = read_rows(table)
    spanned: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        assert len(row) == expected.width, (r, row)
        for c, cell in enumerate(row):
            if not cell.covered:
                spanned |= {(r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.columns) if dr or dc}
    covered = {(r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if cell.covered}
    assert covered == spanned
    for row, given in zip(rows, [expected.header, *expected.rows], strict=True):
        own = [cell for cell in row if not cell.covered]
        assert [(c.text, c.value_type, c.rows, c.columns) for c in own[:len(given)]] \
            == [(c.text, "string", c.rows, c.columns) for c in given]
        assert own[len(given):] == [ReadCell()] * (len(own) - len(given))
