"""Results in a spreadsheet: a template (ODS and CSV) with one row per item to fill in, and the filled-in
sheet read back into results.yml.

Reading back keeps what is there: comments and every entry already filled in stay as they are (the
round-trip writer), an entry filled in differently is reported rather than replaced unless --force, and
every cell that cannot be read is reported with its sheet, row and column; then nothing is written.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gongkai.cycle.agency_files import ToolError, checked_plan
from gongkai.cycle.importing.readers import ReadError
from gongkai.cycle.results_skeleton import block_end, fresh_text, with_missing
from gongkai.cycle.yaml_writer import dump, round_trip, write_atomically
from gongkai.data import rules
from gongkai.data.model import Node
from gongkai.data.problems import Bilingual, Report, display_path
from gongkai.data.schema_messages import schema_problems
from gongkai.data.yaml_source import load as load_checked_yaml
from gongkai.i18n import numbering, text
from gongkai.i18n.dates import western_year


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str

    @property
    def header(self) -> str:
        return f"{self.zh} {self.en}"


COLUMNS = (
    Column("id", "代號", "id"),
    Column("number", "編號", "number"),
    Column("item", "項目", "item"),
    Column("status", "執行情形", "status"),
    Column("narrative", "執行成效說明", "narrative"),
    Column("reason", "未達成原因", "reason"),
    Column("measured", "實際達成值", "measured value"),
    Column("evidence", "佐證資料", "evidence"),
    Column("reported", "填報日期", "date reported"),
)
STATUS_WORDS = {
    "已完成": "completed", "完成": "completed", "執行中": "in-progress", "進行中": "in-progress",
    "持續辦理": "ongoing", "持續": "ongoing", "未執行": "not-started", "尚未開始": "not-started", "未開始": "not-started",
    "未達成": "not-achieved", "未填報": "not-reported",
}
STATUS_CODES = ("completed", "in-progress", "ongoing", "not-started", "not-achieved", "not-reported")
SHEET = "執行成效 results"
_MEASURED = re.compile(r"^(?:(?P<target>[^:：]+?)\s*[:：])?\s*(?P<value>-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:/\s*(?P<of>[0-9][0-9,]*(?:\.[0-9]+)?))?\s*(?P<note>.*)$")


def _rows(plan_leaves: list[Node]) -> list[list[str]]:
    rows = [[c.header for c in COLUMNS]]
    for leaf in plan_leaves:
        item = re.sub(r"\s+", " ", text.plain(leaf.text, "zh-TW")).strip()
        rows.append([leaf.leaf_id, numbering.full_marker(leaf), item] + [""] * (len(COLUMNS) - 3))
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ods_bytes(rows: list[list[str]], sheet: str = SHEET) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        line = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            for piece in value.split("\n") if value else []:
                cell.addElement(P(text=piece))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def write_template(plans_dir: Path, agency_id: str, year: int, *, out: Path | None = None,
                   root: Path | None = None) -> list[Path]:
    """<agency>-<year>-results-template.ods and .csv, in the year's folder or `out`; never over a file."""
    _, plan = checked_plan(plans_dir, agency_id, year, root)
    folder = out or plan.path.parent
    rows = _rows(plan.rows())
    paths = [folder / f"{agency_id}-{year}-results-template.{suffix}" for suffix in ("ods", "csv")]
    for path in paths:
        if path.exists():
            raise ToolError(Bilingual(f"{path.name} 已經存在，未覆寫（它可能已填了內容）", f"{path.name} exists already and was not overwritten (it may be filled in)"),
                            f"檔案 file：{path}")
    folder.mkdir(parents=True, exist_ok=True)
    paths[0].write_bytes(ods_bytes(rows))
    paths[1].write_bytes(csv_bytes(rows))
    return paths


# --- reading a filled-in sheet ----------------------------------------------------------------------


