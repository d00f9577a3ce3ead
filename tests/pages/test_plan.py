"""Rendering pages of the small fixture portal, whose texts have no English yet."""

from bs4 import BeautifulSoup

from gongkai.data.load import load_portal
from gongkai.pages.plan import render_plan, render_results
from gongkai.pages.renderer import renderer


def _plan(minimal_plans):
    portal, report = load_portal(minimal_plans)
    assert report.ok
    agency = portal.agencies["sample-office"]
    return agency, agency.plans[114]


def test_english_page_of_an_untranslated_plan_says_so_with_the_share(minimal_plans):
    agency, plan = _plan(minimal_plans)
    soup = BeautifulSoup(render_plan(renderer("en"), agency, plan, []).body, "html.parser")
    notice = soup.select_one(".gk-notice--untranslated").get_text()
    assert "not yet translated" in notice and "0%" in notice
    marked = [m.get_text() for m in soup.select('[lang="zh-Hant-TW"].gk-untranslated')]
    assert "設置單一窗口。" in marked


def test_chinese_page_needs_no_translation_notice(minimal_plans):
    agency, plan = _plan(minimal_plans)
    soup = BeautifulSoup(render_plan(renderer("zh-TW"), agency, plan, []).body, "html.parser")
    assert not soup.select_one(".gk-notice--untranslated")
    assert not soup.select('[lang="zh-Hant-TW"]:not(dd)')


def test_numbering_is_generated_from_position(minimal_plans):
    agency, plan = _plan(minimal_plans)
    soup = BeautifulSoup(render_plan(renderer("zh-TW"), agency, plan, []).body, "html.parser")
    row_headers = [th.get_text(strip=True) for th in soup.select("table.gk-body-table tbody th")]
    assert row_headers == ["一、完備基礎服務項目", "(一)設置單一窗口。", "(二)辦理電話禮貌測試。"]


def test_results_show_measured_value_against_its_target(minimal_plans):
    agency, plan = _plan(minimal_plans)
    soup = BeautifulSoup(render_results(renderer("zh-TW"), agency, plan, []).body, "html.parser")
    measured = soup.select_one(".gk-measured").get_text()
    assert "測試分數：75分" in measured and "目標 ≥ 80分" in measured
    assert "測試分數未達標準。" in soup.get_text()
