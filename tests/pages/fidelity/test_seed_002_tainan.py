"""Seed 002, the Yujing District Office's plan for 103: its table is 實施要項 | 執 行 項 目 | 具體作法 | 預期目標 |
承 辦 單 位, the 執行項目 cell holding two levels ("服務流程：" over "1.服務流程便捷性"), numbered 一、, unnumbered and
1., with actions and outcomes numbered 1.; a row broken across pages goes on in a row whose first cells are empty."""

import re

from fidelity import header_rows, markers, plan_page, seed_text, words

PAGE = ("tainan-yujing-district-office", 103)
MARK = re.compile(r"^\s*([一二三四五六七八九十]+、|\d+\.)", re.MULTILINE)


def seed_cells() -> list[str]:
    """The table's cells as the document's text gives them: each starts on a line beginning with a tab."""
    text = seed_text("002")
    table = text[text.index("表列項目：") + len("表列項目："):text.index("叁、管考規定")]
    cells: list[str] = []
    for line in table.splitlines():
        if line.startswith("\t"):
            cells.append(line[1:])
        elif cells:
            cells[-1] += "\n" + line
    return cells


def seed_rows() -> list[list[str]]:
    """The header and the rows of five cells; a row that goes on from the one before (its first two cells
    empty, the page broke it) is joined to it."""
    cells = seed_cells()
    assert len(cells) % 5 == 0
    rows: list[list[str]] = []
    for start in range(0, len(cells), 5):
        row = cells[start:start + 5]
        if rows and not row[0].strip() and not row[1].strip():
            rows[-1] = [rows[-1][0], rows[-1][1]] + [a + "\n" + b for a, b in zip(rows[-1][2:], row[2:])]
        else:
            rows.append(row)
    return rows


def test_the_table_has_the_document_header_once_with_one_header_over_two_levels():
    header = [words(cell) for cell in seed_rows()[0]]
    assert header == ["實施要項", "執行項目", "具體作法", "預期目標", "承辦單位"]
    # The document's 執行項目 cell holds two levels of items, "服務流程：" above "1.服務流程便捷性": one column holds both.
    assert MARK.findall(seed_rows()[1][1]) == ["1."] and words(seed_rows()[1][1]).startswith("服務流程：")
    assert header_rows(plan_page(*PAGE)) == [header]


def test_the_table_adds_no_column_nor_line_the_document_does_not_have():
    page = plan_page(*PAGE)
    table = page.select_one("table.gk-body-table")
    assert not table.select(".gk-col-deadline")
    assert "量化指標" not in page.get_text() and "頻率" not in page.get_text()


def test_the_numbers_are_those_of_the_document_in_its_order():
    marks = [m for row in seed_rows()[1:] for cell in row[:4] for m in MARK.findall(cell)]
    assert marks[:8] == ["一、", "1.", "1.", "2.", "3.", "1.", "2.", "2."]
    assert markers(plan_page(*PAGE)) == marks


def test_each_cell_of_the_first_rows_reads_as_the_document():
    table = plan_page(*PAGE).select_one("table.gk-body-table")
    first, second = table.select("tbody tr")[:2]
    cells = [[words(c.get_text()) for c in row.find_all(["th", "td"])] for row in (first, second)]
    seed = seed_rows()[1]
    assert cells[0][0] == words(seed[0])
    # The upper level stands as a row of its own, above its first item in the same column.
    assert "gk-group-row" in first["class"]
    assert cells[0][1] + cells[1][0] == words(seed[1]).replace("：", "")
    assert cells[1][1:] == [words(c) for c in seed[2:]]


def test_the_english_page_has_the_same_table_in_english():
    page = plan_page(*PAGE, "en")
    assert header_rows(page) == [["Main item", "Implementation item", "Specific actions", "Expected outcomes",
                                  "Responsible unit"]]
    assert len(markers(page)) == len(markers(plan_page(*PAGE)))
