"""Results in a spreadsheet: the template has a row per item; filled in (ODS, or CSV with or without a
BOM) and read back it gives the same results as typing the YAML; entries already there, and comments,
are kept; a conflict is reported unless --force; every bad cell is reported by sheet, row and column."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from support import EXAMPLE_AGENCY, GONGKAI, ROOT

from gongkai.cycle.results_sheet import (
    COLUMNS,
    csv_bytes,
    ods_bytes,
    parse_date,
    parse_status,
    read_sheet,
    write_template,
)
from gongkai.data.project import load_project

AGENCY = EXAMPLE_AGENCY
KEYS = [c.key for c in COLUMNS]
FILLED = {
    "a1-1": {"status": "已完成", "narrative": "已檢討更新全部標準作業流程。", "reported": "115年1月20日"},
    "a1-2": {"status": "completed", "narrative": "平均 88.5 分。", "measured": "88.5", "reported": "2027/1/20"},
    "a2-1": {"status": "未達成", "reason": "系統採購延宕。"},
    "a3-1": {"status": "持續辦理", "evidence": "https://www.example.gov.tw/report"},
    "a4-1": {"status": "未執行"},
}
TYPED = """
results:
  a1-1: {status: completed, narrative: 已檢討更新全部標準作業流程。, reported: 2026-01-20}
  a1-2:
    status: completed
    narrative: 平均 88.5 分。
    measured: [{value: 88.5}]
    reported: 2027-01-20
  a2-1: {status: not-achieved, reason: 系統採購延宕。}
  a3-1:
    status: ongoing
    evidence: [{kind: link, title: "https://www.example.gov.tw/report", url: "https://www.example.gov.tw/report"}]
  a4-1: {status: not-started}
