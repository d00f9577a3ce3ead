"""The 公開狀態 / Reporting status page: per agency, whether this year's plan and last year's results are
published in time, judged by the rules of `reporting` on the transparency manifest."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gongkai.data.reporting import Requirement, assess, parse_deadline
from gongkai.export import Download
from gongkai.export.manifest import MANIFEST_PATH, SCHEMA_PATH
from gongkai.i18n import dates
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import DEFAULT
from gongkai.pages.metadata import PageFacts

if TYPE_CHECKING:
    from gongkai.pages.renderer import Page, Renderer

PATH = "status/index.md"
# Shapes that tell the states apart without colour.
SYMBOLS = {"met": "✔", "exempt": "—", "late": "⚠", "incomplete": "◐", "due": "○"}


@dataclass(frozen=True)
class Statement:
    """What a requirement's state is, as an interface string and its values (dates as dates)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    late: bool = False  # said with the word 逾期 / LATE before it


def statement(req: Requirement, lang: str) -> Statement:
    counts = {"n": req.reported, "m": req.leaves}
    if req.state == "met":
        if req.item == "results":
            return Statement("state_results_met", counts)
        return Statement("state_plan_met", {"date": req.published}) if req.published \
            else Statement("state_plan_met_undated")
    if req.state == "exempt" and req.exempt is not None:
        return Statement("state_exempt", {"reason": req.exempt.get(lang) or req.exempt[DEFAULT.code]})
    if req.state == "late":
        return Statement("state_late_incomplete", {"date": req.due, **counts}, late=True) if req.published \
            else Statement("state_late_missing", {"date": req.due}, late=True)
    if req.state == "incomplete":
        return Statement("state_incomplete", {"date": req.due, **counts})
    return Statement("state_due", {"date": req.due})


def requirement_sentence(req: Requirement, lang: str) -> str:
    """The requirement's state in the status page's words, as plain text (the page shows its dates as <time>)."""
    said = statement(req, lang)
    values = {name: dates.format_date(value, lang) if isinstance(value, datetime.date) else value
              for name, value in said.values.items()}
    sentence = ui(said.key, lang, **values)
    return ui("state_late", lang) + ui("colon", lang) + sentence if said.late else sentence


def assess_all(manifest: dict[str, Any], on: datetime.date) -> dict[str, list[Requirement]]:
    deadline = manifest["rules"]["deadline"]
    return {agency["id"]: assess(agency, on, deadline) for agency in manifest["agencies"]}


def render_status_page(r: Renderer, manifest: dict[str, Any], bulk: Download, on: datetime.date,
                       facts: PageFacts) -> Page:
    """The page at status/: the rule, the day judged, the table, and the whole data set's files."""
    month, day = parse_deadline(manifest["rules"]["deadline"])
    return r.page(PATH, "status.md", ui("reporting_status", r.lang), facts, manifest=manifest,
                  assessed=assess_all(manifest, on), on=on, this_year=dates.roc_year(on.year),
                  deadline=dates.format_month_day(month, day, r.lang), bulk=bulk,
                  manifest_path=MANIFEST_PATH, schema_path=SCHEMA_PATH)
