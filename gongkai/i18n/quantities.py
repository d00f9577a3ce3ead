"""Quantified targets, frequencies and measured values as sentences in either language."""

from __future__ import annotations

from typing import Any

from gongkai.i18n.catalogue import COMPARATORS, PER_PERIOD
from gongkai.i18n.text import plain

ENGLISH_TIMES = {1: "once", 2: "twice"}


def _number(value: float) -> str:
    return f"{value:g}"


def target_figure(target: dict[str, Any], lang: str) -> str:
    """The goal without its metric: ≥ 26件（共 30件）."""
    unit = plain(target["unit"], lang) if "unit" in target else ""
    spacer = "" if lang == "zh-TW" or unit in ("%", "") else " "
    figure = f"{COMPARATORS[target['comparator']]} {_number(target['value'])}{spacer}{unit}"
    if "of" in target:
        sample = _number(target["of"])
        figure += f"（共 {sample}{unit}）" if lang == "zh-TW" else f" (of {sample})"
    return figure


def format_target(target: dict[str, Any], lang: str) -> str:
    """E.g. 測試分數 ≥ 80分; 抽測正確件數 ≥ 26件（共 30件）."""
    return f"{plain(target['metric'], lang)} {target_figure(target, lang)}"


def format_frequency(frequency: dict[str, Any], lang: str) -> str:
    """{times: 1, per: half-year, at_least: true} → 每半年至少1次 / at least once every six months."""
    per = PER_PERIOD[frequency["per"]][lang]
    times = frequency["times"]
    if lang == "zh-TW":
        text = f"{per}{'至少' if frequency.get('at_least') else ''}{times}次"
    else:
        count = ENGLISH_TIMES.get(times, f"{times} times")
        text = f"{'at least ' if frequency.get('at_least') else ''}{count} {per}"
        text = text[0].upper() + text[1:]
    if "note" in frequency:
        text += f"（{plain(frequency['note'], lang)}）" if lang == "zh-TW" else f" ({plain(frequency['note'], lang)})"
    return text


def format_measured(measured: dict[str, Any], target: dict[str, Any] | None, lang: str) -> str:
    unit = plain(target["unit"], lang) if target and "unit" in target else ""
    spacer = "" if lang == "zh-TW" or unit in ("%", "") else " "
    text = f"{_number(measured['value'])}{spacer}{unit}"
    if "of" in measured:
        text += f"（共 {_number(measured['of'])}{unit}）" if lang == "zh-TW" else f" (of {_number(measured['of'])})"
    if target is not None:
        text = f"{plain(target['metric'], lang)}{'：' if lang == 'zh-TW' else ': '}{text}"
    return text


def target_for(measured: dict[str, Any], targets: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The plan's target that a measured value refers to (by id, by position, or the only one)."""
    ref = measured.get("target", 1 if len(targets) == 1 else None)
    if isinstance(ref, int):
        return targets[ref - 1] if 1 <= ref <= len(targets) else None
    if ref is None:
        return None
    return next((t for t in targets if t.get("id") == ref), None)
