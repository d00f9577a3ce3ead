"""What changed in a plan from one year to the next: leaves added, removed and reworded, changes of
their units and deadlines and of their other columns (outcomes, notes, the plan's own cells), and within
each leaf its actions (具體作法) added, removed and reworded, and changes of each action's units, deadline
and other columns. Leaves are matched by id, then by how alike their texts
are; a leaf's actions by their texts, the same first, then the most alike."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from typing import Any

from gongkai.data.model import Node, Plan
from gongkai.i18n import dates, numbering, text
from gongkai.i18n.catalogue import ui

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
    # For a change of another column: what the column shows (outcomes, note, cell:<name>) and its header.
    field: str = ""
    label: Any = None


@dataclass(frozen=True)
class ActionChange:
    """A change in one of a leaf's actions: `kind` is added, removed, reworded, units, deadline or detail (another
    column: `field` says which, `label` is its header).

    `before` and `after` are the leaf in each year; the positions (from 1) are the action's among the
    leaf's actions in each year, None where the action is not in that year. `old` and `new` are the
    action itself (added, removed, reworded), or its units or deadline."""

    kind: str
    before: Node
    after: Node
    old_position: int | None
    new_position: int | None
    old: Any = None
    new: Any = None
    field: str = ""
    label: Any = None


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
    actions: list[ActionChange] = field(default_factory=list)
    details: list[FieldChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.added, self.removed, self.reworded, self.units, self.deadlines, self.actions, self.details))

    def actions_by_leaf(self) -> list[list[ActionChange]]:
        """The action changes, one list per leaf, in the order of the later plan."""
        groups: dict[int, list[ActionChange]] = {}
        for change in self.actions:
            groups.setdefault(id(change.after), []).append(change)
        return list(groups.values())


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


def units_of(holder: dict[str, Any]) -> list[Any]:
    """The units of a leaf or an action (not those of the leaf's actions: each action's are its own), each
    once, as written in the data."""
    unique = {text.plain(u, "zh-TW"): u for u in holder.get("units", [])}
    return [unique[name] for name in sorted(unique)]


def _unit_names(holder: dict[str, Any]) -> list[str]:
    return [text.plain(u, "zh-TW") for u in units_of(holder)]


def action_words(action: dict[str, Any], lang: str) -> str:
    """An action's words as the page shows them: its title, if it has one, then its text."""
    title = text.plain(action["title"], lang) if "title" in action else ""
    return f"{title} {text.plain(action['text'], lang)}".strip()


def action_marker(change: ActionChange, lang: str) -> str:
    """The action's number as the page numbers it under its leaf, (一), 1. …, in the year that has it."""
    leaf, position = (change.after, change.new_position) if change.new_position else (change.before, change.old_position)
    return numbering.marker(numbering.level_style(leaf.depth + 1), position or 0, lang)


def _action_pairs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of positions (from 0) of the same action in both years, then the positions only the later and
    only the earlier year has. The same words pair first, in order; then the most alike, if alike enough."""
    words_old = [action_words(a, "zh-TW") for a in old]
    words_new = [action_words(a, "zh-TW") for a in new]
    left_old, left_new = list(range(len(old))), list(range(len(new)))
    pairs = []
    for j in list(left_new):
        same = next((i for i in left_old if words_old[i] == words_new[j]), None)
        if same is not None:
            pairs.append((same, j))
            left_old.remove(same)
            left_new.remove(j)
    alike = sorted(((difflib.SequenceMatcher(None, words_old[i], words_new[j]).ratio(), i, j)
                    for i in left_old for j in left_new), reverse=True)
    for ratio, i, j in alike:
        if ratio >= SIMILAR and i in left_old and j in left_new:
            pairs.append((i, j))
            left_old.remove(i)
            left_new.remove(j)
    return sorted(pairs, key=lambda pair: pair[1]), left_new, left_old


def _action_changes(before: Node, after: Node, years: int) -> list[ActionChange]:
    old, new = before.data.get("actions", []), after.data.get("actions", [])
    pairs, added, removed = _action_pairs(old, new)
    changes = [ActionChange("removed", before, after, i + 1, None, old=old[i]) for i in removed]
    for i, j in pairs:
        a, b = old[i], new[j]
        if action_words(a, "zh-TW") != action_words(b, "zh-TW"):
            changes.append(ActionChange("reworded", before, after, i + 1, j + 1, a, b))
        if _unit_names(a) != _unit_names(b):
            changes.append(ActionChange("units", before, after, i + 1, j + 1, units_of(a), units_of(b)))
        if _deadline_moved(a.get("deadline"), b.get("deadline"), years):
            changes.append(ActionChange("deadline", before, after, i + 1, j + 1, a.get("deadline"), b.get("deadline")))
        changes += [ActionChange("detail", before, after, i + 1, j + 1, old_value, new_value, name, label)
                    for name, label, old_value, new_value in _detail_changes(a, b, after)]
    changes += [ActionChange("added", before, after, None, j + 1, new=new[j]) for j in added]
    order = {"removed": 0, "added": 1, "reworded": 2, "units": 3, "deadline": 4, "detail": 5}
    return sorted(changes, key=lambda c: (c.new_position or c.old_position or 0, order[c.kind]))


# The columns besides units and deadline whose changes are reported, and the interface's names for them.
DETAIL_FIELDS = ("outcomes", "note")


def _details(data: dict[str, Any]) -> dict[str, Any]:
    """An item's or action's outcomes, note and cells of the plan's own columns, in Chinese, by column."""
    found = {name: data[name] for name in DETAIL_FIELDS if name in data}
    found.update({f"cell:{name}": value for name, value in data.get("cells", {}).items()})
    return found


