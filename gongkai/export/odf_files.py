"""Writing ODF documents with odfpy so that the same content always gives the same bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TypeVar

from odf.element import Element
from odf.opendocument import OpenDocument
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P

from gongkai.export.document_tables import Cell, DocumentTable
from gongkai.export.zips import fixed_zip

D = TypeVar("D", bound=OpenDocument)


def new_document(factory: Callable[[], D]) -> D:
    """A new document. odfpy keeps the namespaces it has seen in one dict shared by every document,
    and declares them all; emptying it first makes each file declare only, and always, its own."""
    Element.namespaces.clear()
    return factory()


def odf_bytes(document: OpenDocument) -> bytes:
    out = io.BytesIO()
    document.write(out)
    return fixed_zip(out.getvalue())


def odf_table(name: str, table: DocumentTable) -> Table:
    """A body table as an ODF table: the document's headers, then its rows, a cell spanning rows or columns
    followed by the covered cells ODF requires in the places it spans."""
    out = Table(name=name)
    out.addElement(TableColumn(numbercolumnsrepeated=table.width))
    header = TableRow()
    for head in table.header:
        header.addElement(_spanned(head))
        for _ in range(head.columns - 1):
            header.addElement(CoveredTableCell())
    headers = TableHeaderRows()
    headers.addElement(header)
    out.addElement(headers)
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(table.rows):
        line, c = TableRow(), 0
        cells = iter(row)
        while c < table.width:
            if covered.pop((r, c), False):
                line.addElement(CoveredTableCell())
                c += 1
                continue
            given = next(cells, None)
            if given is None:
                line.addElement(TableCell())
                c += 1
                continue
            cell = given
            line.addElement(_spanned(cell))
            for dr in range(cell.rows):
                for dc in range(cell.columns):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = True
            for _ in range(cell.columns - 1):
                covered.pop((r, c + 1), None)
                line.addElement(CoveredTableCell())
                c += 1
            c += 1
        out.addElement(line)
    return out


def _spanned(cell: Cell) -> TableCell:
    spans: dict[str, int] = {}
    if cell.rows > 1:
        spans["numberrowsspanned"] = cell.rows
    if cell.columns > 1:
        spans["numbercolumnsspanned"] = cell.columns
    element = TableCell(valuetype="string", **spans)
    for line in cell.text.split("\n") if cell.text else []:
        element.addElement(P(text=line))
    return element
