"""The spot check against a compliant example portal and against broken copies it must catch, case by case."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import time
from pathlib import Path

from conftest import closed_port_url, hanging_server, redirect_loop_server, site_server, trickling_server
from sites import AGENCY, COMPLIANT_DAY, LATE_DAY, SPOT_CHECK

from gongkai.devtools.loopback import serve
from gongkai.spotcheck.cli import main

EVERY_PAGE = ["--sample", "100", "--seed", "7"]


def check(url: str | None, tmp_path: Path, *args: str) -> tuple[int, dict]:
    """Run the command in this process; its exit status and JSON report."""
    out = tmp_path / f"report-{time.monotonic_ns()}.json"
    status = main([*([url] if url else []), "--date", COMPLIANT_DAY, *EVERY_PAGE, "--json", str(out), *args])
    return status, json.loads(out.read_text(encoding="utf-8"))


def failures(report: dict) -> list[dict]:
    return [f for site in report["sites"] for f in site["findings"] if f["outcome"] == "fail"]


def test_a_compliant_site_passes_with_exit_status_zero_and_writes_csv_and_json(served, tmp_path):
    with served() as url:
        result = subprocess.run([*SPOT_CHECK, url, "--date", COMPLIANT_DAY, *EVERY_PAGE, "--lang", "en",
                                 "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 of 1 site(s) passed." in result.stdout
    report = json.loads((tmp_path / "out" / "spot-check.json").read_text(encoding="utf-8"))
    assert report["passed"] and len(report["sites"][0]["pages"]) == 8
    checks = {f["check"] for f in report["sites"][0]["findings"]}
    assert {"manifest", "requirement", "page", "sections", "metadata", "consistency", "download", "link"} - checks \
        == {"consistency"}  # consistency reports only disagreements
    with (tmp_path / "out" / "spot-check.csv").open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert rows and all(row["outcome"] == "pass" for row in rows)
    assert any("已完成" not in row["message_zh"] and "SHA-256" in row["message_en"] for row in rows)


def test_the_report_works_under_a_sub_path(compliant_site, tmp_path):
    shutil.copytree(compliant_site, tmp_path / "root" / "plans-portal")
    with serve(tmp_path / "root") as url:
        status, report = check(url + "plans-portal", tmp_path)
    assert status == 0, failures(report)
    assert report["sites"][0]["url"].endswith("/plans-portal/")


def test_a_missing_results_page_is_reported(served, tmp_path):
    with served(lambda site: shutil.rmtree(site / "plans" / AGENCY / "114" / "results")) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    missing = [f for f in failures(report) if f["check"] == "page"]
    assert [f["target"] for f in missing] == [f"{url}plans/{AGENCY}/114/results/"]
    assert "HTTP 404" in missing[0]["message_en"]


def test_a_tampered_csv_is_reported(served, tmp_path):
    def tamper(site: Path) -> None:
        csv_file = next((site / "plans" / AGENCY / "114").rglob("*results*.csv"))
        csv_file.write_bytes(csv_file.read_bytes().replace("已完成".encode(), "未達成".encode(), 1))

    with served(tamper) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert [(f["check"], f["message"]) for f in failures(report)] == [("download", "download_checksum")]
    assert "SHA-256" in failures(report)[0]["message_en"] and failures(report)[0]["target"].endswith("results.csv")


def test_a_results_table_with_unreported_leaves_is_reported(served, unreported_site, tmp_path):
    with served(source=unreported_site) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    requirement = [f for f in failures(report) if f["check"] == "requirement"]
    assert [f["target"] for f in requirement] == [f"{AGENCY} results 114"]
    assert requirement[0]["message_en"].endswith("results 114: Late: incomplete (14 of 16 reported); due by 31 January 2026")
    # The same words as the site's status page, in either language.
    assert requirement[0]["message_zh"].endswith("114年執行成效：逾期：不完整（14／16項已填報），期限為民國115年1月31日")
    unreported = [f for f in failures(report) if f["check"] == "consistency"]
    assert {f["target"] for f in unreported} == {f"{url}plans/{AGENCY}/114/results/",
                                                 f"{url}en/plans/{AGENCY}/114/results/"}
    assert all("2 of 16 items not reported" in f["message_en"] for f in unreported)


def test_a_plan_past_its_deadline_is_reported(served, tmp_path):
    with served() as url:
        status, report = check(url, tmp_path, "--date", LATE_DAY)
    assert status == 1
    late = [f for f in failures(report) if f["check"] == "requirement"]
    assert [f["target"] for f in late] == [f"{AGENCY} plan 116", f"{AGENCY} results 115"]
    assert late[0]["message_en"].endswith("plan 116: Late: not published; due by 31 January 2027")


def test_a_deadline_not_yet_passed_is_a_note_not_a_failure(served, tmp_path):
    with served() as url:
        status, report = check(url, tmp_path, "--date", "2027-01-15")
    assert status == 0
    notes = [f["target"] for site in report["sites"] for f in site["findings"] if f["outcome"] == "note"]
    assert notes == [f"{AGENCY} plan 116", f"{AGENCY} results 115"]


def test_a_manifest_that_is_not_json_is_reported(served, tmp_path):
    with served(lambda site: (site / "transparency.json").write_text("{\"format\": ", encoding="utf-8")) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert [f["message"] for f in failures(report)] == ["manifest_not_json"]


def test_a_manifest_against_its_schema_is_reported(served, tmp_path):
    def drop_bulk(site: Path) -> None:
        manifest = json.loads((site / "transparency.json").read_text(encoding="utf-8"))
        del manifest["bulk"]
        (site / "transparency.json").write_text(json.dumps(manifest), encoding="utf-8")

    with served(drop_bulk) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert [f["message"] for f in failures(report)] == ["manifest_schema"]
    assert "bulk" in failures(report)[0]["message_en"]


def test_html_where_json_is_expected_is_reported(served, tmp_path):
    with served(lambda site: (site / "transparency.json").write_bytes((site / "404.html").read_bytes())) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert "HTML page where JSON was expected" in failures(report)[0]["message_en"]


def test_a_server_that_hangs_is_reported_as_timed_out_without_a_traceback(tmp_path):
    with hanging_server() as url:
        started = time.monotonic()
        result = subprocess.run([*SPOT_CHECK, url, "--timeout", "0.5", "--retries", "1", "--lang", "en"],
                                capture_output=True, text=True, timeout=30)
    assert time.monotonic() - started < 15
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "timed out: no answer within 0.5 s" in result.stdout


def test_a_trickling_server_cannot_hold_the_run_and_the_report_names_it(served, tmp_path):
    """A byte every 0.5 s for two minutes, checked with a healthy site: the run ends soon after the timeout and
    the report is written, the slow site marked as such, the healthy one checked in full."""
    interval, count = 0.5, 240
    with served() as healthy, trickling_server(interval, count) as slow:
        started = time.monotonic()
        result = subprocess.run([*SPOT_CHECK, healthy, slow, "--timeout", "2", "--retries", "0", "--lang", "en",
                                 "--date", COMPLIANT_DAY, *EVERY_PAGE, "--json", str(tmp_path / "report.json")],
                                check=False, capture_output=True, text=True, timeout=interval * count / 2)
        elapsed = time.monotonic() - started
    assert elapsed < interval * count / 4, elapsed
    assert result.returncode == 1 and "Traceback" not in result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [(site["url"], site["passed"]) for site in report["sites"]] == [(healthy, True), (slow, False)]
    assert [(f["check"], f["message"], f["target"]) for f in failures(report)] == \
        [("manifest", "fetch_too_slow", slow + "transparency.json")]
    assert "did not finish within 2 s" in failures(report)[0]["message_en"]
    assert "2 秒內未傳完" in failures(report)[0]["message_zh"]
    assert f"✖ {slow}" in result.stdout and "did not finish within 2 s" in result.stdout


def test_a_manifest_redirected_to_another_origin_is_not_followed(compliant_site, tmp_path):
    with site_server(compliant_site) as (elsewhere, elsewhere_hits), \
            site_server(compliant_site, {"/transparency.json": elsewhere + "transparency.json"}) as (url, _):
        status, report = check(url, tmp_path, "--retries", "0")
    assert status == 1
    assert [(f["check"], f["message"], f["target"]) for f in failures(report)] == \
        [("manifest", "fetch_redirect_offsite", url + "transparency.json")]
    assert f"redirects to another site ({elsewhere}transparency.json)" in failures(report)[0]["message_en"]
    assert elsewhere_hits == []


def test_a_page_redirected_to_another_origin_is_not_followed(compliant_site, tmp_path):
    page = f"/plans/{AGENCY}/114/results/"
    with site_server(compliant_site) as (elsewhere, elsewhere_hits), \
            site_server(compliant_site, {page: elsewhere + page[1:]}) as (url, _):
        status, report = check(url, tmp_path, "--retries", "0")
    assert status == 1
    found = {(f["check"], f["message"], f["target"]) for f in failures(report)}
    assert ("page", "fetch_redirect_offsite", url + page[1:]) in found
    # Other pages link to it: those links are reported the same way, and nothing else fails.
    assert {(check, message) for check, message, _ in found} == {("page", "fetch_redirect_offsite"),
                                                                  ("link", "fetch_redirect_offsite")}
    assert elsewhere_hits == []


def test_a_redirect_loop_is_reported(tmp_path):
    with redirect_loop_server() as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert [f["message"] for f in failures(report)] == ["fetch_redirect_loop"]


def test_a_site_that_is_down_is_reported(tmp_path):
    status, report = check(closed_port_url(), tmp_path, "--retries", "0")
    assert status == 1
    assert "connection refused" in failures(report)[0]["message_en"]


def test_the_same_seed_draws_the_same_pages(served, tmp_path):
    with served() as url:
        draws = [check(url, tmp_path, "--sample", "3", "--seed", seed)[1]["sites"][0]["pages"]
                 for seed in ("11", "11", "12")]
    assert draws[0] == draws[1] and len(draws[0]) == 3
    assert draws[0] != draws[2]


def test_existing_reports_are_not_overwritten_without_force(served, tmp_path):
    existing = tmp_path / "kept.csv"
    existing.write_text("someone's notes", encoding="utf-8")
    with served() as url:
        refused = main([url, "--date", COMPLIANT_DAY, "--csv", str(existing)])
        assert existing.read_text(encoding="utf-8") == "someone's notes"
        forced = main([url, "--date", COMPLIANT_DAY, "--csv", str(existing), "--force"])
    assert refused == 2 and forced == 0
    assert existing.read_text(encoding="utf-8").startswith("site,check,outcome")


def test_bad_arguments_get_a_bilingual_message_and_no_traceback(tmp_path):
    unreadable = tmp_path / "urls.txt"
    unreadable.write_bytes(b"\xff\xfe\x00bad")
    cases = [["--file", str(tmp_path / "missing.txt")], ["--file", str(unreadable)], ["ftp://example/"],
             ["http://127.0.0.1/", "--date", "2026-02-30"], ["http://127.0.0.1/", "--sample", "many"], []]
    for args in cases:
        result = subprocess.run([*SPOT_CHECK, *args], capture_output=True, text=True)
        assert result.returncode == 2, args
        assert "錯誤 / Error" in result.stderr and "Traceback" not in result.stderr, args


def test_a_file_of_addresses_checks_every_site(served, tmp_path):
    listing = tmp_path / "sites.txt"
    with served() as url:
        listing.write_text(f"# portals\n{url}\n\n{closed_port_url()}  # down\n", encoding="utf-8")
        status, report = check(None, tmp_path, "--file", str(listing), "--retries", "0")
    assert status == 1
    assert [site["passed"] for site in report["sites"]] == [True, False]


def test_a_page_without_its_body_table_or_metadata_is_reported(served, tmp_path):
    def strip(site: Path) -> None:
        page = site / "en" / "plans" / AGENCY / "115" / "index.html"
        html = page.read_text(encoding="utf-8")
        html = html.replace('class="gk-table gk-body-table', 'class="gk-table').replace('name="DC.Rights"', 'name="x"')
        page.write_text(html, encoding="utf-8")

    with served(strip) as url:
        status, report = check(url, tmp_path, "--lang", "en")
    assert status == 1
    found = {(f["check"], f["message_en"]) for f in failures(report)}
    assert ("sections", "required sections missing: table (or list) of the main items") in found
    assert ("metadata", "metadata tags missing or empty: DC.Rights") in found
    assert ("consistency", "the page lists 0 items; transparency.json says 17") in found


def test_broken_internal_links_and_anchors_are_reported(served, tmp_path):
    def break_links(site: Path) -> None:
        shutil.rmtree(site / "privacy")
        page = site / "plans" / AGENCY / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace('href="#', 'href="#gone-', 1), encoding="utf-8")

    with served(break_links) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    links = {f["target"]: f["message"] for f in failures(report) if f["check"] == "link"}
    assert links[f"{url}privacy/"] == "fetch_http"
    assert any(target.startswith(f"{url}plans/{AGENCY}/#gone-") and message == "anchor_missing"
               for target, message in links.items())


def test_an_impossible_date_in_the_manifest_is_reported(served, tmp_path):
    def impossible(site: Path) -> None:
        manifest = site / "transparency.json"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace('"published": "2026-01-22"', '"published": "2026-02-30"'), encoding="utf-8")

    with served(impossible) as url:
        status, report = check(url, tmp_path)
    assert status == 1
    assert [f["message"] for f in failures(report) if f["check"] == "requirement"] == ["requirement_unreadable"]
