"""Counting results by status: per top-level item and for the whole plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gongkai.data.model import STATUSES, Node, Plan


@dataclass(frozen=True)
class Tally:
    """Status counts of a set of leaves."""

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


def tally(plan: Plan, leaves: list[Node]) -> Tally:
    counter: Counter[str] = Counter(
        plan.results.status(leaf.leaf_id) if plan.results else "not-reported" for leaf in leaves
    )
    return Tally({status: counter.get(status, 0) for status in STATUSES})


def by_top_item(plan: Plan) -> list[tuple[Node, Tally]]:
    return [(node, tally(plan, list(node.leaves()))) for node in plan.nodes]


def overall(plan: Plan) -> Tally:
    return tally(plan, plan.leaves())


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"
