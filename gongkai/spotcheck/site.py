"""Spot-check one site: its manifest, its reporting on a day, and a random sample of its pages."""

from __future__ import annotations

import datetime
import json
import random
import threading
from concurrent.futures import Future
from typing import Any

from gongkai.data.reporting import DEFAULT_DEADLINE, Requirement, assess
from gongkai.export.manifest import MANIFEST_PATH, manifest_errors
from gongkai.pages.status import requirement_sentence
from gongkai.spotcheck.checks import (
    SamplePage,
    anchors,
    consistency_problems,
    download_problems,
    internal_links,
    missing_meta,
    missing_parts,
    parse,
)
from gongkai.spotcheck.fetch import Fetched, Fetcher
from gongkai.spotcheck.findings import FAIL, NOTE, PASS, Finding, SiteResult

MAX_SCHEMA_ERRORS = 5


class SiteCheck:
    """The checks of one site; every address is fetched once, through the run's shared `Fetcher`."""

    def __init__(self, base: str, fetcher: Fetcher) -> None:
        self.base = base if base.endswith("/") else base + "/"
        self.fetcher = fetcher
        self.result = SiteResult(self.base)
        self._cache: dict[str, Future[Fetched]] = {}
        self._parsed: dict[str, set[str]] = {}
        self._downloads_checked: set[str] = set()
        self._lock = threading.Lock()

    def fetch(self, url: str) -> Future[Fetched]:
        with self._lock:
            if url not in self._cache:
                self._cache[url] = self.fetcher.submit(url)
            return self._cache[url]

    def add(self, check: str, outcome: str, target: str, message: str, **values: Any) -> None:
        self.result.findings.append(Finding(self.base, check, outcome, target, message, values))

    def add_fetch_problem(self, check: str, target: str, fetched: Fetched) -> None:
        self.add(check, FAIL, target, "fetch_" + (fetched.problem or "").replace("-", "_"), detail=fetched.detail,
                 status=fetched.status or "")

    def run(self, on: datetime.date, sample: int, rng: random.Random) -> SiteResult:
        manifest = self.manifest()
        if manifest is None:
            return self.result
        self.requirements(manifest, on)
        self.bulk(manifest)
        pool = sample_pool(manifest, self.base)
        for page in rng.sample(pool, min(sample, len(pool))):
            self.page(page)
        return self.result

    # The manifest ------------------------------------------------------------------------------

    def manifest(self) -> dict[str, Any] | None:
        url = self.base + MANIFEST_PATH
        fetched = self.fetch(url).result()
        if not fetched.ok:
            self.add_fetch_problem("manifest", url, fetched)
            return None
        if fetched.body.lstrip().startswith(b"<"):  # a portal's error or login page, or a catch-all route
            self.add("manifest", FAIL, url, "manifest_html")
            return None
        try:
            manifest = json.loads(fetched.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            self.add("manifest", FAIL, url, "manifest_not_json", detail=str(error)[:120])
            return None
        errors = manifest_errors(manifest)
        if errors:
            for schema_error in errors[:MAX_SCHEMA_ERRORS]:
                self.add("manifest", FAIL, url, "manifest_schema", detail=schema_error[:200])
            if len(errors) > MAX_SCHEMA_ERRORS:
                self.add("manifest", FAIL, url, "manifest_more_errors", count=len(errors) - MAX_SCHEMA_ERRORS)
            return None
        plans = sum(len(a["plans"]) for a in manifest["agencies"])
        self.add("manifest", PASS, url, "manifest_ok", agencies=len(manifest["agencies"]), plans=plans)
        return manifest

    def requirements(self, manifest: dict[str, Any], on: datetime.date) -> None:
        deadline = (manifest.get("rules") or {}).get("deadline", DEFAULT_DEADLINE)
        for agency in manifest["agencies"]:
            try:
                requirements = assess(agency, on, deadline)
            except ValueError as error:  # a date the schema's pattern lets through, such as 2026-02-30
                self.add("requirement", FAIL, agency["id"], "requirement_unreadable", detail=str(error)[:120])
                continue
            for requirement in requirements:
                outcome = {"met": PASS, "exempt": NOTE, "history": NOTE, "due": NOTE, "incomplete": NOTE,
                           "late": FAIL}[requirement.state]
                self.add("requirement", outcome, f"{agency['id']} {requirement.item} {requirement.year}",
                         "requirement", agency=agency["name"], item=requirement.item, year=requirement.year,
                         state=_as_on_status_page(requirement))

    def bulk(self, manifest: dict[str, Any]) -> None:
        self.download(dict(manifest["bulk"], format="zip"))

    # Pages -------------------------------------------------------------------------------------

    def page(self, page: SamplePage) -> None:
        self.result.pages.append(page.url)
        fetched = self.fetch(page.url).result()
        if not fetched.ok:
            self.add_fetch_problem("page", page.url, fetched)
            return
        if not fetched.is_html:
            self.add("page", FAIL, page.url, "page_not_html", type=fetched.content_type or "?")
            return
        soup = parse(fetched.body)
        self.add("page", PASS, page.url, "page_ok", seconds=f"{fetched.seconds:.2f}")
        missing = missing_parts(soup, page.kind)
        self.add("sections", FAIL if missing else PASS, page.url, "sections_missing" if missing else "sections_ok",
                 parts=missing)
        meta = missing_meta(soup)
        self.add("metadata", FAIL if meta else PASS, page.url, "meta_missing" if meta else "meta_ok",
                 names=", ".join(meta))
        for problem in consistency_problems(soup, page):
            self.add("consistency", FAIL, page.url, problem.message, **problem.values)
        for entry in (page.part or {}).get("downloads") or []:
            self.download(entry)
        self.links(soup, fetched.url)

    def download(self, entry: dict[str, Any]) -> None:
        """Checked once per site, though both languages' pages offer it."""
        url = self.base + entry["url"]
        if url in self._downloads_checked:
            return
        self._downloads_checked.add(url)
        fetched = self.fetch(url).result()
        if not fetched.ok:
            self.add_fetch_problem("download", url, fetched)
            return
        problems = download_problems(fetched.body, entry)
        for problem in problems:
            self.add("download", FAIL, url, problem.message, **problem.values)
        if not problems:
            self.add("download", PASS, url, "download_ok", bytes=len(fetched.body))

    def links(self, soup, page_url: str) -> None:
        links = internal_links(soup, page_url, self.base)
        futures = {address: self.fetch(address) for address, _ in links if address != page_url}
        broken = 0
        for address, fragment in links:
            if address == page_url:
                fetched, target_soup = None, soup
            else:
                fetched = futures[address].result()
                target_soup = None
            if fetched is not None and not fetched.ok:
                broken += 1
                self.add_fetch_problem("link", address, fetched)
                continue
            if fragment and not self._has_anchor(address, fetched, target_soup, fragment):
                broken += 1
                self.add("link", FAIL, f"{address}#{fragment}", "anchor_missing", anchor=fragment, page=page_url)
        if not broken:
            self.add("link", PASS, page_url, "links_ok", count=len(links))

    def _has_anchor(self, address: str, fetched: Fetched | None, soup, fragment: str) -> bool:
        if fetched is not None and not fetched.is_html:
            return True  # a fragment of a file the browser opens whole
        with self._lock:
            ids = self._parsed.get(address)
        if ids is None:
            ids = anchors(soup if soup is not None or fetched is None else parse(fetched.body))
            with self._lock:
                self._parsed[address] = ids
        return fragment in ids


def _as_on_status_page(requirement: Requirement) -> dict[str, str]:
    """The requirement in the status page's own words, as plain text in both languages."""
    return {lang: requirement_sentence(requirement, lang) for lang in ("zh-TW", "en")}


def sample_pool(manifest: dict[str, Any], base: str) -> list[SamplePage]:
    """Every page the manifest names, in both languages, in the manifest's order."""
    pool: list[SamplePage] = []
    for agency in manifest["agencies"]:
        pool.extend(SamplePage("agency", base + url, agency) for url in agency["urls"].values())
        for plan in agency["plans"]:
            for kind in ("plan", "results"):
                if plan.get(kind):
                    pool.extend(SamplePage(kind, base + url, agency, plan) for url in plan[kind]["urls"].values())
    return pool
