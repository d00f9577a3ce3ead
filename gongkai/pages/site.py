"""Everything one language of the portal needs: generated pages, navigation and files to copy.

An engine adapter (the MkDocs hook, or `scripts/generate` for other engines) turns this into a site.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.data.load import git_dates
from gongkai.data.model import Plan, Portal
from gongkai.data.portal_facts import latest_update, portal_years
from gongkai.data.problems import Report
from gongkai.data.project import load_project
from gongkai.data.reporting import Requirement, today
from gongkai.data.settings import MARK_SIZE, Settings
from gongkai.data.urls import relative
from gongkai.export import Download
from gongkai.export.bundle import BULK_PATH
from gongkai.export.files import FORMATS, download_path, plan_downloads, portal_bulk, portal_files
from gongkai.export.manifest import (
    MANIFEST_PATH,
    SCHEMA_PATH,
    build_manifest,
    manifest_bytes,
    manifest_schema_bytes,
    with_bulk,
)
from gongkai.i18n import dates, text
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import DEFAULT
from gongkai.pages.agency import render_agency, render_agency_index, status_table
from gongkai.pages.data_model import render_data_model
from gongkai.pages.footer import own_footer
from gongkai.pages.metadata import PageFacts, dublin_core, glossary_keywords
from gongkai.pages.plan import render_plan, render_results, results_title
from gongkai.pages.renderer import Page, Renderer, renderer
from gongkai.pages.site_map import render_site_map
from gongkai.pages.status import assess_all, render_status_page

# One git query per folder of hand-written pages, however many pages it holds.
_folder_dates = functools.cache(git_dates)

HOME_MARKER = "<!-- gongkai:agencies -->"
MARK_MARKER = "<!-- gongkai:accessibility-mark -->"


@dataclass
class Site:
    """One language of the site. `portal` is what its pages show: the published portal, or in a preview
    every plan, drafts included (each marked as a draft). The downloads, the bulk ZIP, transparency.json and
    the status and home tables always hold the published plans only (`published`)."""

    portal: Portal
    lang: str
    today: datetime.date
    settings: Settings = Settings()
    glossary: list[dict[str, str]] = dataclasses.field(default_factory=list)
    # Shared by every language's Site of one load: what does not depend on the language is made once.
    derived: dict[str, Any] = dataclasses.field(default_factory=dict)
    # The portal as published, when the pages show more (a preview); None when they show just that.
    published: Portal | None = None
    # In a part of a sharded build (gongkai.publish.shards), which files of the site this part writes, by
    # their path; only those are generated. None: the whole site.
    wanted: Callable[[str], bool] | None = None
    _partial_index: dict[tuple[Any, ...], list[Download]] | None = dataclasses.field(default=None, repr=False)

    @classmethod
    def load(cls, plans_dir: Path, lang: str, on: datetime.date | None = None,
             settings_file: Path | None = None, *, preview: bool = False) -> tuple[Site, Report]:
        """The site of `plans_dir`, with settings from portal.yml beside it unless `settings_file` says otherwise.
        A `preview` shows draft plans too; otherwise they are left out."""
        project, report = load_project(plans_dir, settings_file)
        if "published" not in project.derived:
            project.derived["published"] = project.portal.published()
        published = project.derived["published"]
        return cls(portal=project.portal if preview else published, lang=lang, today=on or today(),
                   settings=project.settings, glossary=project.glossary, derived=project.derived,
                   published=published if preview else None), report

    @property
    def public(self) -> Portal:
        """The portal as published: no draft plans."""
        return self.published if self.published is not None else self.portal

    @property
    def downloads(self) -> tuple[list[Download], Download]:
        """Every published plan's and results table's files, and the bulk ZIP."""
        return self.download_files, self.bulk

    @property
    def download_files(self) -> list[Download]:
        """Every published plan's and results table's files."""
        if "download_files" not in self.derived:
            self.derived["download_files"] = portal_files(self.public)
        return self.derived["download_files"]

    @property
    def bulk(self) -> Download:
        """The bulk ZIP of every download, once it is made (see `start_bulk`)."""
        return self.start_bulk().result()

    def start_bulk(self) -> Future[Download]:
        """Start making the bulk ZIP, once for every language, in a thread of its own: compressing lets other
        threads run, so the pages that do not show it (all but the status page) are made meanwhile."""
        if "bulk" not in self.derived:
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-zip")
            self.derived["bulk"] = pool.submit(portal_bulk, self.public, self.settings, self.download_files)
            pool.shutdown(wait=False)
        return self.derived["bulk"]

    @property
    def renderer(self) -> Renderer:
        """The one renderer of the site's language, for every page of the build."""
        return renderer(self.lang)

    @property
    def manifest(self) -> dict[str, Any]:
        """The transparency manifest (transparency.json) of the whole site."""
        if "manifest" not in self.derived:
            self.derived["manifest"] = with_bulk(self._manifest_agencies, self.bulk)
        return self.derived["manifest"]

    @property
    def _manifest_agencies(self) -> dict[str, Any]:
        """The manifest without the bulk ZIP: what each agency published, which the pages judge."""
        if "manifest_agencies" not in self.derived:
            self.derived["manifest_agencies"] = build_manifest(self.public, self.settings, self.download_files, None)
        return self.derived["manifest_agencies"]

    @functools.cached_property
    def assessed(self) -> dict[str, list[Requirement]]:
        """Each agency's reporting requirements on the site's "today"."""
        return assess_all(self._manifest_agencies, self.today)

    def root_files(self) -> list[Download]:
        """Files written once at the root of the whole site (by the zh-TW build): every download,
        the bulk ZIP, the transparency manifest and its schema. English pages link up to them.
        In a part of a sharded build, only the `wanted` ones: a part without the portal-wide files
        makes just its own plans' downloads, not the whole portal's."""
        if self.lang != DEFAULT.code:
            return []
        wanted = self.wanted
        if wanted is not None and not wanted(BULK_PATH):
            return [d for d in self._wanted_downloads() if wanted(d.path)]
        files, bulk = self.downloads
        every = [*files, bulk, Download.of(MANIFEST_PATH, "json", manifest_bytes(self.manifest)),
                 Download.of(SCHEMA_PATH, "json", manifest_schema_bytes())]
        return every if wanted is None else [d for d in every if wanted(d.path)]

    def root_paths(self) -> list[str]:
        """The paths of every file `root_files` gives in a whole build, without making them."""
        if self.lang != DEFAULT.code:
            return []
        paths = [download_path(plan, part, fmt) for plan in self.public.plans()
                 for part in (["plan", "results"] if plan.results else ["plan"]) for fmt in FORMATS[part]]
        return [*paths, BULK_PATH, MANIFEST_PATH, SCHEMA_PATH]

    def _wanted_downloads(self) -> list[Download]:
        """The downloads of the plans whose files this part writes, each made once for every language."""
        made = self.derived.setdefault("plan_downloads", {})
        found: list[Download] = []
        for plan in self.public.plans():
            if self.wanted is None or self.wanted(download_path(plan, "plan", "csv")):
                if (plan.agency_id, plan.year) not in made:
                    made[plan.agency_id, plan.year] = plan_downloads(plan)
                found.extend(made[plan.agency_id, plan.year])
        return found

    def _downloads_of(self, plan: Plan, part: str) -> list[Download]:
        if self.wanted is not None and not self.wanted(BULK_PATH):
            # A part of a sharded build that makes only some agencies' pages indexes only their downloads;
            # kept on this Site, not in `derived`, which other parts loaded in this process share.
            if self._partial_index is None:
                self._partial_index = _index(self._wanted_downloads())
            return self._partial_index.get((plan.agency_id, plan.year, part), [])
        if "downloads_by_file" not in self.derived:
            # An index, so that finding a page's files does not walk every file of the portal.
            self.derived["downloads_by_file"] = _index(self.download_files)
        return self.derived["downloads_by_file"].get((plan.agency_id, plan.year, part), [])

    def pages(self) -> list[Page]:
        """Every generated page; in a part of a sharded build, only the `wanted` ones."""
        if self.lang == DEFAULT.code and (self.wanted is None or self.wanted(BULK_PATH)):
            self.start_bulk()
        pages = []
        for path, make, updated in self._page_makers():
            if self.wanted is None or self.wanted(path):
                page = make()
                # Path and date are told before the page is made, so that a part knows the others' (see
                # `stand_ins`): they must be the page's own.
                assert page.path == path and (updated is None or page.facts.updated == updated), path
                pages.append(page)
        for page in pages:
            page.meta.update(self.page_meta(page.facts))
        return pages

    def stand_ins(self) -> dict[str, dict[str, Any]]:
        """Every page of a whole build that this part does not make, by path, in the order `pages` gives
        them, with the front matter sitemap.xml reads (the date it was last changed)."""
        found: dict[str, dict[str, Any]] = {}
        for path, _, updated in self._page_makers():
            if self.wanted is not None and not self.wanted(path):
                found[path] = {"updated": updated.isoformat()} if updated else {}
        return found

    def page_paths(self) -> list[str]:
        """The path of every generated page of a whole build, in the order `pages` gives them, unmade."""
        return [path for path, _, _ in self._page_makers()]

    def _page_makers(self) -> Iterator[tuple[str, Callable[[], Page], datetime.date | None]]:
        """Each page: its path, how to make it, and for an agency's page the date it was last changed."""
        r, partial = self.renderer, functools.partial
        yield "plans/index.md", lambda: render_agency_index(r, self.public, self.today, self.assessed), None
        for agency in self.portal.agencies.values():
            stamps = [d for p in agency.plans.values() for d in (p.updated, p.results.updated if p.results else None)
                      if d]
            yield f"plans/{agency.id}/index.md", partial(render_agency, r, agency), max(stamps, default=None)
            for year in agency.years():
                plan = agency.plans[year]
                base = f"plans/{agency.id}/{year}/"
                yield base + "index.md", partial(self._plan_page, agency, plan), plan.updated
                if plan.results:
                    yield (base + "results/index.md", partial(self._results_page, agency, plan),
                           plan.results.updated)
        yield "data-model.md", lambda: render_data_model(r, self.site_facts(ui("data_model", self.lang))), None
        yield "site-map/index.md", lambda: render_site_map(r, self.site_tree(),
                                                           self.site_facts(ui("site_map", self.lang))), None
        # Last: it shows the bulk ZIP, made meanwhile (see `start_bulk`).
        yield "status/index.md", lambda: render_status_page(r, self.manifest, self.bulk, self.today,
                                                             self.site_facts(ui("reporting_status", self.lang))), None

    def _plan_page(self, agency: Any, plan: Plan) -> Page:
        return render_plan(self.renderer, agency, plan, self._downloads_of(plan, "plan"))

    def _results_page(self, agency: Any, plan: Plan) -> Page:
        return render_results(self.renderer, agency, plan, self._downloads_of(plan, "results"))

    def site_facts(self, title: str, updated: datetime.date | None = None) -> PageFacts:
        """Facts of a page about the whole site: it covers every year, and changes with any data."""
        first, last = portal_years(self.portal)
        return PageFacts(title=title, description=title, updated=updated or latest_update(self.portal),
                         first_year=first, last_year=last, relation="/")

    def content_meta(self, title: str, source: Path | None) -> dict[str, Any]:
        """Front matter for a hand-written page: dated by the last git commit that changed it."""
        updated = _folder_dates(source.parent).get(source.resolve()) if source else None
        return self.page_meta(self.site_facts(title, updated))

    def page_meta(self, facts: PageFacts) -> dict[str, Any]:
        """Front matter for a page: its Dublin Core metadata and its last-updated date, as shown."""
        terms = glossary_keywords(self.glossary, facts.source_text, self.lang)
        meta: dict[str, Any] = {"dc": dublin_core(facts, self.portal, self.settings, self.lang, terms)}
        if facts.agency is not None and own_footer(self.settings, facts.agency):
            meta["footer_agency"] = facts.agency.id
        if facts.updated:
            meta["updated"] = facts.updated.isoformat()
            meta["updated_shown"] = dates.format_date(facts.updated, self.lang)
        return meta

    def expand(self, markdown: str, page_path: str) -> str:
        """Fill the markers a hand-written page may hold: the agency table, the accessibility mark."""
        if HOME_MARKER in markdown:
            markdown = markdown.replace(HOME_MARKER, status_table(self.renderer, self.public, self.today, page_path,
                                                                 self.assessed))
        if MARK_MARKER in markdown:
            markdown = markdown.replace(MARK_MARKER, self._mark_html(page_path))
        return markdown

    def _mark_html(self, page_path: str) -> str:
        mark = self.settings.accessibility_mark
        if mark is None:
            return ""
        src = relative(page_path if page_path.endswith("index.md") else page_path[:-3] + "/index.md", mark.site_path)
        return self.renderer.macro("mark.html", "accessibility_mark", mark, src, MARK_SIZE)

    def site_tree(self) -> list[Any]:
        """Every page, in MkDocs `nav` form (a list of {title: path or [children]}): the site map's tree."""
        lang = self.lang
        agencies: list[Any] = [{ui("agencies", lang): "plans/index.md"}]
        for agency in self.portal.agencies.values():
            children: list[Any] = [{ui("profile", lang): f"plans/{agency.id}/index.md"}]
            for year in agency.years():
                plan = agency.plans[year]
                entries: list[Any] = [{dates.year_label(year, lang): f"plans/{agency.id}/{year}/index.md"}]
                if plan.results:
                    entries.append({results_title(plan, lang): f"plans/{agency.id}/{year}/results/index.md"})
                children.extend(entries)
            agencies.append({text.plain(agency.name, lang): children})
        return self._menu(agencies)

    def nav(self) -> list[Any]:
        """The menu every page carries. It does not list the agencies: a page would grow with the portal
        (every agency on every page); the agency index, each agency's page and the site map list them."""
        return self._menu("plans/index.md")

    def _menu(self, plans: Any) -> list[Any]:
        lang = self.lang
        return [
            {ui("home", lang): "index.md"},
            {ui("plans", lang): plans},
            {ui("reporting_status", lang): "status/index.md"},
            {ui("about", lang): "about.md"},
            {ui("data_model", lang): "data-model.md"},
            {ui("guide", lang): "guide.md"},
            {ui("accessibility", lang): "accessibility.md"},
            {ui("privacy", lang): "privacy.md"},
            {ui("security", lang): "security.md"},
            {ui("open_data", lang): "open-data.md"},
            {ui("site_map", lang): "site-map/index.md"},
        ]

    def assets(self) -> list[tuple[Path, str]]:
        """Annex and evidence files to publish beside the pages: (source, site path)."""
        files = []
        if self.settings.accessibility_mark:
            files.append((self.settings.accessibility_mark.image, self.settings.accessibility_mark.site_path))
        for plan in self.portal.plans():
            base = f"plans/{plan.agency_id}/{plan.year}/"
            for annex in plan.annexes:
                if "file" in annex:
                    files.append((plan.path.parent / annex["file"], base + annex["file"]))
            if plan.results:
                for entry in plan.results.data["results"].values():
                    for evidence in entry.get("evidence", []):
                        if "file" in evidence:
                            files.append((plan.path.parent / evidence["file"], base + evidence["file"]))
        return files


def _index(downloads: list[Download]) -> dict[tuple[Any, ...], list[Download]]:
    """Downloads by (agency, year, part)."""
    index: dict[tuple[Any, ...], list[Download]] = {}
    for download in downloads:
        index.setdefault((download.agency_id, download.year, download.part), []).append(download)
    return index
