"""The rows of a body table as the document draws them: a row per leaf, or per action where each action
has a row of its own, with the cells that span several rows (a group's, a leaf's) placed in the first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.data.model import Node, action_rows
from gongkai.data.tables import Column, Table


@dataclass(frozen=True)
class BodyRow:
    leaf: Node
    # The action this row shows (a Node with is_action), or the leaf itself in a row per leaf.
    line: Node
    first: bool
    # How many rows the leaf's cells span.
    span: int
    # The groups whose cells start in this row, outermost first, each with the rows it spans.
    groups: tuple[tuple[Node, int], ...]
    # A group the document writes as a row of its own above its items (a stacked level), or None.
    heading: Node | None = None


def _lines(leaf: Node, table: Table, by_action: bool) -> list[Node]:
    return (action_rows(leaf, table) if by_action else []) or [leaf]


def body_rows(table: Table, by_action: bool) -> list[list[BodyRow]]:
    """The rows under each top item of `table` (one <tbody> each); `by_action` gives each action a row. A group
    of a stacked level is a row of its own before its items."""
    spans: dict[int, int] = {}

    def span(node: Node) -> int:
        if id(node) not in spans:
            spans[id(node)] = (sum(span(child) for child in node.children) + table.stacked(node.depth)
                               if node.children else len(_lines(node, table, by_action)))
        return spans[id(node)]

    def walk(node: Node, pending: list[Node], rows: list[BodyRow]) -> None:
        if node.children:
            if table.stacked(node.depth):
                rows.append(BodyRow(leaf=node, line=node, first=True, span=1, heading=node,
                                    groups=tuple((g, span(g)) for g in pending)))
                pending.clear()
            else:
                pending.append(node)
            for child in node.children:
                walk(child, pending, rows)
            return
        for index, line in enumerate(_lines(node, table, by_action)):
            rows.append(BodyRow(leaf=node, line=line, first=index == 0, span=span(node),
                                groups=tuple((g, span(g)) for g in pending) if index == 0 else ()))
            if index == 0:
                pending.clear()

    bodies = []
    for top in table.nodes:
        rows: list[BodyRow] = []
        walk(top, [], rows)
        bodies.append(rows)
    return bodies


def leaf_value(leaf: Node, column: Column) -> Any:
    """What the leaf itself gives for a field or cell column (None if it leaves it to its actions)."""
    if column.cell:
        return leaf.data.get("cells", {}).get(column.cell)
    if column.field == "actions":
        return None
    return leaf.data.get(column.field)


def action_value(action: dict[str, Any], column: Column) -> Any:
    if column.cell:
        return action.get("cells", {}).get(column.cell)
    if column.field == "actions":
        return action
    return action.get(column.field)


def numbered(actions: list[dict[str, Any]]) -> list[tuple[int | None, dict[str, Any]]]:
    """Each action with its number: a sentence the document leaves unnumbered (`numbered: false`) has
    none, and the actions after it go on from the last number."""
    out: list[tuple[int | None, dict[str, Any]]] = []
    number = 0
    for action in actions:
        if action.get("numbered", True):
            number += 1
            out.append((number, action))
        else:
            out.append((None, action))
    return out
