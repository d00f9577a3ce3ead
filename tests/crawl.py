"""Reading a built site as a browser does: the pages its sitemaps list, and every address a page makes the browser use."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup

# The elements whose address a browser follows or fetches; canonical and alternate links name pages too.
LINKED = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))
SITEMAP_NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def linked_addresses(html: str, page_url: str) -> set[str]:
    """Every address in the page, made absolute against `page_url` (fragments kept)."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    for tag, attribute in LINKED:
        for element in soup.find_all(tag, attrs={attribute: True}):
            found.add(urljoin(page_url, element[attribute]))
    return found


def element_ids(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {element["id"] for element in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}


def sitemap_addresses(xml: bytes) -> tuple[list[str], list[str]]:
    """The pages a sitemap lists, and the other-language alternates it names for them."""
    root = ElementTree.fromstring(xml)
    pages = [loc.text or "" for loc in root.findall("s:url/s:loc", SITEMAP_NAMESPACES)]
    alternates = [link.get("href", "") for link in root.findall("s:url/x:link", SITEMAP_NAMESPACES)]
    return pages, alternates


def fetch(url: str) -> tuple[int, bytes]:
    """The HTTP status and body of `url`; errors are statuses, not exceptions."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def without_fragment(url: str) -> str:
    return urldefrag(url).url
