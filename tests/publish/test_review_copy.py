"""The review copy opens from disk: every link between its pages names a file that exists."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from crawl import element_ids, linked_addresses
from support import GONGKAI

from gongkai.publish.review_copy import file_link, file_links


@pytest.mark.parametrize("href, expected", [
    ("../plans/", "../plans/index.html"),
    ("plans/x/114/#a1-2", "plans/x/114/index.html#a1-2"),
    ("./", "./index.html"),
    (".", "./index.html"),
    ("..", "../index.html"),
    ("../..", "../../index.html"),
    ("../en/", "../en/index.html"),
    ("../assets/gongkai.css", "../assets/gongkai.css"),
    ("#gk-c", "#gk-c"),
    ("https://www.example.gov.tw/plans/", "https://www.example.gov.tw/plans/"),
    ("mailto:service@example.gov.tw", "mailto:service@example.gov.tw"),
    ("/plans/", "/plans/"),
])
def test_links_to_folders_name_their_index_page(href, expected):
    assert file_link(href) == expected


def test_pages_lose_their_search_engine_alternates_but_keep_the_language_switcher():
    html = ('<link rel="alternate" href="https://www.example.gov.tw/en/" hreflang="en">\n'
            '<a class="gk-language__link" href="./en/" hreflang="en">English</a>')
    assert file_links(html) == '<a class="gk-language__link" href="./en/index.html" hreflang="en">English</a>'


@pytest.fixture(scope="module")
def review_copy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    build = subprocess.run([*GONGKAI, "build", "--out", str(folder / "site")],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    copy = subprocess.run([*GONGKAI, "review-copy", str(folder / "site"),
                           str(folder / "copy")], capture_output=True, text=True)
    assert copy.returncode == 0, copy.stderr
    return folder / "copy"


def test_every_link_of_every_page_of_the_review_copy_names_an_existing_file(review_copy):
    pages = [p for p in review_copy.rglob("*.html") if p.name != "404.html"]  # 404.html is for web servers only
    assert len(pages) > 40
    problems = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for address in linked_addresses(html, page.as_uri()):
            parts = urlsplit(address)
            if parts.scheme != "file":
                continue
            target = Path(unquote(parts.path))
            if not target.is_file():
                problems.append(f"{page.relative_to(review_copy)} → {target}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in element_ids(
                    target.read_text(encoding="utf-8")):
                problems.append(f"{page.relative_to(review_copy)} → {urldefrag(address).fragment}: no such element")
    assert problems == []


def test_the_review_copy_names_no_address_of_the_live_site_that_a_browser_would_fetch(review_copy):
    for page in review_copy.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'rel="alternate" href="http' not in html
