"""The spot check's report in either language, and as CSV and JSON with both."""

from __future__ import annotations

import csv
import datetime
import io
import json

from gongkai.spotcheck.findings import FAIL, PASS, Finding, SiteResult
from gongkai.spotcheck.report import csv_report, json_report, text_report

SITE = "https://host/portal/"
DAY = datetime.date(2026, 3, 1)


def results() -> list[SiteResult]:
    site = SiteResult(SITE, pages=[SITE + "plans/x/"])
    site.findings += [
        Finding(SITE, "page", PASS, SITE + "plans/x/", "page_ok", {"seconds": "0.01"}),
        Finding(SITE, "download", FAIL, SITE + "x.csv", "download_checksum"),
        Finding(SITE, "sections", FAIL, SITE + "plans/x/", "sections_missing", {"parts": ["body", "summary"]}),
    ]
    return [site]


def test_the_text_report_is_worded_in_the_chosen_language():
    zh = text_report(results(), "zh-TW", DAY, 3, 6)
    en = text_report(results(), "en", DAY, 3, 6)
    assert "[下載檔] 下載檔的 SHA-256 與 transparency.json 不符" in zh and "缺少必要區塊：實施要項、執行情形摘要" in zh
    assert "0 / 1 個網站通過抽查。" in zh and "亂數種子 3" in zh
    assert "[download] the download's SHA-256 differs" in en and "required sections missing: main items section, summary" in en
    assert f"✔ [page] {SITE}plans/x/" in en and "FAILED: 2 problem(s) in 3 checks" in en


def test_csv_and_json_carry_both_languages():
    rows = list(csv.DictReader(io.StringIO(csv_report(results()))))
    assert [r["outcome"] for r in rows] == ["pass", "fail", "fail"]
    assert rows[1]["message_zh"].startswith("下載檔的 SHA-256") and rows[1]["message_en"].startswith("the download's")
    data = json.loads(json_report(results(), DAY, 3, 6))
    assert data["passed"] is False and data["seed"] == 3 and data["date"] == "2026-03-01"
    assert data["sites"][0]["failures"] == 2 and data["sites"][0]["findings"][2]["values"] == {"parts": ["body", "summary"]}
