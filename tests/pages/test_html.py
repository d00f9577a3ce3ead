"""A generated page's HTML, made by gongkai.pages.html, is the HTML the site engine's Markdown makes of it."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from gongkai.i18n.languages import LANGUAGES
from gongkai.pages.html import CONFIGS, EXTENSIONS, page_html
from gongkai.pages.site import Site
from tests.support import FIXTURES, PLANS, ROOT

SHAPES = FIXTURES / "shapes"
_BLOCK = r"(?:div|p|table|ul|ol|dl|h[1-6]|figure|details|blockquote|pre)"


def _between_blocks(html: str) -> str:
    """The HTML without the line breaks Markdown puts between block elements, which no reader sees."""
    html = re.sub(r"\n+(?=</?" + _BLOCK + r"\b)", "", html)
    return re.sub(r"(</" + _BLOCK + r">)\n+", r"\1", html)


def _engine() -> tuple[list[str], dict]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


@pytest.mark.parametrize("plans", [PLANS, SHAPES], ids=["demo", "shapes"])
@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_every_generated_page_is_the_html_markdown_makes_of_it(plans: Path, lang: str) -> None:
    extensions, configs = _engine()
    site, _ = Site.load(plans, lang)
    pages = site.pages()
    assert len(pages) > 10
    for page in pages:
        converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
        expected = converter.convert(page.body)
        made = page_html(page.body, extensions, configs)
        assert _between_blocks(made.html) == _between_blocks(expected), page.path
        assert made.toc == converter.toc_tokens, page.path


def test_the_engines_extensions_are_those_pages_are_written_for() -> None:
    extensions, configs = _engine()
    assert sorted(extensions) == sorted(EXTENSIONS)
    assert configs == CONFIGS


def test_blocks_come_back_in_their_place_with_headings_and_markdown_between() -> None:
    body = ('# Title\n\n<div class="a">\n<p>one</p>\n</div>\n\n## Part *two* {#two}\n\n'
            'Some *text*.\n\n<table><tr><td>gkblock0x</td></tr></table>')
    made = page_html(body)
    assert made.html == ('<h1 id="title">Title</h1>\n<div class="a">\n<p>one</p>\n</div>\n'
                         '<h2 id="two">Part <em>two</em></h2>\n<p>Some <em>text</em>.</p>\n'
                         '<table><tr><td>gkblock0x</td></tr></table>')
    assert [token["id"] for token in made.toc] == ["title"]
    assert [token["id"] for token in made.toc[0]["children"]] == ["two"]
    assert made.ids == {"title", "two"}


def test_a_part_opening_with_an_inline_tag_is_left_to_markdown() -> None:
    made = page_html("<span>a *b*</span>")
    assert made.html == "<p><span>a <em>b</em></span></p>"
