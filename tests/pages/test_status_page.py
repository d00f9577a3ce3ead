"""The 公開狀態 / Reporting status page judges every agency on the build's "today" by the reporting rules."""

import datetime

from bs4 import BeautifulSoup
from support import PLANS

from gongkai.data.settings import load_settings
from gongkai.pages.renderer import renderer
from gongkai.pages.site import Site
from gongkai.pages.status import PATH, requirement_sentence

EXEMPTION = """
reporting:
  deadline: "{deadline}"
  exemptions:
    - agency: chiayi-veterans-service-office
      year: 114
      item: results
      reason: {{zh-TW: 本處114年度執行成效併入上級機關公開, en: "Its 2025 results are published by its parent agency"}}
"""


def _page(lang: str, on: datetime.date | None = None, settings_file=None):
    site, report = Site.load(PLANS, lang, on=on, settings_file=settings_file)
    assert report.ok
    page = next(p for p in site.pages() if p.path == PATH)
    return site, BeautifulSoup(page.body, "html.parser")


def _row(soup: BeautifulSoup, agency_text: str):
    return next(r for r in soup.select("table.gk-reporting tbody tr") if agency_text in r.th.get_text())


def _cells(soup: BeautifulSoup, agency_text: str) -> list[str]:
    """The row's two requirements, as read."""
    return [td.get_text(" ", strip=True) for td in _row(soup, agency_text).find_all("td") if "gk-rule" not in td.get("class", [])]


def _rule(soup: BeautifulSoup, agency_text: str) -> str:
    """The rule the row says it is judged by."""
    return _row(soup, agency_text).select_one("td.gk-rule").get_text(" ", strip=True)


def _settings(tmp_path, deadline="01-31"):
    path = tmp_path / "portal.yml"
    path.write_text(EXEMPTION.format(deadline=deadline), encoding="utf-8")
    return path


def test_before_the_deadline_missing_items_are_due_not_late():
    _, soup = _page("en", datetime.date(2026, 1, 15))
    assert "Late" not in soup.get_text()
    # The example plan of 115 is approved on 22 January: not yet published on the 15th.
    assert _cells(soup, "Example District Office") == [
        "… Not yet due : not yet published; due by 31 January 2026"] * 2


def test_after_the_deadline_missing_and_incomplete_items_are_marked_late_in_words():
    _, soup = _page("zh-TW", datetime.date(2026, 2, 1))
    # The state in a short word, then its details.
    assert _cells(soup, "示範區公所") == ["✓ 已公開 ： 民國115年1月22日 起",
                                          "⚠ 逾期 ： 不完整（14／16項已填報），期限為 民國115年1月31日"]
    assert _cells(soup, "嘉義榮民服務處")[0] == "⚠ 逾期 ： 未公開，期限為 民國115年1月31日"
    assert [s.get_text(strip=True) for s in soup.select("td .gk-report")][:2] == ["⚠逾期", "⚠逾期"]
    assert soup.select_one("table.gk-reporting caption").get_text() == "各機關公開狀態"
    assert all(th.get("scope") for th in soup.select("table.gk-reporting th"))


def test_page_shows_the_day_it_judges_and_the_deadline_rule():
    _, soup = _page("en", datetime.date(2026, 2, 1))
    text = soup.get_text(" ", strip=True)
    assert "by 31 January each year" in text
    assert soup.find("time", attrs={"datetime": "2026-02-01"}) is not None


