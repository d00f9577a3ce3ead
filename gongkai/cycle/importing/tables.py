"""The tree a plan's table holds, read out of its rows and cells.

The header row names the levels and binds the other columns by their words (執行單位 → units, 完成期限
→ deadline, 預期效益 → outcomes). Merged cells and a first column repeated from the row above continue
the item above; numbering inside a column (一、 then (一)) gives further levels; a column whose cells hold
numbered lists holds the actions. A table continued over a page break is joined: a repeated header row
is dropped, and a row cut in two (its first cells empty, or a cell going on without a number) continues
the item and the list it cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.cycle.importing.outline import (
    FINAL,
    STYLE_ORDER,
    Cell,
    Entry,
    Marker,
    Paragraph,
    Source,
    Table,
    clean,
    entries,
    join_lines,
)
from gongkai.data.problems import Bilingual

UNITS, DEADLINE, OUTCOMES, ACTIONS = "units", "deadline", "outcomes", "actions"
ROLE_WORDS = (
    (UNITS, ("執行單位", "承辦單位", "主辦單位", "業務單位", "執行機關", "協辦單位", "負責單位", "辦理單位", "權責單位", "承辦", "單位")),
    (DEADLINE, ("完成期限", "期程", "期限", "完成時間", "完成日期", "辦理時間", "預定完成")),
    (OUTCOMES, ("預期效益", "預期目標", "預期成效", "效益", "績效指標", "衡量指標")),
)
PLAIN = "plain"
_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,14}) +([\u4e00-\u9fff].{9,})$")


@dataclass(eq=False)
class Action:
    text: str
    sources: list[Source]
    title: str | None = None
    units: list[str] = field(default_factory=list)
    marker: Marker | None = None

    @property
    def numbered(self) -> bool:
        return self.marker is not None


@dataclass(eq=False)
class TreeNode:
    """An item of the table's tree, with what its row's other columns give it."""

    text: str
    sources: list[Source]
    depth: int
    column: int
    rank: int = 0
    numbered: bool = False
    children: list[TreeNode] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    unit_groups: list[list[str]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: str | None = None
    outcomes: list[Entry] = field(default_factory=list)
    checks: list[Bilingual] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class TableTree:
    """What a table says: the names of its levels, the columns bound to roles, and its items."""

    levels: list[str]
    labels: dict[str, str]
    roots: list[TreeNode]
    checks: list[Bilingual] = field(default_factory=list)


def _words(cell: Cell) -> str:
    return re.sub(r"\s+", "", cell.text)


def _resolved(rows: list[list[Cell]], r: int, c: int) -> Cell:
    cell = rows[r][c]
    seen = 0
    while cell.merged_from is not None and seen < 1000:
        rr, cc = cell.merged_from
        if (rr, cc) == (r, c) or rr >= len(rows) or cc >= len(rows[rr]):
            break
        r, c, cell = rr, cc, rows[rr][cc]
        seen += 1
    return cell


def role_of(label: str) -> str | None:
    for role, words in ROLE_WORDS:
        if any(word in label for word in words):
            return role
    return None


def _is_header_repeat(row: list[str], header: list[str]) -> bool:
    def squeezed(values: list[str]) -> list[str]:
        out: list[str] = []
        for value in values:
            if value and (not out or out[-1] != value):
                out.append(value)
        return out
    return bool(squeezed(row)) and squeezed(row) == squeezed(header)


def _unit_tokens(paragraph: Paragraph) -> list[str]:
    tokens = paragraph.raw.split() if paragraph.raw else paragraph.text.split()
    if len(tokens) > 1 and all(len(t) >= 2 for t in tokens):
        return [clean(t) for t in tokens]
    return [paragraph.text] if paragraph.text else []


def _unit_groups(cell: Cell) -> list[list[str]]:
    paragraphs = [p for p in cell.paragraphs if p.text]
    if len(paragraphs) > 1:
        return [tokens for tokens in (_unit_tokens(p) for p in paragraphs) if tokens]
    return [[token] for token in _unit_tokens(paragraphs[0])] if paragraphs else []


def _action(entry: Entry) -> Action:
    title = None
    text = entry.text
    match = _TITLE.match(entry.raw.strip()) if entry.marker is not None and len(entry.sources) == 1 else None
    if match and not re.search(r"[，。、；：:,;]", match.group(1)):
        title, text = match.group(1), clean(match.group(2))
    return Action(text=text, sources=list(entry.sources), title=title, marker=entry.marker)


def _rank(column: int, style: str) -> int:
    return column * 10 + (0 if style == PLAIN else 1 + STYLE_ORDER.index(style))


def _header_labels(rows: list[list[Cell]], width: int) -> list[str]:
    """The header's label of each column; a header cell spanning columns whose merge was lost in a
    copied text (fewer labels than columns holding data) is spread over the columns before the first
    column bound to a role."""
    header = [_words(_resolved(rows, 0, c)) for c in range(width)]
    data_columns = [c for c in range(width) if any(not rows[r][c].empty for r in range(1, len(rows)))]
    labels = [label for label in header if label]
    if len({c for c in range(width) if header[c]} | set(data_columns)) == width and all(header[c] for c in data_columns):
        return header
    if len(labels) < len(data_columns):
        first_role = next((i for i, label in enumerate(labels) if role_of(label)), len(labels))
        spread = labels[max(first_role - 1, 0)] if labels else ""
        labels[first_role:first_role] = [spread] * (len(data_columns) - len(labels))
    out = [""] * width
    for column, label in zip(data_columns, labels):
        out[column] = label
    return out


def read_tree(table: Table) -> TableTree | None:
    """The tree of a plan table; None for a table that is not one (no header and item column)."""
    rows = [row for row in table.rows if any(not cell.empty for cell in row)]
    if len(rows) < 2:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [Cell() for _ in range(width - len(row))] for row in rows]
    header_words = [_words(_resolved(rows, 0, c)) for c in range(width)]
    kept = [rows[0]]
    for row in rows[1:]:
        words = [_words(_resolved([*kept, row], len(kept), c)) if row[c].merged_from is None else "" for c in range(width)]
        if _is_header_repeat(words, header_words):
            for cell in row:
                for paragraph in cell.paragraphs:
                    paragraph.source.placed = True
            continue
        kept.append(row)
    rows = kept
    labels = _header_labels(rows, width)
    roles = {c: role_of(labels[c]) for c in range(width) if labels[c]}
    content = [c for c in range(width) if labels[c] and roles.get(c) is None]
    if not content:
        return None
    actions_column = _actions_column(rows, content)
    tree_columns = [c for c in content if c != actions_column]
    for paragraph in (p for cell in rows[0] for p in cell.paragraphs):
        paragraph.source.placed = True
    result = TableTree(levels=[], labels={}, roots=[])
    if actions_column is not None:
        result.labels[ACTIONS] = labels[actions_column]
    for column, role in roles.items():
        if role and role not in result.labels:
            result.labels[role] = labels[column]
    _build(rows, tree_columns, actions_column, roles, labels, result)
    return result


def _fresh(cell: Cell) -> bool:
    """A cell with text of its own (not empty, not merged into another)."""
    return cell.merged_from is None and not cell.empty


def _actions_column(rows: list[list[Cell]], content: list[int]) -> int | None:
    if len(content) < 2:
        return None
    last = content[-1]
    cells = [row[last] for row in rows[1:] if _fresh(row[last])]
    if any(sum(1 for e in entries(cell.paragraphs) if e.marker) >= 2 for cell in cells):
        return last
    earlier = content[:-1]
    with_new = sum(1 for row in rows[1:] if _fresh(row[last]) and any(_fresh(row[c]) for c in earlier))
    return last if cells and with_new >= 0.9 * len(cells) else None


def _build(rows: list[list[Cell]], tree_columns: list[int], actions_column: int | None,
           roles: dict[int, str | None], labels: list[str], result: TableTree) -> None:
    stack: list[TreeNode] = []
    last_in_column: dict[int, TreeNode] = {}
    previous_text: dict[int, str] = {}
    for r in range(1, len(rows)):
        row = rows[r]
        target: TreeNode | None = None
        continuing = True
        earlier_empty = True
        for position, column in enumerate(tree_columns):
            cell = row[column]
            text = _words(cell)
            if cell.merged_from is not None or not text:
                continue
            if previous_text.get(column) == text and earlier_empty and cell.merged_from is None and r > 1:
                # The same text as the row above: a merged cell copied into every row it spans.
                for p in cell.paragraphs:
                    p.source.placed = True
                target = last_in_column.get(column, target)
                continue
            previous_text[column] = text
            for later in tree_columns[position + 1:]:
                previous_text.pop(later, None)
            found = entries(cell.paragraphs)
            if (found and found[0].marker is None and earlier_empty and column in last_in_column
                    and last_in_column[column].numbered and len(found) == 1):
                node = last_in_column[column]
                node.text = join_lines([node.text, found[0].text])
                node.sources += found[0].sources
                node.checks.append(Bilingual("這一項的文字跨頁接續，已合併", "this item's text ran on over a break and was joined"))
                found[0].place()
                target = node
                continue
            earlier_empty = False
            continuing = False
            for entry in found:
                style = entry.marker.style if entry.marker else PLAIN
                rank = _rank(position, style)
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                node = TreeNode(text=entry.text.rstrip("：:") if entry.marker is None else entry.text,
                                sources=list(entry.sources), depth=len(stack) + 1, column=column, rank=rank,
                                numbered=entry.marker is not None)
                entry.place()
                (stack[-1].children if stack else result.roots).append(node)
                stack.append(node)
                last_in_column[column] = node
                while len(result.levels) < node.depth:
                    result.levels.append(labels[column])
                target = node
        if target is None:
            target = stack[-1] if stack else None
        if target is None:
            continue
        _attach(row, target, actions_column, roles, continuing)
    for root in result.roots:
        for node in root.walk():
            _assign_units(node)


def _goes_on(last: Action | Entry) -> bool:
    """Whether unnumbered text at the top of a continued row goes on with `last`: the list was numbered
    (so a new entry would have had a number), or its sentence was cut before its end."""
    numbered = last.numbered if isinstance(last, Action) else last.marker is not None
    return numbered or last.text[-1:] not in FINAL


def _join_into(items: list, entry_text: str, sources: list[Source]) -> None:
    last = items[-1]
    last.text = join_lines([last.text, entry_text])
    last.sources += sources


def _attach(row: list[Cell], node: TreeNode, actions_column: int | None, roles: dict[int, str | None],
            continuing: bool) -> None:
    """The row's other columns, given to `node`; a row that continues one cut by a page break goes on
    with the lists it cut."""
    if actions_column is not None and not row[actions_column].empty:
        after = node.actions[-1].marker if continuing and node.actions else None
        found = entries(row[actions_column].paragraphs, after)
        for index, entry in enumerate(found):
            entry.place()
            if index == 0 and entry.marker is None and continuing and node.actions and _goes_on(node.actions[-1]):
                _join_into(node.actions, entry.text, entry.sources)
                node.checks.append(Bilingual("具體作法跨頁接續，已合併", "an action ran on over a page break and was joined"))
            else:
                node.actions.append(_action(entry))
    for column, role in roles.items():
        cell = row[column]
        if role is None or cell.empty:
            continue
        for paragraph in cell.paragraphs:
            paragraph.source.placed = True
        if role == UNITS:
            node.unit_groups += _unit_groups(cell)
        elif role == DEADLINE:
            node.deadline = node.deadline or cell.text
        elif role == OUTCOMES:
            found = entries(cell.paragraphs, node.outcomes[-1].marker if continuing and node.outcomes else None)
            for index, entry in enumerate(found):
                if index == 0 and entry.marker is None and continuing and node.outcomes and _goes_on(node.outcomes[-1]):
                    _join_into(node.outcomes, entry.text, entry.sources)
                else:
                    node.outcomes.append(entry)


def _assign_units(node: TreeNode) -> None:
    """One unit group per action gives each action its units; otherwise the item has them all."""
    groups = node.unit_groups
    if not groups:
        return
    if len(node.actions) >= 2 and len(groups) == len(node.actions):
        for action, group in zip(node.actions, groups):
            action.units = list(dict.fromkeys(group))
        return
    node.units = list(dict.fromkeys(unit for group in groups for unit in group))
    if len(node.actions) >= 2 and len(groups) > 1:
        node.checks.append(Bilingual(f"{len(groups)} 個單位對 {len(node.actions)} 項作法，無法逐項對應，已列在本項",
                                     f"{len(groups)} units for {len(node.actions)} actions: given to the item as a whole"))
