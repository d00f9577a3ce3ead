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
SYMBOLS = {"met": "✓", "exempt": "—", "history": "◌", "late": "⚠", "incomplete": "◐", "due": "…"}


@dataclass(frozen=True)
class Statement:
    """What a requirement's state is: its short word (the interface string state_short_<state>, which every
    table shows), and its details as an interface string and its values (dates as dates), which the status
    page adds; `key` is None when the word says it all."""

    state: str
    key: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def statement(req: Requirement, lang: str) -> Statement:
    counts = {"n": req.reported, "m": req.leaves}
    state = req.state
    if state == "met":
        if req.item == "results":
            return Statement(state, "state_results_met", counts)
        return Statement(state, "state_plan_met", {"date": req.published}) if req.published else Statement(state)
    if state == "exempt" and req.exempt is not None:
        return Statement(state, "state_exempt", {"reason": req.exempt.get(lang) or req.exempt[DEFAULT.code]})
    if state == "history":
        return Statement(state)  # the row's rule (rule()) says why
    if state == "late":
        return Statement(state, "state_late_incomplete", {"date": req.due, **counts}) if req.published \
            else Statement(state, "state_late_missing", {"date": req.due})
    if state == "incomplete":
        return Statement(state, "state_incomplete", {"date": req.due, **counts})
    return Statement(state, "state_due", {"date": req.due})


def rule(reqs: list[Requirement]) -> Statement:
    """The rule an agency's row is judged by: this year's deadline (the supervising body's: from the day after it,
    this year's plan must be out and last year's results out and complete), or, for an agency whose newest plan
    here is older than last year's, its past plans only, not judged as late. `state` is "current" or "history"."""
    first = reqs[0]
    if first.history and first.newest is not None:
        return Statement("history", "rule_history", {"year": first.newest})
    return Statement("current", "rule_current", {"date": first.due})


def requirement_sentence(req: Requirement, lang: str) -> str:
    """The requirement's state in the status page's words, as plain text (the page shows its dates as <time>)."""
    said = statement(req, lang)
    word = ui("state_short_" + said.state, lang)
    if said.key is None:
        return word
    values = {name: dates.format_date(value, lang) if isinstance(value, datetime.date) else value
              for name, value in said.values.items()}
    return word + ui("colon", lang) + ui(said.key, lang, **values)


def assess_all(manifest: dict[str, Any], on: datetime.date) -> dict[str, list[Requirement]]:
    deadline = manifest["rules"]["deadline"]
    return {agency["id"]: assess(agency, on, deadline) for agency in manifest["agencies"]}


def render_status_page(r: Renderer, manifest: dict[str, Any], bulk: Download, on: datetime.date,
                       facts: PageFacts) -> Page:
    """The page at status/: the rule, the day judged, the table, and the whole data set's files."""
    month, day = parse_deadline(manifest["rules"]["deadline"])
    assessed = assess_all(manifest, on)
    rules = {}
    for agency_id, reqs in assessed.items():
        said = rule(reqs)
        values = {**said.values, "year": dates.year_label(said.values["year"], r.lang)} if "year" in said.values \
            else said.values
        rules[agency_id] = Statement(said.state, said.key, values)
    return r.page(PATH, "status.md", ui("reporting_status", r.lang), facts, manifest=manifest,
                  assessed=assessed, rules=rules, on=on, this_year=dates.roc_year(on.year),
                  deadline=dates.format_month_day(month, day, r.lang), bulk=bulk,
                  manifest_path=MANIFEST_PATH, schema_path=SCHEMA_PATH)
