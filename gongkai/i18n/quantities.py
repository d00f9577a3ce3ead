"""Quantified targets, frequencies and measured values as sentences in either language."""

from __future__ import annotations

from typing import Any

from gongkai.i18n.catalogue import COMPARATORS, PER_PERIOD, ui
from gongkai.i18n.text import plain

TIMES = {1: "times_once", 2: "times_twice"}


def _number(value: float) -> str:
    return f"{value:g}"


def _quantity(value: float, unit: str, lang: str) -> str:
    """A number with its unit; a percent sign, or no unit, goes right after the number in every language."""
    if unit in ("%", ""):
        return f"{_number(value)}{unit}"
    return ui("quantity", lang, number=_number(value), unit=unit)


def _out_of(figure: str, values: dict[str, Any], unit: str, lang: str) -> str:
    """A figure with the sample it was counted in, when it has one: 26件（共30件）."""
    if "of" not in values:
        return figure
    return ui("out_of", lang, figure=figure, total=_number(values["of"]), unit=unit)


def target_figure(target: dict[str, Any], lang: str) -> str:
    """The goal without its metric: ≥ 26件（共30件）."""
    unit = plain(target["unit"], lang) if "unit" in target else ""
    return _out_of(f"{COMPARATORS[target['comparator']]} {_quantity(target['value'], unit, lang)}", target, unit, lang)


def format_target(target: dict[str, Any], lang: str) -> str:
    """E.g. 測試分數 ≥ 80分; 抽測正確件數 ≥ 26件（共30件）."""
    return f"{plain(target['metric'], lang)} {target_figure(target, lang)}"


def format_frequency(frequency: dict[str, Any], lang: str) -> str:
    """{times: 1, per: half-year, at_least: true} → 每半年至少1次 / at least once every six months."""
    times = ui(TIMES.get(frequency["times"], "times_many"), lang, times=frequency["times"])
    text = ui("frequency_at_least" if frequency.get("at_least") else "frequency_times", lang,
              per=PER_PERIOD[frequency["per"]][lang], times=times)
    text = text[0].upper() + text[1:]
    if "note" in frequency:
        text = ui("parenthetical", lang, text=text, note=plain(frequency["note"], lang))
    return text


def format_measured(measured: dict[str, Any], target: dict[str, Any] | None, lang: str) -> str:
    unit = plain(target["unit"], lang) if target and "unit" in target else ""
    text = _out_of(_quantity(measured["value"], unit, lang), measured, unit, lang)
    if target is not None:
        text = plain(target["metric"], lang) + ui("colon", lang) + text
    return text


def target_for(measured: dict[str, Any], targets: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The plan's target that a measured value refers to (by id, by position, or the only one)."""
    ref = measured.get("target", 1 if len(targets) == 1 else None)
    if isinstance(ref, int):
        return targets[ref - 1] if 1 <= ref <= len(targets) else None
    if ref is None:
        return None
    return next((t for t in targets if t.get("id") == ref), None)


def measured_line(measured: dict[str, Any], targets: list[dict[str, Any]], lang: str) -> str:
    """A measured value with its metric, and the goal of the target it is measured against."""
    target = target_for(measured, targets)
    line = format_measured(measured, target, lang)
    if target is None:
        return line
    return ui("measured_against_target", lang, measured=line, goal=target_figure(target, lang))
