"""Reporting rules: is an agency's plan for this year, and are its results for last year, published in time?

The rules read the plain agency dicts of the transparency manifest (`/transparency.json`), not model
objects, so the site's 公開狀態 page, the home page table and `scripts/spot-check` (which fetches a
published manifest) judge every agency exactly alike.

On a day `on`, with ROC year Y = on.year - 1911, an agency must have published
  - "plan": its plan of year Y, and
  - "results": its results of year Y-1, complete (every leaf reported),
both by the deadline of year Y (month-day, 31 January unless portal.yml says otherwise).
A file whose publication date is after `on` was not yet published on that day.

An agency whose newest plan on the portal is older than year Y-1 is judged as history: the portal holds
only its plans of past years, so what it lacks for Y is not marked late ("history"), though it is not met
either.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from typing import Any

from gongkai.i18n.dates import ROC_OFFSET

TODAY_VARIABLE = "GONGKAI_TODAY"


def today() -> datetime.date:
    """The day reporting is judged on: GONGKAI_TODAY (YYYY-MM-DD), or the real date."""
    value = os.environ.get(TODAY_VARIABLE)
    return datetime.date.fromisoformat(value) if value else datetime.date.today()


DEFAULT_DEADLINE = "01-31"
_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")


@dataclass(frozen=True)
class Requirement:
    """One item an agency must publish, judged on one day.

    `state` sums it up: "met", "exempt", "history" (unmet, by an agency whose newest plan is older than
    last year's), "late" (unmet after the deadline), "incomplete" (results published with leaves unreported,
    before the deadline) or "due" (missing, before the deadline). `newest` is the year of the agency's newest
    plan on the portal.
    """

    item: str
    year: int
    met: bool
    due: datetime.date
    late: bool
    exempt: dict[str, str] | None
    published: datetime.date | None
    reported: int | None = None
    leaves: int | None = None
    newest: int | None = None

    @property
    def history(self) -> bool:
        """The agency's plans on the portal are all of years before last year."""
        return self.newest is not None and self.newest < self.due.year - ROC_OFFSET - 1

    @property
    def ok(self) -> bool:
        """Nothing is owed: the item is published (and complete), or the agency is exempt."""
        return self.met or self.exempt is not None

    @property
    def state(self) -> str:
        if self.met:
            return "met"
        if self.exempt is not None:
            return "exempt"
        if self.history:
            return "history"
        if self.late:
            return "late"
        return "incomplete" if self.published is not None else "due"


def parse_deadline(deadline: str) -> tuple[int, int]:
    """ "01-31" → (1, 31). Raises ValueError for anything that is not a month-day of every year."""
    match = _MONTH_DAY.match(deadline)
    if not match:
        raise ValueError(f"not a MM-DD deadline: {deadline!r}")
    month, day = int(match[1]), int(match[2])
    datetime.date(2001, month, day)  # a year without 29 February: the deadline must exist every year
    return month, day


def due_date(roc_year: int, deadline: str = DEFAULT_DEADLINE) -> datetime.date:
    month, day = parse_deadline(deadline)
    return datetime.date(roc_year + ROC_OFFSET, month, day)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _exemption(agency: dict[str, Any], item: str, year: int) -> dict[str, str] | None:
    for exemption in agency.get("exemptions") or []:
        if exemption["item"] == item and exemption["year"] == year:
            return exemption["reason"]
    return None


def _plan_of(agency: dict[str, Any], year: int) -> dict[str, Any] | None:
    return next((p for p in agency.get("plans") or [] if p["year"] == year), None)


def _published_by(part: dict[str, Any] | None, on: datetime.date) -> tuple[bool, datetime.date | None]:
    """Whether a plan or results part was published on `on`, and since when.

    A part with no known date counts as published: it is on the site."""
    if part is None:
        return False, None
    published = _date(part.get("published"))
    if published is not None and published > on:
        return False, None
    return True, published


def assess(agency: dict[str, Any], on: datetime.date, deadline: str = DEFAULT_DEADLINE) -> list[Requirement]:
    """The agency's two requirements on day `on`: this year's plan, then last year's results."""
    year = on.year - ROC_OFFSET
    due = due_date(year, deadline)
    newest = max((p["year"] for p in agency.get("plans") or []), default=None)

    plan_entry = _plan_of(agency, year)
    plan_out, plan_since = _published_by(plan_entry["plan"] if plan_entry else None, on)
    plan_exempt = _exemption(agency, "plan", year)
    plan = Requirement(item="plan", year=year, met=plan_out, due=due,
                       late=not plan_out and plan_exempt is None and on > due,
                       exempt=plan_exempt, published=plan_since, newest=newest)

    last = _plan_of(agency, year - 1)
    results_out, results_since = _published_by(last.get("results") if last else None, on)
    completeness = (last or {}).get("completeness") or {}
    reported, leaves = (completeness.get("reported"), completeness.get("leaves")) if results_out else (None, None)
    complete = results_out and reported == leaves
    results_exempt = _exemption(agency, "results", year - 1)
    results = Requirement(item="results", year=year - 1, met=complete, due=due,
                          late=not complete and results_exempt is None and on > due,
                          exempt=results_exempt, published=results_since, reported=reported, leaves=leaves,
                          newest=newest)
    return [plan, results]
