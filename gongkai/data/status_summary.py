"""Counting results by status: per top-level item and for the whole plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gongkai.data.model import STATUSES, Node, Plan


@dataclass(frozen=True)
class Tally:
    """Status counts of what a plan's results report on (its leaves, or its actions)."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def completed(self) -> int:
        return self.counts.get("completed", 0)

    @property
    def reported(self) -> int:
        return self.total - self.counts.get("not-reported", 0)

    @property
    def share_completed(self) -> float:
        return self.completed / self.total if self.total else 0.0


def tally(plan: Plan, rows: list[Node]) -> Tally:
    """The status counts of `rows`: leaves, or actions where the results report on each action."""
    counter: Counter[str] = Counter(
        plan.results.status(row.leaf_id) if plan.results else "not-reported" for row in rows
    )
    return Tally({status: counter.get(status, 0) for status in STATUSES})


def by_top_item(plan: Plan) -> list[tuple[Node, Tally]]:
    return [(node, tally(plan, [row for row in plan.rows() if row is node or node in row.ancestors()]))
            for node in plan.nodes]


def overall(plan: Plan) -> Tally:
    return tally(plan, plan.rows())


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"
