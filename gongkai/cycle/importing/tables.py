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
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gongkai.cycle.importing.outline import (
    ARABIC,
    ARABIC_DUN,
    CN,
    FINAL,
    PAREN_ARABIC,
    PAREN_CN,
    STEM,
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

UNITS, DEADLINE, OUTCOMES, ACTIONS, NOTE = "units", "deadline", "outcomes", "actions", "note"
ROLE_WORDS = (
    (NOTE, ("備註",)),
    (UNITS, ("執行單位", "承辦單位", "主辦單位", "業務單位", "執行機關", "協辦單位", "負責單位", "辦理單位", "權責單位", "承辦", "單位")),
    (DEADLINE, ("完成期限", "期程", "期限", "完成時間", "完成日期", "辦理時間", "預定完成")),
    (OUTCOMES, ("預期效益", "預期目標", "預期成效", "效益", "績效指標", "衡量指標")),
)
PLAIN = "plain"
UNNUMBERED = "none"
# Headers of a column of actions (each row one action when the cells are not numbered lists).
ACTION_WORDS = ("作法", "措施", "工作重點", "推動方法", "執行方式")
_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,14}) +([\u4e00-\u9fff].{9,})$")


@dataclass(eq=False)
class Action:
    text: str
    sources: list[Source]
    title: str | None = None
    units: list[str] = field(default_factory=list)
    marker: Marker | None = None
    deadline: str | None = None
    outcomes: list[str] = field(default_factory=list)
    note: str | None = None
    cells: dict[str, str] = field(default_factory=dict)

    @property
    def numbered(self) -> bool:
        return self.marker is not None


def written_style(marker: Marker | None) -> str:
    """A marker's numbering style as the document types it, in the schema's words: （一） and (一) differ,
    as do 1. and 1、; none for no number."""
    if marker is None:
        return UNNUMBERED
    full = marker.typed.startswith("（")
    if marker.style == PAREN_CN:
        return "（一）" if full else PAREN_CN
    if marker.style == PAREN_ARABIC:
        return "（1）" if full else PAREN_ARABIC
    if marker.style in (CN, STEM, ARABIC, ARABIC_DUN):
        return marker.style
    return UNNUMBERED


