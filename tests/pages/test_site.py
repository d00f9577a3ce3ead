"""The pieces of a site one language needs: pages, navigation, markers, files to copy."""

import shutil
import subprocess

from bs4 import BeautifulSoup
from support import FIXTURES, GONGKAI

from gongkai.pages.site import HOME_MARKER, MARK_MARKER, Site


def _with_mark(minimal_plans):
    shutil.copy(FIXTURES / "accessibility-mark.png", minimal_plans.parent / "mark.png")
    (minimal_plans.parent / "portal.yml").write_text(
        "accessibility_mark:\n  image: mark.png\n  url: https://example.org/mark\n  alt: 通過AA等級無障礙網頁檢測\n",
        encoding="utf-8")


def test_home_marker_becomes_the_agency_table(minimal_plans):
    site, report = Site.load(minimal_plans, "zh-TW")
    assert report.ok
    html = site.expand(f"intro\n\n{HOME_MARKER}\n", "index.md")
    assert "範例事務所" in html and "gk-agencies" in html


def test_accessibility_mark_is_shown_only_when_configured(minimal_plans):
    site, _ = Site.load(minimal_plans, "zh-TW")
    assert site.expand(MARK_MARKER, "index.md") == ""
    _with_mark(minimal_plans)
    site, report = Site.load(minimal_plans, "zh-TW")
    assert report.ok
    img = BeautifulSoup(site.expand(MARK_MARKER, "index.md"), "html.parser").select_one("a[href='https://example.org/mark'] img")
    assert (img["width"], img["height"], img["alt"]) == ("88", "31", "通過AA等級無障礙網頁檢測")
    assert img["src"] == "assets/accessibility-mark.png"
    assert BeautifulSoup(site.expand(MARK_MARKER, "accessibility.md"), "html.parser").img["src"] == \
        "../assets/accessibility-mark.png"
    assert any(path == "assets/accessibility-mark.png" for _, path in site.assets())


def test_built_home_page_carries_the_mark_and_its_image(minimal_plans, tmp_path):
    _with_mark(minimal_plans)
    out = tmp_path / "site"
    result = subprocess.run([*GONGKAI, "build", "--out", str(out),
                             "--plans", str(minimal_plans)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article .gk-mark img")["src"] == "assets/accessibility-mark.png"
    assert (out / "assets" / "accessibility-mark.png").read_bytes() == (FIXTURES / "accessibility-mark.png").read_bytes()
    assert (out / "en" / "assets" / "accessibility-mark.png").is_file()


def test_the_site_tree_lists_every_generated_page(minimal_plans):
    site, _ = Site.load(minimal_plans, "en")
    flat = str(site.site_tree())
    for page in site.pages():
        assert page.path in flat, page.path


def test_the_menu_does_not_grow_with_the_portal(minimal_plans):
    site, _ = Site.load(minimal_plans, "en")
    assert "sample-office" not in str(site.nav())
    assert {"Agency plans": "plans/index.md"} in site.nav()
