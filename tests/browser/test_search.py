"""Site search, as a visitor uses it: type a query, read the result links."""

from __future__ import annotations

import pytest


def search(page, base_url: str, prefix: str, query: str) -> list[str]:
    page.goto(base_url + prefix)
    page.fill("input.md-search__input", query)
    # The theme searches on key presses; filling the field alone is lost if the index is ready before it.
    page.press("input.md-search__input", "End")
    # The search index is fetched and built by a web worker: slow on a busy machine, so wait generously.
    page.wait_for_selector(".md-search-result__item", timeout=90_000)
    # Results arrive ten at a time as the list is scrolled, as a visitor would scroll it.
    count = -1
    while count != (count := page.locator(".md-search-result__item").count()):
        page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTo(0, wrap.scrollHeight)")
        page.wait_for_timeout(300)
    return page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")


@pytest.mark.parametrize("prefix, query, expected", [
    ("", "無障礙", ["kaohsiung-military-service-office/113/", "chiayi-veterans-service-office/114/",
                  "luodong-household-registration-office/112/"]),
    ("", "單一窗口", ["chiayi-veterans-service-office/114/", "kaohsiung-military-service-office/113/",
                    "luodong-household-registration-office/112/"]),
    ("", "電話禮貌", ["chiayi-veterans-service-office/114/", "tainan-yujing-district-office/103/",
                    "kaohsiung-military-service-office/113/"]),
    ("en/", "accessibility", ["en/plans/kaohsiung-military-service-office/113/",
                              "en/plans/chiayi-veterans-service-office/114/"]),
    ("en/", "single window", ["en/plans/chiayi-veterans-service-office/114/",
                              "en/plans/kaohsiung-military-service-office/113/"]),
])
def test_queries_find_the_plans_that_mention_them(page, base_url, prefix, query, expected):
    links = search(page, base_url, prefix, query)
    for path in expected:
        assert any(path in link for link in links), (query, path, links)
    # Each language searches its own pages only.
    assert all(("/en/" in link) == (prefix == "en/") for link in links)