@dataclass(eq=False)
class TreeNode:
    """An item of the table's tree, with what its row's other columns give it."""

    text: str
    sources: list[Source]
    depth: int
    column: int
    rank: int = 0
    numbered: bool = False
    style: str = UNNUMBERED
    marker: Marker | None = None
    children: list[TreeNode] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    unit_groups: list[list[str]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: str | None = None
    outcomes: list[Entry] = field(default_factory=list)
    note: str | None = None
    cells: dict[str, str] = field(default_factory=dict)
    checks: list[Bilingual] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class TableColumn:
    """A header of the table as the document draws it, and what its column holds: levels of the tree, a
    field (actions, units, deadline, outcomes, note) or a cell of the plan's own."""

    label: str
    levels: list[int] = field(default_factory=list)
    field: str | None = None
    cell: str | None = None


@dataclass
class TableTree:
    """What a table says: the names of its levels, the columns bound to roles, and its items."""

    levels: list[str]
    labels: dict[str, str]
    roots: list[TreeNode]
    checks: list[Bilingual] = field(default_factory=list)
    columns: list[TableColumn] = field(default_factory=list)
    # Whether each action has a row of its own (with its own deadline, units…).
    rows_are_actions: bool = False

    def leaves(self):
        for root in self.roots:
            yield from (node for node in root.walk() if not node.children)

    def numbering(self) -> dict[str, Any]:
        """The numbering styles the table uses: the most common at each level, and for the actions."""
        by_depth: dict[int, Counter[str]] = {}
        for root in self.roots:
            for node in root.walk():
                by_depth.setdefault(node.depth, Counter())[node.style] += 1
        levels = [by_depth[d].most_common(1)[0][0] for d in sorted(by_depth)]
        found: dict[str, Any] = {"levels": levels}
        styles = Counter(written_style(a.marker) for leaf in self.leaves() for a in leaf.actions if a.marker)
        if styles:
            found[ACTIONS] = styles.most_common(1)[0][0]
        elif any(leaf.actions for leaf in self.leaves()):
            found[ACTIONS] = UNNUMBERED
        return found


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


def _header_layout(rows: list[list[Cell]], r: int, width: int, data_columns: list[int]) -> tuple[list[str], list[int], bool]:
    """Row `r` read as the table's header: each column's label, the column of the header cell over it
    (a header spanning columns, merged or copied as one label followed by empty cells), and whether the
    header had to be spread because its merges were lost in a copied text (fewer labels than columns
    holding data: the labels are spread over the columns before the first column bound to a role)."""
    words: list[str] = []
    origins: list[int] = []
    for c in range(width):
        cell = rows[r][c]
        merged = cell.merged_from
        if merged is not None and merged[0] == r and merged[1] < c:
            words.append(words[merged[1]])
            origins.append(origins[merged[1]])
            continue
        if merged is not None and merged[0] < r:
            # A repeated header's empty cell merged into the row above it (a span lost to the merge).
            words.append("")
        else:
            words.append(_words(_resolved(rows, r, c)) if merged is not None else _words(cell))
        origins.append(c)
    complete = all(words[c] for c in data_columns)
    if complete or not data_columns or not any(words):
        return words, origins, False
    last = max(data_columns)
    if words[last]:
        # Empty header cells inside the table: the header to their left spans them.
        for c in range(1, width):
            if not words[c] and words[c - 1] and c in data_columns:
                words[c], origins[c] = words[c - 1], origins[c - 1]
        return words, origins, False
    labels = [label for label in words if label]
    if len(labels) < len(data_columns):
        first_role = next((i for i, label in enumerate(labels) if role_of(label)), len(labels))
        spread = labels[max(first_role - 1, 0)]
        labels[first_role:first_role] = [spread] * (len(data_columns) - len(labels))
    out = [""] * width
    for column, label in zip(data_columns, labels):
        out[column] = label
    spread_origins = list(range(width))
    for c in range(1, width):
        if out[c] and out[c] == out[c - 1]:
            spread_origins[c] = spread_origins[c - 1]
    return out, spread_origins, True


def _header(rows: list[list[Cell]], header_rows: list[int], width: int) -> tuple[list[str], list[int]]:
    """The header of a table whose header is repeated on each page: the form the pages agree on, one
    that needs no spreading before one that does."""
    data_columns = [c for c in range(width) if any(not rows[r][c].empty for r in range(1, len(rows)) if r not in header_rows)]
    layouts = [_header_layout(rows, r, width, data_columns) for r in header_rows]
    counts = Counter((tuple(w), tuple(o)) for w, o, _ in layouts)
    words, origins, _ = max(layouts, key=lambda layout: (not layout[2], counts[(tuple(layout[0]), tuple(layout[1]))],
                                                           -layouts.index(layout)))
    return words, origins


def read_tree(table: Table) -> TableTree | None:
    """The tree of a plan table; None for a table that is not one (no header and item column)."""
    rows = [row for row in table.rows if any(not cell.empty for cell in row)]
    if len(rows) < 2:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [Cell() for _ in range(width - len(row))] for row in rows]
    header_words = [_words(_resolved(rows, 0, c)) for c in range(width)]
    kept = [rows[0]]
    repeats = [0]
    for index, row in enumerate(rows[1:], start=1):
        words = [_words(_resolved([*kept, row], len(kept), c)) if row[c].merged_from is None else "" for c in range(width)]
        if _is_header_repeat(words, header_words):
            for cell in row:
                for paragraph in cell.paragraphs:
                    paragraph.source.placed = True
            repeats.append(index)
            continue
        kept.append(row)
    labels, origins = _header(rows, repeats, width)
    rows = kept
    roles = {c: role_of(labels[c]) for c in range(width) if labels[c]}
    content = [c for c in range(width) if labels[c] and roles.get(c) is None]
    if not content:
        return None
    actions_column = _actions_column(rows, content, labels)
    tree_columns = [c for c in content if actions_column is None or c < actions_column]
    cell_names = {c: f"column-{c + 1}" for c in content if actions_column is not None and c > actions_column}
    for paragraph in (p for cell in rows[0] for p in cell.paragraphs):
        paragraph.source.placed = True
    result = TableTree(levels=[], labels={}, roots=[])
    if actions_column is not None:
        result.labels[ACTIONS] = labels[actions_column]
    for column, role in roles.items():
        if role and role not in result.labels:
            result.labels[role] = labels[column]
    depths: dict[int, set[int]] = {c: set() for c in tree_columns}
    _build(rows, tree_columns, actions_column, roles, labels, result, depths, cell_names)
    kinds: dict[int, tuple[str, object]] = {}
    if actions_column is None and _rows_of_actions(result, tree_columns, labels):
        kinds[tree_columns[-1]] = ("field", ACTIONS)
        result.labels[ACTIONS] = labels[tree_columns[-1]]
        tree_columns = tree_columns[:-1]
    for c in tree_columns:
        if depths[c]:
            kinds[c] = ("levels", sorted(depths[c]))
    if actions_column is not None:
        kinds[actions_column] = ("field", ACTIONS)
    for c, role in roles.items():
        if role:
            kinds[c] = ("field", role)
    for c, name in cell_names.items():
        kinds[c] = ("cell", name)
    result.columns = _columns(labels, origins, kinds, result)
    return result


