"""Rendering agencies, plans and results as page content (Markdown headings around HTML blocks).

The output is plain Markdown with embedded HTML, so any Markdown-based site engine can publish it;
nothing here depends on MkDocs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from gongkai.data.model import STATUSES, Agency, Node, Plan
from gongkai.data.status_summary import by_top_item, overall, percent
from gongkai.data.translation_coverage import file_coverage
from gongkai.data.urls import agency_url, plan_url, relative, results_url
from gongkai.i18n import dates, numbering, quantities, text
from gongkai.i18n.catalogue import HISTORY_EVENTS, SECTION_HEADINGS, STATUS_LABELS, STATUS_SYMBOLS, ui
from gongkai.pages.blocks import html_block
from gongkai.pages.changes import changes_parts
from gongkai.pages.chart import status_chart
from gongkai.pages.metadata import PageFacts, plan_facts

SINGLE_ANCHOR_KINDS = ("basis", "goals", "audience", "period", "status_quo", "body", "annexes")


@dataclass
class Page:
    """One generated page: where it goes (relative to the docs root), its title, content and facts.

    `meta` becomes the page's front matter: its title, and the metadata the site adds from `facts`.
    """

    path: str
    title: str
    body: str
    facts: PageFacts
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def markdown(self) -> str:
        front = yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n{self.body}"


def colon(lang: str) -> str:
    return "：" if lang == "zh-TW" else ": "


class Renderer:
    """Renders pages in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.env = Environment(
            loader=PackageLoader("gongkai.pages", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            lang=lang,
            colon=colon(lang),
            semicolon="；" if lang == "zh-TW" else "; ",
            ui=lambda key, **values: ui(key, lang, **values),
            t=lambda value: text.inline(value, lang),
            md=lambda value: text.block(value, lang),
            mdi=lambda value: text.inline_markdown(value, lang),
            plain=lambda value: text.plain(value, lang),
            # English markers need a space before the text, for screen readers as much as for the eye.
            marker=lambda style, n: numbering.marker(style, n, lang) + ("" if lang == "zh-TW" else " "),
            level_style=numbering.level_style,
            date=lambda value: dates.format_date(value, lang),
            deadline=self._deadline,
            target=lambda value: quantities.format_target(value, lang),
            frequency=lambda value: quantities.format_frequency(value, lang),
            units=self._units,
            label=self._label,
            level_name=self._level_name,
            column_name=self._column_name,
            status_label=lambda status: STATUS_LABELS[status][lang],
            symbol=lambda status: STATUS_SYMBOLS[status],
            view_column=self._view_column,
        )

    # Small formatters the templates call ------------------------------------------------------

    def _deadline(self, deadline: Any) -> Markup:
        shown = dates.format_deadline(deadline, self.lang)
        if isinstance(deadline, dict) and "as_written" in deadline:
            note = text.inline(deadline["note"], self.lang) if "note" in deadline else ""
            return Markup('<span lang="zh-Hant-TW">{}</span>{}').format(shown, Markup(f"（{note}）") if note else "")
        if isinstance(deadline, str) and deadline != "ongoing":
            return Markup('<time datetime="{}">{}</time>').format(deadline, shown)
        return Markup(escape(shown))

    def _units(self, units: list[Any]) -> Markup:
        separator = "、" if self.lang == "zh-TW" else ", "
        return Markup(separator).join(text.inline(u, self.lang) for u in units)

    def _label(self, body: dict[str, Any], column: str) -> Markup:
        given = body.get("labels", {}).get(column)
        return text.inline(given, self.lang) if given else Markup(escape(ui(column, self.lang)))

    def _level_name(self, body: dict[str, Any], level: int) -> Markup:
        levels = body.get("levels", [])
        if level <= len(levels):
            return text.inline(levels[level - 1], self.lang)
        return Markup(escape(ui("level", self.lang, n=level)))

    def _column_name(self, body: dict[str, Any], column: str) -> Markup:
        if column in ("status", "result"):
            return Markup(escape(ui(column, self.lang)))
        return self._label(body, column)

    def _view_column(self, view: dict[str, Any], column: str) -> Markup:
        given = view.get("columns", {}).get(column)
        defaults = {"group": "item", "text": "actions", "deadline": "deadline"}
        return text.inline(given, self.lang) if given else Markup(escape(ui(defaults[column], self.lang)))

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    # Shared page parts ------------------------------------------------------------------------

    def year(self, roc: int) -> str:
        return dates.year_label(roc, self.lang)

    def notices(self, agency: Agency, translated_share: float | None) -> list[str]:
        blocks = []
        if agency.fictional:
            blocks.append(f'<div class="gk-notice gk-notice--fictional" role="note"><strong>'
                          f'{escape(ui("fictional_label", self.lang))}</strong>{colon(self.lang)}'
                          f'{escape(ui("fictional", self.lang))}</div>')
        if self.lang == "en" and translated_share is not None and translated_share < 1:
            blocks.append(
                f'<div class="gk-notice gk-notice--untranslated" role="note"><p>{escape(ui("untranslated_note", "en"))} '
                f'{escape(ui("untranslated_share", "en", share=percent(translated_share)))}</p></div>'
            )
        return blocks

    def page(self, path: str, title: str, parts: list[str], facts: PageFacts, *, page_title: str | None = None) -> Page:
        body = [f"# {text.markdown_literal(title)}", *[p for p in parts if p]]
        return Page(path=path, title=title, body="\n\n".join(body) + "\n", facts=facts,
                    meta={"title": page_title or title})

    def fields(self, rows: list[tuple[str, Any]]) -> str:
        items = "".join(f"<div><dt>{escape(name)}</dt><dd>{value}</dd></div>" for name, value in rows if value)
        return f'<dl class="gk-fields">{items}</dl>' if items else ""

    def updated_text(self, updated: datetime.date | None) -> Markup:
        if updated is None:
            return Markup(escape(ui("not_recorded", self.lang)))
        return Markup('<time datetime="{}">{}</time>').format(updated.isoformat(),
                                                              dates.format_date(updated, self.lang))


def plan_title(agency: Agency, plan: Plan, lang: str) -> str:
    return f"{text.plain(plan.title, lang)}｜{text.plain(agency.name, lang)}"


def render_plan(agency: Agency, plan: Plan, lang: str) -> Page:
    r = Renderer(lang)
    path = f"{plan_url(plan)}index.md"
    coverage = file_coverage(plan.data, "plan", lang) if lang != "zh-TW" else None
    parts = r.notices(agency, coverage.share if coverage else None)
    parts.append(html_block(_plan_meta(r, agency, plan, path)))
    if "inner_title" in plan.data:
        parts.append(f'<p class="gk-inner-title">{text.inline(plan.data["inner_title"], lang)}</p>')
    nodes = {n.id: n for top in plan.nodes for n in top.walk() if n.id}
    annexes_shown = False
    for number, section in enumerate(plan.sections, start=1):
        parts.extend(_section(r, plan, section, number, nodes))
        annexes_shown = annexes_shown or section["kind"] == "annexes"
    if plan.annexes and not annexes_shown:
        heading = SECTION_HEADINGS["annexes"][lang]
        parts.append(f"## {text.markdown_literal(heading)} {{#sec-annexes}}")
        parts.append(html_block(_annex_list(r, plan, nodes)))
    parts.extend(changes_parts(agency, plan, lang, path))
    parts.extend(_history(r, plan))
    title = text.plain(plan.title, lang)
    facts = plan_facts(agency, plan, lang, plan_title(agency, plan, lang), title,
                       f"/{results_url(plan)}" if plan.results else f"/{agency_url(agency)}", plan.updated)
    return r.page(path, title, parts, facts, page_title=plan_title(agency, plan, lang))


def _plan_meta(r: Renderer, agency: Agency, plan: Plan, path: str) -> str:
    lang = r.lang
    approvals = plan.history("approved")
    revisions = plan.history("revised")
    rows = [
        (ui("agency", lang), Markup('<a href="{}">{}</a>').format(relative(path, agency_url(agency)),
                                                                  text.inline(agency.name, lang))),
        (ui("year", lang), escape(r.year(plan.year))),
        (ui("category", lang), text.inline(plan.data.get("category"), lang)),
        (ui("issued", lang), escape(dates.format_date(plan.data["issued"], lang)) if "issued" in plan.data else ""),
        (ui("approved", lang), _dates_list(r, approvals) or escape(ui("not_recorded", lang))),
        (ui("revised", lang), _dates_list(r, revisions)),
        (ui("last_updated", lang), r.updated_text(plan.updated)),
        (ui("results", lang), Markup('<a href="{}">{}</a>').format(
            relative(path, results_url(plan)), ui("results_page_link", lang, year=r.year(plan.year)))
         if plan.results else escape(ui("no_results", lang))),
    ]
    return r.fields(rows)


def _dates_list(r: Renderer, entries: list[dict[str, Any]]) -> Markup:
    return Markup("、" if r.lang == "zh-TW" else ", ").join(
        Markup('<time datetime="{}">{}</time>').format(e["date"], dates.format_date(e["date"], r.lang)) for e in entries
    )


def _section_anchor(plan: Plan, section: dict[str, Any], number: int) -> str:
    kind = section["kind"]
    return f"sec-{kind}" if kind in SINGLE_ANCHOR_KINDS else f"sec-{number}"


def _section(r: Renderer, plan: Plan, section: dict[str, Any], number: int, nodes: dict[str, Node]) -> list[str]:
    lang = r.lang
    mark = numbering.marker("壹、", number, lang) + ("" if lang == "zh-TW" else " ")
    anchor = _section_anchor(plan, section, number)
    if "heading" not in section and section["kind"] == "other":
        # A numbered clause with no heading, e.g. 捌、本計畫如有未盡事宜…
        return [html_block(f'<div class="gk-clause" id="{anchor}"><span class="gk-marker">{mark}</span>'
                            f'<div class="gk-item">{text.inline_markdown(section["text"], lang)}</div></div>')]
    heading_value = section.get("heading") or SECTION_HEADINGS[section["kind"]]
    # Data in a heading is text: no Markdown, HTML or attribute list (`{: onclick=…}`) of its own.
    heading = text.heading(heading_value, lang)
    parts = [f"## {mark}{heading} {{#{anchor}}}"]
    if section["kind"] == "body":
        parts.extend(_body(r, plan, section))
    else:
        annex_list = Markup(_annex_list(r, plan, nodes)) if section["kind"] == "annexes" else ""
        parts.append(html_block(r.render("section.html", section=section, annex_list=annex_list)))
    return parts


def _body(r: Renderer, plan: Plan, body: dict[str, Any]) -> list[str]:
    lang = r.lang
    parts = []
    if "intro" in body:
        parts.append(html_block(str(text.block(body["intro"], lang))))
    if "intro_items" in body:
        parts.append(html_block(r.render("section.html", section={"kind": "goals", "items": body["intro_items"]},
                                          headless=False, annex_list="")))
    nodes = plan.nodes
    if body.get("layout") == "list":
        parts.append(html_block(r.render("body_list.html", nodes=nodes, body=body)))
    else:
        parts.append(html_block(body_table(r, plan, body, nodes, _plan_columns(plan), "gk-body-caption")))
    return parts


def body_table(r: Renderer, plan: Plan, body: dict[str, Any], nodes: list[Node], columns: list[str],
               caption_id: str, **extra: Any) -> str:
    leaves = [leaf for node in nodes for leaf in node.leaves()]
    title = body.get("table_title") or body.get("heading") or SECTION_HEADINGS["body"]
    caption = ui("body_caption", r.lang, title=text.plain(title, r.lang), count=len(leaves))
    depth = max(leaf.depth for leaf in leaves)
    return r.render("body_table.html", body=body, nodes=nodes, columns=columns, depth=depth,
                    caption=caption, caption_id=caption_id, results=plan.results, **extra)


def _plan_columns(plan: Plan) -> list[str]:
    leaves = plan.leaves()

    def used(name: str) -> bool:
        return any(name in leaf.data for leaf in leaves)

    def used_by_actions(name: str) -> bool:
        return any(name in action for leaf in leaves for action in leaf.data.get("actions", []))

    columns = []
    if used("actions"):
        columns.append("actions")
    if used("outcomes"):
        columns.append("outcomes")
    if used("targets") or used("frequency"):
        columns.append("targets")
    if used("deadline"):
        columns.append("deadline")
    if used("units") or used_by_actions("units"):
        columns.append("units")
    return columns


def _annex_list(r: Renderer, plan: Plan, nodes: dict[str, Node]) -> str:
    def annex_table(annex: dict[str, Any], index: int) -> Markup:
        label = " ".join(text.plain(annex[k], r.lang) for k in ("label", "title") if k in annex)
        return Markup(r.render("annex_table.html", view=annex["repeats_body"], nodes=nodes, caption=label,
                               caption_id=f"annex-{index}-caption", ref_label=_ref_label(r)))
    return r.render("annex_list.html", annexes=plan.annexes, annex_table=annex_table)


def _ref_label(r: Renderer):
    def label(leaf: Node) -> Markup:
        marks = "".join(numbering.marker(numbering.level_style(n.depth), n.position[-1], r.lang)
                        for n in [*leaf.ancestors(), leaf])
        hidden = "本文" if r.lang == "zh-TW" else "see item"
        return Markup('<span class="gk-visually-hidden">{} </span>{}').format(hidden, marks)
    return label


def _history(r: Renderer, plan: Plan) -> list[str]:
    entries = plan.data.get("history", [])
    if not entries:
        return []
    lang = r.lang
    rows = "".join(
        Markup("<tr><td><time datetime=\"{}\">{}</time></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            e["date"], dates.format_date(e["date"], lang), ui(HISTORY_EVENTS[e["event"]], lang),
            text.inline(e.get("by"), lang), e.get("document", ""), text.inline(e.get("note"), lang))
        for e in entries
    )
    head = "".join(f'<th scope="col">{escape(ui(k, lang))}</th>' for k in ("date", "event", "by", "document_no", "note"))
    table = (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-history-caption" tabindex="0">'
             f'<table class="gk-table"><caption id="gk-history-caption">{escape(ui("history", lang))}</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")
    return [f"## {escape(ui('history', lang))} {{#sec-history}}", table]


# Results -------------------------------------------------------------------------------------

def results_title(agency: Agency, plan: Plan, lang: str) -> str:
    return f"{dates.year_label(plan.year, lang)} {ui('results', lang)}" if lang == "en" \
        else f"{plan.year}年{ui('results', lang)}"


def render_results(agency: Agency, plan: Plan, lang: str) -> Page:
    assert plan.results is not None
    r = Renderer(lang)
    path = f"{results_url(plan)}index.md"
    coverage = None
    if lang != "zh-TW":
        coverage = file_coverage(plan.data, "plan", lang) + file_coverage(plan.results.data, "results", lang)
    parts = r.notices(agency, coverage.share if coverage else None)
    total = overall(plan)
    parts.append(html_block(r.fields([
        (ui("agency", lang), Markup('<a href="{}">{}</a>').format(relative(path, agency_url(agency)),
                                                                  text.inline(agency.name, lang))),
        (ui("results_of_plan", lang), Markup('<a href="{}">{}</a>').format(relative(path, plan_url(plan)),
                                                                           text.inline(plan.title, lang))),
        (ui("reported_on", lang), escape(dates.format_date(plan.results.data["reported"], lang))
         if "reported" in plan.results.data else ""),
        (ui("last_updated", lang), r.updated_text(plan.results.updated)),
        (ui("summary", lang), escape(ui("summary_line", lang, total=total.total, done=total.completed,
                                        share=percent(total.share_completed)))),
    ])))
    if "note" in plan.results.data:
        parts.append(html_block(str(text.block(plan.results.data["note"], lang))))
    parts.append(f"## {escape(ui('summary', lang))} {{#summary}}")
    parts.append(html_block(_summary(r, plan)))
    parts.append(f"## {escape(ui('results', lang))} {{#results-table}}")
    columns = [c for c in _plan_columns(plan) if c in ("targets",)] + ["status", "result"]
    parts.append(html_block(body_table(r, plan, plan.body, plan.nodes, columns, "gk-results-caption",
                                        result_cell=lambda leaf: _result_cell(r, plan, leaf))))
    title = results_title(agency, plan, lang)
    page_title = f"{title}｜{text.plain(agency.name, lang)}"
    facts = plan_facts(agency, plan, lang, page_title, f"{text.plain(plan.title, lang)}：{title}" if lang == "zh-TW"
                       else f"{title}: {text.plain(plan.title, lang)}", f"/{plan_url(plan)}", plan.results.updated)
    return r.page(path, title, parts, facts, page_title=page_title)


def _item_mark(node: Node, lang: str) -> str:
    return numbering.marker("一、", node.position[-1], lang) + ("" if lang == "zh-TW" else " ")


def _summary(r: Renderer, plan: Plan) -> str:
    lang = r.lang
    rows = by_top_item(plan)
    items = []
    for node, tally in rows:
        counts = "、".join(f"{STATUS_LABELS[s][lang]} {tally.counts[s]}" for s in STATUSES if tally.counts[s]) \
            if lang == "zh-TW" else ", ".join(f"{STATUS_LABELS[s][lang].lower()} {tally.counts[s]}"
                                              for s in STATUSES if tally.counts[s])
        line = ui("summary_line", lang, total=tally.total, done=tally.completed, share=percent(tally.share_completed))
        items.append(Markup('<li><span class="gk-marker">{}</span><div class="gk-item">{}：{}（{}）</div></li>' if lang == "zh-TW"
                            else '<li><span class="gk-marker">{}</span><div class="gk-item">{}: {} ({})</div></li>').format(
            numbering.marker("一、", node.position[-1], lang), text.inline(node.text, lang), line, counts))
    summary_list = Markup('<ol class="gk-list gk-summary">{}</ol>').format(Markup("").join(items))
    description = ("；" if lang == "zh-TW" else "; ").join(
        f"{_item_mark(n, lang)}{text.plain(n.text, lang)} "
        f"{ui('summary_line', lang, total=t.total, done=t.completed, share=percent(t.share_completed))}"
        for n, t in rows)
    chart = status_chart([(numbering.marker("一、", n.position[-1], lang), t) for n, t in rows], lang,
                         ui("chart_title", lang), description)
    head = "".join(f'<th scope="col">{STATUS_SYMBOLS[s]} {escape(STATUS_LABELS[s][lang])}</th>' for s in STATUSES)
    body_rows = "".join(
        f'<tr><th scope="row">{_item_mark(n, lang)}{text.inline(n.text, lang)}</th>'
        + "".join(f"<td>{t.counts[s]}</td>" for s in STATUSES)
        + f"<td>{t.total}</td><td>{percent(t.share_completed)}</td></tr>"
        for n, t in rows)
    total = overall(plan)
    foot = (f'<tr><th scope="row">{escape(ui("total", lang))}</th>'
            + "".join(f"<td>{total.counts[s]}</td>" for s in STATUSES)
            + f"<td>{total.total}</td><td>{percent(total.share_completed)}</td></tr>")
    table = (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-chart-data-caption" tabindex="0">'
             f'<table class="gk-table gk-numbers"><caption id="gk-chart-data-caption">{escape(ui("chart_data_table", lang))}</caption>'
             f'<thead><tr><th scope="col">{escape(ui("item", lang))}</th>{head}'
             f'<th scope="col">{escape(ui("total", lang))}</th><th scope="col">{escape(ui("share_completed", lang))}</th></tr></thead>'
             f"<tbody>{body_rows}</tbody><tfoot>{foot}</tfoot></table></div>")
    figure = f'<figure class="gk-figure">{chart}<figcaption>{escape(ui("chart_title", lang))}</figcaption></figure>'
    return f"<p>{escape(ui('summary_intro', lang))}</p>{summary_list}{figure}{table}"


def _result_cell(r: Renderer, plan: Plan, leaf: Node) -> Markup:
    entry = plan.results.entry(leaf.leaf_id) if plan.results else None
    if not entry or plan.results is None:
        return Markup("")
    lang = r.lang
    parts = []
    if "narrative" in entry:
        parts.append(text.block(entry["narrative"], lang))
    if "reason" in entry:
        parts.append(Markup('<p><strong>{}</strong>{}{}</p>').format(ui("reason", lang), colon(lang), text.inline_markdown(entry["reason"], lang)))
    targets = leaf.data.get("targets", [])
    for measured in entry.get("measured", []):
        target = quantities.target_for(measured, targets)
        line = quantities.format_measured(measured, target, lang)
        if target is not None:
            goal = quantities.target_figure(target, lang)
            line += f"（目標 {goal}）" if lang == "zh-TW" else f" (target {goal})"
        parts.append(Markup('<p class="gk-measured"><strong>{}</strong>{}{}</p>').format(ui("measured", lang), colon(lang), line))
    evidence = entry.get("evidence", [])
    if evidence:
        parts.append(_evidence(r, evidence))
    reported = plan.results.reported_on(leaf.leaf_id)
    if reported:
        parts.append(Markup('<p class="gk-reported">{}{}<time datetime="{}">{}</time></p>').format(
            ui("reported_on", lang), colon(lang), reported, dates.format_date(reported, lang, short=True)))
    return Markup("").join(parts)


def _evidence(r: Renderer, evidence: list[dict[str, Any]]) -> Markup:
    items = []
    for e in evidence:
        title = text.inline(e["title"], r.lang)
        if e["kind"] == "link":
            items.append(Markup('<li><a href="{}">{}</a></li>').format(e["url"], title))
        elif e["kind"] == "file":
            items.append(Markup('<li><a href="../{}">{}</a></li>').format(e["file"], title))
        else:
            items.append(Markup('<li><figure class="gk-evidence-image"><img src="../{}" alt="{}" loading="lazy">'
                                '<figcaption>{}</figcaption></figure></li>').format(
                e["file"], text.plain(e["alt"], r.lang), title))
    return Markup('<div class="gk-evidence"><strong>{}</strong><ul>{}</ul></div>').format(
        ui("evidence", r.lang), Markup("").join(items))
