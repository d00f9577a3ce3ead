"""What changed in a plan from one year to the next: leaves added, removed and reworded, and
changes of units and deadlines. Leaves are matched by id, then by how alike their texts are."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from typing import Any

from gongkai.data.model import Node, Plan
from gongkai.i18n import text

SIMILAR = 0.6  # texts at least this alike are the same item renamed, not one removed and one added


@dataclass(frozen=True)
class Reworded:
    before: Node
    after: Node


@dataclass(frozen=True)
class FieldChange:
    before: Node
    after: Node
    old: Any
    new: Any


@dataclass
class Changes:
    previous: Plan
    current: Plan
    added: list[Node] = field(default_factory=list)
    removed: list[Node] = field(default_factory=list)
    reworded: list[Reworded] = field(default_factory=list)
    renamed: list[Reworded] = field(default_factory=list)
    units: list[FieldChange] = field(default_factory=list)
    deadlines: list[FieldChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.added, self.removed, self.reworded, self.units, self.deadlines))


def _chinese(node: Node) -> str:
    return text.plain(node.text, "zh-TW")


def _similarity(a: Node, b: Node) -> float:
    return difflib.SequenceMatcher(None, _chinese(a), _chinese(b)).ratio()


def _match(previous: list[Node], current: list[Node]) -> tuple[list[tuple[Node, Node]], list[Node], list[Node], list[Reworded]]:
    """Pairs of the same leaf in both years, then the leaves only one year has, then the id changes."""
    old_by_id = {leaf.id: leaf for leaf in previous}
    pairs = [(old_by_id[leaf.id], leaf) for leaf in current if leaf.id in old_by_id]
    paired_ids = {leaf.id for _, leaf in pairs}
    old_left = [leaf for leaf in previous if leaf.id not in paired_ids]
    new_left = [leaf for leaf in current if leaf.id not in paired_ids]
    renamed = []
    for leaf in list(new_left):
        best = max(old_left, key=lambda old: _similarity(old, leaf), default=None)
        if best is not None and _similarity(best, leaf) >= SIMILAR:
            pairs.append((best, leaf))
            renamed.append(Reworded(best, leaf))
            old_left.remove(best)
            new_left.remove(leaf)
    return pairs, new_left, old_left, renamed


def units_of(leaf: Node) -> list[Any]:
    """The leaf's units and its actions' units, each once, as written in the data."""
    units = list(leaf.data.get("units", []))
    units += [u for action in leaf.data.get("actions", []) for u in action.get("units", [])]
    unique = {text.plain(u, "zh-TW"): u for u in units}
    return [unique[name] for name in sorted(unique)]


def _unit_names(leaf: Node) -> list[str]:
    return [text.plain(u, "zh-TW") for u in units_of(leaf)]


def _deadline_moved(old: Any, new: Any, years: int) -> bool:
    """A dated deadline that moves by exactly the years between the plans has not changed."""
    if isinstance(old, str) and isinstance(new, str) and old != "ongoing" and new != "ongoing":
        before = datetime.date.fromisoformat(old)
        try:
            return before.replace(year=before.year + years) != datetime.date.fromisoformat(new)
        except ValueError:
            return True
    return old != new


def compare(previous: Plan, current: Plan) -> Changes:
    changes = Changes(previous=previous, current=current)
    pairs, changes.added, changes.removed, changes.renamed = _match(previous.leaves(), current.leaves())
    years = current.year - previous.year
    for old, new in pairs:
        if _chinese(old) != _chinese(new):
            changes.reworded.append(Reworded(old, new))
        if _unit_names(old) != _unit_names(new):
            changes.units.append(FieldChange(old, new, units_of(old), units_of(new)))
        if _deadline_moved(old.data.get("deadline"), new.data.get("deadline"), years):
            changes.deadlines.append(FieldChange(old, new, old.data.get("deadline"), new.data.get("deadline")))
    return changes


def previous_plan(plans: dict[int, Plan], year: int) -> Plan | None:
    earlier = [y for y in plans if y < year]
    return plans[max(earlier)] if earlier else None
