"""The 下載 / Downloads section of plan and results pages: each file with its format and size.

The files exist once, at the site root; English pages link up to them."""

from __future__ import annotations

from markupsafe import Markup, escape

from gongkai.data.urls import relative
from gongkai.export import Download
from gongkai.i18n.catalogue import ui
from gongkai.pages.blocks import html_block

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "zip": "application/zip",
               "ods": "application/vnd.oasis.opendocument.spreadsheet",
               "odt": "application/vnd.oasis.opendocument.text"}
ROOT_FROM = {"zh-TW": "", "en": "../"}


def file_size(size: int) -> str:
    """1536 → "1.5 KB"; sizes under 1 KB in bytes."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def format_label(download: Download, lang: str) -> str:
    return ui(f"format_{download.format}", lang, size=file_size(download.size))


def site_link(from_path: str, site_path: str, lang: str) -> str:
    """A link from a page of the `lang` site to a file at the root of the whole site."""
    return ROOT_FROM[lang] + relative(from_path, site_path)


def download_link(from_path: str, download: Download, lang: str) -> Markup:
    return Markup('<a href="{}" type="{}" download>{}</a>').format(
        site_link(from_path, download.path, lang), MEDIA_TYPES[download.format], format_label(download, lang))


def downloads_section(from_path: str, downloads: list[Download], lang: str) -> list[str]:
    """The heading and list of a page's downloads; nothing when it has none."""
    if not downloads:
        return []
    items = Markup("").join(Markup("<li>{}</li>").format(download_link(from_path, d, lang)) for d in downloads)
    columns = Markup('<a href="{}">{}</a>').format(relative(from_path, "data-model/#downloads"), ui("data_model", lang))
    intro = Markup(escape(ui("downloads_intro", lang, link="\x00"))).replace("\x00", columns)
    return [f"## {escape(ui('downloads', lang))} {{#downloads}}",
            html_block(str(Markup("<p>{}</p><ul class=\"gk-downloads\">{}</ul>").format(intro, items)))]
