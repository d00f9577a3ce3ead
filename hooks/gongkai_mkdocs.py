"""MkDocs adapter: hands the pages that the gongkai package generates to MkDocs.

All logic lives in the `gongkai` package; this file only translates between it and MkDocs.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from gongkai.data.compiled_templates import bytecode_cache
from gongkai.export import Download
from gongkai.i18n.catalogue import chrome, ui
from gongkai.i18n.languages import BY_CODE, DEFAULT, LANGUAGES
from gongkai.i18n.text import mark_chinese_runs
from gongkai.pages.compact import compact_html
from gongkai.pages.footer import agency_footers, contact_html, policy_links
from gongkai.pages.html import PageHtml, page_html
from gongkai.pages.site import Site
from gongkai.pages.static import CONTENT_SECURITY_POLICY, PREVIEW_POLICY, scripts, stylesheet
from gongkai.publish.build import PLANS_VARIABLE, PREVIEW_VARIABLE, NotDirtyWarning
from gongkai.publish.merge import link_or_copy
from gongkai.publish.preview import AGAIN_VARIABLE, SEARCH_CACHE_VARIABLE, ask_again, preview_of
from gongkai.publish.shards import Part
from gongkai.search import assets as search_assets
from gongkai.search import interface as search_interface
from gongkai.search import write_index

ROOT = Path(__file__).resolve().parent.parent
_log = logging.getLogger("mkdocs.plugins.gongkai")
_site: Site | None = None
_part: Part | None = None
# The other parts' pages, by path, with the front matter sitemap.xml reads from them.
_stand_ins: dict[str, dict[str, Any]] = {}
# The pages gongkai made (not hand-written) in this build, by path, with their front matter, given to MkDocs
# as it is rather than written out and parsed back; their HTML is made by gongkai.pages.html.
_generated: dict[str, dict[str, Any]] = {}
_command = "build"
_dirty = False


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty
    if command == "serve" and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(NotDirtyWarning())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _part
    lang = config.theme["language"]
    # `mkdocs serve` (and `gongkai serve`) is a preview, as is `gongkai build --preview`: drafts are shown.
    preview = _command == "serve" or os.environ.get(PREVIEW_VARIABLE) == "1"
    plans = Path(os.environ.get(PLANS_VARIABLE, ROOT / "plans"))
    site, report = Site.load(plans, lang, preview=preview)
    if not report.ok:
        raise Abort("\n" + report.format(ROOT))
    _site = site
    # A part of a sharded build (gongkai.publish.shards) makes only its own files; so does a rebuild of the
    # preview (`gongkai serve`, which serves with --dirty), where they are what the edit changed.
    if _command == "build":
        _part = Part.from_env()
    else:
        in_two = bool(os.environ.get(AGAIN_VARIABLE))
        _part = preview_of(lang).next_part(ROOT, plans, site.portal, in_two=in_two) if _dirty else None
        if _part is not None and _part.agencies:
            _log.info(f"預覽只重建變更的機關{'' if in_two else '與全站頁面'} / the preview rebuilds only the agencies "
                      f"that changed{'' if in_two else ' and the portal-wide pages'}: {', '.join(sorted(_part.agencies))}")
        elif _part is not None:
            _log.info("預覽重建全站頁面 / the preview rebuilds the portal-wide pages")
    site.wanted = _part.owns if _part is not None else None
    # The theme draws its search box only when its search plugin is on; the search is gongkai.search instead,
    # indexed by the build (gongkai.publish.build), so this stands in for the plugin.
    config.plugins["material/search"] = SimpleNamespace(config=SimpleNamespace(enabled=True))
    config.extra["search"] = search_interface(lang)
    config.site_name = ui("site_name", lang)
    config.extra["site_root"] = (config.site_url or "/").rstrip("/") + "/"
    if lang != DEFAULT.code and config.site_url:
        config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
    config.nav = site.nav()
    config.extra["ui"] = chrome(lang)
    config.extra["html_lang"] = BY_CODE[lang].html_lang
    config.extra["footer_contact"] = contact_html(site.settings, site.portal, site.renderer)
    config.extra["agency_footers"] = agency_footers(site.settings, site.portal, site.renderer)
    config.extra["footer_links"] = policy_links(lang)
    # The policy is the site's own text, with no data in it and no double quote: printed as it is, its single
    # quotes are not written as &#39; on every page.
    config.extra["content_security_policy"] = Markup(PREVIEW_POLICY if _command == "serve" else CONTENT_SECURITY_POLICY)
    # Each language lives in its own folder: the first at the root, the others under their prefix.
    up = "../" * BY_CODE[lang].prefix.count("/")
    config.extra["alternate"] = [
        {"name": other.name, "lang": other.html_lang, "link": "/" + other.prefix, "prefix": "" if other.code == lang else up + other.prefix,
         "root_prefix": other.prefix, "current": other.code == lang}
        for other in LANGUAGES
    ]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    pages = _site.pages()
    _generated.clear()
    _generated.update((page.path, page.meta) for page in pages)
    if _part is None:
        for page in pages:
            files.append(File.generated(config, page.path, content=page.body))
    else:
        # Every page of the site is listed, so that links and sitemap.xml are those of a whole build; the
        # other parts' pages are empty stand-ins, never read nor written (see `_leave_out`).
        made = {page.path: page.body for page in pages}
        for path in _site.page_paths():
            files.append(File.generated(config, path, content=made.get(path, "")))
        _stand_ins.clear()
        _stand_ins.update(_site.stand_ins())
    files.append(File.generated(config, "assets/gongkai.css", content=stylesheet()))
    for destination, content in [*scripts(), *search_assets()]:
        files.append(File.generated(config, destination, content=content))
    for source, destination in _site.assets():
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    if _part is None:
        for download in _site.root_files():
            files.append(_download_file(config, download))
    else:
        made_files = {download.path: download for download in _site.root_files()}
        for destination in _site.root_paths():
            made = made_files.get(destination)
            files.append(_download_file(config, made) if made else File.generated(config, destination, content=b""))
        for file in files:
            if not _part.owns(file.dest_uri):
                _leave_out(file)
    return files


def _download_file(config: MkDocsConfig, download: Download) -> File:
    """A file kept by the build (gongkai.export.kept) is linked from there, not held in memory; always, as
    the kept file of a plan changed back may be older than the one it replaces."""
    if download.source is None:
        return File.generated(config, download.path, content=download.content)
    file = File.generated(config, download.path, abs_src_path=str(download.source))
    file.is_modified = lambda: True  # type: ignore[method-assign]
    file.copy_file = functools.partial(_link_file, file)  # type: ignore[method-assign]
    return file


def _link_file(file: File, dirty: bool = False) -> None:
    if dirty and not file.is_modified():
        return
    assert file.abs_src_path is not None
    destination = Path(file.abs_dest_path)
    destination.parent.mkdir(parents=True, exist_ok=True)
    # A file already there (the preview's) is replaced, never written into: it may be a link to a kept file.
    destination.unlink(missing_ok=True)
    link_or_copy(Path(file.abs_src_path), destination)


def _leave_out(file: File) -> None:
    """A file of another part: the build (run as a `dirty` one, gongkai.publish.build) neither reads nor
    writes a file that says it has not changed."""
    file.is_modified = lambda: False  # type: ignore[method-assign]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    made_meta = _generated.get(page.file.src_uri)
    if made_meta is not None:
        page.meta = dict(made_meta)
    if "dc" not in page.meta:
        # A hand-written page: its metadata comes from its title and the date git last changed it.
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        page.meta.update(_site.content_meta(page.meta.get("title") or page.title or "", source))
    if made_meta is not None:
        made = page_html(markdown, config["markdown_extensions"], config["mdx_configs"] or {})
        page.render = functools.partial(_rendered, page, made)  # type: ignore[method-assign]
        return markdown
    return _site.expand(markdown, page.file.src_uri)


def _rendered(page: Page, made: PageHtml, config: MkDocsConfig, files: Files) -> None:
    """What MkDocs's own Markdown step (Page.render) gives a page, from the HTML gongkai made of it."""
    page.content = made.html
    page.toc = get_toc(made.toc)
    page.present_anchor_ids = set(made.ids)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # On a page in another language, the Chinese in it (in hand-written pages too) is marked as Chinese.
    return html if config.theme["language"] == DEFAULT.code else mark_chinese_runs(html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page has been read by now, the other parts' stand-ins excepted: they get the front matter
    # sitemap.xml (written next) reads, as if they had been read.
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri in _stand_ins:
            file.page.meta = dict(_stand_ins[file.src_uri])
    # Titles, navigation and metadata come from agencies' data: the theme's templates escape whatever they
    # print, as Jinja does when asked. What is HTML already is marked so in on_page_context.
    env.autoescape = True
    env.bytecode_cache = bytecode_cache()
    # JSON in a page (the search box's texts) keeps its Chinese as it is, half the bytes of \u escapes.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


@event_priority(-100)  # after every other plugin has read the page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # The page's HTML and its table of contents (whose titles are HTML text, escaped by Markdown) are
    # printed as they are.
    page.content = Markup(page.content or "")
    _mark_toc(page.toc)
    return context


def _mark_toc(items: Any) -> None:
    for item in items:
        if isinstance(item, AnchorLink):
            item.title = Markup(item.title)
            _mark_toc(item.children)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written from `output`: its Markdown (a generated page's source too) and HTML are let go now
    # rather than held, for every page, until the whole build ends.
    page.markdown, page.content = None, None
    if page.file.generated_by is not None:
        page.file.content_string = ""
    return compact_html(output)


def on_post_build(config: MkDocsConfig) -> None:
    # The preview (`gongkai serve`) indexes its pages for the search box; `gongkai build` does so itself.
    if _command != "serve":
        return
    if preview_of(config.theme["language"]).portal_wide_due:
        # The edited agencies' pages are shown now; the portal-wide pages and the search index follow.
        ask_again(Path(os.environ[AGAIN_VARIABLE]))
        return
    kept = os.environ.get(SEARCH_CACHE_VARIABLE)
    site = Path(config.site_dir)
    write_index(site, config.theme["language"], cache=Path(kept) if kept else None, before=site)
