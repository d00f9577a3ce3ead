"""The tables of a plan's body as the document draws them: which columns, in which order, under which
headers, numbered in which style, and whether each action is a row of its own.

A body is one table (its `items`) or several (`tables`, each under its own sub-heading); what a table does
not say it takes from the body. A table that declares no `columns` gets the ones the portal has always
shown: a column per level of items, then the actions, outcomes, deadline and units the plan fills in.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from gongkai.i18n.numbering import level_style

# What a column can show besides the levels of items: a field of the leaves or of their actions.
FIELDS = ("actions", "outcomes", "deadline", "units", "note")
# The columns of a table that declares none, after its levels, in this order.
DEFAULT_FIELDS = ("actions", "outcomes", "deadline", "units")
# Settings a table takes from its body when it does not give its own.
INHERITED = ("columns", "numbering", "levels", "labels", "rows", "results_by", "layout")
UNNUMBERED = "none"


@dataclass(frozen=True)
class Column:
    """One header of a table. `levels` (one or more, adjacent) are levels of the item tree under one header;
    otherwise the column shows a `field` of the leaves or actions, or a named `cell` of the plan's own."""

    label: Any
    levels: tuple[int, ...] = ()
    field: str = ""
    cell: str = ""
    # Several levels in one column, as the document stacks them: each item of an upper level a row of its
    # own across the table, the last level's items in the column.
    stacked: bool = False

    @property
    def width(self) -> int:
        """How many columns of the table it takes."""
        return 1 if self.stacked or not self.levels else len(self.levels)

    @property
    def key(self) -> str:
        """What the column shows: `levels`, a field's name, or `cell:<name>`."""
        if self.levels:
            return "levels"
        return self.field or f"cell:{self.cell}"


@dataclass
class Table:
    """One table of a body: its own settings merged over the body's, and its items' tree."""

    settings: dict[str, Any]
    path: list[Any]
    nodes: list[Any] = field(default_factory=list)

    @property
    def heading(self) -> Any:
        """The table's own sub-heading; a body of one table has none (its heading is the section's)."""
        return self.settings.get("heading") if self.path else None

    @property
    def rows_are_actions(self) -> bool:
        """Each action a row of its own (`rows: actions`), rather than a numbered list in its item's row."""
        return self.settings.get("rows") == "actions"

    @property
    def results_by_action(self) -> bool:
        return self.settings.get("results_by") == "action"

    def leaves(self) -> Iterator[Any]:
        for node in self.nodes:
            yield from node.leaves()

    @property
    def depth(self) -> int:
        return max((leaf.depth for leaf in self.leaves()), default=1)

    def style(self, depth: int) -> str:
        """The numbering of the items at `depth` (1 = outermost), as the table declares it or by level."""
        declared = self.settings.get("numbering", {}).get("levels", [])
        return declared[depth - 1] if depth <= len(declared) else level_style(depth)

    def action_style(self, leaf_depth: int) -> str:
        return self.settings.get("numbering", {}).get("actions") or level_style(leaf_depth + 1)

    def stacked(self, depth: int) -> bool:
        """Whether the items at `depth` are rows of their own, stacked above the next level in its column."""
        return any(c.stacked and depth in c.levels[:-1] for c in self.columns())

    def column_of(self, depth: int) -> int:
        """The table column (from 0) that shows the items at `depth`."""
        index = 0
        for column in self.columns():
            if depth in column.levels:
                return index + (0 if column.stacked else column.levels.index(depth))
            index += column.width
        return index

    @property
    def width(self) -> int:
        return sum(column.width for column in self.columns())

    @property
    def tree_end(self) -> int:
        """The table column after the last that shows items."""
        return self.column_of(self.depth) + 1

    def outcome_style(self, leaf: Any) -> str:
        """The numbering of a leaf's expected outcomes: the leaf's own, the table's, or 1."""
        return (leaf.data.get("numbering", {}).get("outcomes")
                or self.settings.get("numbering", {}).get("outcomes") or "1.")

    def columns(self) -> list[Column]:
        return self._columns

    # A table's settings and items do not change once loaded; its columns are asked for by every row.
    @functools.cached_property
    def _columns(self) -> list[Column]:
        declared = self.settings.get("columns")
        return [_column(c) for c in declared] if declared else self._default_columns()

    def _default_columns(self) -> list[Column]:
        names = self.settings.get("levels", [])
        columns: list[Column] = []
        for level in range(1, self.depth + 1):
            label = names[level - 1] if level <= len(names) else None
            # Two levels the document names alike stand under one header, as the document draws them.
            if columns and label is not None and columns[-1].label == label:
                columns[-1] = Column(label=label, levels=(*columns[-1].levels, level))
            else:
                columns.append(Column(label=label, levels=(level,)))
        labels = self.settings.get("labels", {})
        for name in DEFAULT_FIELDS:
            if self._uses(name):
                columns.append(Column(label=labels.get(name), field=name))
        return columns

    def _uses(self, name: str) -> bool:
        return any(name in leaf.data or any(name in a for a in leaf.data.get("actions", []))
                   for leaf in self.leaves())


def _column(declared: dict[str, Any]) -> Column:
    if "levels" in declared:
        levels = tuple(declared["levels"])
    elif "level" in declared:
        levels = (declared["level"],)
    else:
        levels = ()
    return Column(label=declared["label"], levels=levels, field=declared.get("field", ""),
                  cell=declared.get("cell", ""), stacked=bool(declared.get("stacked")))


def table_settings(body: dict[str, Any]) -> list[tuple[dict[str, Any], list[Any]]]:
    """Each table of `body` with its settings (the body's, overridden by the table's) and its path in the
    body, e.g. ["tables", 1]; a body of one table has the path []."""
    if "tables" not in body:
        return [(body, [])]
    inherited = {name: body[name] for name in INHERITED if name in body}
    return [({**inherited, **table}, ["tables", index]) for index, table in enumerate(body["tables"])]
