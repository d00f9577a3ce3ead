"""The body table of each imported seed drawn as the document draws it: its columns declared in the
document's order under the document's own headers (one header over two levels where the document has
one), numbered in the document's styles, a row per action where the document gives each action its own
row, and deadlines as the document writes them."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from typing import Any

import pytest
from support import SEED_PLANS, SEEDS

from gongkai.cycle.importing.importer import draft_of

TODAY = datetime.date(2026, 1, 5)
AGENCIES = {name[:3]: agency for (agency, _), name in SEED_PLANS.items()}
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[0-9]+[.、])")


def seed_text(seed: str) -> str:
    return next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")


def words(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_headers(lines: list[str]) -> list[list[str]]:
    """Header rows typed as one line of tab-separated cells (short labels, none numbered)."""
    found = []
    for line in lines:
        cells = line.split("\t")
        labels = [c for c in cells if c.strip()]
        if len(labels) >= 3 and not line.startswith("\t") and all(len(words(c)) <= 8 and not _NUMBERED.match(c) for c in labels):
            found.append([words(c) for c in cells])
    return found


def _cell_header(lines: list[str]) -> list[str]:
    """A header typed a cell per line (each starting with a tab, a cell's further lines without one):
    the cells just before the table's first item (一、)."""
    first = next(i for i, line in enumerate(lines) if line.startswith("\t") and _NUMBERED.match(line.strip())
                 and line.strip().startswith("一"))
    cells: list[str] = []
    index = first - 1
    pending: list[str] = []
    while index >= 0:
        line = lines[index]
        if line.startswith("\t"):
            cells.insert(0, words(line + "".join(reversed(pending))))
            pending = []
        elif line.strip():
            above = next((lines[j] for j in range(index - 1, -1, -1) if lines[j].strip()), "")
            if not above.startswith("\t"):
                break
            pending.append(line)
        index -= 1
    return cells


def seed_header(seed: str) -> list[str]:
    """The body table's header as the seed's text gives it: its cells left to right, spaces removed, an
    empty cell after a header that spans two columns; the form repeated most on the document's pages."""
    lines = seed_text(seed).splitlines()
    rows = [tuple(row) for row in _row_headers(lines)]
    if rows:
        header = list(Counter(rows).most_common(1)[0][0])
        while header and not header[-1]:
            header.pop()
        return header
    return _cell_header(lines)


def draft(seed: str) -> dict[str, Any]:
    _, made = draft_of(next(SEEDS.glob(f"{seed}_*.txt")), AGENCIES[seed], year=None, today=TODAY)
    return made.plan


def body(seed: str) -> dict[str, Any]:
    return next(s for s in draft(seed)["sections"] if s["kind"] == "body")


def plain(value: Any) -> Any:
    """A ruamel value as plain Python (maps and lists), to compare with literals."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def actions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        found += item.get("actions", [])
        found += actions(item.get("items", []))
    return found


SEEDS_ALL = ["000", "001", "002", "003", "004"]


def test_the_headers_are_read_from_the_seed_texts():
    assert seed_header("001") == ["工作要項", "", "工作重點", "執行單位"]
    assert seed_header("003") == ["實施要項", "推動作法", "完成期限", "執行機關〈單位〉", "預期效益"]
    assert seed_header("000") == ["實施要項", "具體作法", "完成期限"]


@pytest.mark.parametrize("seed", SEEDS_ALL)
def test_the_columns_are_the_documents_headers_in_its_order(seed):
    columns = body(seed).get("columns")
    assert columns, "the draft declares its table's columns"
    assert [c["label"] for c in columns] == [label for label in seed_header(seed) if label]
    assert "labels" not in body(seed)


@pytest.mark.parametrize("seed", SEEDS_ALL)
def test_the_level_columns_cover_the_tree_in_order(seed):
    levels = [n for c in body(seed)["columns"] for n in (c.get("levels") or ([c["level"]] if "level" in c else []))]
    assert levels == list(range(1, len(levels) + 1))


def test_one_header_over_two_levels_spans_them_as_in_the_document():
    columns = body("001")["columns"]
    assert plain(columns) == [{"label": "工作要項", "levels": [1, 2]}, {"label": "工作重點", "field": "actions"},
                              {"label": "執行單位", "field": "units"}]
    spread = [cell for c in columns for cell in [c["label"]] + [""] * (len(c.get("levels", [])) - 1 if "levels" in c else 0)]
    assert spread == seed_header("001")


NUMBERING = {
    "000": {"levels": ["一、"], "actions": "(一)"},
    "001": {"levels": ["一、", "(一)"], "actions": "1."},
    "002": {"levels": ["一、", "none", "1."], "actions": "1."},
    "003": {"levels": ["一、", "(一)"], "actions": "1、"},
    "004": {"levels": ["一、", "(一)"], "actions": "1."},
}


@pytest.mark.parametrize("seed", SEEDS_ALL)
def test_the_numbering_is_the_documents(seed):
    assert plain(body(seed).get("numbering")) == NUMBERING[seed]
    text = seed_text(seed)
    for style in [*NUMBERING[seed]["levels"], NUMBERING[seed]["actions"]]:
        if style != "none":
            assert style.replace("一", "二").replace("1", "2") in text


def test_an_unnumbered_lead_sentence_is_not_numbered_and_the_numbers_after_it_start_at_1():
    item = body("001")["items"][2]["items"][2]
    assert item["text"].startswith("推動跨單位、跨機關服務流程整合")
    lead, *numbered = item["actions"]
    assert lead["text"] == "網站提供他機關連結，提升政府資訊資源共享。" and lead["numbered"] is False
    assert len(numbered) == 3 and all("numbered" not in a for a in numbered)


def test_a_table_with_a_row_per_action_has_rows_of_actions_each_with_its_deadline():
    section = body("000")
    assert section["rows"] == "actions"
    first = section["items"][0]
    assert first["text"] == "完備基礎服務項目，注重服務特性差異化" and "items" not in first
    assert len(first["actions"]) == 9
    assert plain(first["actions"][0]["deadline"]) == {"as_written": "持續辦理。", "ongoing": True}
    assert plain(first["actions"][6]["deadline"]) == {"as_written": "每年12月31日前。", "every_year": "12-31"}
    assert all("deadline" in a for a in actions(section["items"]))


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_tables_with_several_actions_in_a_row_keep_a_row_per_item(seed):
    assert body(seed).get("rows", "items") == "items"


def test_deadlines_are_kept_as_written_with_the_date_for_machines():
    items = body("003")["items"]
    assert plain(items[0]["items"][0]["deadline"]) == {"as_written": "95.12.31", "date": datetime.date(2006, 12, 31)}
    assert plain(items[0]["items"][2]["deadline"])["as_written"] == "95.11.31"
    assert "date" not in items[0]["items"][2]["deadline"]


@pytest.mark.parametrize("seed", SEEDS_ALL)
def test_nothing_is_added_that_the_document_does_not_say(seed):
    def walk(items):
        for item in items:
            yield item
            yield from item.get("actions", [])
            yield from walk(item.get("items", []))
    for node in walk(body(seed)["items"]):
        assert "targets" not in node and "frequency" not in node


def test_a_row_copied_a_cell_short_gives_its_unit_to_the_item_not_an_action():
    first = body("001")["items"][0]["items"][0]
    assert first["text"] == "訂定機關年度提升服務品質計畫，具體規劃為民服務工作。"
    assert first["units"] == ["秘書室"] and "actions" not in first


OWN_COLUMN = """示範區公所114年提升服務品質執行計畫
壹、實施要項
實施要項\t具 體 作 法\t檢核方式\t執行單位\t備註
一、便民服務\t1. 設置櫃台。 2. 檢討流程。\t每季檢核\t秘書室\t配合市府計畫
二、資訊公開\t1. 更新網站。 2. 公開資料。\t每月檢核\t資訊室\t
"""


def test_a_column_the_importer_cannot_bind_is_a_named_cell_column_and_the_draft_passes_the_check(tmp_path):
    from gongkai.cycle.importing.importer import import_document
    from gongkai.data.project import load_project

    source = tmp_path / "plan.txt"
    source.write_text(OWN_COLUMN, encoding="utf-8")
    imported = import_document(source, tmp_path / "plans", "sample-office", today=TODAY)
    section = next(s for s in imported.draft.plan["sections"] if s["kind"] == "body")
    assert plain(section["columns"]) == [
        {"label": "實施要項", "level": 1}, {"label": "具體作法", "field": "actions"},
        {"label": "檢核方式", "cell": "column-3"}, {"label": "執行單位", "field": "units"},
        {"label": "備註", "field": "note"}]
    first, second = section["items"]
    assert plain(first["cells"]) == {"column-3": "每季檢核"} and first["note"] == "配合市府計畫"
    assert plain(second["cells"]) == {"column-3": "每月檢核"} and "note" not in second
    _, report = load_project(tmp_path / "plans")
    assert report.ok
