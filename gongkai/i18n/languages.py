"""The site's languages: one table for the build, the MkDocs adapter and the text helpers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str       # the catalogue's and the build's name for it
    html_lang: str  # the HTML `lang` attribute
    prefix: str     # its folder under the site root: "" for the first language
    name: str       # its name in itself, for the language switcher


LANGUAGES = (
    Language(code="zh-TW", html_lang="zh-Hant-TW", prefix="", name="中文"),
    Language(code="en", html_lang="en", prefix="en/", name="English"),
)
BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT = LANGUAGES[0]
CODES = tuple(BY_CODE)
