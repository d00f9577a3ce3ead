"""The body table as HTML: every row fills the table's columns once its spans are counted, with headers
over several levels, stacked levels and a row per action."""

from __future__ import annotations

from bs4 import BeautifulSoup

from gongkai.data.model import Plan
from gongkai.pages.renderer import renderer

ITEMS = [
    {"id": "a1", "text": "甲", "items": [
        {"id": "a1-1", "text": "甲一", "deadline": "2025-06-30",
         "actions": [{"text": "作法一", "units": ["秘書室"]}, {"text": "作法二", "units": ["人事室"]}]},
        {"id": "a1-2", "text": "甲二", "deadline": "2025-12-31"}]},
    {"id": "a2", "text": "乙", "deadline": "2025-12-31"},
]


def _table(lang: str = "zh-TW", **body) -> BeautifulSoup:
    section = {"kind": "body", "items": ITEMS, **body}
    plan = Plan(agency_id="x", year=114, data={"title": "t", "year": 114, "sections": [section]}, path=None)
    return BeautifulSoup(renderer(lang).macro("body_table.html", "body_table", plan, plan.tables[0], "c"),
                         "html.parser")


def grid(table) -> list[list[str]]:
    """The table laid out cell by cell, a spanning cell repeated in every place it covers."""
    taken: dict[tuple[int, int], str] = {}
    rows = table.select("tr")
    for r, row in enumerate(rows):
        c = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            while (r, c) in taken:
                c += 1
            for dr in range(int(cell.get("rowspan", 1))):
                for dc in range(int(cell.get("colspan", 1))):
                    taken[(r + dr, c + dc)] = cell.get_text(strip=True)
            c += int(cell.get("colspan", 1))
    width = max(c for _, c in taken) + 1
    return [[taken.get((r, c), "∅") for c in range(width)] for r in range(len(rows))]


COLUMNS = [{"label": "項目", "levels": [1, 2]}, {"label": "作法", "field": "actions"},
           {"label": "期限", "field": "deadline"}, {"label": "單位", "field": "units"}]


def test_a_header_over_two_levels_spans_their_columns_and_every_row_fills_the_table():
    layout = grid(_table(columns=COLUMNS))
    assert layout[0] == ["項目", "項目", "作法", "期限", "單位"]
    assert all("∅" not in row for row in layout)
    assert [row[:2] for row in layout[1:]] == [["一、甲", "(一)甲一"], ["一、甲", "(二)甲二"], ["二、乙", "二、乙"]]


def test_stacked_levels_write_each_upper_item_as_a_row_of_its_own_in_one_column():
    stacked = [{"label": "項目", "levels": [1, 2], "stacked": True}, *COLUMNS[1:]]
    page = _table(columns=stacked)
    layout = grid(page)
    assert layout[0] == ["項目", "作法", "期限", "單位"]
    assert layout[1] == ["一、甲"] * 4
    assert [row[0] for row in layout[2:]] == ["(一)甲一", "(二)甲二", "二、乙"]
    assert all("∅" not in row for row in layout)
    assert page.select_one("tr.gk-group-row th")["scope"] == "rowgroup"


def test_a_row_per_action_gives_each_action_its_own_units_and_spans_the_items_deadline():
    layout = grid(_table(columns=COLUMNS, rows="actions"))
    assert [row[2:] for row in layout[1:3]] == [["1.作法一", "114年6月30日", "秘書室"],
                                               ["2.作法二", "114年6月30日", "人事室"]]
    assert all("∅" not in row for row in layout)


def test_each_cell_names_its_column_in_its_headers_words_without_their_markup():
    page = _table("en", columns=COLUMNS)
    headers = page.select("thead th")[1:]
    assert all(th.select_one("span[lang]") for th in headers)  # Chinese labels on an English page are marked
    names = [th.get_text() for th in headers]
    for tr in page.select("tbody tr"):
        cells = tr.find_all("td")
        # An empty cell is left out of the narrow screen's blocks (gk-empty): it has no column name to show.
        assert [td.get("data-label") for td in cells] == [name if td.contents else None for name, td in zip(names, cells)]
    first, second = (tr.find_all("td") for tr in page.select("tbody tr")[:2])
    assert [td["class"] for td in first] == [["gk-col-actions"], ["gk-col-deadline"], ["gk-col-units"]]
    assert [td["class"] for td in second] == [["gk-col-actions", "gk-empty"], ["gk-col-deadline"],
                                              ["gk-col-units", "gk-empty"]]
    assert [td.get("data-label") for td in second] == [None, names[1], None]