def test_gongkai_today_sets_the_day_judged(monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2027-03-01")
    site, soup = _page("en")
    assert site.today == datetime.date(2027, 3, 1)
    assert _cells(soup, "Example District Office")[0].startswith("⚠ Late")  # no plan for 116


def test_an_exemption_shows_its_reason_instead_of_a_late_mark(tmp_path):
    site, soup = _page("en", datetime.date(2026, 6, 1), _settings(tmp_path))
    plan_cell, results_cell = _cells(soup, "Chiayi Veterans Service Office")
    assert plan_cell.startswith("⚠ Late")
    assert results_cell == "— Exempt : Its 2025 results are published by its parent agency"
    chiayi = next(a for a in site.manifest["agencies"] if a["id"] == "chiayi-veterans-service-office")
    assert chiayi["exemptions"] == [{"year": 114, "item": "results", "reason": {
        "zh-TW": "本處114年度執行成效併入上級機關公開", "en": "Its 2025 results are published by its parent agency"}}]


def test_a_configured_deadline_is_used_and_carried_in_the_manifest(tmp_path):
    site, soup = _page("en", datetime.date(2026, 2, 15), _settings(tmp_path, "03-31"))
    assert "Late" not in soup.get_text()
    assert "by 31 March each year" in soup.get_text(" ", strip=True)
    assert site.manifest["rules"] == {"deadline": "03-31"}


def test_a_deadline_that_is_not_a_day_of_every_year_is_a_clear_problem(tmp_path):
    _, problems = load_settings(_settings(tmp_path, "02-29"))
    assert problems and problems[0].field == "reporting.deadline"


def test_agencies_with_only_past_years_plans_are_history_with_the_rule_said():
    _, soup = _page("zh-TW", datetime.date(2026, 11, 29))
    assert _cells(soup, "南投縣政府社會局") == ["◌ 歷年資料"] * 2
    assert _rule(soup, "南投縣政府社會局") == "歷年資料：本站最新為95年計畫，不以今年度期限判斷"
    # The agency whose newest plan is last year's is still judged by this year's deadline.
    assert _cells(soup, "嘉義榮民服務處")[0].startswith("⚠ 逾期")
    assert _rule(soup, "嘉義榮民服務處") == "今年度期限： 民國115年1月31日"
    assert "不以今年度的期限判斷" in soup.get_text()
    _, soup = _page("en", datetime.date(2026, 11, 29))
    assert _rule(soup, "Social Affairs Bureau, Nantou").startswith("Past years only: the newest plan here is of 2006")


def test_every_row_says_the_rule_it_is_judged_by_which_follows_the_supervisors_rule():
    """From the day after the deadline (1 February), this year's plan must be out and last year's results out and
    complete; an agency whose newest plan here is older than last year's is history. A year on, the agency whose
    newest plan is of 114 becomes history too."""
    for on, history in ((datetime.date(2026, 2, 1), {"高雄市兵役處", "宜蘭縣羅東鎮戶政事務所", "南投縣政府社會局",
                                                      "臺南市玉井區公所"}),
                        (datetime.date(2027, 2, 1), {"高雄市兵役處", "宜蘭縣羅東鎮戶政事務所", "南投縣政府社會局",
                                                      "臺南市玉井區公所", "嘉義榮民服務處"})):
        _, soup = _page("zh-TW", on)
        header = [th.get_text(strip=True) for th in soup.select("table.gk-reporting thead th")]
        assert header[1] == "判斷依據"
        rows = {r.th.a.get_text(): r.select_one("td.gk-rule").get_text(strip=True) for r in soup.select("table.gk-reporting tbody tr")}
        assert {name for name, said in rows.items() if said.startswith("歷年資料")} == history, on
        assert all(said.startswith("今年度期限") for name, said in rows.items() if name not in history), on
    # On 31 January nothing is late yet; on 1 February the missing and incomplete are.
    _, soup = _page("zh-TW", datetime.date(2026, 1, 31))
    assert "逾期" not in soup.select_one("table.gk-reporting").get_text()
    _, soup = _page("zh-TW", datetime.date(2026, 2, 1))
    assert _cells(soup, "示範區公所")[1].startswith("⚠ 逾期")


def test_status_page_is_in_the_navigation():
    site, _ = Site.load(PLANS, "zh-TW")
    assert {"公開狀態": PATH} in site.nav()


def test_an_exemption_for_an_unknown_agency_is_reported(tmp_path):
    path = tmp_path / "portal.yml"
    path.write_text(EXEMPTION.format(deadline="01-31").replace("chiayi-veterans-service-office", "chiayi-veterans"),
                    encoding="utf-8")
    _, report = Site.load(PLANS, "en", settings_file=path)
    assert not report.ok
    assert "chiayi-veterans" in report.format(tmp_path) and "not in plans/" in report.format(tmp_path)


def test_the_plain_sentence_for_the_spot_check_says_what_the_page_says(tmp_path):
    requirements = []
    for on in (datetime.date(2026, 1, 15), datetime.date(2026, 2, 1)):
        site, _ = Site.load(PLANS, "en", on=on, settings_file=_settings(tmp_path))
        requirements += [req for reqs in site.assessed.values() for req in reqs]
    site, _ = Site.load(PLANS, "en", on=datetime.date(2026, 11, 29))
    requirements += [req for reqs in site.assessed.values() for req in reqs]
    assert {req.state for req in requirements} == {"due", "exempt", "history", "late", "met"}
    for lang in ("zh-TW", "en"):
        for req in requirements:
            cell = BeautifulSoup(renderer(lang).macro("reporting.html", "requirement", req), "html.parser")
            cell.select_one("[aria-hidden]").decompose()
            assert cell.get_text().strip() == requirement_sentence(req, lang)
