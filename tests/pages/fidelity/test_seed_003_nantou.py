"""Seed 003, 南投縣政府社會局九十五年度提升服務品質執行計畫: its page reads like the approved document. The header
row, the numbers, the deadlines and the sections are read from the document's own text
(tests/fixtures/seeds/003_…), not copied from the plan's YAML."""

import re

import pytest
from bs4 import BeautifulSoup
from fidelity import header_rows, markers, plan_page, seed_text, top_level, words

AGENCY, YEAR = "nantou-social-affairs-bureau", 95
SEED = seed_text("003")
TITLE = "南投縣政府社會局九十五年度提昇服務品質實施要項及步驟"
# The body table: from its title to the next top-level clause; its header, from the title to the first item.
TABLE = SEED[SEED.index(TITLE):SEED.index("陸、管制考核")]
# Each header cell starts a line with a tab; a line without one goes on the cell before (執行機關 / 〈單位〉).
HEADER = [words(cell) for cell in TABLE[len(TITLE):TABLE.index("\t一、")].split("\n\t") if words(cell)]
# A number as the document writes it at the start of a cell or a line: 一、 (一) 1、
MARKER = re.compile(r"^[\t ]*([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+、)", re.M)
# A deadline as the document writes it, 民國 year first: 95.12.31
DEADLINE = re.compile(r"^\t(\d{2,3})\.(\d{1,2})\.(\d{1,2})\s*$", re.M)
TOP = re.compile(r"^([壹貳參肆伍陸柒捌玖拾]、[^:：\n]+)", re.M)
PERIOD = re.search(r"實施期間[:：]\s*(.+)", SEED).group(1).strip()


@pytest.fixture(scope="module")
def page():
    return plan_page(AGENCY, YEAR)


def _section(page, anchor: str) -> str:
    """The words of a section of the page after its heading, up to the next heading."""
    text = str(page)
    start = text.index(f"{{#{anchor}}}") + len(anchor) + 3
    return words(BeautifulSoup(text[start:text.index("\n## ", start)], "html.parser").get_text())


def test_the_header_row_is_the_documents_in_its_order(page):
    assert HEADER[0] == "實施要項" and len(HEADER) == 5
    [row] = header_rows(page)
    assert [words(cell) for cell in row if cell] == HEADER
    assert len(set(HEADER)) == len(HEADER)


def test_the_items_of_both_levels_stand_in_the_one_column_the_document_gives_them(page):
    first = page.select_one("table.gk-body-table thead th")
    assert words(first.get_text()) == HEADER[0] and not first.get("colspan")
    # As in the document, each 一、 is a row of its own, its (一) items below it in the same column.
    groups = [words(th.get_text()) for th in page.select("table.gk-body-table tr.gk-group-row th")]
    # (One row's outcomes are numbered 一、 二、 too: those come after the items they repeat.)
    tops = list(dict.fromkeys(m for m in MARKER.findall(TABLE) if re.fullmatch(r"[一二三四五六七八九十]+、", m)))
    assert [re.match(r"[一二三四五六七八九十]+、", g).group(0) for g in groups] == tops


def test_numbers_are_the_documents_in_its_order_and_style(page):
    assert markers(page) == MARKER.findall(TABLE)


def test_deadlines_show_as_written_with_their_dates_for_machines(page):
    cells = page.select("table.gk-body-table td.gk-col-deadline")
    written = [".".join(d) for d in DEADLINE.findall(TABLE)]
    assert [words(c.select_one("time, span").get_text()) for c in cells] == written
    for cell, (year, month, day) in zip(cells, DEADLINE.findall(TABLE), strict=True):
        time = cell.find("time")
        if (month, day) == ("11", "31"):
            # The document's 95.11.31 is no date: it is shown as written, with no date for machines.
            assert time is None
        else:
            assert time["datetime"] == f"{int(year) + 1911}-{int(month):02}-{int(day):02}"
    assert {time.get_text(strip=True) for time in page.find_all("time", datetime="2006-12-31")} == {"95.12.31"}


def test_the_period_is_shown_once_as_the_document_words_it(page):
    assert words(PERIOD) == "95年1月至12月"
    assert _section(page, "sec-period") == words(PERIOD)


def test_sections_and_the_last_clause_are_top_level_as_in_the_document(page):
    assert top_level(page) == [words(line) for line in TOP.findall(SEED)]
    # 捌 is a heading at the top level, so the page's table of contents lists it.
    assert re.search(r"^## 捌、本計畫如有未盡事宜.+ \{#sec-\d+\}$", str(page), re.M)


def test_no_line_is_added_to_the_table(page):
    text = page.get_text()
    assert "量化指標" not in text and "頻率" not in text
    assert page.select_one("table.gk-body-table caption").get_text(strip=True).startswith(TITLE)
    # The body has its heading once, not a second one over its only table.
    assert str(page).count("實施要項及步驟 {#") == 1


def test_the_english_page_has_the_headers_translated_and_english_numbers():
    english = plan_page(AGENCY, YEAR, "en")
    [row] = header_rows(english)
    assert row[0] == "Main items" and len(row) == len(HEADER)
    assert not any(re.search(r"[\u4e00-\u9fff]", cell) for cell in row)
    # English numbers the levels 1. (1) and the actions and outcomes 1., in place of 一、 (一) 1、
    style = {"一、": r"\d+\.", "(一)": r"\(\d+\)", "1、": r"\d+\."}
    found = markers(english)
    assert all(re.fullmatch(style[re.sub(r"\d+", "1", re.sub(r"[一二三四五六七八九十]+", "一", zh))], en)
               for zh, en in zip(MARKER.findall(TABLE), found, strict=True)), found
    assert "31 December 2006" in english.select_one("td.gk-col-deadline").get_text()

