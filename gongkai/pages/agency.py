"""Pages about agencies: each agency's profile and years, and the list of all agencies (templates agency.md,
agencies.md and agency.html)."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from gongkai.data.model import Agency, Portal
from gongkai.data.portal_facts import latest_update, portal_years
from gongkai.data.reporting import Requirement
from gongkai.data.translation_coverage import file_coverage
from gongkai.data.urls import agency_url
from gongkai.i18n import text
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import DEFAULT
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import Page, Renderer


def render_agency(r: Renderer, agency: Agency) -> Page:
    lang = r.lang
    coverage = file_coverage(agency.data, "agency", lang) if lang != DEFAULT.code else None
    title = text.plain(agency.name, lang)
    stamps = [d for p in agency.plans.values() for d in (p.updated, p.results.updated if p.results else None) if d]
    years = agency.years()
    facts = PageFacts(title=title, description=ui("agency_description", lang, agency=title, profile=ui("profile", lang)),
                      updated=max(stamps) if stamps else None, agency=agency,
                      first_year=min(years) if years else None, last_year=max(years) if years else None,
                      relation=f"/{agency_url(agency)}", keywords=(title,))
    return r.page(f"{agency_url(agency)}index.md", "agency.md", title, facts, agency=agency,
                  translated_share=coverage.share if coverage else None)


def status_table(r: Renderer, portal: Portal, today: datetime.date, from_path: str,
                 assessed: dict[str, list[Requirement]]) -> Markup:
    """Every agency with its latest plan and results, and whether this year's plan and last
    year's results are published, judged by the reporting rules (`assessed`: see status.assess_all)."""
    return r.macro("agency.html", "agencies_table", portal, today, from_path, assessed)


def render_agency_index(r: Renderer, portal: Portal, today: datetime.date,
                        assessed: dict[str, list[Requirement]]) -> Page:
    first, last = portal_years(portal)
    facts = PageFacts(title=ui("plans", r.lang), description=ui("agencies", r.lang), updated=latest_update(portal),
                      first_year=first, last_year=last, relation="/")
    return r.page("plans/index.md", "agencies.md", ui("plans", r.lang), facts, portal=portal, today=today,
                  assessed=assessed)
