"""Pages about agencies: each agency's profile and years, and the list of all agencies."""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from gongkai.data.model import Agency, Portal
from gongkai.data.reporting import Requirement
from gongkai.data.status_summary import overall
from gongkai.data.translation_coverage import file_coverage
from gongkai.data.urls import agency_url, plan_url, relative, results_url
from gongkai.i18n import dates, text
from gongkai.i18n.catalogue import BUDGET_UNITS, ui
from gongkai.pages.blocks import html_block
from gongkai.pages.metadata import PageFacts, latest_update, portal_years
from gongkai.pages.renderer import Page, Renderer
from gongkai.pages.status import requirement_cell


def _profile_rows(r: Renderer, agency: Agency) -> list[tuple[str, Markup]]:
    data, lang = agency.data, r.lang
    head = data.get("head", {})
    contact = data.get("contact", {})
    staff, budget = data.get("staff"), data.get("budget")

    def t(value):
        return text.inline(value, lang) if value is not None else ""

    def year_suffix(block):
        return escape(ui("as_of_year", lang, year=r.year(block["year"]))) if block and "year" in block else ""

    contact_parts = [t(contact.get("title")), t(contact.get("name")), escape(contact.get("phone", "")),
                     _mailto(contact.get("email"))]
    rows = [
        (ui("code", lang), escape(data.get("code", ""))),
        (ui("parent", lang), t(data.get("parent"))),
        (ui("head", lang), Markup(" ").join(p for p in [t(head.get("title")), t(head.get("name"))] if p)),
        (ui("address", lang), t(data.get("address"))),
        (ui("phone", lang), escape(data.get("phone", ""))),
        (ui("fax", lang), escape(data.get("fax", ""))),
        (ui("email", lang), _mailto(data.get("email"))),
        (ui("website", lang), _website(data.get("website"))),
        (ui("service_hours", lang), t(data.get("service_hours"))),
        (ui("contact", lang), Markup(" ").join(p for p in contact_parts if p)),
        (ui("staff", lang), Markup("{}{}{}").format(
            ui("staff_count", lang, count=staff["count"]),
            Markup("（{}）").format(t(staff["note"])) if "note" in staff else "", year_suffix(staff)) if staff else ""),
        (ui("budget", lang), Markup("{}{}").format(
            ui("budget_amount", lang, amount=budget["amount"], unit=BUDGET_UNITS[budget["unit"]][lang]),
            year_suffix(budget)) if budget else ""),
    ]
    return rows


def _mailto(address: str | None) -> Markup:
    return Markup('<a href="mailto:{0}">{0}</a>').format(address) if address else Markup("")


def _website(address: str | None) -> Markup:
    if not address:
        return Markup("")
    href = address if address.startswith(("http://", "https://")) else f"https://{address}"
    return Markup('<a href="{}">{}</a>').format(href, address)


def render_agency(agency: Agency, lang: str) -> Page:
    r = Renderer(lang)
    path = f"{agency_url(agency)}index.md"
    coverage = file_coverage(agency.data, "agency", lang) if lang != "zh-TW" else None
    parts = r.notices(agency, coverage.share if coverage else None)
    parts.append(f"## {escape(ui('profile', lang))} {{#profile}}")
    parts.append(html_block(r.fields(_profile_rows(r, agency))))
    parts.append(f"## {escape(ui('all_years', lang))} {{#years}}")
    parts.append(html_block(_years_table(r, agency, path)))
    title = text.plain(agency.name, lang)
    stamps = [d for p in agency.plans.values() for d in (p.updated, p.results.updated if p.results else None) if d]
    years = agency.years()
    facts = PageFacts(title=title, description=ui("agency_description", lang, agency=title, profile=ui("profile", lang)),
                      updated=max(stamps) if stamps else None, agency=agency,
                      first_year=min(years) if years else None, last_year=max(years) if years else None,
                      relation=f"/{agency_url(agency)}", keywords=(title,))
    return r.page(path, title, parts, facts)


def _years_table(r: Renderer, agency: Agency, path: str) -> str:
    lang = r.lang
    rows = []
    for year in agency.years():
        plan = agency.plans[year]
        plan_link = Markup('<a href="{}">{}</a>').format(relative(path, plan_url(plan)), text.inline(plan.title, lang))
        if plan.results:
            tally = overall(plan)
            results = Markup('<a href="{}">{}</a> {}').format(
                relative(path, results_url(plan)), ui("results_short", lang),
                ui("summary_line", lang, total=tally.total, done=tally.completed,
                   share=f"{tally.share_completed * 100:.0f}%"))
        else:
            results = escape(ui("no_results", lang))
        rows.append(Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>').format(
            r.year(year), plan_link, ui("leaves_count", lang, n=len(plan.leaves())), results))
    head = "".join(f'<th scope="col">{escape(ui(k, lang))}</th>' for k in ("year", "plan", "count", "results_short"))
    return (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-years-caption" tabindex="0">'
            f'<table class="gk-table"><caption id="gk-years-caption">{escape(ui("all_years", lang))}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def this_year(today: datetime.date) -> int:
    return dates.roc_year(today.year)


def status_table(portal: Portal, lang: str, today: datetime.date, from_path: str,
                 assessed: dict[str, list[Requirement]]) -> str:
    """Every agency with its latest plan and results, and whether this year's plan and last
    year's results are published, judged by the reporting rules (`assessed`: see status_page.assess_all)."""
    r = Renderer(lang)
    year = this_year(today)
    rows = []
    for agency in portal.agencies.values():
        latest = agency.latest_plan()
        latest_results = agency.latest_results()
        name = Markup('<a href="{}">{}</a>').format(relative(from_path, agency_url(agency)), text.inline(agency.name, lang))
        if agency.fictional:
            name += Markup(' <span class="gk-tag">{}</span>').format(ui("fictional_label", lang))
        plan_cell = Markup('<a href="{}">{}</a>').format(relative(from_path, plan_url(latest)), r.year(latest.year)) \
            if latest else escape(ui("none_yet", lang))
        results_cell = Markup('<a href="{}">{}</a>').format(relative(from_path, results_url(latest_results)),
                                                           r.year(latest_results.year)) \
            if latest_results else escape(ui("none_yet", lang))
        plan_req, results_req = assessed[agency.id]
        rows.append(Markup("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            name, plan_cell, results_cell, requirement_cell(plan_req, lang), requirement_cell(results_req, lang)))
    heads = [ui("agency", lang), ui("latest_plan", lang), ui("latest_results", lang),
             ui("this_year_plan", lang, year=r.year(year)), ui("last_year_results", lang, year=r.year(year - 1))]
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    as_of = Markup('<p class="gk-as-of">{}</p>').format(
        Markup(escape(ui("status_as_of", lang, date="{date}"))).replace(
            "{date}", Markup('<time datetime="{}">{}</time>').format(today.isoformat(), dates.format_date(today, lang))))
    return (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-agencies-caption" tabindex="0">'
            f'<table class="gk-table gk-agencies"><caption id="gk-agencies-caption">{escape(ui("agencies", lang))}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>{as_of}')


def render_agency_index(portal: Portal, lang: str, today: datetime.date,
                        assessed: dict[str, list[Requirement]]) -> Page:
    r = Renderer(lang)
    path = "plans/index.md"
    parts = [html_block(status_table(portal, lang, today, path, assessed))]
    first, last = portal_years(portal)
    facts = PageFacts(title=ui("plans", lang), description=ui("agencies", lang), updated=latest_update(portal),
                      first_year=first, last_year=last, relation="/")
    return r.page(path, ui("plans", lang), parts, facts)
