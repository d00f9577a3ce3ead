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


def _longest_lists(minimal_plans, style=None):
    """The fixture plan with as many goals and top-level body items as a list may hold."""
    from gongkai.data.limits import MAX_ITEMS

    path = minimal_plans / "sample-office" / "114" / "plan.yml"
    text = path.read_text(encoding="utf-8")
    goals = "".join(f"      - 目標{n}\n" for n in range(1, MAX_ITEMS + 1))
    text = text.replace("      - 提升服務品質。\n", goals)
    if style:
        text = text.replace("  - kind: goals\n", f"  - kind: goals\n    list_style: {style}\n")
    items = "".join(f"      - id: x{n}\n        text: 項目{n}\n" for n in range(1, MAX_ITEMS - 1))
    text = text.replace("                unit: 分\n", "                unit: 分\n" + items)
    path.write_text(text, encoding="utf-8")


def test_plans_with_lists_as_long_as_allowed_render_in_both_languages(minimal_plans):
    _longest_lists(minimal_plans)
    agency, plan = _plan(minimal_plans)
    chinese = render_plan(renderer("zh-TW"), agency, plan, []).body
    english = render_plan(renderer("en"), agency, plan, []).body
    assert "五百、" in chinese and "四百九十九、" in chinese
    assert "500." in english


def test_a_stems_list_longer_than_the_stems_is_refused_by_check(minimal_plans):
    _longest_lists(minimal_plans, "甲、")
    _, report = load_portal(minimal_plans)
    problem = report.problems[0]
    assert problem.field == "sections[0].list_style" and problem.line == 5
    assert "甲 to 癸" in problem.summary.en and "甲到癸" in problem.summary.zh


def test_a_body_of_one_table_has_its_heading_once(minimal_plans):
    path = minimal_plans / "sample-office" / "114" / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - kind: body\n", "  - kind: body\n    heading: 執行策略方法\n"), encoding="utf-8")
    agency, plan = _plan(minimal_plans)
    body = render_plan(renderer("zh-TW"), agency, plan, []).body
    assert body.count("執行策略方法 {#") == 1 and body.count("{#sec-body}") == 1


def test_a_period_the_plan_words_is_shown_once_as_written(minimal_plans):
    path = minimal_plans / "sample-office" / "114" / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - kind: body\n", (
        "  - kind: period\n    start: 2025-01\n    end: 2025-12\n"
        "    text: 本計畫實施期間於民國114年1月起至114年12月止。\n  - kind: body\n")), encoding="utf-8")
    agency, plan = _plan(minimal_plans)
    soup = BeautifulSoup(render_plan(renderer("zh-TW"), agency, plan, []).body, "html.parser")
    assert "本計畫實施期間於民國114年1月起至114年12月止。" in soup.get_text()
    assert not soup.select(".gk-period") and "民國114年1月至民國114年12月" not in soup.get_text()


def test_a_deadline_as_written_is_the_words_in_chinese_and_their_meaning_in_english(minimal_plans):
    path = minimal_plans / "sample-office" / "114" / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "deadline: ongoing", "deadline: {as_written: 持續辦理。, ongoing: true}"), encoding="utf-8")
    agency, plan = _plan(minimal_plans)
    cells = {}
    for lang in ("zh-TW", "en"):
        soup = BeautifulSoup(render_plan(renderer(lang), agency, plan, []).body, "html.parser")
        cells[lang] = soup.select_one("table.gk-body-table td.gk-col-deadline")
    assert cells["zh-TW"].get_text() == "持續辦理。"
    assert cells["en"].get_text() == "Ongoing" and not cells["en"].select('[lang="zh-Hant-TW"]')
