"""Dates as readers expect them: ROC dates on Chinese pages, day-month-year on English ones."""

from __future__ import annotations

import datetime
from typing import Any

ROC_OFFSET = 1911
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def roc_year(year: int) -> int:
    return year - ROC_OFFSET


def western_year(roc: int) -> int:
    return roc + ROC_OFFSET


def year_label(roc: int, lang: str) -> str:
    """114 → "114年" or "2025 (ROC 114)"."""
    return f"{roc}年" if lang == "zh-TW" else f"{western_year(roc)} (ROC {roc})"


def _parse(value: str | datetime.date) -> tuple[int, int, int | None]:
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    parts = [int(p) for p in str(value).split("-")]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else None


def format_date(value: str | datetime.date, lang: str, *, short: bool = False) -> str:
    """A date (YYYY-MM-DD) or month (YYYY-MM): 民國114年1月31日 / 114年1月31日 / 31 January 2025."""
    year, month, day = _parse(value)
    if lang == "zh-TW":
        prefix = "" if short else "民國"
        return f"{prefix}{roc_year(year)}年{month}月" + (f"{day}日" if day else "")
    return (f"{day} " if day else "") + f"{MONTHS[month - 1]} {year}"


def format_deadline(deadline: Any, lang: str) -> str:
    """A deadline: a date, "ongoing", {every_year: MM-DD} or {as_written: …}."""
    if deadline == "ongoing":
        return "持續辦理" if lang == "zh-TW" else "Ongoing"
    if isinstance(deadline, str):
        return format_date(deadline, lang, short=True)
    if "every_year" in deadline:
        month, day = (int(p) for p in deadline["every_year"].split("-"))
        if lang == "zh-TW":
            return f"每年{month}月{day}日前"
        return f"By {day} {MONTHS[month - 1]} each year"
    return deadline["as_written"]