def _plain(value: Any) -> Any:
    return [text.plain(v, "zh-TW") for v in value] if isinstance(value, list) else text.plain(value, "zh-TW")


def _detail_changes(old: dict[str, Any], new: dict[str, Any], leaf: Node) -> list[tuple[str, Any, Any, Any]]:
    """(column, header, before, after) of each other column whose Chinese words changed."""
    before, after = _details(old), _details(new)
    labels = {column.key: column.label for column in leaf.table.columns()} if leaf.table else {}
    return [(name, labels.get(name), before.get(name), after.get(name))
            for name in [*after, *(n for n in before if n not in after)]
            if _plain(before.get(name)) != _plain(after.get(name))]


def _deadline_meaning(deadline: Any) -> tuple[str, Any]:
    """What a deadline means, however the document words it: a date, ongoing, a day every year, or only words
    (as_written without a date). A deadline as written (98.12.31) means its date."""
    if isinstance(deadline, dict):
        for key in ("date", "every_year", "ongoing"):
            if key in deadline:
                return key, deadline[key]
        return "as_written", deadline.get("as_written")
    if deadline == "ongoing":
        return "ongoing", True
    return ("date", deadline) if isinstance(deadline, str) else ("none", None)


def _deadline_moved(old: Any, new: Any, years: int) -> bool:
    """Whether a deadline changed. A dated deadline that moves by exactly the years between the plans has not,
    whether given as a date or as written (98.12.31 in one year, 99.12.31 in the next)."""
    (old_kind, old_value), (new_kind, new_value) = _deadline_meaning(old), _deadline_meaning(new)
    if old_kind == new_kind == "date":
        before = datetime.date.fromisoformat(old_value)
        try:
            return before.replace(year=before.year + years) != datetime.date.fromisoformat(new_value)
        except ValueError:
            return True
    return (old_kind, old_value) != (new_kind, new_value)


def compare(previous: Plan, current: Plan) -> Changes:
    changes = Changes(previous=previous, current=current)
    pairs, changes.added, changes.removed, changes.renamed = _match(previous.leaves(), current.leaves())
    years = current.year - previous.year
    for old, new in pairs:
        if _chinese(old) != _chinese(new):
            changes.reworded.append(Reworded(old, new))
        if _unit_names(old.data) != _unit_names(new.data):
            changes.units.append(FieldChange(old, new, units_of(old.data), units_of(new.data)))
        if _deadline_moved(old.data.get("deadline"), new.data.get("deadline"), years):
            changes.deadlines.append(FieldChange(old, new, old.data.get("deadline"), new.data.get("deadline")))
        changes.details += [FieldChange(old, new, before, after, name, label)
                            for name, label, before, after in _detail_changes(old.data, new.data, new)]
        changes.actions.extend(_action_changes(old, new, years))
    return changes


def previous_plan(plans: dict[int, Plan], year: int) -> Plan | None:
    earlier = [y for y in plans if y < year]
    return plans[max(earlier)] if earlier else None


def changed_value(field: str, value: Any, lang: str) -> str:
    """A leaf's or action's units, deadline or other column, before or after the change."""
    if value is None or value == []:
        return ui("none_given", lang)
    if field == "deadline":
        return dates.format_deadline(value, lang)
    if field == "units":
        return ui("list_separator", lang).join(text.plain(unit, lang) for unit in value)
    values = value if isinstance(value, list) else [value]
    return ui("semicolon", lang).join(text.plain(v, lang) for v in values)


def detail_label(change: FieldChange | ActionChange, lang: str) -> str:
    """The header of the column a change is in, as the plan words it, or the interface's name for it."""
    if change.label is not None:
        return text.plain(change.label, lang)
    return ui(change.field, lang) if change.field in ("outcomes", "note") else change.field.removeprefix("cell:")
