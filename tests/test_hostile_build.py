"""Hostile data built into a site (tests/hostile.py): every payload stands in the data, and the
pages show the names, titles and headings that carry them as typed, in the <title>, the metadata, the
header, the navigation, the headings and the footer."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hostile import AGENCY, PAYLOADS, PINNED, PLAN
from support import EXAMPLE_AGENCY

from gongkai.i18n.catalogue import ui
from gongkai.pages.metadata import META_NAMES


def test_the_payloads_reach_every_kind_of_file(hostile):
    files = {path.rsplit("/", 1)[-1] for path, _ in hostile.placed}
    assert files == {"agency.yml", "plan.yml", "results.yml", "portal.yml"}
    # Every payload stands somewhere; the ones the check refuses (script links, remote images) only
    # where they are plain text, which is shown as typed.
    assert hostile.payloads_placed == set(PAYLOADS)
    assert len(hostile.placed) > 200


def test_titles_names_and_metadata_read_back_as_typed(hostile_site):
    agency, title, publisher = (PINNED[key] for key in [(AGENCY, "name.zh-TW"), (PLAN, "title.zh-TW"),
                                                        ("portal.yml", "publisher.name.zh-TW")])
    site_name = ui("site_name", "zh-TW")
    page = BeautifulSoup((hostile_site / "plans" / EXAMPLE_AGENCY / "114" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.title.get_text() == f"{title}｜{agency}｜{site_name}"
    meta = {tag["name"]: tag["content"] for tag in page.find_all("meta", attrs={"name": True})}
    assert meta["DC.Creator"] == agency and meta["DC.Publisher"] == publisher
    assert meta["DC.Title"] == f"{title}｜{agency}"
    assert [name for name in META_NAMES if name in meta] == [name for name in meta if name in META_NAMES]
    assert page.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == f"{title}｜{agency}"
    site_map = BeautifulSoup((hostile_site / "site-map" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert agency in [item.find(string=True, recursive=False) for item in site_map.select("article li")]
    assert page.find("h1").get_text() == title
    assert page.select_one("#sec-basis").get_text().endswith(PINNED[(PLAN, "sections[0].heading.zh-TW")])
    assert page.select_one(".gk-footer__name").get_text() == publisher


def test_the_accessibility_mark_and_exemption_reasons_read_back_as_typed(hostile_site):
    home = BeautifulSoup((hostile_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    mark = home.select_one(".gk-mark img")
    assert mark["alt"] == PINNED[("portal.yml", "accessibility_mark.alt")]
    assert mark["src"] == "assets/accessibility-mark.png"
    # Last year's results are excused, with the reason, in the home page's table of agencies.
    assert PINNED[("portal.yml", "reporting.exemptions[1].reason")] in home.select_one("table.gk-agencies").get_text()
