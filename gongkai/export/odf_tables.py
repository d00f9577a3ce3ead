"""Tables as the ODF templates draw them: rows of cells, each with its value type, its lines of text and its
spans, and the covered cells ODF requires in every place a spanning cell covers."""

from __future__ import annotations

from typing import NamedTuple

from gongkai.export.document_tables import Cell, DocumentTable


class OdfCell(NamedTuple):
    """One table:table-cell (or table:covered-table-cell): a text:p per line; `value` is office:value of a
    float or office:date-value of a date; a cell with no `value_type` is empty."""

    lines: tuple[str, ...] = ()
    value_type: str | None = "string"
    value: str | None = None
    rows: int = 1
    columns: int = 1
    covered: bool = False


class OdfTable(NamedTuple):
    """A table:table: `width` declares its columns, when given; with `header`, its first row is the header
    that a reader repeats on every page."""

    name: str
    rows: list[list[OdfCell]]
    width: int | None = None
    header: bool = False


COVERED = OdfCell(covered=True)
EMPTY = OdfCell(value_type=None)


def lines_of(text: str) -> tuple[str, ...]:
    """A cell's paragraphs: one per line, none for no text."""
    return tuple(text.split("\n")) if text else ()


def odf_table(name: str, table: DocumentTable) -> OdfTable:
    """A body table as an ODF table: the document's headers, then its rows, a cell spanning rows or columns
    followed by the covered cells ODF requires in the places it spans."""
    header: list[OdfCell] = []
    for head in table.header:
        header.append(_spanned(head))
        header += [COVERED] * (head.columns - 1)
    covered: set[tuple[int, int]] = set()
    rows = [header]
    for r, row in enumerate(table.rows):
        line: list[OdfCell] = []
        cells, c = iter(row), 0
        while c < table.width:
            if (r, c) in covered:
                covered.discard((r, c))
                line.append(COVERED)
                c += 1
                continue
            cell = next(cells, None)
            if cell is None:
                line.append(EMPTY)
                c += 1
                continue
            line.append(_spanned(cell))
            covered.update((r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.columns) if dr or dc)
            for _ in range(cell.columns - 1):
                covered.discard((r, c + 1))
                line.append(COVERED)
                c += 1
            c += 1
        rows.append(line)
    return OdfTable(name, rows, table.width, header=True)


def _spanned(cell: Cell) -> OdfCell:
    return OdfCell(lines_of(cell.text), rows=cell.rows, columns=cell.columns)
