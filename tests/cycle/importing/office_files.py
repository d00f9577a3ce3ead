"""Writing an outline back out as a real .docx or .odt, with real tables whose empty cells under a
filled one are merged into it, as Word and LibreOffice files have them."""

from __future__ import annotations

from pathlib import Path

from gongkai.cycle.importing.outline import Cell, Outline, Paragraph, Table


def typed(paragraph: Paragraph) -> str:
    """The paragraph as it was typed: its numbering, then its text with the spaces it had."""
    return f"{paragraph.marker.typed}{paragraph.raw}" if paragraph.marker else paragraph.raw


def spans(table: Table) -> dict[tuple[int, int], int]:
    """For each cell that empty cells below continue, how many rows it spans (never the header)."""
    width = max(len(row) for row in table.rows)
    grid = [row + [Cell() for _ in range(width - len(row))] for row in table.rows]
    found: dict[tuple[int, int], int] = {}
    for column in range(width):
        top = None
        for r in range(1, len(grid)):
            if grid[r][column].empty and top is not None and r > 1:
                found[top] = found.get(top, 1) + 1
            else:
                top = (r, column)
    return found


def write_docx(outline: Outline, path: Path) -> None:
    import docx

    document = docx.Document()
    for block in outline.blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(typed(block))
            continue
        width = max(len(row) for row in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                target = table.cell(r, c)
                for index, paragraph in enumerate(cell.paragraphs):
                    if index == 0:
                        target.paragraphs[0].text = typed(paragraph)
                    else:
                        target.add_paragraph(typed(paragraph))
        for (r, c), rows in spans(block).items():
            table.cell(r, c).merge(table.cell(r + rows - 1, c))
    document.save(str(path))


def write_odt(outline: Outline, path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import CoveredTableCell, TableCell, TableColumn, TableRow
    from odf.table import Table as OdfTable
    from odf.text import P

    document = OpenDocumentText()
    for block in outline.blocks:
        if isinstance(block, Paragraph):
            document.text.addElement(P(text=typed(block)))
            continue
        width = max(len(row) for row in block.rows)
        spanned = spans(block)
        covered = {(r + k, c) for (r, c), n in spanned.items() for k in range(1, n)}
        table = OdfTable(name=f"Table{block.number}")
        table.addElement(TableColumn(numbercolumnsrepeated=width))
        for r, row in enumerate(block.rows):
            line = TableRow()
            for c in range(width):
                if (r, c) in covered:
                    line.addElement(CoveredTableCell())
                    continue
                cell = TableCell(numberrowsspanned=spanned[(r, c)]) if (r, c) in spanned else TableCell()
                for paragraph in (row[c].paragraphs if c < len(row) else []):
                    cell.addElement(P(text=typed(paragraph)))
                line.addElement(cell)
            table.addElement(line)
        document.text.addElement(table)
    document.save(str(path))
