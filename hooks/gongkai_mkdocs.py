"""MkDocs adapter: hands the pages that the gongkai package generates to MkDocs.

All logic lives in the `gongkai` package; this file only translates between it and MkDocs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongkai.pages.footer import contact_html, policy_links  # noqa: E402
from gongkai.data.glossary import jieba_user_dictionary, load_glossary, search_words  # noqa: E402
from gongkai.i18n.catalogue import HTML_LANG, chrome, ui  # noqa: E402
from gongkai.pages.site import PLANS_VARIABLE, Site  # noqa: E402
from gongkai.pages.static import stylesheet  # noqa: E402

LANGUAGES = {
    "zh-TW": {"name": "中文", "lang": "zh-Hant-TW", "link": "/"},
    "en": {"name": "English", "lang": "en", "link": "/en/"},
}
ROOT_PREFIX = {"zh-TW": "", "en": "en/"}
_site: Site | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    lang = config.theme["language"]
    site, report = Site.load(Path(os.environ.get(PLANS_VARIABLE, ROOT / "plans")), lang)
    if not report.ok:
        raise Abort("\n" + report.format(ROOT))
    _site = site
    _segment_glossary_terms(site)
    config.site_name = ui("site_name", lang)
    config.extra["site_root"] = (config.site_url or "/").rstrip("/") + "/"
    if lang != "zh-TW" and config.site_url:
        config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
    config.nav = site.nav()
    config.extra["ui"] = chrome(lang)
    config.extra["html_lang"] = HTML_LANG[lang]
    config.extra["footer_contact"] = contact_html(site.settings, site.portal, lang)
    config.extra["footer_links"] = policy_links(lang)
    # Each language lives in its own folder: zh-TW at the root, English under en/.
    prefix_from = {"zh-TW": {"zh-TW": "", "en": "en/"}, "en": {"zh-TW": "../", "en": ""}}[lang]
    config.extra["alternate"] = [
        {**info, "prefix": prefix_from[code], "root_prefix": ROOT_PREFIX[code],
         "current": code == lang}
        for code, info in LANGUAGES.items()
    ]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    for page in _site.pages():
        files.append(File.generated(config, page.path, content=page.markdown))
    files.append(File.generated(config, "assets/gongkai.css", content=stylesheet()))
    for source, destination in _site.assets():
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    for destination, content in _site.root_files():
        files.append(File.generated(config, destination, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    if "dc" not in page.meta:
        # A hand-written page: its metadata comes from its title and the date git last changed it.
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        page.meta.update(_site.content_meta(page.meta.get("title") or page.title or "", source))
    return _site.expand(markdown, page.file.src_uri)


def _segment_glossary_terms(site: Site) -> None:
    """Make the search index keep glossary terms and agency names as single words."""
    try:
        import jieba
    except ImportError:
        return
    terms, _ = load_glossary(ROOT / "glossary.yml")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(jieba_user_dictionary(search_words(terms, site.portal)))
    jieba.load_userdict(handle.name)
    os.unlink(handle.name)