def _ods_rows(path: Path) -> tuple[str, list[list[str]]]:
    from odf import opendocument, teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.table import Table, TableRow

    document = opendocument.load(str(path))
    tables = document.spreadsheet.getElementsByType(Table)
    if not tables:
        return path.name, []
    table = tables[0]
    rows: list[list[str]] = []
    for tr in table.getElementsByType(TableRow):
        repeat_rows = min(int(tr.getAttrNS(TABLENS, "number-rows-repeated") or 1), 1000)
        row: list[str] = []
        for tc in tr.childNodes:
            if tc.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                continue
            paragraphs = [teletype.extractText(p) for p in tc.childNodes if p.qname == (TEXTNS, "p")]
            value = "\n".join(paragraphs)
            if not value and tc.getAttrNS(TABLENS, "value"):
                value = str(tc.getAttrNS(TABLENS, "value"))
            if not value and tc.getAttrNS(TABLENS, "date-value"):
                value = str(tc.getAttrNS(TABLENS, "date-value"))
            repeat = min(int(tc.getAttrNS(TABLENS, "number-columns-repeated") or 1), 64)
            row += [value] * repeat
        rows += [row] * (repeat_rows if any(row) else 1)
    return str(table.getAttrNS(TABLENS, "name") or path.name), rows


def _csv_rows(path: Path) -> tuple[str, list[list[str]]]:
    raw = path.read_bytes()
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(Bilingual(f"{path.name} 不是 UTF-8 編碼", f"{path.name} is not UTF-8 text"),
                        Bilingual("請以「CSV UTF-8」另存，或另存為 .ods", 'save it as "CSV UTF-8", or as .ods')) from error
    return path.name, [row for row in csv.reader(io.StringIO(decoded))]


