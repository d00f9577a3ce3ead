"""The one way pages are made: Jinja templates (gongkai/pages/templates), one environment per language.

A page is Markdown with raw HTML blocks in it, so any Markdown-based site engine can publish it; nothing
here depends on MkDocs. Python gives the templates data; the markup is in the templates, autoescaped.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, Undefined
from markupsafe import Markup, escape

from gongkai.data import table_rows
from gongkai.data.changes import action_marker, changed_value, detail_label
from gongkai.data.compiled_templates import bytecode_cache
from gongkai.data.model import STATUSES, reported_rows
from gongkai.data.status_summary import by_top_item, overall, percent
from gongkai.data.tables import Column
from gongkai.data.urls import agency_url, plan_url, relative, results_url
from gongkai.i18n import dates, numbering, quantities, text
from gongkai.i18n.catalogue import (
    BUDGET_UNITS,
    HISTORY_EVENTS,
    SECTION_HEADINGS,
    STATUS_LABELS,
    STATUS_SYMBOLS,
    UI,
    ui,
)
from gongkai.i18n.languages import BY_CODE, DEFAULT, LANGUAGES
from gongkai.pages import changes, downloads, status
from gongkai.pages.chart import chart_of
from gongkai.pages.metadata import PageFacts


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


@dataclass(frozen=True)
class ColumnHead:
    """A column of a body table as its header shows it (`label`) and as each of its cells names it (`name`, the
    label's text), with its key as a class name may hold it (`cell-…` for `cell:…`)."""

    column: Column
    label: Markup
    name: str
    key: str


def html_block(html: str) -> Markup:
    """HTML kept in one piece: Markdown ends a raw HTML block at a blank line on some engines."""
    return Markup(re.sub(r"\n\s*\n+", "\n", html).strip())


def markdown_escape(value: str) -> Markup:
    """Text that Markdown shows as written, on one line (a heading)."""
    return Markup(text.markdown_literal(value))


def _given(value: Any) -> Any:
    # A field the data leaves out reads as no text.
    return None if isinstance(value, Undefined) else value


class Renderer:
    """Renders pages in one language. Build one per language with `renderer(lang)`, which keeps it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # The interface strings that take no values, as HTML: a page shows many of them, many times.
        self._fixed_ui: dict[str, Markup] = {}
        self.env = Environment(
            loader=PackageLoader("gongkai.pages", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            # The templates are the package's and do not change while it runs: a page need not look at their
            # files again each time it imports one.
            auto_reload=False,
            bytecode_cache=bytecode_cache(),
        )
        self.env.filters.update(html_block=html_block, md_escape=markdown_escape)
        self.env.globals.update(
            lang=lang,
            original_lang=DEFAULT.html_lang,
            ui=self.ui,
            time=self.time,
            t=lambda value: text.inline(_given(value), lang),
            # Text typed as it is in either language (a phone number with 分機): its Chinese marked on other pages.
            runs=lambda value: Markup(text.mark_chinese_runs(str(escape(value))) if lang != DEFAULT.code
                                      else escape(value)),
            # Data in a heading is text: no Markdown, HTML or attribute list (`{: onclick=…}`) of its own.
            heading_text=lambda value: text.heading(value, lang),
            md=lambda value: text.block(_given(value), lang),
            mdi=lambda value: text.inline_markdown(_given(value), lang),
            plain=lambda value: text.plain(value, lang),
            marker=lambda style, n: ui("list_marker", lang, marker=numbering.marker(style, n, lang)),
            numeral=lambda style, n: numbering.marker(style, n, lang),
            full_numeral=lambda node: numbering.full_marker(node, lang),
            level_style=numbering.level_style,
            date=lambda value, short=False: dates.format_date(value, lang, short=short),
            year=lambda roc: dates.year_label(roc, lang),
            roc_year=dates.roc_year,
            deadline_text=lambda value: dates.format_deadline(value, lang),
            target=lambda value: quantities.format_target(value, lang),
            frequency=lambda value: quantities.format_frequency(value, lang),
            measured=lambda value, targets: quantities.measured_line(value, targets, lang),
            label=self._label,
            column_heads=self._column_heads,
            body_rows=table_rows.body_rows,
            leaf_value=table_rows.leaf_value,
            action_value=table_rows.action_value,
            numbered=table_rows.numbered,
            reported_rows=reported_rows,
            has_note_column=lambda table: any(c.field == "note" for c in table.columns()),
            view_column=self._view_column,
            heading_of=lambda kind: SECTION_HEADINGS[kind],
            history_event=lambda event: HISTORY_EVENTS[event],
            statuses=STATUSES,
            status_label=lambda status: STATUS_LABELS[status][lang],
            symbol=lambda status: STATUS_SYMBOLS[status],
            budget_unit=lambda unit: BUDGET_UNITS[unit][lang],
            chart_of=chart_of,
            word_diff=lambda before, after: changes.word_diff(before, after, lang),
            action_diff=lambda change: changes.action_diff(change, lang),
            action_label=lambda change: action_marker(change, lang),
            changed_value=lambda name, value: changed_value(name, value, lang),
            detail_label=lambda change: detail_label(change, lang),
            statement=lambda requirement: status.statement(requirement, lang),
            report_symbol=lambda state: status.SYMBOLS[state],
            site_link=lambda from_path, site_path: downloads.site_link(from_path, site_path, lang),
            media_type=lambda file_format: downloads.MEDIA_TYPES[file_format],
            format_label=lambda download: downloads.format_label(download, lang),
            file_size=downloads.file_size,
            overall=overall,
            by_top_item=by_top_item,
            percent=percent,
            relative=relative,
            status_link=self._status_link,
            agency_url=agency_url,
            plan_url=plan_url,
            results_url=results_url,
            # The word DRAFT in the page's language, then in the others (with their `lang`).
            draft_words=[(None, UI["draft_label"][lang])] + [(other.html_lang, UI["draft_label"][other.code])
                                                            for other in LANGUAGES if other.code != lang],
        )

    def ui(self, key: str, **values: Any) -> Markup:
        """An interface string as HTML: its values escaped unless already Markup, and dates shown as <time>."""
        if not values:
            if key not in self._fixed_ui:
                self._fixed_ui[key] = Markup(escape(UI[key][self.lang])).format()
            return self._fixed_ui[key]
        shown = {name: self.time(value) if isinstance(value, datetime.date) else value
                 for name, value in values.items()}
        return Markup(escape(UI[key][self.lang])).format(**shown)

    def time(self, value: str | datetime.date, short: bool = False) -> Markup:
        """Every date a page shows: as readers write it, and machine-readable in `datetime`."""
        return Markup('<time datetime="{}">{}</time>').format(value, dates.format_date(value, self.lang, short=short))

    def _status_link(self, from_path: str) -> Markup:
        """A link to the 公開狀態 / Reporting status page, named as the menu names it."""
        return Markup('<a href="{}">{}</a>').format(relative(from_path, "status/"), ui("reporting_status", self.lang))

    # Column and level names: as the plan calls them, or the interface's words.

    def _label(self, body: dict[str, Any], column: str) -> Markup:
        given = body.get("labels", {}).get(column)
        return text.inline(given, self.lang) if given else self.ui(column)

    def _column_heads(self, columns: list[Column]) -> list[ColumnHead]:
        """The headers of a table's `columns`, made once for all its rows."""
        heads = []
        for column in columns:
            label = self._column_label(column)
            heads.append(ColumnHead(column=column, label=label, name=label.striptags(), key=column.key.replace(":", "-")))
        return heads

    def _column_label(self, column: Column) -> Markup:
        """A column's header as the plan words it, or the interface's words for a column it does not name."""
        if column.label is not None:
            return text.inline(column.label, self.lang)
        if column.levels:
            return self.ui("level", n=column.levels[0])
        return self.ui(column.field)

    def _view_column(self, view: dict[str, Any], column: str) -> Markup:
        given = view.get("columns", {}).get(column)
        defaults = {"group": "item", "text": "actions", "deadline": "deadline"}
        return text.inline(given, self.lang) if given else self.ui(defaults[column])

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**context))

    def macro(self, template: str, name: str, *args: Any, **kwargs: Any) -> Markup:
        """One macro of a template, e.g. for a marker a hand-written page holds."""
        return Markup(getattr(self.env.get_template(template).module, name)(*args, **kwargs))

    def page(self, path: str, template: str, title: str, facts: PageFacts, *, page_title: str | None = None,
             **context: Any) -> Page:
        """A page from a template that extends page.md, which is given the page's path and title."""
        body = self.render(template, path=path, title=title, **context) + "\n"
        return Page(path=path, title=title, body=body, facts=facts, meta={"title": page_title or title})


@functools.cache
def renderer(lang: str) -> Renderer:
    """The renderer of `lang`, made once for the whole build."""
    if lang not in BY_CODE:
        raise ValueError(f"no such language: {lang}")
    return Renderer(lang)
