"""The portal's data once loaded and checked: agencies, their plans, and the plans' results.

Text fields keep the shape they have in YAML (a string, or a {zh-TW, en} mapping); the
`text` module reads them in either language.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.data.tables import Table, table_settings

STATUSES = ("completed", "in-progress", "ongoing", "not-started", "not-achieved", "not-reported")
# A plan's `state`: a draft is not published; a plan without `state` is approved.
DRAFT, APPROVED = "draft", "approved"
LEAF_FIELDS = ("actions", "units", "deadline", "outcomes", "targets", "frequency")


# Compared by identity: a node belongs to one tree, with its parent and table.
@dataclass(eq=False)
class Node:
    """An item of a plan's body: a group when it has children, a leaf otherwise."""

    data: dict[str, Any]
    depth: int
    position: tuple[int, ...]
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    # The numbering style of this item (一、, (一), …) as its table declares it; the default is by depth.
    style: str = ""
    # An action reported on by itself (the table's `results_by: action`): a row of the results, not an item.
    is_action: bool = False
    table: Table | None = None

    @property
    def id(self) -> str | None:
        return self.data.get("id")

    @property
    def leaf_id(self) -> str:
        """The id of a last-level item, which the checks require every leaf to have."""
        return str(self.data["id"])

    @property
    def text(self) -> Any:
        return self.data["text"]

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def ancestors(self) -> list[Node]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.walk() if node.is_leaf)


def build_nodes(items: list[dict[str, Any]], depth: int = 1, prefix: tuple[int, ...] = (),
                parent: Node | None = None, table: Table | None = None) -> list[Node]:
    nodes = []
    for index, item in enumerate(items, start=1):
        node = Node(data=item, depth=depth, position=(*prefix, index), parent=parent,
                    style=table.style(depth) if table else "", table=table)
        node.children = build_nodes(item.get("items", []), depth + 1, node.position, node, table)
        nodes.append(node)
    return nodes


def build_tables(body: dict[str, Any]) -> list[Table]:
    """The tables of a body with their item trees, numbered in each table's own styles."""
    tables = []
    for settings, path in table_settings(body):
        table = Table(settings=settings, path=path)
        table.nodes = build_nodes(settings.get("items", []), table=table)
        tables.append(table)
    return tables


def action_rows(leaf: Node, table: Table) -> list[Node]:
    """The actions of a leaf as rows of the results (a table with `results_by: action`): each numbered
    after its item, in the table's style for actions, and reported on under its own id."""
    style = table.action_style(leaf.depth)
    rows, number = [], 0
    for action in leaf.data.get("actions", []):
        if action.get("numbered", True):
            number += 1
        rows.append(Node(data=action, depth=leaf.depth + 1, position=(*leaf.position, number), parent=leaf,
                         style=style, is_action=True, table=table))
    return rows


def reported_rows(table: Table) -> list[Node]:
    """What a table's results report on: its leaves, or with `results_by: action` each leaf's actions (a leaf
    without actions stays a row of its own)."""
    rows = []
    for leaf in table.leaves():
        # A sentence the document leaves unnumbered leads into the actions: nothing to report on.
        actions = [a for a in action_rows(leaf, table) if a.data.get("numbered", True)] \
            if table.results_by_action else []
        rows.extend(actions or [leaf])
    return rows


@dataclass
class Results:
    """The execution results (執行成效) of one plan, keyed by leaf id."""

    data: dict[str, Any]
    path: Path
    updated: datetime.date | None = None

    def entry(self, leaf_id: str) -> dict[str, Any] | None:
        return self.data["results"].get(leaf_id)

    def status(self, leaf_id: str) -> str:
        entry = self.entry(leaf_id)
        return entry["status"] if entry else "not-reported"

    def reported_on(self, leaf_id: str) -> str | None:
        entry = self.entry(leaf_id) or {}
        return entry.get("reported") or self.data.get("reported")


@dataclass
class Plan:
    agency_id: str
    year: int
    data: dict[str, Any]
    path: Path
    updated: datetime.date | None = None
    results: Results | None = None

    @property
    def title(self) -> Any:
        return self.data["title"]

    @property
    def draft(self) -> bool:
        """A draft (`state: draft`) is not published: only a preview build shows it."""
        return self.data.get("state") == DRAFT

    @property
    def sections(self) -> list[dict[str, Any]]:
        return self.data["sections"]

    @property
    def annexes(self) -> list[dict[str, Any]]:
        return self.data.get("annexes", [])

    @property
    def body(self) -> dict[str, Any]:
        return next(s for s in self.sections if s["kind"] == "body")

    # A plan's data does not change once loaded, so its tables and item trees are built once.
    @functools.cached_property
    def tables(self) -> list[Table]:
        return build_tables(self.body)

    @functools.cached_property
    def nodes(self) -> list[Node]:
        """The top items of every table of the body, in order."""
        return [node for table in self.tables for node in table.nodes]

    @functools.cached_property
    def _leaves(self) -> list[Node]:
        return [leaf for node in self.nodes for leaf in node.leaves()]

    def leaves(self) -> list[Node]:
        return self._leaves

    @functools.cached_property
    def _rows(self) -> list[Node]:
        return [row for table in self.tables for row in reported_rows(table)]

    def rows(self) -> list[Node]:
        """What the results report on, in order: the leaves, or the actions of a table with
        `results_by: action` (a leaf without actions stays a row of its own)."""
        return self._rows

    def history(self, event: str) -> list[dict[str, Any]]:
        return [h for h in self.data.get("history", []) if h["event"] == event]


@dataclass
class Agency:
    id: str
    data: dict[str, Any]
    path: Path
    plans: dict[int, Plan] = field(default_factory=dict)

    @property
    def name(self) -> Any:
        return self.data["name"]

    @property
    def fictional(self) -> bool:
        return bool(self.data.get("fictional"))

    def years(self) -> list[int]:
        return sorted(self.plans, reverse=True)

    def latest_plan(self) -> Plan | None:
        years = self.years()
        return self.plans[years[0]] if years else None

    def latest_results(self) -> Plan | None:
        return next((self.plans[y] for y in self.years() if self.plans[y].results), None)


@dataclass
class Portal:
    agencies: dict[str, Agency]

    def plans(self) -> Iterator[Plan]:
        for agency in self.agencies.values():
            for year in sorted(agency.plans):
                yield agency.plans[year]

    def published(self) -> Portal:
        """The portal as published: without draft plans, nor the agencies whose every plan is a draft (an
        agency with no plan at all stays, as it always has)."""
        agencies = {}
        for key, agency in self.agencies.items():
            plans = {year: plan for year, plan in agency.plans.items() if not plan.draft}
            if plans or not agency.plans:
                agencies[key] = dataclasses.replace(agency, plans=plans)
        return Portal(agencies=agencies)
