"""The body tables as the document draws them, in plain text for the downloads: the declared headers in
their order (one over several levels where the document has one), then each row's cells, a cell that
spans rows given once with its span. The ODT and ODS files lay these out as real tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.data.model import Node, Plan
from gongkai.data.table_rows import BodyRow, action_value, body_rows, leaf_value, numbered
from gongkai.data.tables import Column, Table
from gongkai.i18n import dates, numbering, text
from gongkai.i18n.catalogue import ui

LINE = "\n"


@dataclass(frozen=True)
class Cell:
    text: str
    rows: int = 1
    columns: int = 1
    header: bool = False


@dataclass(frozen=True)
class DocumentTable:
    heading: str
    header: list[Cell]
    rows: list[list[Cell]]

    @property
    def width(self) -> int:
        return sum(cell.columns for cell in self.header)


def document_tables(plan: Plan, lang: str) -> list[DocumentTable]:
    """Every body table of `plan` in `lang` (texts without a translation stay in Chinese)."""
    out = []
    for table in plan.tables:
        columns = table.columns()
        header = [Cell(_label(column, lang), columns=column.width, header=True) for column in columns]
        # The tree's end, found once: the table finds it by walking every leaf.
        tree_end = table.tree_end
        rows = [_row(row, table, columns, tree_end, lang)
                for group in body_rows(table, table.rows_are_actions) for row in group]
        out.append(DocumentTable(text.plain(table.heading, lang) if table.heading else "", header, rows))
    return out


def _label(column: Column, lang: str) -> str:
    if column.label is not None:
        return text.plain(column.label, lang)
    return ui("level", lang, n=column.levels[0]) if column.levels else ui(column.field, lang)


def _row(row: BodyRow, table: Table, columns: list[Column], tree_end: int, lang: str) -> list[Cell]:
    if row.heading is not None:
        # A group the document writes as a row of its own, across the table from its column.
        groups = [Cell(_number(g, lang) + text.plain(g.text, lang), rows=span, header=True) for g, span in row.groups]
        heading = row.heading
        return [Cell("")] * table.column_of(1) + groups + [
            Cell(_number(heading, lang) + text.plain(heading.text, lang),
                 columns=table.width - table.column_of(heading.depth), header=True)]
    cells: list[Cell] = []
    for column in columns:
        if column.levels:
            if column.levels[0] == 1 and row.first:
                cells += _tree_cells(row, table, tree_end, lang)
            continue
        own = leaf_value(row.leaf, column)
        if row.line.is_action and own is None:
            value = action_value(row.line.data, column)
            prefix = _number(row.line, lang) if column.field == "actions" else ""
            cells.append(Cell(prefix + _value(column.field, value, lang) if value else ""))
        elif row.first:
            if own is not None:
                content = _value(column.field, own, lang)
            else:
                content = _per_action(row.leaf, table, column, lang)
            cells.append(Cell(content, rows=row.span))
    return cells


def _tree_cells(row: BodyRow, table: Table, tree_end: int, lang: str) -> list[Cell]:
    cells = [Cell(_number(group, lang) + text.plain(group.text, lang), rows=span, header=True)
             for group, span in row.groups]
    leaf = row.leaf
    cells.append(Cell(_number(leaf, lang) + text.plain(leaf.text, lang), rows=row.span,
                      columns=tree_end - table.column_of(leaf.depth), header=True))
    return cells


def _number(node: Node, lang: str) -> str:
    n = node.position[-1]
    return numbering.marker(node.style or numbering.level_style(node.depth), n, lang) if n else ""


def _per_action(leaf: Node, table: Table, column: Column, lang: str) -> str:
    """A leaf's actions (or their values of the column) as numbered lines, in one cell."""
    style = table.action_style(leaf.depth)
    lines = []
    for n, action in numbered(leaf.data.get("actions", [])):
        value = action_value(action, column)
        if value:
            lines.append((numbering.marker(style, n, lang) if n else "") + _value(column.field, value, lang))
    return LINE.join(lines)


def _value(field: str, value: Any, lang: str) -> str:
    if field == "units":
        return ui("list_separator", lang).join(text.plain(unit, lang) for unit in value)
    if field == "deadline":
        return dates.format_deadline(value, lang)
    if field == "outcomes":
        return LINE.join(text.plain(outcome, lang) for outcome in value)
    if field == "actions":
        title = f"{text.plain(value['title'], lang)} " if value.get("title") else ""
        return title + text.plain(value["text"], lang)
    return text.plain(value, lang)
