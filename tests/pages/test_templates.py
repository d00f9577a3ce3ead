"""Page markup is made one way: in the Jinja templates, with one environment per language for the build."""

import re

import pytest
from bs4 import BeautifulSoup
from support import PLANS, ROOT

from gongkai.i18n.languages import CODES
from gongkai.pages.renderer import renderer
from gongkai.pages.site import HOME_MARKER, Site

PACKAGE = ROOT / "gongkai"
TEMPLATES = PACKAGE / "pages" / "templates"


@pytest.fixture(scope="module")
def pages():
    """Every generated page of both languages, and the home page's table of agencies, as HTML."""
    soups = []
    for lang in CODES:
        site, report = Site.load(PLANS, lang)
        assert report.ok
        soups += [(page.path, BeautifulSoup(page.body, "html.parser")) for page in site.pages()]
        soups.append(("index.md", BeautifulSoup(site.expand(HOME_MARKER, "index.md"), "html.parser")))
    return soups


def test_each_language_has_one_renderer_for_the_whole_build():
    site, _ = Site.load(PLANS, "en")
    assert site.renderer is renderer("en") is renderer("en")
    assert renderer("zh-TW") is not renderer("en")


def test_python_modules_make_no_tables_and_one_macro_makes_every_table_region():
    assert not [p for p in PACKAGE.rglob("*.py") if re.search(r"<table|role=.region", p.read_text(encoding="utf-8"))]
    regions = [p.name for p in TEMPLATES.iterdir() if 'role="region"' in p.read_text(encoding="utf-8")]
    assert regions == ["macros.html"]


def test_every_table_scrolls_in_a_region_the_keyboard_reaches_named_by_its_caption(pages):
    tables = [(path, table) for path, soup in pages for table in soup.find_all("table")]
    assert len(tables) > 50
    for path, table in tables:
        wrap = table.parent
        assert wrap.name == "div" and wrap.get("role") == "region" and wrap.get("tabindex") == "0", path
        assert wrap["aria-labelledby"] == table.caption["id"], path


def test_every_date_shown_is_machine_readable(pages):
    times = [(path, time) for path, soup in pages for time in soup.find_all("time")]
    assert len(times) > 50
    assert all(re.fullmatch(r"\d{4}-\d\d(-\d\d)?", time["datetime"]) and time.get_text() for _, time in times)