"""


def run(*arguments: str):
    return subprocess.run([*GONGKAI, *arguments], cwd=ROOT, capture_output=True, text=True)


def filled_rows(rows: list[list[str]], values: dict[str, dict[str, str]]) -> list[list[str]]:
    out = [list(rows[0])]
    for row in rows[1:]:
        row = list(row) + [""] * (len(KEYS) - len(row))
        for key, value in values.get(row[0], {}).items():
            row[KEYS.index(key)] = value
        out.append(row)
    return out


def template_rows(plans) -> list[list[str]]:
    paths = write_template(plans, AGENCY, 115)
    assert [p.name for p in paths] == [f"{AGENCY}-115-results-template.ods", f"{AGENCY}-115-results-template.csv"]
    ods_rows = read_sheet(paths[0])[1]
    csv_rows = read_sheet(paths[1])[1]
    assert [r[:3] for r in ods_rows] == [r[:3] for r in csv_rows]
    return csv_rows


def test_the_template_has_a_row_per_item_with_its_number_text_and_empty_columns(plans):
    rows = template_rows(plans)
    project, _ = load_project(plans)
    leaves = project.portal.agencies[AGENCY].plans[115].leaves()
    assert rows[0][:4] == ["代號 id", "編號 number", "項目 item", "執行情形 status"]
    assert [r[0] for r in rows[1:]] == [leaf.leaf_id for leaf in leaves]
    assert rows[2][1:3] == ["一、(二)", "辦理電話禮貌測試，並將測試結果納入同仁服務訓練。"]
    assert all(cell == "" for row in rows[1:] for cell in row[3:])


@pytest.mark.parametrize("form", ["ods", "csv-bom", "csv"])
def test_filled_in_and_imported_gives_the_same_results_as_typing_the_yaml(plans, tmp_path, form):
    rows = filled_rows(template_rows(plans), FILLED)
    sheet = tmp_path / f"filled.{form[:3]}"
    data = ods_bytes(rows) if form == "ods" else csv_bytes(rows)
    sheet.write_bytes(data if form != "csv" else data.removeprefix("\ufeff".encode("utf-8")))
    result = run("import-results", str(sheet), "--agency", AGENCY, "--year", "115", "--plans", str(plans))
    assert result.returncode == 0, result.stderr
    imported = load_project(plans)
    assert imported[1].ok, imported[1].format()
    results = imported[0].portal.agencies[AGENCY].plans[115].results
    typed_plans = tmp_path / "typed" / "plans"
    typed_plans.parent.mkdir()
    subprocess.run(["cp", "-r", str(plans), str(typed_plans)], check=True)
    (typed_plans / AGENCY / "115" / "results.yml").write_text(TYPED, encoding="utf-8")
    typed, report = load_project(typed_plans)
    assert report.ok, report.format()
    expected = typed.portal.agencies[AGENCY].plans[115].results
    for leaf_id in FILLED:
        assert results.entry(leaf_id) == expected.entry(leaf_id), leaf_id
    others = set(results.data["results"]) - set(FILLED)
    assert others and all(results.status(leaf_id) == "not-reported" for leaf_id in others)
    text = (plans / AGENCY / "115" / "results.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "# 一、(二) 辦理電話禮貌測試" in text


def write_csv(path, rows):
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_existing_entries_and_comments_are_kept_and_a_conflict_is_reported_unless_force(plans, tmp_path):
    path = plans / AGENCY / "114" / "results.yml"
    before = path.read_text(encoding="utf-8")
    header = [c.header for c in COLUMNS]
    sheet = tmp_path / "filled.csv"
    write_csv(sheet, [header, ["a1-1", "", "", "執行中", "改為執行中"], ["a4-2", "", "", "已完成", "已完成多語服務"]])
    result = run("import-results", str(sheet), "--agency", AGENCY, "--year", "114", "--plans", str(plans))
    assert result.returncode == 1 and "a1-1" in result.stderr and "--force" in result.stderr
    after = path.read_text(encoding="utf-8")
    assert "a4-2:\n    status: completed\n    narrative: 已完成多語服務" in after
    assert after.count("\n") > before.count("\n")
    for line in before.splitlines():
        assert line in after.splitlines()  # every comment and entry that was there is still there
    forced = run("import-results", str(sheet), "--agency", AGENCY, "--year", "114", "--plans", str(plans), "--force")
    assert forced.returncode == 0, forced.stderr
    project, report = load_project(plans)
    assert report.ok
    results = project.portal.agencies[AGENCY].plans[114].results
    assert results.entry("a1-1") == {"status": "in-progress", "narrative": "改為執行中"}
    assert results.status("a1-2") == "completed"  # not in the sheet: untouched


def test_every_bad_cell_is_reported_with_sheet_row_and_column_and_nothing_is_written(plans, tmp_path):
    rows = filled_rows(template_rows(plans), {
        "a1-1": {"status": "差不多"}, "a1-2": {"status": "已完成", "measured": "很多", "reported": "115年2月30日"},
        "a2-1": {"status": "未達成"}, "a3-1": {"status": "已完成", "evidence": "no-such-file.pdf"},
    })
    rows.append(["z9-9", "", "", "已完成"])
    sheet = tmp_path / "filled.ods"
    sheet.write_bytes(ods_bytes(rows, sheet="成效"))
    result = run("import-results", str(sheet), "--agency", AGENCY, "--year", "115", "--plans", str(plans))
    assert result.returncode == 1
    message = result.stderr
    row_of = {row[0]: number for number, row in enumerate(rows, start=1)}
    for row, column in [(row_of["a1-1"], "執行情形 status"), (row_of["a1-2"], "實際達成值 measured value"),
                        (row_of["a1-2"], "填報日期 date reported"), (row_of["a2-1"], "未達成原因 reason"),
                        (row_of["a3-1"], "佐證資料 evidence"), (len(rows), "代號 id")]:
        assert f"工作表「成效」第 {row} 列「{column}」欄" in message, (row, column)
        assert f'sheet "成效", row {row}, column "{column}"' in message
    assert not (plans / AGENCY / "115" / "results.yml").exists()


def test_a_file_that_is_not_a_sheet_exits_2(plans, tmp_path):
    sheet = tmp_path / "results.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("import-results", str(sheet), "--agency", AGENCY, "--year", "114", "--plans", str(plans))
    assert result.returncode == 2 and ".ods" in result.stderr


@pytest.mark.parametrize("value, code", [("已完成", "completed"), (" 執行中 ", "in-progress"), ("持續辦理", "ongoing"),
                                         ("未執行", "not-started"), ("未達成", "not-achieved"), ("Not-Achieved", "not-achieved"),
                                         ("好", None)])
def test_statuses_in_chinese_or_codes(value, code):
    assert parse_status(value) == code


@pytest.mark.parametrize("value, iso", [("114年1月31日", "2025-01-31"), ("民國114年1月31日", "2025-01-31"),
                                        ("114.1.31", "2025-01-31"), ("2025-01-31", "2025-01-31"),
                                        ("2025/1/31", "2025-01-31"), ("114年2月30日", None)])
def test_dates_in_roc_or_western_form(value, iso):
    date = parse_date(value)
    assert (date.isoformat() if date else None) == iso
