"""The 公開狀態 / Reporting status page: per agency, whether this year's plan and last year's results are
published in time, judged by the rules of `reporting` on the transparency manifest."""

from __future__ import annotations

import datetime
from typing import Any

from markupsafe import Markup, escape

from gongkai.data.reporting import Requirement, assess, parse_deadline
from gongkai.data.urls import relative
from gongkai.export import Download
from gongkai.export.manifest import MANIFEST_PATH, SCHEMA_PATH
from gongkai.i18n import dates
from gongkai.i18n.catalogue import ui
from gongkai.pages.blocks import html_block
from gongkai.pages.downloads import file_size, site_link
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import Page, Renderer

PATH = "status/index.md"
# Shapes that tell the states apart without colour.
SYMBOLS = {"met": "✔", "exempt": "—", "late": "⚠", "incomplete": "◐", "due": "○"}


def _date(value: datetime.date, lang: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), dates.format_date(value, lang))


def _fill(key: str, lang: str, **values: Any) -> Markup:
    """An interface string with Markup values put in after escaping the rest."""
    template = escape(ui(key, lang, **{name: f"\x00{name}\x00" for name in values}))
    for name, value in values.items():
        template = Markup(template.replace(f"\x00{name}\x00", escape(value)))
    return Markup(template)


def requirement_text(req: Requirement, lang: str) -> Markup:
    """What a requirement's state is, in words (with dates as <time>)."""
    due = _date(req.due, lang)
    counts = {"n": req.reported, "m": req.leaves}
    if req.state == "met":
        if req.item == "results":
            return _fill("state_results_met", lang, **counts)
        return _fill("state_plan_met", lang, date=_date(req.published, lang)) if req.published \
            else _fill("state_plan_met_undated", lang)
    if req.state == "exempt" and req.exempt is not None:
        return _fill("state_exempt", lang, reason=req.exempt.get(lang) or req.exempt["zh-TW"])
    if req.state == "late":
        detail = _fill("state_late_incomplete", lang, date=due, **counts) if req.published \
            else _fill("state_late_missing", lang, date=due)
        return Markup("<strong>{}</strong>{}{}").format(ui("state_late", lang), ui("colon", lang), detail)
    if req.state == "incomplete":
        return _fill("state_incomplete", lang, date=due, **counts)
    return _fill("state_due", lang, date=due)


def requirement_cell(req: Requirement, lang: str) -> Markup:
    """The state as a symbol and words, so it never depends on colour."""
    return Markup('<span class="gk-report gk-report--{}"><span aria-hidden="true">{}</span> {}</span>').format(
        req.state, SYMBOLS[req.state], requirement_text(req, lang))


def assess_all(manifest: dict[str, Any], on: datetime.date) -> dict[str, list[Requirement]]:
    deadline = manifest["rules"]["deadline"]
    return {agency["id"]: assess(agency, on, deadline) for agency in manifest["agencies"]}


def _deadline_text(deadline: str, lang: str) -> str:
    month, day = parse_deadline(deadline)
    return dates.format_month_day(month, day, lang)


def _table(manifest: dict[str, Any], assessed: dict[str, list[Requirement]], lang: str, year: int) -> str:
    r = Renderer(lang)
    rows = []
    for agency in manifest["agencies"]:
        # The zh-TW URL is the page's path inside either language's site.
        name = Markup('<a href="{}">{}</a>').format(relative(PATH, agency["urls"]["zh-TW"]), agency["name"][lang])
        if agency["fictional"]:
            name += Markup(' <span class="gk-tag">{}</span>').format(ui("fictional_label", lang))
        cells = Markup("").join(Markup("<td>{}</td>").format(requirement_cell(req, lang))
                                for req in assessed[agency["id"]])
        rows.append(Markup('<tr><th scope="row">{}</th>{}</tr>').format(name, cells))
    heads = [ui("agency", lang), ui("this_year_plan", lang, year=r.year(year)),
             ui("last_year_results", lang, year=r.year(year - 1))]
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    return (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-status-caption" tabindex="0">'
            f'<table class="gk-table gk-reporting"><caption id="gk-status-caption">{escape(ui("status_caption", lang))}'
            f'</caption><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _data_links(bulk: Download, lang: str) -> str:
    items = [
        Markup('<li><a href="{}" type="application/zip" download>{}</a>：{}</li>' if lang == "zh-TW"
               else '<li><a href="{}" type="application/zip" download>{}</a>: {}</li>').format(
            site_link(PATH, bulk.path, lang), ui("bulk_download", lang), ui("format_zip", lang, size=file_size(bulk.size))),
        Markup('<li><a href="{}" type="application/json">{}</a></li>').format(
            site_link(PATH, MANIFEST_PATH, lang), ui("transparency_manifest", lang)),
        Markup('<li><a href="{}" type="application/schema+json">{}</a></li>').format(
            site_link(PATH, SCHEMA_PATH, lang), ui("transparency_schema", lang)),
    ]
    return f'<ul class="gk-downloads">{"".join(items)}</ul>'


def render_status_page(manifest: dict[str, Any], bulk: Download, on: datetime.date, lang: str,
                       facts: PageFacts) -> Page:
    """The page at status/: the rule, the day judged, the table, and the whole data set's files."""
    assessed = assess_all(manifest, on)
    deadline = _deadline_text(manifest["rules"]["deadline"], lang)
    title = ui("reporting_status", lang)
    intro = Markup("<p>{}</p><p>{}</p>").format(ui("status_intro", lang, deadline=deadline),
                                               _fill("status_judged_on", lang, date=_date(on, lang)))
    parts = [html_block(str(intro)), html_block(_table(manifest, assessed, lang, dates.roc_year(on.year))),
             f"## {escape(ui('downloads', lang))} {{#downloads}}", html_block(_data_links(bulk, lang))]
    return Page(path=PATH, title=title, body=f"# {title}\n\n" + "\n\n".join(parts) + "\n", facts=facts,
                meta={"title": title})