def _columns(labels: list[str], origins: list[int], kinds: dict[int, tuple[str, object]], tree: TableTree) -> list[TableColumn]:
    """The table's columns left to right: a header over several columns of levels is one column over
    those levels; none when the levels do not stand side by side from 1 to the tree's depth."""
    columns: list[TableColumn] = []
    last_origin = None
    for c in sorted(kinds):
        kind, value = kinds[c]
        previous = columns[-1] if columns else None
        if kind == "levels":
            assert isinstance(value, list)
            if previous is not None and previous.levels and last_origin == origins[c]:
                previous.levels += value
            else:
                columns.append(TableColumn(label=labels[c], levels=list(value)))
        elif kind == "field":
            columns.append(TableColumn(label=labels[c], field=str(value)))
        else:
            columns.append(TableColumn(label=labels[c], cell=str(value)))
        last_origin = origins[c]
    levels = [n for column in columns for n in column.levels]
    depth = max((node.depth for root in tree.roots for node in root.walk()), default=0)
    if levels != list(range(1, depth + 1)):
        return []
    return columns


def _rows_of_actions(tree: TableTree, tree_columns: list[int], labels: list[str]) -> bool:
    """A last column of single sentences under an actions header (具體作法), each in a row of its own with
    its deadline or unit: they are the actions of the items to their left, each a row (rows: actions)."""
    if len(tree_columns) < 2 or not any(word in labels[tree_columns[-1]] for word in ACTION_WORDS):
        return False
    column = tree_columns[-1]
    nodes = [node for root in tree.roots for node in root.walk() if node.column == column]
    parents = {id(child): node for root in tree.roots for node in root.walk() for child in node.children}
    if not nodes or any(node.children or id(node) not in parents for node in nodes):
        return False
    for node in nodes:
        parent = parents[id(node)]
        parent.children.remove(node)
        parent.actions.append(Action(text=node.text, sources=node.sources, marker=node.marker, units=node.units,
                                     deadline=node.deadline, outcomes=[e.text for e in node.outcomes],
                                     note=node.note, cells=node.cells))
        parent.checks += node.checks
    tree.rows_are_actions = True
    return True