def read_sheet(path: Path) -> tuple[str, list[list[str]]]:
    """The sheet's name and its rows of cell texts."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(Bilingual(f"找不到檔案 {path}", f"there is no file {path}"), Bilingual("請確認檔名", "check the file name"))
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix == ".ods":
        if not zipfile.is_zipfile(path):
            raise ReadError(Bilingual(f"{path.name} 已損壞，或不是真正的 .ods 檔", f"{path.name} is damaged or not really an .ods file"),
                            Bilingual("請另存為 .ods 或 CSV UTF-8", "save it as .ods or CSV UTF-8"))
        return _ods_rows(path)
    raise ReadError(Bilingual(f"不支援的檔案類型「{suffix}」：可匯入 .ods 或 .csv", f'unsupported file type "{suffix}": .ods or .csv'),
                    Bilingual("請另存為 .ods 或 CSV UTF-8", "save it as .ods or CSV UTF-8"))


@dataclass(frozen=True)
class BadCell:
    sheet: str
    row: int
    column: str
    message: Bilingual

    def __str__(self) -> str:
        return (f"工作表「{self.sheet}」第 {self.row} 列「{self.column}」欄：{self.message.zh}\n"
                f"  sheet \"{self.sheet}\", row {self.row}, column \"{self.column}\": {self.message.en}")


@dataclass
class Outcome:
    path: Path | None = None
    filled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    bad: list[BadCell] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.bad and not self.conflicts

    def format(self, root: Path | None) -> str:
        lines = []
        if self.bad:
            lines.append(f"有 {len(self.bad)} 個儲存格無法讀取，未寫入任何內容。/ {len(self.bad)} cell(s) cannot be read; nothing was written.")
            lines += [str(b) for b in self.bad]
            return "\n".join(lines)
        where = display_path(self.path, root) if self.path else "results.yml"
        lines.append(f"已更新 {where}：填入 {len(self.filled)} 項，取代 {len(self.replaced)} 項，{len(self.unchanged)} 項不變。"
                     f" / Updated {where}: {len(self.filled)} filled in, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged.")
        if self.conflicts:
            lines.append(f"以下 {len(self.conflicts)} 項在 results.yml 已有不同的內容，未覆寫（確定要取代請加上 --force）："
                         f"\n/ These {len(self.conflicts)} entries are filled in differently in results.yml and were not replaced "
                         f"(add --force to replace them): {'、'.join(self.conflicts)}")
        return "\n".join(lines)


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:10]):
        found: dict[str, int] = {}
        for column, value in enumerate(row):
            words = re.sub(r"\s+", " ", value).strip().lower()
            for spec in COLUMNS:
                if words and (words == spec.key or spec.zh in words or words == spec.en or words.endswith(spec.en)):
                    found.setdefault(spec.key, column)
                    break
        if "status" in found and ("id" in found or "number" in found):
            return index, found
    return None


def parse_date(value: str) -> datetime.date | None:
    words = re.sub(r"\s+", "", value)
    western = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", words)
    roc = re.fullmatch(r"(?:中華民國|民國)?([0-9]{2,3})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", words)
    match = western or roc
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year if western else western_year(year), month, day)
    except ValueError:
        return None


def parse_status(value: str) -> str | None:
    words = re.sub(r"\s+", "", value)
    if words.lower() in STATUS_CODES:
        return words.lower()
    return STATUS_WORDS.get(words)


def _number(value: str) -> int | float:
    number = float(value.replace(",", ""))
    return int(number) if number.is_integer() else number


def _entry(cells: dict[str, str], leaf: Node, bad: list[tuple[str, Bilingual]], folder: Path) -> CommentedMap | None:
    status = parse_status(cells.get("status", ""))
    if status is None:
        bad.append(("status", Bilingual(f"不認得的執行情形「{cells.get('status')}」：請填 已完成、執行中、持續辦理、未執行、未達成 或代碼",
                                        f'unknown status "{cells.get("status")}": use 已完成, 執行中, 持續辦理, 未執行, 未達成 or a code')))
    entry = CommentedMap(status=status)
    if cells.get("reason"):
        entry["reason"] = cells["reason"]
    elif status == "not-achieved":
        bad.append(("reason", Bilingual("未達成須填寫原因", "a not-achieved item needs a reason")))
    if cells.get("narrative"):
        entry["narrative"] = cells["narrative"]
    targets = leaf.data.get("targets", [])
    measured = CommentedSeq()
    for position, line in enumerate(x for x in cells.get("measured", "").splitlines() if x.strip()):
        match = _MEASURED.match(line.strip())
        if not targets:
            bad.append(("measured", Bilingual("計畫中這一項沒有量化指標，實際值無從對應；請寫在執行成效說明",
                                              "the plan gives this item no targets to measure against; write it in the narrative")))
            break
        if not match:
            bad.append(("measured", Bilingual(f"「{line}」不是數值（例如 88.5 或 26/30）", f'"{line}" is not a value (e.g. 88.5 or 26/30)')))
            continue
        value = CommentedMap()
        label = (match.group("target") or "").strip()
        if label:
            value["target"] = int(label) if label.isdigit() else label
        elif len(targets) > 1:
            value["target"] = position + 1
        value["value"] = _number(match.group("value"))
        if match.group("of"):
            value["of"] = _number(match.group("of"))
        if match.group("note").strip():
            value["note"] = match.group("note").strip()
        measured.append(value)
    if measured:
        entry["measured"] = measured
    evidence = CommentedSeq()
    for line in (x.strip() for x in cells.get("evidence", "").splitlines() if x.strip()):
        if re.match(r"^https?://\S+$", line):
            evidence.append(CommentedMap(kind="link", title=line, url=line))
        elif (folder / line).is_file() and "/" not in line and "\\" not in line:
            evidence.append(CommentedMap(kind="file", title=line, file=line))
        else:
            bad.append(("evidence", Bilingual(f"「{line}」不是網址，也不是計畫資料夾中的檔案", f'"{line}" is neither an address nor a file in the plan\'s folder')))
    if evidence:
        entry["evidence"] = evidence
    if cells.get("reported"):
        date = parse_date(cells["reported"])
        if date is None:
            bad.append(("reported", Bilingual(f"「{cells['reported']}」不是日期（例如 114年1月31日 或 2025-01-31）",
                                              f'"{cells["reported"]}" is not a date (e.g. 114年1月31日 or 2025-01-31)')))
        else:
            entry["reported"] = date
    return entry if status is not None else None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def import_results(path: Path, plans_dir: Path, agency_id: str, year: int, *, force: bool = False,
                   root: Path | None = None) -> Outcome:
    agency, plan = checked_plan(plans_dir, agency_id, year, root)
    sheet, rows = read_sheet(path)
    found = _header(rows)
    outcome = Outcome(path=plan.path.parent / "results.yml")
    if found is None:
        outcome.bad.append(BadCell(sheet, 1, "執行情形 status", Bilingual("找不到標題列（代號 id、執行情形 status…）",
                                                                        "no header row found (id, status…)")))
        return outcome
    header_row, columns = found
    names = {spec.key: rows[header_row][columns[spec.key]] if spec.key in columns else spec.header for spec in COLUMNS}
    leaves = {leaf.leaf_id: leaf for leaf in plan.rows()}
    by_number = {numbering.full_marker(leaf): leaf for leaf in leaves.values()}
    entries: dict[str, CommentedMap] = {}
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        cells = {key: (row[col].strip() if col < len(row) else "") for key, col in columns.items()}
        if not any(cells.values()) or not cells.get("status"):
            continue
        leaf = leaves.get(cells.get("id", "")) or by_number.get(cells.get("number", ""))
        if leaf is None:
            outcome.bad.append(BadCell(sheet, index + 1, names["id"], Bilingual(f"計畫中沒有這一項「{cells.get('id') or cells.get('number')}」",
                                                                               f'the plan has no item "{cells.get("id") or cells.get("number")}"')))
            continue
        bad: list[tuple[str, Bilingual]] = []
        entry = _entry(cells, leaf, bad, plan.path.parent)
        outcome.bad += [BadCell(sheet, index + 1, names[key], message) for key, message in bad]
        if entry is not None and not bad:
            entries[leaf.leaf_id] = entry
    if outcome.bad:
        return outcome
    target = plan.path.parent / "results.yml"
    source = target.read_text(encoding="utf-8-sig") if target.exists() else fresh_text(agency, plan)
    # Every entry to fill gets its skeleton entry first, after the item before it (as results-skeleton
    # adds them); then only the lines of the entries filled in are replaced, so every comment stays.
    source, _ = with_missing(source, round_trip().load(source), [leaf for leaf in plan.rows() if leaf.leaf_id in entries])
    data = round_trip().load(source)
    results = data["results"]
    writes: dict[str, CommentedMap] = {}
    for leaf_id, entry in entries.items():
        existing = results.get(leaf_id)
        if _plain(existing) == {"status": "not-reported"}:
            writes[leaf_id] = entry
            outcome.filled.append(leaf_id)
        elif _plain(existing) == _plain(entry):
            outcome.unchanged.append(leaf_id)
        elif force:
            writes[leaf_id] = entry
            outcome.replaced.append(leaf_id)
        else:
            outcome.conflicts.append(leaf_id)
    new_text = _replaced(source, results, writes)
    _validated(new_text, target, leaves)
    if new_text != source or not target.exists() or outcome.filled:
        write_atomically(target, new_text)
    return outcome


def _replaced(source: str, results: CommentedMap, writes: dict[str, CommentedMap]) -> str:
    """`source` with the lines of each entry in `writes` replaced by the new entry."""
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    spans = []
    for leaf_id, entry in writes.items():
        line, column = results.lc.key(leaf_id)
        block = dump(CommentedMap([(leaf_id, entry)]))
        spans.append((line, block_end(lines, line, column), [" " * column + part for part in block.splitlines(keepends=True)]))
    for start, end, new in sorted(spans, reverse=True):
        lines[start:end + 1] = new
    return "".join(lines)


def _validated(new_text: str, target: Path, leaves: dict[str, Node]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "results.yml"
        scratch.write_text(new_text, encoding="utf-8")
        document, problems = load_checked_yaml(scratch)
    if document is not None:
        document.path = target
        problems = schema_problems(document, "results") or rules.results_problems(document, leaves)
    if problems:
        raise ToolError(Bilingual("填入後的 results.yml 未通過檢查，未寫入", "the filled-in results.yml does not pass the checks; nothing was written"),
                        Report(problems).format(closing=None))
