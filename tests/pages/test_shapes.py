"""The four table shapes of tests/fixtures/shapes, built once as a site in both languages: each page's
table has the declared columns in order, under headers that span as declared, numbered in the declared
styles, with every body row as wide as the header; results keyed per action are shown per action."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from ruamel.yaml import YAML
from support import FIXTURES, GONGKAI, MARKER_SELECTOR, ROOT

SHAPES = FIXTURES / "shapes"
AGENCIES = ("indicator-office", "action-rows-office", "spanned-header-office", "sub-tables-office")
YEAR = 114
LANGS = ("zh-TW", "en")
PREFIX = {"zh-TW": "", "en": "en/"}


@pytest.fixture(scope="session")
def shapes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the shape fixtures, both languages, once per test session."""
    out = tmp_path_factory.mktemp("shapes-site") / "site"
    result = subprocess.run([*GONGKAI, "build", "--plans", str(SHAPES), "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "GONGKAI_TODAY": "2026-02-01"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page(site: Path, agency: str, lang: str, results: bool = False) -> BeautifulSoup:
    path = site / PREFIX[lang] / "plans" / agency / str(YEAR) / ("results/" if results else "") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def plan_data(agency: str) -> dict[str, Any]:
    return YAML(typ="safe").load((SHAPES / agency / str(YEAR) / "plan.yml").read_text(encoding="utf-8"))


def body(agency: str) -> dict[str, Any]:
    return next(s for s in plan_data(agency)["sections"] if s["kind"] == "body")


def declared_columns(agency: str) -> list[list[dict[str, Any]]]:
    """Each table's declared columns (a table without its own takes the body's)."""
    section = body(agency)
    tables = section.get("tables", [section])
    return [table.get("columns", section.get("columns")) for table in tables]


def label(column: dict[str, Any], lang: str) -> str:
    value = column["label"]
    return value[lang] if isinstance(value, dict) else value


def body_tables(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("table.gk-body-table")


def header(table: Tag) -> list[tuple[str, int]]:
    """The header cells of a table: text and how many columns each spans."""
    return [(th.get_text(strip=True), int(th.get("colspan", 1))) for th in table.select("thead th")]


def grid(tbody: Tag) -> list[list[Tag]]:
    """The rows of a <tbody> laid out as a grid: each cell placed in every row and column it spans, as a
    browser lays the table out. Fails where a cell would cover another or span past the <tbody>."""
    rows = tbody.find_all("tr", recursive=False)
    placed: dict[tuple[int, int], Tag] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all(["th", "td"], recursive=False):
            while (r, c) in placed:
                c += 1
            for i in range(int(cell.get("rowspan", 1))):
                for j in range(int(cell.get("colspan", 1))):
                    assert (r + i, c + j) not in placed, f"cells overlap at row {r + i}, column {c + j}"
                    assert r + i < len(rows), f"a rowspan runs past its <tbody>: {cell.get_text(strip=True)}"
                    placed[(r + i, c + j)] = cell
            c += int(cell.get("colspan", 1))
    width = max((c + 1 for _, c in placed), default=0)
    return [[placed.get((r, c)) for c in range(width)] for r in range(len(rows))]


def is_rectangular(table: Tag, width: int) -> bool:
    """Every body row of `table`, with the cells spanning into it, fills exactly `width` columns."""
    for tbody in table.find_all("tbody", recursive=False):
        for row in grid(tbody):
            if len(row) != width or any(cell is None for cell in row):
                return False
    return True


def markers(table: Tag) -> list[str]:
    return [m.get_text(strip=True) for m in table.select(f"tbody {MARKER_SELECTOR}")]


# Each shape builds and reads -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("agency", AGENCIES)
def test_each_shape_builds_its_plan_and_results_pages_in_both_languages(shapes_site, agency, lang):
    for results in (False, True):
        soup = page(shapes_site, agency, lang, results)
        assert body_tables(soup), (agency, lang, results)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("agency", AGENCIES)
def test_header_row_is_the_declared_columns_in_order_without_repeats(shapes_site, agency, lang):
    tables = body_tables(page(shapes_site, agency, lang))
    declared = declared_columns(agency)
    assert len(tables) == len(declared)
    for table, columns in zip(tables, declared, strict=True):
        expected = [(label(c, lang), len(c.get("levels", [1]))) for c in columns]
        assert header(table) == expected
        texts = [text for text, _ in header(table)]
        assert len(texts) == len(set(texts)), f"a header is repeated: {texts}"


@pytest.mark.parametrize("lang", LANGS)
def test_one_header_over_two_levels_spans_both_columns(shapes_site, lang):
    [table] = body_tables(page(shapes_site, "spanned-header-office", lang))
    [first, *_] = table.select("thead th")
    assert first.get("colspan") == "2"
    assert first.get_text(strip=True) == {"zh-TW": "工作要項", "en": "Main tasks"}[lang]
    # The item of level 1 and the one of level 2 stand in the two columns under it.
    first_row = table.select_one("tbody tr")
    assert [th.get_text(strip=True) for th in first_row.find_all("th", recursive=False)] == \
        {"zh-TW": ["一、完備基礎服務項目", "(一)建立標準作業流程"],
         "en": ["1.Complete the basic services", "(1)Standard operating procedures"]}[lang]


@pytest.mark.parametrize("results", [False, True], ids=["plan", "results"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("agency", AGENCIES)
def test_every_body_row_is_as_wide_as_the_header(shapes_site, agency, lang, results):
    for table in body_tables(page(shapes_site, agency, lang, results)):
        width = sum(span for _, span in header(table))
        assert is_rectangular(table, width), (agency, lang, results)


def test_the_grid_helper_finds_a_row_too_short_or_too_long():
    short = BeautifulSoup("<table><tbody><tr><th rowspan=2>a</th><td>b</td></tr><tr></tr></tbody></table>",
                          "html.parser").table
    wide = BeautifulSoup("<table><tbody><tr><th>a</th><td>b</td></tr><tr><th colspan=2>c</th><td>d</td></tr>"
                         "</tbody></table>", "html.parser").table
    good = BeautifulSoup("<table><tbody><tr><th rowspan=2>a</th><td>b</td></tr><tr><td>c</td></tr></tbody></table>",
                         "html.parser").table
    assert not is_rectangular(short, 2)
    assert not is_rectangular(wide, 2)
    assert is_rectangular(good, 2)


# Numbering as the document writes it --------------------------------------------------------------

MARKERS = {
    # 一、 （一） 1、 （1） for the four levels, 甲、 for the actions; a leaf at level 3 (2、) spans level 4.
    "indicator-office": ["一、", "（一）", "1、", "（1）", "甲、", "乙、", "（2）", "2、", "（二）", "1、", "（1）",
                         "二、", "（一）", "1、", "（1）", "（2）", "甲、", "乙、"],
    # Each action is a row of its own, numbered 1. after its method; a method's only action has no number,
    # as a list of one has none.
    "action-rows-office": ["一、", "(一)", "1.", "2.", "(二)", "二、", "(一)", "1.", "2."],
    # An unnumbered lead sentence ("辦理下列訓練：") before the actions 1–3: they keep their numbers.
    "spanned-header-office": ["一、", "(一)", "(二)", "1.", "2.", "3.", "二、", "(一)", "1.", "2."],
    # Each table numbers its items from 1 again.
    "sub-tables-office": ["1.", "(1)", "(2)", "2.", "1.", "1."],
}


@pytest.mark.parametrize("agency", AGENCIES)
def test_numbering_markers_follow_the_declared_styles(shapes_site, agency):
    tables = body_tables(page(shapes_site, agency, "zh-TW"))
    assert [m for table in tables for m in markers(table)] == MARKERS[agency]


def test_an_unnumbered_lead_sentence_has_no_number(shapes_site):
    [table] = body_tables(page(shapes_site, "spanned-header-office", "zh-TW"))
    [lead] = table.select("li.gk-lead")
    assert lead.get_text(strip=True) == "辦理下列訓練："
    assert not lead.select(MARKER_SELECTOR)


# Four levels ----------------------------------------------------------------------------------------

def test_four_levels_span_the_rows_of_their_leaves(shapes_site):
    [table] = body_tables(page(shapes_site, "indicator-office", "zh-TW"))
    spans = {th["id"]: (int(th.get("rowspan", 1)), int(th.get("colspan", 1))) for th in table.select("tbody th[id]")}
    assert spans == {
        "d1": (4, 1), "d1-1": (3, 1), "d1-1-1": (2, 1), "d1-1-1-1": (1, 1), "d1-1-1-2": (1, 1),
        # A leaf at level 3 spans the column of level 4 it does not reach.
        "d1-1-2": (1, 2),
        "d1-2": (1, 1), "d1-2-1": (1, 1), "d1-2-1-1": (1, 1),
        "d2": (2, 1), "d2-1": (2, 1), "d2-1-1": (2, 1), "d2-1-1-1": (1, 1), "d2-1-1-2": (1, 1),
    }


def test_a_named_cell_column_shows_each_leafs_value(shapes_site):
    [table] = body_tables(page(shapes_site, "indicator-office", "zh-TW"))
    points = [td.get_text(strip=True) for td in table.select("td[data-label='配分']")]
    assert points == ["5分", "3分", "4分", "3分", "5分", "5分"]


def test_a_deadline_as_written_is_shown_as_written_with_its_date_for_machines(shapes_site):
    [table] = body_tables(page(shapes_site, "indicator-office", "zh-TW"))
    first = table.select_one("td.gk-col-deadline time")
    assert (first.get_text(strip=True), first["datetime"]) == ("114.06.30", "2025-06-30")


# Several tables ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_several_tables_each_stand_under_their_own_sub_heading(shapes_site, lang):
    soup = page(shapes_site, "sub-tables-office", lang)
    headings = [t["heading"][lang] for t in body("sub-tables-office")["tables"]]
    h3s = soup.select("h3")
    assert [h.get_text(strip=True) for h in h3s] == headings
    assert [h.get("id") for h in h3s] == ["sec-body-1", "sec-body-2", "sec-body-3"]
    for h3, table in zip(h3s, body_tables(soup), strict=True):
        # The table that follows each sub-heading is that heading's, and its caption says so.
        assert h3.find_next("table", class_="gk-body-table") is table
        assert headings[h3s.index(h3)] in table.caption.get_text()


@pytest.mark.parametrize("results", [False, True], ids=["plan", "results"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("agency", AGENCIES)
def test_no_id_is_used_twice_on_a_page(shapes_site, agency, lang, results):
    ids = [element["id"] for element in page(shapes_site, agency, lang, results).select("[id]")]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


@pytest.mark.parametrize("results", [False, True], ids=["plan", "results"])
@pytest.mark.parametrize("agency", ["indicator-office", "action-rows-office", "spanned-header-office"])
def test_a_body_of_one_table_has_no_sub_heading_repeating_its_section(shapes_site, agency, results):
    soup = page(shapes_site, agency, "zh-TW", results)
    assert not soup.select("article h3, .md-content h3")


# Results per action -------------------------------------------------------------------------------

ACTION_STATUSES = [("s1-1-a1", "completed"), ("s1-1-a2", "ongoing"), ("s1-2-a1", "not-achieved"),
                   ("s2-1-a1", "completed"), ("s2-1-a2", "not-reported")]


@pytest.mark.parametrize("lang", LANGS)
def test_results_keyed_per_action_show_a_status_in_each_action_row(shapes_site, lang):
    [table] = body_tables(page(shapes_site, "action-rows-office", lang, results=True))
    rows = table.select("tbody > tr")
    assert len(rows) == len(ACTION_STATUSES)
    statuses = []
    for row in rows:
        [status] = row.select("td.gk-col-status")
        assert "rowspan" not in status.attrs
        [badge] = status.select(".gk-status")
        statuses.append(next(c.removeprefix("gk-status--") for c in badge["class"] if c.startswith("gk-status--")))
    assert statuses == [status for _, status in ACTION_STATUSES]


def test_results_keyed_per_action_show_each_actions_own_narrative(shapes_site):
    [table] = body_tables(page(shapes_site, "action-rows-office", "zh-TW", results=True))
    rows = table.select("tbody > tr")
    assert "全年受理跨縣市謄本申請1,284件。" in rows[0].select_one("td.gk-col-result").get_text()
    assert "預約系統改版延至115年。" in rows[2].select_one("td.gk-col-result").get_text()


def test_results_summary_counts_actions_where_results_are_keyed_per_action(shapes_site):
    # Five actions, two completed: the summary counts what the results report on, not the three leaves.
    soup = page(shapes_site, "action-rows-office", "zh-TW", results=True)
    summary = [dd.get_text(strip=True) for dd in soup.select("dd") if dd.get_text(strip=True).startswith("共")]
    assert summary == ["共5項，已完成2項（40%）"]


def test_results_keyed_per_item_show_one_status_per_leaf(shapes_site):
    [table] = body_tables(page(shapes_site, "spanned-header-office", "zh-TW", results=True))
    assert len(table.select("td.gk-col-status")) == 3


# The English page -----------------------------------------------------------------------------------

@pytest.mark.parametrize("agency", AGENCIES)
def test_english_page_has_english_headers_and_no_untranslated_text(shapes_site, agency):
    soup = page(shapes_site, agency, "en")
    assert soup.html["lang"] == "en"
    assert not soup.select(".gk-notice--untranslated, .gk-untranslated")
    for table in body_tables(soup):
        head = "".join(text for text, _ in header(table))
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in head), head
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in table.caption.get_text()), table.caption


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_shapes_downloads_lay_out_its_tables_with_the_declared_columns(shapes_site, agency):
    """The ODT and the ODS's sheets after the first hold each body table with the page's headers, in order;
    the CSV keeps the open-data columns, with a row per reported action where the results report on actions."""
    import csv
    import io

    from odf.opendocument import load
    from odf.table import Table, TableCell, TableHeaderRows

    folder = shapes_site / "plans" / agency / str(YEAR) / "downloads"
    on_page = [[th.get_text(strip=True) for th in table.select("thead th")]
               for table in body_tables(page(shapes_site, agency, "zh-TW"))]
    odt = load(str(folder / f"{agency}-{YEAR}-plan.odt"))
    ods = load(str(folder / f"{agency}-{YEAR}-plan.ods"))
    for document, tables in ((odt, odt.text.getElementsByType(Table)[:len(on_page)]),
                             (ods, ods.spreadsheet.getElementsByType(Table)[1:])):
        headers = [[str(c) for c in t.getElementsByType(TableHeaderRows)[0].getElementsByType(TableCell)]
                   for t in tables]
        assert headers == on_page, document.mimetype
    results = folder / f"{agency}-{YEAR}-results.csv"
    rows = list(csv.DictReader(io.StringIO(results.read_text(encoding="utf-8-sig"))))
    shown = page(shapes_site, agency, "zh-TW", results=True).select("td.gk-col-status")
    assert len(rows) == len(shown)
