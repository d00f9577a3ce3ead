"""A plan copied to the next ROC year: the draft that staff revise into next year's plan.

What moves one year on: the year, the plan's year in its titles (title, inner_title, the body's
table_title, annex titles), the period (start, end and every year its text names) and every deadline
given as a date. Deadlines every year ({every_year: …}) and `ongoing` stay as they are. Ids, comments,
key order and every other text stay as they were. What belongs to the old year's document only is
dropped: `issued`, `updated`, annex files (they stay in the old year's folder) and the approval
history, which becomes one `drafted` entry. Places that still name the old year (a basis document,
a deadline as written) are listed for a person to check. The copy says `state: draft`: it is not
published until someone approves it.
"""

from __future__ import annotations

import datetime
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from gongkai.cycle.agency_files import ToolError, checked_plan, plan_years
from gongkai.cycle.yaml_writer import dump, round_trip, schema_line, with_schema_line, write_atomically
from gongkai.data import rules
from gongkai.data.model import DRAFT
from gongkai.data.problems import Bilingual, Report, field_path
from gongkai.data.schema_messages import schema_problems
from gongkai.data.yaml_source import Document
from gongkai.data.yaml_source import load as load_checked_yaml
from gongkai.i18n.dates import western_year
from gongkai.i18n.numbering import DIGITS, chinese

TITLE_FIELDS = ("title", "inner_title")
DROPPED = ("issued", "updated")
CHINESE_DIGITS = "零〇一二三四五六七八九十百"


def _roc_forms(year: int) -> list[str]:
    """How a document writes an ROC year: 95, 九十五, 一一四 (digit by digit)."""
    digit_by_digit = "".join(DIGITS[int(d)] for d in str(year)).replace("零", "〇")
    return list(dict.fromkeys([str(year), chinese(year), digit_by_digit]))


def _year_pattern(years: set[int]) -> re.Pattern:
    """Each of `years` written as an ROC year before 年, or as a Western year standing alone;
    never part of a longer number (第1140000001號 is not the year 114)."""
    roc = {form: year for year in years for form in _roc_forms(year)}
    western = {str(western_year(year)): year for year in years}
    forms = sorted(roc, key=len, reverse=True)
    return re.compile(
        rf"(?<![0-9{CHINESE_DIGITS}])(?P<roc>{'|'.join(map(re.escape, forms))})(?=\s*年)"
        rf"|(?<![0-9])(?P<western>{'|'.join(western)})(?![0-9])")


@dataclass(frozen=True)
class Mention:
    """A value of the new plan that still names the old year."""

    line: int
    field: str
    value: str


@dataclass
class RolledPlan:
    source_year: int
    year: int
    text: str
    deadlines_moved: int = 0
    mentions: list[Mention] = field(default_factory=list)
    annex_files_dropped: list[str] = field(default_factory=list)


def _shift_years(value: str, years: set[int]) -> str:
    """The text with each of `years` it names moved one on, written the way it was (95 → 96, 九十五 → 九十六)."""
    def moved(match: re.Match) -> str:
        if match.group("western"):
            return str(int(match.group("western")) + 1)
        form = match.group("roc")
        year = next(y for y in years if form in _roc_forms(y))
        return _roc_forms(year + 1)[_roc_forms(year).index(form)]

    return _year_pattern(years).sub(moved, value)


def _same_style(old: str, new: str) -> str:
    # A quoted or block scalar stays quoted or block.
    return type(old)(new) if isinstance(old, ScalarString) else new


def _rewrite_text(value: Any, years: set[int]) -> Any:
    """A text field (plain or {zh-TW, en}) with its years moved one on."""
    if isinstance(value, str):
        return _same_style(value, _shift_years(value, years))
    if isinstance(value, CommentedMap):
        for lang in list(value):
            if isinstance(value[lang], str):
                value[lang] = _same_style(value[lang], _shift_years(value[lang], years))
    return value


def _next_year_date(value: Any) -> Any:
    """A date or month (YYYY-MM) one year on; 29 February becomes 28 February."""
    if isinstance(value, datetime.date):
        try:
            return value.replace(year=value.year + 1)
        except ValueError:
            return value.replace(year=value.year + 1, day=28)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return _same_style(value, f"{int(value[:4]) + 1}{value[4:]}")
    return value


def _move_deadlines(items: list[Any], old: int) -> int:
    moved = 0
    for item in items:
        for holder in [item, *item.get("actions", [])]:
            deadline = holder.get("deadline")
            if isinstance(deadline, datetime.date):
                holder["deadline"] = _next_year_date(deadline)
                moved += 1
            elif isinstance(deadline, dict) and isinstance(deadline.get("date"), datetime.date):
                # A deadline as written (95.12.31) moves with its date, its words where they name the year.
                deadline["date"] = _next_year_date(deadline["date"])
                if "as_written" in deadline:
                    deadline["as_written"] = _shift_written_date(deadline["as_written"], old)
                moved += 1
        moved += _move_deadlines(item.get("items", []), old)
    return moved


def _shift_written_date(words: str, old: int) -> str:
    """A date as the document writes it, e.g. 95.12.31 or 95年12月31日, one year on."""
    shifted = re.sub(rf"^{old}(?=[./\-年])", str(old + 1), words)
    return shifted if shifted != words else _same_style(words, _shift_years(words, {old}))


