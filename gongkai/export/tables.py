"""The rows of the downloadable tables and their documented columns, shared by every file format.

One copy serves both languages: each text has a Chinese column (`…_zh`) and an English one (`…_en`,
empty where there is no translation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.data.model import Node, Plan
from gongkai.i18n import dates, quantities, text
from gongkai.i18n.catalogue import STATUS_LABELS, ui

LIST_SEPARATOR = "\n"


@dataclass(frozen=True)
class Column:
    name: str
    zh: str
    en: str
    kind: str = "string"  # "string", "integer" or "date"

    def description(self, lang: str) -> str:
        return self.zh if lang == "zh-TW" else self.en


PLAN_COLUMNS = (
    Column("agency", "機關代號（plans/ 下的資料夾名稱）", "Agency id (its folder under plans/)"),
    Column("year", "計畫年度（民國）", "Plan year (ROC)", "integer"),
    Column("position", "項目在實施要項中的位置，例如 1.2 為第一項的第二個子項", "Position in the body, e.g. 1.2 is the second item under the first", ),
    Column("level", "層級（1 至 3）", "Level (1 to 3)", "integer"),
    Column("id", "項目代號（末項必填）", "Item id (every last-level item has one)"),
    Column("parent_id", "上層項目代號", "Id of the item above"),
    Column("text_zh", "項目內容（中文）", "The item (Chinese)"),
    Column("text_en", "項目內容（英文）", "The item (English)"),
    Column("actions_zh", "具體作法（中文，每項一行；作法自有的執行單位、期限、指標與頻率附於括號內）",
           "Actions (Chinese, one per line; an action's own units, deadline, targets and frequency in brackets)"),
    Column("actions_en", "具體作法（英文，每項一行，格式同上）", "Actions (English, one per line, as above)"),
    Column("units_zh", "執行單位（中文，每個一行）", "Responsible units (Chinese, one per line)"),
    Column("units_en", "執行單位（英文，每個一行）", "Responsible units (English, one per line)"),
    Column("deadline", "完成期限：日期 YYYY-MM-DD、ongoing（持續辦理）、--MM-DD（每年該日前）或原文",
           "Deadline: a date YYYY-MM-DD, ongoing, --MM-DD (that day every year) or the text as written"),
    Column("outcomes_zh", "預期目標（中文，每項一行）", "Expected outcomes (Chinese, one per line)"),
    Column("outcomes_en", "預期目標（英文，每項一行）", "Expected outcomes (English, one per line)"),
    Column("targets_zh", "量化指標（中文，每項一行，例如 測試分數 ≥ 80分）",
           "Quantified targets (Chinese, one per line, e.g. 測試分數 ≥ 80分)"),
    Column("targets_en", "量化指標（英文，每項一行）", "Quantified targets (English, one per line)"),
    Column("frequency_zh", "辦理頻率（中文）", "Frequency (Chinese)"),
    Column("frequency_en", "辦理頻率（英文）", "Frequency (English)"),
)

RESULTS_COLUMNS = (
    Column("agency", "機關代號", "Agency id"),
    Column("year", "計畫年度（民國）", "Plan year (ROC)", "integer"),
    Column("position", "項目在實施要項中的位置", "Position in the body"),
    Column("id", "項目代號", "Item id"),
    Column("text_zh", "項目內容（中文）", "The item (Chinese)"),
    Column("text_en", "項目內容（英文）", "The item (English)"),
    Column("status", "執行情形代碼：completed、in-progress、ongoing、not-started、not-achieved、not-reported",
           "Status code: completed, in-progress, ongoing, not-started, not-achieved, not-reported"),
    Column("status_zh", "執行情形（中文）", "Status (Chinese)"),
    Column("status_en", "執行情形（英文）", "Status (English)"),
    Column("reported", "填報日期 YYYY-MM-DD", "Date reported, YYYY-MM-DD", "date"),
    Column("narrative_zh", "執行成效說明（中文）", "What was done (Chinese)"),
    Column("narrative_en", "執行成效說明（英文）", "What was done (English)"),
    Column("reason_zh", "未達成原因（中文）", "Why the target was not achieved (Chinese)"),
    Column("reason_en", "未達成原因（英文）", "Why the target was not achieved (English)"),
    Column("measured_zh", "實際達成值（中文，每項一行，例如 平均分數：88.5分）",
           "Measured values (Chinese, one per line, e.g. 平均分數：88.5分)"),
    Column("measured_en", "實際達成值（英文，每項一行）", "Measured values (English, one per line)"),
)

COLUMNS = {"plan": PLAN_COLUMNS, "results": RESULTS_COLUMNS}


def _zh(value: Any) -> str:
    return text.plain(value, "zh-TW") if value is not None else ""


def _en(value: Any) -> str:
    return value["en"] if isinstance(value, dict) and "en" in value else ""


def _lines(values: list[Any], pick) -> str:
    return LIST_SEPARATOR.join(pick(v) for v in values)


def deadline_value(deadline: Any) -> str:
    if deadline is None:
        return ""
    if isinstance(deadline, str):
        return deadline
    if "date" in deadline:
        return str(deadline["date"])
    if deadline.get("ongoing"):
        return "ongoing"
    if "every_year" in deadline:
        return f"--{deadline['every_year']}"
    return deadline["as_written"]


def _position(node: Node) -> str:
    return ".".join(map(str, node.position))


def _walk(plan: Plan) -> list[Node]:
    return [node for top in plan.nodes for node in top.walk()]


def _action_line(action: dict[str, Any], lang: str) -> str:
    """An action with what it alone carries (seed plans give some actions their own unit or deadline)."""
    pick = _zh if lang == "zh-TW" else _en
    line = pick(action["text"])
    if not line:
        return ""
    colon, separator = ui("colon", lang), ui("semicolon", lang)
    if "title" in action and pick(action["title"]):
        line = f"{pick(action['title'])}{colon}{line}"
    details = []
    if action.get("units"):
        details.append(ui("units", lang) + colon + ui("list_separator", lang).join(map(pick, action["units"])))
    if action.get("deadline"):
        details.append(ui("deadline", lang) + colon + dates.format_deadline(action["deadline"], lang))
    if action.get("outcomes"):
        details.append(ui("outcomes", lang) + colon + separator.join(map(pick, action["outcomes"])))
    if action.get("targets"):
        details.append(ui("targets", lang) + colon + separator.join(
            quantities.format_target(t, lang) for t in action["targets"]))
    if action.get("frequency"):
        details.append(ui("frequency", lang) + colon + quantities.format_frequency(action["frequency"], lang))
    if details:
        line = ui("parenthetical", lang, text=line, note=separator.join(details))
    return line


def plan_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per item of the plan's body, groups and last-level items, in the plan's order."""
    rows = []
    for node in _walk(plan):
        data = node.data
        actions = data.get("actions", [])
        units, outcomes = data.get("units", []), data.get("outcomes", [])
        targets, frequency = data.get("targets", []), data.get("frequency")
        rows.append({
            "agency": plan.agency_id, "year": plan.year, "position": _position(node), "level": node.depth,
            "id": node.id or "", "parent_id": (node.parent.id or "") if node.parent else "",
            "text_zh": _zh(node.text), "text_en": _en(node.text),
            "actions_zh": _lines(actions, lambda a: _action_line(a, "zh-TW")),
            "actions_en": _lines(actions, lambda a: _action_line(a, "en")),
            "units_zh": _lines(units, _zh), "units_en": _lines(units, _en),
            "deadline": deadline_value(data.get("deadline")),
            "outcomes_zh": _lines(outcomes, _zh), "outcomes_en": _lines(outcomes, _en),
            "targets_zh": _lines(targets, lambda t: quantities.format_target(t, "zh-TW")),
            "targets_en": _lines(targets, lambda t: quantities.format_target(t, "en")),
            "frequency_zh": quantities.format_frequency(frequency, "zh-TW") if frequency else "",
            "frequency_en": quantities.format_frequency(frequency, "en") if frequency else "",
        })
    return rows


