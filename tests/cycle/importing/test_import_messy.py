"""Messy input: words split across lines, a table row cut at a page break with the header repeated,
numbering typed in mixed widths, Word's automatic numbering; files that cannot be read; what --force
may replace."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from support import GONGKAI, ROOT

from gongkai.cycle.importing.importer import draft_of
from gongkai.cycle.importing.outline import detect
from gongkai.cycle.importing.plan_writer import basis_item, deadline_of, roc_year_in

TODAY = datetime.date(2026, 1, 5)

SPLIT_WORDS = """示範區公所一一四年度提升服務品質執行計畫

壹、計畫依據
行政院 96 年 7 月 23 日院授研展字第 09600152471 號函頒「政府服務創新精進方案」。
貳、實施要項
一、完備基礎服
務項目
(一)建立標準作業
流程，並定期檢討。
（二）設置單一
窗口。
二、重視意見回饋
１．設置首長信箱。
"""

CUT_TABLE = """示範區公所114年提升服務品質執行計畫
壹、實施要項
實施要項\t執行策略\t推動作法\t執行單位
一、便民服務\t（一）設置單一窗口\t1. 設置櫃台，受理申辦。 2. 檢討流\t秘書室 民政課
實施要項\t執行策略\t推動作法\t執行單位
\t\t程，簡化書表。 3. 每月檢討一次。\t人文課
\t(二)整合跨機關服\t１．建置網站。\t秘書室
實施要項\t執行策略\t推動作法\t執行單位
\t務流程\t\t
二、資訊公開\t(一)公開資訊\t定期更新網站。\t秘書室
"""


def draft(tmp_path: Path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return draft_of(path, "sample", year=None, today=TODAY)


def body(plan):
    return next(s for s in plan["sections"] if s["kind"] == "body")


@pytest.mark.parametrize("typed, style, value, rest", [
    ("一、完備", "一、", 1, "完備"), ("（十二）完備", "(一)", 12, "完備"), ("(3)完備", "(1)", 3, "完備"),
    ("１．完備", "1.", 1, "完備"), ("2、完備", "1、", 2, "完備"), ("肆、實施要項", "壹、", 4, "實施要項"),
    ("甲、各課", "甲、", 1, "各課"), ("- (一)完備", "(一)", 1, "完備"),
])
def test_numbering_in_either_width_is_detected_and_taken_off(typed, style, value, rest):
    marker, text = detect(typed)
    assert marker is not None and (marker.style, marker.value, text) == (style, value, rest)


def test_dates_and_numbers_are_not_numbering():
    assert detect("95.12.31")[0] is None
    assert detect("2.5%的民眾")[0] is None


def test_words_split_across_lines_are_joined(tmp_path):
    _, result = draft(tmp_path, SPLIT_WORDS)
    assert result.year == 114
    items = body(result.plan)["items"]
    assert [i["text"] for i in items] == ["完備基礎服務項目", "重視意見回饋"]
    assert [i["text"] for i in items[0]["items"]] == ["建立標準作業流程，並定期檢討。", "設置單一窗口。"]
    assert [i["text"] for i in items[1]["items"]] == ["設置首長信箱。"]
    basis = result.plan["sections"][0]["items"][0]
    assert basis["text"] == "行政院96年7月23日院授研展字第09600152471號函頒「政府服務創新精進方案」。"
    assert (basis["issuer"], basis["date"], basis["number"], basis["title"]) == (
        "行政院", datetime.date(2007, 7, 23), "院授研展字第09600152471號", "政府服務創新精進方案")


def test_a_table_cut_by_page_breaks_with_its_header_repeated_is_joined(tmp_path):
    outline, result = draft(tmp_path, CUT_TABLE)
    section = body(result.plan)
    assert section["columns"] == [{"label": "實施要項", "level": 1}, {"label": "執行策略", "level": 2},
                                  {"label": "推動作法", "field": "actions"}, {"label": "執行單位", "field": "units"}]
    assert "levels" not in section and "labels" not in section
    assert section["numbering"] == {"levels": ["一、", "(一)"], "actions": "1."}
    first, second = section["items"]
    assert first["text"] == "便民服務" and second["text"] == "資訊公開"
    window, online = first["items"]
    assert window["text"] == "設置單一窗口"
    assert [a["text"] for a in window["actions"]] == ["設置櫃台，受理申辦。", "檢討流程，簡化書表。", "每月檢討一次。"]
    assert [a["units"] for a in window["actions"]] == [["秘書室"], ["民政課"], ["人文課"]]
    assert online["text"] == "整合跨機關服務流程"
    assert [a["text"] for a in online["actions"]] == ["建置網站。"] and online["units"] == ["秘書室"]
    assert second["items"][0]["actions"][0]["text"] == "定期更新網站。"
    assert all(source.placed for source in outline.sources())


def test_word_automatic_numbering_is_read_as_typed_numbering(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("示範區公所114年提升服務品質執行計畫")
    document.add_paragraph("壹、實施要項")
    document.add_paragraph("完備基礎服務項目", style="List Number")
    document.add_paragraph("重視意見回饋", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    _, result = draft_of(path, "sample", year=None, today=TODAY)
    assert [i["text"] for i in body(result.plan)["items"]] == ["完備基礎服務項目", "重視意見回饋"]


def test_opendocument_list_numbering_is_read_as_typed_numbering(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import List, ListItem, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    style = ListStyle(name="Numbered")
    style.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    document.automaticstyles.addElement(style)
    document.text.addElement(P(text="示範區公所114年提升服務品質執行計畫"))
    document.text.addElement(P(text="壹、實施要項"))
    numbered = List(stylename=style)
    for words in ("完備基礎服務項目", "重視意見回饋"):
        item = ListItem()
        item.addElement(P(text=words))
        numbered.addElement(item)
    document.text.addElement(numbered)
    path = tmp_path / "numbered.odt"
    document.save(str(path))
    outline, result = draft_of(path, "sample", year=None, today=TODAY)
    assert [p.marker.typed for p in outline.blocks[2:]] == ["1.", "2."]
    assert [i["text"] for i in body(result.plan)["items"]] == ["完備基礎服務項目", "重視意見回饋"]


@pytest.mark.parametrize("text, year", [("南投縣政府社會局九十五年度提升服務品質執行計畫", 95),
                                        ("一一四年度計畫", 114), ("112 年度提升服務品質執行計畫", 112)])
def test_the_year_is_read_in_arabic_or_chinese_numerals(text, year):
    assert roc_year_in(text) == year


def test_basis_dates_in_the_short_form_and_an_issuer_before_the_number():
    item, found = basis_item("民國92年9月8日行政院研究發展委員會會研字第0920022178號函調整「全面提昇服務品質方案」")
    assert (item["issuer"], item["date"], item["number"]) == ("行政院研究發展委員會", datetime.date(2003, 9, 8),
                                                              "會研字第0920022178號")
    assert basis_item("依92.9.8函辦理")[0]["date"] == datetime.date(2003, 9, 8)


@pytest.mark.parametrize("cell, value", [("持續辦理。", {"as_written": "持續辦理。", "ongoing": True}),
                                         ("95.12.31", {"as_written": "95.12.31", "date": datetime.date(2006, 12, 31)}),
                                         ("每年12月31日前。", {"as_written": "每年12月31日前。", "every_year": "12-31"}),
                                         ("95.11.31", {"as_written": "95.11.31", "note": "原文日期不存在"})])
def test_deadlines(cell, value):
    assert deadline_of(cell, 95)[0] == value


def run_import(path: Path, plans: Path, *extra: str):
    return subprocess.run([*GONGKAI, "import", str(path), "--agency", "sample", "--plans", str(plans), *extra],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("name, content", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ("protected.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ("broken.docx", b"PK\x03\x04 not really a zip"),
    ("broken.odt", b"this is not a document"),
    ("empty.txt", b""),
    ("blank.docx", b"   \n"),
    ("plan.pdf", b"%PDF-1.4 a pdf"),
])
def test_an_unreadable_file_exits_2_with_a_bilingual_message_and_writes_nothing(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    plans = tmp_path / "plans"
    result = run_import(path, plans)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "請另存為 .docx 或 .odt" in result.stderr and "save it as .docx or .odt" in result.stderr
    assert not plans.exists()


def test_a_draft_is_never_overwritten_and_force_replaces_only_a_draft_the_importer_wrote(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(CUT_TABLE, encoding="utf-8")
    plans = tmp_path / "plans"
    assert run_import(source, plans).returncode == 0
    plan = plans / "sample" / "114" / "plan.yml"
    again = run_import(source, plans)
    assert again.returncode == 1 and "--force" in again.stderr
    assert run_import(source, plans, "--force").returncode == 0
    plan.write_text(plan.read_text(encoding="utf-8").replace("# gongkai import:", "# edited by hand:"), encoding="utf-8")
    hand_made = plan.read_bytes()
    refused = run_import(source, plans, "--force")
    assert refused.returncode == 1 and "not written by the importer" in refused.stderr
    assert plan.read_bytes() == hand_made


def test_a_document_without_a_year_asks_for_one(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(CUT_TABLE.replace("114年", ""), encoding="utf-8")
    plans = tmp_path / "plans"
    result = run_import(source, plans)
    assert result.returncode == 1 and "--year" in result.stderr
    assert run_import(source, plans, "--year", "114").returncode == 0
