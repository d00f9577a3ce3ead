"""Reading bilingual text fields and marking the language of what is shown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown as markdown_lib
import nh3
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


# A run of Chinese inside text of another language: Han characters and CJK punctuation, with the digits and
# Latin letters between them (示區秘字第1140000123號 is one run).
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9A-Za-z]*[{_CJK}])?")
_TAG = re.compile(r"(<[^>]*>)")
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*)\s*>")
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]+)""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def mark_chinese_runs(html: str) -> str:
    """`html` (of a page in another language) with each run of Chinese in its text marked as Chinese, so that
    screen readers read it in Chinese and browsers pick Chinese fonts. Tags, and text already inside an element
    marked Chinese, are kept as they are."""
    if not _CJK_RUN.search(html):
        # Nothing to mark (most translated text): the walk through its tags would give it back unchanged.
        return html
    lang = BY_CODE[DEFAULT.code].html_lang
    out: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # each open element, and whether it is marked Chinese
    for part in _TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            start, end = _START_TAG.match(part), _END_TAG.match(part)
            if start and start[1].lower() not in _VOID and not part.endswith("/>"):
                marked = _LANG.search(start[2])
                open_tags.append((start[1].lower(), bool(marked and marked[1].lower().startswith("zh"))))
            elif end:
                name = end[1].lower()
                while open_tags and open_tags.pop()[0] != name:
                    pass
        elif any(chinese for _, chinese in open_tags):
            out.append(part)
        else:
            out.append(_CJK_RUN.sub(lambda run: f'<span lang="{lang}">{run.group(0)}</span>', part))
    return "".join(out)


def _wrap(html: str, shown: Shown, page_lang: str, *, block: bool) -> Markup:
    if shown.lang == page_lang:
        return Markup(html if page_lang == DEFAULT.code else mark_chinese_runs(html))
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


# Column alignment as the align attribute: a style attribute would need the Content-Security-Policy to allow
# inline styles.
_MD = markdown_lib.Markdown(extensions=["sane_lists", "tables"], extension_configs={"tables": {"use_align_attribute": True}},
                            output_format="html")

# What a Markdown field may become: the elements Markdown makes, links to the web, to mail and phone numbers or
# within the site, and images of the site itself only. No script, no event handler, nothing that makes a
# reader's browser fetch from another host.
MARKDOWN_TAGS = {"p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
                 "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6"}
MARKDOWN_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
                       "th": {"align"}, "td": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop these from an address before reading it (and read "\\" as "/").
_IGNORED_IN_ADDRESSES = re.compile(r"[\x00-\x20\x7f]")


def _address(value: str) -> str:
    return _IGNORED_IN_ADDRESSES.sub("", value).replace("\\", "/")


def is_site_address(value: str) -> bool:
    """Whether `value` names something of the site itself: no scheme, no other host (`//host/…`)."""
    address = _address(value)
    return not _SCHEME.match(address) and not address.startswith("//")


def is_link_address(value: str) -> bool:
    """Whether a link may go to `value`: an http(s), mailto or tel address, or one within the site."""
    scheme = _SCHEME.match(_address(value))
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src" and not is_site_address(value):
        return None
    if name == "href" and not is_link_address(value):
        return None
    return value


_CLEANER = nh3.Cleaner(tags=MARKDOWN_TAGS, attributes=MARKDOWN_ATTRIBUTES, attribute_filter=_keep_attribute,
                       url_schemes=LINK_SCHEMES, link_rel=None)


def _converted(source: str) -> str:
    _MD.reset()
    # Agency staff write text, not HTML: escape raw tags so a stray "<" cannot break the page.
    return _MD.convert(str(escape(source)).replace("&gt;", ">"))


# One line of words that Markdown reads as nothing but text: no character it or the cleaner writes otherwise
# (&, <, >, a non-breaking space), none of its inline markup, no list, heading or quote at the start, no white
# space but single spaces inside. Most fields of a plan, in either language, are such a line.
_WORD = r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff&<>\\`*_\[\]!#|{}]"
_PLAIN_LINE = re.compile(rf"(?![0-9+=-]){_WORD}+(?: {_WORD}+)*")


def render_markdown(source: str) -> str:
    """A Markdown field as HTML, cleaned to what MARKDOWN_TAGS and the address rules allow."""
    if _PLAIN_LINE.fullmatch(source):
        # The paragraph Python-Markdown would make of it, as the cleaner writes it, without the cost of either.
        return "<p>" + source + "</p>"
    return _CLEANER.clean(_converted(source))


@dataclass(frozen=True)
class Fault:
    """A link or image in a Markdown field that the published page leaves out."""

    kind: str  # "link" or "image"
    address: str


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in (("a", "href"), ("img", "src")):
                self.found.append(("link" if tag == "a" else "image", value or ""))


def markdown_faults(source: str) -> list[Fault]:
    """The links and images of a Markdown field that may not be published: links that run script or
    carry a document (`javascript:`, `data:`), and images from another site, which would tell it of
    every reader."""
    if "[" not in source:
        # Raw HTML is escaped before conversion, so only Markdown's [text](address) makes a link or image.
        return []
    parser = _Addresses()
    parser.feed(_converted(source))
    parser.close()
    return [Fault(kind, address) for kind, address in parser.found
            if not (is_site_address(address) if kind == "image" else is_link_address(address))]


# The characters Python-Markdown reads as markup and takes a backslash before ("<" and ">" become entities).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_literal(value: str) -> str:
    """`value` as literal text in one line of Markdown (a heading): its *, _, [, {, < and the like shown, not
    read as emphasis, links, attribute lists (`{: onclick=…}`) or HTML, and its line breaks as spaces, so
    that no line of it starts a paragraph of its own."""
    one_line = " ".join(re.split(r"\r\n|\r|\n", value))
    # Python-Markdown's backslash escapes, then entities for what has none (<, >, &, quotes).
    return str(escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line)))


def heading(value: Any, lang: str) -> Markup:
    """A plain-text field inside a Markdown heading, shown as typed, marked with its language as `inline` does."""
    shown = pick(value, lang)
    return _wrap(markdown_literal(shown.value), shown, lang, block=False)


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
