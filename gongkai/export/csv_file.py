"""CSV downloads: UTF-8 with a byte-order mark, so Excel reads the Chinese correctly; CRLF line ends (RFC 4180)."""

from __future__ import annotations

import csv
import io
from typing import Any

from gongkai.export.tables import Column

BOM = "\ufeff"


def csv_bytes(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([row[c.name] for c in columns])
    return (BOM + out.getvalue()).encode("utf-8")
