"""A plan's page and its results page (templates plan.md and results.md)."""

from __future__ import annotations

from gongkai.data.changes import compare, previous_plan
from gongkai.data.model import Agency, Plan
from gongkai.data.translation_coverage import file_coverage
from gongkai.data.urls import agency_url, plan_url, results_url
from gongkai.export import Download
from gongkai.i18n import dates, text
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import DEFAULT
from gongkai.pages.metadata import plan_facts
from gongkai.pages.renderer import Page, Renderer

# Sections a plan has once, anchored by their kind (#sec-basis); the others by their number (#sec-6).
SINGLE_ANCHOR_KINDS = ("basis", "goals", "audience", "period", "status_quo", "body", "annexes")


def plan_title(agency: Agency, plan: Plan, lang: str) -> str:
    return ui("title_with_agency", lang, title=text.plain(plan.title, lang), agency=text.plain(agency.name, lang))


def results_title(plan: Plan, lang: str) -> str:
    return ui("results_title", lang, year=dates.year_label(plan.year, lang))


def render_plan(r: Renderer, agency: Agency, plan: Plan, downloads: list[Download]) -> Page:
    lang = r.lang
    coverage = file_coverage(plan.data, "plan", lang) if lang != DEFAULT.code else None
    previous = previous_plan(agency.plans, plan.year)
    title = text.plain(plan.title, lang)
    path = f"{plan_url(plan)}index.md"
    facts = plan_facts(agency, plan, lang, plan_title(agency, plan, lang), title,
                       f"/{results_url(plan)}" if plan.results else f"/{agency_url(agency)}", plan.updated)
    return r.page(path, "plan.md", title, facts, page_title=plan_title(agency, plan, lang),
                  agency=agency, plan=plan, translated_share=coverage.share if coverage else None,
                  nodes={n.id: n for top in plan.nodes for n in top.walk() if n.id},
                  single_anchor_kinds=SINGLE_ANCHOR_KINDS, changes=compare(previous, plan) if previous else None,
                  downloads=downloads)


def render_results(r: Renderer, agency: Agency, plan: Plan, downloads: list[Download]) -> Page:
    assert plan.results is not None
    lang = r.lang
    coverage = None
    if lang != DEFAULT.code:
        coverage = file_coverage(plan.data, "plan", lang) + file_coverage(plan.results.data, "results", lang)
    title = results_title(plan, lang)
    page_title = ui("title_with_agency", lang, title=title, agency=text.plain(agency.name, lang))
    facts = plan_facts(agency, plan, lang, page_title,
                       ui("results_description", lang, plan=text.plain(plan.title, lang), results=title),
                       f"/{plan_url(plan)}", plan.results.updated)
    return r.page(f"{results_url(plan)}index.md", "results.md", title, facts, page_title=page_title,
                  agency=agency, plan=plan, translated_share=coverage.share if coverage else None,
                  downloads=downloads)
