"""Seed 004, the Luodong Household Registration Office's plan for 112: its table is 實施要領 | 執行策略 | 推動作法,
its header repeated on each page of the document, numbered 一、 (一) and 1. (a single 推動作法 unnumbered); a row
the page broke goes on in a row whose first cell is empty."""

import re

from fidelity import header_rows, markers, plan_page, seed_text, words

PAGE = ("luodong-household-registration-office", 112)
HEADER = re.compile(r"^實施要領\t.*$", re.MULTILINE)
MARKS = (re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^\([一二三四五六七八九十]+\)"),
         re.compile(r"(?<![\d.])\d+\.(?=\s)"))


def seed_table() -> str:
    text = seed_text("004")
    return text[text.index("肆、執行策略方法"):text.index("伍、實施期間\n\n本計畫")]


def seed_rows() -> list[list[str]]:
    """The rows of three cells under the header, without the header the document repeats on each page."""
    return [line.split("\t") for line in seed_table().splitlines()
            if line.count("\t") == 2 and not HEADER.match(line)]


def test_the_table_has_the_document_header_once():
    headers = HEADER.findall(seed_table())
    assert len(headers) == 5 and len(set(headers)) == 1
    header = [words(cell) for cell in headers[0].split("\t")]
    assert header == ["實施要領", "執行策略", "推動作法"]
    assert header_rows(plan_page(*PAGE)) == [header]


def test_the_numbers_are_those_of_the_document_in_its_order():
    marks = [m for row in seed_rows() for cell, mark in zip(row, MARKS) for m in mark.findall(cell.strip())]
    assert marks[:6] == ["一、", "(一)", "(二)", "1.", "2.", "3."]
    assert markers(plan_page(*PAGE)) == marks


def test_the_section_heading_and_the_period_are_not_repeated():
    page = plan_page(*PAGE)
    text = page.get_text()
    assert text.count("執行策略方法") == 2  # the heading, and the portal's caption of the table
    assert len(page.select("table.gk-body-table caption")) == 1
    period = re.search(r"伍、實施期間\n\n(.+)", seed_text("004")).group(1)
    assert text.count(period) == 1 and not page.select(".gk-period")


def test_the_basis_and_the_last_clause_read_as_the_document():
    page = plan_page(*PAGE)
    basis = [words(p.get_text()) for p in page.select("ol.gk-basis p")]
    seed = re.findall(r"- [一二]、(.+)", seed_text("004").split("壹、計畫依據\n")[1].split("貳、計畫目標\n")[0])
    assert basis == [words(s) for s in seed] and "函頒" in basis[0]
    clause = re.search(r"^## (柒、.+) \{#sec-\d+\}$", str(page), re.MULTILINE)
    assert words(clause.group(1)) == words(re.search(r"^柒、.+$", seed_text("004"), re.MULTILINE).group())


def test_the_english_page_has_the_same_table_in_english():
    page = plan_page(*PAGE, "en")
    assert header_rows(page) == [["Key points of implementation", "Implementation strategies",
                                  "How the plan is carried out"]]
    assert len(markers(page)) == len(markers(plan_page(*PAGE)))
    assert page.get_text().count("Implementation strategies and methods") == 2