def results_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per last-level item (or per action, where the results report on each) with its reported
    status; those with no entry are not reported."""
    assert plan.results is not None
    rows = []
    for leaf in plan.rows():
        entry = plan.results.entry(leaf.leaf_id) or {}
        status = plan.results.status(leaf.leaf_id)
        rows.append({
            "agency": plan.agency_id, "year": plan.year, "position": _position(leaf), "id": leaf.id,
            "text_zh": _zh(leaf.text), "text_en": _en(leaf.text),
            "status": status, "status_zh": STATUS_LABELS[status]["zh-TW"], "status_en": STATUS_LABELS[status]["en"],
            "reported": str(plan.results.reported_on(leaf.leaf_id) or "") if entry else "",
            "narrative_zh": _zh(entry.get("narrative")), "narrative_en": _en(entry.get("narrative")),
            "reason_zh": _zh(entry.get("reason")), "reason_en": _en(entry.get("reason")),
            "measured_zh": _measured(entry, leaf, "zh-TW"), "measured_en": _measured(entry, leaf, "en"),
        })
    return rows


def _measured(entry: dict[str, Any], leaf: Node, lang: str) -> str:
    targets = leaf.data.get("targets", [])
    return _lines(entry.get("measured", []),
                  lambda m: quantities.format_measured(m, quantities.target_for(m, targets), lang))


def rows_of(plan: Plan, part: str) -> list[dict[str, Any]]:
    return plan_rows(plan) if part == "plan" else results_rows(plan)


def title_of(plan: Plan, part: str, lang: str) -> str:
    title = text.plain(plan.title, lang)
    if part == "plan":
        return title
    return ui("results_file_title", lang, title=title, year=dates.year_label(plan.year, lang))
