"""The site published under a sub-path (GONGKAI_SITE_URL=…/portal/) works when served there: every link resolves."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ElementTree
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from crawl import SITEMAP_NAMESPACES, element_ids, fetch, linked_addresses, sitemap_addresses, without_fragment
from support import GONGKAI

from gongkai.devtools.loopback import serve

SUB_PATH = "portal/"
LANGUAGE_ROOTS = ["", "en/"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory) -> str:
    """The portal built for, and served at, http://127.0.0.1:<port>/portal/."""
    parent = tmp_path_factory.mktemp("subpath")
    with serve(parent) as server_url:
        url = server_url + SUB_PATH
        result = subprocess.run([*GONGKAI, "build", "--out", str(parent / SUB_PATH)],
                                capture_output=True, text=True, env={**os.environ, "GONGKAI_SITE_URL": url})
        assert result.returncode == 0, result.stderr
        yield url


@pytest.fixture(scope="module")
def crawl(site_url) -> dict[str, bytes]:
    """Every page both sitemaps list, by address, fetched from the server."""
    pages = {}
    for root in LANGUAGE_ROOTS:
        status, xml = fetch(site_url + root + "sitemap.xml")
        assert status == 200
        for address in sitemap_addresses(xml)[0]:
            status, body = fetch(address)
            assert status == 200, address
            pages[address] = body
    return pages


class Links:
    """Fetches each address once, and remembers the element ids of each page."""

    def __init__(self) -> None:
        self.status: dict[str, int] = {}
        self.ids: dict[str, set[str]] = {}

    def broken(self, address: str, site_url: str) -> str | None:
        """Why `address` does not work for a visitor of the site at `site_url`, or None when it does."""
        if not address.startswith(site_url):
            return "outside the site"
        page, fragment = urldefrag(address)
        if page not in self.status:
            status, body = fetch(page)
            self.status[page] = status
            if status == 200 and page.endswith("/"):
                self.ids[page] = element_ids(body.decode("utf-8"))
        if self.status[page] != 200:
            return f"HTTP {self.status[page]}"
        if fragment and page in self.ids and fragment not in self.ids[page]:
            return f"no element #{fragment}"
        return None


def internal(address: str, site_url: str) -> bool:
    return urlsplit(address).netloc == urlsplit(site_url).netloc


def test_sitemaps_list_only_pages_under_the_sub_path(site_url, crawl):
    assert len(crawl) > 20
    assert all(address.startswith(site_url) for address in crawl)
    assert site_url in crawl and site_url + "en/" in crawl


def test_every_link_asset_and_script_of_every_page_resolves_under_the_sub_path(site_url, crawl):
    links = Links()
    problems = []
    for page, body in crawl.items():
        for address in linked_addresses(body.decode("utf-8"), page):
            if internal(address, site_url) and (reason := links.broken(address, site_url)):
                problems.append(f"{page} → {address}: {reason}")
    assert problems == []
    assert len(links.status) > len(crawl)


def test_the_language_switcher_and_sitemap_alternates_lead_to_the_same_page_in_the_other_language(site_url, crawl):
    page = site_url + "plans/example-district-office/114/results/"
    soup = BeautifulSoup(crawl[page], "html.parser")
    switcher = soup.select_one("a.gk-language__link")
    assert urljoin(page, switcher["href"]) == site_url + "en/plans/example-district-office/114/results/"
    sitemap = ElementTree.fromstring(fetch(site_url + "sitemap.xml")[1])
    entry = next(url for url in sitemap.findall("s:url", SITEMAP_NAMESPACES)
                 if url.find("s:loc", SITEMAP_NAMESPACES).text == page)
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NAMESPACES)}
    assert alternates == {"zh-Hant-TW": page, "en": site_url + "en/plans/example-district-office/114/results/"}
    assert soup.find("link", rel="canonical")["href"] == page


def test_sitemap_alternates_resolve_under_the_sub_path(site_url):
    links = Links()
    for root in LANGUAGE_ROOTS:
        alternates = sitemap_addresses(fetch(site_url + root + "sitemap.xml")[1])[1]
        assert alternates
        assert [a for a in alternates if links.broken(a, site_url)] == []


def test_search_results_lead_to_pages_under_the_sub_path(site_url):
    links = Links()
    for root in LANGUAGE_ROOTS:
        status, index = fetch(site_url + root + "search/index.json")
        assert status == 200
        locations = set()
        for number in range(json.loads(index)["pages"]):
            status, chunk = fetch(f"{site_url}{root}search/d/{number}/1.json")
            assert status == 200
            data = json.loads(chunk)
            # The script resolves each address against the language's root, and adds the anchor of the text shown.
            page = urljoin(site_url + root, data["u"])
            locations.add(page)
            locations.update(f"{page}#{anchor}" for anchor, _ in data["b"] if anchor)
        assert len(locations) > 20
        assert [location for location in locations if links.broken(location, site_url)] == []


def test_the_not_found_page_works_at_any_depth_under_the_sub_path(site_url):
    """A server shows 404.html at the address that was not found, so its links must not depend on where that is."""
    links = Links()
    for root in LANGUAGE_ROOTS:
        status, body = fetch(site_url + root + "404.html")
        assert status == 200
        missing = site_url + root + "plans/no-such-agency/999/"
        addresses = [a for a in linked_addresses(body.decode("utf-8"), missing)
                     if internal(a, site_url) and without_fragment(a) != missing]
        assert len(addresses) > 10
        assert [a for a in addresses if links.broken(a, site_url)] == []
