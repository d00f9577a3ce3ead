"""Reading bilingual text fields and marking the language of what is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import markdown as markdown_lib
from markupsafe import Markup, escape

from gongkai.i18n.languages import BY_CODE, CODES, DEFAULT

LANGS = CODES


@dataclass(frozen=True)
class Shown:
    """A text as it will be shown on a page in `lang`: its words and the language they are in."""

    value: str
    lang: str


def pick(value: Any, lang: str) -> Shown:
    """The text in `lang`, falling back to the Chinese original when no translation exists."""
    if isinstance(value, str):
        return Shown(value, "zh-TW")
    if lang in value:
        return Shown(value[lang], lang)
    return Shown(value["zh-TW"], "zh-TW")


def plain(value: Any, lang: str) -> str:
    return pick(value, lang).value


def _wrap(html: str, shown: Shown, page_lang: str, *, block: bool) -> Markup:
    if shown.lang == page_lang:
        return Markup(html)
    css = "gk-untranslated" if page_lang != DEFAULT.code else None
    return Markup("<{tag} lang=\"{lang}\"{css}>{html}</{tag}>").format(
        tag="div" if block else "span", lang=BY_CODE[shown.lang].html_lang,
        css=Markup(' class="{}"').format(css) if css else "", html=Markup(html))


def inline(value: Any, lang: str) -> Markup:
    """A plain-text field as inline HTML, marked with its language when it differs from the page's."""
    if value is None:
        return Markup("")
    shown = pick(value, lang)
    return _wrap(str(escape(shown.value)), shown, lang, block=False)


_MD = markdown_lib.Markdown(extensions=["sane_lists", "tables"], output_format="html")


def render_markdown(source: str) -> str:
    _MD.reset()
    # Agency staff write text, not HTML: escape raw tags so a stray "<" cannot break the page.
    return _MD.convert(str(escape(source)).replace("&gt;", ">"))


def block(value: Any, lang: str) -> Markup:
    """A Markdown field as block HTML, marked with its language when it differs from the page's."""
    if value is None:
        return Markup("")
    shown = pick(value, lang)
    return _wrap(render_markdown(shown.value), shown, lang, block=True)


def inline_markdown(value: Any, lang: str) -> Markup:
    """A short Markdown field shown inside a line or cell: one paragraph loses its <p>."""
    if value is None:
        return Markup("")
    shown = pick(value, lang)
    html = render_markdown(shown.value)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return _wrap(html[3:-4], shown, lang, block=False)
    return _wrap(html, shown, lang, block=True)
