"""Rules the schema cannot express: ids, tree depth, references between files."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gongkai.data.attachments import file_problem
from gongkai.data.model import LEAF_FIELDS, Node, build_tables
from gongkai.data.problems import Bilingual, Problem, field_path
from gongkai.data.schemas import schema
from gongkai.data.tables import Table
from gongkai.data.translation_coverage import text_fields
from gongkai.data.yaml_source import Document
from gongkai.i18n.numbering import STEMS
from gongkai.i18n.text import LANGS, markdown_faults

MAX_DEPTH = 4
SINGLE_SECTIONS = ("basis", "goals", "audience", "period", "status_quo", "body", "annexes")


def _at(doc: Document, path: list[Any], summary: Bilingual, *, key: bool = False, **extra: Any) -> Problem:
    line, column = doc.position(path, key=key)
    return Problem(file=doc.path, line=line, column=column, summary=summary, field=field_path(path), **extra)


def _node_path(body_path: list[Any], node: Node) -> list[Any]:
    path = list(body_path)
    for index in node.position:
        path += ["items", index - 1]
    return path


def plan_problems(doc: Document, folder_year: int, plans_dir: Path | None = None) -> list[Problem]:
    """Problems of a plan in plans/<agency>/<folder_year>/; files it names must lie inside `plans_dir`
    (by default the plans folder the plan is in)."""
    return [*plan_content_problems(doc, folder_year), *annex_file_problems(doc, plans_dir or doc.path.parents[2])]


def plan_content_problems(doc: Document, folder_year: int) -> list[Problem]:
    """The problems of a plan that its text and its year folder decide alone: not the files it names."""
    data = doc.data
    problems: list[Problem] = []
    if data["year"] != folder_year:
        problems.append(_at(doc, ["year"], Bilingual("年度與資料夾名稱不一致", "the year does not match the folder name"),
                            expected=str(folder_year), found=str(data["year"])))
    problems.extend(_section_problems(doc))
    bodies = [i for i, s in enumerate(data["sections"]) if s["kind"] == "body"]
    if bodies:
        problems.extend(_body_problems(doc, ["sections", bodies[0]]))
    return problems


def _section_problems(doc: Document) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, section in enumerate(doc.data["sections"]):
        kind = section["kind"]
        if kind in SINGLE_SECTIONS and kind in seen:
            yield _at(doc, ["sections", index, "kind"],
                      Bilingual(f"「{kind}」章節只能有一個", f'only one "{kind}" section is allowed'),
                      found=f"第 {seen[kind] + 1} 與第 {index + 1} 節 / sections {seen[kind] + 1} and {index + 1}")
        seen.setdefault(kind, index)
        if section.get("list_style") == "甲、" and len(section.get("items", [])) > len(STEMS):
            yield _at(doc, ["sections", index, "list_style"],
                      Bilingual(f"「甲、」樣式只有 {len(STEMS)} 個編號（甲到癸），這一節有 {len(section['items'])} 項",
                                f"the 甲、 style has only {len(STEMS)} markers (甲 to 癸); this section has "
                                f"{len(section['items'])} items"),
                      expected=Bilingual(f"至多 {len(STEMS)} 項", f"at most {len(STEMS)} items"),
                      found=f"{len(section['items'])} 項 / items",
                      hint=Bilingual("改用「一、」或「1、」樣式", "use the 一、 or 1、 style instead"))
        if kind == "other" and "heading" not in section and "text" not in section:
            yield _at(doc, ["sections", index], Bilingual("沒有標題的章節必須有 text",
                                                          "a section without heading needs a text"),
                      expected=Bilingual("heading 或 text", "heading or text"), found="沒有 / missing")
    if "body" not in seen:
        yield _at(doc, ["sections"], Bilingual("計畫沒有實施要項（kind: body）", "the plan has no body section (kind: body)"),
                  expected=Bilingual("一個 kind: body 的章節", "one section with kind: body"), found="沒有 / missing")


def _body_problems(doc: Document, body_path: list[Any]) -> Iterator[Problem]:
    body = doc.data["sections"][body_path[1]]
    ids: dict[str, list[Any]] = {}
    every: dict[str, Node] = {}
    for table in build_tables(body):
        table_path = [*body_path, *table.path]
        nodes = [n for top in table.nodes for n in top.walk()]
        for node in nodes:
            path = _node_path(table_path, node)
            yield from _node_problems(doc, path, node, table)
            if node.id:
                yield from _duplicate_id(doc, [*path, "id"], node.id, ids)
            for index, action in enumerate(node.data.get("actions", [])):
                if "id" in action:
                    yield from _duplicate_id(doc, [*path, "actions", index, "id"], action["id"], ids)
            yield from _target_id_problems(doc, path, node.data)
        yield from _column_problems(doc, table_path, table)
        every.update({n.id: n for n in nodes if n.id})
    yield from _annex_problems(doc, every)


def _node_problems(doc: Document, path: list[Any], node: Node, table: Table) -> Iterator[Problem]:
    if node.depth > MAX_DEPTH:
        yield _at(doc, path, Bilingual(f"實施要項最多 {MAX_DEPTH} 層", f"the body has at most {MAX_DEPTH} levels"),
                  found=f"第 {node.depth} 層 / level {node.depth}",
                  hint=Bilingual("把最末層寫成 actions（具體作法）", "write the last level as actions"))
    if node.is_leaf and not node.id:
        yield _at(doc, path, Bilingual("末項缺少 id", "a leaf item has no id"),
                  expected=Bilingual("id: 例如 a1-2", "id: e.g. a1-2"), found="沒有 / missing",
                  hint=Bilingual("執行成效與網址錨點都用 id 對應這一項", "results and anchors use the id"))
    if not node.is_leaf:
        for name in [f for f in LEAF_FIELDS if f in node.data]:
            yield _at(doc, [*path, name], Bilingual(f"有下一層的項目不能有「{name}」",
                                                    f'an item with sub-items cannot have "{name}"'),
                      key=True, hint=Bilingual("把它移到末項", "move it to a leaf item"))
    if node.is_leaf and table.results_by_action:
        for index, action in enumerate(node.data.get("actions", [])):
            if "id" not in action and action.get("numbered", True):
                yield _at(doc, [*path, "actions", index], Bilingual("依具體作法填報成效時，每項作法都要有 id",
                                                                    "with results by action, every action needs an id"),
                          expected=Bilingual("id: 例如 a1-2-1", "id: e.g. a1-2-1"), found="沒有 / missing",
                          hint=Bilingual("results.yml 以作法的 id 填報", "results.yml reports on each action by its id"))


def _duplicate_id(doc: Document, path: list[Any], value: str, ids: dict[str, list[Any]]) -> Iterator[Problem]:
    if value in ids:
        line = doc.position(ids[value])[0]
        yield _at(doc, path, Bilingual(f"id「{value}」重複", f'duplicate id "{value}"'),
                  found=f"第 {line} 行已用過 / already used on line {line}",
                  hint=Bilingual("每一項與每項作法的 id 在同一計畫中必須不同",
                                 "ids of items and actions must be unique within a plan"))
    else:
        ids[value] = path


def _column_problems(doc: Document, table_path: list[Any], table: Table) -> Iterator[Problem]:
    """Declared columns must show each level of the tree once, in order and side by side (the tree's cells
    span across them), and name only cells the items or actions fill in."""
    if "columns" not in table.settings:
        return
    body = doc.data["sections"][table_path[1]]
    own = bool(table.path) and "columns" in body["tables"][table.path[1]]
    where = [*table_path, "columns"] if own else [*table_path[:2], "columns"]
    columns = table.columns()
    levels = [level for column in columns for level in column.levels]
    wanted = list(range(1, table.depth + 1))
    if levels != wanted:
        yield _at(doc, where, Bilingual("columns 的層級欄與項目的層數不符", "the level columns do not match the items' levels"),
                  expected=Bilingual(f"依序列出第 {'、'.join(map(str, wanted))} 層，各一次",
                                     f"levels {', '.join(map(str, wanted))}, each once, in order"),
                  found="、".join(map(str, levels)) or "沒有 / none",
                  hint=Bilingual("每一層項目要有一欄（level: N），或幾層共用一個欄名（levels: [1, 2]）",
                                 "give each level of items a column (level: N), or several levels one header (levels: [1, 2])"))
    positions = [i for i, column in enumerate(columns) if column.levels]
    if positions and positions != list(range(positions[0], positions[-1] + 1)):
        yield _at(doc, where, Bilingual("層級欄必須相鄰", "the level columns must stand side by side"),
                  expected=Bilingual("層級欄之間沒有其他欄", "no other column between the level columns"),
                  found=f"第 {'、'.join(str(i + 1) for i in positions)} 欄 / columns {', '.join(str(i + 1) for i in positions)}")
    declared = {column.cell for column in columns if column.cell}
    for node in (n for top in table.nodes for n in top.walk()):
        path = _node_path(table_path, node)
        owners = [([*path], node.data)] + [([*path, "actions", i], a) for i, a in enumerate(node.data.get("actions", []))]
        for owner_path, owner in owners:
            for name in owner.get("cells", {}):
                if name not in declared:
                    yield _at(doc, [*owner_path, "cells", name], key=True,
                              summary=Bilingual(f"columns 沒有名為「{name}」的欄", f'no column is named "{name}" in columns'),
                              expected=Bilingual("、".join(sorted(declared)) or "（columns 中的 cell 名稱）",
                                                 ", ".join(sorted(declared)) or "(a cell named in columns)"),
                              found=name)


def _target_id_problems(doc: Document, path: list[Any], data: dict[str, Any]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, target in enumerate(data.get("targets", [])):
        if "id" in target:
            if target["id"] in seen:
                yield _at(doc, [*path, "targets", index, "id"],
                          Bilingual(f"指標 id「{target['id']}」重複", f"duplicate target id \"{target['id']}\""))
            seen.add(target["id"])


def _file_problems(doc: Document, path: list[Any], name: str, plans_dir: Path, missing: Bilingual,
                   expected: Bilingual) -> Iterator[Problem]:
    problem = file_problem(name, doc.path.parent, plans_dir, expected)
    if problem is not None:
        yield _at(doc, path, missing if problem.missing else problem.summary, expected=problem.expected,
                  found=problem.found, hint=problem.hint)


def annex_file_problems(doc: Document, plans_dir: Path) -> Iterator[Problem]:
    """The annex files a plan names that are missing or may not be published."""
    for index, annex in enumerate(doc.data.get("annexes", [])):
        if "file" in annex:
            yield from _file_problems(doc, ["annexes", index, "file"], annex["file"], plans_dir,
                                      Bilingual("找不到附件檔案", "the annex file is missing"),
                                      Bilingual("與 plan.yml 同一資料夾中的檔案", "a file in the plan's folder"))


def _annex_problems(doc: Document, nodes: dict[str, Node]) -> Iterator[Problem]:
    for a_index, annex in enumerate(doc.data.get("annexes", [])):
        view = annex.get("repeats_body")
        if not view:
            continue
        for g_index, group in enumerate(view["groups"]):
            group_path = ["annexes", a_index, "repeats_body", "groups", g_index]
            yield from _ref_problems(doc, [*group_path, "ref"], group["ref"], nodes, want_leaf=False)
            for r_index, row in enumerate(group["rows"]):
                yield from _ref_problems(doc, [*group_path, "rows", r_index, "ref"], row["ref"], nodes, want_leaf=True)


def _ref_problems(doc: Document, path: list[Any], ref: str, nodes: dict[str, Node], *,
                  want_leaf: bool) -> Iterator[Problem]:
    node = nodes.get(ref)
    if node is None:
        yield unknown_id(doc, path, ref, list(nodes))
    elif node.is_leaf != want_leaf:
        expected = Bilingual("末項的 id", "the id of a leaf") if want_leaf else Bilingual("分項的 id", "the id of a group")
        yield _at(doc, path, Bilingual("引用的項目種類不對", "the reference points at the wrong kind of item"),
                  expected=expected, found=ref)


def unknown_id(doc: Document, path: list[Any], ref: str, known: list[str], *, key: bool = False) -> Problem:
    match = difflib.get_close_matches(ref, known, n=1, cutoff=0.5)
    return _at(doc, path, Bilingual(f"計畫中沒有 id「{ref}」", f'the plan has no item with id "{ref}"'), key=key,
               expected=Bilingual("計畫中某一項的 id", "the id of an item in the plan"), found=f"「{ref}」",
               hint=Bilingual(f"您是不是要寫「{match[0]}」？", f'did you mean "{match[0]}"?') if match else None)


def results_problems(doc: Document, leaves: dict[str, Node], plans_dir: Path | None = None) -> list[Problem]:
    problems = []
    for leaf_id, entry in doc.data["results"].items():
        path = ["results", leaf_id]
        if leaf_id not in leaves:
            problems.append(unknown_id(doc, path, leaf_id, list(leaves), key=True))
            continue
        if entry["status"] == "not-achieved" and "reason" not in entry:
            problems.append(_at(doc, path, Bilingual("狀態為未達成時必須說明原因（reason）",
                                                     "a not-achieved result needs a reason"),
                                expected=Bilingual("reason: …", "reason: …"), found="沒有 / missing"))
        problems.extend(_measured_problems(doc, path, entry, leaves[leaf_id]))
        problems.extend(_evidence_problems(doc, path, entry, plans_dir or doc.path.parents[2]))
    return problems


def _measured_problems(doc: Document, path: list[Any], entry: dict[str, Any], leaf: Node) -> Iterator[Problem]:
    targets = leaf.data.get("targets", [])
    target_ids = [t["id"] for t in targets if "id" in t]
    for index, measured in enumerate(entry.get("measured", [])):
        ref = measured.get("target", 1 if len(targets) == 1 else None)
        where = [*path, "measured", index]
        if ref is None:
            yield _at(doc, where, Bilingual("這一項有多個量化指標，請用 target 指明", "the item has several targets: name one with target"),
                      expected=Bilingual("target: 指標 id 或序號", "target: a target id or position"), found="沒有 / missing")
        elif isinstance(ref, int) and not 1 <= ref <= len(targets):
            yield _at(doc, where, Bilingual("沒有這個序號的量化指標", "no target at that position"),
                      expected=Bilingual(f"1 到 {len(targets)}", f"1 to {len(targets)}") if targets
                      else Bilingual("計畫中這一項沒有量化指標", "the plan gives this item no targets"),
                      found=str(ref))
        elif isinstance(ref, str) and ref not in target_ids:
            yield _at(doc, where, Bilingual(f"沒有 id 為「{ref}」的量化指標", f'no target with id "{ref}"'),
                      expected=Bilingual("、".join(target_ids) or "（無）", ", ".join(target_ids) or "(none)"),
                      found=ref)


def _evidence_problems(doc: Document, path: list[Any], entry: dict[str, Any], plans_dir: Path) -> Iterator[Problem]:
    for index, evidence in enumerate(entry.get("evidence", [])):
        if "file" in evidence:
            yield from _file_problems(doc, [*path, "evidence", index, "file"], evidence["file"], plans_dir,
                                      Bilingual("找不到佐證檔案", "the evidence file is missing"),
                                      Bilingual("與 results.yml 同一資料夾中的檔案", "a file in the plan's folder"))


def markdown_problems(doc: Document, kind: str) -> list[Problem]:
    """Links and images in the Markdown fields of `doc` (an agency, plan or results file) that the pages
    leave out: links that run script or carry a document (javascript:, data:), images from other sites."""
    root = schema(kind)
    problems = []
    for path, value in text_fields(doc.data, root, root, definitions=("markdown",)):
        texts = [(list(path), value)] if isinstance(value, str) else \
            [([*path, lang], value[lang]) for lang in LANGS if isinstance(value, dict) and lang in value]
        for where, source in texts:
            for fault in markdown_faults(source):
                summary, expected, hint = MARKDOWN_FAULTS[fault.kind]
                problems.append(_at(doc, where, summary, expected=expected, found=fault.address, hint=hint))
    return problems


# Summary, expected and hint for each kind of fault.
MARKDOWN_FAULTS: dict[str, tuple[Bilingual, Bilingual, Bilingual]] = {
    "link": (Bilingual("連結網址不可使用", "a link address that may not be used"),
             Bilingual("以 https://、http://、mailto: 或 tel: 開頭的網址，或本站網址",
                       "an address starting with https://, http://, mailto: or tel:, or one within the site"),
             Bilingual("javascript: 與 data: 等連結會在讀者的瀏覽器中執行或開啟內容，網頁會略過它們",
                       "links such as javascript: and data: run or open content in the reader's browser; the pages leave them out")),
    "image": (Bilingual("圖片必須是本站的檔案", "an image must be a file of the site"),
              Bilingual("相對網址，例如 photo.png", "a relative address, e.g. photo.png"),
              Bilingual("其他網站的圖片會讓該網站得知每一位讀者的造訪，網頁會略過它們；佐證照片請用 results.yml 的 evidence（kind: image）",
                        "an image from another site tells that site of every reader's visit, so the pages leave it out; "
                        "show photos as evidence in results.yml (kind: image)")),
}
