"""The searchable text of a built page: its title, what kind of page it is, and its text as blocks.

A block is the text of one paragraph, list item, table cell, heading…: a query is found within a block, never
across two (text in two cells is not a phrase). Each block carries the id of the nearest element with an id
before it, so a result can lead to the place on the page.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

# Elements whose text runs on within the block around them.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
          "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "label"}
# Elements with no text a reader reads as the page's: pictures (a chart's numbers are in its table), scripts,
# and the access-key markers (:::).
SKIPPED = {"svg", "script", "style", "noscript", "template", "button", "input", "select", "textarea", "img"}
SKIPPED_CLASSES = {"gk-accesskey", "headerlink"}
SPACES = re.compile(r"\s+")
# Invisible format characters (zero-width spaces, direction marks): never part of a snippet.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
UTF8 = lxml.html.HTMLParser(encoding="utf-8")  # the site's pages are UTF-8, whether they say so or not
PLAN_PATH = re.compile(r"^plans/(?P<agency>[^/]+)/(?:(?P<year>\d+)/(?P<results>results/)?)?$")


@dataclass
class Page:
    url: str  # relative to the language's root: "plans/x/114/", "" for the home page
    title: str
    kind: str  # plan, results, agency or page
    agency: str = ""
    year: int | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (anchor id or "", text)


def clean(value: str) -> str:
    """Text as shown: spaces collapsed, invisible characters removed."""
    return SPACES.sub(" ", INVISIBLE.sub("", value)).strip()


def _skipped(element: HtmlElement) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIPPED:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    classes = element.get("class")
    return bool(classes) and not SKIPPED_CLASSES.isdisjoint(classes.split())


class _Blocks:
    """The blocks of an element, in one walk over it. A page has hundreds of elements, most with no text of their
    own: such an element costs a few steps only."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self.anchor = ""
        self._parts: list[str] = []
        self._anchor = ""

    def add(self, text: str) -> None:
        if not self._parts:
            self._anchor = self.anchor
        self._parts.append(text)

    def flush(self) -> None:
        text = clean("".join(self._parts))
        if text:
            self.blocks.append((self._anchor, text))
        self._parts = []

    def walk(self, element: HtmlElement) -> None:
        block = element.tag not in INLINE
        if block and self._parts:
            self.flush()
        anchor = element.get("id")
        if anchor:
            self.anchor = anchor
        if element.text:
            self.add(element.text)
        for child in element:
            if not _skipped(child):
                self.walk(child)
            if child.tail:
                self.add(child.tail)
        if block and self._parts:
            self.flush()


def _kind(url: str) -> tuple[str, str | None, int | None]:
    match = PLAN_PATH.match(url)
    if not match:
        return "page", None, None
    if match["year"] is None:
        return "agency", match["agency"], None
    return ("results" if match["results"] else "plan"), match["agency"], int(match["year"])


def read_page(html: bytes, url: str) -> Page | None:
    """The page of HTML `html` at address `url`, or None when it has no article (nothing to search)."""
    root = lxml.html.fromstring(html, parser=UTF8)
    articles = root.xpath("//article")
    if not articles:
        return None
    article = articles[0]
    heading = article.find(".//h1")
    meta = {m.get("name"): m.get("content", "") for m in root.iter("meta") if m.get("name")}
    title = clean(heading.text_content()) if heading is not None else ""
    if not title:
        title = clean(root.findtext(".//title") or "")
    if heading is not None:
        heading.drop_tree()
    collected = _Blocks()
    collected.walk(article)
    kind, agency, year = _kind(url)
    return Page(url=url, title=title, kind=kind, agency=meta.get("DC.Creator", "") if agency else "", year=year,
                blocks=collected.blocks)


def page_files(folder: Path, skip: tuple[str, ...] = ()) -> list[tuple[Path, str]]:
    """Every page of one language's built site in `folder`, as (file, address); `skip`: folders of other
    languages within it, not even looked into."""
    found = []
    for parent, folders, names in os.walk(folder):
        here = Path(parent)
        url = here.relative_to(folder).as_posix() + "/"
        url = "" if url == "./" else url
        if url.startswith("search/") or any(url.startswith(prefix) for prefix in skip):
            folders.clear()
        elif "index.html" in names:
            found.append((here / "index.html", url))
    return sorted(found)
