"""The review copy in Chromium, opened from disk as from a USB stick: pages, styles and links work offline."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import GONGKAI


@pytest.fixture(scope="module")
def review_copy(built_site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("review") / "copy"
    result = subprocess.run([*GONGKAI, "review-copy", str(built_site), str(target)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return target


def test_a_reader_moves_between_pages_and_languages_from_disk_without_the_network(page, review_copy):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((review_copy / "index.html").as_uri())
    # The theme's stylesheet applies: the header has its colour, not the browser's default.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    # Search cannot fetch its index from disk: neither the box nor the header's search button is shown.
    assert not page.locator(".gk-search").is_visible()
    assert not page.locator("label.md-header__button[for='__search']").is_visible()
    page.click("a.gk-language__link")
    assert page.url == (review_copy / "en" / "index.html").as_uri()
    page.goto((review_copy / "plans" / "index.html").as_uri())
    page.locator("article a[href*='example-district-office/index.html']").first.click()
    assert page.url == (review_copy / "plans" / "example-district-office" / "index.html").as_uri()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert [url for url in requests if not url.startswith("file://")] == []
