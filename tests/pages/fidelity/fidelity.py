"""Reading a plan page as the document it publishes: the body tables' header rows and the numbers of their
items, to compare with the text of the approved document (tests/fixtures/seeds)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from support import MARKER_SELECTOR

from gongkai.data.project import load_project
from gongkai.pages.plan import render_plan
from gongkai.pages.renderer import renderer

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def seed_text(name: str) -> str:
    """The approved document's text, by the start of its file name (e.g. "003")."""
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@cache
def plan_page(agency: str, year: int, lang: str = "zh-TW") -> BeautifulSoup:
    """The plan's page as the site renders it, from the repository's plans/."""
    project, report = load_project(ROOT / "plans")
    assert report.ok, report.format(ROOT)
    item = project.portal.agencies[agency]
    return BeautifulSoup(render_plan(renderer(lang), item, item.plans[year], []).body, "html.parser")


def header_rows(page: BeautifulSoup) -> list[list[str]]:
    """Each body table's header cells, a cell spanning n columns followed by n − 1 empty ones, as a
    document's text gives a header over two columns ("工作要項\t\t工作重點")."""
    rows = []
    for table in page.select("table.gk-body-table"):
        cells: list[str] = []
        for th in table.select("thead th"):
            cells += [th.get_text(strip=True)] + [""] * (int(th.get("colspan", 1)) - 1)
        rows.append(cells)
    return rows


def markers(page: BeautifulSoup) -> list[str]:
    """The numbers of the body tables' items and actions, in reading order."""
    return [m.get_text(strip=True) for table in page.select("table.gk-body-table")
            for m in table.select(f"tbody {MARKER_SELECTOR}")]


def words(text: str) -> str:
    """A text without spaces: the documents space their headers out (具 體 作 法)."""
    return re.sub(r"\s+", "", text)


def cell_text(cell: Tag) -> str:
    return words(cell.get_text())


def top_level(page: BeautifulSoup) -> list[str]:
    """The page's top-level clauses in order: its second-level headings, a clause without a heading of its own
    words."""
    return [words(h) for node in page.children if isinstance(node, NavigableString)
            for h in re.findall(r"^## (.+?) \{#", str(node), re.M)]
