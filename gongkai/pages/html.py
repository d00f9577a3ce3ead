"""A generated page's HTML and table of contents, made here instead of by the site engine's Markdown.

A generated page is Markdown whose parts are headings and raw HTML blocks, each after a blank line (see
templates/parts.md). A Markdown converter spends nearly all its time on such a page finding where each raw
HTML block ends, only to copy it out unchanged. Here the blocks are set aside, the rest (headings, the odd
paragraph of Markdown) is converted with the engine's own extensions, and the blocks are put back where they
stood: the HTML the engine would make, in a fraction of the time (tests/pages/test_html.py compares them)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import markdown

# The extensions a generated page is written for (mkdocs.yml lists the same, and MkDocs adds toc, tables and
# fenced_code to any list); an engine adapter passes its own configuration instead when it has one.
EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html")
CONFIGS: Mapping[str, Mapping[str, Any]] = {"toc": {"permalink": False}}

_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>/]")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class PageHtml:
    """A page's HTML, its headings as Markdown's toc extension lists them (nested `toc_tokens`), and the
    ids of its elements, which links from other pages may point at."""

    html: str
    toc: list[dict[str, Any]]
    ids: frozenset[str]


_converters: dict[str, markdown.Markdown] = {}


def _converter(extensions: Sequence[str], configs: Mapping[str, Mapping[str, Any]]) -> markdown.Markdown:
    """One converter per configuration, reset for each page: making one costs more than a small page."""
    key = repr((list(extensions), sorted(configs.items())))
    if key not in _converters:
        _converters[key] = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs))
    return _converters[key]


def page_html(body: str, extensions: Sequence[str] = EXTENSIONS,
              configs: Mapping[str, Mapping[str, Any]] = CONFIGS) -> PageHtml:
    """The HTML of a generated page's Markdown `body` (without its front matter)."""
    converter = _converter(extensions, configs)
    converter.reset()
    kept: list[str] = []
    parts = []
    for part in body.split("\n\n"):
        opening = _OPENING_TAG.match(part)
        if opening and opening.group(1).lower() in converter.block_level_elements:
            # A paragraph of one word, which Markdown leaves as it is; the block goes back in its place.
            parts.append(f"gkblock{len(kept)}x")
            kept.append(part.strip("\n"))
        else:
            parts.append(part)
    html = converter.convert("\n\n".join(parts))
    html = re.sub(r"<p>gkblock(\d+)x</p>", lambda found: kept[int(found.group(1))], html)
    return PageHtml(html=html, toc=list(getattr(converter, "toc_tokens", [])),
                    ids=frozenset(_ID.findall(html)))
