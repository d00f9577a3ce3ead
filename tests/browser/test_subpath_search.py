"""Search and the language switcher in Chromium, on the site built for and served under a sub-path."""

from __future__ import annotations

import os
import subprocess

import pytest
from support import GONGKAI

from gongkai.devtools.loopback import serve


@pytest.fixture(scope="module")
def portal_url(tmp_path_factory) -> str:
    parent = tmp_path_factory.mktemp("subpath-browser")
    with serve(parent) as server_url:
        url = server_url + "portal/"
        result = subprocess.run([*GONGKAI, "build", "--out", str(parent / "portal")],
                                capture_output=True, text=True, env={**os.environ, "GONGKAI_SITE_URL": url})
        assert result.returncode == 0, result.stderr
        yield url


@pytest.mark.parametrize("prefix, query", [("", "無障礙"), ("en/", "accessibility")])
def test_search_under_a_sub_path_finds_pages_under_it(page, portal_url, prefix, query):
    page.goto(portal_url + prefix)
    # Filling the box is an input event, as a paste is: no key press is needed.
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    assert links and all(link.startswith(portal_url + prefix) for link in links)
    response = page.goto(links[0])
    assert response.status == 200


def test_the_language_switcher_under_a_sub_path_keeps_the_page(page, portal_url):
    page.goto(portal_url + "plans/example-district-office/")
    page.click("a.gk-language__link")
    assert page.url == portal_url + "en/plans/example-district-office/"
    page.click("a.gk-language__link")
    assert page.url == portal_url + "plans/example-district-office/"
