"""CSV downloads: UTF-8 with a byte-order mark, so Excel reads the Chinese correctly; CRLF line ends (RFC 4180).

A text cell that begins with =, +, -, @, a tab or a carriage return is written with an apostrophe in
front, as OWASP advises against CSV injection: a spreadsheet program shows it as text instead of
running it as a formula. Number columns are written as numbers, unchanged. The JSON and ODS files
carry each value as it is."""

from __future__ import annotations

import csv
import io
from typing import Any

from gongkai.export.tables import Column

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any, column: Column) -> Any:
    """`value` as a CSV cell of `column`: text that a spreadsheet would take for a formula starts with '."""
    if column.kind != "integer" and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([neutralised(row[c.name], c) for c in columns])
    return (BOM + out.getvalue()).encode("utf-8")
