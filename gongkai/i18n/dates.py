"""Dates as readers expect them: ROC dates on Chinese pages, day-month-year on English ones.

The forms themselves are interface strings of the catalogue."""

from __future__ import annotations

import datetime
from typing import Any

from gongkai.i18n.catalogue import MONTH_NAMES, ui
from gongkai.i18n.languages import DEFAULT

ROC_OFFSET = 1911


def roc_year(year: int) -> int:
    return year - ROC_OFFSET


def western_year(roc: int) -> int:
    return roc + ROC_OFFSET


def year_label(roc: int, lang: str) -> str:
    """114 → "114年" or "2025 (ROC 114)"."""
    return ui("year_label", lang, roc=roc, year=western_year(roc))


def _parse(value: str | datetime.date) -> tuple[int, int, int | None]:
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    parts = [int(p) for p in str(value).split("-")]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else None


def format_date(value: str | datetime.date, lang: str, *, short: bool = False) -> str:
    """A date (YYYY-MM-DD) or month (YYYY-MM): 民國114年1月31日 / 114年1月31日 / 31 January 2025."""
    year, month, day = _parse(value)
    key = ("date" if day else "month") + ("_short" if short else "_long")
    return ui(key, lang, year=year, roc=roc_year(year), month=month, month_name=MONTH_NAMES[lang][month - 1], day=day)


def format_month_day(month: int, day: int, lang: str) -> str:
    """A day of every year: 1月31日 / 31 January."""
    return ui("month_day", lang, month=month, day=day, month_name=MONTH_NAMES[lang][month - 1])


def format_deadline(deadline: Any, lang: str) -> str:
    """A deadline: a date, "ongoing", {every_year: MM-DD} or {as_written: …}. Chinese shows the words the
    document wrote; other languages say what they mean where the plan records it (a date, ongoing, every year)."""
    if deadline == "ongoing":
        return ui("deadline_ongoing", lang)
    if isinstance(deadline, str):
        return format_date(deadline, lang, short=True)
    if "as_written" in deadline and (lang == DEFAULT.code or not deadline.keys() & {"date", "ongoing", "every_year"}):
        return deadline["as_written"]
    if "date" in deadline:
        return format_date(deadline["date"], lang, short=True)
    if deadline.get("ongoing"):
        return ui("deadline_ongoing", lang)
    if "every_year" in deadline:
        month, day = (int(p) for p in deadline["every_year"].split("-"))
        return ui("deadline_every_year", lang, month_day=format_month_day(month, day, lang))
    return deadline["as_written"]
