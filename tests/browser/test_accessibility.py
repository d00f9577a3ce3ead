"""WCAG 2.2 AA and 網站無障礙規範 on every page, checked in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gongkai.devtools.axe import NOT_FOUND_PAGES, audit, audited_paths, format_report

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
NOT_FOUND = NOT_FOUND_PAGES


def soup(built_site, path: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_axe_finds_no_violations_on_any_page_at_phone_and_desktop_width(built_site, all_paths, chromium):
    assert len(all_paths) > 30 and "en/" in all_paths
    # The session's browser: a second Playwright cannot start while the first runs, whatever ran before.
    # `gongkai a11y` checks the same pages: the sitemaps' and the "page not found" pages.
    assert audited_paths(built_site) == all_paths + NOT_FOUND
    findings = audit(built_site, AXE, all_paths + NOT_FOUND, chromium=chromium)
    assert not findings, format_report(findings, len(all_paths) + len(NOT_FOUND))


def test_skip_link_is_the_first_tab_stop_and_lands_on_the_content(page, base_url, all_paths):
    for path in all_paths + NOT_FOUND:
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className").startswith("gk-skip"), path
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "gk-c", path


def test_every_page_has_the_four_access_keys_footer_links_and_a_noscript_notice(built_site, all_paths):
    for path in all_paths:
        html = soup(built_site, path)
        keys = {"".join(a["accesskey"]): a for a in html.select("a.gk-accesskey[accesskey]")}
        assert set(keys) == {"U", "C", "Z", "S"}, path
        assert all(a.get_text() == ":::" and a.get("title") for a in keys.values()), path
        here = built_site / path
        footer = {(here / a["href"]).resolve() for a in html.select("nav.gk-footer a[href]") if a["href"] != "#gk-z"}
        language_root = built_site / ("en" if path.startswith("en/") else "")
        assert {(language_root / "site-map").resolve(), (language_root / "accessibility").resolve()} <= footer, path
        assert html.find("noscript"), path


def test_the_skip_link_and_access_keys_are_in_the_header_and_main_holds_only_the_content(built_site, all_paths):
    for path in all_paths + NOT_FOUND:
        file = built_site / path if path.endswith(".html") else built_site / path / "index.html"
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        header, main = html.find("header"), html.find("main")
        assert not html.find("aside"), path
        assert header.select_one("a.gk-skip") is header.find("a"), path
        assert header.select_one("#gk-u") and header.select_one("#gk-s"), path
        assert html.find(id="gk-c") and main.find(id="gk-c"), path
        assert not main.find("nav") and not main.select_one(".md-sidebar"), path
        assert html.select_one(".md-sidebar--primary nav[aria-label]"), path


def test_chinese_on_english_pages_is_marked_as_chinese(built_site, all_paths):
    han = re.compile(r"[\u3400-\u9fff]")
    for path in [p for p in all_paths if p.startswith("en/")] + ["en/404.html"]:
        file = built_site / path if path.endswith(".html") else built_site / path / "index.html"
        body = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").body
        unmarked = [str(text).strip()[:40] for text in body.find_all(string=han)
                    if text.parent.name not in ("script", "style")
                    and not any((e.get("lang") or "").startswith("zh") for e in text.parents if e.name)]
        assert not unmarked, (path, unmarked[:5])


def test_page_language_is_declared(built_site):
    assert soup(built_site, ".").html["lang"] == "zh-Hant-TW"
    assert soup(built_site, "en").html["lang"] == "en"


def test_page_titles_are_unique_and_name_the_page_first(built_site, all_paths):
    titles = [soup(built_site, path).title.get_text() for path in all_paths]
    assert len(set(titles)) == len(titles)
    plan = soup(built_site, "plans/chiayi-veterans-service-office/114").title.get_text()
    assert plan == "嘉義榮民服務處114年提升政府服務效能執行計畫｜嘉義榮民服務處｜提升服務品質計畫公開網"


def test_site_map_lists_every_page_in_both_languages(built_site, all_paths):
    for prefix in ("", "en/"):
        html = soup(built_site, prefix + "site-map")
        page_dir = built_site / prefix / "site-map"
        linked = {(page_dir / a["href"]).resolve() for a in html.select("article a[href]") if not a["href"].startswith("#")}
        expected = {(built_site / p).resolve() for p in all_paths if p.startswith(prefix) and (prefix or not p.startswith("en/"))}
        assert expected <= linked, expected - linked
        assert "Alt" in html.get_text() and "U" in html.get_text()


@pytest.mark.parametrize("path", ["plans/tainan-yujing-district-office/103/", "en/plans/example-district-office/114/results/",
                                  "", "en/data-model/"])
def test_pages_reflow_at_320_px_without_sideways_scrolling(chromium, base_url, path):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_text_resized_to_200_percent_loses_nothing(page, base_url):
    page.goto(base_url + "plans/example-district-office/114/results/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.locator("svg.gk-chart").is_visible()


def test_focus_is_always_visible(page, base_url):
    page.goto(base_url + "plans/example-district-office/114/")
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        if style[0] == "BODY":
            break  # past the last Tab stop: focus has left the page
        assert style[1] != "none" and style[2] != "0px" or style[3] != "none", style


def test_plans_results_and_navigation_work_without_javascript(chromium, base_url):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    page.click('table.gk-agencies a[href$="example-district-office/"]')
    page.click('table.gk-table a[href$="114/"]')
    assert page.locator("table.gk-body-table").is_visible()
    page.click('dl.gk-fields a[href="results/"]')
    assert page.locator("table.gk-numbers").is_visible()
    assert page.locator(".gk-status").count() == 16
    page.click("a.gk-language__link")
    assert page.locator("h1").inner_text().startswith("2025 (ROC 114)")
    context.close()


def test_print_hides_navigation(page, base_url):
    page.goto(base_url + "plans/example-district-office/114/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("table.gk-body-table").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('table.gk-body-table tbody tr')).breakInside") == "avoid"


def _tab_to(page, selector: str, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching `selector` has focus."""
    target = page.locator(selector).first.element_handle()
    for _ in range(300):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("t => document.activeElement === t", target):
            return
    raise AssertionError(f"could not reach {selector} by keyboard")


@pytest.mark.parametrize("prefix, results_word", [("", "執行成效"), ("en/", "Results")])
def test_keyboard_only_from_home_to_plan_to_results_and_back(page, base_url, prefix, results_word):
    page.goto(base_url + prefix)
    _tab_to(page, 'table.gk-agencies a[href$="example-district-office/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/example-district-office/")
    _tab_to(page, 'table.gk-table a[href$="114/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/example-district-office/114/")
    _tab_to(page, 'dl.gk-fields a[href="results/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/114/results/")
    assert results_word in page.locator("h1").inner_text()
    _tab_to(page, 'dl.gk-fields a[href="../"]', backwards=True)  # the results page's link to its plan
    page.keyboard.press("Enter")
    page.wait_for_url("**/example-district-office/114/")
