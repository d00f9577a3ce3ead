"""results.yml skeletons: an entry for every leaf of the plan, status not-reported, the leaf's text as a
comment above it, so staff fill in rather than type ids.

An existing results.yml is never rewritten: the entries it lacks are inserted as new lines after the
entry of the leaf before them, and every existing line stays exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from gongkai.cycle.agency_files import ToolError, checked_plan
from gongkai.cycle.yaml_writer import SCHEMA_MARK, round_trip, schema_line, with_schema_line, write_atomically
from gongkai.data.model import Agency, Node, Plan
from gongkai.data.problems import Bilingual, Report
from gongkai.data.yaml_source import load as load_yaml
from gongkai.i18n import numbering, text
from gongkai.i18n.dates import western_year

STATUS = "not-reported"
INDENT = 2


@dataclass
class Skeleton:
    path: Path
    created: bool
    added: list[str] = field(default_factory=list)
    written: bool = False


def _comment(node: Node, indent: str) -> str:
    words = re.sub(r"\s+", " ", text.plain(node.text, "zh-TW")).strip()
    number = numbering.full_marker(node)
    return f"{indent}# {number}{'' if number.endswith('、') else ' '}{words}\n"


def _entry(leaf: Node, indent: str, child: int = INDENT) -> str:
    return f"{_comment(leaf, indent)}{indent}{leaf.id}:\n{indent}{' ' * child}status: {STATUS}\n"


def _header(agency: Agency, plan: Plan) -> str:
    name = text.plain(agency.name, "zh-TW")
    return (f"{schema_line('results', 3)}\n"
            f"# {name} {plan.year} 年執行成效：每一項把 status 改為 completed（已完成）、in-progress（執行中）、ongoing（持續辦理）、\n"
            f"# not-started（尚未開始）或 not-achieved（未達成，須寫 reason），並寫下 narrative（執行成效說明）。\n"
            f"# Results of the {western_year(plan.year)} plan: for each item change status to completed, in-progress, ongoing,\n"
            f"# not-started or not-achieved (with a reason), and write a narrative. Items left not-reported show as not reported.\n")


def fresh_text(agency: Agency, plan: Plan) -> str:
    """A new results.yml: every leaf (or action, where the results report on actions) in plan order, under a
    comment for each top-level item."""
    lines = [_header(agency, plan), "results:\n"]
    for top in plan.nodes:
        if not top.is_leaf:
            lines.append(_comment(top, " " * INDENT))
        lines += [_entry(row, " " * INDENT) for row in plan.rows() if row is top or top in row.ancestors()]
    return "".join(lines)


def block_end(lines: list[str], key_line: int, key_column: int) -> int:
    """The index of the last line of the entry whose key is on `key_line`."""
    last = key_line
    for index in range(key_line + 1, len(lines)):
        stripped = lines[index].strip()
        if not stripped:
            continue
        if len(lines[index]) - len(lines[index].lstrip(" ")) <= key_column:
            break
        last = index
    return last


def _child_indent(results: CommentedMap) -> int:
    """How far an entry's fields stand in from its id, as the file has it."""
    for key, value in results.items():
        if isinstance(value, CommentedMap) and value and not value.fa.flow_style():
            return value.lc.key(next(iter(value)))[1] - results.lc.key(key)[1]
    return INDENT


def _results_map(data: Any) -> CommentedMap:
    results = data.get("results") if isinstance(data, CommentedMap) else None
    if not isinstance(results, CommentedMap):
        raise ToolError(Bilingual("results.yml 沒有 results 對照表，請先修正（make check）",
                                  "results.yml has no results mapping; fix it first (make check)"))
    return results


def with_missing(source: str, data: CommentedMap, leaves: list[Node]) -> tuple[str, list[str]]:
    """`source` with an entry for each leaf it lacks, each after the entry of the leaf before it."""
    results = _results_map(data)
    missing = [leaf for leaf in leaves if leaf.id not in results]
    if not missing:
        return source, []
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    results_line = data.lc.key("results")[0]
    if not results:
        # `results: {}`: the entries go on the lines below instead.
        lines[results_line] = re.sub(r"\{\s*\}", "", lines[results_line]).rstrip() + "\n"
    elif results.fa.flow_style():
        raise ToolError(Bilingual("results 寫成一行的 {…} 形式，請改為每項一行再執行",
                                  "results is written as one {…} line; write one entry per line first"),
                        f"第 {results_line + 1} 行 / line {results_line + 1}")
    column = results.lc.key(next(iter(results)))[1] if results else data.lc.key("results")[1] + INDENT
    child = _child_indent(results)
    inserts: dict[int, list[str]] = {}
    anchor = results_line
    for leaf in leaves:
        if leaf.id in results:
            anchor = block_end(lines, results.lc.key(leaf.id)[0], column)
        else:
            inserts.setdefault(anchor, []).append(_entry(leaf, " " * column, child))
    for after in sorted(inserts, reverse=True):
        lines[after + 1:after + 1] = inserts[after]
    return "".join(lines), [leaf.leaf_id for leaf in missing]


def _unchanged(before: CommentedMap, after_text: str, added: list[str]) -> bool:
    """Every value of the old file is in the new one, and the new entries are only the skeleton's."""
    try:
        after = round_trip().load(after_text)
    except YAMLError:
        return False
    if {k: v for k, v in after.items() if k != "results"} != {k: v for k, v in before.items() if k != "results"}:
        return False
    old, new = before["results"], after["results"]
    return (all(new.get(key) == value for key, value in old.items())
            and set(new) == set(old) | set(added)
            and all(new[key] == {"status": STATUS} for key in added))


def _read_existing(path: Path, plans_dir: Path, root: Path | None) -> str:
    document, problems = load_yaml(path, within=plans_dir)
    if document is None:
        raise ToolError(Bilingual("現有的 results.yml 無法讀取，未做任何修改", "the existing results.yml cannot be read; nothing was changed"),
                        Report(problems).format(root, closing=None))
    # Line ends as they are (CRLF stays CRLF); the byte-order mark is put back when the file is written.
    return path.read_bytes().decode("utf-8-sig")


def results_skeleton(plans_dir: Path, agency_id: str, year: int, root: Path | None = None) -> Skeleton:
    """Write or complete plans/<agency>/<year>/results.yml. Existing entries are never touched."""
    agency, plan = checked_plan(plans_dir, agency_id, year, root)
    path = plan.path.parent / "results.yml"
    leaves = plan.rows()
    if not path.exists():
        write_atomically(path, fresh_text(agency, plan), like=plan.path)
        return Skeleton(path=path, created=True, added=[leaf.leaf_id for leaf in leaves], written=True)
    source = _read_existing(path, plans_dir, root)
    data = round_trip().load(source)
    new_text, added = with_missing(source, data, leaves)
    if not new_text.startswith(SCHEMA_MARK):
        new_text = with_schema_line(new_text, schema_line("results", 3))
    if new_text == source:
        return Skeleton(path=path, created=False)
    if not _unchanged(data, new_text, added):
        raise ToolError(Bilingual("無法在不改動現有內容的情況下加入新項目，未做任何修改",
                                  "new entries cannot be added without changing what is there; nothing was changed"),
                        f"檔案 file：{path}")
    write_atomically(path, new_text)
    return Skeleton(path=path, created=False, added=added, written=True)
