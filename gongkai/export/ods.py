"""ODS downloads (OpenDocument spreadsheet): a header row of column names, then one row per item; a plan's
file has after it a sheet for each body table as the document draws it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from gongkai.export.document_tables import DocumentTable
from gongkai.export.odf_files import new_document, odf_bytes, odf_table
from gongkai.export.tables import Column


def _cell(value: Any, kind: str) -> TableCell:
    if kind == "integer" and value != "":
        cell = TableCell(valuetype="float", value=value)
    elif kind == "date" and value:
        cell = TableCell(valuetype="date", datevalue=value)
    else:
        cell = TableCell(valuetype="string")
    for line in str(value).split("\n") if value != "" else []:
        cell.addElement(P(text=line))
    return cell


def ods_bytes(sheet_name: str, columns: tuple[Column, ...], rows: list[dict[str, Any]],
              tables: Sequence[DocumentTable] = ()) -> bytes:
    document = new_document(OpenDocumentSpreadsheet)
    table = Table(name=sheet_name)
    header = TableRow()
    for column in columns:
        header.addElement(_cell(column.name, "string"))
    table.addElement(header)
    for row in rows:
        line = TableRow()
        for column in columns:
            line.addElement(_cell(row[column.name], column.kind))
        table.addElement(line)
    document.spreadsheet.addElement(table)
    for index, body in enumerate(tables, start=1):
        document.spreadsheet.addElement(odf_table(f"{sheet_name}-{index}", body))
    return odf_bytes(document)
