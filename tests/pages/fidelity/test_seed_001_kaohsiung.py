"""Seed 001, 高雄市兵役處113年提升服務工作計畫: its page reads like the approved document. The header row, the
numbers and the sections are read from the document's own text (tests/fixtures/seeds/001_…), not copied from
the plan's YAML."""

import re

import pytest
from fidelity import header_rows, markers, plan_page, seed_text, top_level, words
from support import MARKER_SELECTOR

AGENCY, YEAR = "kaohsiung-military-service-office", 113
SEED = seed_text("001")
# The body table: from its first header row to the next top-level clause.
TABLE = SEED[SEED.index("工作要項\t"):SEED.index("伍、推動及管考")]
# Every header row the document repeats on its pages, without the trailing empty cell of some.
HEADERS = [line.rstrip("\t").split("\t") for line in TABLE.splitlines() if line.startswith("工作要項")]
# A number as the document writes it, at the start of a cell, a line or a paragraph: 一、 (一) 1.
MARKER = re.compile(r"(?:^|\s|>)([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)(?=\S|\s)", re.M)
TOP = re.compile(r"^([壹貳參肆伍陸柒捌玖拾]、.+)$", re.M)


@pytest.fixture(scope="module")
def page():
    return plan_page(AGENCY, YEAR)


def test_the_header_row_is_the_documents(page):
    assert len(HEADERS) > 1
    named = [[words(cell) for cell in row if cell] for row in HEADERS]
    assert all(row == named[0] for row in named)
    [row] = header_rows(page)
    assert [words(cell) for cell in row if cell] == named[0]
    assert len(set(named[0])) == len(named[0])


def test_one_header_stands_over_both_item_columns_as_in_the_document(page):
    spanning = [[words(cell) for cell in row] for row in HEADERS if "" in row]
    assert spanning, "the document draws 工作要項 over two columns"
    assert [words(cell) for cell in header_rows(page)[0]] == spanning[0]


def test_numbers_are_the_documents_in_its_order_and_style(page):
    assert markers(page) == MARKER.findall(TABLE)


def test_the_lead_sentence_of_three_three_is_unnumbered_and_the_list_after_it_starts_at_one(page):
    row = next(line for line in TABLE.splitlines() if "(三)推動跨單位" in line)
    lead = re.search(r"</p>\s*</td>|<p>([^<]+)</p>\s*<ol", row.split("\t")[2]).group(1)
    th = page.find(id="a3-3")
    rows = [th.parent] + th.parent.find_next_siblings("tr", limit=int(th["rowspan"]) - 1)
    actions = [r.select_one("td.gk-col-actions") for r in rows]
    assert words(actions[0].get_text()) == words(lead) and not actions[0].select(MARKER_SELECTOR)
    assert [a.select_one(MARKER_SELECTOR).get_text() for a in actions[1:]] == MARKER.findall(row.split("\t")[2])
    # Each action's unit in its row, as the document lines them up.
    assert [words(r.select_one("td.gk-col-units").get_text()) for r in rows] == \
        re.findall(r"<p>([^<]+)</p>", row.split("\t")[3])


def test_sections_are_the_documents_in_order(page):
    assert top_level(page) == [words(line) for line in TOP.findall(SEED)]


def test_no_line_is_added_to_the_table(page):
    text = page.get_text()
    assert "量化指標" not in text and "頻率" not in text
    # The body has its heading once, not a second one over its only table.
    assert str(page).count("計畫內容 {#") == 1


def test_the_english_page_has_the_headers_translated_and_english_numbers():
    english = plan_page(AGENCY, YEAR, "en")
    [row] = header_rows(english)
    assert row == ["Work items", "", "Key tasks", "Responsible unit"]
    found = markers(english)
    assert len(found) == len(MARKER.findall(TABLE))
    # English numbers its levels 1. (1) and the actions a. b. c., in place of 一、 (一) 1.
    style = {"一、": r"\d+\.", "(一)": r"\(\d+\)", "1.": r"[a-z]+\."}
    assert all(re.fullmatch(style[re.sub(r"\d+", "1", re.sub(r"[一二三四五六七八九十]+", "一", zh))], en)
               for zh, en in zip(MARKER.findall(TABLE), found, strict=True)), found