def _drafted(today: datetime.date, source_year: int) -> CommentedMap:
    entry = CommentedMap()
    entry["date"] = today
    entry["event"] = "drafted"
    note = CommentedMap()
    note["zh-TW"] = f"由 {source_year} 年計畫複製"
    note["en"] = f"Copied from the {western_year(source_year)} plan"
    entry["note"] = note
    return entry


def mark_draft(data: CommentedMap) -> None:
    """`state: draft` right after the year (or where `state` stands): the plan is not published until approved."""
    if "state" in data:
        data["state"] = DRAFT
    else:
        data.insert(list(data).index("year") + 1, "state", DRAFT)


def _replace_history(data: CommentedMap, entry: CommentedMap) -> None:
    history = CommentedSeq([entry])
    if "history" in data:
        data["history"] = history
        return
    keys = list(data)
    after = max((keys.index(k) for k in ("year", "category", "issued") if k in keys), default=0)
    data.insert(after + 1, "history", history)


def roll(data: CommentedMap, today: datetime.date, dropped: list[str]) -> tuple[CommentedMap, int]:
    """Move the loaded plan `data` one year on, in place. Returns it and the number of deadlines moved;
    the annex files it no longer names are added to `dropped`."""
    old = int(data["year"])
    data["year"] = old + 1
    mark_draft(data)
    for key in TITLE_FIELDS:
        if key in data:
            data[key] = _rewrite_text(data[key], {old})
    for key in DROPPED:
        data.pop(key, None)
    _replace_history(data, _drafted(today, old))
    moved = 0
    for section in data["sections"]:
        if section["kind"] == "period":
            for key in ("start", "end"):
                if key in section:
                    section[key] = _next_year_date(section[key])
            if "text" in section:
                # A period may run into the next year (114年7月至115年6月): both move on.
                section["text"] = _rewrite_text(section["text"], {old, old + 1})
        elif section["kind"] == "body":
            if "table_title" in section:
                section["table_title"] = _rewrite_text(section["table_title"], {old})
            for table in section.get("tables", [section]):
                if "table_title" in table and table is not section:
                    table["table_title"] = _rewrite_text(table["table_title"], {old})
                moved += _move_deadlines(table["items"], old)
    for annex in data.get("annexes", []):
        annex["title"] = _rewrite_text(annex["title"], {old})
        if "file" in annex:
            # The old year's file stays in its folder: the new year attaches its own.
            dropped.append(str(annex.pop("file")))
            annex.pop("format", None)
    return data, moved


def _names_year(value: Any, year: int) -> bool:
    if isinstance(value, datetime.date):
        return value.year == western_year(year)
    return isinstance(value, str) and _year_pattern({year}).search(value) is not None


def _walk(value: Any, path: list[Any]):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, [*path, key])
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, [*path, index])
    else:
        yield path, value


def mentions_of(document: Document, year: int) -> list[Mention]:
    """Every value of `document` that names `year`, in file order."""
    found = []
    for path, value in _walk(document.data, []):
        if _names_year(value, year) and path[:1] != ["history"]:
            found.append(Mention(document.position(path)[0], field_path(path), str(value)))
    return sorted(found, key=lambda m: m.line)


def rolled_plan(source: Path, today: datetime.date) -> RolledPlan:
    """The plan at `source` moved one year on, as the text of the new plan.yml."""
    data = round_trip().load(source.read_text(encoding="utf-8-sig"))
    source_year = int(data["year"])
    dropped: list[str] = []
    data, moved = roll(data, today, dropped)
    text = with_schema_line(dump(data), schema_line("plan", 3))
    return RolledPlan(source_year=source_year, year=source_year + 1, text=text, deadlines_moved=moved,
                      annex_files_dropped=dropped)


def _validated(rolled: RolledPlan, target: Path) -> RolledPlan:
    """Check the new text as `make check` would, before anything is written."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / target.name
        scratch.write_text(rolled.text, encoding="utf-8")
        document, problems = load_checked_yaml(scratch)
    if document is not None:
        document.path = target
        problems = schema_problems(document, "plan") or rules.plan_problems(document, rolled.year)
        rolled.mentions = mentions_of(document, rolled.source_year)
    if problems:
        raise ToolError(Bilingual("複製後的計畫未通過檢查，未寫入檔案", "the copied plan does not pass the checks; nothing was written"),
                        Report(problems).format().rsplit("\n\n", 1)[0])
    return rolled


def new_year(plans_dir: Path, agency_id: str, today: datetime.date, *, source_year: int | None = None,
             force: bool = False, root: Path | None = None) -> tuple[Path, RolledPlan]:
    """Write plans/<agency>/<year + 1>/plan.yml from the latest plan (or `source_year`'s)."""
    years = plan_years(plans_dir, agency_id)
    if not years:
        raise ToolError(Bilingual(f"機關「{agency_id}」還沒有任何計畫可以複製", f'agency "{agency_id}" has no plan to copy yet'))
    year = source_year if source_year is not None else years[-1]
    _, plan = checked_plan(plans_dir, agency_id, year, root)
    target = plans_dir / agency_id / str(year + 1) / "plan.yml"
    if target.exists() and not force:
        raise ToolError(Bilingual(f"{year + 1} 年的計畫已經存在，未覆寫；確定要覆寫請加上 --force",
                                  f"the {year + 1} plan exists already and was not overwritten; add --force to replace it"),
                        f"檔案 file：{target}")
    rolled = _validated(rolled_plan(plan.path, today), target)
    write_atomically(target, rolled.text, like=plan.path)
    return target, rolled
