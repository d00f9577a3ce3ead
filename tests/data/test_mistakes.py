"""Mistakes the schema accepts but the pages show: warned about (the check still passes), and the ones
`gongkai check --fix` mends, mended byte for byte."""

import subprocess
from pathlib import Path

import pytest
from support import GONGKAI, ROOT

from gongkai.data.load import load_portal
from gongkai.data.mistakes import typed_number

PLAN = "sample-office/114/plan.yml"
SCHEMA = "# yaml-language-server: $schema=../../../gongkai/schema/plan.schema.json"


def _plan(minimal_plans: Path) -> Path:
    return minimal_plans / PLAN


def _edit(minimal_plans: Path, old: str, new: str) -> None:
    plan = _plan(minimal_plans)
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")


def _warnings(plans: Path, summary: str) -> list:
    _, report = load_portal(plans)
    assert report.ok, report.format()
    return [w for w in report.warnings if summary in w.summary.en]


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([*GONGKAI, *arguments], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("number", ["一、", "(一)", "（一）", "1.", "1. ", "1、", "甲、", "壹、", "(1) ", "十二、"])
def test_a_text_that_starts_with_typed_numbering_is_warned_about_with_line_and_field(minimal_plans, number):
    _edit(minimal_plans, "text: 設置單一窗口。", f"text: {number}設置單一窗口。")
    [warning] = _warnings(minimal_plans, "typed number")
    assert warning.severity == "warning"
    assert (warning.file.name, warning.line, warning.column) == ("plan.yml", 14, 19)
    assert warning.field == "sections[1].items[0].items[0].text"
    assert number.strip() in warning.summary.zh and "編號" in warning.summary.zh


@pytest.mark.parametrize("text", ["一、二月份辦理。", "1.5 倍。", "1、2 月辦理。", "114年辦理。", "一站式服務。", "(註) 說明。"])
def test_what_only_looks_like_numbering_is_not_warned_about(text):
    assert typed_number(text) is None


def test_typed_numbering_is_found_in_every_numbered_text(minimal_plans):
    _edit(minimal_plans, "      - 提升服務品質。", "      - 一、提升服務品質。")
    _edit(minimal_plans, "  - kind: body\n", "  - kind: body\n    heading: 貳、實施要項\n")
    _edit(minimal_plans, "            text: 辦理電話禮貌測試。",
          "            text: 辦理電話禮貌測試。\n            actions:\n              - text: (一)每月抽測。\n"
          "            outcomes:\n              - {zh-TW: 提升禮貌, en: 1. Better manners}")
    fields = {w.field for w in _warnings(minimal_plans, "typed number")}
    assert fields == {"sections[0].items[0]", "sections[1].heading", "sections[1].items[0].items[1].actions[0].text",
                      "sections[1].items[0].items[1].outcomes[0].en"}


def test_check_fix_deletes_the_numbers_and_nothing_else_byte_for_byte(minimal_plans):
    plan = _plan(minimal_plans)
    text = plan.read_text(encoding="utf-8")
    text = text.replace("      - 提升服務品質。", "      - 一、提升服務品質。  # 目標\n      - '(二) 單引號'\n"
                                                    "      - \"3. 雙引號\"\n      - |\n        （四）區塊\n        文字\n")
    text = text.replace("text: 設置單一窗口。", "text: {zh-TW: 甲、設置單一窗口。, en: 1. One window.}")
    original = b"\xef\xbb\xbf" + f"{SCHEMA}\n# 註解 comment\n{text}".replace("\n", "\r\n").encode("utf-8")
    plan.write_bytes(original)
    result = run("check", "--fix", "--plans", str(minimal_plans))
    assert result.returncode == 0, result.stderr
    assert "deleted the typed number" in result.stdout and "刪除開頭的編號" in result.stdout
    expected = (original.decode("utf-8")
                .replace("- 一、提升", "- 提升").replace("'(二) 單引號'", "'單引號'").replace('"3. 雙引號"', '"雙引號"')
                .replace("（四）區塊", "區塊").replace("甲、設置", "設置").replace("en: 1. One", "en: One"))
    assert plan.read_bytes() == expected.encode("utf-8")
    assert not _warnings(minimal_plans, "typed number")


def test_check_fix_leaves_a_text_it_cannot_mend_safely_and_keeps_warning(minimal_plans):
    _edit(minimal_plans, "      - 提升服務品質。", "      - 1. - 提升服務品質。")
    before = _plan(minimal_plans).read_bytes()
    result = run("check", "--fix", "--plans", str(minimal_plans))
    assert result.returncode == 0
    assert b"1. - " in _plan(minimal_plans).read_bytes()
    assert _plan(minimal_plans).read_bytes().count(b"\n") == before.count(b"\n") + 1  # only the schema line added
    [warning] = _warnings(minimal_plans, "typed number")
    assert warning.edit is None and "quotes" in warning.hint.en


def test_more_level_names_than_levels_is_warned_about(minimal_plans):
    _edit(minimal_plans, "levels: [實施要項, 具體作法]", "levels: [實施要項, 具體作法, 執行單位]")
    [warning] = _warnings(minimal_plans, "levels names")
    assert (warning.line, warning.field) == (8, "sections[1].levels")
    assert "3" in warning.summary.zh and "2" in warning.summary.zh


def test_as_many_level_names_as_levels_is_fine(minimal_plans):
    assert not _warnings(minimal_plans, "levels names")


@pytest.mark.parametrize("section", ["  - kind: future\n    heading: 未來努力方向\n", "  - kind: period\n",
                                     "  - kind: annexes\n    heading: 附件\n"])
def test_an_empty_section_is_warned_about(minimal_plans, section):
    plan = _plan(minimal_plans)
    plan.write_text(plan.read_text(encoding="utf-8") + section, encoding="utf-8")
    [warning] = _warnings(minimal_plans, "nothing in it")
    assert warning.field == "sections[2]" and warning.line == 25


def test_a_file_without_the_schema_line_is_warned_about_and_fix_adds_it_keeping_crlf(minimal_plans):
    agency = minimal_plans / "sample-office" / "agency.yml"
    agency.write_bytes(agency.read_bytes().replace(b"\n", b"\r\n"))
    [warning] = [w for w in _warnings(minimal_plans, "schema line") if w.file.name == "agency.yml"]
    assert (warning.line, warning.column) == (1, 1)
    assert "../../gongkai/schema/agency.schema.json" in warning.expected.en
    before = agency.read_bytes()
    assert run("check", "--fix", "--plans", str(minimal_plans)).returncode == 0
    assert agency.read_bytes() == b"# yaml-language-server: $schema=../../gongkai/schema/agency.schema.json\r\n" + before
    assert not _warnings(minimal_plans, "schema line")


def test_a_schema_line_naming_another_schema_is_corrected(minimal_plans):
    results = minimal_plans / "sample-office" / "114" / "results.yml"
    results.write_text(f"{SCHEMA}\n" + results.read_text(encoding="utf-8"), encoding="utf-8")
    [warning] = [w for w in _warnings(minimal_plans, "schema") if w.file.name == "results.yml"]
    assert "names another schema" in warning.summary.en
    assert run("check", "--fix", "--plans", str(minimal_plans)).returncode == 0
    assert results.read_text(encoding="utf-8").splitlines()[0].endswith("/results.schema.json")


def test_a_plan_with_neither_updated_nor_a_commit_is_warned_about(minimal_plans):
    # The fixture is copied outside any git repository: git knows no date for it.
    [warning] = [w for w in _warnings(minimal_plans, "DC.Date") if w.file.name == "plan.yml"]
    assert warning.field == "updated" and warning.line == 1
    _edit(minimal_plans, "year: 114\n", "year: 114\nupdated: 2025-02-01\n")
    assert not [w for w in _warnings(minimal_plans, "DC.Date") if w.file.name == "plan.yml"]


def test_the_repository_data_has_no_warnings():
    from gongkai.data.project import load_project

    _, report = load_project(ROOT / "plans")
    assert report.ok and not report.warnings, report.format()


def test_warnings_never_fail_check_and_come_after_the_errors(minimal_plans):
    _edit(minimal_plans, "      - 提升服務品質。", "      - 一、提升服務品質。")
    result = run("check", "--plans", str(minimal_plans))
    assert result.returncode == 0
    assert "警告 warning" in result.stderr and "typed number" in result.stderr
    assert "plan.yml:6:9" in result.stderr
    agency = minimal_plans / "sample-office" / "agency.yml"
    agency.write_text(agency.read_text(encoding="utf-8") + "nmae: x\n", encoding="utf-8")
    result = run("check", "--plans", str(minimal_plans))
    assert result.returncode == 1
    assert result.stderr.index('unknown key "nmae"') < result.stderr.index("typed number")
    assert "1 problem(s) found" in result.stderr and "warning(s)" in result.stderr
