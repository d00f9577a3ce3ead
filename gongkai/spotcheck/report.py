"""The spot check's report: readable text in zh-TW or English, and CSV and JSON with both languages."""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

from gongkai.i18n.catalogue import ui
from gongkai.spotcheck.findings import FAIL, NOTE, PASS, SiteResult

SYMBOLS = {PASS: "✔", FAIL: "✖", NOTE: "•"}
CSV_COLUMNS = ["site", "check", "outcome", "target", "message_zh", "message_en"]


def text_report(results: list[SiteResult], lang: str, on: datetime.date, seed: int, sample: int) -> str:
    """Failures and notes in full, passes counted; one block per site, then the summary."""
    lines = [ui("spot_title", lang, sites=len(results), date=on.isoformat(), seed=seed, sample=sample), ""]
    for result in results:
        checks, failed = len(result.findings), len(result.failures)
        verdict = ui("spot_site_failed", lang, failed=failed, checks=checks) if failed \
            else ui("spot_site_passed", lang, checks=checks)
        lines.append(f"{SYMBOLS[FAIL if failed else PASS]} {result.url}  {verdict}")
        for finding in result.findings:
            mark = f"  {SYMBOLS[finding.outcome]} [{ui('spot_check_' + finding.check, lang)}]"
            if finding.outcome == PASS and finding.check == "page":
                lines.append(f"{mark} {finding.target}")
            elif finding.outcome != PASS or finding.check == "manifest":
                lines.append(f"{mark} {finding.text(lang)}")
                if finding.check != "requirement":
                    lines.append(f"      {finding.target}")
        lines.append("")
    passed = sum(1 for r in results if r.ok)
    lines.append(ui("spot_summary", lang, passed=passed, total=len(results)))
    return "\n".join(lines) + "\n"


def rows(results: list[SiteResult]) -> list[dict[str, Any]]:
    return [{"site": f.site, "check": f.check, "outcome": f.outcome, "target": f.target,
             "message_zh": f.text("zh-TW"), "message_en": f.text("en")}
            for result in results for f in result.findings]


def csv_report(results: list[SiteResult]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(results))
    return out.getvalue()


def json_report(results: list[SiteResult], on: datetime.date, seed: int, sample: int) -> str:
    data = {
        "date": on.isoformat(), "seed": seed, "sample": sample,
        "passed": all(r.ok for r in results),
        "sites": [{"url": r.url, "passed": r.ok, "failures": len(r.failures), "pages": r.pages,
                   "findings": [{**row, "message": f.message, "values": f.values} for row, f in zip(rows([r]), r.findings)]}
                  for r in results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