def _fresh(cell: Cell) -> bool:
    """A cell with text of its own (not empty, not merged into another)."""
    return cell.merged_from is None and not cell.empty


def _actions_column(rows: list[list[Cell]], content: list[int], labels: list[str]) -> int | None:
    """The column of the actions: the last one named so (具體作法), or else the last with no role, when its
    cells hold numbered lists or it goes on beside the items in (nearly) every row."""
    if len(content) < 2:
        return None
    named = [c for c in content[1:] if any(word in labels[c] for word in ACTION_WORDS)]
    last = named[-1] if named else content[-1]
    content = [c for c in content if c <= last]
    cells = [row[last] for row in rows[1:] if _fresh(row[last])]
    if any(sum(1 for e in entries(cell.paragraphs) if e.marker) >= 2 for cell in cells):
        return last
    earlier = content[:-1]
    with_new = sum(1 for row in rows[1:] if _fresh(row[last]) and any(_fresh(row[c]) for c in earlier))
    return last if cells and with_new >= 0.9 * len(cells) else None


def _build(rows: list[list[Cell]], tree_columns: list[int], actions_column: int | None,
           roles: dict[int, str | None], labels: list[str], result: TableTree,
           depths: dict[int, set[int]], cell_names: dict[int, str]) -> None:
    units = {token for r in range(1, len(rows)) for c, role in roles.items() if role == UNITS and _fresh(rows[r][c])
             for group in _unit_groups(rows[r][c]) for token in group}
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
                                numbered=entry.marker is not None, style=written_style(entry.marker),
                                marker=entry.marker)
                depths[column].add(node.depth)
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
        _attach(row, target, actions_column, roles, continuing, cell_names, units)
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


def _shifted_unit(row: list[Cell], actions_column: int | None, roles: dict[int, str | None], units: set[str]) -> bool:
    """A row copied one cell short (its units column empty) whose actions cell holds only a unit the
    units column names elsewhere: the unit, not an action."""
    units_columns = [c for c, role in roles.items() if role == UNITS]
    if actions_column is None or not units_columns or any(not row[c].empty for c in units_columns):
        return False
    cell = row[actions_column]
    return bool(cell.text) and all(token in units for group in _unit_groups(cell) for token in group)


def _attach(row: list[Cell], node: TreeNode, actions_column: int | None, roles: dict[int, str | None],
            continuing: bool, cell_names: dict[int, str], units: set[str]) -> None:
    """The row's other columns, given to `node`; a row that continues one cut by a page break goes on
    with the lists it cut."""
    if _shifted_unit(row, actions_column, roles, units):
        assert actions_column is not None
        for paragraph in row[actions_column].paragraphs:
            paragraph.source.placed = True
        node.unit_groups += _unit_groups(row[actions_column])
        node.checks.append(Bilingual("這一列少一格，作法欄的文字是單位，已列為單位",
                                     "this row is a cell short: the text in the actions column is a unit, given as one"))
    elif actions_column is not None and not row[actions_column].empty:
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
        elif role == NOTE:
            node.note = join_lines([node.note or "", cell.text])
        elif role == DEADLINE:
            node.deadline = node.deadline or cell.text
        elif role == OUTCOMES:
            found = entries(cell.paragraphs, node.outcomes[-1].marker if continuing and node.outcomes else None)
            for index, entry in enumerate(found):
                if index == 0 and entry.marker is None and continuing and node.outcomes and _goes_on(node.outcomes[-1]):
                    _join_into(node.outcomes, entry.text, entry.sources)
                else:
                    node.outcomes.append(entry)
    for column, name in cell_names.items():
        cell = row[column]
        if cell.empty:
            continue
        for paragraph in cell.paragraphs:
            paragraph.source.placed = True
        node.cells[name] = join_lines([node.cells.get(name, ""), cell.text])


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
