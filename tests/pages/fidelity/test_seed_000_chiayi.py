"""Seed 000, the Chiayi Veterans Service Office's plan for 114: its table (附件1) is 實施要項 | 具 體 作 法 |
完 成 期 限, each action a row of its own, unnumbered, with its deadline written 持續辦理。 or 每年12月31日前。"""

import re

from fidelity import header_rows, markers, plan_page, seed_text, words
from support import ITEM_TEXT_SELECTOR

PAGE = ("chiayi-veterans-service-office", 114)


def seed_rows() -> list[list[str]]:
    """The rows of the document's table: the tab-separated lines after its header."""
    text = seed_text("000")
    table = text[text.index("實施要項\t"):]
    return [line.split("\t") for line in table.splitlines() if line.count("\t") == 2]


def test_the_table_has_the_document_header_once():
    header = [words(cell) for cell in seed_rows()[0]]
    assert header == ["實施要項", "具體作法", "完成期限"]
    assert header_rows(plan_page(*PAGE)) == [header]


def test_items_are_numbered_as_the_document_numbers_them_and_actions_not_at_all():
    marks = [m.group() for row in seed_rows()[1:] for cell in row[:2]
             if (m := re.match(r"[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+\)|\d+\.", cell.strip()))]
    assert marks == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert markers(plan_page(*PAGE)) == marks


def test_each_action_is_a_row_with_its_deadline_as_written():
    written = [words(row[2]) for row in seed_rows()[1:]]
    assert set(written) == {"持續辦理。", "每年12月31日前。"} and len(written) == 31
    table = plan_page(*PAGE).select_one("table.gk-body-table")
    assert [words(td.get_text()) for td in table.select("tbody td.gk-col-deadline")] == written
    actions = [words(th.get_text()) for th in table.select("tbody th[scope=row]")]
    assert len(actions) == 31 and actions[0] == words(seed_rows()[1][1])


def test_the_basis_and_goals_read_as_the_document():
    page = plan_page(*PAGE)
    basis = words(page.select_one("ol.gk-basis p").get_text())
    assert basis in words(seed_text("000")) and "函頒" in basis
    listed = page.find(string=re.compile(r"\{#sec-goals\}")).find_next("ol")
    goals = [words(item.get_text()) for item in listed.select(ITEM_TEXT_SELECTOR)]
    seed_goals = re.findall(r"- [一二三四五]、(.+)", seed_text("000").split("參、")[0])
    assert goals == [words(g) for g in seed_goals]


def test_the_english_page_has_the_same_table_in_english():
    page = plan_page(*PAGE, "en")
    assert header_rows(page) == [["Main items", "Specific actions", "Deadline"]]
    assert markers(page) == ["1.", "2.", "3.", "4.", "5.", "6."]
    deadlines = {td.get_text(strip=True) for td in page.select("table.gk-body-table td.gk-col-deadline")}
    assert deadlines == {"Ongoing", "By 31 December each year"}
    assert not page.select('table.gk-body-table td.gk-col-deadline [lang="zh-Hant-TW"]')
