"""ODS downloads (OpenDocument spreadsheet): a header row of column names, then one row per item; a plan's
file has after it a sheet for each body table as the document draws it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gongkai.export.document_tables import DocumentTable
from gongkai.export.odf_files import odf_bytes
from gongkai.export.odf_tables import OdfCell, OdfTable, lines_of, odf_table
from gongkai.export.tables import Column


def _cell(value: Any, kind: str) -> OdfCell:
    """Integers are numbers (ODF's float), dates are dates, the rest text."""
    lines = lines_of(str(value))
    if kind == "integer" and value != "":
        return OdfCell(lines, "float", str(value))
    if kind == "date" and value:
        return OdfCell(lines, "date", str(value))
    return OdfCell(lines)


def ods_bytes(sheet_name: str, columns: tuple[Column, ...], rows: list[dict[str, Any]],
              tables: Sequence[DocumentTable] = ()) -> bytes:
    header = [_cell(column.name, "string") for column in columns]
    lines = [[_cell(row[column.name], column.kind) for column in columns] for row in rows]
    sheets = [OdfTable(sheet_name, [header, *lines])]
    sheets += [odf_table(f"{sheet_name}-{index}", body) for index, body in enumerate(tables, start=1)]
    return odf_bytes("ods", sheets=sheets)
