"""The download files as pages name and link them (the section itself is templates/downloads.html).

The files exist once, at the site root; the pages of other languages link up to them."""

from __future__ import annotations

from gongkai.data.urls import relative
from gongkai.export import Download
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import BY_CODE

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "zip": "application/zip",
               "ods": "application/vnd.oasis.opendocument.spreadsheet",
               "odt": "application/vnd.oasis.opendocument.text"}


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
    """A link from a page of the `lang` site, which lives in its folder (BY_CODE[lang].prefix), to a file at
    the root of the whole site."""
    return relative(BY_CODE[lang].prefix + from_path, site_path)
